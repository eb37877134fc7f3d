#include "ml/ModelConfig.h"

namespace fl::ml {

std::string architectureName(Architecture a)
{
    switch (a) {
    case Architecture::FragNet: return "fragnet";
    case Architecture::R2Plus1D: return "r2plus1d";
    case Architecture::TwoStream: return "twostream";
    }
    return "fragnet";
}

std::optional<Architecture> parseArchitecture(const std::string& name)
{
    if (name == "fragnet") return Architecture::FragNet;
    if (name == "r2plus1d") return Architecture::R2Plus1D;
    if (name == "twostream") return Architecture::TwoStream;
    return std::nullopt;
}

std::vector<std::string> architectureNames()
{
    return {"twostream", "fragnet", "r2plus1d"};
}

std::string fusionName(TemporalFusion f)
{
    switch (f) {
    case TemporalFusion::Convolution: return "tconv";
    case TemporalFusion::Concatenation: return "concat";
    case TemporalFusion::Gru: return "gru";
    }
    return "tconv";
}

std::optional<TemporalFusion> parseFusion(const std::string& name)
{
    if (name == "tconv") return TemporalFusion::Convolution;
    if (name == "concat") return TemporalFusion::Concatenation;
    if (name == "gru") return TemporalFusion::Gru;
    return std::nullopt;
}

std::vector<std::string> fusionNames()
{
    return {"tconv", "concat", "gru"};
}

std::string ModelConfig::validate() const
{
    if (frames < 2 || frames > 64) return "frames per fragment must be 2..64 (got " + std::to_string(frames) + ")";
    if (inputSize < 16 || inputSize > 512 || inputSize % 8 != 0)
        return "input size must be a multiple of 8 in 16..512 (got " + std::to_string(inputSize) + ")";
    if (width < 2 || width > 256) return "width must be 2..256 (got " + std::to_string(width) + ")";
    if (featureSize < 2 || featureSize > 4096)
        return "feature size must be 2..4096 (got " + std::to_string(featureSize) + ")";
    if (classes < 2 || classes > 1000) return "a model needs 2..1000 classes (got " + std::to_string(classes) + ")";
    if (!(dropout >= 0.0 && dropout < 1.0)) return "dropout must be in [0, 1)";
    if (architecture == Architecture::TwoStream && !appearanceStream && !motionStream)
        return "a two-stream model needs the appearance or the motion stream";
    if (architecture == Architecture::TwoStream && !statistics && !convolutions)
        return "a two-stream model needs its convolutions or its statistics";
    return {};
}

std::string ModelConfig::describe() const
{
    std::string s = architectureName(architecture) + " (";
    if (architecture == Architecture::FragNet) s += fusionName(fusion) + ", ";
    if (architecture == Architecture::TwoStream) {
        std::string parts;
        if (appearanceStream) parts += "appearance";
        if (motionStream) parts += std::string(parts.empty() ? "" : "+") + "motion";
        if (!statistics) parts += ", no statistics";
        if (!convolutions) parts += ", statistics only";
        s += parts + ", ";
    }
    s += "w=" + std::to_string(width) + ", " + std::to_string(inputSize) + " px, T=" + std::to_string(frames);
    if (frameDifference && architecture != Architecture::TwoStream) s += ", diff";
    return s + ")";
}

} // namespace fl::ml
