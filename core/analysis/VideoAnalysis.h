#pragma once
// One decoding pass over a video that detects scene cuts and measures keyframe candidates
// (sharpness, colour descriptor) every few frames. A video whose index is cached is read in
// parts by several decoders at once (PartedRead.h); the result is the same as in one pass.
#include "Cancellation.h"
#include "Result.h"
#include "analysis/FrameSample.h"
#include "analysis/SceneDetection.h"
#include "video/PartedRead.h"
#include "video/VideoInfo.h"
#include "video/VideoSource.h"

#include <vector>

namespace fl {

struct VideoAnalysisOptions {
    SceneDetectorOptions scenes;
    bool sampleFrames = true; // measure keyframe candidates
    // Frames between candidates (capped at scenes.minSceneLength, so every scene at least
    // that long holds one).
    int sampleEvery = 5;
    // Decoders reading parts of the video at once when its index is cached (PartedRead.h):
    // 0 = defaultPartCount(), 1 = one sequential pass. The result does not depend on it.
    int parts = 0;

    Status validate() const;
};

struct VideoAnalysis {
    VideoInfo info;
    std::vector<double> frameTimesMs; // presentation time of every frame (from the index)
    SceneDetection scenes;
    std::vector<FrameSample> samples; // ascending by frame
    double seconds = 0;               // wall time of the pass
    int parts = 1;                    // decoders that read it (1: one sequential pass)

    double framesPerSecond() const { return seconds > 0 ? double(info.frameCount) / seconds : 0; }
};

// Opens `path` (using or building its frame index) and runs the pass. Progress:
// report(done, frames, "Detecting scenes in <file>"); a cancel ends it with "<file>: cancelled".
Result<VideoAnalysis> analyzeVideo(const QString& path, const VideoAnalysisOptions& options,
                                   const VideoOpenOptions& openOptions = {}, const WorkControl& control = {});

// Measures one frame as a keyframe candidate (random access through `source`).
Result<FrameSample> measureFrame(VideoSource& source, qint64 frame, int analysisWidth);

// Gives every segment without a sample one: its middle frame, measured through `source`
// (segments shorter than the sampling interval, e.g. a short last scene). Keeps `samples`
// sorted by frame.
Status addMissingSamples(VideoSource& source, const std::vector<FrameSegment>& segments,
                         std::vector<FrameSample>& samples, int analysisWidth);

} // namespace fl
