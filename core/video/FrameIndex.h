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

    qint64 frameCount() const { return static_cast<qint64>(m_ptsMs.size()); }
    bool empty() const { return m_ptsMs.empty(); }

    // Presentation time of frame i in ms from the stream start (frame 0 ~ 0).
    double timestampMs(qint64 i) const;
    // True when the time of frame i was extrapolated (the decoder gave none).
    bool timestampEstimated(qint64 i) const;
    bool isKeyframe(qint64 i) const;
    std::vector<qint64> keyframes() const;
    qint64 keyframeAtOrBefore(qint64 i) const;

    // The frame shown at time ms: the last frame whose time is <= ms (clamped to [0, n-1]).
    qint64 frameAtTime(double ms) const;
    // Identifies a decoded frame from the time the decoder reported for it: the frame whose
    // (non-estimated) time is within half a frame interval of ms, if any.
    std::optional<qint64> matchTimestamp(double ms) const;

    // Times strictly increase over all non-estimated frames.
    bool timestampsReliable() const;
    double durationMs() const;         // last time + last frame interval
    double averageFps() const;
    bool isVariableFrameRate() const;  // frame intervals differ by more than 1% + 0.5 ms

    // Persistence. The file records the video's fingerprint and metadata; load() refuses a
    // file written for other content (the caller then re-indexes).
    Status save(const QString& file, const FileFingerprint& fingerprint, const VideoInfo& info) const;
    struct Loaded;
    static Result<Loaded> load(const QString& file, const FileFingerprint& expected);

private:
    std::vector<double> m_ptsMs;
    std::vector<bool> m_keyframe;
    std::vector<bool> m_estimated;
};

struct FrameIndex::Loaded {
    FrameIndex index;
    VideoInfo info;
};

} // namespace fl
