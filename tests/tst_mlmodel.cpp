// core/ml without video: model sizes and FLOPs, predictor outputs and layer activations,
// checkpoint save/load (identical outputs) and refusal of damaged or foreign files, and the
// trainer on in-memory synthetic fragments (learning, seeded reproducibility, cancel, errors).
// Links LibTorch itself to craft damaged checkpoints. Cost: ~15 s on 2 cores.
#include "ml/FragmentModel.h"
#include "ml/Predictor.h"
#include "ml/SyntheticVideo.h"
#include "ml/TorchRuntime.h"
#include "ml/Trainer.h"
#include "ml/detail/Networks.h"

#include <torch/autograd.h>
#include <torch/serialize/input-archive.h>
#include <torch/serialize/output-archive.h>

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include <functional>
#include <random>
#include <thread>

using namespace fl::ml;

namespace {

ModelInfo infoFor(Architecture arch, TemporalFusion fusion = TemporalFusion::Convolution, int size = 64,
                  bool convolutions = true)
{
    ModelInfo info;
    info.config.architecture = arch;
    info.config.fusion = fusion;
    info.config.inputSize = size;
    info.config.convolutions = convolutions;
    info.classes = {"a", "b"};
    return info;
}

std::vector<std::uint8_t> randomBlocks(int count, const ModelConfig& c, unsigned seed)
{
    std::vector<std::uint8_t> bytes(size_t(count) * size_t(c.frames) * size_t(c.inputSize) * size_t(c.inputSize) * 3);
    std::mt19937 rng(seed);
    for (auto& b : bytes) b = std::uint8_t(rng() & 0xff);
    return bytes;
}

std::vector<const std::uint8_t*> blockPointers(const std::vector<std::uint8_t>& bytes, int count)
{
    std::vector<const std::uint8_t*> out;
    const size_t each = bytes.size() / size_t(count);
    for (int i = 0; i < count; ++i) out.push_back(bytes.data() + size_t(i) * each);
    return out;
}

std::vector<FragmentPrediction> predictAll(const FragmentModel& model, const std::vector<const std::uint8_t*>& blocks,
                                           int batch = 64)
{
    auto predictor = Predictor::create(model, DeviceChoice::Cpu, batch);
    if (!predictor) return {};
    auto out = predictor->predict(blocks);
    return out ? *out : std::vector<FragmentPrediction>{};
}

// Copies every top-level entry of `from` into `to` except `skip`.
void copyEntries(torch::serialize::InputArchive& from, torch::serialize::OutputArchive& to,
                 const std::vector<std::string>& skip)
{
    for (const auto& key : from.keys()) {
        if (std::find(skip.begin(), skip.end(), key) != skip.end()) continue;
        c10::IValue v;
        if (from.try_read(key, v)) {
            to.write(key, v);
            continue;
        }
        torch::Tensor t;
        if (from.try_read(key, t)) to.write(key, t);
    }
}

// Writes `file`: the entries of `from` (less `skip` and the weights), plus `extra`, and the
// weights loaded into a network of `config` (which must fit them), after `mutate`.
void rewriteCheckpoint(torch::serialize::InputArchive& from, const std::string& file, const ModelConfig& config,
                       const std::vector<std::string>& skip,
                       const std::function<void(torch::serialize::OutputArchive&)>& extra,
                       const std::function<void(fl::ml::detail::FragmentNetworkImpl&)>& mutate)
{
    torch::serialize::OutputArchive out;
    std::vector<std::string> skipped = skip;
    skipped.push_back("model");
    copyEntries(from, out, skipped);
    if (extra) extra(out);
    torch::serialize::InputArchive weights;
    from.read("model", weights);
    auto net = fl::ml::detail::makeNetwork(config);
    net->load(weights);
    if (mutate) {
        torch::NoGradGuard noGrad;
        mutate(*net);
    }
    torch::serialize::OutputArchive weightsOut;
    net->save(weightsOut);
    out.write("model", weightsOut);
    out.save_to(file);
}

TrainingOptions quickOptions()
{
    TrainingOptions o;
    o.model.inputSize = 32;
    o.model.width = 8;
    o.model.featureSize = 32;
    o.epochs = 6;
    o.batchSize = 16;
    o.learningRate = 5e-3;
    o.device = DeviceChoice::Cpu;
    o.seed = 3;
    return o;
}

} // namespace

