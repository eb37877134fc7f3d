// fragmentlab-mlcheck: exercises core/ml alone. Built in every configuration, including
// FRAGMENTLAB_ML_ONLY on a machine without Qt or OpenCV (e.g. a GPU box with a CUDA LibTorch).
//
//   fragmentlab-mlcheck                 runtime (JSON line) and the size/FLOPs table of every architecture
//   fragmentlab-mlcheck --train [--device auto|cpu|cuda] [--epochs N] [--size PX] [--arch NAME]
//                                       trains on synthetic motion/static fragments made in memory;
//                                       prints macro-F1 and samples/s
//   fragmentlab-mlcheck --compare       CPU vs CUDA outputs of one model (max abs difference)
#include "ml/FragmentModel.h"
#include "ml/Predictor.h"
#include "ml/TorchRuntime.h"
#include "ml/Trainer.h"

#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <random>
#include <string>
#include <vector>

using namespace fl::ml;

namespace {

void printSizes(int inputSize)
{
    std::printf("%-44s %12s %14s %14s\n", "model", "parameters", "MMAC/fragment", "MFLOP/fragment");
    struct Row { Architecture arch; TemporalFusion fusion; };
    const Row rows[] = {{Architecture::FragNet, TemporalFusion::Convolution},
                        {Architecture::FragNet, TemporalFusion::Concatenation},
                        {Architecture::FragNet, TemporalFusion::Gru},
                        {Architecture::R2Plus1D, TemporalFusion::Convolution}};
    for (const Row& r : rows) {
        ModelInfo info;
        info.config.architecture = r.arch;
        info.config.fusion = r.fusion;
        info.config.inputSize = inputSize;
        info.classes = {"a", "b"};
        auto model = FragmentModel::create(info, 1);
        if (!model) {
            std::fprintf(stderr, "%s\n", model.error().c_str());
            continue;
        }
        const auto s = model->size();
        std::printf("%-44s %12lld %14.2f %14.2f\n", info.config.describe().c_str(), static_cast<long long>(s.parameters),
                    double(s.macsPerFragment) / 1e6, double(s.flopsPerFragment()) / 1e6);
    }
}

// A synthetic video: a bright square on a dark textured background; in "motion" segments it
// moves 3 px per frame, in "static" segments it stands still. Segments of 32 frames alternate.
struct SyntheticVideo {
    std::vector<std::uint8_t> pixels;
    std::vector<int> frameClass;
    VideoFrames view;
};

SyntheticVideo makeVideo(int frames, int size, std::uint64_t seed)
{
    SyntheticVideo v;
    v.pixels.resize(size_t(frames) * size_t(size) * size_t(size) * 3);
    std::mt19937_64 rng(seed);
    int x = size / 4;
    int y = size / 3;
    int dx = 3;
    int dy = 2;
    const int side = size / 5;
    for (int f = 0; f < frames; ++f) {
        const int cls = (f / 32) % 2; // 0 motion, 1 static
        v.frameClass.push_back(cls);
        if (cls == 0) {
            x += dx;
            y += dy;
            if (x < 0 || x + side >= size) { dx = -dx; x += 2 * dx; }
            if (y < 0 || y + side >= size) { dy = -dy; y += 2 * dy; }
        }
        std::uint8_t* p = v.pixels.data() + size_t(f) * size_t(size) * size_t(size) * 3;
        for (int r = 0; r < size; ++r)
            for (int c = 0; c < size; ++c) {
                const bool in = r >= y && r < y + side && c >= x && c < x + side;
                const int noise = int(rng() % 9);
                for (int ch = 0; ch < 3; ++ch) p[(size_t(r) * size_t(size) + size_t(c)) * 3 + size_t(ch)] = std::uint8_t(in ? 220 - noise : 40 + ((r + c) % 8) * 4 + noise);
            }
    }
    v.view = {v.pixels.data(), frames, size, size};
    return v;
}

int train(int argc, char** argv)
{
    TrainingOptions options;
    options.epochs = 8;
    options.model.inputSize = 64;
    for (int i = 2; i + 1 < argc; i += 2) {
        const std::string key = argv[i];
        if (key == "--device") {
            if (auto d = parseDeviceChoice(argv[i + 1])) options.device = *d;
        } else if (key == "--epochs") {
            options.epochs = std::atoi(argv[i + 1]);
        } else if (key == "--size") {
            options.model.inputSize = std::atoi(argv[i + 1]);
        } else if (key == "--arch") {
            if (auto a = parseArchitecture(argv[i + 1])) options.model.architecture = *a;
        }
    }
    const int frames = 1024;
    auto video = makeVideo(frames, options.model.inputSize, 7);
    TrainingSet data;
    data.videos = {video.view};
    data.classes = {"motion", "static"};
    data.fragment = {4, 4, 1};
    for (std::int64_t f = 0; f + 4 <= frames; f += 4) {
        const int cls = video.frameClass[size_t(f)];
        if (video.frameClass[size_t(f + 3)] != cls) continue;
        LabeledFragment s{0, f, f, f, cls};
        (f < frames * 3 / 4 ? data.train : data.validation).push_back(s);
    }
    TrainingCallbacks callbacks;
    callbacks.epoch = [](const EpochMetrics& m) {
        std::fprintf(stderr, "epoch %d: loss %.4f acc %.3f val macro-F1 %.3f %.1f samples/s\n", m.epoch, m.trainLoss, m.trainAccuracy,
                     m.validationMacroF1, m.samplesPerSecond);
    };
    auto outcome = Trainer::train(data, options, callbacks);
    if (!outcome) {
        std::fprintf(stderr, "fragmentlab-mlcheck: %s\n", outcome.error().c_str());
        return 1;
    }
    std::printf("{\"device\":\"%s\",\"threads\":%d,\"train_fragments\":%lld,\"epochs\":%d,\"macro_f1\":%.4f,\"samples_per_s\":%.1f,\"seconds\":%.2f}\n",
                outcome->device.c_str(), outcome->threads, static_cast<long long>(outcome->trainSamples), outcome->epochsRun,
                outcome->validation.macro.f1, outcome->samplesPerSecond, outcome->trainSeconds);
    return 0;
}

int compare()
{
    const auto runtime = torchRuntimeInfo();
    if (!runtime.cudaAvailable) {
        std::printf("{\"compare\":\"skipped\",\"reason\":\"no CUDA device\"}\n");
        return 0;
    }
    ModelInfo info;
    info.classes = {"a", "b", "c"};
    auto model = FragmentModel::create(info, 3);
    auto video = makeVideo(256, info.config.inputSize, 11);
    std::vector<std::int64_t> firsts;
    for (std::int64_t f = 0; f + 4 <= 256; f += 4) firsts.push_back(f);
    auto cpu = Predictor::create(*model, DeviceChoice::Cpu);
    auto gpu = Predictor::create(*model, DeviceChoice::Cuda);
    if (!cpu || !gpu) {
        std::fprintf(stderr, "fragmentlab-mlcheck: %s\n", (!cpu ? cpu.error() : gpu.error()).c_str());
        return 1;
    }
    auto a = cpu->predict(video.view, firsts);
    auto b = gpu->predict(video.view, firsts);
    if (!a || !b) return 1;
    double maxProb = 0;
    double maxFeature = 0;
    for (size_t i = 0; i < a->size(); ++i) {
        for (size_t k = 0; k < (*a)[i].probabilities.size(); ++k)
            maxProb = std::max(maxProb, double(std::abs((*a)[i].probabilities[k] - (*b)[i].probabilities[k])));
        for (size_t k = 0; k < (*a)[i].features.size(); ++k)
            maxFeature = std::max(maxFeature, double(std::abs((*a)[i].features[k] - (*b)[i].features[k])));
    }
    const int reps = 20;
    const auto start = std::chrono::steady_clock::now();
    for (int r = 0; r < reps; ++r) (void)gpu->predict(video.view, firsts);
    const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::printf("{\"fragments\":%zu,\"max_abs_diff_probabilities\":%.3g,\"max_abs_diff_features\":%.3g,\"cuda_inference_fragments_per_s\":%.1f}\n",
                firsts.size(), maxProb, maxFeature, double(reps * firsts.size()) / s);
    return 0;
}

} // namespace

int main(int argc, char** argv)
{
    const auto info = configureTorchRuntime();
    if (argc >= 2 && std::strcmp(argv[1], "--train") == 0) return train(argc, argv);
    if (argc >= 2 && std::strcmp(argv[1], "--compare") == 0) return compare();
    std::printf("{\"torch\":\"%s\",\"threads\":%d,\"cuda_built\":%s,\"cuda_available\":%s,\"cuda_devices\":%d}\n",
                info.torchVersion.c_str(), info.intraOpThreads, info.cudaBuilt ? "true" : "false",
                info.cudaAvailable ? "true" : "false", info.cudaDevices);
    const int size = argc >= 3 && std::strcmp(argv[1], "--size") == 0 ? std::atoi(argv[2]) : 64;
    printSizes(size);
    return 0;
}
