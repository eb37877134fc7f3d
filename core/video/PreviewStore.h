#pragma once
// Scrub previews: every frame of a video, scaled down and JPEG-compressed, in one file. A
// random seek can then show the exact frame (at preview size) in a few milliseconds, while
// the full-resolution decode, which may have to decode hundreds of frames forward from the
// previous keyframe on long-GOP files, runs in the background. Video editors call this a
// proxy; it is what keeps scrubbing a timeline smooth.
//
// File: <cacheDir>/preview/<content-hash>_<H>p.flpreview — a 128-byte header (magic, version,
// size, quality, frame count, table offset, the video's content hash), the JPEG images back
// to back, then a table of frameCount + 1 offsets. Written through QSaveFile: a cancelled or
// killed build leaves nothing that could be taken as complete.
#include "Cancellation.h"
#include "Result.h"
#include "video/VideoSource.h"

#include <opencv2/core/mat.hpp>

#include <QString>

#include <memory>

namespace fl {

struct PreviewOptions {
    int maxHeight = 360; // frames are scaled to at most this height (never up)
    int quality = 80;    // JPEG quality 1..100
};

class PreviewStore {
public:
    PreviewStore() = default;

    static QString fileFor(const QString& cacheDir, const QString& contentHash, int maxHeight);

    // Opens the preview of `videoPath`, building it first when missing or stale (one
    // sequential decode pass; reports "Building preview of <file>"; cancellable).
    static Result<PreviewStore> ensure(const QString& videoPath, const QString& cacheDir,
                                       const PreviewOptions& options = {}, const VideoOpenOptions& openOptions = {},
                                       const WorkControl& control = {});
    // Opens an existing, complete preview file; fails (naming the file) when it is damaged.
    static Result<PreviewStore> open(const QString& file);

    bool isValid() const { return m_map != nullptr; }
    QString file() const;
    qint64 frameCount() const { return m_frameCount; }
    int width() const { return m_width; }
    int height() const { return m_height; }
    QString contentHash() const { return m_hash; }

    // Frame i, decoded (BGR 8UC3, owns its pixels). Safe to call from several threads.
    Result<cv::Mat> frame(qint64 i) const;

private:
    struct Mapping;
    std::shared_ptr<Mapping> m_map;
    qint64 m_frameCount = 0;
    int m_width = 0;
    int m_height = 0;
    QString m_hash;
};

} // namespace fl
