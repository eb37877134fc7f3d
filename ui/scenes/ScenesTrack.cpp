#include "scenes/ScenesTrack.h"

#include <QPainter>
#include <QPalette>

#include <algorithm>
#include <cmath>

namespace fl {

QString ScenesTrack::title() const
{
    return tr("Scenes");
}

void ScenesTrack::paint(QPainter& p, const QRect& row, const TimelineMapping& m) const
{
    const QPalette pal;
    const QRect band(m.left, row.top() + 3, m.width, std::max(1, row.height() - 6));
    const qint64 vBegin = m.visibleBegin(), vEnd = m.visibleEnd();
    QColor a = pal.color(QPalette::Highlight), b = pal.color(QPalette::Highlight);
    a.setAlphaF(0.30f);
    b.setAlphaF(0.15f);
    auto it = std::upper_bound(m_segments.begin(), m_segments.end(), vBegin,
                               [](qint64 f, const FrameSegment& s) { return f < s.end; });
    QColor cut = pal.color(QPalette::Text);
    cut.setAlpha(160);
    for (; it != m_segments.end() && it->start < vEnd; ++it) {
        const double x0 = std::max<double>(band.left(), m.xAt(double(it->start)));
        const double x1 = std::min<double>(band.right() + 1, m.xAt(double(it->end)));
        if (x1 <= x0) continue;
        const auto index = std::distance(m_segments.begin(), it);
        p.fillRect(QRectF(x0, band.top(), x1 - x0, band.height()), index % 2 ? b : a);
        if (it->start > 0) {
            p.setPen(cut);
            p.drawLine(QPointF(std::floor(x0) + 0.5, band.top()), QPointF(std::floor(x0) + 0.5, band.bottom()));
        }
    }
    // Keyframes: a diamond each (at most one per pixel column).
    p.setRenderHint(QPainter::Antialiasing);
    int lastColumn = -1;
    const double mid = band.center().y() + 0.5;
    for (const Keyframe& k : m_keyframes.keyframes()) {
        if (k.frame < vBegin || k.frame >= vEnd) continue;
        const double x = m.xAt(double(k.frame) + 0.5);
        if (int(x) == lastColumn) continue;
        lastColumn = int(x);
        QPolygonF diamond({QPointF(x, mid - 6), QPointF(x + 5, mid), QPointF(x, mid + 6), QPointF(x - 5, mid)});
        p.setPen(QPen(QColor(255, 167, 38).darker(140), 1));
        p.setBrush(k.manual ? Qt::NoBrush : QBrush(QColor(255, 167, 38)));
        p.drawPolygon(diamond);
    }
    p.setRenderHint(QPainter::Antialiasing, false);
}

QString ScenesTrack::toolTipAt(qint64 frame) const
{
    QStringList lines;
    auto it = std::upper_bound(m_segments.begin(), m_segments.end(), frame,
                               [](qint64 f, const FrameSegment& s) { return f < s.end; });
    if (it != m_segments.end() && it->contains(frame))
        lines << tr("%1: frames %2-%3").arg(it->label).arg(it->start).arg(it->end - 1);
    for (const Keyframe& k : m_keyframes.keyframes())
        if (std::abs(k.frame - frame) <= 2)
            lines << (k.manual ? tr("Keyframe %1 (added by hand)").arg(k.frame)
                               : tr("Keyframe %1, score %2").arg(k.frame).arg(k.score, 0, 'f', 2));
    return lines.join(QLatin1Char('\n'));
}

} // namespace fl
