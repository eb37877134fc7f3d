// The fragment networks: FragNet (shared 2D CNN per frame + temporal fusion) and R(2+1)D.
#include "ml/detail/Networks.h"

#include <ATen/CPUGeneratorImpl.h>

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

void FragmentNetworkImpl::seedDropout(std::uint64_t seed)
{
    m_generator = at::make_generator<at::CPUGeneratorImpl>(seed);
}

torch::Tensor FragmentNetworkImpl::dropout(const torch::Tensor& x)
{
    const double p = m_config.dropout;
    if (!is_training() || p <= 0.0) return x;
    if (!m_generator.defined()) seedDropout(0x5EED);
    // The mask is drawn on the CPU (the generator lives there) and moved to x's device.
    auto keep = torch::empty(x.sizes(), torch::TensorOptions().dtype(torch::kFloat32)).bernoulli_(1.0 - p, m_generator);
    return x * keep.to(x.device(), x.scalar_type()).div_(1.0 - p);
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
    out.logits = m_classifier->forward(dropout(feature));
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
    u.conv2 = m.register_module(name + "_conv",
                                nn::Conv2d(nn::Conv2dOptions(in, out, 3).stride(stride).padding(1).bias(false)));
    u.bn2 = m.register_module(name + "_bn", nn::BatchNorm2d(out));
    u.inPerOutput = std::int64_t(in) * 9;
    return u;
}

