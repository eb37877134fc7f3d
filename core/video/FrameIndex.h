#pragma once
// One entry per decoded frame (0-based, in the order the decoder outputs frames, which is
// the order `ffmpeg -vf select=eq(n\,I)` counts): its presentation time and keyframe flag.
// Built by one decoding pass (VideoSource), saved next to the project or in a cache folder,
// reloaded when the file's fingerprint still matches.
#include "Result.h"
#include "video/FileFingerprint.h"
#include "video/VideoInfo.h"

#include <QString>

#include <optional>
#include <vector>

namespace fl {

class FrameIndex {
public:
    FrameIndex() = default;
    FrameIndex(std::vector<double> ptsMs, std::vector<bool> keyframes, std::vector<bool> estimated);

    // Builds the index from the times the decoder reported for each frame in output order
    // (its best-effort timestamp, in ms from the stream's start time). The last frames of streams with decoder delay
    // are drained at end of file without a usable time (0, or a repeat of an earlier time): a run at the end (at most
    // 64 frames) that never increases is marked estimated and extrapolated by the median frame interval. Non-increasing
    // times anywhere else leave the index unreliable (timestampsReliable() == false). `keyframes` may be shorter than
    // the frame count (missing entries are false); frame 0 is always marked as a keyframe. `nominalFps` (0 = unknown)
    // gives the frame interval of one-frame videos. `bytePositions` (optional, -1 = unknown): where each frame's packet
    // starts in the file.
    static FrameIndex fromDecoderTimes(std::vector<double> decoderMs, std::vector<bool> keyframes, double nominalFps,
                                       std::vector<qint64> bytePositions = {});

    qint64 frameCount() const { return static_cast<qint64>(m_ptsMs.size()); }
    bool empty() const { return m_ptsMs.empty(); }

    // Presentation time of frame i in ms from the stream start (frame 0 ~ 0). 0 when i is out of range.
    double timestampMs(qint64 i) const;
    // True when the time of frame i was extrapolated (the decoder gave none).
    bool timestampEstimated(qint64 i) const;
    // Number of estimated frames at the end (the decoder drained them without a time).
    qint64 estimatedTailLength() const { return m_estimatedTail; }
    bool isKeyframe(qint64 i) const;
    // Byte offset in the file of the packet frame i was decoded from; -1 when unknown.
    qint64 bytePosition(qint64 i) const;
    std::vector<qint64> keyframes() const;
    qint64 keyframeAtOrBefore(qint64 i) const;

    // The frame shown at time ms: the last frame whose time is <= ms (clamped to [0, n-1]).
    qint64 frameAtTime(double ms) const;
    // Identifies a decoded frame from the time the decoder reported for it: the frame whose
    // (non-estimated) time is within half a frame interval of ms, if any.
    std::optional<qint64> matchTimestamp(double ms) const;

    // Times strictly increase over all non-estimated frames.
    bool timestampsReliable() const;
    double durationMs() const; // last time + last frame interval
    double averageFps() const;
    // Some frame interval differs from the mean interval by more than 1% + 1 ms (times are
    // often stored in whole milliseconds, so a constant-rate file shows intervals +-1 ms apart).
    bool isVariableFrameRate() const;
    double medianIntervalMs() const; // median of the intervals between non-estimated frames

    // Persistence. The file records the video's fingerprint and metadata; load() refuses a
    // file written for other content (the caller then re-indexes).
    Status save(const QString& file, const FileFingerprint& fingerprint, const VideoInfo& info) const;
    struct Loaded;
    static Result<Loaded> load(const QString& file, const FileFingerprint& expected);

private:
    void finish();

    std::vector<double> m_ptsMs;
    std::vector<bool> m_keyframe;
    std::vector<bool> m_estimated;
    std::vector<qint64> m_bytePos; // -1: unknown
    // Derived in finish():
    std::vector<qint64> m_keyList; // sorted keyframe indices
    qint64 m_estimatedTail = 0;
    bool m_reliable = true;
    bool m_monotonic = true; // all times (estimated included) strictly increase
    double m_medianIntervalMs = 0;
    double m_fallbackIntervalMs = 0; // 1000 / nominal fps, for one-frame videos
};

struct FrameIndex::Loaded {
    FrameIndex index;
    VideoInfo info;              // path is left empty: the caller knows where the video is now
    FileFingerprint fingerprint; // as stored (its modifiedMs may differ from the file's now)
};

} // namespace fl
