#pragma once
// Decodes frames for display on a worker thread. The GUI asks for a frame and never waits:
// requests coalesce (only the latest one is decoded), and the result comes back by signal.
#include <QImage>
#include <QObject>
#include <QString>
#include <QThread>

#include <atomic>
#include <memory>

namespace fl {

class FrameDecoderWorker;

class FrameDecoder : public QObject {
    Q_OBJECT
public:
    explicit FrameDecoder(QObject* parent = nullptr);
    ~FrameDecoder() override;

    // Opens a video (indexing it if needed) on the worker; emits opened() or failed().
    void openVideo(const QString& path, const QString& indexCacheDir);
    // Asks for frame i of the open video; earlier pending requests are dropped.
    void requestFrame(qint64 i);

signals:
    void opened(const QString& path, qint64 frameCount, double fps, int width, int height);
    void frameReady(qint64 index, const QImage& image);
    void progress(qint64 done, qint64 total, const QString& what);
    void failed(const QString& message);

private:
    QThread m_thread;
    FrameDecoderWorker* m_worker = nullptr;
    std::shared_ptr<std::atomic<qint64>> m_latest;
};

} // namespace fl
