#pragma once
// Decodes full-resolution frames for display on its own thread, which owns the VideoSource
// (one decoder per thread). The GUI asks and never waits:
//  - requestFrame(i): decode i next; a newer request replaces an older one not yet started.
//  - setReadAhead(first, end): when idle, decode [first, end) in order (sequential decoding
//    is cheap; it keeps playback and frame stepping ahead of the user).
// Results come back on the GUI thread by signal, as QImages that own their pixels (RGB32,
// ready to paint). Results of a video that was replaced by openVideo() are dropped.
#include "video/FrameIndex.h"
#include "video/VideoInfo.h"

#include <QImage>
#include <QObject>
#include <QString>

#include <memory>

namespace fl {

class FrameDecoder : public QObject {
    Q_OBJECT
public:
    explicit FrameDecoder(QObject* parent = nullptr);
    ~FrameDecoder() override; // stops the thread (an open in progress is cancelled)

    // Opens a video (indexing it if its index is not cached in indexCacheDir); cancels an
    // open in progress. Emits opened() or openFailed().
    void openVideo(const QString& path, const QString& indexCacheDir);
    void close();
    void requestFrame(qint64 i);
    void setReadAhead(qint64 first, qint64 end);
    // Frames decoded so far (all requests and read-ahead), for tests and benchmarks.
    qint64 decodedCount() const;

signals:
    void opened(const fl::VideoInfo& info, std::shared_ptr<const fl::FrameIndex> index, const QString& contentHash);
    void openFailed(const QString& message);
    void openProgress(qint64 done, qint64 total, const QString& what);
    // `requested`: the frame was asked for with requestFrame() (not read-ahead).
    void frameDecoded(qint64 index, const QImage& image, bool requested);
    void decodeFailed(qint64 index, const QString& message);

private:
    struct Worker;
    std::unique_ptr<Worker> d;
    int m_generation = 0; // GUI-side: results of older generations are dropped
};

} // namespace fl
