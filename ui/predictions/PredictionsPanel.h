#pragma once
// The Predictions dock: run the active model over the project's videos (or the current one),
// what the timeline shows of the results (display threshold, minimum bout length), review
// (step through bouts of a class or through uncertain fragments, accept predictions as labels),
// the per-class decision thresholds (the model's tuned values, overridable)
// and the "Label next" list of suggested fragments. The logic lives in PredictionWorkspace;
// this is its face: it shows what it is given (setModelText, setSummary, setReviewClasses,
// setModelDecisions, setSuggestions) and says what the user wants in signals (predict,
// smoothingChanged, suggestionActivated, refreshSuggestionsRequested).
//
// Its widgets are named "predictionModelLabel", "predictAllButton", "predictVideoButton",
// "predictionThresholdBox", "minBoutBox", "classThresholdBox" (one per class, in class order),
// "modelDecisionsButton", "reviewClassBox", "exportBoutClipsButton" (enabled while the current
// video has predictions, setBoutClipsEnabled), "uncertainBelowBox", "predictionSummary",
// "suggestionTable" and "refreshSuggestionsButton" (findChild).
#include "analysis/PredictionSmoothing.h"

#include <QList>
#include <QStringList>
#include <QWidget>

#include <vector>

class QAction;
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
    // One row of "Label next".
    struct SuggestionRow {
        QString video; // file name
        qint64 fragment = 0;
        QString time; // of the fragment's first frame
        double uncertainty = 0;
    };

    explicit PredictionsPanel(QWidget* parent = nullptr);

    void setModelText(const QString& text); // which model is active (or that none is)
    void setSummary(const QString& text);   // what the current video's predictions say
    // Buttons for actions the workspace owns (text, tooltip and enabled state follow the action).
    void addReviewAction(QAction* action, int row, int column);

    // ---- decisions: what the timeline shows ----
    // The display threshold, the minimum bout and the per-class decision thresholds
    // (classThresholds is empty while they are all equal).
    SmoothingOptions smoothing() const;
    // The decisions the model was tuned with (its training report): one threshold box per
    // class, starting at `tuned` (empty: argmax, shown as 1/K), and the minimum bout; "Model's
    // values" puts them back. Says nothing (smoothingChanged is for the user's changes).
    void setModelDecisions(const QStringList& classes, const std::vector<double>& tuned, int minBout);

    // ---- review ----
    // The classes "next/previous bout" can step through, then "(uncertain)"; the chosen one
    // stays chosen when it is still there.
    void setReviewClasses(const QStringList& classes);
    int reviewClass() const;                // index into those classes; kUncertain: "(uncertain)"
    QString reviewClassName() const;        // as shown
    double uncertainBelow() const;          // "M stops below"
    void setBoutClipsEnabled(bool enabled); // "Export bouts as clips..." (off until told)

    // ---- label next ----
    void setSuggestions(const std::vector<SuggestionRow>& rows);

signals:
    void predictAllRequested();
    void predictVideoRequested();
    // The user changed the decisions (a box, or "Model's values").
    void smoothingChanged(const SmoothingOptions& options);
    void suggestionActivated(int row); // a row of the last setSuggestions
    void refreshSuggestionsRequested();
    void exportBoutClipsRequested(); // the current video's bouts of the review class as video clips

private:
    void showDecisionClasses(const QStringList& classes, const std::vector<double>& tuned);
    void emitSmoothing();

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
    QPushButton* m_exportBoutClips = nullptr;
    QGridLayout* m_reviewGrid = nullptr;
    QFormLayout* m_decisionForm = nullptr;
    QList<QDoubleSpinBox*> m_classThresholds;
    QStringList m_classes;
    std::vector<double> m_tuned;
    int m_modelMinBout = 1;
    QLabel* m_decisionNote = nullptr;
    QPushButton* m_modelDecisions = nullptr;
};

} // namespace fl
