#pragma once
// Shows the current frame, scaled to fit with its aspect ratio kept, and what is known about
// it on top: badges (the current fragment's label; later its prediction), an info line
// (frame number, timecode) and any number of overlay painters (e.g. a saliency map), which
// draw in widget coordinates given the rectangle the image occupies.
#include <QColor>
#include <QImage>
#include <QWidget>

#include <functional>
#include <map>

namespace fl {

class FrameView : public QWidget {
    Q_OBJECT
public:
    // Badges stack in the top-left corner in slot order.
    enum BadgeSlot { LabelBadge = 0, PredictionBadge = 1, ExtraBadge = 2 };
    struct Badge {
        QString text;   // empty: no badge in this slot
        QColor color;   // fill; text is black or white for contrast
        QString detail; // smaller second line (e.g. "fragment 12, frames 48-51")
    };
    using OverlayPainter = std::function<void(QPainter& painter, const QRectF& imageRect, qint64 frame)>;

    explicit FrameView(QWidget* parent = nullptr);

    // The image of `frame`; `fullResolution` false for a scrub preview (sharpened when the
    // full decode arrives).
    void setImage(const QImage& image, qint64 frame, bool fullResolution = true);
    void setMessage(const QString& text); // shown instead of a frame (errors, "no video")
    void clear();
    const QImage& image() const { return m_image; }
    qint64 frame() const { return m_frame; }
    bool isFullResolution() const { return m_full; }
    QString message() const { return m_message; }

    void setBadge(BadgeSlot slot, const Badge& badge);
    Badge badge(BadgeSlot slot) const;
    void setInfoText(const QString& text); // bottom-left, e.g. "frame 120 · 00:00:04.800"

    int addOverlayPainter(OverlayPainter painter); // returns an id for removeOverlayPainter
    void removeOverlayPainter(int id);

    // Where the image is drawn, in widget coordinates (empty without an image).
    QRectF imageRect() const;

signals:
    // Emitted after a paint that showed `frame` (the seek benchmark times up to here).
    void framePainted(qint64 frame, bool fullResolution);

protected:
    void paintEvent(QPaintEvent*) override;

private:
    QImage m_image;
    qint64 m_frame = -1;
    bool m_full = true;
    QString m_message;
    QString m_info;
    std::map<int, Badge> m_badges;
    std::map<int, OverlayPainter> m_painters;
    int m_nextPainter = 1;
};

} // namespace fl
