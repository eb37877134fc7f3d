#pragma once
// The Predictions dock: run the active model over the project's videos (or the current one),
// what the timeline shows of the results (display threshold, minimum bout length), review
// (step through bouts of a class or through uncertain fragments, accept predictions as labels)
// and the "Label next" list of suggested fragments. The logic lives in PredictionWorkspace;
// this is its face.
#include <QWidget>

class QComboBox;
class QDoubleSpinBox;
class QGridLayout;
class QLabel;
class QPushButton;
class QSpinBox;
class QTableWidget;

namespace fl {

class PredictionsPanel : public QWidget {
    Q_OBJECT
public:
    explicit PredictionsPanel(QWidget* parent = nullptr);

    QLabel* modelLabel() const { return m_model; }
    QPushButton* predictAllButton() const { return m_predictAll; }
    QPushButton* predictVideoButton() const { return m_predictVideo; }
    QDoubleSpinBox* thresholdBox() const { return m_threshold; }
    QSpinBox* minBoutBox() const { return m_minBout; }
    QComboBox* reviewClassBox() const { return m_reviewClass; }
    QDoubleSpinBox* uncertainBelowBox() const { return m_uncertainBelow; }
    QLabel* summaryLabel() const { return m_summary; }
    QTableWidget* suggestionTable() const { return m_suggestions; }
    QPushButton* refreshSuggestionsButton() const { return m_refreshSuggestions; }

    // Buttons for actions the workspace owns (text, tooltip and enabled state follow the action).
    void addReviewAction(QAction* action, int row, int column);

private:
    QLabel* m_model = nullptr;
    QPushButton* m_predictAll = nullptr;
    QPushButton* m_predictVideo = nullptr;
    QDoubleSpinBox* m_threshold = nullptr;
    QSpinBox* m_minBout = nullptr;
    QComboBox* m_reviewClass = nullptr;
    QDoubleSpinBox* m_uncertainBelow = nullptr;
    QLabel* m_summary = nullptr;
    QTableWidget* m_suggestions = nullptr;
    QPushButton* m_refreshSuggestions = nullptr;
    QGridLayout* m_reviewGrid = nullptr;
};

} // namespace fl
