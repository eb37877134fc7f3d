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
#include "ml/SyntheticVideo.h"
#include "ml/TorchRuntime.h"
#include "ml/Trainer.h"

#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
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
    const auto video = SyntheticVideo::make(frames, options.model.inputSize, 7);
    const TrainingSet data = video.trainingSet(4, frames * 3 / 4);
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
    const auto video = SyntheticVideo::make(256, info.config.inputSize, 11);
    std::vector<std::int64_t> firsts;
    for (std::int64_t f = 0; f + 4 <= 256; f += 4) firsts.push_back(f);
    auto cpu = Predictor::create(*model, DeviceChoice::Cpu);
    auto gpu = Predictor::create(*model, DeviceChoice::Cuda);
    if (!cpu || !gpu) {
        std::fprintf(stderr, "fragmentlab-mlcheck: %s\n", (!cpu ? cpu.error() : gpu.error()).c_str());
        return 1;
    }
    auto a = cpu->predict(video.view(), firsts);
    auto b = gpu->predict(video.view(), firsts);
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
    for (int r = 0; r < reps; ++r) (void)gpu->predict(video.view(), firsts);
    const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::printf("{\"fragments\":%zu,\"max_abs_diff_probabilities\":%.3g,\"max_abs_diff_features\":%.3g,\"cuda_inference_fragments_per_s\":%.1f}\n",
                firsts.size(), maxProb, maxFeature, double(reps * firsts.size()) / s);
    return 0;
}

} // namespace

int main(int argc, char** argv)
{
    preferPassiveOpenMpWait(argc, argv);
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
