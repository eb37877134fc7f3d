#pragma once
// The training report written beside each checkpoint (models/<name>.report.json) and shown
// in the GUI: validation scores of the kept epoch, the split used and why, sizes, timing,
// the settings and the per-epoch history.
#include "Result.h"
#include "training/ClassScores.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <QVector>

namespace fl {

struct EpochRecord {
    int epoch = 0;
    double trainLoss = 0;
    double trainAccuracy = 0;
    double validationLoss = 0;
    double validationAccuracy = 0;
    double validationMacroF1 = 0;
    bool best = false;
    double seconds = 0;
    bool operator==(const EpochRecord&) const = default;
};

struct TrainingReport {
    static constexpr const char* kFormat = "fragmentlab-training-report";
    static constexpr int kVersion = 1;

    QString modelFile;            // file name in models/
    QString created;              // ISO 8601 UTC
    QString architecture;         // e.g. "fragnet (tconv, w=16, 64 px, T=4, diff)"
    QJsonObject settings;         // the options used
    QStringList classes;
    ClassScores validation;       // of the kept (best) epoch
    // split
    QString splitPolicy;          // "videos" / "time-blocks"
    QString splitReason;
    qint64 trainFragments = 0;
    qint64 validationFragments = 0;
    qint64 purgedFragments = 0;
    QVector<qint64> trainPerClass;
    QVector<qint64> validationPerClass;
    QStringList validationVideos;
    QStringList videos;           // videos that gave fragments
    // run
    int bestEpoch = 0;
    int epochsRun = 0;
    bool stoppedEarly = false;
    QVector<EpochRecord> history;
    QString device;
    int threads = 0;
    double prepareSeconds = 0;    // frame caches
    double trainSeconds = 0;      // training + validation
    double samplesPerSecond = 0;  // training samples per second
    // model
    qint64 parameters = 0;
    qint64 flopsPerFragment = 0;
    QString torchVersion;
    quint64 seed = 0;

    QJsonObject toJson() const;
    static Result<TrainingReport> fromJson(const QByteArray& bytes, const QString& file);
    static Result<TrainingReport> load(const QString& file);
    Status save(const QString& file) const;   // atomic
};

} // namespace fl
