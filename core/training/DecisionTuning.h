#pragma once
// What the default training tunes on held-out (out-of-fold) predictions before it stores a
// model: the temperature that calibrates its probabilities, per-class decision thresholds and
// the minimum bout length (docs/MODEL.md). Pure functions; scores are macro-F1.
#include "analysis/PredictionSmoothing.h"

#include <vector>

namespace fl {

using ScoreRows = std::vector<std::vector<float>>; // one row per fragment

// softmax(logits / temperature), row by row (an empty row stays empty).
ScoreRows softmaxRows(const ScoreRows& logits, double temperature);
// The temperature in [0.05, 20] that minimises the negative log-likelihood of `truth` under
// softmax(logits / T) (golden-section search on log T); 1 when there is nothing to fit.
double fitTemperature(const ScoreRows& logits, const std::vector<int>& truth);
// Expected calibration error: the confidence (largest probability) in `bins` equal-width bins,
// |accuracy - mean confidence| per bin weighted by its share of fragments.
double expectedCalibrationError(const ScoreRows& probabilities, const std::vector<int>& truth, int bins = 15);
// Macro-F1 of the decided classes (SmoothingOptions::classThresholds rule) against truth (-1: skip).
double decidedMacroF1(const ScoreRows& probabilities, const std::vector<int>& truth, int classes,
                      const std::vector<double>& thresholds);

// Per-class thresholds chosen for the best mean over the folds of the held-out macro-F1 (`fold`:
// each row's fold). Two classes: the threshold on the second class's probability from 0.05 to
// 0.95, the one nearest 0.5 among equals; more classes: two rounds of coordinate search. Kept
// only when they raise the mean by at least `minGain` and lower no fold's score by more than
// 0.005 (a gain the folds do not agree on is noise); else empty (plain argmax).
std::vector<double> tuneClassThresholds(const ScoreRows& probabilities, const std::vector<int>& truth,
                                        const std::vector<int>& fold, int classes, double minGain = 0.01);

// Consecutive fragments of one video as a fold model predicted them, with the truth of the
// held-out labeled ones (-1 elsewhere).
struct HeldOutStretch {
    ScoreRows probabilities;
    std::vector<int> truth;
    int fold = 0;
};
// The minimum bout (among 1, 2, 3, 4, 6, 8 fragments) with the best mean over the folds of the
// macro-F1 of the stretches' labeled fragments once smoothed, under the same rule as the
// thresholds (mean gain >= minGain, no fold worse by more than 0.005); else 1. `before` and
// `after` receive the pooled macro-F1 without and with it.
int tuneMinBout(const std::vector<HeldOutStretch>& stretches, int classes, const std::vector<double>& thresholds,
                double* before = nullptr, double* after = nullptr, double minGain = 0.01);

} // namespace fl
