#include "predictions/PredictionTrack.h"

#include <QPainter>
#include <QPalette>

#include <algorithm>
#include <cmath>

namespace fl {

void PredictionTrack::setPredictions(const VideoPredictions* predictions, std::vector<QColor> colors)
{
    m_predictions = predictions;
    m_colors = std::move(colors);
    refresh();
}

void PredictionTrack::setSmoothing(const SmoothingOptions& options)
{
    m_smoothing = options;
    refresh();
}

void PredictionTrack::refresh()
{
    m_shown = m_predictions ? smoothedClasses(*m_predictions, m_smoothing) : std::vector<int>{};
}

QString PredictionTrack::title() const
{
    return tr("Predicted");
}

void PredictionTrack::paint(QPainter& p, const QRect& row, const TimelineMapping& m) const
{
    const QRect band(m.left, row.top() + 3, m.width, std::max(1, row.height() - 6));
    if (!m_predictions || m_shown.empty() || m.width <= 0) return;
    const FragmentSpec& spec = m_predictions->spec;
    const qint64 frames = std::min(m.frameCount, m_predictions->frameCount);
    const qint64 vBegin = m.visibleBegin(), vEnd = std::min(m.visibleEnd(), frames);
    if (vEnd <= vBegin) return;
    const qint64 count = qint64(m_shown.size());
    // Each fragment owns the frames [first, first + stride) (its whole span when the stride is
    // longer), so neighbours do not overdraw each other.
    const qint64 own = std::min<qint64>(spec.stride, spec.span());
    const qint64 j0 = std::clamp<qint64>((vBegin - spec.span()) / spec.stride, 0, count);
    ColumnOwners columns(m);
    for (qint64 j = j0; j < count && spec.firstFrame(j) < vEnd; ++j) {
        if (m_shown[size_t(j)] != kNotPredicted)
            columns.offer(double(spec.firstFrame(j)), double(spec.firstFrame(j) + own), j);
    }
    const QColor uncertain = QPalette().color(QPalette::Mid);
    columns.forEachRun([&](int x, int width, qint64 j) {
        const int cls = m_shown[size_t(j)];
        QColor color = uncertain;
        if (cls >= 0 && cls < int(m_colors.size())) {
            color = m_colors[size_t(cls)];
            const float conf = m_predictions->confidence(j);
            color.setAlphaF(std::clamp(0.2f + 0.8f * (std::isnan(conf) ? 0.f : conf), 0.2f, 1.f));
        } else {
            color.setAlphaF(0.35f);
        }
        p.fillRect(QRect(x, band.top(), width, band.height()), color);
    });
}

QString PredictionTrack::toolTipAt(qint64 frame) const
{
    if (!m_predictions) return {};
    const qint64 j = m_predictions->spec.fragmentAtFrame(frame, m_predictions->frameCount);
    if (j < 0 || j >= m_predictions->fragmentCount() || !m_predictions->isPredicted(j)) return tr("Not predicted");
    QStringList lines;
    const int shown = j < qint64(m_shown.size()) ? m_shown[size_t(j)] : kNotPredicted;
    lines << tr("Fragment %1: %2").arg(j).arg(shown >= 0 ? m_predictions->classes.value(shown) : tr("uncertain"));
    for (int c = 0; c < m_predictions->classCount(); ++c)
        lines << QStringLiteral("%1  %2")
                     .arg(m_predictions->classes[c])
                     .arg(double(m_predictions->probability(j, c)), 0, 'f', 3);
    return lines.join(QLatin1Char('\n'));
}

} // namespace fl
