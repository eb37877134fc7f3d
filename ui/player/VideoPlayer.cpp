#include "player/VideoPlayer.h"

#include "project/VideoProbe.h"

#include "player/FrameDecoder.h"

#include <QMetaObject>
#include <QPointer>

#include <algorithm>
#include <cmath>

namespace fl {

namespace {
const FrameIndex& emptyIndex()
{
    static const FrameIndex none;
    return none;
}
} // namespace

VideoPlayer::VideoPlayer(QObject* parent)
    : QObject(parent), m_decoder(new FrameDecoder(this)), m_previewWanted(std::make_shared<std::atomic<qint64>>(-1))
{
    m_cache.setMaxCost(384 * 1024);
    m_previewPool.setMaxThreadCount(1);
    m_clock.setTimerType(Qt::PreciseTimer);
    connect(&m_clock, &QTimer::timeout, this, &VideoPlayer::tick);
    connect(m_decoder, &FrameDecoder::opened, this,
            [this](const VideoInfo& info, std::shared_ptr<const FrameIndex> index, const QString& hash) {
                m_open = true;
                m_info = info;
                m_index = std::move(index);
                m_hash = hash;
                m_position = -1;
                // A seek asked for while the video was opening (go to a fragment of another
                // video) lands once it is open; a receiver of opened() may also seek.
                const qint64 target = std::max<qint64>(0, m_pendingSeek);
                m_pendingSeek = -1;
                emit opened();
                if (m_position < 0) seek(target);
            });
    connect(m_decoder, &FrameDecoder::openFailed, this, &VideoPlayer::openFailed);
    connect(m_decoder, &FrameDecoder::openProgress, this, &VideoPlayer::openProgress);
    connect(m_decoder, &FrameDecoder::frameDecoded, this, &VideoPlayer::onDecoded);
    connect(m_decoder, &FrameDecoder::decodeFailed, this,
            [this](qint64, const QString& message) { emit decodeFailed(message); });
}

VideoPlayer::~VideoPlayer()
{
    m_previewWanted->store(-2);
    m_previewPool.waitForDone();
}

const FrameIndex& VideoPlayer::index() const
{
    return m_index ? *m_index : emptyIndex();
}

double VideoPlayer::fps() const
{
    return projectFrameRate(m_info);
}

double VideoPlayer::timeMs(qint64 frame) const
{
    if (m_index && !m_index->empty())
        return m_index->timestampMs(std::clamp<qint64>(frame, 0, m_index->frameCount() - 1));
    return double(frame) * 1000.0 / fps();
}

void VideoPlayer::open(const QString& path, const QString& indexCacheDir)
{
    pause();
    m_open = false;
    m_path = path;
    m_info = {};
    m_index.reset();
    m_hash.clear();
    m_cache.clear();
    m_preview = {};
    ++m_previewGeneration;
    m_previewWanted->store(-1);
    m_position = 0;
    m_displayed = -1;
    m_pendingSeek = -1;
    m_decoder->openVideo(path, indexCacheDir);
}

void VideoPlayer::close()
{
    pause();
    m_open = false;
    m_path.clear();
    m_info = {};
    m_index.reset();
    m_cache.clear();
    m_preview = {};
    ++m_previewGeneration;
    m_position = 0;
    m_displayed = -1;
    m_decoder->close();
}

void VideoPlayer::setPreview(const PreviewStore& store)
{
    if (!m_open || !store.isValid() || store.frameCount() != m_info.frameCount
        || (!m_hash.isEmpty() && store.contentHash() != m_hash))
        return;
    m_preview = store;
    ++m_previewGeneration;
}

void VideoPlayer::setReadAheadFrames(int frames)
{
    m_readAhead = std::clamp(frames, 0, 240);
    updateReadAhead();
}

void VideoPlayer::setCacheBudget(qint64 bytes)
{
    m_cache.setMaxCost(int(std::clamp<qint64>(bytes / 1024, 16 * 1024, qint64(64) * 1024 * 1024)));
}

void VideoPlayer::setPosition(qint64 frame)
{
    if (frame == m_position) return;
    m_position = frame;
    emit positionChanged(frame);
}

void VideoPlayer::seek(qint64 frame)
{
    if (!m_open && !m_path.isEmpty()) {
        m_pendingSeek = std::max<qint64>(0, frame); // opening: the frame to show once open
        return;
    }
    if (!m_open || m_info.frameCount <= 0) return;
    frame = std::clamp<qint64>(frame, 0, m_info.frameCount - 1);
    if (m_playing) {
        m_playStartMs = timeMs(frame);
        m_playTimer.restart();
    }
    const bool moved = frame != m_position;
    setPosition(frame);
    if (!moved && m_displayed == frame && m_displayedFull) return;
    if (const QImage* cached = m_cache.object(frame)) {
        show(frame, *cached, true);
    } else {
        m_decoder->requestFrame(frame);
        requestPreview(frame);
    }
    updateReadAhead();
}

void VideoPlayer::stepFrames(qint64 frames)
{
    if (m_playing) pause();
    seek(m_position + frames);
}

void VideoPlayer::stepSeconds(double seconds)
{
    if (!m_open) return;
    const double target = timeMs(m_position) + seconds * 1000.0;
    const qint64 frame = m_index && !m_index->empty() ? m_index->frameAtTime(target + 0.5)
                                                      : qint64(std::llround(target / 1000.0 * fps()));
    seek(frame);
}

void VideoPlayer::play()
{
    if (!m_open || m_playing || m_info.frameCount <= 1) return;
    if (m_position >= m_info.frameCount - 1) seek(0);
    m_playing = true;
    m_playStartMs = timeMs(m_position);
    m_playTimer.start();
    m_clock.start(std::clamp(int(500.0 / (fps() * m_speed)), 4, 20));
    updateReadAhead();
    emit playingChanged(true);
}

void VideoPlayer::pause()
{
    if (!m_playing) return;
    m_playing = false;
    m_clock.stop();
    // Paused on a frame that never arrived while playing: ask for it.
    if (m_displayed != m_position || !m_displayedFull) {
        if (const QImage* cached = m_cache.object(m_position))
            show(m_position, *cached, true);
        else
            m_decoder->requestFrame(m_position);
    }
    updateReadAhead();
    emit playingChanged(false);
}

void VideoPlayer::togglePlayback()
{
    m_playing ? pause() : play();
}

void VideoPlayer::setSpeed(double speed)
{
    speed = std::clamp(std::isfinite(speed) ? speed : 1.0, kMinSpeed, kMaxSpeed);
    if (std::abs(speed - m_speed) < 1e-9) return;
    if (m_playing) {
        m_playStartMs = timeMs(m_position);
        m_playTimer.restart();
        m_clock.setInterval(std::clamp(int(500.0 / (fps() * speed)), 4, 20));
    }
    m_speed = speed;
    updateReadAhead();
    emit speedChanged(speed);
}

void VideoPlayer::tick()
{
    if (!m_playing || !m_open) return;
    const double t = m_playStartMs + double(m_playTimer.nsecsElapsed()) / 1e6 * m_speed;
    qint64 frame = m_index && !m_index->empty() ? m_index->frameAtTime(t) : qint64(t / 1000.0 * fps());
    const qint64 last = m_info.frameCount - 1;
    const bool atEnd = frame >= last && t >= timeMs(last) + 1000.0 / fps();
    frame = std::min(frame, last);
    if (frame != m_position) {
        setPosition(frame);
        if (const QImage* cached = m_cache.object(frame)) show(frame, *cached, true);
        updateReadAhead();
    }
    if (atEnd) pause();
}

void VideoPlayer::updateReadAhead()
{
    if (!m_open) return;
    // Playing: about a second of video at the current speed; paused: the configured count.
    const qint64 ahead = m_playing ? std::max<qint64>(m_readAhead, qint64(std::ceil(fps() * m_speed))) : m_readAhead;
    qint64 first = m_position + (m_playing ? 0 : 1);
    const qint64 end = std::min(m_info.frameCount, m_position + 1 + ahead);
    while (first < end && m_cache.contains(first)) ++first;
    m_decoder->setReadAhead(first, end);
}

void VideoPlayer::requestPreview(qint64 frame)
{
    if (!m_preview.isValid()) return;
    m_previewWanted->store(frame);
    QPointer<VideoPlayer> self(this);
    const int generation = m_previewGeneration;
    m_previewPool.start([self, store = m_preview, wanted = m_previewWanted, frame, generation] {
        if (wanted->load() != frame) return; // superseded before it started
        auto bgr = store.frame(frame);
        if (!bgr) return;
        const cv::Mat& m = *bgr;
        QImage image =
            QImage(m.data, m.cols, m.rows, int(m.step), QImage::Format_BGR888).convertToFormat(QImage::Format_RGB32);
        QMetaObject::invokeMethod(
            self.data(),
            [self, frame, generation, image = std::move(image)] {
                if (self && generation == self->m_previewGeneration) self->onPreview(frame, image);
            },
            Qt::QueuedConnection);
    });
}

void VideoPlayer::onPreview(qint64 frame, const QImage& image)
{
    if (frame == m_position && !(m_displayed == frame && m_displayedFull)) show(frame, image, false);
}

void VideoPlayer::onDecoded(qint64 frame, const QImage& image, bool)
{
    m_cache.insert(frame, new QImage(image), std::max<int>(1, int(image.sizeInBytes() / 1024)));
    if (frame == m_position) {
        show(frame, image, true);
    } else if (m_playing && frame < m_position && frame > m_displayed) {
        // Behind the clock: better a late frame than a frozen picture.
        show(frame, image, true);
    }
}

void VideoPlayer::show(qint64 frame, const QImage& image, bool full)
{
    m_displayed = frame;
    m_displayedFull = full;
    emit frameReady(frame, image, full);
}

} // namespace fl
