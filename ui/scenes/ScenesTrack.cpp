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
            const SceneCut* c = cutAt(it->start);
            const SceneCut::Kind kind = c ? c->kind : SceneCut::Kind::Content;
            const double x = std::floor(x0) + 0.5;
            p.setPen(QPen(cut, 1,
                          kind == SceneCut::Kind::Fade           ? Qt::DashLine
                              : kind == SceneCut::Kind::Dissolve ? Qt::DotLine
                                                                 : Qt::SolidLine));
            p.drawLine(QPointF(x, band.top()), QPointF(x, band.bottom()));
            if (kind == SceneCut::Kind::Fade) { // a dark wedge: the picture goes through black
                p.setPen(Qt::NoPen);
                p.setBrush(QColor(20, 20, 20));
                p.drawPolygon(
                    QPolygonF({QPointF(x - 4, band.top()), QPointF(x + 4, band.top()), QPointF(x, band.top() + 6)}));
                p.setBrush(Qt::NoBrush);
            } else if (kind == SceneCut::Kind::Dissolve) { // two crossing strokes: one shot into the next
                p.setPen(QPen(cut, 1.5));
                p.drawLine(QPointF(x - 4, band.top()), QPointF(x + 4, band.top() + 6));
                p.drawLine(QPointF(x - 4, band.top() + 6), QPointF(x + 4, band.top()));
            }
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

const SceneCut* ScenesTrack::cutAt(qint64 frame) const
{
    auto it = std::lower_bound(m_cuts.begin(), m_cuts.end(), frame,
                               [](const SceneCut& c, qint64 f) { return c.frame < f; });
    return it != m_cuts.end() && it->frame == frame ? &*it : nullptr;
}

QString ScenesTrack::toolTipAt(qint64 frame) const
{
    QStringList lines;
    for (const SceneCut& c : m_cuts) {
        if (std::abs(c.frame - frame) > 2) continue;
        switch (c.kind) {
        case SceneCut::Kind::Content: lines << tr("Cut at frame %1").arg(c.frame); break;
        case SceneCut::Kind::Fade:
            lines << tr("Fade through black at frame %1 (dark frames %2-%3)")
                         .arg(c.frame)
                         .arg(c.darkStart)
                         .arg(c.darkEnd - 1);
            break;
        case SceneCut::Kind::Dissolve:
            lines << tr("Dissolve at frame %1 (frames %2-%3)").arg(c.frame).arg(c.spanStart).arg(c.spanEnd - 1);
            break;
        }
    }
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
