#include "LabelStrip.h"

#include <QMouseEvent>
#include <QPainter>

#include <algorithm>

namespace fl {

LabelStrip::LabelStrip(QWidget* parent) : QWidget(parent)
{
    setMinimumHeight(36);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    setToolTip(tr("Labels of this video; click or drag to seek"));
}

void LabelStrip::setVideo(qint64 frameCount, qint64 fragmentStride)
{
    m_frames = frameCount;
    m_stride = std::max<qint64>(1, fragmentStride);
    m_playhead = 0;
    update();
}

void LabelStrip::setLabels(const LabelTrack& labels, const QMap<QString, QColor>& colors)
{
    m_labels = labels;
    m_colors = colors;
    update();
}

void LabelStrip::setPlayhead(qint64 frame)
{
    m_playhead = frame;
    update();
}

qint64 LabelStrip::frameAtX(int x) const
{
    if (m_frames <= 0 || width() <= 0) return 0;
    return std::clamp<qint64>(qint64(double(x) / width() * double(m_frames)), 0, m_frames - 1);
}

int LabelStrip::xAtFrame(qint64 frame) const
{
    if (m_frames <= 0) return 0;
    return int(double(frame) / double(m_frames) * width());
}

void LabelStrip::paintEvent(QPaintEvent*)
{
    QPainter p(this);
    p.fillRect(rect(), palette().color(QPalette::Base));
    if (m_frames <= 0) return;
    const QRect band = rect().adjusted(0, 4, 0, -4);
    for (const LabelRange& r : m_labels.ranges()) {
        const int x0 = xAtFrame(r.start), x1 = std::max(x0 + 1, xAtFrame(r.end));
        p.fillRect(QRect(x0, band.top(), x1 - x0, band.height()), m_colors.value(r.label, Qt::gray));
    }
    // Fragment boundaries, only when they are at least 4 px apart.
    if (double(width()) / double(m_frames) * double(m_stride) >= 4.0) {
        p.setPen(QColor(128, 128, 128, 90));
        for (qint64 f = 0; f < m_frames; f += m_stride) p.drawLine(xAtFrame(f), band.top(), xAtFrame(f), band.bottom());
    }
    p.setPen(QPen(palette().color(QPalette::Highlight), 2));
    const int x = xAtFrame(m_playhead);
    p.drawLine(x, 0, x, height());
}

void LabelStrip::mousePressEvent(QMouseEvent* e)
{
    emit seekRequested(frameAtX(int(e->position().x())));
}

void LabelStrip::mouseMoveEvent(QMouseEvent* e)
{
    if (e->buttons() & Qt::LeftButton) emit seekRequested(frameAtX(int(e->position().x())));
}

} // namespace fl
