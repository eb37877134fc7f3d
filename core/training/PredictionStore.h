#pragma once
// A project's stored predictions, per model: predictions/<model base name>/<video file name>.flpred
// (the model base name is its checkpoint file name without ".flmodel").
//
// File (little-endian): "FLPRED\r\n" (8 bytes), uint32 format version, uint32 length of a UTF-8
// JSON header {"model","video","video_hash","frame_count","spec":{length,stride,step},
// "classes":[...],"feature_size","fragments","predicted"}, then float32 probabilities
// (fragments x classes, NaN rows = not predicted), then float32 features (fragments x
// feature_size, or none), then a SHA-256 over everything before it. Written with QSaveFile (a
// temporary renamed only when complete); read() refuses a file whose tag, version, checksum,
// header or sizes are wrong, with one line naming the file and the problem.
//
// Staleness: stored predictions are for one version of the video (its content hash and frame
// count) and one fragment spec; when the project's video or spec has changed since, they are
// stale (kept on disk, not shown as valid).
#include "Result.h"
#include "analysis/VideoPredictions.h"

#include <QByteArray>
#include <QString>

#include <vector>

namespace fl {

class Project;

struct StoredPredictions {
    VideoPredictions predictions;
    QString videoHash; // ProjectVideo::hash of the video they were made from
};

enum class PredictionState { Missing, Fresh, Stale, Damaged };

// One project video's predictions under one model, as loaded with the project.
struct VideoPredictionState {
    int video = -1; // index in the project
    QString file;   // the .flpred file (absolute)
    PredictionState state = PredictionState::Missing;
    QString message;              // why Stale or Damaged (one line naming the file); empty otherwise
    VideoPredictions predictions; // filled when Fresh or Stale
};

class PredictionStore {
public:
    static constexpr int kFormatVersion = 1;
    static QString suffix() { return QStringLiteral(".flpred"); }

    // "x.flmodel" -> "x" (the folder name under predictions/).
    static QString modelKey(const QString& modelId);
    static QString folderFor(const Project& project, const QString& modelId);
    static QString fileFor(const Project& project, const QString& modelId, const QString& videoFileName);

    static Result<QByteArray> encode(const VideoPredictions& predictions, const QString& videoHash);
    // `file` only names the source in messages.
    static Result<StoredPredictions> decode(const QByteArray& bytes, const QString& file);
    static Result<StoredPredictions> read(const QString& file);
    // Atomic write of fileFor(project, predictions.modelId, predictions.video); the video must
    // be in the project (its hash is stored). Returns the file written.
    static Result<QString> save(const Project& project, const VideoPredictions& predictions);

    // Empty when `stored` is valid for project video `video` now, else why not (one line).
    static QString staleReason(const Project& project, int video, const StoredPredictions& stored);

    // Every project video's predictions under `modelId` (Missing when there is no file).
    static std::vector<VideoPredictionState> loadForModel(const Project& project, const QString& modelId);
    // The same for the project's active model; fails when none is set.
    static Result<std::vector<VideoPredictionState>> loadActive(const Project& project);
    // The fresh predictions of loadActive(), in project video order; fails when no active model
    // is set or no video has fresh predictions ("run predict first").
    static Result<std::vector<VideoPredictions>> freshActive(const Project& project);
};

} // namespace fl
