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

// One configuration the default training tried, scored by grouped cross-validation.
struct CandidateScore {
    QString name;                // e.g. "motion", "appearance", "two-stream"
    QString architecture;        // ModelConfig::describe()
    QVector<double> foldMacroF1; // one per fold, on its held-out fragments
    double meanMacroF1 = 0;
    double sdMacroF1 = 0;
    double logLoss = 0; // mean over the held-out fragments of all folds
    double seconds = 0; // training and scoring on every fold
    bool operator==(const CandidateScore&) const = default;
};

// What one click did before the final training (absent from reports of older versions and of
// trainings with a configuration given by hand: used = false).
struct ModelSelection {
    bool used = false;
    QString foldPolicy; // "videos" or "time-blocks"
    QString foldReason;
    int folds = 0;
    qint64 purgedFragments = 0; // training fragments left out next to held-out ones, over all folds
    QVector<CandidateScore> candidates;
    QString winner;
    QString winnerReason; // one sentence
    // Tuned on the winner's out-of-fold predictions and stored with the model:
    double temperature = 1.0;
    double eceBefore = -1; // expected calibration error (15 bins) of the held-out predictions
    double eceAfter = -1;  //   before and after temperature scaling (cross-fitted)
    QVector<double> classThresholds;
    int minBout = 1;
    double macroF1Raw = -1;   // out-of-fold macro-F1 of the argmax ...
    double macroF1Tuned = -1; // ... and with the thresholds and minimum bout
    // Time per stage (seconds).
    double selectionSeconds = 0;
    double finalSeconds = 0;
    double tuningSeconds = 0;
    bool operator==(const ModelSelection&) const = default;

    QJsonObject toJson() const;
    static ModelSelection fromJson(const QJsonObject& o);
};

struct TrainingReport {
    static constexpr const char* kFormat = "fragmentlab-training-report";
    static constexpr int kVersion = 2; // 2: "selection" (version 1 reports still load)

    QString modelFile;    // file name in models/
    QString created;      // ISO 8601 UTC
    QString architecture; // e.g. "fragnet (tconv, w=16, 64 px, T=4, diff)"
    QJsonObject settings; // the options used
    QStringList classes;
    ClassScores validation; // of the kept (best) epoch
    // split
    QString splitPolicy; // "videos" / "time-blocks"
    QString splitReason;
    qint64 trainFragments = 0;
    qint64 validationFragments = 0;
    qint64 purgedFragments = 0;
    QVector<qint64> trainPerClass;
    QVector<qint64> validationPerClass;
    QStringList validationVideos;
    QStringList videos; // videos that gave fragments
    // run
    int bestEpoch = 0;
    int epochsRun = 0;
    bool stoppedEarly = false;
    QVector<EpochRecord> history;
    QString device;
    int threads = 0;
    double prepareSeconds = 0;   // frame caches
    double trainSeconds = 0;     // training + validation
    double samplesPerSecond = 0; // training samples per second
    // model
    qint64 parameters = 0;
    qint64 flopsPerFragment = 0;
    QString torchVersion;
    quint64 seed = 0;
    ModelSelection selection;

    QJsonObject toJson() const;
    static Result<TrainingReport> fromJson(const QByteArray& bytes, const QString& file);
    static Result<TrainingReport> load(const QString& file);
    Status save(const QString& file) const; // atomic
};

} // namespace fl
