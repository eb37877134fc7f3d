#include "TrainingReportView.h"

#include "ClassScoresView.h"
#include "TrainingCurves.h"

#include <QLabel>
#include <QSplitter>
#include <QVBoxLayout>

namespace fl {

TrainingReportView::TrainingReportView(QWidget* parent) : QWidget(parent)
{
    m_summary = new QLabel(this);
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_scores = new ClassScoresView(this);
    m_curves = new TrainingCurves(this);
    auto* split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(m_scores);
    split->addWidget(m_curves);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 1);
    m_curves->setMinimumWidth(320);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(split, 1);
}

void TrainingReportView::setReport(const TrainingReport& r)
{
    m_report = r;
    setWindowTitle(tr("Training report: %1").arg(r.modelFile));
    const auto pct = [](double v) { return QStringLiteral("%1").arg(v, 0, 'f', 3); };
    QString text;
    text += tr("<b>%1</b> — %2<br>").arg(r.modelFile.toHtmlEscaped(), r.architecture.toHtmlEscaped());
    text += tr("Validation: macro-F1 <b>%1</b>, accuracy %2 on %3 fragments (epoch %4 of %5%6).<br>")
                .arg(pct(r.validation.macroF1), pct(r.validation.accuracy))
                .arg(r.validationFragments)
                .arg(r.bestEpoch)
                .arg(r.epochsRun)
                .arg(r.stoppedEarly ? tr(", stopped early") : QString());
    text += tr("Split (%1): %2.<br>").arg(r.splitPolicy.toHtmlEscaped(), r.splitReason.toHtmlEscaped());
    text += tr("Training fragments: %1; left out next to validation blocks: %2.<br>").arg(r.trainFragments).arg(r.purgedFragments);
    text += tr("%1 parameters, %2 MFLOP per fragment; %3 with %4 threads: %5 fragments/s, %6 s (frame caches %7 s).")
                .arg(r.parameters)
                .arg(double(r.flopsPerFragment) / 1e6, 0, 'f', 1)
                .arg(r.device)
                .arg(r.threads)
                .arg(r.samplesPerSecond, 0, 'f', 0)
                .arg(r.trainSeconds, 0, 'f', 1)
                .arg(r.prepareSeconds, 0, 'f', 1);
    m_summary->setText(text);
    m_scores->setScores(r.validation);
    m_curves->setHistory(r.history);
}

QString TrainingReportView::summaryText() const
{
    return m_summary->text();
}

TrainingReportView* TrainingReportView::openWindow(const TrainingReport& report, QWidget* parent)
{
    auto* view = new TrainingReportView(parent);
    view->setWindowFlag(Qt::Window, true);
    view->setAttribute(Qt::WA_DeleteOnClose);
    view->setReport(report);
    view->resize(900, 560);
    view->show();
    return view;
}

} // namespace fl
