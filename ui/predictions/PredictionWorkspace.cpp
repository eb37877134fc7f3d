#include "predictions/PredictionWorkspace.h"

#include "training/ModelStore.h"
#include "training/TrainingReport.h"

#include "analysis/PredictionReview.h"
#include "document/ProjectDocument.h"
#include "jobs/PredictionJob.h"
#include "player/FrameView.h"
#include "player/TimecodeText.h"
#include "player/VideoPlayer.h"
#include "predictions/PredictionTrack.h"
#include "predictions/PredictionsPanel.h"
#include "predictions/ProbabilityPlot.h"
#include "shell/ActionRegistry.h"
#include "shell/WindowParts.h"
#include "shell/Workbench.h"
#include "timeline/TimelineView.h"
#include "training/PredictionStore.h"

#include <QAction>
#include <QMenu>
#include <QTimer>

#include <cmath>

namespace fl {

PredictionWorkspace::PredictionWorkspace(Workbench* workbench, WindowParts* parts, QObject* parent)
    : QObject(parent), m_bench(workbench), m_parts(parts), m_track(std::make_unique<PredictionTrack>())
{
    m_panel = new PredictionsPanel;
    m_plot = new ProbabilityPlot;
    buildActions();
    parts->addPanelDock(m_panel, QStringLiteral("predictionsDock"));
    parts->addBottomPanel(m_plot);
    m_timeline = parts->timeline();
    m_timeline->addTrack(m_track.get());

    TimelineView* timeline = parts->timeline();
    connect(timeline, &TimelineView::viewChanged, m_plot, &ProbabilityPlot::setFrameRange);
    m_plot->setContentInset(timeline->headerWidth(), 0);
    connect(workbench->player(), &VideoPlayer::positionChanged, m_plot, &ProbabilityPlot::setPlayhead);
    connect(m_plot, &ProbabilityPlot::seekRequested, workbench, &Workbench::seek);
    connect(workbench, &Workbench::currentVideoChanged, this, &PredictionWorkspace::showVideo);
    connect(workbench, &Workbench::currentFragmentChanged, this, &PredictionWorkspace::updateBadge);

    ProjectDocument* doc = workbench->document();
    connect(doc, &ProjectDocument::projectReplaced, this, &PredictionWorkspace::reload);
    connect(doc, &ProjectDocument::activeModelChanged, this, &PredictionWorkspace::reload);
    connect(doc, &ProjectDocument::videosChanged, this, &PredictionWorkspace::reload);
    connect(doc, &ProjectDocument::classesChanged, this, [this] { showVideo(m_bench->currentVideo()); });
    connect(doc, &ProjectDocument::labelsChanged, this, [this] { updateBadge(); });

    connect(m_panel, &PredictionsPanel::smoothingChanged, this, [this] { applySmoothing(); });
    connect(m_panel, &PredictionsPanel::predictAllRequested, action(QStringLiteral("predictAll")), &QAction::trigger);
    connect(m_panel, &PredictionsPanel::predictVideoRequested, action(QStringLiteral("predictVideo")),
            &QAction::trigger);
    connect(m_panel, &PredictionsPanel::refreshSuggestionsRequested, this, &PredictionWorkspace::refreshSuggestions);
    connect(m_panel, &PredictionsPanel::suggestionActivated, this, &PredictionWorkspace::goToSuggestion);
    reload();
}

PredictionWorkspace::~PredictionWorkspace()
{
    if (m_timeline) m_timeline->removeTrack(m_track.get());
}

QAction* PredictionWorkspace::action(const QString& objectName) const
{
    return m_parts->actions()->find(objectName);
}

void PredictionWorkspace::goToSuggestion(int row)
{
    if (row < 0 || row >= int(m_suggestions.size()) || !m_bench->document()->hasProject()) return;
    const Suggestion& s = m_suggestions[size_t(row)];
    m_bench->goToFragment(s.video, s.fragment);
}

void PredictionWorkspace::buildActions()
{
    const QString review = tr("Labels"); // the menu the review actions are in (the shortcuts page)
    auto make = [this](const QString& name, const QString& text, const QKeySequence& key, const QString& tip,
                       const QString& category, QMenu* menu, auto slot) {
        QAction* a = m_parts->actions()->make(name, text, {key}, tip, category);
        if (menu) menu->addAction(a);
        connect(a, &QAction::triggered, this, slot);
        return a;
    };
    QMenu* tools = m_parts->menu(WindowParts::Menu::Tools);
    QMenu* labels = m_parts->menu(WindowParts::Menu::Labels);
    if (tools) tools->addSeparator();
    auto report = [this](const Status& s) {
        if (!s) m_bench->reportError(tr("Predict"), s.error());
    };
    make(QStringLiteral("predictAll"), tr("&Predict All Videos"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P),
         tr("Run the active model over every fragment of every video"), tr("Tools"), tools,
         [this, report] { report(predict()); });
    make(QStringLiteral("predictVideo"), tr("Predict &This Video"), QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_P),
         tr("Run the active model over every fragment of the current video"), tr("Tools"), tools, [this, report] {
             const int v = m_bench->currentVideo();
             if (v < 0) {
                 report(Status::failure(tr("no video is open")));
                 return;
             }
             report(predict({m_bench->document()->project().video(v).fileName()}));
         });
    if (labels) labels->addSeparator();
    QAction* nb = make(QStringLiteral("nextBout"), tr("Next Predicted &Bout"), QKeySequence(Qt::Key_N),
                       tr("Go to the next bout predicted as the review class"), review, labels,
                       [this] { stepBout(+1); });
    QAction* pb = make(QStringLiteral("previousBout"), tr("Previous Predicted Bout"),
                       QKeySequence(Qt::SHIFT | Qt::Key_N), tr("Go to the previous bout predicted as the review class"),
                       review, labels, [this] { stepBout(-1); });
    QAction* nu = make(QStringLiteral("nextUncertain"), tr("Next &Uncertain Fragment"), QKeySequence(Qt::Key_M),
                       tr("Go to the next fragment the model is unsure about"), review, labels,
                       [this] { stepUncertain(+1); });
    QAction* pu = make(QStringLiteral("previousUncertain"), tr("Previous Uncertain Fragment"),
                       QKeySequence(Qt::SHIFT | Qt::Key_M), tr("Go to the previous fragment the model is unsure about"),
                       review, labels, [this] { stepUncertain(-1); });
    QAction* ac = make(QStringLiteral("acceptPrediction"), tr("&Accept Prediction"), QKeySequence(Qt::Key_A),
                       tr("Make the prediction of the selected fragments (or the current one) their label"), review,
                       labels, [this] {
                           const auto r = acceptSelection();
                           if (!r) m_bench->reportError(tr("Accept prediction"), r.error());
                       });
    QAction* at =
        make(QStringLiteral("acceptAboveThreshold"), tr("Accept Predictions Above &Threshold"),
             QKeySequence(Qt::SHIFT | Qt::Key_A),
             tr("Label every fragment of the selection (or the video) whose confidence reaches the threshold"), review,
             labels, [this] {
                 const auto r = acceptAboveThreshold();
                 if (!r) m_bench->reportError(tr("Accept predictions"), r.error());
             });
    m_panel->addReviewAction(pb, 0, 0);
    m_panel->addReviewAction(nb, 0, 1);
    m_panel->addReviewAction(pu, 1, 0);
    m_panel->addReviewAction(nu, 1, 1);
    m_panel->addReviewAction(ac, 2, 0);
    m_panel->addReviewAction(at, 2, 1);
}

