#pragma once
// INTERNAL to core/ml (includes LibTorch): uint8 frames -> the network's float input.
// Shared by the Trainer and the Predictor (and inspection), so training and inference see
// exactly the same preprocessing.
#include "ml/ModelInfo.h"

#include <torch/types.h>

#include <cstdint>
#include <vector>

namespace fl::ml::detail {

// One sample's augmentation (identity by default).
struct SampleAugment {
    float cropScale = 1.0f; // crop side / frame side
    float cropX = 0.5f;     // crop position in [0, 1] of the free room
    float cropY = 0.5f;
    bool flip = false;
    float brightness = 0.0f; // added, in [0, 1] pixel units
    float contrast = 1.0f;   // factor around the sample's mean
    float motion = 1.0f;     // changes from the first frame scaled by it (1: as they are)
};

// `frames` holds batch * frameCount pointers (sample-major), each to height x width x 3 RGB
// bytes. Returns uint8 [B, T, H, W, 3].
torch::Tensor gatherFrames(const std::vector<const std::uint8_t*>& frames, std::int64_t batch, int frameCount,
                           int height, int width);

// uint8 [B, T, H, W, 3] -> float [B, T, C, H, W]: augmentation (when given, one per sample) in
// [0, 1] units, the augmented pixels rounded to the 1/255 steps real frames have (so a small
// change stays as visible, or invisible, as it would be in real footage), normalisation, then the frame-difference
// channel when asked for: |grey_t - grey_{t-1}| of the normalised frames (frame 0 repeats frame 1's).
torch::Tensor modelInput(const torch::Tensor& frames, const Normalization& norm, bool frameDifference,
                         const std::vector<SampleAugment>* augment = nullptr);

} // namespace fl::ml::detail
