#include "scenes/ScenesPanel.h"

#include "shell/MainWindow.h"
#include "predictions/PredictionWorkspace.h"
#include "document/ProjectDocument.h"
#include "scenes/ScenesTrack.h"
#include "player/TimecodeText.h"
#include "timeline/TimelineView.h"
#include "analysis/CmxEdl.h"
#include "analysis/FfmpegChapters.h"
#include "analysis/KeyframeExport.h"
#include "analysis/KeyframeSelector.h"
#include "analysis/PredictionExport.h"
#include "analysis/SceneDetectionJob.h"
#include "jobs/FunctionJob.h"
#include "video/VideoSource.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QListWidget>
#include <QMenu>
#include <QPixmap>
#include <QPushButton>
#include <QSpinBox>
#include <QStatusBar>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <opencv2/imgproc.hpp>

namespace fl {

namespace {
constexpr int kThumb = 128;
}

ScenesPanel::ScenesPanel(MainWindow* window, PredictionWorkspace* predictions, QWidget* parent)
    : QWidget(parent), m_window(window), m_predictions(predictions), m_track(std::make_unique<ScenesTrack>())
{
    buildUi();
    buildActions();
    m_timeline = window->timeline();
    m_timeline->addTrack(m_track.get());
    connect(window, &MainWindow::currentVideoChanged, this, &ScenesPanel::showVideo);
    // Scenes and keyframes live in the project (saved, autosaved, undoable); the analysis
    // pass's frame measures are kept here only to pick keyframes without decoding again.
    connect(window->document(), &ProjectDocument::projectReplaced, this, [this] {
        m_analysis.clear();
        showVideo(m_window->currentVideo());
    });
    connect(window->document(), &ProjectDocument::videosChanged, this, [this] {
        // Video indices may have shifted: the measures are per index, so start afresh.
        m_analysis.clear();
        showVideo(m_window->currentVideo());
    });
    connect(window->document(), &ProjectDocument::scenesChanged, this, [this] { showVideo(m_window->currentVideo()); });
    if (predictions)
        connect(predictions, &PredictionWorkspace::predictionsChanged, this, &ScenesPanel::refreshSources);
    connect(&m_thumbs, &QFutureWatcher<std::vector<std::pair<qint64, QImage>>>::finished, this, [this] {
        if (m_thumbsVideo != m_window->currentVideo())
            return;
        const auto thumbs = m_thumbs.result();
        for (int i = 0; i < m_strip->count(); ++i) {
            QListWidgetItem* item = m_strip->item(i);
            const qint64 frame = item->data(Qt::UserRole).toLongLong();
            for (const auto& [f, image] : thumbs)
                if (f == frame && !image.isNull())
                    item->setIcon(QIcon(QPixmap::fromImage(image)));
        }
    });
    refreshSources();
}

ScenesPanel::~ScenesPanel()
{
    m_thumbs.waitForFinished();
    if (m_timeline)
        m_timeline->removeTrack(m_track.get());
}

void ScenesPanel::buildUi()
{
    auto* layout = new QVBoxLayout(this);
    auto* detect = new QGroupBox(tr("Scene cuts"), this);
    auto* dform = new QFormLayout(detect);
    m_threshold = new QDoubleSpinBox(detect);
    m_threshold->setRange(1, 255);
    m_threshold->setValue(27);
    m_threshold->setToolTip(tr("Content change (0-255) between frames that makes a cut; lower finds more cuts"));
    dform->addRow(tr("Threshold"), m_threshold);
    m_minScene = new QSpinBox(detect);
    m_minScene->setRange(1, 100000);
    m_minScene->setValue(15);
    m_minScene->setSuffix(tr(" frames"));
    m_minScene->setToolTip(tr("No scene is shorter than this"));
    dform->addRow(tr("Minimum scene"), m_minScene);
    m_fades = new QCheckBox(tr("Detect fades to and from black"), detect);
    dform->addRow(m_fades);
    auto* detectButton = new QPushButton(tr("Detect scenes"), detect);
    connect(detectButton, &QPushButton::clicked, this, &ScenesPanel::detectScenes);
    dform->addRow(detectButton);
    m_cuts = new QListWidget(detect);
    m_cuts->setToolTip(tr("Scenes of the current video: click one to go to its first frame"));
    dform->addRow(m_cuts);
    connect(m_cuts, &QListWidget::itemClicked, this,
            [this](QListWidgetItem* item) { m_window->seek(item->data(Qt::UserRole).toLongLong()); });
    layout->addWidget(detect, 1);

    auto* keys = new QGroupBox(tr("Keyframes"), this);
    auto* kform = new QFormLayout(keys);
    m_source = new QComboBox(keys);
    m_source->setToolTip(tr("Pick keyframes in each scene, or in each run of fragments predicted as a class"));
    kform->addRow(tr("In"), m_source);
    m_perSegment = new QSpinBox(keys);
    m_perSegment->setRange(1, 50);
    m_perSegment->setValue(3);
    kform->addRow(tr("Per segment"), m_perSegment);
    m_minConfidence = new QDoubleSpinBox(keys);
    m_minConfidence->setRange(0, 1);
    m_minConfidence->setSingleStep(0.05);
    m_minConfidence->setValue(0.5);
    m_minConfidence->setToolTip(tr("For runs of a class: fragments below this confidence end a run"));
    kform->addRow(tr("Minimum confidence"), m_minConfidence);
    auto* pick = new QPushButton(tr("Pick keyframes"), keys);
    connect(pick, &QPushButton::clicked, this, &ScenesPanel::pickKeyframes);
    kform->addRow(pick);
    m_strip = new QListWidget(keys);
    m_strip->setViewMode(QListView::IconMode);
    m_strip->setFlow(QListView::LeftToRight);
    m_strip->setWrapping(true);
    m_strip->setResizeMode(QListView::Adjust);
    m_strip->setIconSize(QSize(kThumb, kThumb * 9 / 16));
    // A fixed cell for every keyframe, thumbnail or not yet: items laid out before their
    // thumbnails arrived would otherwise keep their small size and overlap once drawn.
    m_strip->setMovement(QListView::Static);
    m_strip->setUniformItemSizes(true);
    m_strip->setGridSize(QSize(kThumb + 12, kThumb * 9 / 16 + 2 * m_strip->fontMetrics().lineSpacing() + 12));
    m_strip->setMinimumHeight(m_strip->gridSize().height() + 8);
    m_strip->setToolTip(tr("Keyframes of the current video: click to go there, Delete removes one"));
    kform->addRow(m_strip);
    connect(m_strip, &QListWidget::itemClicked, this,
            [this](QListWidgetItem* item) { m_window->seek(item->data(Qt::UserRole).toLongLong()); });
    auto* exportRow = new QHBoxLayout;
    auto* exportKeys = new QPushButton(tr("Export keyframes..."), keys);
    exportKeys->setToolTip(tr("Images, a CSV, an EDL of the segments and FFmpeg chapters, into a folder"));
    connect(exportKeys, &QPushButton::clicked, this, &ScenesPanel::exportDialog);
    auto* exportPred = new QPushButton(tr("Export predictions..."), keys);
    exportPred->setToolTip(tr("Every video's predictions as CSV or JSON"));
    connect(exportPred, &QPushButton::clicked, this, &ScenesPanel::exportPredictionsDialog);
    exportRow->addWidget(exportKeys);
    exportRow->addWidget(exportPred);
    kform->addRow(exportRow);
    layout->addWidget(keys, 2);
}

void ScenesPanel::buildActions()
{
    const QString category = tr("Scenes and keyframes");
    auto make = [this, &category](const QString& name, const QString& text, const QKeySequence& key, const QString& tip, auto slot) {
        QAction* a = m_window->makeAction(name, text, {key}, tip, category);
        if (QMenu* tools = m_window->menu(MainWindow::Menu::Tools))
            tools->addAction(a);
        connect(a, &QAction::triggered, this, slot);
        return a;
    };
    make(QStringLiteral("detectScenes"), tr("&Detect Scenes"), QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_D),
         tr("Find the scene cuts of the current video"), [this] { detectScenes(); });
    make(QStringLiteral("pickKeyframes"), tr("Pick &Keyframes"), QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_K),
         tr("Pick the best frames of each scene (or predicted run)"), [this] { pickKeyframes(); });
    make(QStringLiteral("addKeyframe"), tr("Add Keyframe Here"), QKeySequence(Qt::Key_K), tr("Make the current frame a keyframe"),
         [this] { addKeyframe(m_window->currentFrame()); });
    make(QStringLiteral("removeKeyframe"), tr("Remove Keyframe"), QKeySequence(Qt::SHIFT | Qt::Key_K),
         tr("Remove the selected keyframe (or the one at the current frame)"), [this] {
             QListWidgetItem* item = m_strip->currentItem();
             removeKeyframe(item && item->isSelected() ? item->data(Qt::UserRole).toLongLong() : m_window->currentFrame());
         });
    make(QStringLiteral("exportKeyframes"), tr("&Export Keyframes..."), QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_E),
         tr("Export keyframe images, CSV, EDL and chapters"), [this] { exportDialog(); });
}

