#pragma once
// How to train: the model's shape, the optimisation schedule, augmentation, class balance,
// seed and device. Defaults suit a few hundred labeled fragments on 2 CPU cores.
#include "ml/Device.h"
#include "ml/ModelConfig.h"

#include <cstdint>
#include <string>

namespace fl::ml {

struct Augmentation {
    double cropProbability = 0.5; // share of samples that get a random crop (the rest see the frames as they are)
    double minCropScale = 0.85;   // random square crop of [minCropScale, 1] x the frame side, resized back (1: off)
    // The default training turns it off (TrainingJob's candidates): a mirrored fragment is
    // another class when left and right matter (the direction of a movement, where in the
    // frame something happens).
    bool horizontalFlip = true;
    double brightness = 0.1; // add U(-b, b) (pixel values in [0, 1])
    double contrast = 0.1;   // scale around the mean by U(1-c, 1+c) (the default training: 0.5)
    int temporalJitter = 1;  // move the start frame by up to +-N frames (inside the labeled range)
    // > 0: the changes between a fragment's frames are scaled by U(motionScale, 1), as if the
    // same thing moved slower or the footage had less contrast: the amount of motion differs
    // from one video to the next, and a class like "static" should not hinge on it.
    double motionScale = 0.0; // (the default training: 0.03)
    // Networks with a fixed front end (twostream) see every fragment in this many versions,
    // made once before training: as it is and views - 1 times augmented as above.
    int views = 4;
    bool enabled = true;
};

enum class ClassBalance { WeightedLoss, BalancedSampling, None };
std::string classBalanceName(ClassBalance b); // "weighted-loss", "balanced-sampling", "none"

struct TrainingOptions {
    ModelConfig model; // classes and frames are set from the data
    int epochs = 30;   // at most
    int batchSize = 32;
    double learningRate = 3e-3;  // peak learning rate of the one-cycle schedule
    double weightDecay = 1e-2;   // AdamW's decoupled weight decay
    double warmupFraction = 0.1; // linear warm-up over this fraction of all steps, then cosine decay
    int patience = 8;            // early stop after this many epochs without a better validation macro-F1 (0: never)
    // > 0: few fragments still get this many optimisation steps (more epochs, up to 8x
    // `epochs`), so 25 labels train as long as 200 do.
    int minSteps = 0;
    Augmentation augmentation;
    ClassBalance balance = ClassBalance::WeightedLoss;
    std::uint64_t seed = 1;
    DeviceChoice device = DeviceChoice::Auto;
    bool mixedPrecision = true; // CUDA only: autocast to float16 with dynamic loss scaling

    std::string validate() const; // empty when valid
};

} // namespace fl::ml
