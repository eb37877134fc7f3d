#include "analysis/KeyframeSelector.h"

#include "analysis/FrameMeasures.h"
#include "analysis/VideoPredictions.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace fl {

Status KeyframeOptions::validate() const
{
    if (perSegment < 1 || perSegment > 1000)
        return Status::failure(QStringLiteral("keyframes per segment must be 1..1000, got %1").arg(perSegment));
    for (double w : {confidenceWeight, sharpnessWeight, representativenessWeight})
        if (!std::isfinite(w) || w < 0)
            return Status::failure(QStringLiteral("keyframe score weights must be >= 0, got %1").arg(w));
    if (sharpnessWeight + representativenessWeight <= 0)
        return Status::failure(
            QStringLiteral("keyframe score weights: sharpness and representativeness cannot both be 0"));
    if (!std::isfinite(duplicateDistance) || duplicateDistance < 0)
        return Status::failure(QStringLiteral("duplicate distance must be >= 0, got %1").arg(duplicateDistance));
    if (!std::isfinite(minBrightness) || minBrightness < 0 || minBrightness > 255)
        return Status::failure(QStringLiteral("minimum brightness must be in [0, 255], got %1").arg(minBrightness));
    if (minSeparation < 0)
        return Status::failure(QStringLiteral("minimum separation must be >= 0 frames, got %1").arg(minSeparation));
    return Status::success();
}

std::vector<KeyframeCandidate> candidatesFromSamples(const std::vector<FrameSample>& samples)
{
    std::vector<KeyframeCandidate> out;
    out.reserve(samples.size());
    for (const FrameSample& s : samples) out.push_back({s.frame, s.sharpness, s.descriptor, -1, s.brightness});
    return out;
}

namespace {

// The sample nearest to `frame` (samples ascending by frame); nullptr when there is none.
const FrameSample* nearestSample(const std::vector<FrameSample>& samples, qint64 frame)
{
    if (samples.empty()) return nullptr;
    auto it = std::lower_bound(samples.begin(), samples.end(), frame,
                               [](const FrameSample& s, qint64 f) { return s.frame < f; });
    if (it == samples.end()) return &samples.back();
    if (it == samples.begin()) return &*it;
    auto before = std::prev(it);
    return (frame - before->frame <= it->frame - frame) ? &*before : &*it;
}

std::vector<float> normalised(const std::vector<float>& v)
{
    double n = 0;
    for (float x : v) n += double(x) * x;
    std::vector<float> out(v.size(), 0.0f);
    if (n <= 0) return out;
    const double inv = 1.0 / std::sqrt(n);
    for (size_t i = 0; i < v.size(); ++i) out[i] = float(v[i] * inv);
    return out;
}

} // namespace

std::vector<KeyframeCandidate> candidatesFromPredictions(const VideoPredictions& p, int cls,
                                                         const std::vector<FrameSample>& samples)
{
    std::vector<KeyframeCandidate> out;
    if (cls < 0 || cls >= p.classCount()) return out;
    for (qint64 j = 0; j < p.fragmentCount(); ++j) {
        if (!p.isPredicted(j)) continue;
        KeyframeCandidate c;
        c.frame = p.spec.frameAt(j, p.spec.length / 2);
        c.confidence = double(p.probability(j, cls));
        const FrameSample* s = nearestSample(samples, c.frame);
        c.sharpness = s ? s->sharpness : 0.0;
        c.brightness = s ? s->brightness : -1.0;
        if (p.hasFeatures())
            c.feature = p.feature(j);
        else if (s)
            c.feature = s->descriptor;
        out.push_back(std::move(c));
    }
    return out;
}