const VideoAnalysis* ScenesPanel::analysis(int video) const
{
    const auto it = m_analysis.find(video);
    return it == m_analysis.end() ? nullptr : &it->second;
}

KeyframeSet ScenesPanel::keyframes(int video) const
{
    const Project& p = m_window->document()->project();
    return video >= 0 && video < p.videoCount() ? p.video(video).keyframes : KeyframeSet();
}

std::vector<FrameSegment> ScenesPanel::scenes(int video) const
{
    return m_window->document()->project().savedScenes(video);
}

std::vector<FrameSegment> ScenesPanel::segments(int video) const
{
    const Project& p = m_window->document()->project();
    if (video >= 0 && video < p.videoCount() && !p.video(video).keyframeSegments.empty())
        return p.video(video).keyframeSegments;
    return scenes(video);
}

void ScenesPanel::refreshSources()
{
    const QString current = m_source->currentText();
    m_source->clear();
    m_source->addItem(tr("each scene"));
    const int video = m_window->currentVideo();
    if (const VideoPredictions* p = m_predictions ? m_predictions->predictions(video) : nullptr)
        for (const QString& c : p->classes)
            m_source->addItem(tr("runs predicted as %1").arg(c), c);
    if (const int i = m_source->findText(current); i >= 0)
        m_source->setCurrentIndex(i);
}

