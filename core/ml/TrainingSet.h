#pragma once
// The labeled fragments a Trainer learns from: views of each video's frames (at the model's
// input size) and, per fragment, where it starts, how far its start may be jittered without
// leaving its labeled range, and its class. The caller (core's TrainingJob) decides the
// train/validation split.
#include "ml/ModelInfo.h"
#include "ml/VideoFrames.h"

#include <cstdint>
#include <string>
#include <vector>

namespace fl::ml {

struct LabeledFragment {
    int video = 0;               // index into TrainingSet::videos
    std::int64_t firstFrame = 0; // the fragment's first frame (frames first + t * step)
    std::int64_t minFirst = 0;   // temporal jitter keeps the start in [minFirst, maxFirst]
    std::int64_t maxFirst = 0;
    int label = 0; // index into TrainingSet::classes
};

struct TrainingSet {
    std::vector<VideoFrames> videos;
    std::vector<std::string> classes;
    FragmentGeometry fragment;
    std::vector<LabeledFragment> train;
    std::vector<LabeledFragment> validation; // may be empty: then the last epoch is kept

    // Empty when usable, else one line (no fragments, a class missing from training, a frame
    // outside its video, frames of the wrong size, ...).
    std::string validate(int inputSize) const;
};

} // namespace fl::ml
