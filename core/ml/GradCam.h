#pragma once
// Grad-CAM saliency for one fragment (Selvaraju et al., 2017), extended over time: which
// parts of which frames made the model score a class.
//
// For a convolutional layer with activations A (per frame t: channels c x h x w) and the
// target class's logit y (before the softmax):
//   w_c      = mean over t, y', x' of dy/dA[t, c, y', x']     (one weight per channel)
//   cam[t]   = ReLU( sum_c w_c * A[t, c] )                     (h x w per frame)
// then divided by its maximum over the whole fragment, so values are in [0, 1] and frames
// compare with each other (all 0 when nothing speaks for the class). The maps have the
// layer's resolution; upscale them to the input frame (inputSize) to overlay.
//
// Torch stays in GradCam.cpp: this header is plain C++ (safe for core/, ui/, moc).
#include "ml/MlResult.h"
#include "ml/Predictor.h"

#include <cstdint>
#include <string>
#include <vector>

namespace fl::ml {

struct GradCamMaps {
    std::string layer;                // the layer the maps were computed at
    int targetClass = -1;             // the class they explain
    int predictedClass = -1;          // the model's prediction for the fragment
    std::vector<float> probabilities; // softmax of the fragment
    int frames = 0;                   // T
    int height = 0;                   // h, w: the layer's map size
    int width = 0;
    int inputSize = 0;         // the model's frame side (to upscale to)
    std::vector<float> values; // frames x height x width, row-major, in [0, 1]

    float at(int t, int y, int x) const
    {
        return values[(size_t(t) * size_t(height) + size_t(y)) * size_t(width) + size_t(x)];
    }
};

// Layers Grad-CAM can use (the model's spatial layers, input side first).
std::vector<std::string> gradCamLayers(const FragmentModel& model);
// The default layer: the deepest spatial layer whose maps are at least kMinDefaultMapSide
// cells on each side (else the deepest one). Deep layers are the most class-specific, but a
// 4 x 4 map of a small input has cells that each see nearly the whole frame, so it cannot
// say where; at 64 px input FragNet's last layers are 8 x 8, at 32 px "frame.block2" is.
constexpr int kMinDefaultMapSide = 8;
std::string defaultGradCamLayer(const FragmentModel& model);

// `block`: one fragment as T x H x W x 3 RGB uint8 at the model's input size (as for
// Predictor::predict). targetClass < 0: the predicted class. layer empty: the default.
// Runs on the calling thread (builds a graph with gradients for this one fragment).
MlResult<GradCamMaps> gradCam(const Predictor& predictor, const std::uint8_t* block, int targetClass = -1,
                              const std::string& layer = {});

} // namespace fl::ml