QString ScenesPanel::timecodeOf(int video, qint64 frame) const
{
    const VideoAnalysis* a = analysis(video);
    if (a && frame >= 0 && frame < qint64(a->frameTimesMs.size()))
        return TimecodeText::format(a->frameTimesMs[size_t(frame)]);
    const Project& p = m_window->document()->project();
    if (video >= 0 && video < p.videoCount() && p.video(video).fps > 0)
        return TimecodeText::format(1000.0 * double(frame) / p.video(video).fps);
    return {};
}

void ScenesPanel::showVideo(int video)
{
    refreshSources();
    m_cuts->clear();
    m_strip->clear();
    const std::vector<FrameSegment> segs = segments(video);
    m_track->setSegments(segs);
    m_track->setKeyframes(keyframes(video));
    {
        const auto scenes = this->scenes(video);
        for (size_t i = 0; i < scenes.size(); ++i) {
            auto* item = new QListWidgetItem(tr("Scene %1: frames %2-%3 (%4)")
                                                 .arg(i + 1)
                                                 .arg(scenes[i].start)
                                                 .arg(scenes[i].end - 1)
                                                 .arg(timecodeOf(video, scenes[i].start)),
                                             m_cuts);
            item->setData(Qt::UserRole, scenes[i].start);
        }
    }
    const KeyframeSet shown = keyframes(video); // a copy: keyframes() of the temporary would dangle
    QPixmap placeholder(m_strip->iconSize());
    placeholder.fill(palette().color(QPalette::Mid));
    for (const Keyframe& k : shown.keyframes()) {
        auto* item = new QListWidgetItem(QStringLiteral("%1\n%2").arg(k.frame).arg(k.label), m_strip);
        item->setData(Qt::UserRole, k.frame);
        item->setIcon(placeholder);
        item->setToolTip(k.manual ? tr("Frame %1, added by hand").arg(k.frame)
                                  : tr("Frame %1, score %2 (sharpness %3, representativeness %4%5)")
                                        .arg(k.frame)
                                        .arg(k.score, 0, 'f', 2)
                                        .arg(k.sharpness, 0, 'f', 2)
                                        .arg(k.representativeness, 0, 'f', 2)
                                        .arg(k.confidence >= 0 ? tr(", confidence %1").arg(k.confidence, 0, 'f', 2) : QString()));
    }
    refreshThumbnails();
    m_window->timeline()->update();
}

