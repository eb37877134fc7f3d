#include "player/FrameDecoder.h"

#include "video/FileFingerprint.h"
#include "video/VideoSource.h"

#include <QMetaObject>

#include <atomic>
#include <condition_variable>
#include <mutex>
#include <optional>
#include <thread>

namespace fl {

struct FrameDecoder::Worker {
    struct OpenRequest {
        QString path;
        QString indexCacheDir;
        int generation = 0;
    };

    FrameDecoder* owner = nullptr;
    std::mutex mutex;
    std::condition_variable wake;
    bool quit = false;
    std::optional<OpenRequest> open;
    bool closeRequested = false;
    std::atomic<bool> cancelOpen{false};
    qint64 requested = -1;
    qint64 aheadNext = 0;
    qint64 aheadEnd = 0;
    int generation = 0; // of the source the worker has (or is opening)
    std::atomic<qint64> decoded{0};
    std::thread thread;

    // Worker thread only.
    std::unique_ptr<VideoSource> source;
    qint64 lastDecoded = -1;

    template <typename F>
    void post(F&& f)
    {
        QMetaObject::invokeMethod(owner, std::forward<F>(f), Qt::QueuedConnection);
    }

    static QImage toImage(const cv::Mat& bgr)
    {
        // Owns its pixels (a converted copy) and paints fast.
        const QImage view(bgr.data, bgr.cols, bgr.rows, int(bgr.step), QImage::Format_BGR888);
        return view.convertToFormat(QImage::Format_RGB32);
    }

    void decode(qint64 i, bool isRequest, int gen)
    {
        auto frame = source->frame(i);
        decoded.fetch_add(1);
        if (!frame) {
            post([o = owner, i, gen, message = frame.error()] {
                if (gen == o->m_generation) emit o->decodeFailed(i, message);
            });
            return;
        }
        lastDecoded = i;
        QImage image = toImage(*frame);
        post([o = owner, i, gen, isRequest, image = std::move(image)] {
            if (gen == o->m_generation) emit o->frameDecoded(i, image, isRequest);
        });
    }

    void run()
    {
        std::unique_lock lock(mutex);
        for (;;) {
            wake.wait(lock, [this] {
                return quit || open || closeRequested || (source && (requested >= 0 || aheadNext < aheadEnd));
            });
            if (quit) break;
            if (closeRequested) {
                closeRequested = false;
                lock.unlock();
                source.reset();
                lock.lock();
                continue;
            }
            if (open) {
                const OpenRequest request = *open;
                open.reset();
                cancelOpen.store(false);
                lock.unlock();
                source.reset();
                lastDecoded = -1;
                VideoOpenOptions options;
                options.indexCacheDir = request.indexCacheDir;
                WorkControl control;
                control.cancel = &cancelOpen;
                control.progress = [this, gen = request.generation](std::int64_t done, std::int64_t total,
                                                                    const QString& what) {
                    post([o = owner, gen, done, total, what] {
                        if (gen == o->m_generation) emit o->openProgress(done, total, what);
                    });
                };
                auto opened = VideoSource::open(request.path, options, control);
                if (!opened) {
                    post([o = owner, gen = request.generation, message = opened.error()] {
                        if (gen == o->m_generation) emit o->openFailed(message);
                    });
                    lock.lock();
                    continue;
                }
                auto fingerprint = FileFingerprint::of(request.path);
                const QString hash = fingerprint ? QString::fromLatin1(fingerprint->hash) : QString();
                auto index = std::make_shared<const FrameIndex>((*opened)->index());
                VideoInfo info = (*opened)->info();
                lock.lock();
                if (open || request.generation != generation) continue; // replaced while opening
                source = std::move(*opened);
                post([o = owner, gen = request.generation, info, index, hash] {
                    if (gen == o->m_generation) emit o->opened(info, index, hash);
                });
                continue;
            }
            const int gen = generation;
            if (requested >= 0) {
                const qint64 i = std::min(requested, source->info().frameCount - 1);
                requested = -1;
                lock.unlock();
                decode(i, true, gen);
                lock.lock();
                continue;
            }
            // Read-ahead: continue from the last decoded frame when it lies in the window, so
            // frames decoded but not yet delivered are not decoded twice.
            qint64 i = aheadNext;
            if (lastDecoded + 1 >= aheadNext && lastDecoded < aheadEnd) i = lastDecoded + 1;
            if (i >= aheadEnd || i >= source->info().frameCount) {
                aheadNext = aheadEnd;
                continue;
            }
            aheadNext = i + 1;
            lock.unlock();
            decode(i, false, gen);
            lock.lock();
        }
        lock.unlock();
        source.reset();
    }
};

FrameDecoder::FrameDecoder(QObject* parent) : QObject(parent), d(std::make_unique<Worker>())
{
    d->owner = this;
    d->thread = std::thread([w = d.get()] { w->run(); });
}

FrameDecoder::~FrameDecoder()
{
    {
        std::lock_guard lock(d->mutex);
        d->quit = true;
        d->cancelOpen.store(true);
    }
    d->wake.notify_all();
    d->thread.join();
}

void FrameDecoder::openVideo(const QString& path, const QString& indexCacheDir)
{
    ++m_generation;
    {
        std::lock_guard lock(d->mutex);
        d->open = Worker::OpenRequest{path, indexCacheDir, m_generation};
        d->generation = m_generation;
        d->requested = -1;
        d->aheadNext = d->aheadEnd = 0;
        d->cancelOpen.store(true); // an open in progress stops; this one starts next
    }
    d->wake.notify_all();
}

void FrameDecoder::close()
{
    ++m_generation;
    {
        std::lock_guard lock(d->mutex);
        d->open.reset();
        d->closeRequested = true;
        d->generation = m_generation;
        d->requested = -1;
        d->aheadNext = d->aheadEnd = 0;
        d->cancelOpen.store(true);
    }
    d->wake.notify_all();
}

void FrameDecoder::requestFrame(qint64 i)
{
    {
        std::lock_guard lock(d->mutex);
        d->requested = std::max<qint64>(0, i);
    }
    d->wake.notify_all();
}

void FrameDecoder::setReadAhead(qint64 first, qint64 end)
{
    {
        std::lock_guard lock(d->mutex);
        d->aheadNext = std::max<qint64>(0, first);
        d->aheadEnd = std::max(d->aheadNext, end);
    }
    d->wake.notify_all();
}

qint64 FrameDecoder::decodedCount() const
{
    return d->decoded.load();
}

} // namespace fl
