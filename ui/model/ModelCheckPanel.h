#pragma once
// "How good is the active model here?": the per-class report and confusion matrix of the
// active model's predictions against the project's labels, on the validation split training
// holds out (FragmentSplit::make of the current labels) or on every labeled fragment. A click
// on a confusion cell lists the fragments in it; a click on one goes there (fragmentActivated).
// Its widgets are named "modelCheckScopeBox", "modelCheckStatus", "modelCheckScores" (a
// ClassScoresView) and "modelCheckFragmentList" (findChild).
#include "analysis/VideoPredictions.h"

#include <QWidget>

#include <functional>
#include <vector>

class QComboBox;
class QLabel;
class QListWidget;

namespace fl {

class ClassScoresView;
class Project;

class ModelCheckPanel : public QWidget {
    Q_OBJECT
public:
    struct Cell {
        int video = 0;
        qint64 fragment = 0;
    };
    // predictions(video): the shown predictions of a project video, null when none.
    using PredictionsOf = std::function<const VideoPredictions*(int video)>;
    ModelCheckPanel(PredictionsOf predictions, QWidget* parent = nullptr);

    // Recomputes for `project` (call after predictions or labels changed).
    void refresh(const Project& project);
    void showCell(int truthClass, int predictedClass);

    // The fragments in confusion cell [truth][predicted] of the last refresh.
    const std::vector<Cell>& cell(int truthClass, int predictedClass) const;

signals:
    void fragmentActivated(int video, qint64 fragment);
    void scopeChanged();

private:
    PredictionsOf m_predictionsOf;
    ClassScoresView* m_scores = nullptr;
    QComboBox* m_scope = nullptr;
    QLabel* m_status = nullptr;
    QListWidget* m_fragments = nullptr;
    QStringList m_classes;
    std::vector<std::vector<std::vector<Cell>>> m_cells; // [truth][predicted]
    std::vector<QString> m_videoNames;
};

} // namespace fl