SmoothingOptions PredictionWorkspace::smoothing() const
{
    return m_panel->smoothing();
}

void PredictionWorkspace::loadModelDecisions()
{
    // When the active model changes, the views start from the decisions it was tuned with (its
    // report: class thresholds, minimum bout); the panel's boxes override them from there on.
    ProjectDocument* doc = m_bench->document();
    const QString modelFile = doc->hasProject() ? doc->project().activeModelFile() : QString();
    if (modelFile == m_decisionsModel) return;
    m_decisionsModel = modelFile;
    QStringList classes;
    std::vector<double> thresholds;
    int minBout = 1;
    if (!modelFile.isEmpty()) {
        if (auto report = TrainingReport::load(ModelStore::reportFileFor(modelFile))) {
            classes = report->classes;
            thresholds.assign(report->selection.classThresholds.begin(), report->selection.classThresholds.end());
            minBout = std::max(1, report->selection.minBout);
        }
    }
    m_panel->setModelDecisions(classes, thresholds, minBout);
}

const VideoPredictions* PredictionWorkspace::predictions(int video) const
{
    return video >= 0 && video < int(m_predictions.size()) ? m_predictions[size_t(video)].get() : nullptr;
}

void PredictionWorkspace::reload()
{
    if (m_job) return; // the running job streams into m_predictions; reloaded when it ends
    ProjectDocument* doc = m_bench->document();
    m_predictions.clear();
    m_shown.clear();
    m_problems.clear();
    m_suggestions.clear();
    m_panel->setSuggestions({});
    if (doc->hasProject()) {
        const Project& p = doc->project();
        m_predictions.resize(size_t(p.videoCount()));
        m_shown.resize(size_t(p.videoCount()));
        loadModelDecisions();
        if (!p.activeModel().isEmpty()) {
            for (VideoPredictionState& s : PredictionStore::loadForModel(p, p.activeModel())) {
                if (s.video < 0 || s.video >= p.videoCount()) continue;
                if (s.state == PredictionState::Fresh)
                    m_predictions[size_t(s.video)] = std::make_unique<VideoPredictions>(std::move(s.predictions));
                else if (s.state != PredictionState::Missing)
                    m_problems << s.message;
            }
        }
    }
    updateClassBox();
    for (size_t v = 0; v < m_predictions.size(); ++v)
        if (m_predictions[v]) m_shown[v] = smoothedClasses(*m_predictions[v], smoothing());
    showVideo(m_bench->currentVideo());
    emit predictionsChanged(-1);
}

