#include "analysis/SceneDetector.h"

#include <opencv2/core.hpp>

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

} // namespace

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
}

SceneDetection SceneDetector::finish() const
{
    return detect(m_score, m_brightness, m_options);
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
    SceneDetection out;
    out.options = options;
    out.frameCount = qint64(std::min(contentScore.size(), brightness.size()));
    out.contentScore.assign(contentScore.begin(), contentScore.begin() + out.frameCount);
    out.brightness.assign(brightness.begin(), brightness.begin() + out.frameCount);
    out.adaptiveRatio = adaptiveRatios(out.contentScore, options.adaptiveWindow);
    const qint64 n = out.frameCount;

    // Runs of dark frames (fade-aware only).
    std::vector<DarkRun> dark;
    if (options.fadeAware) {
        for (qint64 i = 0; i < n;) {
            if (out.brightness[size_t(i)] >= options.fadeThreshold) {
                ++i;
                continue;
            }
            DarkRun run{i, i, 255.0f};
            while (run.end < n && out.brightness[size_t(run.end)] < options.fadeThreshold) {
                run.darkest = std::min(run.darkest, out.brightness[size_t(run.end)]);
                ++run.end;
            }
            dark.push_back(run);
            i = run.end;
        }
    }
    // Content cuts touching a dark run (its first frame, inside it, or the first bright frame
    // after it) are part of that transition.
    std::vector<bool> touchesDark(size_t(n) + 1, false);
    for (const DarkRun& r : dark)
        for (qint64 i = r.start; i <= r.end; ++i) touchesDark[size_t(i)] = true;

    std::vector<SceneCut> candidates;
    for (qint64 i = 1; i < n; ++i) {
        const double s = out.contentScore[size_t(i)];
        const bool hard = s >= options.threshold;
        const bool standsOut = options.adaptiveRatio > 0 && s >= options.adaptiveMinScore
            && out.adaptiveRatio[size_t(i)] >= options.adaptiveRatio;
        // Hue and saturation of near-black pixels are noise: two dark frames in a row (a
        // fade from or to black) are not compared for content.
        const bool bothDark = out.brightness[size_t(i - 1)] < options.fadeThreshold
            && out.brightness[size_t(i)] < options.fadeThreshold;
        if (!(hard || standsOut) || bothDark || touchesDark[size_t(i)]) continue;
        SceneCut c;
        c.frame = i;
        c.kind = SceneCut::Kind::Content;
        c.score = s;
        candidates.push_back(c);
    }
    for (const DarkRun& r : dark) {
        if (r.end >= n) continue; // the video ends dark: no scene follows
        SceneCut c;
        // PySceneDetect ThresholdDetector with fade_bias 0: int((fade_out + fade_in) / 2),
        // fade_out = first dark frame, fade_in = first bright frame after it.
        c.frame = (r.start + r.end) / 2;
        c.kind = SceneCut::Kind::Fade;
        c.score = r.darkest;
        c.darkStart = r.start;
        c.darkEnd = r.end;
        candidates.push_back(c);
    }
    std::sort(candidates.begin(), candidates.end(),
              [](const SceneCut& a, const SceneCut& b) { return a.frame < b.frame; });

    qint64 last = 0;
    for (const SceneCut& c : candidates) {
        if (c.frame <= 0 || c.frame - last < options.minSceneLength) continue;
        out.cuts.push_back(c);
        last = c.frame;
    }
    return out;
}

} // namespace fl
