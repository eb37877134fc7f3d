#include "scenes/ScenesController.h"

#include "analysis/CmxEdl.h"
#include "analysis/FfmpegChapters.h"
#include "analysis/KeyframeExport.h"
#include "analysis/KeyframeSelector.h"
#include "analysis/PredictionExport.h"
#include "analysis/SceneDetectionJob.h"
#include "document/ProjectDocument.h"
#include "jobs/FunctionJob.h"
#include "player/TimecodeText.h"
#include "predictions/PredictionWorkspace.h"
#include "scenes/ScenesPanel.h"
#include "scenes/ScenesTrack.h"
#include "shell/ActionRegistry.h"
#include "shell/WindowParts.h"
#include "shell/Workbench.h"
#include "timeline/TimelineView.h"
#include "video/VideoSource.h"

#include <QAction>
#include <QCheckBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QInputDialog>
#include <QMenu>
#include <QtConcurrent/QtConcurrentRun>

#include <opencv2/imgproc.hpp>

#include <algorithm>

namespace fl {

ScenesController::ScenesController(Workbench* workbench, WindowParts* parts, PredictionWorkspace* predictions,
                                   QObject* parent)
    : QObject(parent), m_bench(workbench), m_parts(parts), m_predictions(predictions),
      m_track(std::make_unique<ScenesTrack>())
{
    m_panel = new ScenesPanel;
    buildActions();
    parts->addPanelDock(m_panel, QStringLiteral("scenesDock"));
    m_timeline = parts->timeline();
    m_timeline->addTrack(m_track.get());
    connect(m_panel, &ScenesPanel::detectRequested, this, &ScenesController::detectScenes);
    connect(m_panel, &ScenesPanel::pickRequested, this, &ScenesController::pickKeyframes);
    connect(m_panel, &ScenesPanel::exportKeyframesRequested, this, &ScenesController::exportDialog);
    connect(m_panel, &ScenesPanel::exportPredictionsRequested, this, &ScenesController::exportPredictionsDialog);
    connect(m_panel, &ScenesPanel::frameActivated, workbench, &Workbench::seek);
    connect(workbench, &Workbench::currentVideoChanged, this, &ScenesController::showVideo);
    // Scenes and keyframes live in the project (saved, autosaved, undoable); the analysis
    // pass's frame measures are kept here only to pick keyframes without decoding again.
    ProjectDocument* doc = workbench->document();
    connect(doc, &ProjectDocument::projectReplaced, this, [this] {
        m_analysis.clear();
        showVideo(m_bench->currentVideo());
    });
    connect(doc, &ProjectDocument::videosChanged, this, [this] {
        // Video indices may have shifted: the measures are per index, so start afresh.
        m_analysis.clear();
        showVideo(m_bench->currentVideo());
    });
    connect(doc, &ProjectDocument::scenesChanged, this, [this] { showVideo(m_bench->currentVideo()); });
    if (predictions)
        connect(predictions, &PredictionWorkspace::predictionsChanged, this, &ScenesController::refreshSources);
    connect(&m_thumbs, &QFutureWatcher<std::vector<std::pair<qint64, QImage>>>::finished, this, [this] {
        if (m_thumbsVideo != m_bench->currentVideo() || !m_panel) return;
        for (const auto& [frame, image] : m_thumbs.result()) m_panel->setThumbnail(frame, image);
    });
    refreshSources();
}

ScenesController::~ScenesController()
{
    m_thumbs.waitForFinished();
    if (m_timeline) m_timeline->removeTrack(m_track.get());
}

void ScenesController::buildActions()
{
    const QString category = tr("Tools"); // the menu they are in (the shortcuts page)
    auto make = [this, &category](const QString& name, const QString& text, const QKeySequence& key, const QString& tip,
                                  auto slot) {
        QAction* a = m_parts->actions()->make(name, text, {key}, tip, category);
        if (QMenu* tools = m_parts->menu(WindowParts::Menu::Tools)) tools->addAction(a);
        connect(a, &QAction::triggered, this, slot);
        return a;
    };
    make(QStringLiteral("detectScenes"), tr("&Detect Scenes"), QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_D),
         tr("Find the scene cuts of the current video"), [this] { detectScenes(); });
    make(QStringLiteral("pickKeyframes"), tr("Pick &Keyframes"), QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_K),
         tr("Pick the best frames of each scene (or predicted run)"), [this] { pickKeyframes(); });
    make(QStringLiteral("addKeyframe"), tr("Add Keyframe Here"), QKeySequence(Qt::Key_K),
         tr("Make the current frame a keyframe"), [this] { addKeyframe(m_bench->currentFrame()); });
    make(QStringLiteral("removeKeyframe"), tr("Remove Keyframe"), QKeySequence(Qt::SHIFT | Qt::Key_K),
         tr("Remove the selected keyframe (or the one at the current frame)"), [this] {
             const qint64 selected = m_panel ? m_panel->selectedKeyframe() : -1;
             removeKeyframe(selected >= 0 ? selected : m_bench->currentFrame());
         });
    make(QStringLiteral("exportKeyframes"), tr("&Export Keyframes..."), QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_E),
         tr("Export keyframe images, CSV, EDL and chapters"), [this] { exportDialog(); });
}

