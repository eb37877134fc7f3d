#include "predictions/ProbabilityPlot.h"

#include <qcustomplot.h>

#include <QTimer>
#include <QVBoxLayout>

#include <cmath>

namespace fl {

ProbabilityPlot::ProbabilityPlot(QWidget* parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("probabilityPlot"));
    m_plot = new QCustomPlot(this);
    m_plot->setObjectName(QStringLiteral("probabilityCurves"));
    m_plot->setMinimumHeight(90);
    m_plot->setToolTip(tr("The model's probability for each class per fragment; click to go there"));
    m_plot->yAxis->setRange(0, 1.02);
    m_plot->yAxis->setLabel(tr("probability"));
    // Three ticks: at 90 px the default ticks' labels ran into each other.
    QSharedPointer<QCPAxisTickerFixed> ticks(new QCPAxisTickerFixed);
    ticks->setTickStep(0.5);
    ticks->setScaleStrategy(QCPAxisTickerFixed::ssNone);
    m_plot->yAxis->setTicker(ticks);
    // The timeline's ruler above says which frame; the x axis only marks them.
    m_plot->xAxis->setTickLabels(false);
    // Frames line up with the timeline above: the plot area starts where the timeline's
    // tracks start (after its row names) and ends where they end (setContentInset).
    m_plot->axisRect()->setAutoMargins(QCP::msTop | QCP::msBottom);
    m_plot->axisRect()->setMargins(QMargins(92, 0, 0, 0));
    // The legend only when there are curves, translucent, in the top-left corner.
    m_plot->legend->setVisible(false);
    m_plot->legend->setFont(QFont(font().family(), 8));
    m_plot->legend->setBrush(QColor(255, 255, 255, 190));
    m_plot->legend->setFillOrder(QCPLayoutGrid::foColumnsFirst);
    m_plot->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignLeft);
    m_plot->setNoAntialiasingOnDrag(true);
    m_plot->setPlottingHints(QCP::phFastPolylines | QCP::phCacheLabels);

    m_threshold = new QCPItemStraightLine(m_plot);
    m_threshold->setPen(QPen(QColor(120, 120, 120), 1, Qt::DashLine));
    m_threshold->point1->setCoords(0, 0.5);
    m_threshold->point2->setCoords(1, 0.5);
    m_threshold->setVisible(false);
    m_playhead = new QCPItemStraightLine(m_plot);
    m_playhead->setPen(QPen(QColor(229, 57, 53), 1.5));
    m_playhead->point1->setCoords(0, 0);
    m_playhead->point2->setCoords(0, 1);

    connect(m_plot, &QCustomPlot::mousePress, this, [this](QMouseEvent* e) {
        if (e->button() != Qt::LeftButton) return;
        const double frame = m_plot->xAxis->pixelToCoord(e->position().x());
        if (std::isfinite(frame)) emit seekRequested(qint64(std::max(0.0, std::floor(frame))));
    });

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_plot);
}

void ProbabilityPlot::setPredictions(const VideoPredictions* predictions, const std::vector<QColor>& colors)
{
    m_predictions = predictions;
    m_plot->clearGraphs();
    if (predictions) {
        for (int c = 0; c < predictions->classCount(); ++c) {
            QCPGraph* g = m_plot->addGraph();
            g->setName(predictions->classes[c]);
            g->setPen(QPen(c < int(colors.size()) ? colors[size_t(c)] : QColor(Qt::gray), 1.5));
            g->setAdaptiveSampling(true);
        }
    }
    m_plot->legend->setVisible(m_plot->graphCount() > 0);
    reload();
}

void ProbabilityPlot::refresh()
{
    if (m_reloadPending) return;
    m_reloadPending = true;
    QTimer::singleShot(200, this, [this] {
        m_reloadPending = false;
        reload();
    });
}

void ProbabilityPlot::reload()
{
    if (m_predictions && m_plot->graphCount() == m_predictions->classCount()) {
        const qint64 n = m_predictions->fragmentCount();
        const double half = double(m_predictions->spec.span()) / 2.0;
        for (int c = 0; c < m_predictions->classCount(); ++c) {
            QVector<QCPGraphData> points;
            points.reserve(int(n));
            for (qint64 j = 0; j < n; ++j) {
                const float v = m_predictions->probability(j, c);
                // A gap (NaN) where a fragment is not predicted, so the curve does not bridge it.
                points.append(QCPGraphData(double(m_predictions->spec.firstFrame(j)) + half,
                                           std::isnan(v) ? std::numeric_limits<double>::quiet_NaN() : double(v)));
            }
            m_plot->graph(c)->data()->set(points, true);
        }
    }
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void ProbabilityPlot::setContentInset(int left, int right)
{
    m_plot->axisRect()->setMargins(QMargins(std::max(0, left), 0, std::max(0, right), 0));
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

std::pair<double, double> ProbabilityPlot::frameRange() const
{
    return {m_plot->xAxis->range().lower, m_plot->xAxis->range().upper};
}

QRect ProbabilityPlot::plotArea() const
{
    return m_plot->axisRect()->rect().translated(m_plot->pos());
}

void ProbabilityPlot::setThreshold(double threshold)
{
    m_threshold->point1->setCoords(0, threshold);
    m_threshold->point2->setCoords(1, threshold);
    m_threshold->setVisible(threshold > 0);
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void ProbabilityPlot::setPlayhead(qint64 frame)
{
    m_playhead->point1->setCoords(double(frame), 0);
    m_playhead->point2->setCoords(double(frame), 1);
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void ProbabilityPlot::setFrameRange(double firstFrame, double lastFrame)
{
    if (lastFrame <= firstFrame) return;
    m_plot->xAxis->setRange(firstFrame, lastFrame);
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

int ProbabilityPlot::curveCount() const
{
    return m_plot->graphCount();
}

int ProbabilityPlot::pointCount(int curve) const
{
    return curve >= 0 && curve < m_plot->graphCount() ? m_plot->graph(curve)->dataCount() : 0;
}

} // namespace fl
