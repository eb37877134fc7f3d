#include "analysis/VideoPredictions.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace fl {

namespace {
constexpr float kNotPredicted = std::numeric_limits<float>::quiet_NaN();
}

VideoPredictions VideoPredictions::empty(QString video, QString modelId, QStringList classes, FragmentSpec spec,
                                         qint64 frameCount, int featureSize)
{
    VideoPredictions p;
    p.video = std::move(video);
    p.modelId = std::move(modelId);
    p.classes = std::move(classes);
    p.spec = spec;
    p.frameCount = frameCount;
    const qint64 n = spec.count(frameCount);
    p.probabilities.assign(size_t(n * p.classes.size()), kNotPredicted);
    p.featureSize = featureSize;
    if (featureSize > 0) p.features.assign(size_t(n * featureSize), 0.0f);
    return p;
}

qint64 VideoPredictions::fragmentCount() const
{
    return classes.isEmpty() ? 0 : qint64(probabilities.size()) / classes.size();
}

bool VideoPredictions::isPredicted(qint64 fragment) const
{
    return fragment >= 0 && fragment < fragmentCount() && !std::isnan(probabilities[size_t(fragment * classes.size())]);
}

qint64 VideoPredictions::predictedCount() const
{
    qint64 n = 0;
    for (qint64 j = 0; j < fragmentCount(); ++j) n += isPredicted(j) ? 1 : 0;
    return n;
}

float VideoPredictions::probability(qint64 fragment, int cls) const
{
    if (fragment < 0 || fragment >= fragmentCount() || cls < 0 || cls >= classCount()) return kNotPredicted;
    return probabilities[size_t(fragment * classes.size() + cls)];
}

std::vector<float> VideoPredictions::probabilityRow(qint64 fragment) const
{
    if (fragment < 0 || fragment >= fragmentCount()) return {};
    const auto first = probabilities.begin() + fragment * classes.size();
    return {first, first + classes.size()};
}

int VideoPredictions::predictedClass(qint64 fragment) const
{
    if (!isPredicted(fragment)) return -1;
    const float* row = probabilities.data() + fragment * classes.size();
    return int(std::max_element(row, row + classes.size()) - row);
}

float VideoPredictions::confidence(qint64 fragment) const
{
    const int c = predictedClass(fragment);
    return c < 0 ? kNotPredicted : probability(fragment, c);
}

std::vector<float> VideoPredictions::feature(qint64 fragment) const
{
    if (!hasFeatures() || fragment < 0 || fragment >= fragmentCount()) return {};
    const auto first = features.begin() + fragment * featureSize;
    return {first, first + featureSize};
}

Status VideoPredictions::setRow(qint64 fragment, const std::vector<float>& row, const std::vector<float>& feature)
{
    if (fragment < 0 || fragment >= fragmentCount())
        return Status::failure(QStringLiteral("%1: fragment %2 is out of range (0 to %3)")
                                   .arg(video)
                                   .arg(fragment)
                                   .arg(fragmentCount() - 1));
    if (qsizetype(row.size()) != classes.size())
        return Status::failure(QStringLiteral("%1: fragment %2 has %3 probabilities for %4 classes")
                                   .arg(video)
                                   .arg(fragment)
                                   .arg(row.size())
                                   .arg(classes.size()));
    if (!feature.empty() && int(feature.size()) != featureSize)
        return Status::failure(QStringLiteral("%1: fragment %2 has a feature vector of %3 values, expected %4")
                                   .arg(video)
                                   .arg(fragment)
                                   .arg(feature.size())
                                   .arg(featureSize));
    std::copy(row.begin(), row.end(), probabilities.begin() + fragment * classes.size());
    if (!feature.empty()) {
        if (features.empty()) features.assign(size_t(fragmentCount() * featureSize), 0.0f);
        std::copy(feature.begin(), feature.end(), features.begin() + fragment * featureSize);
    }
    return Status::success();
}

Status VideoPredictions::validate() const
{
    const QString name = video.isEmpty() ? QStringLiteral("(unnamed video)") : video;
    if (classes.isEmpty()) return Status::failure(QStringLiteral("%1: predictions name no classes").arg(name));
    if (Status s = spec.validate(); !s) return Status::failure(QStringLiteral("%1: %2").arg(name, s.error()));
    const qint64 n = spec.count(frameCount);
    if (qint64(probabilities.size()) != n * classes.size())
        return Status::failure(QStringLiteral("%1: %2 probabilities, expected %3 fragments x %4 classes")
                                   .arg(name)
                                   .arg(probabilities.size())
                                   .arg(n)
                                   .arg(classes.size()));
    if (featureSize < 0 || (!features.empty() && qint64(features.size()) != n * featureSize))
        return Status::failure(QStringLiteral("%1: %2 feature values, expected %3 fragments x %4")
                                   .arg(name)
                                   .arg(features.size())
                                   .arg(n)
                                   .arg(featureSize));
    for (qint64 j = 0; j < n; ++j) {
        const float* row = probabilities.data() + j * classes.size();
        const bool missing = std::isnan(row[0]);
        for (int c = 0; c < classes.size(); ++c) {
            const float p = row[c];
            if (missing != std::isnan(p) || (!missing && (!(p >= 0.0f) || p > 1.0f)))
                return Status::failure(QStringLiteral("%1: fragment %2: probability of '%3' is %4, not in [0, 1]")
                                           .arg(name)
                                           .arg(j)
                                           .arg(classes.at(c))
                                           .arg(double(p)));
        }
    }
    return Status::success();
}

std::vector<FrameSegment> predictedSegments(const VideoPredictions& p, int cls, double minConfidence, int minFragments)
{
    if (cls < 0 || cls >= p.classCount()) return {};
    return fragmentRuns(
        p.spec, p.fragmentCount(),
        [&](qint64 j) { return p.predictedClass(j) == cls && double(p.probability(j, cls)) >= minConfidence; },
        p.classes.at(cls), minFragments);
}

std::vector<FrameSegment> fragmentRuns(const FragmentSpec& spec, qint64 fragments,
                                       const std::function<bool(qint64)>& in, const QString& label, int minFragments)
{
    std::vector<FrameSegment> out;
    qint64 runStart = -1, runLast = -1;
    auto close = [&] {
        if (runStart >= 0 && runLast - runStart + 1 >= minFragments)
            out.push_back({spec.firstFrame(runStart), spec.endFrame(runLast), label});
        runStart = runLast = -1;
    };
    for (qint64 j = 0; j < fragments; ++j) {
        const bool inside = in(j);
        // A fragment that starts after the previous one's end leaves uncovered frames between.
        const bool contiguous = runLast >= 0 && spec.firstFrame(j) <= spec.endFrame(runLast);
        if (inside && runStart >= 0 && contiguous) {
            runLast = j;
        } else {
            close();
            if (inside) runStart = runLast = j;
        }
    }
    close();
    return out;
}

} // namespace fl