const VideoAnalysis* ScenesController::analysis(int video) const
{
    const auto it = m_analysis.find(video);
    return it == m_analysis.end() ? nullptr : &it->second;
}

KeyframeSet ScenesController::keyframes(int video) const
{
    const Project& p = m_bench->document()->project();
    return video >= 0 && video < p.videoCount() ? p.video(video).keyframes : KeyframeSet();
}

std::vector<FrameSegment> ScenesController::scenes(int video) const
{
    return m_bench->document()->project().savedScenes(video);
}

std::vector<FrameSegment> ScenesController::segments(int video) const
{
    const Project& p = m_bench->document()->project();
    if (video >= 0 && video < p.videoCount() && !p.video(video).keyframeSegments.empty())
        return p.video(video).keyframeSegments;
    return scenes(video);
}

void ScenesController::refreshSources()
{
    if (!m_panel) return;
    QStringList classes;
    if (const VideoPredictions* p = m_predictions ? m_predictions->predictions(m_bench->currentVideo()) : nullptr)
        classes = p->classes;
    m_panel->setSegmentClasses(classes);
}

QString ScenesController::timecodeOf(int video, qint64 frame) const
{
    const VideoAnalysis* a = analysis(video);
    if (a && frame >= 0 && frame < qint64(a->frameTimesMs.size()))
        return TimecodeText::format(a->frameTimesMs[size_t(frame)]);
    const Project& p = m_bench->document()->project();
    if (video >= 0 && video < p.videoCount() && p.video(video).fps > 0)
        return TimecodeText::format(1000.0 * double(frame) / p.video(video).fps);
    return {};
}

void ScenesController::showVideo(int video)
{
    if (!m_panel) return;
    refreshSources();
    const std::vector<FrameSegment> segs = segments(video);
    m_track->setSegments(segs);
    m_track->setKeyframes(keyframes(video));
    // The boundaries with their kinds (cut, fade, dissolve), as the project keeps them.
    m_track->setCuts(m_bench->document()->project().savedSceneCuts(video));
    const std::vector<FrameSegment> detected = scenes(video);
    QStringList timecodes;
    for (const FrameSegment& s : detected) timecodes << timecodeOf(video, s.start);
    m_panel->setScenes(detected, timecodes);
    m_panel->setKeyframes(keyframes(video));
    refreshThumbnails();
    m_parts->timeline()->update();
}

void ScenesController::refreshThumbnails()
{
    const int video = m_bench->currentVideo();
    const std::vector<qint64> frames = keyframes(video).frames();
    if (video < 0 || frames.empty() || m_thumbs.isRunning()) return;
    const Project& p = m_bench->document()->project();
    const QString path = p.absoluteVideoPath(video);
    VideoOpenOptions open;
    open.indexCacheDir = p.indexCacheDir();
    m_thumbsVideo = video;
    m_thumbs.setFuture(QtConcurrent::run([path, open, frames] {
        std::vector<std::pair<qint64, QImage>> out;
        auto source = VideoSource::open(path, open);
        if (!source) return out;
        for (qint64 f : frames) {
            auto bgr = (*source)->frame(f);
            if (!bgr) continue;
            cv::Mat small;
            const double scale = double(ScenesPanel::kThumbnailWidth) / std::max(1, bgr->cols);
            cv::resize(*bgr, small, cv::Size(), scale, scale, cv::INTER_AREA);
            out.emplace_back(f,
                             QImage(small.data, small.cols, small.rows, int(small.step), QImage::Format_BGR888).copy());
        }
        return out;
    }));
}

