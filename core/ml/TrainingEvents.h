#pragma once
// What the Trainer tells its caller while it runs (callbacks are called on the training
// thread) and what it gives back.
#include "ml/FragmentModel.h"
#include "ml/Metrics.h"

#include <atomic>
#include <functional>
#include <vector>

namespace fl::ml {

struct BatchProgress {
    int epoch = 0;  // 1-based
    int epochs = 0; // planned
    int step = 0;   // 1-based, within the epoch
    int stepsPerEpoch = 0;
    std::int64_t globalStep = 0; // 1-based over the whole run
    std::int64_t totalSteps = 0; // planned (early stopping may end sooner)
    double loss = 0;             // running mean over the epoch so far
    double accuracy = 0;         // running training accuracy over the epoch so far
    double learningRate = 0;
    double samplesPerSecond = 0; // training throughput in this epoch so far
    double secondsLeft = -1;     // estimate for the planned run (< 0: unknown yet)
};

struct EpochMetrics {
    int epoch = 0; // 1-based
    double trainLoss = 0;
    double trainAccuracy = 0;
    double validationLoss = 0;
    double validationAccuracy = 0;
    double validationMacroF1 = 0;
    bool best = false;           // the best so far (kept as the result)
    double seconds = 0;          // wall time of this epoch including validation
    double samplesPerSecond = 0; // training samples per second
    ClassificationReport validation;
};

struct TrainingCallbacks {
    std::function<void(const BatchProgress&)> batch;
    std::function<void(const EpochMetrics&)> epoch;
    const std::atomic<bool>* cancel = nullptr; // checked before every batch
};

struct TrainingOutcome {
    bool cancelled = false;          // then model is invalid and nothing else is meaningful
    FragmentModel model;             // the best epoch's weights and the optimizer state with them
    ClassificationReport validation; // of the best epoch
    std::vector<EpochMetrics> history;
    int bestEpoch = 0;
    int epochsRun = 0;
    bool stoppedEarly = false;
    std::string device;
    int threads = 0;
    double trainSeconds = 0;     // training + validation
    double samplesPerSecond = 0; // training samples per second over the run
    std::int64_t trainSamples = 0;
    std::int64_t validationSamples = 0;
};

} // namespace fl::ml
