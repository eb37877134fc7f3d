#pragma once
// The shape of a fragment model: which architecture, its options and its input. Plain data
// (no LibTorch), stored in every checkpoint, shown in the GUI and the CLI.
//
// Architectures (docs/MODEL.md has the layer tables, sizes and FLOPs):
//  - "twostream" (default): a fixed front end computes motion (frame differences and
//    Lucas-Kanade optical flow at half size) and appearance from the frames; an appearance CNN
//    (the middle frame) and a motion CNN (the flow and difference maps) learn features, and a
//    statistics path pools the front end's motion energy, flow and colour over a 1x1, 2x2 and
//    4x4 grid; the three are fused late into the fragment feature vector. The streams can be
//    switched off one by one (the default training chooses among such configurations by
//    cross-validation).
//  - "fragnet": a shared 2D CNN over every frame (4 conv blocks, width w, 2w, 4w, 4w,
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

enum class Architecture { FragNet, R2Plus1D, TwoStream };
enum class TemporalFusion { Convolution, Concatenation, Gru };

std::string architectureName(Architecture a); // "fragnet", "r2plus1d", "twostream"
std::optional<Architecture> parseArchitecture(const std::string& name);
std::vector<std::string> architectureNames();
std::string fusionName(TemporalFusion f); // "tconv", "concat", "gru"
std::optional<TemporalFusion> parseFusion(const std::string& name);
std::vector<std::string> fusionNames();

struct ModelConfig {
    Architecture architecture = Architecture::TwoStream;
    TemporalFusion fusion = TemporalFusion::Convolution; // fragnet only
    int frames = 4;                                      // T: frames per fragment
    int inputSize = 64;                                  // frames are inputSize x inputSize
    bool frameDifference = true; // fragnet and r2plus1d: a fourth, frame-difference channel (twostream: ignored)
    // twostream only: which parts feed the feature vector (at least one).
    bool appearanceStream = true; // CNN on the middle frame, and the colour statistics
    bool motionStream = true;     // CNN on the flow and difference maps, and the motion statistics
    bool statistics = true;       // the pooled statistics of the enabled streams
    bool convolutions = true;     // the learned CNNs of the enabled streams
    int width = 16;               // channels of the first block
    int featureSize = 64;         // length of the fragment feature vector
    int classes = 2;
    double dropout = 0.2;

    // Channels per frame the network takes (twostream: RGB; its front end makes the rest).
    int inputChannels() const { return frameDifference && architecture != Architecture::TwoStream ? 4 : 3; }
    // Empty when valid, else one line naming the bad field.
    std::string validate() const;
    // "fragnet (tconv, w=16, 64 px, T=4, diff)".
    std::string describe() const;
    bool operator==(const ModelConfig&) const = default;
};

} // namespace fl::ml
