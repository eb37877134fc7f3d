// fragmentlab-mlcheck: exercises core/ml alone. Built in every configuration, including
// FRAGMENTLAB_ML_ONLY on a machine without Qt or OpenCV (e.g. a GPU box with a CUDA LibTorch).
//
//   fragmentlab-mlcheck                 runtime (JSON line) and the size/FLOPs table of every architecture
//   fragmentlab-mlcheck --train [--device auto|cpu|cuda] [--epochs N] [--size PX] [--arch NAME]
//                                       trains on synthetic motion/static fragments made in memory;
//                                       prints macro-F1 and samples/s
//   fragmentlab-mlcheck --compare       CPU vs CUDA outputs of one model (max abs difference)
//   fragmentlab-mlcheck --device-table [--seconds S]
//                                       the default model family (two-stream statistics, and with
//                                       CNNs) at 64 and 112 px: CPU vs CUDA agreement (max abs logit
//                                       difference, float32 and mixed precision), training samples/s
//                                       and inference fragments/s on the GPU (mixed precision) and the
//                                       CPU; one Markdown table (scripts/device-check.sh runs it)
#include "ml/FragmentModel.h"
#include "ml/Predictor.h"
#include "ml/SyntheticVideo.h"
#include "ml/TorchRuntime.h"
#include "ml/Trainer.h"
#include "ml/detail/InputPipeline.h"
#include "ml/detail/ModelState.h"

#include <ATen/autocast_mode.h>
#include <c10/core/InferenceMode.h>
#include <torch/cuda.h>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

using namespace fl::ml;

