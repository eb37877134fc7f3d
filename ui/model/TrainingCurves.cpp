#include "model/TrainingCurves.h"

#include <qcustomplot.h>

#include <QTimer>
#include <QVBoxLayout>

namespace fl {

namespace {

QCPGraph* addGraph(QCustomPlot* plot, const QString& name, const QColor& color, bool dashed, bool markers)
{
    QCPGraph* g = plot->addGraph();
    g->setName(name);
    QPen pen(color, markers ? 2.0 : 1.0);
    if (dashed) pen.setStyle(Qt::DashLine);
    g->setPen(pen);
    if (markers) g->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, 5));
    return g;
}

QCustomPlot* makePlot(const QString& yLabel, QWidget* parent)
{
    auto* plot = new QCustomPlot(parent);
    plot->xAxis->setLabel(QObject::tr("epoch"));
    plot->yAxis->setLabel(yLabel);
    plot->legend->setVisible(true);
    plot->legend->setFont(QFont(plot->font().family(), 8));
    plot->setMinimumHeight(140);
    return plot;
}

} // namespace

TrainingCurves::TrainingCurves(QWidget* parent) : QWidget(parent)
{
    m_loss = makePlot(tr("loss"), this);
    m_accuracy = makePlot(tr("accuracy / F1"), this);
    m_loss->setObjectName(QStringLiteral("lossPlot"));
    m_accuracy->setObjectName(QStringLiteral("accuracyPlot"));
    m_accuracy->yAxis->setRange(0, 1.02);
    m_accuracy->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignBottom | Qt::AlignRight);
    m_graphs[BatchLoss] = addGraph(m_loss, tr("training (running)"), QColor(150, 150, 150), false, false);
    m_graphs[TrainLoss] = addGraph(m_loss, tr("training"), QColor(31, 119, 180), false, true);
    m_graphs[ValidationLoss] = addGraph(m_loss, tr("validation"), QColor(255, 127, 14), false, true);
    m_graphs[BatchAccuracy] = addGraph(m_accuracy, tr("training (running)"), QColor(150, 150, 150), false, false);
    m_graphs[TrainAccuracy] = addGraph(m_accuracy, tr("training"), QColor(31, 119, 180), false, true);
    m_graphs[ValidationAccuracy] = addGraph(m_accuracy, tr("validation"), QColor(255, 127, 14), false, true);
    m_graphs[ValidationMacroF1] = addGraph(m_accuracy, tr("validation macro-F1"), QColor(44, 160, 44), true, true);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_loss);
    layout->addWidget(m_accuracy);
}

void TrainingCurves::clear()
{
    for (QCPGraph* g : m_graphs) g->data()->clear();
    m_loss->replot();
    m_accuracy->replot();
}

void TrainingCurves::addBatch(const ml::BatchProgress& p)
{
    if (p.stepsPerEpoch <= 0) return;
    const double x = double(p.epoch - 1) + double(p.step) / double(p.stepsPerEpoch);
    m_graphs[BatchLoss]->addData(x, p.loss);
    m_graphs[BatchAccuracy]->addData(x, p.accuracy);
    replotSoon();
}

void TrainingCurves::addEpoch(const EpochRecord& e)
{
    const double x = double(e.epoch);
    m_graphs[TrainLoss]->addData(x, e.trainLoss);
    m_graphs[TrainAccuracy]->addData(x, e.trainAccuracy);
    // A training without a validation split (the default training's final run: its held-out
    // scores come from cross-validation) reports -1: nothing to draw.
    if (e.validationLoss >= 0) m_graphs[ValidationLoss]->addData(x, e.validationLoss);
    if (e.validationAccuracy >= 0) m_graphs[ValidationAccuracy]->addData(x, e.validationAccuracy);
    if (e.validationMacroF1 >= 0) m_graphs[ValidationMacroF1]->addData(x, e.validationMacroF1);
    replotSoon();
}

void TrainingCurves::setHistory(const QVector<EpochRecord>& history)
{
    for (QCPGraph* g : m_graphs) g->data()->clear();
    for (const auto& e : history) addEpoch(e);
    replotNow();
}

int TrainingCurves::pointCount(Curve curve) const
{
    return curve >= 0 && curve < CurveCount ? m_graphs[curve]->dataCount() : 0;
}

void TrainingCurves::replotSoon()
{
    // Batches can come fast: redraw at most ~10 times a second.
    if (m_replotPending) return;
    m_replotPending = true;
    QTimer::singleShot(100, this, [this] {
        m_replotPending = false;
        replotNow();
    });
}

void TrainingCurves::replotNow()
{
    // The legend names only curves that have points: a finished report has no running curve,
    // a training without a validation split no validation curves.
    for (QCPGraph* g : m_graphs) {
        if (g->dataCount() > 0)
            g->addToLegend();
        else
            g->removeFromLegend();
    }
    for (QCustomPlot* plot : {m_loss, m_accuracy}) {
        plot->legend->setVisible(plot->legend->itemCount() > 0);
        plot->xAxis->rescale();
        plot->xAxis->setRange(0, std::max(1.0, plot->xAxis->range().upper));
        if (plot == m_loss) {
            plot->yAxis->rescale();
            plot->yAxis->setRange(0, std::max(0.1, plot->yAxis->range().upper * 1.05));
        }
        plot->replot();
    }
}

} // namespace fl
