#pragma once
// The Predictions dock: run the active model over the project's videos (or the current one),
// what the timeline shows of the results (display threshold, minimum bout length), review
// (step through bouts of a class or through uncertain fragments, accept predictions as labels),
// the per-class decision thresholds (the model's tuned values, overridable)
// and the "Label next" list of suggested fragments. The logic lives in PredictionWorkspace;
// this is its face.
#include <QList>
#include <QStringList>
#include <QWidget>

#include <vector>

class QComboBox;
class QDoubleSpinBox;
class QFormLayout;
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

    // Per-class decision thresholds (SmoothingOptions::classThresholds): one box per class,
    // starting at the values the model was tuned with (`tuned`, empty: argmax, shown as 1/K);
    // "Model's values" puts them back. classThresholds() is empty while they are all equal.
    void setDecisionClasses(const QStringList& classes, const std::vector<double>& tuned);
    std::vector<double> classThresholds() const;
    QList<QDoubleSpinBox*> classThresholdBoxes() const { return m_classThresholds; }
    QPushButton* modelDecisionsButton() const { return m_modelDecisions; }

signals:
    void classThresholdsChanged();
    void modelDecisionsRequested();   // "Model's values": the owner puts the minimum bout back too

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
    QFormLayout* m_decisionForm = nullptr;
    QList<QDoubleSpinBox*> m_classThresholds;
    QStringList m_classes;
    std::vector<double> m_tuned;
    QLabel* m_decisionNote = nullptr;
    QPushButton* m_modelDecisions = nullptr;
};

} // namespace fl
