#pragma once
// What the inspector shows for one fragment, computed off the GUI thread: the fragment's
// frames as the model sees them (resized to its input size), the model's probabilities, the
// activations of a chosen layer, and a Grad-CAM saliency map for a chosen class.
//
// FragmentInspection::compute() is thread-safe and keeps the loaded model and the open video
// between calls (a model or video change reloads it); callers run one computation at a time
// per object (the inspector panel queues the latest request).
#include "Result.h"
#include "fragments/FragmentSpec.h"
#include "ml/Predictor.h"

#include <QImage>
#include <QString>
#include <QStringList>

#include <memory>
#include <mutex>
#include <vector>

namespace fl {

class VideoSource;

struct InspectionRequest {
    QString modelFile; // absolute .flmodel path
    QString videoPath; // absolute
    FragmentSpec spec; // the project's
    qint64 fragment = 0;
    QString layer;          // activations of this layer; empty: the model's first layer
    int saliencyClass = -1; // Grad-CAM target; -1: the predicted class
};

struct InspectionResult {
    InspectionRequest request;
    std::vector<QImage> frames; // T images, RGB888, the model's input size
    QStringList classes;
    std::vector<float> probabilities;
    QStringList layers; // the model's inspectable layers
    ml::LayerActivations activations;
    // Grad-CAM: T maps of saliencyWidth x saliencyHeight in [0, 1], frame-major; empty when
    // the model cannot give one.
    int saliencyClass = -1;
    int saliencyWidth = 0;
    int saliencyHeight = 0;
    std::vector<float> saliency;
    QString saliencyLayer; // the layer Grad-CAM used (the deepest with >= 8x8 maps)
    QString saliencyNote;  // why there is none, when there is none
};

class FragmentInspection {
public:
    FragmentInspection();
    ~FragmentInspection();
    Result<InspectionResult> compute(const InspectionRequest& request);

private:
    std::mutex m_mutex;
    QString m_modelFile;
    ml::Predictor m_predictor;
    QString m_videoPath;
    std::unique_ptr<VideoSource> m_video;
};

// One channel of `a` (frame t) as a colour-mapped image (per-channel min..max), size w x h.
QImage activationImage(const ml::LayerActivations& a, int frame, int channel);
// The saliency of frame t over `image` (scaled to it), with the given opacity.
QImage saliencyOverlay(const QImage& image, const InspectionResult& result, int frame, double opacity);

} // namespace fl
