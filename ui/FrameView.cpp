#include "FrameView.h"

#include <QPainter>

namespace fl {

FrameView::FrameView(QWidget* parent) : QWidget(parent)
{
    setMinimumSize(320, 180);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
    setAttribute(Qt::WA_OpaquePaintEvent);
}

void FrameView::setImage(const QImage& image)
{
    m_image = image;
    m_message.clear();
    update();
}

void FrameView::setCaption(const QString& text, const QColor& color)
{
    m_caption = text;
    m_captionColor = color;
    update();
}

void FrameView::setMessage(const QString& text)
{
    m_message = text;
    m_image = {};
    update();
}

void FrameView::paintEvent(QPaintEvent*)
{
    QPainter p(this);
    p.fillRect(rect(), QColor(24, 24, 24));
    if (!m_message.isEmpty() || m_image.isNull()) {
        p.setPen(QColor(200, 200, 200));
        p.drawText(rect().adjusted(12, 12, -12, -12), Qt::AlignCenter | Qt::TextWordWrap, m_message);
        return;
    }
    const QSize scaled = m_image.size().scaled(size(), Qt::KeepAspectRatio);
    const QRect target(QPoint((width() - scaled.width()) / 2, (height() - scaled.height()) / 2), scaled);
    p.setRenderHint(QPainter::SmoothPixmapTransform);
    p.drawImage(target, m_image);
    if (!m_caption.isEmpty()) {
        QFont f = font();
        f.setBold(true);
        p.setFont(f);
        const QRect box = p.fontMetrics().boundingRect(m_caption).adjusted(-8, -4, 8, 4).translated(target.topLeft() + QPoint(16, 28));
        p.fillRect(box, m_captionColor.isValid() ? m_captionColor : QColor(60, 60, 60));
        p.setPen(m_captionColor.isValid() && m_captionColor.lightness() > 140 ? Qt::black : Qt::white);
        p.drawText(box, Qt::AlignCenter, m_caption);
    }
}

} // namespace fl
