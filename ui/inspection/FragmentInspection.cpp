#include "inspection/FragmentInspection.h"

#include "fragments/FragmentCache.h"
#include "ml/GradCam.h"
#include "video/VideoSource.h"

#include <QCoreApplication>
#include <QPainter>

#include <algorithm>
#include <cmath>

namespace fl {

namespace {

// A perceptually ordered colour map (viridis, 9 stops, linearly interpolated).
QRgb viridis(float v)
{
    static const float stops[9][3] = {{68, 1, 84},    {71, 44, 122}, {59, 81, 139},  {44, 113, 142}, {33, 144, 141},
                                      {39, 173, 129}, {92, 200, 99}, {170, 220, 50}, {253, 231, 37}};
    v = std::clamp(std::isnan(v) ? 0.f : v, 0.f, 1.f) * 8.f;
    const int i = std::min(7, int(v));
    const float t = v - float(i);
    auto ch = [&](int k) { return int(stops[i][k] + (stops[i + 1][k] - stops[i][k]) * t); };
    return qRgb(ch(0), ch(1), ch(2));
}

QRgb heat(float v)
{
    // Transparent blue -> red "jet"-like ramp for saliency.
    v = std::clamp(v, 0.f, 1.f);
    const int r = int(255 * std::clamp(1.5f - std::abs(4 * v - 3), 0.f, 1.f));
    const int g = int(255 * std::clamp(1.5f - std::abs(4 * v - 2), 0.f, 1.f));
    const int b = int(255 * std::clamp(1.5f - std::abs(4 * v - 1), 0.f, 1.f));
    return qRgb(r, g, b);
}

} // namespace

FragmentInspection::FragmentInspection() = default;
FragmentInspection::~FragmentInspection() = default;

Result<InspectionResult> FragmentInspection::compute(const InspectionRequest& request)
{
    std::lock_guard lock(m_mutex);
    using R = Result<InspectionResult>;
    if (request.modelFile != m_modelFile || !m_predictor.isValid()) {
        auto model = ml::FragmentModel::load(request.modelFile.toStdString());
        if (!model) return R::failure(QString::fromStdString(model.error()));
        auto predictor = ml::Predictor::create(*model, ml::DeviceChoice::Cpu, 1);
        if (!predictor) return R::failure(QString::fromStdString(predictor.error()));
        m_predictor = std::move(*predictor);
        m_modelFile = request.modelFile;
    }
    if (request.videoPath != m_videoPath || !m_video) {
        auto video = VideoSource::open(request.videoPath);
        if (!video) return R::failure(video.error());
        m_video = std::move(*video);
        m_videoPath = request.videoPath;
    }
    const ml::ModelInfo& info = m_predictor.info();
    const int size = info.config.inputSize;
    const int frames = info.config.frames;
    if (request.spec.length != frames)
        return R::failure(QCoreApplication::translate("FragmentInspection",
                                                      "the model takes fragments of %1 frames, the project's are %2")
                              .arg(frames)
                              .arg(request.spec.length));

    InspectionResult result;
    result.request = request;
    std::vector<std::uint8_t> block(size_t(frames) * size * size * 3);
    for (int t = 0; t < frames; ++t) {
        const qint64 index = request.spec.frameAt(request.fragment, t);
        // Exactly as the fragment cache stores frames (and the model was trained on them).
        auto model = m_video->frame(index, FragmentCache::modelFormat(FrameSize{size, size}));
        if (!model) return R::failure(model.error());
        const cv::Mat& rgb = *model;
        std::copy(rgb.data, rgb.data + size_t(size) * size * 3, block.data() + size_t(t) * size * size * 3);
        result.frames.push_back(QImage(rgb.data, size, size, int(rgb.step), QImage::Format_RGB888).copy());
    }
    for (const std::string& c : info.classes) result.classes << QString::fromStdString(c);
    for (const std::string& l : m_predictor.model().layerNames()) result.layers << QString::fromStdString(l);

    auto predicted = m_predictor.predict(std::vector<const std::uint8_t*>{block.data()});
    if (!predicted) return R::failure(QString::fromStdString(predicted.error()));
    result.probabilities = predicted->front().probabilities;

    const QString layer = request.layer.isEmpty() && !result.layers.isEmpty() ? result.layers.front() : request.layer;
    auto activations = m_predictor.activations(block.data(), layer.toStdString());
    if (!activations) return R::failure(QString::fromStdString(activations.error()));
    result.activations = std::move(*activations);
    result.request.layer = layer;

    auto cam = ml::gradCam(m_predictor, block.data(), request.saliencyClass);
    if (cam) {
        result.saliencyClass = cam->targetClass;
        result.saliencyWidth = cam->width;
        result.saliencyHeight = cam->height;
        result.saliencyLayer = QString::fromStdString(cam->layer);
        result.saliency = std::move(cam->values);
    } else {
        result.saliencyNote = QString::fromStdString(cam.error());
    }
    return result;
}

QImage activationImage(const ml::LayerActivations& a, int frame, int channel)
{
    if (frame < 0 || frame >= a.frames || channel < 0 || channel >= a.channels || a.width <= 0 || a.height <= 0)
        return {};
    const size_t plane = size_t(a.width) * a.height;
    const float* v = a.values.data() + (size_t(frame) * a.channels + size_t(channel)) * plane;
    const auto [lo, hi] = std::minmax_element(v, v + plane);
    const float range = *hi - *lo;
    QImage image(a.width, a.height, QImage::Format_RGB32);
    for (int y = 0; y < a.height; ++y) {
        auto* line = reinterpret_cast<QRgb*>(image.scanLine(y));
        for (int x = 0; x < a.width; ++x)
            line[x] = viridis(range > 0 ? (v[size_t(y) * a.width + x] - *lo) / range : 0.f);
    }
    return image;
}

QImage saliencyOverlay(const QImage& image, const InspectionResult& result, int frame, double opacity)
{
    QImage out = image.convertToFormat(QImage::Format_RGB32);
    const int w = result.saliencyWidth, h = result.saliencyHeight;
    const int frames = w > 0 && h > 0 ? int(result.saliency.size() / (size_t(w) * h)) : 0;
    if (frame < 0 || frame >= frames) return out;
    QImage map(w, h, QImage::Format_ARGB32);
    const float* v = result.saliency.data() + size_t(frame) * w * h;
    for (int y = 0; y < h; ++y) {
        auto* line = reinterpret_cast<QRgb*>(map.scanLine(y));
        for (int x = 0; x < w; ++x) {
            const float s = v[size_t(y) * w + x];
            const QRgb c = heat(s);
            // Low saliency stays see-through, so the frame shows where the model does not look.
            line[x] = qRgba(qRed(c), qGreen(c), qBlue(c), int(255 * std::clamp(s, 0.f, 1.f)));
        }
    }
    QPainter p(&out);
    p.setRenderHint(QPainter::SmoothPixmapTransform);
    p.setOpacity(std::clamp(opacity, 0.0, 1.0));
    p.drawImage(out.rect(), map);
    return out;
}

} // namespace fl