namespace {

ModelInfo defaultFamily(int size, bool convolutions);

void printSizes(int inputSize)
{
    std::printf("%-64s %12s %14s %14s\n", "model", "parameters", "MMAC/fragment", "MFLOP/fragment");
    // The default training's candidates (twostream statistics of motion, appearance or both),
    // twostream with its CNNs, and the earlier architectures.
    struct Row {
        Architecture arch;
        TemporalFusion fusion;
        bool appearance;
        bool motion;
        bool convolutions;
    };
    const Row rows[] = {{Architecture::TwoStream, TemporalFusion::Convolution, false, true, false},
                        {Architecture::TwoStream, TemporalFusion::Convolution, true, false, false},
                        {Architecture::TwoStream, TemporalFusion::Convolution, true, true, false},
                        {Architecture::TwoStream, TemporalFusion::Convolution, true, true, true},
                        {Architecture::FragNet, TemporalFusion::Convolution, true, true, true},
                        {Architecture::FragNet, TemporalFusion::Concatenation, true, true, true},
                        {Architecture::FragNet, TemporalFusion::Gru, true, true, true},
                        {Architecture::R2Plus1D, TemporalFusion::Convolution, true, true, true}};
    for (const Row& r : rows) {
        ModelInfo info;
        info.config.architecture = r.arch;
        info.config.fusion = r.fusion;
        info.config.appearanceStream = r.appearance;
        info.config.motionStream = r.motion;
        info.config.convolutions = r.convolutions;
        info.config.inputSize = inputSize;
        info.classes = {"a", "b"};
        auto model = FragmentModel::create(info, 1);
        if (!model) {
            std::fprintf(stderr, "%s\n", model.error().c_str());
            continue;
        }
        const auto s = model->size();
        std::printf("%-64s %12lld %14.2f %14.2f\n", info.config.describe().c_str(),
                    static_cast<long long>(s.parameters), double(s.macsPerFragment) / 1e6,
                    double(s.flopsPerFragment()) / 1e6);
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
        std::fprintf(stderr, "epoch %d: loss %.4f acc %.3f val macro-F1 %.3f %.1f samples/s\n", m.epoch, m.trainLoss,
                     m.trainAccuracy, m.validationMacroF1, m.samplesPerSecond);
    };
    auto outcome = Trainer::train(data, options, callbacks);
    if (!outcome) {
        std::fprintf(stderr, "fragmentlab-mlcheck: %s\n", outcome.error().c_str());
        return 1;
    }
    std::printf(
        "{\"device\":\"%s\",\"threads\":%d,\"train_fragments\":%lld,\"epochs\":%d,\"macro_f1\":%.4f,\"samples_per_s\":%.1f,\"seconds\":%.2f}\n",
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
    ModelInfo info = defaultFamily(64, false);
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
    std::printf(
        "{\"fragments\":%zu,\"max_abs_diff_probabilities\":%.3g,\"max_abs_diff_features\":%.3g,\"cuda_inference_fragments_per_s\":%.1f}\n",
        firsts.size(), maxProb, maxFeature, double(reps * firsts.size()) / s);
    return 0;
}

ModelInfo defaultFamily(int size, bool convolutions)
{
    ModelInfo info;
    info.config.architecture = Architecture::TwoStream;
    info.config.convolutions = convolutions;
    info.config.inputSize = size;
    info.config.dropout = 0.5;
    info.normalization = {{0.f, 0.f, 0.f}, {1.f, 1.f, 1.f}};
    info.classes = {"a", "b"};
    return info;
}

// Logits of `blocks` fragments of `video` through `model`'s network on `device`, optionally
// under autocast (mixed precision, CUDA only).
torch::Tensor logitsOn(const FragmentModel& model, const SyntheticVideo& video, const std::vector<std::int64_t>& firsts,
                       const std::string& device, bool amp)
{
    c10::InferenceMode guard;
    auto net = model.clone().impl()->net;
    net->to(torch::Device(device));
    net->eval();
    const auto& info = model.info();
    std::vector<const std::uint8_t*> frames;
    for (auto f : firsts)
        for (int t = 0; t < info.config.frames; ++t) frames.push_back(video.view().frame(f + t));
    auto x = fl::ml::detail::modelInput(fl::ml::detail::gatherFrames(frames, std::int64_t(firsts.size()),
                                                                     info.config.frames, info.config.inputSize,
                                                                     info.config.inputSize),
                                        info.normalization, false)
                 .to(torch::Device(device));
    if (amp) at::autocast::set_enabled(true);
    auto logits = net->run(x, false).logits.to(torch::kFloat32).to(torch::kCPU);
    if (amp) {
        at::autocast::set_enabled(false);
        at::autocast::clear_cache();
    }
    return logits;
}

// Fragments per second through the network alone on `device` (batches of 64, for about `seconds`).
double inferenceRate(const FragmentModel& model, const SyntheticVideo& video, const std::vector<std::int64_t>& firsts,
                     const std::string& device, bool amp, double seconds)
{
    (void)logitsOn(model, video, firsts, device, amp); // warm-up (cuDNN, allocator)
    const auto start = std::chrono::steady_clock::now();
    std::int64_t done = 0;
    double elapsed = 0;
    do {
        (void)logitsOn(model, video, firsts, device, amp);
        done += std::int64_t(firsts.size());
        if (device != "cpu") torch::cuda::synchronize();
        elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    } while (elapsed < seconds);
    return double(done) / elapsed;
}

double trainingRate(int size, bool convolutions, DeviceChoice device, double* seconds)
{
    const auto video = SyntheticVideo::make(1024, size, 7);
    TrainingSet data = video.trainingSet(4, 768);
    TrainingOptions o;
    o.model = defaultFamily(size, convolutions).config;
    o.device = device;
    o.epochs = 3;
    o.patience = 0;
    o.mixedPrecision = true;
    o.augmentation.horizontalFlip = false;
    o.augmentation.contrast = 0.5;
    o.augmentation.motionScale = 0.03;
    auto outcome = Trainer::train(data, o);
    if (!outcome) {
        std::fprintf(stderr, "fragmentlab-mlcheck: %s\n", outcome.error().c_str());
        return -1;
    }
    if (seconds) *seconds = outcome->trainSeconds;
    // Whole run (the front end made once per fragment and view, then the steps), per sample seen.
    return outcome->trainSeconds > 0 ? double(outcome->trainSamples) * outcome->epochsRun / outcome->trainSeconds : 0.0;
}

int deviceTable(double seconds)
{
    const auto runtime = torchRuntimeInfo();
    const bool cuda = runtime.cudaAvailable;
    std::printf("LibTorch %s, %d CPU threads, CUDA built: %s, CUDA devices: %d\n\n", runtime.torchVersion.c_str(),
                runtime.intraOpThreads, runtime.cudaBuilt ? "yes" : "no", runtime.cudaDevices);
    std::printf(
        "| model | px | max abs logit diff CPU vs CUDA (fp32) | (mixed precision) | train samples/s CUDA (mixed) | CPU | "
        "inference fragments/s CUDA (mixed) | CUDA (fp32) | CPU |\n");
    std::printf("|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    for (bool convolutions : {false, true}) {
        for (int size : {64, 112}) {
            const ModelInfo info = defaultFamily(size, convolutions);
            auto model = FragmentModel::create(info, 3);
            if (!model) {
                std::fprintf(stderr, "fragmentlab-mlcheck: %s\n", model.error().c_str());
                return 1;
            }
            const auto video = SyntheticVideo::make(256, size, 11);
            std::vector<std::int64_t> firsts;
            for (std::int64_t f = 0; f + 4 <= 256; f += 4) firsts.push_back(f);
            std::string fp32 = "-", mixed = "-", trainCuda = "-", inferCuda = "-", inferCudaFp32 = "-";
            const auto cpuLogits = logitsOn(*model, video, firsts, "cpu", false);
            if (cuda) {
                char buf[64];
                std::snprintf(
                    buf, sizeof buf, "%.2e",
                    (cpuLogits - logitsOn(*model, video, firsts, "cuda:0", false)).abs().max().item<double>());
                fp32 = buf;
                std::snprintf(buf, sizeof buf, "%.2e",
                              (cpuLogits - logitsOn(*model, video, firsts, "cuda:0", true)).abs().max().item<double>());
                mixed = buf;
                std::snprintf(buf, sizeof buf, "%.0f", trainingRate(size, convolutions, DeviceChoice::Cuda, nullptr));
                trainCuda = buf;
                std::snprintf(buf, sizeof buf, "%.0f", inferenceRate(*model, video, firsts, "cuda:0", true, seconds));
                inferCuda = buf;
                std::snprintf(buf, sizeof buf, "%.0f", inferenceRate(*model, video, firsts, "cuda:0", false, seconds));
                inferCudaFp32 = buf;
            }
            const double trainCpu = trainingRate(size, convolutions, DeviceChoice::Cpu, nullptr);
            const double inferCpu = inferenceRate(*model, video, firsts, "cpu", false, seconds);
            std::printf("| %s | %d | %s | %s | %s | %.0f | %s | %s | %.0f |\n", info.config.describe().c_str(), size,
                        fp32.c_str(), mixed.c_str(), trainCuda.c_str(), trainCpu, inferCuda.c_str(),
                        inferCudaFp32.c_str(), inferCpu);
            std::fflush(stdout);
        }
    }
    if (!cuda)
        std::printf("\nNo CUDA device: the CUDA columns are empty (this build: CUDA %s).\n",
                    runtime.cudaBuilt ? "built" : "not built");
    return 0;
}

} // namespace

int main(int argc, char** argv)
{
    preferPassiveOpenMpWait(argc, argv);
    const auto info = configureTorchRuntime();
    if (argc >= 2 && std::strcmp(argv[1], "--train") == 0) return train(argc, argv);
    if (argc >= 2 && std::strcmp(argv[1], "--compare") == 0) return compare();
    if (argc >= 2 && std::strcmp(argv[1], "--device-table") == 0)
        return deviceTable(argc >= 4 && std::strcmp(argv[2], "--seconds") == 0 ? std::atof(argv[3]) : 2.0);
    std::printf("{\"torch\":\"%s\",\"threads\":%d,\"cuda_built\":%s,\"cuda_available\":%s,\"cuda_devices\":%d}\n",
                info.torchVersion.c_str(), info.intraOpThreads, info.cudaBuilt ? "true" : "false",
                info.cudaAvailable ? "true" : "false", info.cudaDevices);
    const int size = argc >= 3 && std::strcmp(argv[1], "--size") == 0 ? std::atoi(argv[2]) : 64;
    printSizes(size);
    return 0;
}
