#pragma once
// Reading a whole video in parts at once: one decoder per part, each on its own thread.
// One H.264 decoder keeps only about 1.4 of 2 cores busy (its frame threads wait on each
// other's reference frames); independent parts keep every core busy. Parts start where a fresh
// decoder starts cheaply (VideoSource::cheapStarts(): keyframes, where a seek lands).
#include "Cancellation.h"
#include "Result.h"
#include "video/VideoSource.h"

#include <opencv2/core/mat.hpp>

#include <functional>
#include <vector>

namespace fl {

struct FrameRange {
    qint64 first = 0;
    qint64 last = 0; // exclusive
    qint64 size() const { return last - first; }
};

// How many parts to read at once on this machine: one more than the cores (a part's decoder
// waiting on itself leaves room for another), at most 8; 1 on a single core.
int defaultPartCount();

// Splits [0, frameCount) into at most `parts` ranges as equal as cheap starts allow, none
// shorter than `minFrames`. One range (the whole video) when it cannot be split.
std::vector<FrameRange> planParts(const VideoSource& source, int parts, qint64 minFrames = 48);

// Receives part `part`'s frames: index i, the frame in the asked FrameFormat (BGR 8UC3 full size
// unless asked otherwise; valid only during the call). Called on the
// part's own thread, frames of one part in order, parts concurrently. Return false to stop all.
using PartSink = std::function<bool(size_t part, qint64 i, const cv::Mat& bgr)>;

// Reads every range, each through a duplicate of `source` with a single-threaded decoder (one
// range: through `source` itself), all on threads of their own; returns when all ended. Progress: report(frames read,
// frames in all ranges, what) from the calling thread every 16 frames or 50 ms; a cancel is seen by every part before
// its next frame. Returns the first failure ("<file>: decoding failed at frame N", "<file>: cancelled",
// ...).
Status readInParts(VideoSource& source, const std::vector<FrameRange>& ranges, const PartSink& sink,
                   const WorkControl& control = {}, const QString& what = {}, const FrameFormat& format = {});

} // namespace fl
