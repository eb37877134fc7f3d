#include "analysis/PredictionReview.h"

#include <algorithm>
#include <cmath>

namespace fl {

qint64 nextBoutOf(const std::vector<int>& shown, qint64 from, int direction, int cls)
{
    const qint64 n = qint64(shown.size());
    const int d = direction >= 0 ? 1 : -1;
    for (qint64 j = from + d; j >= 0 && j < n; j += d) {
        if (shown[size_t(j)] != cls) continue;
        const qint64 before = j - d;
        if (before < 0 || before >= n || shown[size_t(before)] != cls) return j;
    }
    return -1;
}

qint64 nextBelowConfidence(const VideoPredictions& predictions, qint64 from, int direction, double below)
{
    const qint64 n = predictions.fragmentCount();
    const int d = direction >= 0 ? 1 : -1;
    for (qint64 j = from + d; j >= 0 && j < n; j += d) {
        const float c = predictions.confidence(j);
        if (!std::isnan(c) && double(c) < below) return j;
    }
    return -1;
}

std::vector<LabelRange> acceptedRanges(const VideoPredictions& predictions, const std::vector<int>& shown,
                                       qint64 firstFragment, qint64 lastFragment, double minConfidence)
{
    std::vector<LabelRange> ranges;
    const qint64 n = std::min<qint64>(predictions.fragmentCount(), qint64(shown.size()));
    firstFragment = std::max<qint64>(firstFragment, 0);
    lastFragment = std::min<qint64>(lastFragment, n - 1);
    const FragmentSpec& spec = predictions.spec;
    for (qint64 j = firstFragment; j <= lastFragment; ++j) {
        const int cls = shown[size_t(j)];
        if (cls < 0 || cls >= predictions.classCount()) continue;
        const float conf = predictions.confidence(j);
        if (std::isnan(conf) || double(conf) < minConfidence) continue;
        LabelRange r{spec.firstFrame(j), std::min(spec.endFrame(j), predictions.frameCount), predictions.classes[cls]};
        if (!ranges.empty() && ranges.back().end >= r.start) {
            LabelRange& last = ranges.back();
            if (last.label == r.label) {
                last.end = std::max(last.end, r.end);
                continue;
            }
            last.end = r.start; // the later fragment wins the overlap
            if (last.end <= last.start) ranges.pop_back();
        }
        ranges.push_back(r);
    }
    return ranges;
}

} // namespace fl
