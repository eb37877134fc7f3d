// The training loop: AdamW + one-cycle schedule, augmentation, weighted loss or balanced
// sampling, per-epoch validation, early stopping on validation macro-F1, best checkpoint.
#include "ml/Trainer.h"

#include "ml/TorchRuntime.h"
#include "ml/detail/InputPipeline.h"
#include "ml/detail/ModelState.h"

#include <ATen/Context.h>
#include <ATen/Parallel.h>
#include <ATen/autocast_mode.h>
#include <c10/util/Exception.h>
#include <torch/nn/functional/loss.h>
#include <torch/optim/adamw.h>
#include <torch/serialize/output-archive.h>
#include <torch/utils.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <ctime>
#include <numeric>
#include <optional>
#include <random>
#include <set>
#include <sstream>

namespace fl::ml {

namespace {

using Clock = std::chrono::steady_clock;

double secondsSince(Clock::time_point t)
{
    return std::chrono::duration<double>(Clock::now() - t).count();
}

std::string utcNow()
{
    const std::time_t now = std::time(nullptr);
    std::tm tm{};
    gmtime_r(&now, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buf;
}

int plannedEpochs(std::int64_t fragments, const TrainingOptions& o)
{
    const std::int64_t stepsPerEpoch = (std::max<std::int64_t>(1, fragments) + o.batchSize - 1) / o.batchSize;
    if (o.minSteps <= 0) return o.epochs;
    return int(std::clamp<std::int64_t>((o.minSteps + stepsPerEpoch - 1) / stepsPerEpoch, o.epochs,
                                        8 * std::int64_t(o.epochs)));
}

// Linear warm-up from 10% of the peak, then cosine decay to 1% of the peak.
double scheduledRate(double peak, std::int64_t step, std::int64_t total, std::int64_t warmup)
{
    if (step < warmup) return peak * (0.1 + 0.9 * double(step) / double(std::max<std::int64_t>(1, warmup)));
    const double progress = double(step - warmup) / double(std::max<std::int64_t>(1, total - warmup));
    return peak * (0.01 + 0.99 * 0.5 * (1.0 + std::cos(M_PI * std::min(1.0, progress))));
}

struct Batch {
    torch::Tensor input;  // on the device
    torch::Tensor labels; // int64 on the device
};

class Run {
public:
    Run(const TrainingSet& data, const TrainingOptions& options, const TrainingCallbacks& callbacks, std::string device)
        : m_data(data), m_options(options), m_callbacks(callbacks), m_deviceName(std::move(device)),
          m_device(m_deviceName), m_rng(options.seed * 0x9E3779B97F4A7C15ULL + 0x632BE59BD9B4E019ULL)
    {}

    MlResult<TrainingOutcome> execute();

private:
    bool cancelled() const { return m_callbacks.cancel && m_callbacks.cancel->load(std::memory_order_relaxed); }
    std::int64_t span() const { return std::int64_t(m_data.fragment.length - 1) * m_data.fragment.step + 1; }
    Batch makeBatch(const std::vector<LabeledFragment>& set, const std::vector<size_t>& indices, size_t from, size_t to,
                    bool augment);
    std::vector<size_t> epochOrder();
    struct Evaluation {
        double loss = 0;
        std::vector<int> predicted;
        bool cancelled = false;
    };
    Evaluation evaluate();
    // Networks with a fixed front end: its outputs for every training fragment and augmented
    // view, and the statistics' scale (from the unaugmented view).
    void buildViews();
    struct Views {
        std::vector<torch::Tensor> parts; // each [views * fragments, ...], row v * fragments + i
        std::int64_t fragments = 0;
        int views = 0;
    };
    Views m_views;

    const TrainingSet& m_data;
    const TrainingOptions& m_options;
    const TrainingCallbacks& m_callbacks;
    std::string m_deviceName;
    torch::Device m_device;
    std::mt19937_64 m_rng;
    ModelInfo m_info;
    std::shared_ptr<detail::FragmentNetworkImpl> m_net;
    torch::Tensor m_classWeights;
};

std::vector<size_t> Run::epochOrder()
{
    const size_t n = m_data.train.size();
    std::vector<size_t> order(n);
    if (m_options.balance == ClassBalance::BalancedSampling) {
        // n draws with replacement, each class equally likely.
        std::vector<std::vector<size_t>> byClass(m_data.classes.size());
        for (size_t i = 0; i < n; ++i) byClass[size_t(m_data.train[i].label)].push_back(i);
        std::vector<size_t> present;
        for (size_t c = 0; c < byClass.size(); ++c)
            if (!byClass[c].empty()) present.push_back(c);
        for (size_t i = 0; i < n; ++i) {
            const auto& members = byClass[present[m_rng() % present.size()]];
            order[i] = members[m_rng() % members.size()];
        }
        return order;
    }
    std::iota(order.begin(), order.end(), size_t(0));
    // Fisher-Yates with our own generator (std::shuffle's algorithm is implementation-defined).
    for (size_t i = n; i > 1; --i) std::swap(order[i - 1], order[m_rng() % i]);
    return order;
}

Batch Run::makeBatch(const std::vector<LabeledFragment>& set, const std::vector<size_t>& indices, size_t from,
                     size_t to, bool augment)
{
    const int t = m_data.fragment.length;
    const int step = m_data.fragment.step;
    const std::int64_t b = std::int64_t(to - from);
    std::vector<const std::uint8_t*> frames;
    frames.reserve(size_t(b * t));
    std::vector<std::int64_t> labels;
    std::vector<detail::SampleAugment> aug;
    const Augmentation& a = m_options.augmentation;
    std::uniform_real_distribution<float> unit(0.0f, 1.0f);
    for (size_t k = from; k < to; ++k) {
        const LabeledFragment& s = set[indices[k]];
        std::int64_t first = s.firstFrame;
        if (augment && a.temporalJitter > 0) {
            const int j = a.temporalJitter;
            const std::int64_t delta = std::int64_t(m_rng() % std::uint64_t(2 * j + 1)) - j;
            first = std::clamp(first + delta, s.minFirst, s.maxFirst);
        }
        const VideoFrames& video = m_data.videos[size_t(s.video)];
        for (int i = 0; i < t; ++i) frames.push_back(video.frame(first + std::int64_t(i) * step));
        labels.push_back(s.label);
        if (augment) {
            detail::SampleAugment sa;
            const bool crop = unit(m_rng) < float(a.cropProbability);
            const float scale = float(a.minCropScale + (1.0 - a.minCropScale) * unit(m_rng));
            sa.cropScale = crop ? scale : 1.0f;
            sa.cropX = unit(m_rng);
            sa.cropY = unit(m_rng);
            sa.flip = a.horizontalFlip && (m_rng() & 1u);
            sa.brightness = float(a.brightness * (2.0 * unit(m_rng) - 1.0));
            sa.contrast = float(1.0 + a.contrast * (2.0 * unit(m_rng) - 1.0));
            if (a.motionScale > 0) sa.motion = float(a.motionScale + (1.0 - a.motionScale) * unit(m_rng));
            aug.push_back(sa);
        }
    }
    const int size = m_info.config.inputSize;
    auto u8 = detail::gatherFrames(frames, b, t, size, size);
    Batch batch;
    batch.input = detail::modelInput(u8, m_info.normalization, m_info.config.inputChannels() == 4,
                                     augment ? &aug : nullptr)
                      .to(m_device);
    batch.labels = torch::tensor(labels, torch::kInt64).to(m_device);
    return batch;
}

Run::Evaluation Run::evaluate()
{
    Evaluation e;
    const auto& set = m_data.validation;
    std::vector<size_t> indices(set.size());
    std::iota(indices.begin(), indices.end(), size_t(0));
    m_net->eval();
    torch::NoGradGuard noGrad;
    const size_t batch = size_t(std::max(1, m_options.batchSize * 2));
    double lossSum = 0;
    for (size_t from = 0; from < set.size(); from += batch) {
        if (cancelled()) {
            e.cancelled = true;
            return e;
        }
        const size_t to = std::min(set.size(), from + batch);
        Batch b = makeBatch(set, indices, from, to, false);
        auto logits = m_net->run(b.input, false).logits.to(torch::kFloat32);
        lossSum += torch::nn::functional::cross_entropy(logits, b.labels,
                                                        torch::nn::functional::CrossEntropyFuncOptions().reduction(
                                                            torch::kSum))
                       .item<double>();
        auto pred = logits.argmax(1).to(torch::kCPU);
        for (std::int64_t i = 0; i < pred.size(0); ++i) e.predicted.push_back(int(pred[i].item<std::int64_t>()));
    }
    e.loss = set.empty() ? 0.0 : lossSum / double(set.size());
    return e;
}

void Run::buildViews()
{
    // Every training fragment once as it is (view 0) and views - 1 times augmented, each through
    // the fixed front end once; the training steps then only gather rows.
    const auto& set = m_data.train;
    const Augmentation& a = m_options.augmentation;
    int views = a.enabled ? std::max(1, a.views) : 1;
    // Memory bound: at most ~512 MB of precomputed views (a CNN stream keeps its input maps).
    const ModelConfig& c = m_info.config;
    const std::int64_t side = c.inputSize;
    const std::int64_t floatsPerView = 256 + (c.convolutions && c.appearanceStream ? 3 * side * side : 0)
        + (c.convolutions && c.motionStream ? 3 * (c.frames - 1) * (side / 2) * (side / 2) : 0);
    const std::int64_t perView = floatsPerView * 4 * std::max<std::int64_t>(1, std::int64_t(set.size()));
    views = int(std::clamp<std::int64_t>((std::int64_t(512) << 20) / perView, 1, views));
    std::vector<size_t> indices(set.size());
    std::iota(indices.begin(), indices.end(), size_t(0));
    torch::NoGradGuard noGrad;
    const size_t batch = size_t(std::max(1, m_options.batchSize * 2));
    std::vector<std::vector<torch::Tensor>> chunks;
    for (int v = 0; v < views; ++v) {
        for (size_t from = 0; from < set.size(); from += batch) {
            if (cancelled()) return; // execute() sees the flag before the first step
            const size_t to = std::min(set.size(), from + batch);
            Batch b = makeBatch(set, indices, from, to, v > 0);
            auto parts = m_net->precompute(b.input);
            if (chunks.empty()) chunks.resize(parts.size());
            for (size_t p = 0; p < parts.size(); ++p) chunks[p].push_back(parts[p]);
        }
    }
    m_views.parts.clear();
    if (chunks.empty()) return;
    for (auto& c : chunks) m_views.parts.push_back(torch::cat(c, 0));
    m_views.views = views;
    m_views.fragments = std::int64_t(set.size());

    // The statistics' scale from the fragments as they are (view 0).
    const auto stats = m_views.parts.back().slice(0, 0, m_views.fragments).to(torch::kFloat64);
    if (stats.size(1) > 0) {
        const auto mean = stats.mean(0);
        const auto stdev = (stats.square().mean(0) - mean.square()).clamp_min(0.0).sqrt().clamp_min(1e-2);
        m_net->setStatisticsScale(mean.to(torch::kFloat32), stdev.to(torch::kFloat32));
    }
}

MlResult<TrainingOutcome> Run::execute()
{
    const auto runStart = Clock::now();
    TrainingOutcome outcome;
    outcome.device = m_deviceName;
    outcome.threads = at::get_num_threads();
    outcome.trainSamples = std::int64_t(m_data.train.size());
    outcome.validationSamples = std::int64_t(m_data.validation.size());

    if (m_device.is_cuda()) {
        at::globalContext().setDeterministicCuDNN(true);
        at::globalContext().setBenchmarkCuDNN(false);
    }

    m_info.config = m_options.model;
    m_info.config.frames = m_data.fragment.length;
    m_info.config.classes = int(m_data.classes.size());
    m_info.classes = m_data.classes;
    m_info.fragment = m_data.fragment;
    // twostream takes the frames in [0, 1] (its front end and batch norm do the scaling).
    m_info.normalization = m_info.config.architecture == Architecture::TwoStream
        ? Normalization{{0.f, 0.f, 0.f}, {1.f, 1.f, 1.f}}
        : Trainer::computeNormalization(m_data);
    m_info.trainedAt = utcNow();
    m_info.device = m_deviceName;
    m_info.seed = m_options.seed;
    auto created = FragmentModel::create(m_info, m_options.seed);
    if (!created) return created.status();
    FragmentModel model = std::move(created).value();
    m_net = model.impl()->net;
    m_net->to(m_device);
    if (m_net->hasFixedFrontEnd()) buildViews();
    if (cancelled()) {
        outcome.cancelled = true;
        return outcome;
    }

    // Class weights: N / (K * n_c) over the training split (1 for every class when not weighting).
    std::vector<float> weights(m_data.classes.size(), 1.0f);
    if (m_options.balance == ClassBalance::WeightedLoss) {
        std::vector<std::int64_t> counts(m_data.classes.size(), 0);
        for (const auto& s : m_data.train) ++counts[size_t(s.label)];
        for (size_t c = 0; c < counts.size(); ++c)
            weights[c] = counts[c] > 0
                ? float(double(m_data.train.size()) / (double(counts.size()) * double(counts[c])))
                : 0.0f;
    }
    m_classWeights = torch::tensor(weights).to(m_device);

    torch::optim::AdamW optimizer(
        m_net->parameters(), torch::optim::AdamWOptions(m_options.learningRate).weight_decay(m_options.weightDecay));
    const size_t n = m_data.train.size();
    const size_t batchSize = size_t(m_options.batchSize);
    const int stepsPerEpoch = int((n + batchSize - 1) / batchSize);
    const int epochs = plannedEpochs(std::int64_t(n), m_options);
    const std::int64_t totalSteps = std::int64_t(stepsPerEpoch) * epochs;
    const std::int64_t warmup = std::int64_t(std::llround(m_options.warmupFraction * double(totalSteps)));
    const bool amp = m_device.is_cuda() && m_options.mixedPrecision;
    double lossScale = 65536.0;
    int goodSteps = 0;

    std::vector<torch::Tensor> bestState;
    std::string bestOptimizer;
    double bestF1 = -1;
    int sinceBetterF1 = 0; // epochs since macro-F1 last rose: what early stopping counts
    std::int64_t globalStep = 0;
    double trainSecondsTotal = 0;
    std::int64_t samplesTotal = 0;
    const auto captureState = [this]() {
        std::vector<torch::Tensor> state;
        for (const auto& p : m_net->parameters()) state.push_back(p.detach().clone());
        for (const auto& b : m_net->buffers()) state.push_back(b.detach().clone());
        return state;
    };

    for (int epoch = 1; epoch <= epochs; ++epoch) {
        const auto epochStart = Clock::now();
        m_net->train();
        const auto order = epochOrder();
        double lossSum = 0;
        std::int64_t correct = 0;
        std::int64_t seen = 0;
        for (int step = 0; step < stepsPerEpoch; ++step) {
            if (cancelled()) {
                outcome.cancelled = true;
                return outcome;
            }
            const size_t from = size_t(step) * batchSize;
            const size_t to = std::min(n, from + batchSize);
            Batch batch;
            std::vector<torch::Tensor> parts;
            if (m_views.views > 0) {
                // Rows of the precomputed views: each sample one of its views at random.
                std::vector<std::int64_t> rows;
                std::vector<std::int64_t> labels;
                for (size_t k = from; k < to; ++k) {
                    const std::int64_t v = m_views.views > 1 ? std::int64_t(m_rng() % std::uint64_t(m_views.views)) : 0;
                    rows.push_back(v * m_views.fragments + std::int64_t(order[k]));
                    labels.push_back(m_data.train[order[k]].label);
                }
                const auto index = torch::tensor(rows, torch::kInt64).to(m_device);
                for (const auto& p : m_views.parts) parts.push_back(p.index_select(0, index));
                batch.labels = torch::tensor(labels, torch::kInt64).to(m_device);
            } else {
                batch = makeBatch(m_data.train, order, from, to, m_options.augmentation.enabled);
            }
            const auto forward = [&]() {
                return parts.empty() ? m_net->run(batch.input, false) : m_net->runPrecomputed(parts, false);
            };
            const double lr = scheduledRate(m_options.learningRate, globalStep, totalSteps, warmup);
            for (auto& group : optimizer.param_groups())
                static_cast<torch::optim::AdamWOptions&>(group.options()).lr(lr);

            optimizer.zero_grad();
            torch::Tensor logits;
            if (amp) {
                at::autocast::set_enabled(true);
                logits = forward().logits;
                at::autocast::set_enabled(false);
                at::autocast::clear_cache();
            } else {
                logits = forward().logits;
            }
            logits = logits.to(torch::kFloat32);
            auto loss = torch::nn::functional::cross_entropy(logits, batch.labels,
                                                             torch::nn::functional::CrossEntropyFuncOptions().weight(
                                                                 m_classWeights));
            if (amp) {
                (loss * lossScale).backward();
                std::vector<torch::Tensor> finite;
                for (auto& p : m_net->parameters())
                    if (p.grad().defined()) finite.push_back(torch::isfinite(p.grad()).all());
                const bool ok = finite.empty() || torch::stack(finite).all().item<bool>();
                if (ok) {
                    for (auto& p : m_net->parameters())
                        if (p.grad().defined()) p.mutable_grad().div_(lossScale);
                    optimizer.step();
                    if (++goodSteps >= 200) {
                        lossScale *= 2.0;
                        goodSteps = 0;
                    }
                } else {
                    lossScale = std::max(1.0, lossScale / 2.0);
                    goodSteps = 0;
                }
            } else {
                loss.backward();
                optimizer.step();
            }
            ++globalStep;
            const std::int64_t b = std::int64_t(to - from);
            lossSum += loss.item<double>() * double(b);
            correct += logits.argmax(1).eq(batch.labels).sum().item<std::int64_t>();
            seen += b;

            if (m_callbacks.batch) {
                BatchProgress p;
                p.epoch = epoch;
                p.epochs = epochs;
                p.step = step + 1;
                p.stepsPerEpoch = stepsPerEpoch;
                p.globalStep = globalStep;
                p.totalSteps = totalSteps;
                p.loss = lossSum / double(seen);
                p.accuracy = double(correct) / double(seen);
                p.learningRate = lr;
                const double epochSeconds = secondsSince(epochStart);
                p.samplesPerSecond = epochSeconds > 0 ? double(seen) / epochSeconds : 0;
                const double elapsed = secondsSince(runStart);
                if (globalStep >= 3 && elapsed > 0.2)
                    p.secondsLeft = elapsed / double(globalStep) * double(totalSteps - globalStep);
                m_callbacks.batch(p);
            }
        }
        const double trainSeconds = secondsSince(epochStart);
        trainSecondsTotal += trainSeconds;
        samplesTotal += seen;

        const bool validating = !m_data.validation.empty();
        auto eval = validating ? evaluate() : Evaluation{};
        if (eval.cancelled) {
            outcome.cancelled = true;
            return outcome;
        }
        std::vector<int> truth;
        truth.reserve(m_data.validation.size());
        for (const auto& s : m_data.validation) truth.push_back(s.label);
        EpochMetrics m;
        m.epoch = epoch;
        m.trainLoss = seen > 0 ? lossSum / double(seen) : 0;
        m.trainAccuracy = seen > 0 ? double(correct) / double(seen) : 0;
        if (validating) {
            m.validation = classificationReport(truth, eval.predicted, m_data.classes);
            m.validationLoss = eval.loss;
            m.validationAccuracy = m.validation.accuracy;
            m.validationMacroF1 = m.validation.macro.f1;
        } else {
            m.validationLoss = m.validationAccuracy = m.validationMacroF1 = -1; // no validation split
        }
        m.samplesPerSecond = trainSeconds > 0 ? double(seen) / trainSeconds : 0;
        // Strictly better macro-F1, or equal with a lower validation loss; without a validation
        // split, every epoch is "better" (the last one is kept).
        // Early stopping counts only rises of macro-F1: a loss that keeps falling at an F1
        // already reached (1.0 on a small split) moves the checkpoint, not the stop.
        const bool higherF1 = validating && m.validationMacroF1 > bestF1 + 1e-9;
        const bool better = !validating ? epoch == epochs
                                        : higherF1
                || (std::abs(m.validationMacroF1 - bestF1) <= 1e-9 && !outcome.history.empty()
                    && m.validationLoss < outcome.history[size_t(outcome.bestEpoch - 1)].validationLoss);
        sinceBetterF1 = higherF1 ? 0 : sinceBetterF1 + 1;
        if (better) {
            m.best = true;
            bestF1 = m.validationMacroF1;
            outcome.bestEpoch = epoch;
            outcome.validation = m.validation;
            bestState = captureState();
            torch::serialize::OutputArchive archive;
            optimizer.save(archive);
            std::ostringstream bytes;
            archive.save_to(bytes);
            bestOptimizer = bytes.str();
        }
        m.seconds = secondsSince(epochStart);
        outcome.history.push_back(m);
        outcome.epochsRun = epoch;
        if (m_callbacks.epoch) m_callbacks.epoch(m);
        if (validating && m_options.patience > 0 && sinceBetterF1 >= m_options.patience && epoch < epochs) {
            outcome.stoppedEarly = true;
            break;
        }
    }

    // The best epoch's weights, on the CPU, in eval mode.
    {
        torch::NoGradGuard noGrad;
        size_t i = 0;
        for (auto& p : m_net->parameters()) p.copy_(bestState[i++]);
        for (auto& b : m_net->buffers()) b.copy_(bestState[i++]);
    }
    m_net->to(torch::kCPU);
    m_net->eval();
    ModelInfo info = model.info();
    info.bestEpoch = outcome.bestEpoch;
    info.validationMacroF1 = outcome.validation.macro.f1;
    info.validationAccuracy = outcome.validation.accuracy;
    model.setInfo(info);
    model.impl()->optimizerState = std::move(bestOptimizer);
    outcome.model = std::move(model);
    outcome.trainSeconds = secondsSince(runStart);
    outcome.samplesPerSecond = trainSecondsTotal > 0 ? double(samplesTotal) / trainSecondsTotal : 0;
    return outcome;
}

} // namespace

std::int64_t Trainer::plannedSteps(std::int64_t fragments, const TrainingOptions& options)
{
    const std::int64_t stepsPerEpoch = (std::max<std::int64_t>(1, fragments) + options.batchSize - 1)
        / options.batchSize;
    return stepsPerEpoch * plannedEpochs(fragments, options);
}

Normalization Trainer::computeNormalization(const TrainingSet& data, int maxFrames)
{
    std::set<std::pair<int, std::int64_t>> frames;
    for (const auto& s : data.train)
        for (int t = 0; t < data.fragment.length; ++t)
            frames.insert({s.video, s.firstFrame + std::int64_t(t) * data.fragment.step});
    Normalization norm;
    if (frames.empty()) return norm;
    const std::vector<std::pair<int, std::int64_t>> all(frames.begin(), frames.end());
    const size_t take = std::min(all.size(), size_t(std::max(1, maxFrames)));
    double sum[3] = {0, 0, 0};
    double sq[3] = {0, 0, 0};
    std::int64_t pixels = 0;
    for (size_t k = 0; k < take; ++k) {
        const auto& [video, frame] = all[k * all.size() / take];
        const VideoFrames& v = data.videos[size_t(video)];
        const std::uint8_t* p = v.frame(frame);
        const std::int64_t count = std::int64_t(v.width) * v.height;
        for (std::int64_t i = 0; i < count; ++i) {
            for (int c = 0; c < 3; ++c) {
                const double x = p[i * 3 + c] / 255.0;
                sum[c] += x;
                sq[c] += x * x;
            }
        }
        pixels += count;
    }
    for (int c = 0; c < 3; ++c) {
        const double mean = sum[c] / double(pixels);
        const double var = std::max(0.0, sq[c] / double(pixels) - mean * mean);
        norm.mean[size_t(c)] = float(mean);
        norm.stdev[size_t(c)] = float(std::max(std::sqrt(var), 1e-3));
    }
    return norm;
}

MlResult<TrainingOutcome> Trainer::train(const TrainingSet& data, const TrainingOptions& options,
                                         const TrainingCallbacks& callbacks)
{
    if (auto e = options.validate(); !e.empty()) return MlStatus::failure("invalid training options: " + e);
    ModelConfig config = options.model;
    config.frames = data.fragment.length;
    config.classes = int(data.classes.size());
    if (auto e = data.validate(config.inputSize); !e.empty()) return MlStatus::failure(e);
    if (auto e = config.validate(); !e.empty()) return MlStatus::failure("invalid model: " + e);
    auto device = resolveDevice(options.device);
    if (!device) return device.status();
    try {
        // The two-stream model's operations are small: on the CPU one thread is faster than two.
        std::optional<ScopedIntraOpThreads> threads;
        if (config.architecture == Architecture::TwoStream && *device == "cpu") threads.emplace(1);
        Run run(data, options, callbacks, *device);
        return run.execute();
    } catch (const c10::OutOfMemoryError& e) {
        return MlStatus::failure("out of GPU memory while training on " + *device + " (batch size "
                                 + std::to_string(options.batchSize)
                                 + "): train on the CPU (device cpu) or use a smaller batch or input size");
    } catch (const std::bad_alloc&) {
        return MlStatus::failure("out of memory while training (batch size " + std::to_string(options.batchSize)
                                 + "): use a smaller batch or input size");
    } catch (const std::exception& e) {
        return MlStatus::failure("training failed: " + firstLine(e.what()));
    }
}

} // namespace fl::ml
