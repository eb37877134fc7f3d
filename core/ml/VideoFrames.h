#pragma once
// A view of one video's decoded frames as core's FragmentCache stores them: RGB uint8,
// height x width x 3 per frame, frames back to back. The memory belongs to the caller (e.g.
// the memory-mapped cache file) and must outlive the training or prediction that reads it.
#include <cstdint>

namespace fl::ml {

struct VideoFrames {
    const std::uint8_t* pixels = nullptr;
    std::int64_t frameCount = 0;
    int width = 0;
    int height = 0;

    std::int64_t bytesPerFrame() const { return std::int64_t(width) * height * 3; }
    const std::uint8_t* frame(std::int64_t i) const { return pixels + i * bytesPerFrame(); }
};

} // namespace fl::ml
