#pragma once
// INTERNAL to core/ml (includes LibTorch): the networks behind FragmentModel. Only .cpp files
// in core/ml include this; inspection code (feature maps, Grad-CAM) builds on it.
//
// Input x: float [B, T, C, H, W] (normalised RGB, plus the frame-difference channel when the
// config has it; see InputPipeline.h). run() gives the class logits [B, classes], the
// fragment feature vectors [B, featureSize] and, on request, named intermediate activations
// ("taps"), in the order of layerNames(). A tap is the tensor the network itself goes on
// with (so torch::autograd::grad(score, tap.value) works for Grad-CAM); its layout is given
// by TapLayout and frameMajor() turns it into [B, T, C, h, w].
#include "ml/ModelConfig.h"

#include <ATen/core/Generator.h>
#include <torch/nn/module.h>
#include <torch/nn/modules/dropout.h>
#include <torch/nn/modules/linear.h>
#include <torch/types.h>

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace fl::ml::detail {

enum class TapLayout {
    BatchTimeFlat, // [B*T, C, h, w]: per-frame maps of the shared 2D CNN
    ChannelsTime,  // [B, C, T, h, w]: 3D activations
    Vector,        // [B, N]
};

struct Tap {
    std::string name;
    TapLayout layout = TapLayout::Vector;
    torch::Tensor value;
};

struct NetOutput {
    torch::Tensor logits;   // [B, classes]
    torch::Tensor features; // [B, featureSize]
    std::vector<Tap> taps;  // empty unless asked for
};

// [B, T, C, h, w] view of a spatial tap (batch = B, frames = T); undefined for Vector taps.
torch::Tensor frameMajor(const Tap& tap, std::int64_t batch, std::int64_t frames);

class FragmentNetworkImpl : public torch::nn::Module {
public:
    explicit FragmentNetworkImpl(ModelConfig config) : m_config(std::move(config)) {}
    const ModelConfig& config() const { return m_config; }

    virtual NetOutput run(const torch::Tensor& x, bool withTaps) = 0;
    virtual std::vector<std::string> layerNames() const = 0;

    // Networks with a fixed (not learned) front end (twostream) split run() in two:
    // precompute(x) gives the front end's outputs (a few tensors with the batch first; no
    // gradients needed), runPrecomputed() the learned rest; run(x) is the two in a row. The
    // Trainer computes the front end once per fragment and augmented view instead of at every
    // step. The last precomputed part holds the raw statistics, which the network
    // standardises with the training set's mean and standard deviation (setStatisticsScale).
    virtual bool hasFixedFrontEnd() const { return false; }
    virtual std::vector<torch::Tensor> precompute(const torch::Tensor& x) { return {x}; }
    virtual NetOutput runPrecomputed(const std::vector<torch::Tensor>& parts, bool withTaps)
    {
        return run(parts.front(), withTaps);
    }
    virtual void setStatisticsScale(const torch::Tensor& /*mean*/, const torch::Tensor& /*stdev*/) {}

    // Multiply-accumulates of one forward pass of one fragment, counted over convolutions,
    // linear and recurrent layers (batch norm, activations and pooling are not counted).
    std::int64_t macsPerFragment();
    std::int64_t parameterCount() const;

    // Dropout draws from the network's own generator (seeded by the Trainer), not LibTorch's
    // global one, so runs on several threads at once stay deterministic.
    void seedDropout(std::uint64_t seed);
    torch::Tensor dropout(const torch::Tensor& x);

protected:
    // Adds the MACs of a layer that produced `out` from `inPerOutput` inputs per output value,
    // while counting.
    void tally(const torch::Tensor& out, std::int64_t inPerOutput);
    void tallyMacs(std::int64_t macs);
    // The head every architecture ends with: dropout and the linear classifier. makeHead()
    // registers it (last, after the derived class's layers); classify() runs it on the
    // fragment feature vectors and fills out.features / out.logits (and the "feature" tap).
    void makeHead();
    void classify(const torch::Tensor& feature, bool withTaps, NetOutput& out);

private:
    ModelConfig m_config;
    torch::nn::Dropout m_dropout{nullptr};
    torch::nn::Linear m_classifier{nullptr};
    std::int64_t* m_macs = nullptr;
    at::Generator m_generator;
};

std::shared_ptr<FragmentNetworkImpl> makeNetwork(const ModelConfig& config);

} // namespace fl::ml::detail