ConvUnit conv3d(FragmentNetworkImpl& m, const std::string& name, int in, int out, std::vector<int64_t> kernel,
                std::vector<int64_t> stride, std::vector<int64_t> padding)
{
    ConvUnit u;
    u.inPerOutput = std::int64_t(in) * kernel[0] * kernel[1] * kernel[2];
    u.conv3 =
        m.register_module(name + "_conv",
                          nn::Conv3d(nn::Conv3dOptions(in, out, kernel).stride(stride).padding(padding).bias(false)));
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
            m_temporal.push_back(
                conv3d(*this, name + "_temporal", widths[i], widths[i], {3, 1, 1}, {1, 1, 1}, {1, 0, 0}));
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

// ---- twostream ------------------------------------------------------------------------------

// The fixed front end: what the frames say about motion and appearance, before any learning.
// x: [B, T, 3, S, S] RGB in [0, 1].
struct FrontEnd {
    torch::Tensor middle; // [B, 3, S, S]: the appearance stream's input
    torch::Tensor motion; // [B, 3 (T - 1), S/2, S/2]: frame differences (x 10), flow u, v (pixels at S/2)
    torch::Tensor stats;  // [B, D]
};

constexpr int kGrids[3] = {1, 2, 4};
constexpr int kGridCells = 1 + 4 + 16;
constexpr int kChangeLevels = 6;
constexpr int kMotionStats = 2 * kGridCells + 2 * kGridCells + kGridCells
    + 2 * kChangeLevels; // energy mean/min, u, v, |flow|, change shares mean/min
constexpr int kColourStats = 3 * 5 + kGridCells + 5 + 6 * 5
    + 64; // RGB, saturation, luma spread, opponent colours, histogram

int statisticsSize(const ModelConfig& c)
{
    if (!c.statistics) return 0;
    return (c.motionStream ? kMotionStats : 0) + (c.appearanceStream ? kColourStats : 0);
}

// Cell means of [N, C, H, W] over the grids in `grids`, concatenated: [N, C, sum g^2].
torch::Tensor gridMeans(const torch::Tensor& maps, std::initializer_list<int> grids)
{
    std::vector<torch::Tensor> parts;
    for (int g : grids)
        parts.push_back(F::adaptive_avg_pool2d(maps, F::AdaptiveAvgPool2dFuncOptions({g, g})).flatten(2));
    return torch::cat(parts, 2);
}

// Dense Lucas-Kanade flow from a to b ([N, 1, h, w] grey in [0, 1]) over 5 x 5 windows, with a
// small Tikhonov term so flat regions give ~0 instead of noise. Returns u, v in pixels.
std::pair<torch::Tensor, torch::Tensor> lucasKanade(const torch::Tensor& a, const torch::Tensor& b)
{
    const auto m = 0.5 * (a + b);
    const auto padded = F::pad(m, F::PadFuncOptions({1, 1, 1, 1}).mode(torch::kReplicate));
    const auto ix = 0.5 * (padded.slice(3, 2) - padded.slice(3, 0, -2)).slice(2, 1, -1);
    const auto iy = 0.5 * (padded.slice(2, 2) - padded.slice(2, 0, -2)).slice(3, 1, -1);
    const auto it = b - a;
    auto products = torch::cat({ix * ix, iy * iy, ix * iy, ix * it, iy * it}, 1);
    products = F::avg_pool2d(products, F::AvgPool2dFuncOptions(5).stride(1).padding(2).count_include_pad(false));
    const double lambda = 1e-5;
    const auto sxx = products.select(1, 0).unsqueeze(1) + lambda;
    const auto syy = products.select(1, 1).unsqueeze(1) + lambda;
    const auto sxy = products.select(1, 2).unsqueeze(1);
    const auto sxt = products.select(1, 3).unsqueeze(1);
    const auto syt = products.select(1, 4).unsqueeze(1);
    const auto det = sxx * syy - sxy * sxy;
    const auto u = (-(syy * sxt - sxy * syt) / det).clamp(-3.0, 3.0);
    const auto v = (-(sxx * syt - sxy * sxt) / det).clamp(-3.0, 3.0);
    return {u, v};
}

// With `taps`, the maps the statistics are pooled from become taps ("appearance.front": R, G,
// B and saturation per frame; "motion.front": |difference|, flow u, v per frame pair, the first
// frame showing the first pair's), and the statistics are computed from those very tensors, so
// Grad-CAM and the activation view reach a model without convolutions too.
FrontEnd frontEnd(const torch::Tensor& x, const ModelConfig& c, bool wantStats, std::vector<Tap>* taps = nullptr)
{
    FrontEnd f;
    const std::int64_t b = x.size(0);
    const std::int64_t t = x.size(1);
    const std::int64_t size = x.size(3);
    f.middle = x.select(1, t / 2);
    const auto grey = (0.299 * x.select(2, 0) + 0.587 * x.select(2, 1) + 0.114 * x.select(2, 2)); // [B, T, S, S]
    const bool withStats = wantStats && c.statistics;
    std::vector<torch::Tensor> stats;
    if (c.motionStream) {
        const auto half = F::avg_pool2d(grey.reshape({b * t, 1, size, size}), F::AvgPool2dFuncOptions(2))
                              .reshape({b, t, size / 2, size / 2});
        const auto a = half.slice(1, 0, t - 1).reshape({b * (t - 1), 1, size / 2, size / 2});
        const auto n = half.slice(1, 1, t).reshape({b * (t - 1), 1, size / 2, size / 2});
        auto [u, v] = lucasKanade(a, n);
        const auto d = (n - a);
        const auto pairs = [b, t, size](const torch::Tensor& m) { return m.reshape({b, t - 1, size / 2, size / 2}); };
        f.motion = torch::cat({pairs(d) * 10.0, pairs(u), pairs(v)}, 1);
        if (withStats) {
            auto front = torch::stack({pairs(d).abs(), pairs(u), pairs(v)}, 1); // [B, 3, T-1, h, w]
            if (taps) {
                auto tap = torch::cat({front.slice(2, 0, 1), front}, 2);
                taps->push_back({"motion.front", TapLayout::ChannelsTime, tap});
                front = tap.slice(2, 1);
            }
            const auto absD = front.select(1, 0);
            const auto fu = front.select(1, 1);
            const auto fv = front.select(1, 2);
            // Energy per cell and pair (log of the mean absolute difference), its mean and its
            // minimum over the pairs (a hold has at least one pair at ~0), mean flow per cell,
            // log flow magnitude, and the log share of full-size pixels changing by more than 0.5,
            // 1, 2, 4, 8 and 16 grey levels, its mean and its minimum over the pairs (a hold has
            // pairs with no changed pixel at all; the slowest real motion changes some in every
            // pair).
            // (1e-4 in [0, 1] units is 0.03 grey levels: a hold's exact repeats stay far below the
            // slowest real motion.)
            const auto energy = torch::log(gridMeans(absD, {1, 2, 4}) + 1e-4); // [B, T-1, 21]
            stats.push_back(energy.mean(1));
            stats.push_back(std::get<0>(energy.min(1)));
            stats.push_back(gridMeans(fu, {1, 2, 4}).mean(1));
            stats.push_back(gridMeans(fv, {1, 2, 4}).mean(1));
            const auto magnitude = (fu.square() + fv.square() + 1e-8).sqrt();
            stats.push_back(torch::log(gridMeans(magnitude, {1, 2, 4}).mean(1) + 1e-2));
            const auto change = (grey.slice(1, 1, t) - grey.slice(1, 0, t - 1)).abs();
            std::vector<torch::Tensor> shares;
            for (double level : {0.5, 1.0, 2.0, 4.0, 8.0, 16.0})
                shares.push_back(
                    torch::log((change > level / 255.0).to(x.scalar_type()).mean({2, 3}) + 1e-3)); // [B, T-1]
            const auto share = torch::stack(shares, 2);                                            // [B, T-1, levels]
            stats.push_back(share.mean(1));
            stats.push_back(std::get<0>(share.min(1)));
        }
    }
    if (c.appearanceStream && withStats) {
        // Colour per cell (1x1, 2x2), log saturation per cell (1x1, 2x2, 4x4), the spread of the
        // luma (1x1, 2x2), per cell (1x1, 2x2) the opponent colours' mean, the log of their spread
        // (rg = R - G, yb = (R + G) / 2 - B, as Hasler and Suesstrunk's colourfulness measure)
        // and the log of their spread once what follows the luma is taken out (a colour cast
        // or tint moves chroma with the luma; real colours do not), and a 4x4x4 RGB histogram
        // of every frame. Logs make a grading that keeps a share of the colour an offset,
        // whatever colour the footage has.
        const auto saturationPerFrame = (std::get<0>(x.max(2)) - std::get<0>(x.min(2))).unsqueeze(2); // [B, T, 1, S, S]
        auto front = torch::cat({x, saturationPerFrame}, 2).permute({0, 2, 1, 3, 4});                 // [B, 4, T, S, S]
        if (taps) taps->push_back({"appearance.front", TapLayout::ChannelsTime, front});
        const auto rgb = front.slice(1, 0, 3);
        const auto meanFrame = rgb.mean(2); // [B, 3, S, S]
        stats.push_back(gridMeans(meanFrame, {1, 2}).flatten(1));
        const auto saturation = front.select(1, 3).mean(1).unsqueeze(1); // [B, 1, S, S]
        stats.push_back(torch::log(gridMeans(saturation, {1, 2, 4}).flatten(1) + 1e-3));
        const auto luma =
            (0.299 * rgb.select(1, 0) + 0.587 * rgb.select(1, 1) + 0.114 * rgb.select(1, 2)).mean(1).unsqueeze(1);
        const auto spread =
            (gridMeans(luma.square(), {1, 2}) - gridMeans(luma, {1, 2}).square()).clamp_min(0.0).add(1e-6).sqrt();
        stats.push_back(spread.flatten(1));
        const auto rg = (meanFrame.select(1, 0) - meanFrame.select(1, 1)).unsqueeze(1);
        const auto yb = (0.5 * (meanFrame.select(1, 0) + meanFrame.select(1, 1)) - meanFrame.select(1, 2)).unsqueeze(1);
        const auto lumaMean = gridMeans(luma, {1, 2});
        const auto lumaVariance = (gridMeans(luma.square(), {1, 2}) - lumaMean.square()).clamp_min(0.0);
        for (const auto& o : {rg, yb}) {
            const auto m1 = gridMeans(o, {1, 2});
            const auto variance = (gridMeans(o.square(), {1, 2}) - m1.square()).clamp_min(0.0);
            const auto covariance = gridMeans(o * luma, {1, 2}) - m1 * lumaMean;
            const auto residual = (variance - covariance.square() / (lumaVariance + 1e-6)).clamp_min(0.0);
            stats.push_back(m1.flatten(1));
            stats.push_back(torch::log(variance.add(1e-6).sqrt() + 1e-3).flatten(1));
            stats.push_back(torch::log(residual.add(1e-6).sqrt() + 1e-3).flatten(1));
        }
        const auto bins = (x.detach() * 4.0).floor().clamp(0, 3).to(torch::kInt64); // [B, T, 3, S, S]
        const auto index = (bins.select(2, 0) * 16 + bins.select(2, 1) * 4 + bins.select(2, 2)).reshape({b, -1});
        auto histogram =
            torch::zeros({b, 64}, x.options()).scatter_add_(1, index, torch::ones(index.sizes(), x.options()));
        stats.push_back(histogram / double(index.size(1)));
    }
    if (!stats.empty()) f.stats = torch::cat(stats, 1);
    return f;
}

// A spatial tap of a single-map stream: the maps [B, C, h, w] shown for each of the T frames
// ([B, C, T, h, w]); the network goes on with their mean over T, so gradients reach the tap.
torch::Tensor spreadOverFrames(const torch::Tensor& y, std::int64_t frames)
{
    return y.unsqueeze(2).expand({y.size(0), y.size(1), frames, y.size(2), y.size(3)});
}

class TwoStreamImpl : public FragmentNetworkImpl {
public:
    explicit TwoStreamImpl(const ModelConfig& c) : FragmentNetworkImpl(c)
    {
        const int w = c.width;
        std::int64_t fused = 0;
        if (c.appearanceStream && c.convolutions) {
            m_appearance.push_back(conv2d(*this, "appearance_block1", 3, w, 2));
            m_appearance.push_back(conv2d(*this, "appearance_block2", w, 2 * w, 2));
            m_appearance.push_back(conv2d(*this, "appearance_block3", 2 * w, 4 * w, 2));
            m_appearance.push_back(conv2d(*this, "appearance_block4", 4 * w, 4 * w, 1));
            fused += 4 * 4 * w;
        }
        if (c.motionStream && c.convolutions) {
            m_motion.push_back(conv2d(*this, "motion_block1", 3 * (c.frames - 1), w, 2));
            m_motion.push_back(conv2d(*this, "motion_block2", w, 2 * w, 2));
            m_motion.push_back(conv2d(*this, "motion_block3", 2 * w, 4 * w, 1));
            fused += 4 * 4 * w;
        }
        m_statsSize = statisticsSize(c);
        m_statsMean = register_buffer("statistics_mean", torch::zeros({m_statsSize}));
        m_statsStd = register_buffer("statistics_std", torch::ones({m_statsSize}));
        fused += m_statsSize;
        m_fusedSize = fused;
        m_inputDropout = register_module("input_dropout", nn::Dropout(c.dropout));
        m_feature = register_module("feature", nn::Linear(fused, c.featureSize));
        makeHead();
    }

    std::vector<std::string> layerNames() const override
    {
        std::vector<std::string> names;
        const auto& c = config();
        if (m_statsSize > 0 && c.motionStream) names.push_back("motion.front");
        if (m_statsSize > 0 && c.appearanceStream) names.push_back("appearance.front");
        for (size_t i = 0; i < m_appearance.size(); ++i) names.push_back("appearance.block" + std::to_string(i + 1));
        for (size_t i = 0; i < m_motion.size(); ++i) names.push_back("motion.block" + std::to_string(i + 1));
        if (m_statsSize > 0) names.push_back("statistics");
        names.push_back("feature");
        return names;
    }

    bool hasFixedFrontEnd() const override { return true; }

    // {middle frame, motion maps, raw statistics}; a part the configuration does not use is an
    // empty [B, 0] tensor, so every part can be gathered by rows.
    std::vector<torch::Tensor> precompute(const torch::Tensor& x) override
    {
        const FrontEnd f = frontEnd(x, config(), m_statsSize > 0);
        const std::int64_t b = x.size(0);
        const auto none = torch::zeros({b, 0}, x.options());
        return {m_appearance.empty() ? none : f.middle, m_motion.empty() ? none : f.motion,
                m_statsSize > 0 ? f.stats : none};
    }

    void setStatisticsScale(const torch::Tensor& mean, const torch::Tensor& stdev) override
    {
        torch::NoGradGuard noGrad;
        if (mean.numel() == m_statsSize && stdev.numel() == m_statsSize) {
            m_statsMean.copy_(mean.reshape({m_statsSize}));
            m_statsStd.copy_(stdev.reshape({m_statsSize}));
        }
    }

    NetOutput run(const torch::Tensor& x, bool withTaps) override
    {
        if (!withTaps) return runPrecomputed(precompute(x), false, x.size(1));
        std::vector<Tap> frontTaps;
        const FrontEnd f = frontEnd(x, config(), m_statsSize > 0, &frontTaps);
        const std::int64_t b = x.size(0);
        const auto none = torch::zeros({b, 0}, x.options());
        NetOutput out = runPrecomputed({m_appearance.empty() ? none : f.middle, m_motion.empty() ? none : f.motion,
                                        m_statsSize > 0 ? f.stats : none},
                                       true, x.size(1));
        out.taps.insert(out.taps.begin(), frontTaps.begin(), frontTaps.end());
        return out;
    }
    NetOutput runPrecomputed(const std::vector<torch::Tensor>& parts, bool withTaps) override
    {
        return runPrecomputed(parts, withTaps, config().frames);
    }

    NetOutput runPrecomputed(const std::vector<torch::Tensor>& parts, bool withTaps, std::int64_t t)
    {
        NetOutput out;
        std::vector<torch::Tensor> fused;
        const auto stream = [&](std::vector<ConvUnit>& blocks, torch::Tensor y, const std::string& name) {
            for (size_t i = 0; i < blocks.size(); ++i) {
                auto& u = blocks[i];
                y = u.conv2->forward(y);
                tally(y, u.inPerOutput);
                y = torch::relu(u.bn2->forward(y));
                if (withTaps) {
                    auto tap = spreadOverFrames(y, t);
                    out.taps.push_back({name + ".block" + std::to_string(i + 1), TapLayout::ChannelsTime, tap});
                    y = tap.mean(2);
                }
            }
            fused.push_back(F::adaptive_avg_pool2d(y, F::AdaptiveAvgPool2dFuncOptions({2, 2})).flatten(1));
        };
        if (!m_appearance.empty()) stream(m_appearance, parts[0], "appearance");
        if (!m_motion.empty()) stream(m_motion, parts[1], "motion");
        if (m_statsSize > 0) {
            auto z = ((parts[2] - m_statsMean) / m_statsStd).clamp(-5.0, 5.0);
            if (withTaps) out.taps.push_back({"statistics", TapLayout::Vector, z});
            fused.push_back(z);
        }
        auto feature = m_feature->forward(dropout(torch::cat(fused, 1)));
        tally(feature, m_fusedSize);
        feature = torch::relu(feature);
        classify(feature, withTaps, out);
        return out;
    }

private:
    std::vector<ConvUnit> m_appearance;
    std::vector<ConvUnit> m_motion;
    std::int64_t m_statsSize = 0;
    std::int64_t m_fusedSize = 0;
    torch::Tensor m_statsMean;
    torch::Tensor m_statsStd;
    nn::Dropout m_inputDropout{nullptr};
    nn::Linear m_feature{nullptr};
};

} // namespace

std::shared_ptr<FragmentNetworkImpl> makeNetwork(const ModelConfig& config)
{
    switch (config.architecture) {
    case Architecture::FragNet: return std::make_shared<FragNetImpl>(config);
    case Architecture::R2Plus1D: return std::make_shared<R2Plus1DImpl>(config);
    case Architecture::TwoStream: return std::make_shared<TwoStreamImpl>(config);
    }
    return std::make_shared<FragNetImpl>(config);
}

} // namespace fl::ml::detail
