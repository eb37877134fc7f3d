#pragma once
// Everything a checkpoint says about its model besides the weights: what it takes as input
// (architecture and options, fragment geometry, input size, normalisation), what it gives
// (class names), and where it came from (LibTorch version, training date, seed, device,
// validation macro-F1). Plain data; FragmentModel::save/load write and validate it.
#include "ml/ModelConfig.h"

#include <array>
#include <cstdint>
#include <string>
#include <vector>

namespace fl::ml {

// The fragment spec the model was trained on (core's FragmentSpec, without Qt).
struct FragmentGeometry {
    int length = 4; // T
    int stride = 4; // S
    int step = 1;   // K
    bool operator==(const FragmentGeometry&) const = default;
};

// Per-channel (R, G, B) mean and standard deviation of the training frames, in [0, 1] units.
struct Normalization {
    std::array<float, 3> mean{0.5f, 0.5f, 0.5f};
    std::array<float, 3> stdev{0.25f, 0.25f, 0.25f};
    bool operator==(const Normalization&) const = default;
};

struct ModelInfo {
    ModelConfig config; // config.frames == fragment.length, config.classes == classes.size()
    std::vector<std::string> classes;
    FragmentGeometry fragment;
    Normalization normalization;
    std::string torchVersion; // LibTorch that trained it (set by save when empty)
    std::string trainedAt;    // ISO 8601 UTC, e.g. "2024-05-01T12:00:00Z"
    std::string device;       // "cpu", "cuda:0"
    std::uint64_t seed = 0;
    int bestEpoch = 0;
    double validationMacroF1 = -1; // < 0: unknown
    double validationAccuracy = -1;
    // How its outputs become decisions, tuned on held-out folds by the default training
    // (format version 2; older models: no calibration, plain argmax, no smoothing):
    double temperature = 1.0;            // logits are divided by it before the softmax (calibration)
    std::vector<double> classThresholds; // empty, or one per class: the decided class is argmax(p_c - t_c)
    int minBout = 1;                     // runs of fewer fragments fold into their neighbours

    // Empty when consistent, else one line.
    std::string validate() const;
    bool operator==(const ModelInfo&) const = default;
};

} // namespace fl::ml
