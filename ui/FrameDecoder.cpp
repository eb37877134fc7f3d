#include "FrameDecoder.h"

#include "video/VideoSource.h"

#include <QMetaObject>

namespace fl {

// Lives on the decoder thread; owns the VideoSource (one decoder per thread).
class FrameDecoderWorker : public QObject {
    Q_OBJECT
public:
    explicit FrameDecoderWorker(std::shared_ptr<std::atomic<qint64>> latest) : m_latest(std::move(latest)) {}

    void open(const QString& path, const QString& indexCacheDir)
    {
        m_source.reset();
        VideoOpenOptions options;
        options.indexCacheDir = indexCacheDir;
        WorkControl control;
        control.progress = [this](std::int64_t done, std::int64_t total, const QString& what) {
            emit progress(done, total, what);
        };
        auto source = VideoSource::open(path, options, control);
        if (!source) {
            emit failed(source.error());
            return;
        }
        m_source = std::move(*source);
        const VideoInfo& info = m_source->info();
        emit opened(path, info.frameCount, info.averageFps, info.width, info.height);
    }

    void decode(qint64 i)
    {
        if (!m_source || m_latest->load() != i)
            return; // superseded by a newer request
        auto frame = m_source->frame(i);
        if (!frame) {
            emit failed(frame.error());
            return;
        }
        const cv::Mat& m = *frame;
        // The QImage must own its pixels: copy out of the cv::Mat.
        QImage image(m.data, m.cols, m.rows, int(m.step), QImage::Format_BGR888);
        emit frameReady(i, image.copy());
    }

signals:
    void opened(const QString& path, qint64 frameCount, double fps, int width, int height);
    void frameReady(qint64 index, const QImage& image);
    void progress(qint64 done, qint64 total, const QString& what);
    void failed(const QString& message);

private:
    std::unique_ptr<VideoSource> m_source;
    std::shared_ptr<std::atomic<qint64>> m_latest;
};

FrameDecoder::FrameDecoder(QObject* parent)
    : QObject(parent), m_latest(std::make_shared<std::atomic<qint64>>(-1))
{
    m_worker = new FrameDecoderWorker(m_latest);
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(m_worker, &FrameDecoderWorker::opened, this, &FrameDecoder::opened);
    connect(m_worker, &FrameDecoderWorker::frameReady, this, &FrameDecoder::frameReady);
    connect(m_worker, &FrameDecoderWorker::progress, this, &FrameDecoder::progress);
    connect(m_worker, &FrameDecoderWorker::failed, this, &FrameDecoder::failed);
    m_thread.setObjectName(QStringLiteral("FrameDecoder"));
    m_thread.start();
}

FrameDecoder::~FrameDecoder()
{
    m_latest->store(-2);
    m_thread.quit();
    m_thread.wait();
}

void FrameDecoder::openVideo(const QString& path, const QString& indexCacheDir)
{
    m_latest->store(-1);
    QMetaObject::invokeMethod(m_worker, [w = m_worker, path, indexCacheDir] { w->open(path, indexCacheDir); });
}

void FrameDecoder::requestFrame(qint64 i)
{
    m_latest->store(i);
    QMetaObject::invokeMethod(m_worker, [w = m_worker, i] { w->decode(i); });
}

} // namespace fl

#include "FrameDecoder.moc"