void PredictionWorkspace::updateClassBox()
{
    QStringList names;
    for (const auto& p : m_predictions)
        if (p) {
            names = p->classes;
            break;
        }
    if (names.isEmpty() && m_bench->document()->hasProject())
        for (const LabelClass& c : m_bench->document()->project().classes()) names << c.name;
    m_panel->setReviewClasses(names);
}

std::vector<QColor> PredictionWorkspace::classColors(const VideoPredictions& predictions) const
{
    std::vector<QColor> colors;
    const Project& p = m_bench->document()->project();
    for (const QString& name : predictions.classes) {
        const int i = p.classIndex(name);
        colors.push_back(i >= 0 ? QColor(p.classes()[size_t(i)].color) : QColor(Qt::gray));
    }
    return colors;
}

void PredictionWorkspace::showVideo(int video)
{
    m_shownVideo = video;
    const VideoPredictions* p = predictions(video);
    const std::vector<QColor> colors = p ? classColors(*p) : std::vector<QColor>{};
    m_track->setSmoothing(smoothing());
    m_track->setPredictions(p, colors);
    m_plot->setPredictions(p, colors);
    m_plot->setThreshold(smoothing().threshold);
    m_plot->setPlayhead(m_bench->currentFrame());
    // The frame area's range, as viewChanged gives it (the header is not frames).
    m_plot->setFrameRange(m_parts->timeline()->firstVisibleFrame(), m_parts->timeline()->lastVisibleFrame());
    m_parts->timeline()->update();
    updateBadge();
    updateSummary();
}

void PredictionWorkspace::applySmoothing()
{
    for (size_t v = 0; v < m_predictions.size(); ++v)
        if (m_predictions[v]) m_shown[v] = smoothedClasses(*m_predictions[v], smoothing());
    m_track->setSmoothing(smoothing());
    m_plot->setThreshold(smoothing().threshold);
    m_parts->timeline()->update();
    updateBadge();
    updateSummary();
}

void PredictionWorkspace::updateBadge()
{
    const int v = m_bench->currentVideo();
    const VideoPredictions* p = predictions(v);
    const qint64 j = m_bench->currentFragment();
    if (!p || j < 0 || j >= p->fragmentCount() || !p->isPredicted(j)) {
        m_parts->frameView()->setBadge(FrameView::PredictionBadge, {});
        return;
    }
    const int shown = j < qint64(m_shown[size_t(v)].size()) ? m_shown[size_t(v)][size_t(j)] : kNotPredicted;
    const int argmax = p->predictedClass(j);
    const std::vector<QColor> colors = classColors(*p);
    FrameView::Badge badge;
    badge.text = shown >= 0
        ? tr("Predicted: %1 (%2%)").arg(p->classes[shown]).arg(qRound(100.0 * p->probability(j, shown)))
        : tr("Predicted: uncertain");
    badge.color = shown >= 0 ? colors[size_t(shown)] : QColor(Qt::gray);
    QStringList probs;
    for (int c = 0; c < p->classCount(); ++c)
        probs << QStringLiteral("%1 %2").arg(p->classes[c]).arg(double(p->probability(j, c)), 0, 'f', 2);
    badge.detail = probs.join(QStringLiteral(" · "));
    if (shown >= 0 && shown != argmax) badge.detail += tr(" (smoothed)");
    m_parts->frameView()->setBadge(FrameView::PredictionBadge, badge);
}

