#pragma once
// A training report: summary (model, architecture, validation scores, the split used and
// why, sizes, timing), the per-class table and confusion matrix, and the loss/accuracy curves
// of the run. Opens as its own window when training ends (TrainingPanel) or from the models
// list. Its parts are named "reportScores" (a ClassScoresView) and "reportCurves" (a
// TrainingCurves), for findChild.
#include "training/TrainingReport.h"

#include <QWidget>

class QLabel;

namespace fl {

class ClassScoresView;
class TrainingCurves;

class TrainingReportView : public QWidget {
    Q_OBJECT
public:
    explicit TrainingReportView(QWidget* parent = nullptr);
    void setReport(const TrainingReport& report);
    const TrainingReport& report() const { return m_report; }

    // A top-level window showing `report` (deleted on close).
    static TrainingReportView* openWindow(const TrainingReport& report, QWidget* parent = nullptr);

    QString summaryText() const;

private:
    TrainingReport m_report;
    QLabel* m_summary = nullptr;
    ClassScoresView* m_scores = nullptr;
    TrainingCurves* m_curves = nullptr;
};

} // namespace fl
