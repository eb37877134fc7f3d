#pragma once
// Frames made in memory for checks and benchmarks that must run without video files (the
// ml-only build on a GPU machine, unit tests of the trainer): a bright square on a dark
// textured background that moves (class 0, "motion") or stands still (class 1, "static") in
// alternating segments.
#include "ml/TrainingSet.h"

#include <cstdint>
#include <vector>

namespace fl::ml {

struct SyntheticVideo {
    std::vector<std::uint8_t> pixels; // frames x size x size x 3, RGB
    std::vector<int> frameClass;      // 0 motion, 1 static
    VideoFrames view() const { return {pixels.data(), std::int64_t(frameClass.size()), m_size, m_size}; }

    static SyntheticVideo make(int frames, int size, std::uint64_t seed, int segment = 32);

    // A TrainingSet over `video` (which must outlive it): fragments of `length` frames,
    // stride `length`, inside one segment; those starting before `validationFrom` train,
    // the rest validate.
    TrainingSet trainingSet(int length, std::int64_t validationFrom) const;

private:
    int m_size = 0;
};

} // namespace fl::ml
