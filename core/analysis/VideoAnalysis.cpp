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
    if (parts < 0 || parts > 64)
        return Status::failure(QStringLiteral("parts must be 0 (automatic) to 64, got %1").arg(parts));
    return Status::success();
}

namespace {

// What the decoder hands the analysis: BGR halved until at most `width` wide (twice that with
// the detail level for sharpness).
FrameFormat analysisFormat(int width, bool withDetail)
{
    FrameFormat f;
    f.halvedToWidth = std::max(16, width) * (withDetail ? 2 : 1);
    return f;
}

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

namespace {

// What one decoder's share of the video yields.
struct PartAnalysis {
    SceneDetector detector;
    AnalysisFrame small;
    std::vector<FrameSample> samples;
};

} // namespace

Result<VideoAnalysis> analyzeVideo(const QString& path, const VideoAnalysisOptions& options,
                                   const VideoOpenOptions& openOptions, const WorkControl& control)
{
    if (Status s = options.validate(); !s) return s;
    QElapsedTimer timer;
    timer.start();

    // A regular grid no coarser than the minimum scene length, so every scene at least that
    // long holds a candidate.
    const qint64 every = std::clamp<qint64>(options.sampleEvery, 1, options.scenes.minSceneLength);
    std::vector<PartAnalysis> parts(1, PartAnalysis{SceneDetector(options.scenes), {}, {}});
    auto analyse = [&](PartAnalysis& part, qint64 i, const cv::Mat& bgr) {
        const bool sample = options.sampleFrames && i % every == 0;
        part.small.assign(bgr, options.scenes.analysisWidth, sample);
        part.detector.addFrame(part.small);
        if (sample) part.samples.push_back(measure(i, part.small));
        return true;
    };

    const QString what = QStringLiteral("Detecting scenes in %1").arg(QFileInfo(path).fileName());
    const WorkControl inner = control.reportingAs(what);
    // Without a cached index, the indexing pass is the analysis pass (one decoder: it must see
    // every frame in order to index it).
    // Frames come from the decoder already reduced (libswscale's area average): to the analysis
    // size, or to twice it when keyframe candidates need their detail level (AnalysisFrame
    // halves it once more), so no frame is converted at full size.
    const FrameFormat reduced = analysisFormat(options.scenes.analysisWidth, options.sampleFrames);
    VideoOpenOptions open = openOptions;
    open.sinkOnlyWhileIndexing = true;
    open.sinkFormat = reduced;
    auto opened = VideoSource::open(path, open, inner,
                                    [&](qint64 i, const cv::Mat& bgr) { return analyse(parts[0], i, bgr); });
    if (!opened) return opened.status();
    VideoSource& source = **opened;

    VideoAnalysis out;
    if (source.indexWasCached()) {
        const std::vector<FrameRange> ranges = planParts(source,
                                                         options.parts > 0 ? options.parts : defaultPartCount());
        while (parts.size() < ranges.size()) parts.push_back(PartAnalysis{SceneDetector(options.scenes), {}, {}});
        const Status read = readInParts(
            source, ranges, [&](size_t p, qint64 i, const cv::Mat& bgr) { return analyse(parts[p], i, bgr); }, control,
            what, reduced);
        if (!read) return read;
        for (size_t p = 1; p < parts.size(); ++p) {
            parts[0].detector.append(parts[p].detector);
            parts[0].samples.insert(parts[0].samples.end(), parts[p].samples.begin(), parts[p].samples.end());
        }
        out.parts = int(ranges.size());
    }

    out.info = source.info();
    out.frameTimesMs.reserve(size_t(out.info.frameCount));
    for (qint64 i = 0; i < out.info.frameCount; ++i) out.frameTimesMs.push_back(source.index().timestampMs(i));
    out.scenes = parts[0].detector.finish();
    out.samples = std::move(parts[0].samples);
    out.seconds = double(timer.nsecsElapsed()) / 1e9;
    control.report(out.info.frameCount, out.info.frameCount, what);
    return out;
}

Result<FrameSample> measureFrame(VideoSource& source, qint64 frame, int analysisWidth)
{
    auto image = source.frame(frame, analysisFormat(analysisWidth, true));
    if (!image) return image.status();
    AnalysisFrame small;
    small.assign(*image, analysisWidth);
    return measure(frame, small);
}

Status addMissingSamples(VideoSource& source, const std::vector<FrameSegment>& segments,
                         std::vector<FrameSample>& samples, int analysisWidth)
{
    auto byFrame = [](const FrameSample& s, qint64 f) { return s.frame < f; };
    for (const FrameSegment& seg : segments) {
        if (seg.end <= seg.start) continue;
        auto it = std::lower_bound(samples.begin(), samples.end(), seg.start, byFrame);
        if (it != samples.end() && it->frame < seg.end) continue;
        auto sample = measureFrame(source, seg.start + (seg.end - seg.start) / 2, analysisWidth);
        if (!sample) return sample.status();
        samples.insert(std::lower_bound(samples.begin(), samples.end(), sample->frame, byFrame),
                       std::move(sample).value());
    }
    return Status::success();
}

} // namespace fl