class TestMlModel : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_tmp;

    QString path(const QString& name) const { return m_tmp.filePath(name); }
    std::string spath(const QString& name) const { return QFile::encodeName(path(name)).toStdString(); }

private slots:
    void initTestCase()
    {
        configureTorchRuntime();
        QVERIFY(m_tmp.isValid());
    }

    void defaultModelSizeIsAsDocumented()
    {
        // docs/MODEL.md: fragnet (tconv, w=16, 64 px, T=4, diff), 2 classes.
        auto model = FragmentModel::create(infoFor(Architecture::FragNet), 1);
        QVERIFY(model);
        const auto size = model->size();
        QCOMPARE(size.parameters, std::int64_t(77538));
        QCOMPARE(size.macsPerFragment, std::int64_t(24383616));
        QCOMPARE(size.flopsPerFragment(), std::int64_t(2 * 24383616));
    }

    void everyArchitectureRuns_data()
    {
        QTest::addColumn<int>("arch");
        QTest::addColumn<int>("fusion");
        QTest::addColumn<QString>("firstLayer");
        QTest::addColumn<int>("firstChannels");
        QTest::addColumn<bool>("convolutions");
        QTest::addColumn<qint64>("minMacs");
        QTest::newRow("fragnet tconv") << int(Architecture::FragNet) << int(TemporalFusion::Convolution)
                                       << "frame.block1" << 16 << true << qint64(1000000);
        QTest::newRow("fragnet concat") << int(Architecture::FragNet) << int(TemporalFusion::Concatenation)
                                        << "frame.block1" << 16 << true << qint64(1000000);
        QTest::newRow("fragnet gru") << int(Architecture::FragNet) << int(TemporalFusion::Gru) << "frame.block1" << 16
                                     << true << qint64(1000000);
        QTest::newRow("r2plus1d") << int(Architecture::R2Plus1D) << 0 << "block1" << 16 << true << qint64(1000000);
        // twostream: the first layer is the front end's motion maps (|difference|, flow u, v) at half size.
        QTest::newRow("twostream with CNNs")
            << int(Architecture::TwoStream) << 0 << "motion.front" << 3 << true << qint64(1000000);
        QTest::newRow("twostream statistics")
            << int(Architecture::TwoStream) << 0 << "motion.front" << 3 << false << qint64(10000);
    }

    void everyArchitectureRuns()
    {
        QFETCH(int, arch);
        QFETCH(int, fusion);
        QFETCH(QString, firstLayer);
        QFETCH(int, firstChannels);
        QFETCH(bool, convolutions);
        QFETCH(qint64, minMacs);
        auto model = FragmentModel::create(infoFor(Architecture(arch), TemporalFusion(fusion), 64, convolutions), 2);
        QVERIFY2(model, model.error().c_str());
        QVERIFY(model->size().parameters > 1000);
        QVERIFY(model->size().macsPerFragment > minMacs);
        const auto bytes = randomBlocks(5, model->info().config, 9);
        const auto blocks = blockPointers(bytes, 5);
        const auto out = predictAll(*model, blocks);
        QCOMPARE(out.size(), size_t(5));
        for (const auto& p : out) {
            QCOMPARE(p.probabilities.size(), size_t(2));
            QVERIFY(std::abs(p.probabilities[0] + p.probabilities[1] - 1.0f) < 1e-5f);
            QCOMPARE(p.features.size(), size_t(64));
            QCOMPARE(p.confidence, std::max(p.probabilities[0], p.probabilities[1]));
        }
        // Batching does not change the results.
        const auto small = predictAll(*model, blocks, 2);
        for (size_t i = 0; i < out.size(); ++i)
            for (size_t k = 0; k < 2; ++k)
                QVERIFY(std::abs(out[i].probabilities[k] - small[i].probabilities[k]) < 1e-5f);

        auto predictor = Predictor::create(*model);
        QVERIFY(predictor);
        const auto layers = model->layerNames();
        QCOMPARE(QString::fromStdString(layers.front()), firstLayer);
        QCOMPARE(QString::fromStdString(layers.back()), QStringLiteral("feature"));
        for (const auto& layer : layers) {
            auto a = predictor->activations(blocks[0], layer);
            QVERIFY2(a, a.error().c_str());
            QCOMPARE(a->values.size(), size_t(a->frames) * size_t(a->channels) * size_t(a->height) * size_t(a->width));
            if (layer == "feature") {
                QCOMPARE(a->channels, 64);
                QCOMPARE(a->frames, 1);
            } else if (layer == "statistics") { // twostream: the standardised statistics, a vector
                QCOMPARE(a->frames, 1);
                QVERIFY(a->channels > 100);
            } else {
                QCOMPARE(a->frames, 4);
            }
        }
        auto first = predictor->activations(blocks[0], firstLayer.toStdString());
        QCOMPARE(first->channels, firstChannels);
        QCOMPARE(first->height, 32);
        QVERIFY(!predictor->activations(blocks[0], "nope"));
    }

    void twostreamPrecomputedPartsGiveTheSameOutputs()
    {
        // The Trainer runs the fixed front end once per fragment and the rest at every step: the
        // two halves must give what run() gives, with and without taps.
        ModelConfig c = infoFor(Architecture::TwoStream).config;
        auto net = fl::ml::detail::makeNetwork(c);
        net->eval();
        QVERIFY(net->hasFixedFrontEnd());
        torch::manual_seed(4);
        auto x = torch::rand({3, c.frames, 3, c.inputSize, c.inputSize});
        const auto whole = net->run(x, false).logits;
        const auto parts = net->runPrecomputed(net->precompute(x), false).logits;
        const auto tapped = net->run(x.clone().requires_grad_(true), true);
        QVERIFY(torch::allclose(whole, parts, 1e-5, 1e-6));
        QVERIFY(torch::allclose(whole, tapped.logits, 1e-5, 1e-6));
        // The statistics are taken from the front-end taps: Grad-CAM's gradients reach them.
        const auto front = std::find_if(tapped.taps.begin(), tapped.taps.end(),
                                        [](const auto& t) { return t.name == "motion.front"; });
        QVERIFY(front != tapped.taps.end());
        auto grads = torch::autograd::grad({tapped.logits.select(1, 0).sum()}, {front->value}, {}, true, false, true);
        QVERIFY(grads[0].defined() && grads[0].abs().sum().item<double>() > 0);
        // Statistics only: nothing but linear layers learn.
        ModelConfig statsOnly = c;
        statsOnly.convolutions = false;
        auto small = fl::ml::detail::makeNetwork(statsOnly);
        QVERIFY(small->parameterCount() < net->parameterCount());
        const auto names = small->layerNames();
        QCOMPARE(QString::fromStdString(names.front()), QStringLiteral("motion.front"));
        QVERIFY(std::find(names.begin(), names.end(), "statistics") != names.end());
    }

    void decisionsRoundTripWithTheModel()
    {
        ModelInfo info = infoFor(Architecture::TwoStream, TemporalFusion::Convolution, 32, false);
        info.config.appearanceStream = false;
        info.temperature = 1.7;
        info.classThresholds = {0.65, 0.35};
        info.minBout = 3;
        auto model = FragmentModel::create(info, 8);
        QVERIFY2(model, model.error().c_str());
        QVERIFY(model->save(spath(QStringLiteral("tuned.flmodel"))));
        auto loaded = FragmentModel::load(spath(QStringLiteral("tuned.flmodel")));
        QVERIFY2(loaded, loaded.error().c_str());
        QVERIFY(loaded->info() == model->info());
        QCOMPARE(loaded->info().temperature, 1.7);
        QCOMPARE(loaded->info().classThresholds, (std::vector<double>{0.65, 0.35}));
        QCOMPARE(loaded->info().minBout, 3);
        QVERIFY(!loaded->info().config.appearanceStream && !loaded->info().config.convolutions);
        // The temperature softens the probabilities the predictor gives.
        const auto bytes = randomBlocks(4, info.config, 5);
        const auto blocks = blockPointers(bytes, 4);
        ModelInfo plain = loaded->info();
        plain.temperature = 1.0;
        FragmentModel cold = loaded->clone();
        cold.setInfo(plain);
        const auto warm = predictAll(*loaded, blocks);
        const auto sharp = predictAll(cold, blocks);
        for (size_t i = 0; i < warm.size(); ++i)
            QVERIFY(std::abs(warm[i].probabilities[0] - 0.5f) <= std::abs(sharp[i].probabilities[0] - 0.5f) + 1e-6f);
        // Inconsistent decisions are refused.
        ModelInfo bad = info;
        bad.classThresholds = {0.5};
        QVERIFY(!FragmentModel::create(bad, 1));
        bad = info;
        bad.temperature = 0;
        QVERIFY(!FragmentModel::create(bad, 1));
    }

    void formatVersionOneFilesStillLoad()
    {
        // A checkpoint as FragmentLab wrote it before the twostream model: version 1, none of
        // the version-2 fields. It loads with no calibration, argmax decisions, no smoothing.
        auto model = FragmentModel::create(infoFor(Architecture::FragNet, TemporalFusion::Convolution, 32), 6);
        QVERIFY(model->save(spath(QStringLiteral("v2.flmodel"))));
        torch::serialize::InputArchive in;
        in.load_from(spath(QStringLiteral("v2.flmodel")));
        const std::vector<std::string> added = {"fragmentlab.version",   "meta.appearance_stream", "meta.motion_stream",
                                                "meta.statistics",       "meta.convolutions",      "meta.temperature",
                                                "meta.class_thresholds", "meta.min_bout"};
        rewriteCheckpoint(in, spath(QStringLiteral("v1.flmodel")), model->info().config, added,
                          [](torch::serialize::OutputArchive& out) {
                              out.write("fragmentlab.version", c10::IValue(std::int64_t(1)));
                          },
                          {});
        auto loaded = FragmentModel::load(spath(QStringLiteral("v1.flmodel")));
        QVERIFY2(loaded, loaded.error().c_str());
        QCOMPARE(loaded->info().config.architecture, Architecture::FragNet);
        QCOMPARE(loaded->info().temperature, 1.0);
        QVERIFY(loaded->info().classThresholds.empty());
        QCOMPARE(loaded->info().minBout, 1);
        const auto bytes = randomBlocks(3, model->info().config, 2);
        const auto blocks = blockPointers(bytes, 3);
        const auto a = predictAll(*model, blocks);
        const auto b = predictAll(*loaded, blocks);
        for (size_t i = 0; i < a.size(); ++i) QVERIFY(a[i].probabilities == b[i].probabilities);
    }

    void trainingOnSeveralThreadsAtOnceIsDeterministic()
    {
        // Weight initialisation and dropout must not share a generator between concurrent
        // trainings (the benchmark runs several at once; the GUI may too).
        const auto video = SyntheticVideo::make(256, 32, 9);
        const TrainingSet data = video.trainingSet(4, 192);
        TrainingOptions o = quickOptions();
        o.model.architecture = Architecture::TwoStream;
        o.model.convolutions = false;
        o.epochs = 3;
        std::vector<std::int64_t> firsts;
        for (const auto& f : data.validation) firsts.push_back(f.firstFrame);
        const auto probabilities = [&](const TrainingOutcome& outcome) {
            std::vector<float> all;
            auto predictor = Predictor::create(outcome.model);
            if (!predictor) return all;
            auto predicted = predictor->predict(video.view(), firsts);
            if (!predicted) {
                qWarning("%s", predicted.error().c_str());
                return all;
            }
            for (const auto& p : *predicted) all.insert(all.end(), p.probabilities.begin(), p.probabilities.end());
            return all;
        };
        auto alone = Trainer::train(data, o);
        QVERIFY2(alone, alone.error().c_str());
        const auto expected = probabilities(*alone);
        std::vector<float> results[2];
        std::thread others[2];
        for (int k = 0; k < 2; ++k)
            others[k] = std::thread([&, k] {
                auto r = Trainer::train(data, o);
                if (r) results[k] = probabilities(*r);
            });
        for (auto& t : others) t.join();
        QCOMPARE(results[0], expected);
        QCOMPARE(results[1], expected);
    }

    void networkTapsSupportGradients()
    {
        // The building block of Grad-CAM: the gradient of a class score w.r.t. a tapped layer.
        ModelConfig c = infoFor(Architecture::FragNet).config;
        auto net = fl::ml::detail::makeNetwork(c);
        net->eval();
        auto x = torch::randn({2, c.frames, c.inputChannels(), c.inputSize, c.inputSize});
        auto out = net->run(x, true);
        QCOMPARE(out.taps.size(), size_t(6));
        const auto& tap = out.taps[3];
        QCOMPARE(QString::fromStdString(tap.name), QStringLiteral("frame.block4"));
        auto grads = torch::autograd::grad({out.logits.select(1, 0).sum()}, {tap.value});
        QCOMPARE(grads[0].sizes(), tap.value.sizes());
        QCOMPARE(fl::ml::detail::frameMajor(tap, 2, c.frames).sizes().vec(), (std::vector<int64_t>{2, 4, 64, 8, 8}));
    }

    void saveLoadGivesIdenticalOutputs()
    {
        ModelInfo info = infoFor(Architecture::FragNet, TemporalFusion::Gru, 32);
        info.classes = {"walk", "run", "sit"};
        info.config.classes = 3;
        info.normalization.mean = {0.1f, 0.2f, 0.3f};
        info.normalization.stdev = {0.4f, 0.5f, 0.6f};
        info.fragment = {4, 2, 1};
        info.trainedAt = "2024-05-01T12:00:00Z";
        info.seed = 0xFFFFFFFFFFFFFFF0ULL;
        info.validationMacroF1 = 0.75;
        auto model = FragmentModel::create(info, 5);
        QVERIFY2(model, model.error().c_str());
        QVERIFY(model->save(spath(QStringLiteral("m.flmodel"))));
        QVERIFY(!QFile::exists(path(QStringLiteral("m.flmodel.partial"))));
        auto loaded = FragmentModel::load(spath(QStringLiteral("m.flmodel")));
        QVERIFY2(loaded, loaded.error().c_str());
        ModelInfo expected = model->info();
        QVERIFY(loaded->info() == expected);
        const auto bytes = randomBlocks(7, info.config, 3);
        const auto blocks = blockPointers(bytes, 7);
        const auto a = predictAll(*model, blocks);
        const auto b = predictAll(*loaded, blocks);
        QCOMPARE(a.size(), size_t(7));
        for (size_t i = 0; i < a.size(); ++i) {
            QVERIFY(a[i].probabilities == b[i].probabilities);
            QVERIFY(a[i].features == b[i].features);
        }
    }

    void refusesDamagedAndForeignFiles()
    {
        auto model = FragmentModel::create(infoFor(Architecture::FragNet, TemporalFusion::Convolution, 32), 5);
        QVERIFY(model->save(spath(QStringLiteral("good.flmodel"))));
        QFile good(path(QStringLiteral("good.flmodel")));
        QVERIFY(good.open(QIODevice::ReadOnly));
        const QByteArray bytes = good.readAll();

        const auto expectError = [this](const QString& name, const QByteArray& content, const char* needle) {
            QFile f(path(name));
            QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
            f.write(content);
            f.close();
            auto r = FragmentModel::load(spath(name));
            QVERIFY(!r);
            QVERIFY2(QString::fromStdString(r.error()).contains(QLatin1String(needle)), r.error().c_str());
            QVERIFY2(QString::fromStdString(r.error()).contains(name), r.error().c_str());
            QVERIFY(r.error().find('\n') == std::string::npos);
        };
        expectError(QStringLiteral("truncated.flmodel"), bytes.left(bytes.size() / 2),
                    "not a FragmentLab model or damaged");
        expectError(QStringLiteral("text.flmodel"), QByteArray("video,start_frame\n"),
                    "not a FragmentLab model or damaged");
        expectError(QStringLiteral("empty.flmodel"), QByteArray(), "not a FragmentLab model or damaged");
        auto missing = FragmentModel::load(spath(QStringLiteral("missing.flmodel")));
        QVERIFY(!missing);
        QVERIFY(QString::fromStdString(missing.error()).endsWith(QStringLiteral(": not found")));

        // Crafted archives: foreign (no format tag), newer format, weights that fail their checksum.
        torch::serialize::InputArchive in;
        in.load_from(spath(QStringLiteral("good.flmodel")));
        {
            torch::serialize::OutputArchive out;
            out.write("something", c10::IValue(std::string("else")));
            out.save_to(spath(QStringLiteral("foreign.flmodel")));
            auto r = FragmentModel::load(spath(QStringLiteral("foreign.flmodel")));
            QVERIFY(!r);
            QVERIFY2(r.error().find("not a FragmentLab model file") != std::string::npos, r.error().c_str());
        }
        {
            rewriteCheckpoint(
                in, spath(QStringLiteral("newer.flmodel")), model->info().config, {"fragmentlab.version"},
                [](torch::serialize::OutputArchive& out) {
                    out.write("fragmentlab.version", c10::IValue(std::int64_t(99)));
                },
                nullptr);
            auto r = FragmentModel::load(spath(QStringLiteral("newer.flmodel")));
            QVERIFY(!r);
            QVERIFY2(r.error().find("written by a newer FragmentLab (model format 99") != std::string::npos,
                     r.error().c_str());
        }
        {
            // One weight changed, the checksum kept.
            rewriteCheckpoint(in, spath(QStringLiteral("tampered.flmodel")), model->info().config, {}, nullptr,
                              [](fl::ml::detail::FragmentNetworkImpl& net) {
                                  net.parameters().front().view(-1)[3] += 0.5f;
                              });
            auto r = FragmentModel::load(spath(QStringLiteral("tampered.flmodel")));
            QVERIFY(!r);
            QVERIFY2(r.error().find("fail their checksum") != std::string::npos, r.error().c_str());
        }
        {
            // Weights of another shape under the same metadata.
            torch::serialize::OutputArchive out;
            copyEntries(in, out, {"model"});
            ModelConfig other = model->info().config;
            other.width = 4;
            auto net = fl::ml::detail::makeNetwork(other);
            torch::serialize::OutputArchive weightsOut;
            net->save(weightsOut);
            out.write("model", weightsOut);
            out.save_to(spath(QStringLiteral("othershape.flmodel")));
            auto r = FragmentModel::load(spath(QStringLiteral("othershape.flmodel")));
            QVERIFY(!r);
            QVERIFY2(r.error().find("damaged model file") != std::string::npos, r.error().c_str());
        }
        // A failed save leaves neither a file nor a .partial behind.
        auto bad = model->save(spath(QStringLiteral("no-such-folder/m.flmodel")));
        QVERIFY(!bad);
        QVERIFY(!QFile::exists(path(QStringLiteral("no-such-folder/m.flmodel.partial"))));
    }

    void trainerLearns()
    {
        const auto video = SyntheticVideo::make(512, 32, 7);
        const TrainingSet data = video.trainingSet(4, 384);
        std::vector<BatchProgress> batches;
        std::vector<EpochMetrics> epochs;
        TrainingCallbacks callbacks;
        callbacks.batch = [&](const BatchProgress& p) { batches.push_back(p); };
        callbacks.epoch = [&](const EpochMetrics& m) { epochs.push_back(m); };
        auto a = Trainer::train(data, quickOptions(), callbacks);
        QVERIFY2(a, a.error().c_str());
        QVERIFY(!a->cancelled);
        QCOMPARE(int(epochs.size()), a->epochsRun);
        QVERIFY(a->validation.macro.f1 >= 0.95);
        QVERIFY(a->model.hasOptimizerState());
        QCOMPARE(a->model.info().bestEpoch, a->bestEpoch);
        QCOMPARE(a->model.info().classes, (std::vector<std::string>{"motion", "static"}));
        const int steps = int((data.train.size() + 15) / 16);
        QCOMPARE(batches.front().stepsPerEpoch, steps);
        QCOMPARE(batches.back().globalStep, std::int64_t(steps) * a->epochsRun);
        QVERIFY(batches.back().samplesPerSecond > 0);
        QVERIFY(batches.back().secondsLeft >= 0);
    }

    void earlyStopCountsOnlyRisesOfMacroF1()
    {
        // The synthetic task is solved within a few epochs; the loss goes on falling after
        // that. Training stops `patience` epochs after the last rise of validation macro-F1.
        const auto video = SyntheticVideo::make(512, 32, 7);
        const TrainingSet data = video.trainingSet(4, 384);
        std::vector<EpochMetrics> epochs;
        TrainingCallbacks callbacks;
        callbacks.epoch = [&](const EpochMetrics& m) { epochs.push_back(m); };
        TrainingOptions o = quickOptions();
        o.epochs = 40;
        o.patience = 3;
        auto r = Trainer::train(data, o, callbacks);
        QVERIFY2(r, r.error().c_str());
        int lastRise = 0;
        double best = -1;
        for (const EpochMetrics& m : epochs)
            if (m.validationMacroF1 > best + 1e-9) {
                best = m.validationMacroF1;
                lastRise = m.epoch;
            }
        QVERIFY2(best >= 0.95, qPrintable(QString::number(best)));
        QVERIFY2(r->stoppedEarly,
                 qPrintable(QStringLiteral("ran %1 epochs, F1 last rose at %2").arg(r->epochsRun).arg(lastRise)));
        QCOMPARE(r->epochsRun, lastRise + o.patience);
        QVERIFY(r->bestEpoch >= lastRise && r->bestEpoch <= r->epochsRun);
        QCOMPARE(r->validation.macro.f1, best);
    }

    void seededTrainingIsReproducible()
    {
        const auto video = SyntheticVideo::make(256, 32, 9);
        const TrainingSet data = video.trainingSet(4, 192);
        TrainingOptions o = quickOptions();
        o.epochs = 2;
        auto a = Trainer::train(data, o);
        auto b = Trainer::train(data, o);
        QVERIFY(a && b);
        std::vector<std::int64_t> firsts;
        for (const auto& f : data.validation) firsts.push_back(f.firstFrame);
        const auto ra = Predictor::create(a->model)->predict(video.view(), firsts);
        const auto rb = Predictor::create(b->model)->predict(video.view(), firsts);
        QVERIFY(ra && rb);
        for (size_t i = 0; i < ra->size(); ++i) QVERIFY((*ra)[i].probabilities == (*rb)[i].probabilities);

        o.seed = 4;
        auto c = Trainer::train(data, o);
        QVERIFY(c);
        const auto rc = Predictor::create(c->model)->predict(video.view(), firsts);
        bool differs = false;
        for (size_t i = 0; i < ra->size(); ++i) differs = differs || (*ra)[i].probabilities != (*rc)[i].probabilities;
        QVERIFY(differs);
    }

    void otherArchitecturesAndBalancingTrain()
    {
        const auto video = SyntheticVideo::make(256, 32, 9);
        const TrainingSet data = video.trainingSet(4, 192);
        for (auto [arch, balance] : {std::pair{Architecture::R2Plus1D, ClassBalance::BalancedSampling},
                                     std::pair{Architecture::FragNet, ClassBalance::None}}) {
            TrainingOptions o = quickOptions();
            o.epochs = 2;
            o.model.architecture = arch;
            o.balance = balance;
            auto r = Trainer::train(data, o);
            QVERIFY2(r, r.error().c_str());
            QCOMPARE(r->epochsRun, 2);
        }
    }

    void cancelStopsAtTheNextBatch()
    {
        const auto video = SyntheticVideo::make(256, 32, 9);
        const TrainingSet data = video.trainingSet(4, 192);
        std::atomic<bool> cancel{false};
        int seen = 0;
        TrainingCallbacks callbacks;
        callbacks.cancel = &cancel;
        callbacks.batch = [&](const BatchProgress& p) {
            ++seen;
            if (p.globalStep == 2) cancel = true;
        };
        TrainingOptions o = quickOptions();
        o.epochs = 50;
        auto r = Trainer::train(data, o, callbacks);
        QVERIFY(r);
        QVERIFY(r->cancelled);
        QVERIFY(!r->model.isValid());
        QCOMPARE(seen, 2);
    }

    void trainerRefusesBadInput()
    {
        const auto video = SyntheticVideo::make(128, 32, 9);
        TrainingSet data = video.trainingSet(4, 96);
        TrainingOptions o = quickOptions();
        o.epochs = 0;
        auto r = Trainer::train(data, o);
        QVERIFY(!r);
        QVERIFY2(r.error().find("invalid training options: epochs") == 0, r.error().c_str());

        o = quickOptions();
        o.model.inputSize = 64;
        r = Trainer::train(data, o);
        QVERIFY(!r);
        QVERIFY2(r.error().find("frames are 32x32, the model takes 64x64") != std::string::npos, r.error().c_str());

        TrainingSet oneSided = data;
        oneSided.train.erase(std::remove_if(oneSided.train.begin(), oneSided.train.end(),
                                            [](const LabeledFragment& f) { return f.label == 1; }),
                             oneSided.train.end());
        r = Trainer::train(oneSided, quickOptions());
        QVERIFY(!r);
        QVERIFY2(r.error() == "class \"static\" has no training fragments", r.error().c_str());

        TrainingSet outside = data;
        outside.train.front().firstFrame = outside.train.front().minFirst = outside.train.front().maxFirst = 126;
        r = Trainer::train(outside, quickOptions());
        QVERIFY(!r);
        QVERIFY(r.error() == "a fragment lies outside its video");

        if (!torchRuntimeInfo().cudaAvailable) {
            o = quickOptions();
            o.device = DeviceChoice::Cuda;
            r = Trainer::train(data, o);
            QVERIFY(!r);
            QVERIFY2(r.error().find("CUDA was asked for") == 0, r.error().c_str());
        }
    }

    void normalizationOfConstantFrames()
    {
        std::vector<std::uint8_t> pixels(size_t(8) * 16 * 16 * 3);
        for (size_t i = 0; i < pixels.size(); ++i) pixels[i] = std::uint8_t(i % 3 == 0 ? 51 : (i % 3 == 1 ? 102 : 0));
        TrainingSet data;
        data.videos = {VideoFrames{pixels.data(), 8, 16, 16}};
        data.fragment = {4, 4, 1};
        data.train = {LabeledFragment{0, 0, 0, 0, 0}, LabeledFragment{0, 4, 4, 4, 1}};
        const Normalization n = Trainer::computeNormalization(data);
        QVERIFY(std::abs(n.mean[0] - 0.2f) < 1e-6f);
        QVERIFY(std::abs(n.mean[1] - 0.4f) < 1e-6f);
        QVERIFY(std::abs(n.mean[2] - 0.0f) < 1e-6f);
        QVERIFY(n.stdev[0] >= 1e-3f && n.stdev[0] < 2e-3f);
    }
};

QTEST_GUILESS_MAIN(TestMlModel)
#include "tst_mlmodel.moc"