void ScenesPanel::refreshThumbnails()
{
    const int video = m_window->currentVideo();
    const std::vector<qint64> frames = keyframes(video).frames();
    if (video < 0 || frames.empty() || m_thumbs.isRunning())
        return;
    const Project& p = m_window->document()->project();
    const QString path = p.absoluteVideoPath(video);
    VideoOpenOptions open;
    open.indexCacheDir = p.indexCacheDir();
    m_thumbsVideo = video;
    m_thumbs.setFuture(QtConcurrent::run([path, open, frames] {
        std::vector<std::pair<qint64, QImage>> out;
        auto source = VideoSource::open(path, open);
        if (!source)
            return out;
        for (qint64 f : frames) {
            auto bgr = (*source)->frame(f);
            if (!bgr)
                continue;
            cv::Mat small;
            const double scale = double(kThumb) / std::max(1, bgr->cols);
            cv::resize(*bgr, small, cv::Size(), scale, scale, cv::INTER_AREA);
            out.emplace_back(f, QImage(small.data, small.cols, small.rows, int(small.step), QImage::Format_BGR888).copy());
        }
        return out;
    }));
}

void ScenesPanel::detectScenes()
{
    const int video = m_window->currentVideo();
    if (video < 0) {
        m_window->reportError(tr("Detect scenes"), tr("No video is open."));
        return;
    }
    const Project& p = m_window->document()->project();
    VideoAnalysisOptions options;
    options.scenes.threshold = m_threshold->value();
    options.scenes.minSceneLength = m_minScene->value();
    options.scenes.fadeAware = m_fades->isChecked();
    VideoOpenOptions open;
    open.indexCacheDir = p.indexCacheDir();
    auto job = std::make_unique<SceneDetectionJob>(p.absoluteVideoPath(video), options, open);
    SceneDetectionJob* raw = job.get();
    connect(raw, &Job::finished, this, [this, raw, video](Job::State state, const QString& error) {
        if (state == Job::State::Failed)
            m_window->reportError(tr("Detect scenes"), error);
        if (state != Job::State::Succeeded) {
            m_pickAfterDetect = false;
            return;
        }
        if (video >= m_window->document()->project().videoCount())
            return;   // the project changed meanwhile
        m_analysis[video] = raw->result();
        const std::vector<qint64> cuts = m_analysis[video].scenes.cutFrames();
        if (Status st = m_window->document()->setSceneCuts(video, cuts, tr("Detect scenes (%n scene(s))", nullptr, int(cuts.size() + 1))); !st)
            m_window->reportError(tr("Detect scenes"), st.error());
        if (video == m_window->currentVideo())
            showVideo(video);
        m_window->statusBar()->showMessage(tr("%n scene(s) found", nullptr, int(m_analysis[video].scenes.scenes().size())), 5000);
        emit scenesDetected(video);
        if (m_pickAfterDetect) {
            m_pickAfterDetect = false;
            pickKeyframes();
        }
    });
    m_window->startJob(std::move(job));
}

