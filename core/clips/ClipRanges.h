#pragma once
// What to cut into clips (docs/EXPORTS.md, "Clips"): frame ranges [first, last) with the base
// name of each clip's file, made from the scenes (PySceneDetect's split-video names:
// VIDEONAME-Scene-001), a class's predicted bouts (VIDEONAME-CLASS-001) or a CSV of ranges.
#include "Result.h"
#include "analysis/PredictionSmoothing.h"
#include "analysis/SceneDetection.h"
#include "analysis/VideoPredictions.h"

#include <QByteArray>
#include <QString>

#include <vector>

namespace fl {

struct ClipRange {
    qint64 first = 0; // first frame (VideoSource's 0-based decode order)
    qint64 last = 0;  // one past the last frame
    QString name;     // file base name, without folder or suffix (empty: the exporter numbers it)
    qint64 length() const { return last - first; }
    bool operator==(const ClipRange&) const = default;
};

// A file base name from free text: path separators, control characters and characters that
// Windows refuses become '_', surrounding dots and spaces are dropped; never empty ("clip").
QString clipFileBaseName(const QString& text);

// One clip per segment, named "<tag prefix>-NNN" with at least three digits (more when there
// are 1000 or more segments), numbered from 1: sceneClips(scenes, "a.mp4") gives a-Scene-001...
std::vector<ClipRange> numberedClips(const std::vector<FrameSegment>& segments, const QString& prefix);
std::vector<ClipRange> sceneClips(const std::vector<FrameSegment>& scenes, const QString& videoFileName);

// The bouts of class `cls` as the views show them: runs of consecutive fragments whose
// decided class after `decisions` (smoothedClasses: thresholds, minimum bout) is cls, as frame
// ranges [first fragment's first frame, last fragment's end frame), labelled with the class
// name. A gap in the fragments' frame coverage (stride > span) splits a run, as in
// predictedSegments().
std::vector<FrameSegment> boutSegments(const VideoPredictions& predictions, const SmoothingOptions& decisions, int cls);
// The same as clips named "<video base name>-<class>-NNN".
std::vector<ClipRange> boutClips(const VideoPredictions& predictions, const SmoothingOptions& decisions, int cls,
                                 const QString& videoFileName);

// A CSV of ranges, one per line: first,last[,name] (frame numbers, 0-based, last exclusive;
// name optional, a file base name). A first line whose first field is not a number is a header.
// Blank lines are skipped. Errors name `file` and the line: not a number, negative, last not
// after first, too many fields, a name used twice, no ranges at all. Rows without a name get
// "<prefix>-NNN" (numbered by row, from 1); `prefix` empty: "Clip".
Result<std::vector<ClipRange>> parseClipRangesCsv(const QByteArray& bytes, const QString& file,
                                                  const QString& prefix = {});

// Checks ranges against a video of `frameCount` frames: first >= 0, last > first,
// last <= frameCount, distinct names. Fails with one line naming `video` and the range.
Status validateClipRanges(const std::vector<ClipRange>& ranges, qint64 frameCount, const QString& video);

} // namespace fl
