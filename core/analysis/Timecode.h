#pragma once
// SMPTE timecode (HH:MM:SS:FF) for frame numbers, as video editors expect it.
//
// The timecode base is the nominal integer rate: 24 for 23.976, 30 for 29.97, 60 for 59.94.
// 29.97 and 59.94 fps default to drop-frame counting (SMPTE 12M): frame labels ;00 and ;01
// (;00-;03 at 59.94) are skipped at the start of every minute except minutes 0, 10, 20, ...,
// so the timecode stays within 3.6 ms per hour of wall-clock time. Drop-frame timecodes
// are written with ';' before the frames field ("00:01:00;02"), non-drop with ':'.
// Frame numbers map to timecodes at the nominal rate: frame n is the n-th frame of a
// constant-rate stream starting at 00:00:00:00 (plus `start`).
#include <QString>

#include <optional>

namespace fl {

struct TimecodeFormat {
    int base = 25;          // frames per timecode second (nominal integer rate)
    bool dropFrame = false; // only for base 30 and 60 (29.97 / 59.94 fps)

    // The usual format for a frame rate: 29.97 / 59.94 (±0.1%) -> base 30 / 60 drop-frame
    // (non-drop when preferDropFrame is false), 23.976 -> 24 non-drop, otherwise the rate
    // rounded to an integer (at least 1), non-drop.
    static TimecodeFormat forRate(double fps, bool preferDropFrame = true);
    // Frame labels skipped per minute: 2 (base 30 DF), 4 (base 60 DF), else 0.
    int droppedPerMinute() const;

    // "HH:MM:SS:FF" (or "HH:MM:SS;FF" drop-frame) of frame `frame` (>= 0). Hours wrap at 24.
    QString format(qint64 frame) const;
    // The frame number a timecode names; nothing when malformed, out of range for this
    // base, or a label drop-frame skips. Accepts ':' ';' '.' ',' before the frames field.
    std::optional<qint64> parse(const QString& timecode) const;

    bool operator==(const TimecodeFormat&) const = default;
};

} // namespace fl
