#include "ml/TrainingOptions.h"
#include "ml/TrainingSet.h"

#include <set>

namespace fl::ml {

std::string classBalanceName(ClassBalance b)
{
    switch (b) {
    case ClassBalance::WeightedLoss: return "weighted-loss";
    case ClassBalance::BalancedSampling: return "balanced-sampling";
    case ClassBalance::None: return "none";
    }
    return "weighted-loss";
}

std::string deviceChoiceName(DeviceChoice d)
{
    switch (d) {
    case DeviceChoice::Auto: return "auto";
    case DeviceChoice::Cpu: return "cpu";
    case DeviceChoice::Cuda: return "cuda";
    }
    return "auto";
}

std::optional<DeviceChoice> parseDeviceChoice(const std::string& name)
{
    if (name == "auto") return DeviceChoice::Auto;
    if (name == "cpu") return DeviceChoice::Cpu;
    if (name == "cuda") return DeviceChoice::Cuda;
    return std::nullopt;
}

std::string TrainingOptions::validate() const
{
    if (epochs < 1 || epochs > 10000) return "epochs must be 1..10000 (got " + std::to_string(epochs) + ")";
    if (batchSize < 1 || batchSize > 4096) return "batch size must be 1..4096 (got " + std::to_string(batchSize) + ")";
    if (!(learningRate > 0 && learningRate < 10)) return "learning rate must be in (0, 10)";
    if (!(weightDecay >= 0 && weightDecay < 10)) return "weight decay must be in [0, 10)";
    if (!(warmupFraction >= 0 && warmupFraction < 1)) return "warm-up fraction must be in [0, 1)";
    if (patience < 0) return "patience must be >= 0";
    if (minSteps < 0 || minSteps > 1000000) return "minimum steps must be 0..1000000";
    const Augmentation& a = augmentation;
    if (!(a.cropProbability >= 0 && a.cropProbability <= 1)) return "crop probability must be in [0, 1]";
    if (!(a.minCropScale > 0.2 && a.minCropScale <= 1.0)) return "minimum crop scale must be in (0.2, 1]";
    if (!(a.brightness >= 0 && a.brightness <= 1) || !(a.contrast >= 0 && a.contrast < 1))
        return "invalid brightness/contrast jitter";
    if (a.temporalJitter < 0 || a.temporalJitter > 64) return "temporal jitter must be 0..64 frames";
    if (a.views < 1 || a.views > 64) return "augmented views must be 1..64";
    if (!(a.motionScale >= 0 && a.motionScale <= 1)) return "motion scale must be in [0, 1]";
    return {};
}

std::string TrainingSet::validate(int inputSize) const
{
    if (classes.size() < 2) return "training needs at least 2 classes (got " + std::to_string(classes.size()) + ")";
    if (train.empty()) return "no training fragments";
    if (fragment.length < 2 || fragment.step < 1) return "invalid fragment geometry";
    for (size_t v = 0; v < videos.size(); ++v) {
        const VideoFrames& f = videos[v];
        if (!f.pixels && f.frameCount > 0) return "video " + std::to_string(v) + " has no frames";
        if (f.width != inputSize || f.height != inputSize)
            return "video " + std::to_string(v) + " frames are " + std::to_string(f.width) + "x"
                + std::to_string(f.height) + ", the model takes " + std::to_string(inputSize) + "x"
                + std::to_string(inputSize);
    }
    const std::int64_t span = std::int64_t(fragment.length - 1) * fragment.step + 1;
    std::set<int> trained;
    for (const auto* set : {&train, &validation}) {
        for (const LabeledFragment& s : *set) {
            if (s.video < 0 || s.video >= int(videos.size())) return "a fragment names a video that is not there";
            if (s.label < 0 || s.label >= int(classes.size())) return "a fragment has a label outside the classes";
            const std::int64_t frames = videos[size_t(s.video)].frameCount;
            if (s.minFirst > s.firstFrame || s.maxFirst < s.firstFrame || s.minFirst < 0 || s.maxFirst + span > frames)
                return "a fragment lies outside its video";
            if (set == &train) trained.insert(s.label);
        }
    }
    for (int c = 0; c < int(classes.size()); ++c) {
        if (!trained.count(c)) return "class \"" + classes[size_t(c)] + "\" has no training fragments";
    }
    return {};
}

} // namespace fl::ml
