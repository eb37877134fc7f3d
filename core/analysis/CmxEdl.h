#pragma once
// CMX 3600 edit decision lists, the plain-text EDL every editor imports (DaVinci Resolve,
// Premiere Pro, Avid, Final Cut via converters, OpenTimelineIO).
//
//   TITLE: testvideo scenes
//   FCM: DROP FRAME
//
//   001  AX       V     C        00:00:00;00 00:00:00;15 01:00:00;00 01:00:00;15
//   * FROM CLIP NAME: testvideo.mp4
//   * COMMENT: scene 1
//
// One cut (C) event per segment on the video track (V), events numbered from 001, reel
// "AX" (an auxiliary source identified by the FROM CLIP NAME comment, as Resolve and
// Premiere write file-based EDLs). Source in/out are the segment's first frame and one past
// its last frame (out points are exclusive in CMX 3600); record in/out lay the events end
// to end from recordStart (default 01:00:00:00). Timecodes follow TimecodeFormat (drop-frame
// with ';' and "FCM: DROP FRAME" for 29.97 and 59.94 fps).
#include "Result.h"
#include "analysis/SceneDetection.h"
#include "analysis/Timecode.h"

#include <QByteArray>
#include <QString>

#include <optional>
#include <vector>

namespace fl {

struct EdlEvent {
    QString clipName; // the source file's name
    QString reel = QStringLiteral("AX");
    qint64 sourceIn = 0;  // first frame
    qint64 sourceOut = 0; // one past the last frame
    QString comment;      // e.g. "scene 3" or a class name (optional)
};

struct EdlOptions {
    QString title;
    TimecodeFormat format;
    std::optional<qint64> recordStart; // frames; nothing: 01:00:00:00 in `format`
};

// Events for the segments of one clip (empty segments are skipped).
std::vector<EdlEvent> edlEvents(const QString& clipName, const std::vector<FrameSegment>& segments);

// Fails (naming nothing but the problem) on an event with out <= in or a bad reel name
// (1 to 8 characters of A-Z, a-z, 0-9, '_').
Result<QByteArray> cmxEdl(const std::vector<EdlEvent>& events, const EdlOptions& options);
// Atomic write; errors name the file.
Status writeCmxEdl(const QString& file, const std::vector<EdlEvent>& events, const EdlOptions& options);

} // namespace fl
