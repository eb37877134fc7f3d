#pragma once
// The shape of a fragment model: which architecture, its options and its input. Plain data
// (no LibTorch), stored in every checkpoint, shown in the GUI and the CLI.
//
// Architectures (docs/MODEL.md has the layer tables, sizes and FLOPs):
//  - "fragnet" (default): a shared 2D CNN over every frame (4 conv blocks, width w, 2w, 4w, 4w,
//    total stride 8), per-frame feature maps fused over time by `fusion`, a fully connected
//    layer giving the fragment feature vector (featureSize), dropout, a linear classifier.
//  - "r2plus1d": three (2+1)D blocks (a 1x3x3 spatial conv, stride 2, then a 3x1x1 temporal
//    conv; widths w, 2w, 4w), global pooling, the same feature layer and classifier.
// Input: T frames of inputSize x inputSize RGB, normalised with the training set's mean/std;
// with frameDifference, a fourth channel per frame holds the absolute grey-level difference to
// the previous frame, a motion-energy map (frame 0 repeats frame 1's difference).
#include <optional>
#include <string>
#include <vector>

namespace fl::ml {

enum class Architecture { FragNet, R2Plus1D };
enum class TemporalFusion { Convolution, Concatenation, Gru };

std::string architectureName(Architecture a);            // "fragnet", "r2plus1d"
std::optional<Architecture> parseArchitecture(const std::string& name);
std::vector<std::string> architectureNames();
std::string fusionName(TemporalFusion f);                // "tconv", "concat", "gru"
std::optional<TemporalFusion> parseFusion(const std::string& name);
std::vector<std::string> fusionNames();

struct ModelConfig {
    Architecture architecture = Architecture::FragNet;
    TemporalFusion fusion = TemporalFusion::Convolution; // fragnet only
    int frames = 4;            // T: frames per fragment
    int inputSize = 64;        // frames are inputSize x inputSize
    bool frameDifference = true;
    int width = 16;            // channels of the first block
    int featureSize = 64;      // length of the fragment feature vector
    int classes = 2;
    double dropout = 0.2;

    int inputChannels() const { return frameDifference ? 4 : 3; }
    // Empty when valid, else one line naming the bad field.
    std::string validate() const;
    // "fragnet (tconv, w=16, 64 px, T=4, diff)".
    std::string describe() const;
    bool operator==(const ModelConfig&) const = default;
};

} // namespace fl::ml
