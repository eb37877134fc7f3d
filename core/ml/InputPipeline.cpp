#include "ml/detail/InputPipeline.h"

#include <torch/nn/functional/upsampling.h>
#include <torch/nn/functional/vision.h>

#include <cstring>

namespace fl::ml::detail {

torch::Tensor gatherFrames(const std::vector<const std::uint8_t*>& frames, std::int64_t batch, int frameCount,
                           int height, int width)
{
    auto out = torch::empty({batch, frameCount, height, width, 3}, torch::kUInt8);
    const size_t frameBytes = size_t(height) * size_t(width) * 3;
    auto* dst = out.data_ptr<std::uint8_t>();
    for (size_t i = 0; i < frames.size() && i < size_t(batch * frameCount); ++i)
        std::memcpy(dst + i * frameBytes, frames[i], frameBytes);
    return out;
}

torch::Tensor modelInput(const torch::Tensor& frames, const Normalization& norm, bool frameDifference,
                         const std::vector<SampleAugment>* augment)
{
    namespace F = torch::nn::functional;
    // [B, T, H, W, 3] -> [B, T, 3, H, W] in [0, 1]
    auto x = frames.permute({0, 1, 4, 2, 3}).to(torch::kFloat32).div_(255.0f).contiguous();
    const std::int64_t b = x.size(0);
    const std::int64_t h = x.size(3);
    const std::int64_t w = x.size(4);
    if (augment) {
        std::vector<torch::Tensor> samples;
        samples.reserve(size_t(b));
        for (std::int64_t i = 0; i < b; ++i) {
            const SampleAugment a = i < std::int64_t(augment->size()) ? (*augment)[size_t(i)] : SampleAugment{};
            auto s = x[i]; // [T, 3, H, W]
            if (a.cropScale < 0.999f) {
                const std::int64_t ch = std::max<std::int64_t>(4, std::int64_t(std::lround(a.cropScale * float(h))));
                const std::int64_t cw = std::max<std::int64_t>(4, std::int64_t(std::lround(a.cropScale * float(w))));
                const std::int64_t y0 = std::int64_t(std::lround(a.cropY * float(h - ch)));
                const std::int64_t x0 = std::int64_t(std::lround(a.cropX * float(w - cw)));
                s = s.slice(2, y0, y0 + ch).slice(3, x0, x0 + cw);
                s = F::interpolate(s,
                                   F::InterpolateFuncOptions()
                                       .size(std::vector<int64_t>{h, w})
                                       .mode(torch::kBilinear)
                                       .align_corners(false));
            }
            if (a.flip) s = s.flip({3});
            if (a.contrast != 1.0f || a.brightness != 0.0f) {
                const auto mean = s.mean();
                s = ((s - mean) * a.contrast + mean + a.brightness).clamp(0.0f, 1.0f);
            }
            if (a.motion != 1.0f) {
                const auto first = s.slice(0, 0, 1);
                s = first + (s - first) * a.motion;
            }
            samples.push_back(s.mul(255.0f).round_().div_(255.0f));
        }
        x = torch::stack(samples);
    }
    const auto mean = torch::tensor({norm.mean[0], norm.mean[1], norm.mean[2]}).view({1, 1, 3, 1, 1});
    const auto stdev = torch::tensor({norm.stdev[0], norm.stdev[1], norm.stdev[2]}).view({1, 1, 3, 1, 1});
    x = (x - mean) / stdev;
    if (frameDifference) {
        const auto grey = x.mean(2, /*keepdim=*/true); // [B, T, 1, H, W]
        const std::int64_t t = grey.size(1);
        auto diff = (grey.slice(1, 1, t) - grey.slice(1, 0, t - 1)).abs();
        diff = torch::cat({diff.slice(1, 0, 1), diff}, 1);
        x = torch::cat({x, diff}, 2);
    }
    return x.contiguous();
}

} // namespace fl::ml::detail
