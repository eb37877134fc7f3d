// Batched inference and layer activations.
#include "ml/Predictor.h"

#include "ml/detail/InputPipeline.h"
#include "ml/detail/ModelState.h"

#include <c10/core/InferenceMode.h>
#include <c10/util/Exception.h>
#include <torch/utils.h>

#include <algorithm>

namespace fl::ml {

MlResult<Predictor> Predictor::create(const FragmentModel& model, DeviceChoice device, int batchSize)
{
    if (!model.isValid()) return MlStatus::failure("no model");
    auto resolved = resolveDevice(device);
    if (!resolved) return resolved.status();
    Predictor p;
    p.m_model = model.clone();
    p.m_device = *resolved;
    p.m_batchSize = std::max(1, batchSize);
    try {
        p.m_model.impl()->net->to(torch::Device(p.m_device));
    } catch (const std::exception& e) {
        return MlStatus::failure("cannot move the model to " + p.m_device + ": " + firstLine(e.what()));
    }
    p.m_model.impl()->net->eval();
    return p;
}

MlResult<std::vector<FragmentPrediction>> Predictor::predict(const std::vector<const std::uint8_t*>& blocks) const
{
    if (!isValid()) return MlStatus::failure("no model");
    const ModelInfo& info = m_model.info();
    const int t = info.config.frames;
    const int size = info.config.inputSize;
    const size_t frameBytes = size_t(size) * size_t(size) * 3;
    std::vector<FragmentPrediction> out;
    out.reserve(blocks.size());
    try {
        c10::InferenceMode guard;
        auto& net = *m_model.impl()->net;
        const torch::Device device(m_device);
        for (size_t from = 0; from < blocks.size(); from += size_t(m_batchSize)) {
            const size_t to = std::min(blocks.size(), from + size_t(m_batchSize));
            std::vector<const std::uint8_t*> frames;
            frames.reserve((to - from) * size_t(t));
            for (size_t i = from; i < to; ++i)
                for (int f = 0; f < t; ++f) frames.push_back(blocks[i] + size_t(f) * frameBytes);
            auto u8 = detail::gatherFrames(frames, std::int64_t(to - from), t, size, size);
            auto x = detail::modelInput(u8, info.normalization, info.config.inputChannels() == 4).to(device);
            auto result = net.run(x, false);
            // Calibrated: the logits divided by the model's temperature (1 when not calibrated).
            auto probs =
                torch::softmax(result.logits.to(torch::kFloat32) / info.temperature, 1).to(torch::kCPU).contiguous();
            auto feats = result.features.to(torch::kFloat32).to(torch::kCPU).contiguous();
            const std::int64_t k = probs.size(1);
            const std::int64_t d = feats.size(1);
            const float* pp = probs.data_ptr<float>();
            const float* fp = feats.data_ptr<float>();
            for (std::int64_t i = 0; i < probs.size(0); ++i) {
                FragmentPrediction p;
                p.probabilities.assign(pp + i * k, pp + (i + 1) * k);
                p.features.assign(fp + i * d, fp + (i + 1) * d);
                const auto best = std::max_element(p.probabilities.begin(), p.probabilities.end());
                p.predicted = int(best - p.probabilities.begin());
                p.confidence = *best;
                out.push_back(std::move(p));
            }
        }
    } catch (const c10::OutOfMemoryError&) {
        return MlStatus::failure("out of GPU memory while predicting on " + m_device + " (batch size "
                                 + std::to_string(m_batchSize) + "): predict on the CPU or use a smaller batch");
    } catch (const std::exception& e) {
        return MlStatus::failure("prediction failed: " + firstLine(e.what()));
    }
    return out;
}

MlResult<std::vector<FragmentPrediction>> Predictor::predict(const VideoFrames& video,
                                                             const std::vector<std::int64_t>& firstFrames) const
{
    if (!isValid()) return MlStatus::failure("no model");
    const ModelInfo& info = m_model.info();
    if (video.width != info.config.inputSize || video.height != info.config.inputSize)
        return MlStatus::failure("frames are " + std::to_string(video.width) + "x" + std::to_string(video.height)
                                 + ", the model takes " + std::to_string(info.config.inputSize) + "x"
                                 + std::to_string(info.config.inputSize));
    if (info.fragment.step == 1) {
        // Frames of a fragment are contiguous in the view: no copy needed.
        std::vector<const std::uint8_t*> blocks;
        blocks.reserve(firstFrames.size());
        const std::int64_t span = info.config.frames;
        for (auto f : firstFrames) {
            if (f < 0 || f + span > video.frameCount)
                return MlStatus::failure("fragment start " + std::to_string(f) + " is outside the video");
            blocks.push_back(video.frame(f));
        }
        return predict(blocks);
    }
    // Frame step > 1: gather each fragment's frames into a block first.
    const std::int64_t t = info.config.frames;
    const size_t frameBytes = size_t(video.bytesPerFrame());
    std::vector<std::uint8_t> storage(firstFrames.size() * size_t(t) * frameBytes);
    std::vector<const std::uint8_t*> blocks;
    for (size_t i = 0; i < firstFrames.size(); ++i) {
        const std::int64_t f = firstFrames[i];
        if (f < 0 || f + (t - 1) * info.fragment.step >= video.frameCount)
            return MlStatus::failure("fragment start " + std::to_string(f) + " is outside the video");
        std::uint8_t* dst = storage.data() + i * size_t(t) * frameBytes;
        for (std::int64_t k = 0; k < t; ++k)
            std::copy_n(video.frame(f + k * info.fragment.step), frameBytes, dst + size_t(k) * frameBytes);
        blocks.push_back(dst);
    }
    return predict(blocks);
}

MlResult<LayerActivations> Predictor::activations(const std::uint8_t* block, const std::string& layer) const
{
    if (!isValid()) return MlStatus::failure("no model");
    const auto names = m_model.layerNames();
    if (std::find(names.begin(), names.end(), layer) == names.end())
        return MlStatus::failure("the model has no layer \"" + layer + "\"");
    const ModelInfo& info = m_model.info();
    const int t = info.config.frames;
    const int size = info.config.inputSize;
    const size_t frameBytes = size_t(size) * size_t(size) * 3;
    try {
        c10::InferenceMode guard;
        std::vector<const std::uint8_t*> frames;
        for (int f = 0; f < t; ++f) frames.push_back(block + size_t(f) * frameBytes);
        auto x = detail::modelInput(detail::gatherFrames(frames, 1, t, size, size), info.normalization,
                                    info.config.inputChannels() == 4)
                     .to(torch::Device(m_device));
        auto result = m_model.impl()->net->run(x, true);
        for (const auto& tap : result.taps) {
            if (tap.name != layer) continue;
            LayerActivations a;
            a.layer = layer;
            torch::Tensor v;
            if (tap.layout == detail::TapLayout::Vector) {
                v = tap.value.reshape({1, 1, tap.value.size(1), 1, 1});
            } else {
                v = detail::frameMajor(tap, 1, tap.layout == detail::TapLayout::BatchTimeFlat ? t : tap.value.size(2));
            }
            v = v.to(torch::kFloat32).to(torch::kCPU).contiguous();
            a.frames = int(v.size(1));
            a.channels = int(v.size(2));
            a.height = int(v.size(3));
            a.width = int(v.size(4));
            a.values.assign(v.data_ptr<float>(), v.data_ptr<float>() + v.numel());
            return a;
        }
    } catch (const std::exception& e) {
        return MlStatus::failure("inspection failed: " + firstLine(e.what()));
    }
    return MlStatus::failure("the model has no layer \"" + layer + "\"");
}

} // namespace fl::ml
