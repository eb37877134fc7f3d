#pragma once
// Frame-exact access to one video through OpenCV's FFmpeg back end.
// One VideoSource per thread: it owns a decoder and is not thread-safe.
#include "Cancellation.h"
#include "Result.h"
#include "video/FrameIndex.h"
#include "video/VideoInfo.h"

#include <opencv2/core/mat.hpp>

#include <QString>

#include <functional>
#include <memory>
#include <vector>

namespace fl {

struct VideoOpenOptions {
    // Folder for the index file (<dir>/<content-hash>.flidx). Empty: the per-user cache
    // folder (QStandardPaths::CacheLocation + "/index").
    QString indexCacheDir;
    bool useIndexCache = true; // false: always re-index, write nothing
    // true: open() hands frames to its sink only while it builds the index; with a cached
    // index it returns at once and the caller reads (e.g. in parts, see readInParts()).
    bool sinkOnlyWhileIndexing = false;
};

// Receives frames during a sequential pass: index i, BGR 8UC3 frame (rotation applied;
// valid only during the call). Return false to stop early (treated as a cancel).
using FrameSink = std::function<bool(qint64 i, const cv::Mat& bgr)>;

class VideoSource {
public:
    ~VideoSource();
    VideoSource(const VideoSource&) = delete;
    VideoSource& operator=(const VideoSource&) = delete;

    // Opens `path`, loading its cached index or building one in a single decoding pass.
    // When `sink` is set, every frame is also handed to it once, in order (in the same pass
    // when indexing; by a sequential read when the index was cached).
    // Fails with one line naming the file and the problem: missing, a directory, empty,
    // not a video, no video stream, truncated / decoding stopped early, cancelled.
    // Indexing reports progress as report(done, declared frame count, "Indexing <file name>")
    // every 16 frames and checks the cancel flag every frame; a cancelled open writes no index.
    // A cached index is used only while the file's size, content hash and mtime match.
    static Result<std::unique_ptr<VideoSource>> open(const QString& path, const VideoOpenOptions& options = {},
                                                     const WorkControl& control = {}, const FrameSink& sink = {});

    const VideoInfo& info() const;
    const FrameIndex& index() const;
    QString indexFile() const;   // where the index lives (empty when not cached)
    bool indexWasCached() const; // true when open() reused a cached index

    // Exactly the i-th decoded frame (BGR 8UC3, rotation applied, owns its pixels: a fresh
    // copy on every call, so the caller may write into it).
    // Sequential calls are fast (decode forward); random ones seek to a keyframe before i
    // and verify the landing frame by its timestamp, never trusting CAP_PROP_POS_FRAMES.
    // Asking for the same i again costs a copy, no decoding. When the index says the
    // timestamps are unreliable, a backward step decodes forward from the start (slow, exact).
    // Out of range: a failure naming the file and the valid range.
    Result<cv::Mat> frame(qint64 i);

    // Decodes frames [first, last) in order, handing each to sink (fast sequential path).
    // Progress: report(done, last - first, "Reading <file name>") every 16 frames. A cancel or a
    // sink returning false ends it with the failure "<file>: cancelled".
    Status readRange(qint64 first, qint64 last, const FrameSink& sink, const WorkControl& control = {});

    // Another decoder over the same file and index, for reading on another thread (no
    // re-indexing, no hashing). Fails like a reopen when the file went away. It and
    // cheapStarts() only read the index and info, which reading never changes: another thread
    // may call them while this source decodes.
    Result<std::unique_ptr<VideoSource>> duplicate() const;

    // Frames where a sequential read on a fresh decoder starts with the least decoding before
    // it (just past each keyframe, where OpenCV's seek lands), ascending, excluding 0 and the
    // frames near the end that a seek cannot identify. Empty when timestamps are unreliable.
    std::vector<qint64> cheapStarts() const;

    // The per-user index folder used when VideoOpenOptions::indexCacheDir is empty
    // (QStandardPaths::CacheLocation + "/index"); empty when there is none.
    static QString defaultIndexCacheDir();

private:
    VideoSource();
    struct Impl;
    std::unique_ptr<Impl> d;
};

} // namespace fl
