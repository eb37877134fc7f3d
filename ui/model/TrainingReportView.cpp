#include "model/TrainingReportView.h"

#include <QShortcut>

#include "model/ClassScoresView.h"
#include "model/TrainingCurves.h"

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
    m_scores->setObjectName(QStringLiteral("reportScores"));
    m_curves->setObjectName(QStringLiteral("reportCurves"));
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
    const ModelSelection& s = r.selection;
    if (s.used) {
        // The default training: held-out scores from cross-validation, the search, the tuning.
        text +=
            tr("Held out (cross-validation): macro-F1 <b>%1</b>, accuracy %2 on %3 fragments; with the tuned decisions "
               "and minimum bout %4 (argmax alone %5).<br>")
                .arg(pct(r.validation.macroF1), pct(r.validation.accuracy))
                .arg(r.validationFragments)
                .arg(pct(s.macroF1Tuned), pct(s.macroF1Raw));
        text += tr("Folds (%1): %2.<br>").arg(s.foldPolicy.toHtmlEscaped(), s.foldReason.toHtmlEscaped());
        QStringList rows;
        for (const CandidateScore& c : s.candidates)
            rows << tr("%1%2: %3 ± %4 (log loss %5, %6 s)%7")
                        .arg(c.name == s.winner ? QStringLiteral("<b>") : QString(), c.name.toHtmlEscaped())
                        .arg(pct(c.meanMacroF1), pct(c.sdMacroF1), QString::number(c.logLoss, 'f', 3))
                        .arg(c.seconds, 0, 'f', 1)
                        .arg(c.name == s.winner ? QStringLiteral("</b>") : QString());
        text += tr("Configurations tried: %1.<br>").arg(rows.join(QStringLiteral("; ")));
        text += tr("Chosen: %1 — %2.<br>").arg(s.winner.toHtmlEscaped(), s.winnerReason.toHtmlEscaped());
        QStringList thresholds;
        for (int c = 0; c < s.classThresholds.size() && c < r.classes.size(); ++c)
            thresholds
                << QStringLiteral("%1 %2").arg(r.classes[c].toHtmlEscaped()).arg(s.classThresholds[c], 0, 'f', 2);
        text +=
            tr("Calibration: temperature %1, expected calibration error %2 → %3. Decisions: %4; minimum bout %5 fragment(s).<br>")
                .arg(s.temperature, 0, 'f', 2)
                .arg(s.eceBefore, 0, 'f', 3)
                .arg(s.eceAfter, 0, 'f', 3)
                .arg(thresholds.isEmpty() ? tr("argmax")
                                          : tr("class thresholds %1").arg(thresholds.join(QStringLiteral(", "))))
                .arg(s.minBout);
        text +=
            tr("Time: cross-validation %1 s, tuning %2 s, final training on all %3 labeled fragments %4 s (%5 epochs).<br>")
                .arg(s.selectionSeconds, 0, 'f', 1)
                .arg(s.tuningSeconds, 0, 'f', 1)
                .arg(r.trainFragments)
                .arg(s.finalSeconds, 0, 'f', 1)
                .arg(r.epochsRun);
    } else {
        text += tr("Validation: macro-F1 <b>%1</b>, accuracy %2 on %3 fragments (epoch %4 of %5%6).<br>")
                    .arg(pct(r.validation.macroF1), pct(r.validation.accuracy))
                    .arg(r.validationFragments)
                    .arg(r.bestEpoch)
                    .arg(r.epochsRun)
                    .arg(r.stoppedEarly ? tr(", stopped early") : QString());
        text += tr("Split (%1): %2.<br>").arg(r.splitPolicy.toHtmlEscaped(), r.splitReason.toHtmlEscaped());
        text += tr("Training fragments: %1; left out next to validation blocks: %2.<br>")
                    .arg(r.trainFragments)
                    .arg(r.purgedFragments);
    }
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
    // Esc closes it, as it would a dialog.
    auto* close = new QShortcut(QKeySequence(Qt::Key_Escape), view);
    close->setContext(Qt::WindowShortcut);
    QObject::connect(close, &QShortcut::activated, view, &QWidget::close);
    view->setReport(report);
    view->resize(900, 560);
    view->show();
    return view;
}

} // namespace fl