KeyframeSet selectKeyframes(const std::vector<FrameSegment>& segments, const std::vector<KeyframeCandidate>& candidates,
                            const KeyframeOptions& options)
{
    KeyframeSet out;
    std::vector<const KeyframeCandidate*> byFrame;
    byFrame.reserve(candidates.size());
    for (const KeyframeCandidate& c : candidates) byFrame.push_back(&c);
    std::stable_sort(byFrame.begin(), byFrame.end(), [](const auto* a, const auto* b) { return a->frame < b->frame; });
    for (int si = 0; si < int(segments.size()); ++si) {
        const FrameSegment& seg = segments[size_t(si)];
        auto first = std::lower_bound(byFrame.begin(), byFrame.end(), seg.start,
                                      [](const KeyframeCandidate* c, qint64 f) { return c->frame < f; });
        std::vector<const KeyframeCandidate*> in;
        for (auto it = first; it != byFrame.end() && (*it)->frame < seg.end; ++it) in.push_back(*it);
        auto dark = [&options](const KeyframeCandidate* c) {
            return c->brightness >= 0 && c->brightness < options.minBrightness;
        };
        if (!std::all_of(in.begin(), in.end(), dark)) in.erase(std::remove_if(in.begin(), in.end(), dark), in.end());
        if (in.empty()) continue;
        const size_t n = in.size();

        // Sharpness term.
        double maxSharp = 0;
        for (const auto* c : in) maxSharp = std::max(maxSharp, std::max(0.0, c->sharpness));
        std::vector<double> sharp(n, 0.0);
        for (size_t k = 0; k < n; ++k)
            sharp[k] = maxSharp > 0 ? std::log1p(std::max(0.0, in[k]->sharpness)) / std::log1p(maxSharp) : 0.0;

        // Representativeness term: distance to the mean of the normalised features.
        std::vector<std::vector<float>> unit(n);
        std::vector<float> mean;
        for (size_t k = 0; k < n; ++k) {
            unit[k] = normalised(in[k]->feature);
            if (mean.empty()) mean.assign(unit[k].size(), 0.0f);
            if (unit[k].size() == mean.size())
                for (size_t d = 0; d < mean.size(); ++d) mean[d] += unit[k][d] / float(n);
        }
        std::vector<double> dist(n, 0.0);
        double maxDist = 0;
        for (size_t k = 0; k < n; ++k) {
            dist[k] = featureDistance(unit[k], mean);
            maxDist = std::max(maxDist, dist[k]);
        }
        std::vector<double> repr(n, 1.0);
        if (maxDist > 0)
            for (size_t k = 0; k < n; ++k) repr[k] = 1.0 - dist[k] / maxDist;

        // Confidence term only when every candidate has one.
        const bool withConfidence = options.confidenceWeight > 0
            && std::all_of(in.begin(), in.end(), [](const KeyframeCandidate* c) { return c->confidence >= 0; });
        const double wc = withConfidence ? options.confidenceWeight : 0.0;
        const double total = wc + options.sharpnessWeight + options.representativenessWeight;
        std::vector<double> score(n);
        for (size_t k = 0; k < n; ++k) {
            const double conf = withConfidence ? std::clamp(in[k]->confidence, 0.0, 1.0) : 0.0;
            score[k] = (wc * conf + options.sharpnessWeight * sharp[k] + options.representativenessWeight * repr[k])
                / total;
        }

        std::vector<size_t> order(n);
        std::iota(order.begin(), order.end(), size_t(0));
        // Best score first; ties go to the earlier frame, so the result does not depend on
        // the order of the candidates.
        std::sort(order.begin(), order.end(), [&](size_t a, size_t b) {
            if (score[a] != score[b]) return score[a] > score[b];
            return in[a]->frame < in[b]->frame;
        });
        std::vector<size_t> taken;
        const qint64 separation = std::max<qint64>(
            {1, options.minSeparation, seg.length() / (2 * qint64(options.perSegment))});
        for (size_t k : order) {
            if (int(taken.size()) >= options.perSegment) break;
            bool duplicate = false;
            for (size_t t : taken) {
                if (std::abs(in[k]->frame - in[t]->frame) < separation
                    || featureDistance(unit[k], unit[t]) < options.duplicateDistance) {
                    duplicate = true;
                    break;
                }
            }
            if (duplicate) continue;
            taken.push_back(k);
            Keyframe kf;
            kf.frame = in[k]->frame;
            kf.segment = si;
            kf.label = seg.label;
            kf.score = score[k];
            kf.sharpness = sharp[k];
            kf.representativeness = repr[k];
            kf.confidence = withConfidence ? std::clamp(in[k]->confidence, 0.0, 1.0) : -1.0;
            out.add(kf);
        }
    }
    return out;
}

} // namespace fl
