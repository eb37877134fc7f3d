// The fragment networks: FragNet (shared 2D CNN per frame + temporal fusion) and R(2+1)D.
#include "ml/detail/Networks.h"

#include <torch/nn/functional.h>
#include <torch/nn/modules/batchnorm.h>
#include <torch/nn/modules/conv.h>
#include <torch/nn/modules/dropout.h>
#include <torch/nn/modules/linear.h>
#include <torch/nn/modules/rnn.h>

namespace fl::ml::detail {

namespace nn = torch::nn;
namespace F = torch::nn::functional;

torch::Tensor frameMajor(const Tap& tap, std::int64_t batch, std::int64_t frames)
{
    const auto& v = tap.value;
    switch (tap.layout) {
    case TapLayout::BatchTimeFlat: return v.reshape({batch, frames, v.size(1), v.size(2), v.size(3)});
    case TapLayout::ChannelsTime: return v.permute({0, 2, 1, 3, 4});
    case TapLayout::Vector: break;
    }
    return {};
}

std::int64_t FragmentNetworkImpl::macsPerFragment()
{
    std::int64_t macs = 0;
    const bool wasTraining = is_training();
    eval();
    {
        torch::NoGradGuard noGrad;
        m_macs = &macs;
        const auto& c = m_config;
        auto x = torch::zeros({1, c.frames, c.inputChannels(), c.inputSize, c.inputSize});
        try {
            run(x, false);
        } catch (...) {
            m_macs = nullptr;
            throw;
        }
        m_macs = nullptr;
    }
    train(wasTraining);
    return macs;
}

std::int64_t FragmentNetworkImpl::parameterCount() const
{
    std::int64_t n = 0;
    for (const auto& p : parameters()) n += p.numel();
    return n;
}

void FragmentNetworkImpl::tally(const torch::Tensor& out, std::int64_t inPerOutput)
{
    if (m_macs) *m_macs += out.numel() * inPerOutput;
}

void FragmentNetworkImpl::tallyMacs(std::int64_t macs)
{
    if (m_macs) *m_macs += macs;
}

void FragmentNetworkImpl::makeHead()
{
    m_dropout = register_module("dropout", torch::nn::Dropout(m_config.dropout));
    m_classifier = register_module("classifier", torch::nn::Linear(m_config.featureSize, m_config.classes));
}

void FragmentNetworkImpl::classify(const torch::Tensor& feature, bool withTaps, NetOutput& out)
{
    if (withTaps) out.taps.push_back({"feature", TapLayout::Vector, feature});
    out.features = feature;
    out.logits = m_classifier->forward(m_dropout->forward(feature));
    tally(out.logits, m_config.featureSize);
}

namespace {

// conv -> batch norm -> ReLU, with MAC counting.
struct ConvUnit {
    nn::Conv2d conv2{nullptr};
    nn::Conv3d conv3{nullptr};
    nn::BatchNorm2d bn2{nullptr};
    nn::BatchNorm3d bn3{nullptr};
    std::int64_t inPerOutput = 0;
};

ConvUnit conv2d(FragmentNetworkImpl& m, const std::string& name, int in, int out, int stride)
{
    ConvUnit u;
    u.conv2 = m.register_module(name + "_conv", nn::Conv2d(nn::Conv2dOptions(in, out, 3).stride(stride).padding(1).bias(false)));
    u.bn2 = m.register_module(name + "_bn", nn::BatchNorm2d(out));
    u.inPerOutput = std::int64_t(in) * 9;
    return u;
}

ConvUnit conv3d(FragmentNetworkImpl& m, const std::string& name, int in, int out, std::vector<int64_t> kernel,
                std::vector<int64_t> stride, std::vector<int64_t> padding)
{
    ConvUnit u;
    u.inPerOutput = std::int64_t(in) * kernel[0] * kernel[1] * kernel[2];
    u.conv3 = m.register_module(name + "_conv", nn::Conv3d(nn::Conv3dOptions(in, out, kernel).stride(stride).padding(padding).bias(false)));
    u.bn3 = m.register_module(name + "_bn", nn::BatchNorm3d(out));
    return u;
}

class FragNetImpl : public FragmentNetworkImpl {
public:
    explicit FragNetImpl(const ModelConfig& c) : FragmentNetworkImpl(c)
    {
        const int w = c.width;
        m_blocks.push_back(conv2d(*this, "frame_block1", c.inputChannels(), w, 2));
        m_blocks.push_back(conv2d(*this, "frame_block2", w, 2 * w, 2));
        m_blocks.push_back(conv2d(*this, "frame_block3", 2 * w, 4 * w, 2));
        m_blocks.push_back(conv2d(*this, "frame_block4", 4 * w, 4 * w, 1));
        const int mapChannels = 4 * w;
        switch (c.fusion) {
        case TemporalFusion::Convolution:
            m_temporal = conv3d(*this, "temporal", mapChannels, mapChannels, {3, 1, 1}, {1, 1, 1}, {1, 0, 0});
            m_feature = register_module("feature", nn::Linear(mapChannels, c.featureSize));
            break;
        case TemporalFusion::Concatenation:
            m_feature = register_module("feature", nn::Linear(mapChannels * c.frames, c.featureSize));
            break;
        case TemporalFusion::Gru:
            m_gru = register_module("gru", nn::GRU(nn::GRUOptions(mapChannels, c.featureSize).batch_first(true)));
            break;
        }
        makeHead();
    }

