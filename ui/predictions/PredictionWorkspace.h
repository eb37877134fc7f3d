#pragma once
// Predictions in the main window: keeps the active model's stored predictions of every video
// (PredictionStore, reloaded with the project and when the active model changes), runs the
// PredictionJob (streaming rows into the timeline's prediction row and the probability plot
// as they arrive), shows the current fragment's prediction as a badge on the frame, and offers
// review: step through bouts of a class or through uncertain fragments, accept predictions as
// labels (one undo step each), and the "Label next" suggestions.
//
// It works on a Workbench (the document, the player, the current video and fragment) and puts
// its views where a WindowParts says: the Predictions dock ("predictionsDock", a
// PredictionsPanel driven through its setters and signals), the probability plot under the
// timeline, the timeline's prediction row, the frame's prediction badge, and its actions
// (predictAll, predictVideo, nextBout, previousBout, nextUncertain, previousUncertain,
// acceptPrediction, acceptAboveThreshold) in the registry and the Tools and Labels menus.
#include "Result.h"
#include "analysis/LabelSuggestions.h"
#include "analysis/PredictionSmoothing.h"
#include "analysis/VideoPredictions.h"

#include <QObject>
#include <QPointer>
#include <QStringList>

#include <memory>
#include <vector>

class QAction;

namespace fl {

class TimelineView;
class PredictionJob;
class PredictionTrack;
class PredictionsPanel;
class ProbabilityPlot;
class WindowParts;
class Workbench;

class PredictionWorkspace : public QObject {
    Q_OBJECT
public:
    PredictionWorkspace(Workbench* workbench, WindowParts* parts, QObject* parent = nullptr);
    ~PredictionWorkspace() override;

    // The shown predictions of project video `video` (fresh ones, or the rows a running job
    // has streamed so far); null when there are none.
    const VideoPredictions* predictions(int video) const;
    // What the stored predictions of each video are (fresh, stale with why, damaged, missing).
    QStringList problems() const { return m_problems; }
    // What the views show of the predictions: the Predictions panel's decisions.
    SmoothingOptions smoothing() const;
    bool isPredicting() const { return !m_job.isNull(); }

    PredictionTrack* track() const { return m_track.get(); }
    QAction* action(const QString& objectName) const;

    // ---- running ----
    // Predicts the given project videos (file names; empty: all) with the active model.
    // Fails (and says why) without an active model or while a prediction runs.
    Status predict(const QStringList& videos = {});

    // ---- review (on the current video) ----
    // Seeks to the next/previous bout of the review class; false when there is none.
    bool stepBout(int direction);
    // Seeks to the next/previous fragment below the "uncertain below" confidence.
    bool stepUncertain(int direction);
    // Accepts the shown prediction of the selected fragments (else the current fragment) as
    // labels, one undo step. Returns the number of label ranges set.
    Result<int> acceptSelection();
    // Accepts, in the selection (else the whole video), every fragment whose confidence
    // reaches the display threshold (one undo step).
    Result<int> acceptAboveThreshold();
    // Ranks fragments to label next over every video with predictions.
    std::vector<Suggestion> rankSuggestions(int count = 30) const;

public slots:
    void reload(); // the stored predictions of the active model
    void refreshSuggestions();

signals:
    void predictionsChanged(int video); // -1: all
    void predictionFinished(bool succeeded, const QString& message);

private:
    void buildActions();
    void showVideo(int video);
    void updateBadge();
    void updateSummary();
    void updateClassBox();
    void applySmoothing();
    void goToSuggestion(int row);
    void loadModelDecisions();
    void onRows(const QString& video, qint64 first, qint64 count);
    std::vector<QColor> classColors(const VideoPredictions& predictions) const;
    Result<int> accept(qint64 firstFragment, qint64 lastFragment, double minConfidence);

    Workbench* m_bench = nullptr;
    WindowParts* m_parts = nullptr;
    QPointer<TimelineView> m_timeline; // for the destructor: the window may have deleted it first
    PredictionsPanel* m_panel = nullptr;
    ProbabilityPlot* m_plot = nullptr;
    std::unique_ptr<PredictionTrack> m_track;
    std::vector<std::unique_ptr<VideoPredictions>> m_predictions; // per project video; null: none
    std::vector<std::vector<int>> m_shown;                        // smoothed classes per video
    QString m_decisionsModel;                                     // the model whose decisions the panel was set to
    QStringList m_problems;
    QPointer<PredictionJob> m_job;
    std::vector<Suggestion> m_suggestions;
    int m_shownVideo = -1;
    bool m_refreshQueued = false;
};

} // namespace fl
