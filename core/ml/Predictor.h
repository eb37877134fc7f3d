#pragma once
// Batched inference with a trained FragmentModel: class probabilities and the fragment
// feature vector per fragment, and the activations of a chosen layer for inspection.
// Calls run on the calling thread (their no-grad/inference guards are made there), so a
// prediction job calls them from its worker. One Predictor per thread.
#include "ml/Device.h"
#include "ml/FragmentModel.h"
#include "ml/MlResult.h"
#include "ml/VideoFrames.h"

#include <cstdint>
#include <string>
#include <vector>

namespace fl::ml {

struct FragmentPrediction {
    std::vector<float> probabilities; // softmax, one per class of the model
    std::vector<float> features;      // the fragment feature vector (featureSize)
    int predicted = -1;               // argmax of probabilities
    float confidence = 0;             // its probability
};

// Activations of one layer for one fragment, frame-major: values[((t * channels + c) * height
// + y) * width + x]; a vector layer ("feature") has frames = height = width = 1.
struct LayerActivations {
    std::string layer;
    int frames = 0;
    int channels = 0;
    int height = 0;
    int width = 0;
    std::vector<float> values;
};

class Predictor {
public:
    Predictor() = default;
    static MlResult<Predictor> create(const FragmentModel& model, DeviceChoice device = DeviceChoice::Cpu,
                                      int batchSize = 64);

    bool isValid() const { return m_model.isValid(); }
    const ModelInfo& info() const { return m_model.info(); }
    const FragmentModel& model() const { return m_model; }
    int batchSize() const { return m_batchSize; }
    const std::string& device() const { return m_device; }

    // Each block: one fragment as T x H x W x 3 RGB uint8 (FragmentCache::fragmentBlock) at
    // the model's input size. Runs in batches of batchSize().
    MlResult<std::vector<FragmentPrediction>> predict(const std::vector<const std::uint8_t*>& blocks) const;
    // The same for fragments of a video view: frames first + t * step.
    MlResult<std::vector<FragmentPrediction>> predict(const VideoFrames& video,
                                                      const std::vector<std::int64_t>& firstFrames) const;
    // The activations of `layer` (one of model().layerNames()) for one fragment block.
    MlResult<LayerActivations> activations(const std::uint8_t* block, const std::string& layer) const;

private:
    FragmentModel m_model; // a private deep copy on m_device, in eval mode
    std::string m_device = "cpu";
    int m_batchSize = 64;
};

} // namespace fl::ml
