#include "analysis/VideoAnalysis.h"

#include "analysis/AnalysisFrame.h"
#include "analysis/FrameMeasures.h"
#include "analysis/SceneDetector.h"

#include <opencv2/core.hpp>

#include <QElapsedTimer>
#include <QFileInfo>

#include <algorithm>

namespace fl {

Status VideoAnalysisOptions::validate() const
{
    if (Status s = scenes.validate(); !s) return s;
    if (sampleEvery < 1 || sampleEvery > 100000)
        return Status::failure(QStringLiteral("sample interval must be 1 to 100000 frames, got %1").arg(sampleEvery));
    return Status::success();
}

namespace {

FrameSample measure(qint64 i, const AnalysisFrame& small)
{
    FrameSample s;
    s.frame = i;
    s.sharpness = laplacianSharpness(small.detail);
    const cv::Scalar m = cv::mean(small.bgr);
    s.brightness = (m[0] + m[1] + m[2]) / 3.0;
    s.descriptor = colourDescriptor(small.hsv);
    return s;
}

} // namespace

Result<VideoAnalysis> analyzeVideo(const QString& path, const VideoAnalysisOptions& options, const VideoOpenOptions& openOptions,
                                   const WorkControl& control)
{
    if (Status s = options.validate(); !s) return s;
    QElapsedTimer timer;
    timer.start();

    SceneDetector detector(options.scenes);
    AnalysisFrame small;
    std::vector<FrameSample> samples;
    // A regular grid no coarser than the minimum scene length, so every scene at least that
    // long holds a candidate.
    const qint64 every = std::clamp<qint64>(options.sampleEvery, 1, options.scenes.minSceneLength);

    const QString what = QStringLiteral("Detecting scenes in %1").arg(QFileInfo(path).fileName());
    WorkControl inner;
    inner.cancel = control.cancel;
    if (control.progress)
        inner.progress = [&control, &what](std::int64_t done, std::int64_t total, const QString&) { control.report(done, total, what); };

    const FrameSink sink = [&](qint64 i, const cv::Mat& bgr) {
        small.assign(bgr, options.scenes.analysisWidth);
        detector.addFrame(small);
        if (options.sampleFrames && i % every == 0) samples.push_back(measure(i, small));
        return true;
    };

    auto opened = VideoSource::open(path, openOptions, inner, sink);
    if (!opened) return opened.status();
    VideoSource& source = **opened;

    VideoAnalysis out;
    out.info = source.info();
    out.frameTimesMs.reserve(size_t(out.info.frameCount));
    for (qint64 i = 0; i < out.info.frameCount; ++i) out.frameTimesMs.push_back(source.index().timestampMs(i));
    out.scenes = detector.finish();
    out.samples = std::move(samples);
    out.seconds = double(timer.nsecsElapsed()) / 1e9;
    control.report(out.info.frameCount, out.info.frameCount, what);
    return out;
}

Result<FrameSample> measureFrame(VideoSource& source, qint64 frame, int analysisWidth)
{
    auto image = source.frame(frame);
    if (!image) return image.status();
    AnalysisFrame small;
    small.assign(*image, analysisWidth);
    return measure(frame, small);
}

Status addMissingSamples(VideoSource& source, const std::vector<FrameSegment>& segments, std::vector<FrameSample>& samples,
                         int analysisWidth)
{
    auto byFrame = [](const FrameSample& s, qint64 f) { return s.frame < f; };
    for (const FrameSegment& seg : segments) {
        if (seg.end <= seg.start) continue;
        auto it = std::lower_bound(samples.begin(), samples.end(), seg.start, byFrame);
        if (it != samples.end() && it->frame < seg.end) continue;
        auto sample = measureFrame(source, seg.start + (seg.end - seg.start) / 2, analysisWidth);
        if (!sample) return sample.status();
        samples.insert(std::lower_bound(samples.begin(), samples.end(), sample->frame, byFrame), std::move(sample).value());
    }
    return Status::success();
}

} // namespace fl
