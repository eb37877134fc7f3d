#pragma once
// Frame-exact access to one video through FFmpeg's libraries (libavformat, libavcodec,
// libswscale) directly. One VideoSource per thread: it owns a decoder and is not thread-safe.
#include "Cancellation.h"
#include "Result.h"
#include "video/FrameIndex.h"
#include "video/VideoInfo.h"

#include <opencv2/core/mat.hpp>

#include <QString>
#include <QStringList>

#include <functional>
#include <memory>
#include <vector>

namespace fl {

// The form frames are handed out in, converted once from the decoder's own pixel format by
// libswscale (no full-size intermediate when a smaller size is asked for).
struct FrameFormat {
    enum class Pixels {
        Bgr,  // 8UC3, B G R
        Rgb,  // 8UC3, R G B
        Gray, // 8UC1, the luma (Y) plane as decoded, scaled when a size is asked for
    };
    Pixels pixels = Pixels::Bgr;
    // Size of the delivered frame (rotation applied); 0 x 0: the video's own size. Shrinking
    // averages the source pixels (libswscale's area filter).
    int width = 0;
    int height = 0;
    // > 0: instead of width x height, the video's size halved (by powers of two) until at most
    // this wide, as analysis reduces frames (1280x720 with 320: 320x180; 640x272: 320x136).
    int halvedToWidth = 0;
    // Shrinking: Fast averages luma at full resolution and chroma at its own; Accurate first
    // interpolates chroma to full resolution and rounds exactly (saturated colour edges come
    // out like a box average of the full-size frame; ~4x the cost at 320 px wide, none at 64).
    enum class Scaling { Fast, Accurate };
    Scaling scaling = Scaling::Fast;
    bool operator==(const FrameFormat&) const = default;
};

struct VideoOpenOptions {
    // Folder for the index file (<dir>/<content-hash>.flidx). Empty: the per-user cache
    // folder (QStandardPaths::CacheLocation + "/index").
    QString indexCacheDir;
    bool useIndexCache = true; // false: always re-index, write nothing
    // true: open() hands frames to its sink only while it builds the index; with a cached
    // index it returns at once and the caller reads (e.g. in parts, see readInParts()).
    bool sinkOnlyWhileIndexing = false;
    // The form open()'s sink receives frames in.
    FrameFormat sinkFormat;
    // Decoder threads (frame and slice threading): 0 = one per core, at most 16.
    int decoderThreads = 0;
    // Hardware decoding: "" = the process default (setDefaultHardwareDecoding(), "none" unless
    // changed), "none", "auto" (the first device that opens of those FFmpeg offers), or a device
    // type FFmpeg names ("vaapi", "vdpau", "cuda", ...). A device that cannot be opened falls
    // back to software decoding with one line in the log; frames and index are the same.
    QString hardwareDecoding;
};

// Receives frames during a sequential pass: index i, the frame in the asked FrameFormat (BGR
// 8UC3 full size unless asked otherwise; rotation applied; valid only during the call). Return
// false to stop early (treated as a cancel).
using FrameSink = std::function<bool(qint64 i, const cv::Mat& frame)>;

class VideoSource {
public:
    ~VideoSource();
    VideoSource(const VideoSource&) = delete;
    VideoSource& operator=(const VideoSource&) = delete;

    // Opens `path`, loading its cached index or building one in a single decoding pass (the
    // index is read off the packets and frames of that pass: times, keyframes, byte positions).
    // When `sink` is set, every frame is also handed to it once, in order (in the same pass
    // when indexing; by a sequential read when the index was cached), in options.sinkFormat.
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
    // The hardware device type the decoder runs on ("vaapi", ...); empty for software decoding
    // (asked for none, or the device could not be opened).
    QString hardwareDecoder() const;

    // Exactly the i-th decoded frame (BGR 8UC3 unless asked otherwise, rotation applied, owns
    // its pixels: a fresh copy on every call, so the caller may write into it).
    // Sequential calls are fast (decode forward); random ones seek to the keyframe at or before
    // i and identify every frame decoded after the seek by its timestamp. Asking for the same i
    // again costs a conversion, no decoding. When the index says the timestamps are
    // unreliable, a backward step decodes forward from the start (slow, exact).
    // Out of range: a failure naming the file and the valid range.
    Result<cv::Mat> frame(qint64 i, const FrameFormat& format = {});

    // Decodes frames [first, last) in order, handing each to sink (fast sequential path).
    // Progress: report(done, last - first, "Reading <file name>") every 16 frames. A cancel or a
    // sink returning false ends it with the failure "<file>: cancelled".
    Status readRange(qint64 first, qint64 last, const FrameSink& sink, const WorkControl& control = {},
                     const FrameFormat& format = {});

    // Another decoder over the same file and index, for reading on another thread (no
    // re-indexing, no hashing). Fails like a reopen when the file went away. It and
    // cheapStarts() only read the index and info, which reading never changes: another thread
    // may call them while this source decodes. `decoderThreads` < 0: as this source.
    Result<std::unique_ptr<VideoSource>> duplicate(int decoderThreads = -1) const;

    // Frames where a sequential read on a fresh decoder starts with the least decoding before
    // it (the keyframes, where a seek lands), ascending, excluding 0 and the frames near the
    // end that a seek cannot identify. Empty when timestamps are unreliable.
    std::vector<qint64> cheapStarts() const;

    // The per-user index folder used when VideoOpenOptions::indexCacheDir is empty
    // (QStandardPaths::CacheLocation + "/index"); empty when there is none.
    static QString defaultIndexCacheDir();

    // Hardware decoding for opens that do not say (VideoOpenOptions::hardwareDecoding empty):
    // the GUI's setting and the CLI's --hwdec set it. Thread-safe.
    static void setDefaultHardwareDecoding(const QString& type);
    static QString defaultHardwareDecoding();
    // The device types this FFmpeg build knows ("cuda", "vaapi", "vdpau", ...); whether one
    // works on this machine shows only when a device is opened.
    static QStringList hardwareDecoderTypes();

private:
    VideoSource();
    struct Impl;
    std::unique_ptr<Impl> d;
};

} // namespace fl
