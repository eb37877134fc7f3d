// Grad-CAM over the networks' taps (see detail/Networks.h).
#include "ml/GradCam.h"

#include "ml/detail/InputPipeline.h"
#include "ml/detail/ModelState.h"

#include <c10/core/InferenceMode.h>
#include <torch/autograd.h>
#include <torch/torch.h>

#include <algorithm>

namespace fl::ml {

std::vector<std::string> gradCamLayers(const FragmentModel& model)
{
    std::vector<std::string> out;
    if (!model.isValid()) return out;
    for (const auto& name : model.layerNames())
        if (name != "feature" && name != "statistics") out.push_back(name); // vector layers have no maps
    return out;
}

namespace {

// The deepest spatial tap with maps of at least kMinDefaultMapSide cells a side (else the
// deepest spatial tap).
std::string pickDefaultLayer(const std::vector<detail::Tap>& taps)
{
    std::string deepest;
    std::string deepestLarge;
    for (const auto& tap : taps) {
        if (tap.layout == detail::TapLayout::Vector) continue;
        deepest = tap.name;
        const auto& v = tap.value;
        if (v.size(v.dim() - 1) >= kMinDefaultMapSide && v.size(v.dim() - 2) >= kMinDefaultMapSide)
            deepestLarge = tap.name;
    }
    return deepestLarge.empty() ? deepest : deepestLarge;
}

} // namespace

std::string defaultGradCamLayer(const FragmentModel& model)
{
    if (!model.isValid()) return {};
    const ModelConfig& c = model.info().config;
    try {
        c10::InferenceMode guard;
        auto x = torch::zeros({1, c.frames, c.inputChannels(), c.inputSize, c.inputSize});
        auto net = model.clone().impl()->net; // on the CPU, in eval mode below
        net->to(torch::kCPU);
        net->eval();
        return pickDefaultLayer(net->run(x, true).taps);
    } catch (const std::exception&) {
        const auto layers = gradCamLayers(model);
        return layers.empty() ? std::string() : layers.back();
    }
}

MlResult<GradCamMaps> gradCam(const Predictor& predictor, const std::uint8_t* block, int targetClass,
                              const std::string& layerName)
{
    if (!predictor.isValid()) return MlStatus::failure("no model");
    if (!block) return MlStatus::failure("no fragment");
    const FragmentModel& model = predictor.model();
    const ModelInfo& info = model.info();
    const auto layers = gradCamLayers(model);
    if (!layerName.empty() && std::find(layers.begin(), layers.end(), layerName) == layers.end()) {
        std::string choices;
        for (const auto& l : layers) choices += (choices.empty() ? "" : ", ") + l;
        return MlStatus::failure("Grad-CAM needs a spatial layer (" + choices + "), got \"" + layerName + "\"");
    }
    if (targetClass >= int(info.classes.size()))
        return MlStatus::failure("the model has no class " + std::to_string(targetClass));
    const int t = info.config.frames;
    const int size = info.config.inputSize;
    const size_t frameBytes = size_t(size) * size_t(size) * 3;
    try {
        torch::AutoGradMode gradients(true);
        auto& net = *model.impl()->net;
        std::vector<const std::uint8_t*> frames;
        for (int f = 0; f < t; ++f) frames.push_back(block + size_t(f) * frameBytes);
        auto x = detail::modelInput(detail::gatherFrames(frames, 1, t, size, size), info.normalization,
                                    info.config.inputChannels() == 4)
                     .to(torch::Device(predictor.device()));
        x.requires_grad_(true); // the graph reaches the taps even if the weights were frozen
        auto result = net.run(x, true);
        const std::string layer = layerName.empty() ? pickDefaultLayer(result.taps) : layerName;
        const detail::Tap* tap = nullptr;
        for (const auto& candidate : result.taps)
            if (candidate.name == layer) tap = &candidate;
        if (!tap || tap->layout == detail::TapLayout::Vector)
            return MlStatus::failure("the model has no spatial layer \"" + layer + "\"");

        auto logits = result.logits.to(torch::kFloat32);
        auto probs = torch::softmax(logits.detach() / info.temperature, 1).to(torch::kCPU).contiguous();
        GradCamMaps maps;
        maps.layer = layer;
        maps.inputSize = size;
        maps.probabilities.assign(probs.data_ptr<float>(), probs.data_ptr<float>() + probs.size(1));
        maps.predictedClass = int(std::max_element(maps.probabilities.begin(), maps.probabilities.end())
                                  - maps.probabilities.begin());
        maps.targetClass = targetClass < 0 ? maps.predictedClass : targetClass;

        auto score = logits.index({0, maps.targetClass});
        auto grad = torch::autograd::grad({score}, {tap->value}, {}, /*retain_graph=*/false, /*create_graph=*/false)[0];
        const std::int64_t tapFrames = tap->layout == detail::TapLayout::BatchTimeFlat ? t : tap->value.size(2);
        detail::Tap gradTap{tap->name, tap->layout, grad};
        auto a = detail::frameMajor(*tap, 1, tapFrames).detach().to(torch::kFloat32); // [1, T, C, h, w]
        auto g = detail::frameMajor(gradTap, 1, tapFrames).to(torch::kFloat32);
        auto weights = g.mean({1, 3, 4}, /*keepdim=*/true);      // [1, 1, C, 1, 1]
        auto cam = torch::relu((weights * a).sum(2)).squeeze(0); // [T, h, w]
        const float peak = cam.max().item<float>();
        if (peak > 0) cam = cam / peak;
        cam = cam.to(torch::kCPU).contiguous();
        maps.frames = int(cam.size(0));
        maps.height = int(cam.size(1));
        maps.width = int(cam.size(2));
        maps.values.assign(cam.data_ptr<float>(), cam.data_ptr<float>() + cam.numel());
        return maps;
    } catch (const std::exception& e) {
        return MlStatus::failure("Grad-CAM failed: " + firstLine(e.what()));
    }
}

} // namespace fl::ml
