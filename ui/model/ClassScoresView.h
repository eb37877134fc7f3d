#pragma once
// A classification report: the per-class table (precision, recall, F1, support, with the
// macro and weighted averages) and the confusion matrix (truth in rows, predictions in
// columns, cells shaded by their share of the row). A click on a matrix cell emits
// confusionCellClicked (e.g. to list the fragments in it). Its tables are named
// "classScoresTable" and "confusionTable" (findChild).
#include "training/ClassScores.h"

#include <QWidget>

class QTableWidget;

namespace fl {

class ClassScoresView : public QWidget {
    Q_OBJECT
public:
    explicit ClassScoresView(QWidget* parent = nullptr);
    void setScores(const ClassScores& scores);
    const ClassScores& scores() const { return m_scores; }

signals:
    void confusionCellClicked(int truthClass, int predictedClass);

private:
    ClassScores m_scores;
    QTableWidget* m_classes = nullptr;
    QTableWidget* m_confusion = nullptr;
};

} // namespace fl
