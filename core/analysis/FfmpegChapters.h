#pragma once
// FFmpeg chapter metadata (the FFMETADATA1 text format), e.g. to put scenes into a file as
// chapters:  ffmpeg -i video.mp4 -i chapters.txt -map_metadata 1 -codec copy out.mp4
//
//   ;FFMETADATA1
//   title=testvideo scenes
//
//   [CHAPTER]
//   TIMEBASE=1/1000000
//   START=0
//   END=1001000
//   title=scene 1
//
// Times are in microseconds from the first frame: a chapter starts at its first frame's
// presentation time (rounded up to the microsecond, so seeking to it never lands on the frame
// before) and ends where the next one starts (the last at the video's duration).
// '=', ';', '#', '\' and line breaks in titles are escaped with '\' as the format requires.
#include "Result.h"
#include "analysis/SceneDetection.h"

#include <QByteArray>
#include <QString>

#include <vector>

namespace fl {

struct Chapter {
    qint64 startUs = 0;
    qint64 endUs = 0; // exclusive; > startUs
    QString title;
};

// Chapters for segments of one video, from its frame times (ms per frame, as FrameIndex
// gives them) and duration (ms). Segments must be ascending and inside the video.
std::vector<Chapter> chaptersFor(const std::vector<FrameSegment>& segments, const std::vector<double>& frameTimesMs,
                                 double durationMs);

QByteArray ffmpegChapters(const std::vector<Chapter>& chapters, const QString& title = {});
// Atomic write; errors name the file. Fails on a chapter that does not end after it starts.
Status writeFfmpegChapters(const QString& file, const std::vector<Chapter>& chapters, const QString& title = {});

} // namespace fl
