#pragma once
// Trains a fragment model from scratch on the calling thread.
//
// AdamW with a one-cycle schedule (linear warm-up, cosine decay), weighted cross-entropy (or
// balanced sampling) against class imbalance, augmentation on the fly (random crop/scale,
// horizontal flip, brightness/contrast, temporal jitter of the start frame), normalisation
// with the training frames' per-channel mean and std (stored in the model). After every epoch
// the validation split is scored; the epoch with the best validation macro-F1 is kept (its
// weights and optimizer state, a lower validation loss breaking ties); training stops early
// after `patience` epochs without a higher validation macro-F1 (once F1 is 1.0, `patience`
// epochs later).
//
// Determinism: the same data, options and seed give the same model on the same device with
// the same number of threads (one seeded generator drives shuffling and augmentation;
// torch::manual_seed seeds the weights and dropout; CUDA runs deterministic algorithms).
// Cancel: the flag is checked before every batch; a cancelled run returns cancelled = true.
#include "ml/MlResult.h"
#include "ml/TrainingEvents.h"
#include "ml/TrainingOptions.h"
#include "ml/TrainingSet.h"

namespace fl::ml {

class Trainer {
public:
    // Errors: invalid options or data, CUDA asked for but missing, out of (GPU) memory — each a
    // one-line message (out of GPU memory suggests the CPU or a smaller batch).
    static MlResult<TrainingOutcome> train(const TrainingSet& data, const TrainingOptions& options,
                                           const TrainingCallbacks& callbacks = {});

    // The optimisation steps a run on `fragments` training fragments will take (epochs raised by
    // minSteps, no early stop): for progress over several runs.
    static std::int64_t plannedSteps(std::int64_t fragments, const TrainingOptions& options);

    // Per-channel mean/std of the frames the training fragments cover (up to `maxFrames`
    // frames, evenly spread), in [0, 1] units.
    static Normalization computeNormalization(const TrainingSet& data, int maxFrames = 2048);
};

} // namespace fl::ml