    std::vector<std::string> layerNames() const override
    {
        std::vector<std::string> names = {"frame.block1", "frame.block2", "frame.block3", "frame.block4"};
        if (config().fusion == TemporalFusion::Convolution) names.push_back("temporal");
        names.push_back("feature");
        return names;
    }

    NetOutput run(const torch::Tensor& x, bool withTaps) override
    {
        const auto& c = config();
        const std::int64_t b = x.size(0);
        const std::int64_t t = x.size(1);
        NetOutput out;
        auto y = x.reshape({b * t, x.size(2), x.size(3), x.size(4)});
        for (size_t i = 0; i < m_blocks.size(); ++i) {
            auto& u = m_blocks[i];
            y = u.conv2->forward(y);
            tally(y, u.inPerOutput);
            y = torch::relu(u.bn2->forward(y));
            if (withTaps) out.taps.push_back({"frame.block" + std::to_string(i + 1), TapLayout::BatchTimeFlat, y});
        }
        const std::int64_t ch = y.size(1);
        torch::Tensor feature;
        switch (c.fusion) {
        case TemporalFusion::Convolution: {
            auto v = y.reshape({b, t, ch, y.size(2), y.size(3)}).permute({0, 2, 1, 3, 4});
            v = m_temporal.conv3->forward(v);
            tally(v, m_temporal.inPerOutput);
            v = torch::relu(m_temporal.bn3->forward(v));
            if (withTaps) out.taps.push_back({"temporal", TapLayout::ChannelsTime, v});
            auto pooled = v.mean({2, 3, 4});
            feature = m_feature->forward(pooled);
            tally(feature, ch);
            feature = torch::relu(feature);
            break;
        }
        case TemporalFusion::Concatenation: {
            auto pooled = y.mean({2, 3}).reshape({b, t * ch});
            feature = m_feature->forward(pooled);
            tally(feature, t * ch);
            feature = torch::relu(feature);
            break;
        }
        case TemporalFusion::Gru: {
            auto seq = y.mean({2, 3}).reshape({b, t, ch});
            auto [outputs, hidden] = m_gru->forward(seq);
            const std::int64_t h = c.featureSize;
            tallyMacs(b * t * 3 * (ch * h + h * h));
            feature = hidden.squeeze(0);
            break;
        }
        }
        classify(feature, withTaps, out);
        return out;
    }

private:
    std::vector<ConvUnit> m_blocks;
    ConvUnit m_temporal;
    nn::Linear m_feature{nullptr};
    nn::GRU m_gru{nullptr};
};

class R2Plus1DImpl : public FragmentNetworkImpl {
public:
    explicit R2Plus1DImpl(const ModelConfig& c) : FragmentNetworkImpl(c)
    {
        const int w = c.width;
        const int widths[3] = {w, 2 * w, 4 * w};
        int in = c.inputChannels();
        for (int i = 0; i < 3; ++i) {
            const std::string name = "block" + std::to_string(i + 1);
            m_spatial.push_back(conv3d(*this, name + "_spatial", in, widths[i], {1, 3, 3}, {1, 2, 2}, {0, 1, 1}));
            m_temporal.push_back(conv3d(*this, name + "_temporal", widths[i], widths[i], {3, 1, 1}, {1, 1, 1}, {1, 0, 0}));
            in = widths[i];
        }
        m_feature = register_module("feature", nn::Linear(4 * w, c.featureSize));
        makeHead();
    }

    std::vector<std::string> layerNames() const override { return {"block1", "block2", "block3", "feature"}; }

    NetOutput run(const torch::Tensor& x, bool withTaps) override
    {
        const auto& c = config();
        NetOutput out;
        auto v = x.permute({0, 2, 1, 3, 4}); // [B, C, T, H, W]
        for (size_t i = 0; i < m_spatial.size(); ++i) {
            v = m_spatial[i].conv3->forward(v);
            tally(v, m_spatial[i].inPerOutput);
            v = torch::relu(m_spatial[i].bn3->forward(v));
            v = m_temporal[i].conv3->forward(v);
            tally(v, m_temporal[i].inPerOutput);
            v = torch::relu(m_temporal[i].bn3->forward(v));
            if (withTaps) out.taps.push_back({"block" + std::to_string(i + 1), TapLayout::ChannelsTime, v});
        }
        auto pooled = v.mean({2, 3, 4});
        auto feature = m_feature->forward(pooled);
        tally(feature, pooled.size(1));
        feature = torch::relu(feature);
        classify(feature, withTaps, out);
        return out;
    }

private:
    std::vector<ConvUnit> m_spatial;
    std::vector<ConvUnit> m_temporal;
    nn::Linear m_feature{nullptr};
};

} // namespace

std::shared_ptr<FragmentNetworkImpl> makeNetwork(const ModelConfig& config)
{
    switch (config.architecture) {
    case Architecture::FragNet: return std::make_shared<FragNetImpl>(config);
    case Architecture::R2Plus1D: return std::make_shared<R2Plus1DImpl>(config);
    }
    return std::make_shared<FragNetImpl>(config);
}

} // namespace fl::ml::detail
