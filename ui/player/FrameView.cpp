#include "player/FrameView.h"

#include <QPainter>
#include <QPainterPath>

namespace fl {

FrameView::FrameView(QWidget* parent) : QWidget(parent)
{
    setMinimumSize(320, 180);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
    setAttribute(Qt::WA_OpaquePaintEvent);
    setToolTip(tr("The current frame, exactly as decoded"));
    setFocusPolicy(Qt::ClickFocus); // a click on the video takes the keys away from a text field
}

void FrameView::setImage(const QImage& image, qint64 frame, bool fullResolution)
{
    m_image = image;
    m_frame = frame;
    m_full = fullResolution;
    m_message.clear();
    update();
}

void FrameView::setMessage(const QString& text)
{
    m_message = text;
    m_image = {};
    m_frame = -1;
    update();
}

void FrameView::clear()
{
    m_image = {};
    m_frame = -1;
    m_message.clear();
    m_info.clear();
    m_badges.clear();
    update();
}

void FrameView::setBadge(BadgeSlot slot, const Badge& badge)
{
    if (badge.text.isEmpty())
        m_badges.erase(slot);
    else
        m_badges[slot] = badge;
    update();
}

FrameView::Badge FrameView::badge(BadgeSlot slot) const
{
    const auto it = m_badges.find(slot);
    return it == m_badges.end() ? Badge{} : it->second;
}

void FrameView::setInfoText(const QString& text)
{
    if (text == m_info) return;
    m_info = text;
    update();
}

int FrameView::addOverlayPainter(OverlayPainter painter)
{
    const int id = m_nextPainter++;
    m_painters[id] = std::move(painter);
    update();
    return id;
}

void FrameView::removeOverlayPainter(int id)
{
    m_painters.erase(id);
    update();
}

QRectF FrameView::imageRect() const
{
    if (m_image.isNull()) return {};
    // Preview images are smaller: scale by the video's aspect, which the preview keeps.
    const QSizeF scaled = QSizeF(m_image.size()).scaled(QSizeF(size()), Qt::KeepAspectRatio);
    return QRectF(QPointF((width() - scaled.width()) / 2.0, (height() - scaled.height()) / 2.0), scaled);
}

void FrameView::paintEvent(QPaintEvent*)
{
    QPainter p(this);
    p.fillRect(rect(), QColor(18, 18, 20));
    if (!m_message.isEmpty() || m_image.isNull()) {
        p.setPen(QColor(210, 210, 210));
        p.drawText(rect().adjusted(24, 24, -24, -24), Qt::AlignCenter | Qt::TextWordWrap, m_message);
        return;
    }
    const QRectF target = imageRect();
    p.setRenderHint(QPainter::SmoothPixmapTransform);
    p.drawImage(target, m_image);

    for (const auto& [id, painter] : m_painters) {
        p.save();
        painter(p, target, m_frame);
        p.restore();
    }

    p.setRenderHint(QPainter::Antialiasing);
    QFont bold = font();
    bold.setBold(true);
    bold.setPointSizeF(font().pointSizeF() * 1.15);
    QFont small = font();
    small.setPointSizeF(font().pointSizeF() * 0.9);
    const QFontMetrics fmBold(bold), fmSmall(small);
    qreal y = target.top() + 12;
    for (const auto& [slot, b] : m_badges) {
        const int w = std::max(fmBold.horizontalAdvance(b.text),
                               b.detail.isEmpty() ? 0 : fmSmall.horizontalAdvance(b.detail))
            + 20;
        const int h = fmBold.height() + (b.detail.isEmpty() ? 0 : fmSmall.height()) + 10;
        const QRectF box(target.left() + 12, y, w, h);
        QPainterPath path;
        path.addRoundedRect(box, 6, 6);
        const QColor fill = b.color.isValid() ? b.color : QColor(60, 60, 60);
        p.fillPath(path, QColor(fill.red(), fill.green(), fill.blue(), 225));
        const QColor ink = fill.lightnessF() > 0.6 ? Qt::black : Qt::white;
        p.setPen(ink);
        p.setFont(bold);
        p.drawText(QRectF(box.left() + 10, box.top() + 5, w - 20, fmBold.height()), Qt::AlignLeft | Qt::AlignVCenter,
                   b.text);
        if (!b.detail.isEmpty()) {
            p.setFont(small);
            p.drawText(QRectF(box.left() + 10, box.top() + 5 + fmBold.height(), w - 20, fmSmall.height()),
                       Qt::AlignLeft | Qt::AlignVCenter, b.detail);
        }
        y += h + 6;
    }
    if (!m_info.isEmpty()) {
        p.setFont(small);
        const int w = fmSmall.horizontalAdvance(m_info) + 16;
        const QRectF box(target.left() + 12, target.bottom() - fmSmall.height() - 18, w, fmSmall.height() + 8);
        QPainterPath path;
        path.addRoundedRect(box, 4, 4);
        p.fillPath(path, QColor(0, 0, 0, 150));
        p.setPen(QColor(235, 235, 235));
        p.drawText(box, Qt::AlignCenter, m_info);
    }
    emit framePainted(m_frame, m_full);
}

} // namespace fl
