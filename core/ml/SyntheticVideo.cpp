#include "ml/SyntheticVideo.h"

#include <random>

namespace fl::ml {

SyntheticVideo SyntheticVideo::make(int frames, int size, std::uint64_t seed, int segment)
{
    SyntheticVideo v;
    v.m_size = size;
    v.pixels.resize(size_t(frames) * size_t(size) * size_t(size) * 3);
    std::mt19937_64 rng(seed);
    const int side = std::max(2, size / 5);
    int x = size / 4;
    int y = size / 3;
    int dx = std::max(1, size / 20);
    int dy = std::max(1, size / 32);
    for (int f = 0; f < frames; ++f) {
        const int cls = (f / segment) % 2;
        v.frameClass.push_back(cls);
        if (cls == 0) {
            x += dx;
            y += dy;
            if (x < 0 || x + side >= size) {
                dx = -dx;
                x += 2 * dx;
            }
            if (y < 0 || y + side >= size) {
                dy = -dy;
                y += 2 * dy;
            }
        }
        std::uint8_t* p = v.pixels.data() + size_t(f) * size_t(size) * size_t(size) * 3;
        for (int r = 0; r < size; ++r) {
            for (int c = 0; c < size; ++c) {
                const bool in = r >= y && r < y + side && c >= x && c < x + side;
                const int noise = int(rng() % 9);
                const auto value = std::uint8_t(in ? 220 - noise : 40 + ((r + c) % 8) * 4 + noise);
                std::uint8_t* px = p + (size_t(r) * size_t(size) + size_t(c)) * 3;
                px[0] = px[1] = px[2] = value;
            }
        }
    }
    return v;
}

TrainingSet SyntheticVideo::trainingSet(int length, std::int64_t validationFrom) const
{
    TrainingSet data;
    data.videos = {view()};
    data.classes = {"motion", "static"};
    data.fragment = {length, length, 1};
    const std::int64_t frames = std::int64_t(frameClass.size());
    for (std::int64_t f = 0; f + length <= frames; f += length) {
        const int cls = frameClass[size_t(f)];
        if (frameClass[size_t(f + length - 1)] != cls) continue;
        const LabeledFragment s{0, f, f, f, cls};
        (f < validationFrom ? data.train : data.validation).push_back(s);
    }
    return data;
}

} // namespace fl::ml