void ScenesController::detectScenes()
{
    const int video = m_bench->currentVideo();
    if (video < 0) {
        m_bench->reportError(tr("Detect scenes"), tr("No video is open."));
        return;
    }
    const Project& p = m_bench->document()->project();
    VideoAnalysisOptions options;
    options.scenes = m_panel->detectorOptions();
    VideoOpenOptions open;
    open.indexCacheDir = p.indexCacheDir();
    auto job = std::make_unique<SceneDetectionJob>(p.absoluteVideoPath(video), options, open);
    SceneDetectionJob* raw = job.get();
    connect(raw, &Job::finished, this, [this, raw, video](Job::State state, const QString& error) {
        if (state == Job::State::Failed) m_bench->reportError(tr("Detect scenes"), error);
        if (state != Job::State::Succeeded) {
            m_pickAfterDetect = false;
            return;
        }
        if (video >= m_bench->document()->project().videoCount()) return; // the project changed meanwhile
        m_analysis[video] = raw->result();
        const std::vector<qint64> cuts = m_analysis[video].scenes.cutFrames();
        if (Status st = m_bench->document()->setSceneCuts(video, cuts,
                                                          tr("Detect scenes (%n scene(s))", nullptr,
                                                             int(cuts.size() + 1)),
                                                          m_analysis[video].scenes.cuts);
            !st)
            m_bench->reportError(tr("Detect scenes"), st.error());
        if (video == m_bench->currentVideo()) showVideo(video);
        m_bench->showStatus(tr("%n scene(s) found", nullptr, int(m_analysis[video].scenes.scenes().size())), 5000);
        emit scenesDetected(video);
        if (m_pickAfterDetect) {
            m_pickAfterDetect = false;
            pickKeyframes();
        }
    });
    m_bench->startJob(std::move(job));
}

void ScenesController::pickKeyframes()
{
    const int video = m_bench->currentVideo();
    if (video < 0) return;
    const VideoAnalysis* a = analysis(video);
    if (!a) { // keyframes need the frame measures of the analysis pass
        m_pickAfterDetect = true;
        detectScenes();
        return;
    }
    const QString cls = m_panel->segmentClass();
    std::vector<FrameSegment> segs;
    std::vector<KeyframeCandidate> candidates;
    std::vector<FrameSample> samples = a->samples;
    if (cls.isEmpty()) {
        segs = scenes(video);
        if (segs.empty()) segs = a->scenes.scenes();
    } else {
        const VideoPredictions* p = m_predictions ? m_predictions->predictions(video) : nullptr;
        if (!p) {
            m_bench->reportError(tr("Pick keyframes"), tr("This video has no predictions: predict first."));
            return;
        }
        segs = predictedSegments(*p, p->classIndex(cls), m_panel->minConfidence());
        if (segs.empty()) {
            m_bench->reportError(tr("Pick keyframes"),
                                 tr("No run of fragments is predicted as %1 with confidence %2 or more.")
                                     .arg(cls)
                                     .arg(m_panel->minConfidence()));
            return;
        }
    }
    const Project& project = m_bench->document()->project();
    const QString path = project.absoluteVideoPath(video);
    VideoOpenOptions open;
    open.indexCacheDir = project.indexCacheDir();
    const int width = a->scenes.options.analysisWidth;
    KeyframeOptions options;
    options.perSegment = m_panel->keyframesPerSegment();
    std::optional<VideoPredictions> predictions;
    if (!cls.isEmpty()) predictions = *m_predictions->predictions(video);
    auto result = std::make_shared<KeyframeSet>();
    auto job = std::make_unique<FunctionJob>(tr("Picking keyframes"), [=](const WorkControl&) -> Status {
        auto source = VideoSource::open(path, open);
        if (!source) return Status::failure(source.error());
        std::vector<FrameSample> all = samples;
        if (Status st = addMissingSamples(**source, segs, all, width); !st) return st;
        const auto cands = predictions ? candidatesFromPredictions(*predictions, predictions->classIndex(cls), all)
                                       : candidatesFromSamples(all);
        *result = selectKeyframes(segs, cands, options);
        return Status::success();
    });
    connect(job.get(), &Job::finished, this, [this, result, video, segs](Job::State state, const QString& error) {
        if (state == Job::State::Failed) m_bench->reportError(tr("Pick keyframes"), error);
        if (state != Job::State::Succeeded) return;
        // Keyframes added by hand stay.
        KeyframeSet merged = *result;
        const KeyframeSet before = keyframes(video); // a copy: keyframes() of the temporary would dangle
        for (const Keyframe& k : before.keyframes())
            if (k.manual) merged.add(k);
        if (video >= m_bench->document()->project().videoCount()) return;
        // A manual keyframe keeps its frame; its segment follows the new segments.
        std::vector<Keyframe> keys = merged.keyframes();
        for (Keyframe& k : keys)
            if (k.manual) {
                k.segment = -1;
                k.label.clear();
                for (size_t i = 0; i < segs.size(); ++i)
                    if (segs[i].contains(k.frame)) {
                        k.segment = int(i);
                        k.label = segs[i].label;
                    }
            }
        if (Status st = m_bench->document()->setKeyframes(video, segs, KeyframeSet(std::move(keys)),
                                                          tr("Pick keyframes (%n)", nullptr, merged.size()));
            !st) {
            m_bench->reportError(tr("Pick keyframes"), st.error());
            return;
        }
        if (video == m_bench->currentVideo()) showVideo(video);
        emit keyframesChanged(video);
    });
    m_bench->startJob(std::move(job));
}

