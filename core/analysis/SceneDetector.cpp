#include "analysis/SceneDetector.h"

#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>

namespace fl {

Status SceneDetectorOptions::validate() const
{
    if (!std::isfinite(threshold) || threshold <= 0 || threshold > 255)
        return Status::failure(QStringLiteral("scene threshold must be in (0, 255], got %1").arg(threshold));
    if (!std::isfinite(adaptiveRatio) || adaptiveRatio < 0)
        return Status::failure(QStringLiteral("adaptive ratio must be >= 0 (0: off), got %1").arg(adaptiveRatio));
    if (adaptiveWindow < 1 || adaptiveWindow > 100)
        return Status::failure(QStringLiteral("adaptive window must be 1..100 frames, got %1").arg(adaptiveWindow));
    if (!std::isfinite(adaptiveMinScore) || adaptiveMinScore < 0 || adaptiveMinScore > 255)
        return Status::failure(
            QStringLiteral("adaptive minimum score must be in [0, 255], got %1").arg(adaptiveMinScore));
    if (minSceneLength < 1)
        return Status::failure(
            QStringLiteral("minimum scene length must be at least 1 frame, got %1").arg(minSceneLength));
    if (!std::isfinite(fadeThreshold) || fadeThreshold <= 0 || fadeThreshold >= 255)
        return Status::failure(QStringLiteral("fade threshold must be in (0, 255), got %1").arg(fadeThreshold));
    if (dissolveWindow < 0 || dissolveWindow > 100)
        return Status::failure(QStringLiteral("dissolve window must be 0..100 frames, got %1").arg(dissolveWindow));
    if (!std::isfinite(dissolveMinChange) || dissolveMinChange <= 0 || dissolveMinChange > 255)
        return Status::failure(
            QStringLiteral("dissolve minimum change must be in (0, 255], got %1").arg(dissolveMinChange));
    if (!std::isfinite(dissolveMaxCorrelation) || dissolveMaxCorrelation < -1 || dissolveMaxCorrelation > 1)
        return Status::failure(
            QStringLiteral("dissolve correlation must be in [-1, 1], got %1").arg(dissolveMaxCorrelation));
    if (flashLength < 0 || flashLength > 100)
        return Status::failure(QStringLiteral("flash length must be 0..100 frames, got %1").arg(flashLength));
    if (analysisWidth < 16 || analysisWidth > 4096)
        return Status::failure(QStringLiteral("analysis width must be 16..4096 pixels, got %1").arg(analysisWidth));
    return Status::success();
}

std::vector<qint64> SceneDetection::cutFrames() const
{
    std::vector<qint64> frames;
    frames.reserve(cuts.size());
    for (const SceneCut& c : cuts) frames.push_back(c.frame);
    return frames;
}

std::vector<FrameSegment> SceneDetection::scenes() const
{
    std::vector<FrameSegment> out;
    if (frameCount <= 0) return out;
    qint64 start = 0;
    for (const SceneCut& c : cuts) {
        if (c.frame <= start || c.frame >= frameCount) continue;
        out.push_back({start, c.frame, QStringLiteral("scene %1").arg(out.size() + 1)});
        start = c.frame;
    }
    out.push_back({start, frameCount, QStringLiteral("scene %1").arg(out.size() + 1)});
    return out;
}

float SceneDetection::windowSteadiness(qint64 frame) const
{
    const qint64 w = options.dissolveWindow;
    if (w <= 0 || frame < w || frame + w >= qint64(lumaStep.size()) || frame >= qint64(windowChange.size())) return 0;
    double path = 0;
    for (qint64 t = frame - w + 1; t <= frame + w; ++t) path += lumaStep[size_t(t)];
    return path > 0 ? float(windowChange[size_t(frame)] / path) : 0.0f;
}

SceneDetector::SceneDetector(SceneDetectorOptions options) : m_options(options) {}

namespace {

// Mean absolute difference per channel (H, S, V), averaged: PySceneDetect's content_val with
// weights 1, 1, 1 (hue not wrapped, as there). A frame of another size (the size changed
// mid-stream) is a new picture.
float contentScore(const cv::Mat& previousHsv, const cv::Mat& hsv, cv::Mat& diff)
{
    if (previousHsv.size() != hsv.size()) return 255.0f;
    cv::absdiff(hsv, previousHsv, diff);
    const cv::Scalar m = cv::mean(diff);
    return float((m[0] + m[1] + m[2]) / 3.0);
}

// Mean absolute difference of two small 8-bit luma frames, from integer sums (so the same
// frames give the same value however the video was read). 255 for frames of other sizes.
float meanAbsDiff(const cv::Mat& a, const cv::Mat& b)
{
    if (a.size() != b.size() || a.empty()) return 255.0f;
    std::int64_t sum = 0;
    for (int y = 0; y < a.rows; ++y) {
        const uchar* pa = a.ptr<uchar>(y);
        const uchar* pb = b.ptr<uchar>(y);
        for (int x = 0; x < a.cols; ++x) sum += std::abs(int(pa[x]) - int(pb[x]));
    }
    return float(double(sum) / double(a.total()));
}

} // namespace

bool SceneDetector::takesSmallFrames() const
{
    return m_options.dissolveWindow > 0 || m_options.flashLength > 0;
}

int SceneDetector::later() const
{
    return std::max(0, m_options.dissolveWindow);
}

int SceneDetector::ringSize() const
{
    return std::max(2 * later() + 1, m_options.flashLength + 2);
}

void SceneDetector::measureRecall(const std::vector<const cv::Mat*>& frames, size_t at, qint64 frame)
{
    float best = 255.0f;
    for (int k = 2; k <= m_options.flashLength + 1 && size_t(k) <= at; ++k)
        best = std::min(best, meanAbsDiff(*frames[at], *frames[at - size_t(k)]));
    m_recall[size_t(frame)] = best;
}

void SceneDetector::measureWindow(const std::vector<const cv::Mat*>& frames, size_t middle, qint64 frame)
{
    const size_t w = size_t(later());
    const cv::Mat& a = *frames[middle - w];
    const cv::Mat& m = *frames[middle];
    const cv::Mat& b = *frames[middle + w];
    if (a.size() != b.size() || a.size() != m.size() || a.empty()) return; // no dissolve across a size change
    std::int64_t change = 0, blend = 0, sa = 0, sb = 0, saa = 0, sbb = 0, sab = 0;
    for (int y = 0; y < a.rows; ++y) {
        const uchar* pa = a.ptr<uchar>(y);
        const uchar* pm = m.ptr<uchar>(y);
        const uchar* pb = b.ptr<uchar>(y);
        for (int x = 0; x < a.cols; ++x) {
            const int va = pa[x], vb = pb[x];
            change += std::abs(va - vb);
            blend += std::abs(2 * int(pm[x]) - va - vb);
            sa += va;
            sb += vb;
            saa += va * va;
            sbb += vb * vb;
            sab += va * vb;
        }
    }
    const double n = double(a.total());
    m_change[size_t(frame)] = float(double(change) / n);
    m_blend[size_t(frame)] = float(double(blend) / (2 * n));
    const double va = double(saa) - double(sa) * double(sa) / n;
    const double vb = double(sbb) - double(sb) * double(sb) / n;
    const double cov = double(sab) - double(sa) * double(sb) / n;
    // A flat end (no structure: a colour card, black) is no picture to dissolve from or to.
    const double minVariance = 4.0 * 4.0 * n;
    m_correlation[size_t(frame)] = va < minVariance || vb < minVariance ? 1.0f : float(cov / std::sqrt(va * vb));
}

void SceneDetector::pushSmall(cv::Mat small)
{
    const qint64 i = qint64(m_step.size());
    m_step.push_back(m_ring.empty() ? 0.0f : meanAbsDiff(m_ring.back(), small));
    m_change.push_back(0.0f);
    m_blend.push_back(0.0f);
    m_correlation.push_back(1.0f);
    m_recall.push_back(255.0f);
    if (int(m_first.size()) < ringSize()) m_first.push_back(small);
    m_ring.push_back(std::move(small));
    if (int(m_ring.size()) > ringSize()) m_ring.erase(m_ring.begin());
    std::vector<const cv::Mat*> frames;
    for (const cv::Mat& f : m_ring) frames.push_back(&f);
    measureRecall(frames, frames.size() - 1, i);
    const qint64 w = later();
    if (w > 0 && i >= 2 * w) measureWindow(frames, frames.size() - 1 - size_t(w), i - w);
}

void SceneDetector::addFrame(const AnalysisFrame& frame)
{
    const cv::Scalar mean = cv::mean(frame.bgr);
    m_brightness.push_back(float((mean[0] + mean[1] + mean[2]) / 3.0));
    if (m_previousHsv.empty()) {
        frame.hsv.copyTo(m_firstHsv);
        m_score.push_back(0.0f);
    } else {
        m_score.push_back(contentScore(m_previousHsv, frame.hsv, m_diff));
    }
    frame.hsv.copyTo(m_previousHsv);
    if (!takesSmallFrames()) return;
    // The small luma frame: a quarter of the analysis frame each way (80x45 for 320x180).
    cv::resize(frame.bgr, m_scratch, cv::Size(std::max(1, frame.bgr.cols / 4), std::max(1, frame.bgr.rows / 4)), 0, 0,
               cv::INTER_AREA);
    cv::Mat small;
    cv::cvtColor(m_scratch, small, cv::COLOR_BGR2GRAY);
    pushSmall(std::move(small));
}

void SceneDetector::append(const SceneDetector& next)
{
    if (next.m_score.empty()) return;
    const size_t at = m_score.size();
    m_score.insert(m_score.end(), next.m_score.begin(), next.m_score.end());
    m_brightness.insert(m_brightness.end(), next.m_brightness.begin(), next.m_brightness.end());
    if (m_previousHsv.empty()) {
        next.m_firstHsv.copyTo(m_firstHsv);
    } else {
        m_score[at] = contentScore(m_previousHsv, next.m_firstHsv, m_diff);
    }
    next.m_previousHsv.copyTo(m_previousHsv);

    if (!takesSmallFrames()) return;
    // The small-frame measures whose frames straddle the join are taken again over this one's
    // last frames and the next one's first.
    const qint64 n0 = qint64(at), n1 = qint64(next.m_step.size());
    auto join = [](std::vector<float>& to, const std::vector<float>& from) {
        to.insert(to.end(), from.begin(), from.end());
    };
    join(m_step, next.m_step);
    join(m_change, next.m_change);
    join(m_blend, next.m_blend);
    join(m_correlation, next.m_correlation);
    join(m_recall, next.m_recall);
    std::vector<const cv::Mat*> frames;
    for (const cv::Mat& f : m_ring) frames.push_back(&f);
    for (const cv::Mat& f : next.m_first) frames.push_back(&f);
    const qint64 first = n0 - qint64(m_ring.size()); // the frame frames[0] is
    if (!m_ring.empty()) m_step[size_t(n0)] = meanAbsDiff(m_ring.back(), next.m_first.front());
    for (qint64 j = n0; j < n0 + std::min<qint64>(n1, m_options.flashLength + 1); ++j)
        measureRecall(frames, size_t(j - first), j);
    const qint64 w = later();
    if (w > 0)
        for (qint64 c = std::max(w, n0 - w); c < n0 + w && c + w < n0 + n1; ++c)
            measureWindow(frames, size_t(c - first), c);
    for (size_t k = m_ring.size(); int(m_first.size()) < ringSize() && k < frames.size(); ++k)
        m_first.push_back(*frames[k]);
    if (n1 >= ringSize()) {
        m_ring = next.m_ring;
    } else {
        std::vector<cv::Mat> ring;
        for (size_t k = frames.size() > size_t(ringSize()) ? frames.size() - size_t(ringSize()) : 0; k < frames.size();
             ++k)
            ring.push_back(*frames[k]);
        m_ring = std::move(ring);
    }
}

SceneDetection SceneDetector::finish() const
{
    SceneDetection measures;
    measures.options = m_options;
    measures.contentScore = m_score;
    measures.brightness = m_brightness;
    measures.lumaStep = m_step;
    measures.windowChange = m_change;
    measures.windowBlend = m_blend;
    measures.windowCorrelation = m_correlation;
    measures.recall = m_recall;
    return detect(measures, m_options);
}

namespace {

std::vector<float> adaptiveRatios(const std::vector<float>& score, int window)
{
    const qint64 n = qint64(score.size());
    std::vector<float> ratio(size_t(n), 0.0f);
    for (qint64 i = 1; i < n; ++i) {
        double sum = 0;
        int count = 0;
        for (qint64 j = std::max<qint64>(1, i - window); j <= std::min(n - 1, i + window); ++j) {
            if (j == i) continue;
            sum += score[size_t(j)];
            ++count;
        }
        const double mean = count > 0 ? sum / count : 0.0;
        // A floor keeps the ratio finite on still footage (PySceneDetect caps it likewise).
        ratio[size_t(i)] = float(double(score[size_t(i)]) / std::max(mean, 1e-3));
        if (count == 0) ratio[size_t(i)] = 0;
    }
    return ratio;
}

struct DarkRun {
    qint64 start;
    qint64 end; // exclusive
    float darkest;
};

} // namespace

SceneDetection SceneDetector::detect(const std::vector<float>& contentScore, const std::vector<float>& brightness,
                                     const SceneDetectorOptions& options)
{
    SceneDetection measures;
    measures.contentScore = contentScore;
    measures.brightness = brightness;
    return detect(measures, options);
}

namespace {

// Frames within this much of a dark run's darkest frame are its black core; the new picture
// starts right after it.
constexpr float kBlackMargin = 1.5f;
// A dissolve window's middle frame is the average of its ends within this share of their
// change, and the frames move steadily from one end to the other: the ends' change is at
// least this share of the sum of the frame-to-frame changes between them.
constexpr double kDissolveBlend = 0.3;
constexpr double kDissolveSteadiness = 0.5;
// The picture after a flash matches one before it by this much (mean |luma difference|).
constexpr double kFlashMatch = 12.0;

bool hasSmallMeasures(const SceneDetection& m, qint64 n)
{
    return qint64(m.lumaStep.size()) >= n && qint64(m.windowChange.size()) >= n && qint64(m.windowBlend.size()) >= n
        && qint64(m.windowCorrelation.size()) >= n && qint64(m.recall.size()) >= n;
}

template <typename T>
std::vector<T> firstN(const std::vector<T>& v, qint64 n)
{
    return n <= 0 || v.empty() ? std::vector<T>()
                               : std::vector<T>(v.begin(), v.begin() + std::min<qint64>(n, qint64(v.size())));
}

} // namespace

SceneDetection SceneDetector::detect(const SceneDetection& measures, const SceneDetectorOptions& options)
{
    SceneDetection out;
    out.options = options;
    out.options.dissolveWindow = measures.options.dissolveWindow; // what the measures were taken with
    out.frameCount = qint64(std::min(measures.contentScore.size(), measures.brightness.size()));
    const qint64 n = out.frameCount;
    out.contentScore = firstN(measures.contentScore, n);
    out.brightness = firstN(measures.brightness, n);
    const bool small = hasSmallMeasures(measures, n);
    if (small) {
        out.lumaStep = firstN(measures.lumaStep, n);
        out.windowChange = firstN(measures.windowChange, n);
        out.windowBlend = firstN(measures.windowBlend, n);
        out.windowCorrelation = firstN(measures.windowCorrelation, n);
        out.recall = firstN(measures.recall, n);
    }
    out.adaptiveRatio = adaptiveRatios(out.contentScore, options.adaptiveWindow);
    auto dark = [&](qint64 i) { return out.brightness[size_t(i)] < options.fadeThreshold; };

    // Runs of dark frames (fade-aware only).
    std::vector<DarkRun> darkRuns;
    if (options.fadeAware) {
        for (qint64 i = 0; i < n;) {
            if (!dark(i)) {
                ++i;
                continue;
            }
            DarkRun run{i, i, 255.0f};
            while (run.end < n && dark(run.end)) {
                run.darkest = std::min(run.darkest, out.brightness[size_t(run.end)]);
                ++run.end;
            }
            darkRuns.push_back(run);
            i = run.end;
        }
    }
    // Content cuts touching a dark run (its first frame, inside it, or the first bright frame
    // after it) are part of that transition.
    std::vector<bool> touchesDark(size_t(n) + 1, false);
    for (const DarkRun& r : darkRuns)
        for (qint64 i = r.start; i <= r.end; ++i) touchesDark[size_t(i)] = true;

    std::vector<SceneCut> candidates;
    for (qint64 i = 1; i < n; ++i) {
        const double s = out.contentScore[size_t(i)];
        const bool hard = s >= options.threshold;
        const bool standsOut = options.adaptiveRatio > 0 && s >= options.adaptiveMinScore
            && out.adaptiveRatio[size_t(i)] >= options.adaptiveRatio;
        // Hue and saturation of near-black pixels are noise: two dark frames in a row (a
        // fade from or to black) are not compared for content.
        const bool bothDark = dark(i - 1) && dark(i);
        if (!(hard || standsOut) || bothDark || touchesDark[size_t(i)]) continue;
        SceneCut c;
        c.frame = i;
        c.kind = SceneCut::Kind::Content;
        c.score = s;
        candidates.push_back(c);
    }
    // Flashes: a content cut whose picture matches one of the frames just before the
    // previous content cut (at most flashLength frames back) ends a flash: neither is a
    // boundary.
    if (small && options.flashLength > 0) {
        std::vector<SceneCut> kept;
        for (size_t k = 0; k < candidates.size(); ++k) {
            const SceneCut& c = candidates[k];
            if (k + 1 < candidates.size()) {
                const SceneCut& next = candidates[k + 1];
                if (next.frame - c.frame <= options.flashLength && out.recall[size_t(next.frame)] <= kFlashMatch) {
                    ++k; // both
                    continue;
                }
            }
            kept.push_back(c);
        }
        candidates = std::move(kept);
    }
    for (const DarkRun& r : darkRuns) {
        if (r.end >= n) continue; // the video ends dark: no scene follows
        SceneCut c;
        c.kind = SceneCut::Kind::Fade;
        c.score = r.darkest;
        c.darkStart = r.start;
        c.darkEnd = r.end;
        if (options.fadeAtMiddle) {
            // PySceneDetect ThresholdDetector with fade_bias 0: int((fade_out + fade_in) / 2),
            // fade_out = first dark frame, fade_in = first bright frame after it.
            c.frame = (r.start + r.end) / 2;
        } else if (r.start > 0 && out.contentScore[size_t(r.start)] >= options.threshold
                   && (r.start < 2
                       || out.brightness[size_t(r.start - 1)] >= 0.9f * out.brightness[size_t(r.start - 2)])) {
            // A cut to black (a steady picture, then a content cut into the dark run): the
            // boundary is where the black starts.
            c.frame = r.start;
        } else {
            // Faded (or the video starts) to black: the boundary is the new picture's first
            // frame, right after the black core.
            qint64 lastBlack = r.start;
            for (qint64 i = r.start; i < r.end; ++i)
                if (out.brightness[size_t(i)] <= r.darkest + kBlackMargin) lastBlack = i;
            c.frame = lastBlack + 1;
        }
        candidates.push_back(c);
    }
    // Dissolves: runs of window middles whose window is a steady blend between two different
    // pictures, with no hard cut and no dark frame inside.
    const qint64 w = out.options.dissolveWindow;
    if (small && options.dissolves && w > 0 && n > 2 * w) {
        std::vector<qint64> prefixHard(size_t(n) + 1, 0), prefixDark(size_t(n) + 1, 0);
        for (qint64 i = 0; i < n; ++i) {
            prefixHard[size_t(i) + 1] = prefixHard[size_t(i)]
                + (i > 0 && out.contentScore[size_t(i)] >= options.threshold);
            prefixDark[size_t(i) + 1] = prefixDark[size_t(i)] + dark(i);
        }
        // A window that blends steadily from one end to the other: a dissolve, or a fade of one
        // picture (to a colour, or to another brightness); the ends' correlation tells them
        // apart. The run of such windows is symmetric around a dissolve's middle.
        auto blends = [&](qint64 c) {
            const double change = out.windowChange[size_t(c)];
            return change >= options.dissolveMinChange && out.windowBlend[size_t(c)] <= kDissolveBlend * change
                && out.windowSteadiness(c) >= kDissolveSteadiness
                // Both ends well above black: the last frames of a fade to black are dim, and
                // compression noise decorrelates them from the picture they fade.
                && out.brightness[size_t(c - w)] >= 2 * options.fadeThreshold
                && out.brightness[size_t(c + w)] >= 2 * options.fadeThreshold
                && prefixHard[size_t(c + w) + 1] - prefixHard[size_t(c - w) + 1] == 0
                && prefixDark[size_t(c + w) + 1] - prefixDark[size_t(c - w)] == 0;
        };
        for (qint64 c = w; c < n - w;) {
            if (!blends(c)) {
                ++c;
                continue;
            }
            SceneCut d;
            d.kind = SceneCut::Kind::Dissolve;
            d.spanStart = c;
            float correlation = 1.0f;
            while (c < n - w && blends(c)) {
                d.score = std::max(d.score, double(out.windowChange[size_t(c)]));
                correlation = std::min(correlation, out.windowCorrelation[size_t(c)]);
                ++c;
            }
            d.spanEnd = c;
            d.frame = (d.spanStart + d.spanEnd) / 2;
            if (correlation <= options.dissolveMaxCorrelation) candidates.push_back(d);
        }
    }
    std::stable_sort(candidates.begin(), candidates.end(),
                     [](const SceneCut& a, const SceneCut& b) { return a.frame < b.frame; });

    qint64 last = 0;
    for (const SceneCut& c : candidates) {
        if (c.frame <= 0 || c.frame >= n || c.frame - last < options.minSceneLength) continue;
        out.cuts.push_back(c);
        last = c.frame;
    }
    return out;
}

} // namespace fl
