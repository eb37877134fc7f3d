#pragma once
// Keyframes out of FragmentLab: image files (PNG or JPEG) and a CSV table.
//
// CSV header: video,frame,timecode,scene,score,class,time_s,file
//   video    the video's file name; frame: 0-based decode-order frame number
//   timecode SMPTE timecode at the video's nominal rate (Timecode.h)
//   scene    1-based number of the scene holding the frame (empty without scenes)
//   score    the selection score (docs/KEYFRAMES.md; empty for keyframes added by hand)
//   class    the class the keyframe was picked for (empty for per-scene keyframes)
//   time_s   presentation time in seconds; file: the image file name (empty if none written)
#include "Cancellation.h"
#include "Result.h"
#include "analysis/KeyframeSet.h"
#include "analysis/SceneDetection.h"
#include "analysis/Timecode.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <vector>

namespace fl {

class VideoSource;

enum class KeyframeImageFormat { Png, Jpeg };

// "<baseName>_f000123.png" / ".jpg".
QString keyframeImageName(const QString& baseName, qint64 frame, KeyframeImageFormat format);

// Decodes every keyframe through `source` and writes it into `dir` (made if needed) as
// keyframeImageName(baseName, ...), each through QSaveFile. Progress:
// report(done, count, "Writing keyframes of <video>"); cancel checked between images (files
// already written stay, none is half-written). Returns the paths written.
Result<QStringList> writeKeyframeImages(VideoSource& source, const KeyframeSet& keyframes, const QString& dir,
                                        const QString& baseName, KeyframeImageFormat format,
                                        const WorkControl& control = {});

// The keyframes of one video, with what the CSV needs to describe them.
struct KeyframeTable {
    QString video; // file name
    TimecodeFormat timecode;
    std::vector<double> frameTimesMs; // per frame (may be empty: time_s left empty)
    std::vector<FrameSegment> scenes; // for the scene column (may be empty)
    QString className;                // the class keyframes were picked for (empty: per scene)
    KeyframeSet keyframes;
    QString imageBaseName; // for the file column; empty: no images written
    KeyframeImageFormat imageFormat = KeyframeImageFormat::Png;
};

QByteArray keyframeCsv(const std::vector<KeyframeTable>& videos);
Status writeKeyframeCsv(const QString& file, const std::vector<KeyframeTable>& videos);

} // namespace fl