void PredictionWorkspace::updateSummary()
{
    const Project* p = m_bench->document()->hasProject() ? &m_bench->document()->project() : nullptr;
    if (!p || p->activeModel().isEmpty()) {
        m_panel->setModelText(tr("No active model: train one (Tools > Train model) or pick one in the Models panel."));
    } else {
        m_panel->setModelText(tr("Active model: %1").arg(p->activeModel()));
    }
    const bool canRun = p && !p->activeModel().isEmpty() && !m_job;
    action(QStringLiteral("predictAll"))->setEnabled(canRun && p->videoCount() > 0);
    action(QStringLiteral("predictVideo"))->setEnabled(canRun && m_bench->currentVideo() >= 0);
    const VideoPredictions* vp = predictions(m_bench->currentVideo());
    for (const char* name :
         {"nextBout", "previousBout", "nextUncertain", "previousUncertain", "acceptPrediction", "acceptAboveThreshold"})
        action(QString::fromLatin1(name))->setEnabled(vp != nullptr);
    QString text;
    if (vp) {
        const std::vector<int>& shown = m_shown[size_t(m_bench->currentVideo())];
        std::vector<qint64> counts(size_t(vp->classCount()), 0);
        qint64 uncertain = 0, predicted = 0;
        for (int c : shown) {
            if (c >= 0) ++counts[size_t(c)];
            if (c == kUncertain) ++uncertain;
            if (c != kNotPredicted) ++predicted;
        }
        QStringList parts;
        for (int c = 0; c < vp->classCount(); ++c)
            parts << QStringLiteral("%1: %2").arg(vp->classes[c]).arg(counts[size_t(c)]);
        if (uncertain > 0) parts << tr("uncertain: %1").arg(uncertain);
        text = tr("%1 of %2 fragments predicted. %3")
                   .arg(predicted)
                   .arg(vp->fragmentCount())
                   .arg(parts.join(QStringLiteral(", ")));
    } else if (p && !p->activeModel().isEmpty()) {
        text = tr("This video has no predictions of the active model yet.");
    }
    if (!m_problems.isEmpty()) text += QLatin1Char('\n') + m_problems.join(QLatin1Char('\n'));
    m_panel->setSummary(text);
}

Status PredictionWorkspace::predict(const QStringList& videos)
{
    ProjectDocument* doc = m_bench->document();
    if (!doc->hasProject()) return Status::failure(tr("no project is open"));
    if (m_job) return Status::failure(tr("a prediction is already running"));
    const Project& project = doc->project();
    if (project.activeModel().isEmpty())
        return Status::failure(tr(
            "the project has no active model: train one first (Tools > Train model) or pick one in the Models panel"));
    if (project.videoCount() == 0) return Status::failure(tr("the project has no videos"));
    PredictionRequest request;
    request.videos = videos;
    auto job = std::make_unique<PredictionJob>(project, request);
    PredictionJob* raw = job.get();
    connect(raw, &PredictionJob::videoStarted, this, [this, raw](const QString& video, qint64) {
        const int v = m_bench->document()->project().videoIndexByName(video);
        if (v < 0 || v >= int(m_predictions.size())) return;
        m_predictions[size_t(v)] = std::make_unique<VideoPredictions>(raw->snapshot(video));
        m_shown[size_t(v)] = smoothedClasses(*m_predictions[size_t(v)], smoothing());
        if (v == m_shownVideo) showVideo(v);
    });
    connect(raw, &PredictionJob::rowsPredicted, this, &PredictionWorkspace::onRows);
    connect(raw, &Job::finished, this, [this](Job::State state, const QString& error) {
        m_job.clear();
        if (state == Job::State::Failed) m_bench->reportError(tr("Predict"), error);
        reload(); // what was saved (a cancelled run keeps its rows)
        // Label next fills in by itself once there are predictions (it waited for Refresh).
        if (state == Job::State::Succeeded && !rankSuggestions().empty()) refreshSuggestions();
        emit predictionFinished(state == Job::State::Succeeded, error);
    });
    m_job = raw;
    m_bench->startJob(std::move(job));
    updateSummary();
    return Status::success();
}

void PredictionWorkspace::onRows(const QString& video, qint64 first, qint64 count)
{
    if (!m_job) return;
    const int v = m_bench->document()->project().videoIndexByName(video);
    if (v < 0 || v >= int(m_predictions.size()) || !m_predictions[size_t(v)]) return;
    m_job->copyRows(video, first, count, *m_predictions[size_t(v)]);
    if (v != m_shownVideo || m_refreshQueued) return;
    m_refreshQueued = true; // repaint a few times per second, not per batch
    QTimer::singleShot(150, this, [this] {
        m_refreshQueued = false;
        const int shownVideo = m_shownVideo;
        if (const VideoPredictions* p = predictions(shownVideo)) {
            m_shown[size_t(shownVideo)] = smoothedClasses(*p, smoothing());
            m_track->refresh();
            m_plot->refresh();
            m_parts->timeline()->update();
            updateBadge();
            updateSummary();
        }
    });
}