void ScenesPanel::pickKeyframes()
{
    const int video = m_window->currentVideo();
    if (video < 0)
        return;
    const VideoAnalysis* a = analysis(video);
    if (!a) { // keyframes need the frame measures of the analysis pass
        m_pickAfterDetect = true;
        detectScenes();
        return;
    }
    const QString cls = m_source->currentData().toString();
    std::vector<FrameSegment> segs;
    std::vector<KeyframeCandidate> candidates;
    std::vector<FrameSample> samples = a->samples;
    if (cls.isEmpty()) {
        segs = scenes(video);
        if (segs.empty())
            segs = a->scenes.scenes();
    } else {
        const VideoPredictions* p = m_predictions ? m_predictions->predictions(video) : nullptr;
        if (!p) {
            m_window->reportError(tr("Pick keyframes"), tr("This video has no predictions: predict first."));
            return;
        }
        segs = predictedSegments(*p, p->classIndex(cls), m_minConfidence->value());
        if (segs.empty()) {
            m_window->reportError(tr("Pick keyframes"), tr("No run of fragments is predicted as %1 with confidence %2 or more.")
                                                            .arg(cls)
                                                            .arg(m_minConfidence->value()));
            return;
        }
    }
    const Project& project = m_window->document()->project();
    const QString path = project.absoluteVideoPath(video);
    VideoOpenOptions open;
    open.indexCacheDir = project.indexCacheDir();
    const int width = a->scenes.options.analysisWidth;
    KeyframeOptions options;
    options.perSegment = m_perSegment->value();
    std::optional<VideoPredictions> predictions;
    if (!cls.isEmpty())
        predictions = *m_predictions->predictions(video);
    auto result = std::make_shared<KeyframeSet>();
    auto job = std::make_unique<FunctionJob>(tr("Picking keyframes"), [=](const WorkControl&) -> Status {
        auto source = VideoSource::open(path, open);
        if (!source)
            return Status::failure(source.error());
        std::vector<FrameSample> all = samples;
        if (Status st = addMissingSamples(**source, segs, all, width); !st)
            return st;
        const auto cands = predictions ? candidatesFromPredictions(*predictions, predictions->classIndex(cls), all)
                                       : candidatesFromSamples(all);
        *result = selectKeyframes(segs, cands, options);
        return Status::success();
    });
    connect(job.get(), &Job::finished, this, [this, result, video, segs](Job::State state, const QString& error) {
        if (state == Job::State::Failed)
            m_window->reportError(tr("Pick keyframes"), error);
        if (state != Job::State::Succeeded)
            return;
        // Keyframes added by hand stay.
        KeyframeSet merged = *result;
        const KeyframeSet before = keyframes(video); // a copy: keyframes() of the temporary would dangle
        for (const Keyframe& k : before.keyframes())
            if (k.manual)
                merged.add(k);
        if (video >= m_window->document()->project().videoCount())
            return;
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
        if (Status st = m_window->document()->setKeyframes(video, segs, KeyframeSet(std::move(keys)),
                                                           tr("Pick keyframes (%n)", nullptr, merged.size()));
            !st) {
            m_window->reportError(tr("Pick keyframes"), st.error());
            return;
        }
        if (video == m_window->currentVideo())
            showVideo(video);
        emit keyframesChanged(video);
    });
    m_window->startJob(std::move(job));
}

bool ScenesPanel::addKeyframe(qint64 frame)
{
    const int video = m_window->currentVideo();
    if (video < 0 || frame < 0)
        return false;
    int segment = -1;
    QString label;
    const auto segs = segments(video);
    for (size_t i = 0; i < segs.size(); ++i)
        if (segs[i].contains(frame)) {
            segment = int(i);
            label = segs[i].label;
        }
    KeyframeSet keys = keyframes(video);
    if (frame >= m_window->document()->project().video(video).frameCount || !keys.addManual(frame, segment, label))
        return false;
    if (Status st = m_window->document()->setKeyframes(video, segs, keys, tr("Add a keyframe at frame %1").arg(frame)); !st) {
        m_window->statusBar()->showMessage(st.error(), 5000);
        return false;
    }
    emit keyframesChanged(video);
    return true;
}

bool ScenesPanel::removeKeyframe(qint64 frame)
{
    const int video = m_window->currentVideo();
    KeyframeSet keys = keyframes(video);
    if (video < 0 || !keys.remove(frame))
        return false;
    if (Status st = m_window->document()->setKeyframes(video, segments(video), keys, tr("Remove the keyframe at frame %1").arg(frame)); !st) {
        m_window->statusBar()->showMessage(st.error(), 5000);
        return false;
    }
    emit keyframesChanged(video);
    return true;
}

