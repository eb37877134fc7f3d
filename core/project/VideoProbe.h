#pragma once
// Adding a video to a project: the one frame-rate rule (projectFrameRate) and the probe that
// indexes a new file and takes what Project::addVideo needs (frame count, rate, fingerprint).
// The GUI's "Add Videos" job, `fragmentlab-cli project add`, the CLI's scratch projects and
// the benchmarks all go through these, so a video gets the same rate whichever way it came in.
#include "Cancellation.h"
#include "Result.h"
#include "video/FileFingerprint.h"
#include "video/VideoInfo.h"

#include <QString>
#include <QStringList>

#include <vector>

namespace fl {

// The rate a project stores for a video: the index's average rate (frame count / duration),
// else the stream's declared (nominal) rate, else 25. A rate counts only when finite and > 0.
double projectFrameRate(const VideoInfo& info);
inline constexpr double kFallbackFrameRate = 25.0;

// What Project::addVideo takes (the same fields as ProjectDocument::NewVideo).
struct ProbedVideo {
    QString path;          // absolute
    qint64 frameCount = 0; // counted by the frame index
    double fps = 0;        // projectFrameRate()
    FileFingerprint fingerprint;
};

// Opens `path` (building or reusing its frame index in `indexCacheDir`; empty: the per-user
// folder) and fingerprints it. Fails with VideoSource::open's or FileFingerprint's one-line
// message. `control` is handed to the open unchanged (progress "Indexing <file name>").
Result<ProbedVideo> probeNewVideo(const QString& path, const QString& indexCacheDir, const WorkControl& control = {});

struct ProbedVideos {
    std::vector<ProbedVideo> videos; // in the order given, the files that opened
    QStringList problems;            // one line per file that did not
};

// probeNewVideo over `paths`, reporting each file's progress as "Indexing NAME (i of n)".
// A file that fails adds its message to `problems` and the rest go on; a cancel (checked
// before each file and after a failed open) fails the whole call with "cancelled".
// Nothing is checked against a project here: Project::addVideo refuses duplicates.
Result<ProbedVideos> probeNewVideos(const QStringList& paths, const QString& indexCacheDir,
                                    const WorkControl& control = {});

} // namespace fl
