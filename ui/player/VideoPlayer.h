#pragma once
// Playback state of the current video: the position (a frame number), play/pause, speed,
// and getting the position's frame on screen without the GUI ever waiting on a decode.
//
// A seek shows the frame from the in-memory cache of decoded frames when it is there
// (instantly); otherwise it asks the FrameDecoder (full resolution, on its thread) and, when
// a scrub preview exists, the preview reader (the exact frame at preview size, within
// milliseconds, on a second thread); whichever arrives first is shown, the full frame always
// replaces a preview. Paused, the frames after the position are decoded ahead; playing, a
// clock (the index's timestamps, so variable frame rates play right) moves the position and
// read-ahead keeps the decoder in front of it.
#include "video/FrameIndex.h"
#include "video/PreviewStore.h"
#include "video/VideoInfo.h"

#include <QCache>
#include <QElapsedTimer>
#include <QImage>
#include <QObject>
#include <QThreadPool>
#include <QTimer>

#include <atomic>
#include <memory>

namespace fl {

class FrameDecoder;

class VideoPlayer : public QObject {
    Q_OBJECT
public:
    static constexpr double kMinSpeed = 0.25;
    static constexpr double kMaxSpeed = 4.0;

    explicit VideoPlayer(QObject* parent = nullptr);
    ~VideoPlayer() override;

    void open(const QString& path, const QString& indexCacheDir);
    void close();
    bool isOpen() const { return m_open; }
    QString path() const { return m_path; }
    const VideoInfo& info() const { return m_info; }
    const FrameIndex& index() const;
    QString contentHash() const { return m_hash; }
    qint64 frameCount() const { return m_open ? m_info.frameCount : 0; }
    double fps() const;                // average rate (for seconds-based steps)
    double timeMs(qint64 frame) const; // presentation time from the index

    qint64 position() const { return m_position; }
    qint64 displayedFrame() const { return m_displayed; }
    bool displayedFullResolution() const { return m_displayedFull; }
    bool isPlaying() const { return m_playing; }
    bool isCached(qint64 frame) const { return m_cache.contains(frame); }
    double speed() const { return m_speed; }

    void setPreview(const PreviewStore& store); // must be of this video (same content hash)
    bool hasPreview() const { return m_preview.isValid(); }
    void setReadAheadFrames(int frames);
    void setCacheBudget(qint64 bytes);
    FrameDecoder* decoder() const { return m_decoder; }

public slots:
    void seek(qint64 frame);
    void stepFrames(qint64 frames);
    void stepSeconds(double seconds); // by presentation time
    void play();
    void pause();
    void togglePlayback();
    void setSpeed(double speed); // clamped to 0.25..4

signals:
    void opened();
    void openFailed(const QString& message);
    void openProgress(qint64 done, qint64 total, const QString& what);
    void positionChanged(qint64 frame);
    // The image to show for the position (`fullResolution` false: a scrub preview).
    void frameReady(qint64 frame, const QImage& image, bool fullResolution);
    void playingChanged(bool playing);
    void speedChanged(double speed);
    void decodeFailed(const QString& message);

private:
    void onDecoded(qint64 frame, const QImage& image, bool requested);
    void onPreview(qint64 frame, const QImage& image);
    void show(qint64 frame, const QImage& image, bool full);
    void tick();
    void updateReadAhead();
    void requestPreview(qint64 frame);
    void setPosition(qint64 frame);

    FrameDecoder* m_decoder = nullptr;
    bool m_open = false;
    QString m_path;
    VideoInfo m_info;
    std::shared_ptr<const FrameIndex> m_index;
    QString m_hash;

    qint64 m_position = 0;
    qint64 m_pendingSeek = -1; // asked for while opening
    qint64 m_displayed = -1;
    bool m_displayedFull = false;
    bool m_playing = false;
    double m_speed = 1.0;
    QTimer m_clock;
    QElapsedTimer m_playTimer;
    double m_playStartMs = 0; // presentation time at play() / speed change

    QCache<qint64, QImage> m_cache; // cost in KiB
    int m_readAhead = 24;

    PreviewStore m_preview;
    QThreadPool m_previewPool;
    std::shared_ptr<std::atomic<qint64>> m_previewWanted;
    int m_previewGeneration = 0;
};

} // namespace fl
