#pragma once
// Cheap per-frame measures used to pick keyframes without a model (docs/KEYFRAMES.md).
#include <opencv2/core/mat.hpp>

#include <vector>

namespace fl {

// Colour layout descriptor: the frame split into 2 x 2 cells, each an 8 (hue) x 2
// (saturation) x 4 (relative value) histogram of the 8-bit HSV image, all normalised to sum
// 1, then square-rooted (a unit vector: the dot product of two descriptors is their
// Bhattacharyya coefficient). Relative value = V / the frame's mean V, binned at 0.5, 1, 1.5:
// a fade (all V scaled) leaves the descriptor as it was, while grey footage still has
// structure. Colour and coarse layout: a person crossing a still shot changes it.
constexpr int kColourDescriptorSize = 2 * 2 * 8 * 2 * 4;
std::vector<float> colourDescriptor(const cv::Mat& hsv);

// Sharpness: variance of the Laplacian of the grey image (pass AnalysisFrame::detail: a
// reduced frame, so the value depends little on the video's resolution; only values of
// the same video are compared).
double laplacianSharpness(const cv::Mat& bgr);

// Distance of two feature vectors (colour descriptors or a model's fragment features):
// sqrt(1 - cos(a, b)), 0 for the same direction, 1 for orthogonal (the largest value for
// non-negative vectors; for colour descriptors this is the Hellinger distance), up to
// sqrt(2). Two zero vectors are at distance 0; a zero and a non-zero vector, or vectors of
// different lengths, at distance 1.
double featureDistance(const std::vector<float>& a, const std::vector<float>& b);

} // namespace fl