bool PredictionWorkspace::stepBout(int direction)
{
    const int v = m_bench->currentVideo();
    if (!predictions(v)) return false;
    const int cls = m_panel->reviewClass();
    const qint64 j = nextBoutOf(m_shown[size_t(v)], m_bench->currentFragment(), direction, cls);
    if (j < 0) {
        m_bench->showStatus(tr("No further bout of %1").arg(m_panel->reviewClassName()), 3000);
        return false;
    }
    m_bench->goToFragment(v, j);
    return true;
}

bool PredictionWorkspace::stepUncertain(int direction)
{
    const int v = m_bench->currentVideo();
    const VideoPredictions* p = predictions(v);
    if (!p) return false;
    const qint64 j = nextBelowConfidence(*p, m_bench->currentFragment(), direction, m_panel->uncertainBelow());
    if (j < 0) {
        m_bench->showStatus(tr("No further fragment below %1 confidence").arg(m_panel->uncertainBelow()), 3000);
        return false;
    }
    m_bench->goToFragment(v, j);
    return true;
}

Result<int> PredictionWorkspace::accept(qint64 firstFragment, qint64 lastFragment, double minConfidence)
{
    const int v = m_bench->currentVideo();
    const VideoPredictions* p = predictions(v);
    if (!p) return Result<int>::failure(tr("this video has no predictions"));
    const std::vector<LabelRange> ranges = acceptedRanges(*p, m_shown[size_t(v)], firstFragment, lastFragment,
                                                          minConfidence);
    ProjectDocument* doc = m_bench->document();
    for (const LabelRange& r : ranges)
        if (!doc->project().hasClass(r.label))
            return Result<int>::failure(
                tr("the project has no class \"%1\" (the model's class): add it first").arg(r.label));
    const int gesture = doc->newGestureId();
    for (const LabelRange& r : ranges)
        if (auto set = doc->setLabel(v, r.start, r.end, r.label, gesture); !set)
            return Result<int>::failure(set.error());
    return int(ranges.size());
}

Result<int> PredictionWorkspace::acceptSelection()
{
    const auto sel = m_parts->timeline()->selection();
    if (!sel.isEmpty()) return accept(sel.first, sel.last, 0.0);
    const qint64 j = m_bench->currentFragment();
    return accept(j, j, 0.0);
}

Result<int> PredictionWorkspace::acceptAboveThreshold()
{
    const auto sel = m_parts->timeline()->selection();
    const VideoPredictions* p = predictions(m_bench->currentVideo());
    const qint64 first = sel.isEmpty() ? 0 : sel.first;
    const qint64 last = sel.isEmpty() ? (p ? p->fragmentCount() - 1 : -1) : sel.last;
    return accept(first, last, smoothing().threshold);
}

std::vector<Suggestion> PredictionWorkspace::rankSuggestions(int count) const
{
    std::vector<VideoPredictions> videos;
    std::vector<int> projectIndex;
    std::vector<FragmentRef> labeled;
    if (!m_bench->document()->hasProject()) return {};
    const Project& p = m_bench->document()->project();
    for (size_t v = 0; v < m_predictions.size(); ++v) {
        if (!m_predictions[v]) continue;
        const int listIndex = int(videos.size());
        videos.push_back(*m_predictions[v]);
        projectIndex.push_back(int(v));
        for (qint64 j = 0; j < m_predictions[v]->fragmentCount(); ++j)
            if (p.fragmentLabel(int(v), j)) labeled.push_back({listIndex, j});
    }
    SuggestionOptions options;
    options.count = count;
    std::vector<Suggestion> ranked = rankLabelSuggestions(videos, labeled, options);
    for (Suggestion& s : ranked) s.video = projectIndex[size_t(s.video)];
    return ranked;
}

void PredictionWorkspace::refreshSuggestions()
{
    m_suggestions = rankSuggestions();
    std::vector<PredictionsPanel::SuggestionRow> rows;
    const Project& p = m_bench->document()->project();
    for (const Suggestion& s : m_suggestions) {
        const ProjectVideo& video = p.video(s.video);
        const qint64 frame = p.spec().firstFrame(s.fragment);
        const double ms = video.fps > 0 ? 1000.0 * double(frame) / video.fps : 0.0;
        rows.push_back({video.fileName(), s.fragment, TimecodeText::format(ms), s.uncertainty});
    }
    m_panel->setSuggestions(rows);
    if (m_suggestions.empty())
        m_bench->showStatus(tr("No suggestions: predict first, or every predicted fragment is labeled"), 4000);
}

} // namespace fl