bool ScenesController::addKeyframe(qint64 frame)
{
    const int video = m_bench->currentVideo();
    if (video < 0 || frame < 0) return false;
    int segment = -1;
    QString label;
    const auto segs = segments(video);
    for (size_t i = 0; i < segs.size(); ++i)
        if (segs[i].contains(frame)) {
            segment = int(i);
            label = segs[i].label;
        }
    KeyframeSet keys = keyframes(video);
    if (frame >= m_bench->document()->project().video(video).frameCount || !keys.addManual(frame, segment, label))
        return false;
    if (Status st = m_bench->document()->setKeyframes(video, segs, keys, tr("Add a keyframe at frame %1").arg(frame));
        !st) {
        m_bench->showStatus(st.error(), 5000);
        return false;
    }
    emit keyframesChanged(video);
    return true;
}

bool ScenesController::removeKeyframe(qint64 frame)
{
    const int video = m_bench->currentVideo();
    KeyframeSet keys = keyframes(video);
    if (video < 0 || !keys.remove(frame)) return false;
    if (Status st = m_bench->document()->setKeyframes(video, segments(video), keys,
                                                      tr("Remove the keyframe at frame %1").arg(frame));
        !st) {
        m_bench->showStatus(st.error(), 5000);
        return false;
    }
    emit keyframesChanged(video);
    return true;
}