Status ScenesPanel::exportKeyframes(const QString& dir, bool jpeg)
{
    const int video = m_window->currentVideo();
    const KeyframeSet keys = keyframes(video);
    const VideoAnalysis* a = analysis(video);   // frame times and rate; else read from the video in the job
    if (video < 0 || keys.isEmpty())
        return Status::failure(tr("no keyframes to export: pick keyframes first"));
    const Project& project = m_window->document()->project();
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
    table.className = m_source->currentData().toString();
    table.keyframes = keys;
    table.imageBaseName = QFileInfo(name).completeBaseName();
    table.imageFormat = jpeg ? KeyframeImageFormat::Jpeg : KeyframeImageFormat::Png;
    const std::vector<FrameSegment> segs = segments(video);
    const double knownDurationMs = a ? a->info.durationSec * 1000.0 : -1;
    auto job = std::make_unique<FunctionJob>(tr("Exporting keyframes"), [=, table = table](const WorkControl& control) mutable -> Status {
        if (!QDir().mkpath(dir))
            return Status::failure(tr("%1: cannot create the folder").arg(dir));
        auto source = VideoSource::open(path, open);
        if (!source)
            return Status::failure(source.error());
        double durationMs = knownDurationMs;
        if (table.frameTimesMs.empty()) {   // no analysis this session (reopened project): from the index
            const VideoInfo& info = (*source)->info();
            table.timecode = TimecodeFormat::forRate(info.nominalFps);
            for (qint64 i = 0; i < info.frameCount; ++i)
                table.frameTimesMs.push_back((*source)->index().timestampMs(i));
            durationMs = info.durationSec * 1000.0;
        }
        auto images = writeKeyframeImages(**source, table.keyframes, dir, table.imageBaseName, table.imageFormat, control);
        if (!images)
            return images.status();
        const QString base = QDir(dir).filePath(table.imageBaseName);
        if (Status st = writeKeyframeCsv(base + QStringLiteral("_keyframes.csv"), {table}); !st)
            return st;
        EdlOptions edl;
        edl.title = table.className.isEmpty() ? tr("%1 scenes").arg(name) : tr("%1 %2").arg(name, table.className);
        edl.format = table.timecode;
        if (Status st = writeCmxEdl(base + QStringLiteral(".edl"), edlEvents(name, segs), edl); !st)
            return st;
        return writeFfmpegChapters(base + QStringLiteral("_chapters.txt"), chaptersFor(segs, table.frameTimesMs, durationMs), name);
    });
    connect(job.get(), &Job::finished, this, [this, dir](Job::State state, const QString& error) {
        if (state == Job::State::Failed)
            m_window->reportError(tr("Export keyframes"), error);
        else if (state == Job::State::Succeeded)
            m_window->statusBar()->showMessage(tr("Keyframes exported to %1").arg(dir), 6000);
    });
    m_window->startJob(std::move(job));
    return Status::success();
}

Status ScenesPanel::exportPredictions(const QString& file)
{
    std::vector<VideoPredictions> all;
    const Project& project = m_window->document()->project();
    for (int v = 0; v < project.videoCount(); ++v)
        if (const VideoPredictions* p = m_predictions ? m_predictions->predictions(v) : nullptr)
            all.push_back(*p);
    if (all.empty())
        return Status::failure(tr("no predictions to export: predict first"));
    // The raw predictions and what the views show (the Predictions panel's decisions).
    const SmoothingOptions decisions = m_predictions->smoothing();
    return file.endsWith(QStringLiteral(".json"), Qt::CaseInsensitive) ? writePredictionsJson(file, all, true, &decisions)
                                                                        : writePredictionsCsv(file, all, &decisions);
}

void ScenesPanel::exportDialog()
{
    if (keyframes(m_window->currentVideo()).isEmpty()) {
        m_window->reportError(tr("Export keyframes"), tr("No keyframes to export: pick keyframes first."));
        return;
    }
    const QString dir = QFileDialog::getExistingDirectory(this, tr("Folder for the Keyframes"), m_window->document()->project().dir());
    if (dir.isEmpty())
        return;
    bool ok = false;
    const QString format = QInputDialog::getItem(this, tr("Image Format"), tr("Keyframe images as"), {QStringLiteral("PNG"), QStringLiteral("JPEG")},
                                                 0, false, &ok);
    if (!ok)
        return;
    if (Status st = exportKeyframes(dir, format == QLatin1String("JPEG")); !st)
        m_window->reportError(tr("Export keyframes"), st.error());
}

void ScenesPanel::exportPredictionsDialog()
{
    const QString file = QFileDialog::getSaveFileName(this, tr("Export Predictions"), m_window->document()->project().dir(),
                                                      tr("CSV (*.csv);;JSON (*.json)"));
    if (file.isEmpty())
        return;
    if (Status st = exportPredictions(file); !st)
        m_window->reportError(tr("Export predictions"), st.error());
    else
        m_window->statusBar()->showMessage(tr("Predictions exported to %1").arg(file), 6000);
}

} // namespace fl
