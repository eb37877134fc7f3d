#include "shell/PaintedIcons.h"

#include <QGuiApplication>
#include <QPainter>
#include <QPainterPath>
#include <QPixmap>

namespace fl {

namespace {

// Draws the icon into a 24 x 24 logical box.
void draw(QPainter& p, PaintedIcons::Kind kind, const QColor& ink)
{
    using K = PaintedIcons::Kind;
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(Qt::NoPen);
    p.setBrush(ink);
    auto triangle = [&](double x0, double x1, double y0, double y1) {
        const QPointF pts[3] = {QPointF(x0, y0), QPointF(x1, (y0 + y1) / 2), QPointF(x0, y1)};
        p.drawPolygon(pts, 3);
    };
    auto magnifier = [&] {
        p.setBrush(Qt::NoBrush);
        p.setPen(QPen(ink, 2.2, Qt::SolidLine, Qt::RoundCap));
        p.drawEllipse(QPointF(10, 10), 6.5, 6.5);
        p.drawLine(QPointF(15, 15), QPointF(21, 21));
    };
    switch (kind) {
    case K::Play: triangle(7, 19, 5, 19); break;
    case K::Pause:
        p.drawRoundedRect(QRectF(6.5, 5, 4, 14), 1, 1);
        p.drawRoundedRect(QRectF(13.5, 5, 4, 14), 1, 1);
        break;
    case K::StepForward:
        triangle(6, 15, 6, 18);
        p.drawRect(QRectF(16, 6, 2.5, 12));
        break;
    case K::StepBack:
        p.save();
        p.translate(24, 0);
        p.scale(-1, 1);
        triangle(6, 15, 6, 18);
        p.drawRect(QRectF(16, 6, 2.5, 12));
        p.restore();
        break;
    case K::NextFragment:
        triangle(3, 11, 6, 18);
        triangle(11, 19, 6, 18);
        p.drawRect(QRectF(19, 6, 2.5, 12));
        break;
    case K::PreviousFragment:
        p.save();
        p.translate(24, 0);
        p.scale(-1, 1);
        triangle(3, 11, 6, 18);
        triangle(11, 19, 6, 18);
        p.drawRect(QRectF(19, 6, 2.5, 12));
        p.restore();
        break;
    case K::ZoomIn:
        magnifier();
        p.drawLine(QPointF(7, 10), QPointF(13, 10));
        p.drawLine(QPointF(10, 7), QPointF(10, 13));
        break;
    case K::ZoomOut:
        magnifier();
        p.drawLine(QPointF(7, 10), QPointF(13, 10));
        break;
    case K::ZoomFit:
        p.setBrush(Qt::NoBrush);
        p.setPen(QPen(ink, 2.2, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        p.drawLine(QPointF(3, 6), QPointF(3, 18));
        p.drawLine(QPointF(21, 6), QPointF(21, 18));
        p.drawLine(QPointF(7, 12), QPointF(17, 12));
        p.drawPolyline(QPolygonF({QPointF(10, 9), QPointF(7, 12), QPointF(10, 15)}));
        p.drawPolyline(QPolygonF({QPointF(14, 9), QPointF(17, 12), QPointF(14, 15)}));
        break;
    case K::Paint:
        p.setBrush(QColor(229, 57, 53));
        p.setPen(QPen(ink, 1.5));
        p.drawEllipse(QPointF(12, 12), 6.5, 6.5);
        break;
    }
}

QPixmap render(PaintedIcons::Kind kind, const QColor& ink, int size, qreal dpr)
{
    QPixmap pm(QSize(size, size) * dpr);
    pm.setDevicePixelRatio(dpr);
    pm.fill(Qt::transparent);
    QPainter p(&pm);
    p.scale(size / 24.0, size / 24.0);
    draw(p, kind, ink);
    return pm;
}

} // namespace

QIcon PaintedIcons::icon(Kind kind, const QPalette& palette)
{
    QIcon icon;
    const qreal dpr = qApp ? qApp->devicePixelRatio() : 1.0;
    for (int size : {16, 20, 24, 32}) {
        icon.addPixmap(render(kind, palette.color(QPalette::Active, QPalette::ButtonText), size, dpr), QIcon::Normal);
        icon.addPixmap(render(kind, palette.color(QPalette::Disabled, QPalette::ButtonText), size, dpr),
                       QIcon::Disabled);
    }
    return icon;
}

} // namespace fl