Status ScenesController::exportKeyframes(const QString& dir, bool jpeg)
{
    const int video = m_bench->currentVideo();
    const KeyframeSet keys = keyframes(video);
    const VideoAnalysis* a = analysis(video); // frame times and rate; else read from the video in the job
    if (video < 0 || keys.isEmpty()) return Status::failure(tr("no keyframes to export: pick keyframes first"));
    const Project& project = m_bench->document()->project();
    const QString path = project.absoluteVideoPath(video);
    const QString name = project.video(video).fileName();
    VideoOpenOptions open;
    open.indexCacheDir = project.indexCacheDir();
    KeyframeTable table;
    table.video = name;
    if (a) {
        table.timecode = TimecodeFormat::forRate(a->info.nominalFps);
        table.frameTimesMs = a->frameTimesMs;
    }
    table.scenes = scenes(video);
    table.className = m_panel->segmentClass();
    table.keyframes = keys;
    table.imageBaseName = QFileInfo(name).completeBaseName();
    table.imageFormat = jpeg ? KeyframeImageFormat::Jpeg : KeyframeImageFormat::Png;
    const std::vector<FrameSegment> segs = segments(video);
    const double knownDurationMs = a ? a->info.durationSec * 1000.0 : -1;
    auto job = std::make_unique<FunctionJob>(
        tr("Exporting keyframes"), [=, table = table](const WorkControl& control) mutable -> Status {
            if (!QDir().mkpath(dir)) return Status::failure(tr("%1: cannot create the folder").arg(dir));
            auto source = VideoSource::open(path, open);
            if (!source) return Status::failure(source.error());
            double durationMs = knownDurationMs;
            if (table.frameTimesMs.empty()) { // no analysis this session (reopened project): from the index
                const VideoInfo& info = (*source)->info();
                table.timecode = TimecodeFormat::forRate(info.nominalFps);
                for (qint64 i = 0; i < info.frameCount; ++i)
                    table.frameTimesMs.push_back((*source)->index().timestampMs(i));
                durationMs = info.durationSec * 1000.0;
            }
            auto images = writeKeyframeImages(**source, table.keyframes, dir, table.imageBaseName, table.imageFormat,
                                              control);
            if (!images) return images.status();
            const QString base = QDir(dir).filePath(table.imageBaseName);
            if (Status st = writeKeyframeCsv(base + QStringLiteral("_keyframes.csv"), {table}); !st) return st;
            EdlOptions edl;
            edl.title = table.className.isEmpty() ? tr("%1 scenes").arg(name) : tr("%1 %2").arg(name, table.className);
            edl.format = table.timecode;
            if (Status st = writeCmxEdl(base + QStringLiteral(".edl"), edlEvents(name, segs), edl); !st) return st;
            return writeFfmpegChapters(base + QStringLiteral("_chapters.txt"),
                                       chaptersFor(segs, table.frameTimesMs, durationMs), name);
        });
    connect(job.get(), &Job::finished, this, [this, dir](Job::State state, const QString& error) {
        if (state == Job::State::Failed)
            m_bench->reportError(tr("Export keyframes"), error);
        else if (state == Job::State::Succeeded)
            m_bench->showStatus(tr("Keyframes exported to %1").arg(dir), 6000);
    });
    m_bench->startJob(std::move(job));
    return Status::success();
}

Status ScenesController::exportPredictions(const QString& file)
{
    std::vector<VideoPredictions> all;
    const Project& project = m_bench->document()->project();
    for (int v = 0; v < project.videoCount(); ++v)
        if (const VideoPredictions* p = m_predictions ? m_predictions->predictions(v) : nullptr) all.push_back(*p);
    if (all.empty()) return Status::failure(tr("no predictions to export: predict first"));
    // The raw predictions and what the views show (the Predictions panel's decisions).
    const SmoothingOptions decisions = m_predictions->smoothing();
    return file.endsWith(QStringLiteral(".json"), Qt::CaseInsensitive)
        ? writePredictionsJson(file, all, true, &decisions)
        : writePredictionsCsv(file, all, &decisions);
}

void ScenesController::exportDialog()
{
    if (keyframes(m_bench->currentVideo()).isEmpty()) {
        m_bench->reportError(tr("Export keyframes"), tr("No keyframes to export: pick keyframes first."));
        return;
    }
    const QString dir = QFileDialog::getExistingDirectory(m_parts->dialogParent(), tr("Folder for the Keyframes"),
                                                          m_bench->document()->project().dir());
    if (dir.isEmpty()) return;
    bool ok = false;
    const QString format = QInputDialog::getItem(m_parts->dialogParent(), tr("Image Format"), tr("Keyframe images as"),
                                                 {QStringLiteral("PNG"), QStringLiteral("JPEG")}, 0, false, &ok);
    if (!ok) return;
    if (Status st = exportKeyframes(dir, format == QLatin1String("JPEG")); !st)
        m_bench->reportError(tr("Export keyframes"), st.error());
}

void ScenesController::exportPredictionsDialog()
{
    const QString file = QFileDialog::getSaveFileName(m_parts->dialogParent(), tr("Export Predictions"),
                                                      m_bench->document()->project().dir(),
                                                      tr("CSV (*.csv);;JSON (*.json)"));
    if (file.isEmpty()) return;
    if (Status st = exportPredictions(file); !st)
        m_bench->reportError(tr("Export predictions"), st.error());
    else
        m_bench->showStatus(tr("Predictions exported to %1").arg(file), 6000);
}

} // namespace fl
