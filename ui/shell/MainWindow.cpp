#include "shell/MainWindow.h"

#include "video/VideoSource.h"

#include "document/ProjectDocument.h"
#include "document/ProjectFiles.h"
#include "document/VideosPanel.h"
#include "labeling/ClassListModel.h"
#include "labeling/ClassesPanel.h"
#include "labeling/LabelBadge.h"
#include "labeling/LabelingActions.h"
#include "labeling/LabelingController.h"
#include "labeling/LabelingProgress.h"
#include "player/FrameView.h"
#include "player/PlaybackActions.h"
#include "player/TimecodeText.h"
#include "player/TransportBar.h"
#include "player/VideoPlayer.h"
#include "settings/AppSettings.h"
#include "settings/AppearanceTheme.h"
#include "settings/SettingsDialog.h"
#include "settings/ShortcutsDialog.h"
#include "shell/ActionRegistry.h"
#include "shell/JobProgressWidget.h"
#include "shell/Menus.h"
#include "shell/PaintedIcons.h"
#include "shell/Workbench.h"
#include "timeline/TimelineActions.h"
#include "timeline/TimelineView.h"

#include "jobs/JobRunner.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QFileInfo>
#include <QLabel>
#include <QMessageBox>
#include <QMimeData>
#include <QProgressBar>
#include <QSplitter>
#include <QStatusBar>
#include <QStyle>
#include <QUndoStack>
#include <QUndoView>
#include <QVBoxLayout>

#include <algorithm>

namespace fl {

// ---------------------------------------------------------------------------------------
// Assembly

MainWindow::MainWindow(AppSettings* settings, QWidget* parent) : QMainWindow(parent)
{
    m_settings = settings ? settings : new AppSettings(nullptr, this);
    auto* document = new ProjectDocument(this);
    m_workbench = new Workbench(document, new VideoPlayer(this), m_settings, this);
    setPromptContext(this, document, m_settings);
    setObjectName(QStringLiteral("MainWindow"));
    setAcceptDrops(true);
    setDockOptions(QMainWindow::AnimatedDocks | QMainWindow::AllowTabbedDocks);

    m_actions = new ActionRegistry(this);
    m_files = new ProjectFiles(m_workbench, this, this);
    m_files->registerActions(m_actions);
    buildCentre();
    m_videosPanel = new VideosPanel(document, m_actions->find(QStringLiteral("addVideos")), this);
    m_classesPanel = new ClassesPanel(document, this);
    buildActions();
    m_menus = std::make_unique<Menus>(this, *m_actions);
    m_files->setRecentMenu(m_menus->recentMenu());
    m_labelingActions->showClassKeysIn(menu(Menu::Labels), m_menus->classActionsAnchor());
    m_docks = new DockLayout(this, m_splitter, m_actions, m_settings);
    m_docks->setPanelsMenu(m_menus->panelsMenu());
    buildDocks();
    buildStatusBar();
    connectWorkbench();
    connectPlayer();
    applySettings();
    connect(m_settings, &AppSettings::generalChanged, this, &MainWindow::applySettings);
    connect(m_settings, &AppSettings::playbackChanged, this, &MainWindow::applySettings);
    connect(m_settings, &AppSettings::labelingChanged, this, &MainWindow::applySettings);
    connect(m_settings, &AppSettings::timelineChanged, this, &MainWindow::applySettings);
    connect(m_settings, &AppSettings::appearanceChanged, this, [this] { AppearanceTheme::apply(m_settings->theme()); });

    resize(1440, 900);
    // The saved layout is restored once every dock exists (ensureLayout, at the first show):
    // docks added by the features after this constructor take their saved places then.
    updateTitle();
    updateActions();
    // The labeling keys work from the start, without a click on the timeline first.
    m_timeline->setFocus(Qt::OtherFocusReason);
}

MainWindow::~MainWindow()
{
    m_workbench->jobRunner()->cancelAll();
    m_workbench->jobRunner()->waitForAll(10000);
}

void MainWindow::buildCentre()
{
    m_view = new FrameView(this);
    m_view->setMessage(tr("Open a project (File > Open Project) or drop video files here."));
    m_timeline = new TimelineView(this);
    m_timeline->setDocument(m_workbench->document());

    auto* top = new QWidget(this);
    auto* topLayout = new QVBoxLayout(top);
    topLayout->setContentsMargins(0, 0, 0, 0);
    topLayout->setSpacing(0);
    topLayout->addWidget(m_view, 1);

    auto* bottom = new QWidget(this);
    m_bottomLayout = new QVBoxLayout(bottom);
    m_bottomLayout->setContentsMargins(0, 0, 0, 0);
    m_bottomLayout->setSpacing(2);
    m_bottomLayout->addWidget(m_timeline);
    m_bottomLayout->addStretch(1);

    m_splitter = new QSplitter(Qt::Vertical, this);
    m_splitter->setObjectName(QStringLiteral("centreSplitter"));
    m_splitter->addWidget(top);
    m_splitter->addWidget(bottom);
    m_splitter->setStretchFactor(0, 1);
    m_splitter->setStretchFactor(1, 0);
    m_splitter->setCollapsible(0, false);
    m_splitter->setCollapsible(1, false);
    setCentralWidget(m_splitter);
    // The transport bar goes between the view and the timeline once the actions exist.
}

void MainWindow::buildActions()
{
    const QString edit = tr("Edit"), view = tr("View"), help = tr("Help");
    const QStyle* s = style();
    auto icon = [s](const char* name, QStyle::StandardPixmap fallback) {
        return QIcon::fromTheme(QLatin1String(name), s->standardIcon(fallback));
    };
    auto on = [this](QAction* a, auto slot) {
        connect(a, &QAction::triggered, this, slot);
        return a;
    };
    ActionRegistry& a = *m_actions;
    on(a.make(QStringLiteral("quit"), tr("&Quit"), {QKeySequence(Qt::CTRL | Qt::Key_Q)}, tr("Quit FragmentLab"),
              tr("File")),
       [this] { close(); });

    QUndoStack* undoStack = m_workbench->document()->undoStack();
    QAction* undo = undoStack->createUndoAction(this, tr("&Undo"));
    undo->setObjectName(QStringLiteral("undo"));
    // Ctrl+Z only: the platform's list (QKeySequence::Undo) adds F14 on X11, which the
    // shortcut list showed as "Ctrl+Z, F14".
    undo->setShortcuts({QKeySequence(Qt::CTRL | Qt::Key_Z)});
    undo->setToolTip(tr("Undo the last change (Ctrl+Z)"));
    undo->setIcon(icon("edit-undo", QStyle::SP_ArrowBack));
    a.add(undo, edit);
    QAction* redo = undoStack->createRedoAction(this, tr("&Redo"));
    redo->setObjectName(QStringLiteral("redo"));
    redo->setShortcuts({QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z), QKeySequence(Qt::CTRL | Qt::Key_Y)});
    redo->setToolTip(tr("Redo the change undone last (Ctrl+Shift+Z)"));
    redo->setIcon(icon("edit-redo", QStyle::SP_ArrowForward));
    a.add(redo, edit);
    on(a.make(QStringLiteral("settings"), tr("Se&ttings..."), {QKeySequence(Qt::CTRL | Qt::Key_Comma)},
              tr("Autosave, playback, labeling, timeline and appearance settings"), edit),
       [this] { showSettings(); })
        ->setIcon(icon("preferences-system", QStyle::SP_FileDialogDetailedView));

    // The features' own.
    TimelineActions::add(m_timeline, m_actions);
    m_labelingActions = new LabelingActions(m_workbench, m_actions, m_classesPanel);
    auto* playback = new PlaybackActions(m_workbench, m_actions, this);
    connect(playback, &PlaybackActions::goToDone, this, [this] { m_timeline->setFocus(Qt::OtherFocusReason); });

    on(a.make(QStringLiteral("resetLayout"), tr("&Reset Layout"), {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R)},
              tr("Put the panels back where they were at first start"), view),
       [this] {
           applyDefaultLayout();
           fitToScreen();
       });
    on(a.make(QStringLiteral("fullScreen"), tr("F&ull Screen"), {QKeySequence(Qt::Key_F11)}, tr("Toggle full screen"),
              view),
       [this] { isFullScreen() ? showNormal() : showFullScreen(); });
    m_files->registerToolActions(m_actions);
    on(a.make(QStringLiteral("shortcuts"), tr("&Keyboard Shortcuts"),
              {QKeySequence(Qt::Key_F1), QKeySequence(Qt::CTRL | Qt::Key_Slash)}, tr("List every action with its keys"),
              help),
       [this] { showShortcuts(); });
    on(a.make(QStringLiteral("about"), tr("&About FragmentLab"), {QKeySequence(Qt::SHIFT | Qt::Key_F1)},
              tr("Version, credits and licences"), help),
       [this] { showAbout(); });
    refreshIcons();

    // The transport bar uses the actions.
    TransportBar::Actions ta;
    ta.previousFragment = a.find(QStringLiteral("previousFragment"));
    ta.previousFrame = a.find(QStringLiteral("previousFrame"));
    ta.playPause = a.find(QStringLiteral("playPause"));
    ta.nextFrame = a.find(QStringLiteral("nextFrame"));
    ta.nextFragment = a.find(QStringLiteral("nextFragment"));
    ta.paintWhilePlaying = a.find(QStringLiteral("paintWhilePlaying"));
    m_transport = new TransportBar(m_workbench->player(), ta, this);
    connect(m_transport, &TransportBar::editingDone, this, [this] { m_timeline->setFocus(Qt::OtherFocusReason); });
    auto* top = qobject_cast<QWidget*>(m_view->parent());
    static_cast<QVBoxLayout*>(top->layout())->addWidget(m_transport);
}

void MainWindow::buildDocks()
{
    auto* undoView = new QUndoView(m_workbench->document()->undoStack(), this);
    undoView->setEmptyLabel(tr("<opened>"));
    undoView->setToolTip(tr("Every change since the project was opened; click one to go back to it"));
    addPanelDock(m_videosPanel, QStringLiteral("videosDock"));
    addPanelDock(m_classesPanel, QStringLiteral("classesDock"));
    addPanelDock(undoView, QStringLiteral("historyDock"));
    connect(m_videosPanel, &VideosPanel::videoActivated, m_workbench, &Workbench::selectVideo);
    connect(m_videosPanel, &VideosPanel::problem, this, [this](const QString& m) { showError(tr("Videos"), m); });
    connect(m_classesPanel, &ClassesPanel::problem, this, [this](const QString& m) { showError(tr("Classes"), m); });
    // A class key may not take a key an action already uses.
    m_classesPanel->model()->keyConflict = [this](const QString& key) { return m_actions->conflict(key); };
}

QDockWidget* MainWindow::addPanelDock(QWidget* content, const QString& objectName)
{
    return m_docks->add(content, objectName);
}

void MainWindow::addBottomPanel(QWidget* panel)
{
    m_bottomLayout->insertWidget(m_bottomLayout->count() - 1, panel, 1);
    // Make room for it below the timeline, taken from the video.
    QList<int> sizes = m_splitter->sizes();
    const int want = m_timeline->sizeHint().height() + panel->sizeHint().height() + m_bottomLayout->spacing();
    if (sizes.size() == 2 && sizes[1] < want && sizes[0] > want) {
        sizes[0] -= want - sizes[1];
        sizes[1] = want;
        m_splitter->setSizes(sizes);
    }
}

QMenu* MainWindow::menu(Menu which) const
{
    return m_menus->menu(which);
}

void MainWindow::applyDefaultLayout()
{
    m_docks->applyDefault();
}

void MainWindow::ensureLayout()
{
    m_docks->ensure();
}

void MainWindow::fitToScreen()
{
    m_docks->fitToScreen();
}

void MainWindow::showEvent(QShowEvent* e)
{
    ensureLayout();
    QMainWindow::showEvent(e);
}

void MainWindow::buildStatusBar()
{
    m_statusText = new QLabel(this);
    m_jobProgress = new JobProgressWidget(m_workbench->jobRunner(), this);
    statusBar()->addWidget(m_statusText, 1);
    statusBar()->addPermanentWidget(m_jobProgress);
    statusBar()->addPermanentWidget(new LabelingProgress(m_workbench, this));
    connect(m_workbench->jobRunner(), &JobRunner::jobFinished, this,
            [this](Job* job, Job::State state, const QString& error) {
                if (state == Job::State::Failed)
                    statusBar()->showMessage(tr("%1 failed: %2").arg(job->title(), error), 10000);
                else if (state == Job::State::Cancelled)
                    statusBar()->showMessage(tr("%1: cancelled").arg(job->title()), 5000);
            });
}

// ---------------------------------------------------------------------------------------
// Wiring: what the window shows follows the workbench, the document and the player

void MainWindow::connectWorkbench()
{
    Workbench* wb = m_workbench;
    ProjectDocument* document = wb->document();
    // Connected before any feature: the views show the new place before the features hear of it.
    connect(wb, &Workbench::currentVideoChanged, this, &MainWindow::showVideo);
    new LabelBadge(wb, m_view, m_transport);
    connect(wb, &Workbench::statusMessage, this, [this](const QString& m, int ms) { statusBar()->showMessage(m, ms); });
    connect(wb, &Workbench::errorReported, this,
            [this](const QString& title, const QString& m) { showError(title, m); });
    connect(wb, &Workbench::selectFragmentsRequested, m_timeline, &TimelineView::setSelection);
    connect(wb, &Workbench::revealFrameRequested, m_timeline, &TimelineView::ensureVisible);
    connect(m_files, &ProjectFiles::projectOpened, this, [this] {
        m_labelingActions->rebuildClassKeys();
        m_timeline->setVideo(-1);
        updateTitle();
        updateActions();
        if (m_workbench->document()->project().videoCount() == 0) {
            showNoVideo();
            updatePlaceInfo();
        }
    });

    connect(document, &ProjectDocument::modifiedChanged, this, [this] { updateTitle(); });
    connect(document, &ProjectDocument::locationChanged, this, [this] { updateTitle(); });
    connect(document, &ProjectDocument::classesChanged, this, [this] {
        updatePlaceInfo();
        m_workbench->refreshFragment();
    });
    connect(document, &ProjectDocument::labelsChanged, this, [this](int video, qint64, qint64) {
        if (video < 0 || video == m_workbench->currentVideo()) {
            updatePlaceInfo();
            m_workbench->refreshFragment(true); // the label under the playhead may have changed
        }
    });
    connect(document, &ProjectDocument::videosChanged, this, [this] {
        m_workbench->followVideoList();
        m_videosPanel->setCurrentVideo(m_workbench->currentVideo());
        updateActions();
    });
    connect(document, &ProjectDocument::autosaved, this, [this](const QString&) {
        statusBar()->showMessage(tr("Autosaved unsaved changes to the recovery file"), 3000);
    });
    connect(document, &ProjectDocument::autosaveFailed, this,
            [this](const QString& error) { statusBar()->showMessage(tr("Autosave failed: %1").arg(error), 10000); });
    connect(m_timeline, &TimelineView::seekRequested, wb, &Workbench::seek);
    connect(m_timeline, &TimelineView::selectionChanged, this, [this](qint64 first, qint64 last) {
        m_workbench->labeling()->setSelection(first, last);
        updatePlaceInfo();
        m_workbench->refreshFragment();
    });
}

void MainWindow::connectPlayer()
{
    VideoPlayer* player = m_workbench->player();
    connect(player, &VideoPlayer::frameReady, this,
            [this](qint64 frame, const QImage& image, bool full) { m_view->setImage(image, frame, full); });
    connect(player, &VideoPlayer::positionChanged, this, [this](qint64 frame) {
        m_timeline->setPlayhead(frame);
        m_workbench->labeling()->setPosition(frame);
        updatePlaceInfo();
        m_workbench->refreshFragment();
    });
    connect(player, &VideoPlayer::playingChanged, this, [this](bool playing) {
        QAction* play = m_actions->find(QStringLiteral("playPause"));
        play->setIcon(PaintedIcons::icon(playing ? PaintedIcons::Kind::Pause : PaintedIcons::Kind::Play, palette()));
        play->setText(playing ? tr("&Pause") : tr("&Play"));
    });
    connect(player, &VideoPlayer::opened, this, [this, player] {
        m_timeline->setKeyframes(player->index().keyframes());
        m_timeline->setFrameRate(player->fps());
        m_transport->refresh();
        player->setSpeed(m_settings->defaultSpeed());
        m_files->ensurePreview();
        m_workbench->noteVideoOpened();
    });
    connect(player, &VideoPlayer::openFailed, this, [this](const QString& message) {
        m_view->setMessage(message);
        m_jobProgress->setVisible(!m_workbench->jobRunner()->activeJobs().empty());
        statusBar()->showMessage(message, 15000);
    });
    connect(player, &VideoPlayer::openProgress, this, [this](qint64 done, qint64 total, const QString& what) {
        m_view->setMessage(total > 0 ? tr("%1: %2%").arg(what).arg(int(100.0 * double(done) / double(total))) : what);
    });
    connect(player, &VideoPlayer::decodeFailed, this,
            [this](const QString& message) { statusBar()->showMessage(message, 10000); });
}

void MainWindow::applySettings()
{
    m_workbench->document()->setAutosaveInterval(m_settings->autosaveIntervalSeconds());
    VideoSource::setDefaultHardwareDecoding(m_settings->hardwareDecoding());
    m_workbench->player()->setReadAheadFrames(m_settings->readAheadFrames());
    m_workbench->player()->setCacheBudget(qint64(m_settings->frameCacheMegabytes()) * 1024 * 1024);
    m_workbench->labeling()->setAdvanceAfterLabel(m_settings->advanceAfterLabel());
    m_timeline->setShowFragmentBoundaries(m_settings->showFragmentBoundaries());
    m_timeline->setShowKeyframes(m_settings->showKeyframes());
    m_timeline->setSnapToFragments(m_settings->snapEdgesToFragments());
    m_timeline->setFollowPlayhead(m_settings->followPlayhead());
    if (QAction* paint = m_actions->find(QStringLiteral("paintWhilePlaying"))) {
        const QSignalBlocker block(paint);
        paint->setChecked(m_settings->paintWhilePlaying());
    }
    m_files->setRecentMenu(m_menus->recentMenu());
}

// ---------------------------------------------------------------------------------------
// What the window shows about the current place

void MainWindow::showNoVideo()
{
    m_view->setMessage(tr("This project has no videos yet.\nDrop video files here or use File > Add Videos (Ctrl+I)."));
    m_transport->refresh();
}

void MainWindow::showVideo(int video)
{
    m_timeline->setVideo(video);
    m_classesPanel->model()->setCurrentVideo(video);
    m_videosPanel->setCurrentVideo(video);
    if (video < 0) {
        showNoVideo();
    } else {
        m_view->clear();
        const QString path = m_workbench->document()->project().absoluteVideoPath(video);
        if (!QFileInfo::exists(path))
            m_view->setMessage(
                tr("%1 is missing (moved or deleted).\nFile > Relink Missing Videos finds it by content.").arg(path));
        else
            m_view->setMessage(tr("Opening %1...").arg(QFileInfo(path).fileName()));
        m_transport->refresh();
    }
    updatePlaceInfo();
    updateActions();
}

void MainWindow::updateTitle()
{
    const ProjectDocument* document = m_workbench->document();
    const QString name = document->hasProject() ? document->project().name() : tr("No project");
    setWindowTitle(tr("%1[*] - FragmentLab").arg(name));
    setWindowModified(document->isModified());
}

void MainWindow::updatePlaceInfo()
{
    if (!m_workbench->hasCurrentVideo()) {
        m_statusText->clear();
        return;
    }
    const qint64 frame = m_workbench->currentFrame();
    m_view->setInfoText(tr("frame %1 · %2").arg(frame).arg(TimecodeText::format(m_workbench->player()->timeMs(frame))));
    QString selection;
    const auto sel = m_timeline->selection();
    if (!sel.isEmpty())
        selection = sel.count() == 1
            ? tr("fragment %1 selected").arg(sel.first)
            : tr("%1 fragments selected (%2-%3)").arg(sel.count()).arg(sel.first).arg(sel.last);
    m_statusText->setText(selection);
}

void MainWindow::updateActions()
{
    const bool project = m_workbench->document()->hasProject();
    m_actions->setAvailable(project, project && m_workbench->currentVideo() >= 0);
}

void MainWindow::refreshIcons()
{
    using K = PaintedIcons::Kind;
    const std::pair<const char*, K> icons[] = {{"playPause", m_workbench->player()->isPlaying() ? K::Pause : K::Play},
                                               {"nextFrame", K::StepForward},
                                               {"previousFrame", K::StepBack},
                                               {"nextFragment", K::NextFragment},
                                               {"previousFragment", K::PreviousFragment},
                                               {"zoomIn", K::ZoomIn},
                                               {"zoomOut", K::ZoomOut},
                                               {"zoomFit", K::ZoomFit},
                                               {"paintWhilePlaying", K::Paint}};
    for (const auto& [name, kind] : icons)
        if (QAction* a = m_actions->find(QLatin1String(name))) a->setIcon(PaintedIcons::icon(kind, palette()));
}

// ---------------------------------------------------------------------------------------
// Dialogs and window events

void MainWindow::showError(const QString& title, const QString& message)
{
    emit errorShown(title, message);
    DialogPrompts::showError(title, message);
}

void MainWindow::showShortcuts()
{
    ShortcutsDialog dialog(m_actions->entries(), this);
    dialog.exec();
}

void MainWindow::showSettings()
{
    SettingsDialog dialog(m_settings, this);
    dialog.exec();
}

void MainWindow::showAbout()
{
    QMessageBox::about(
        this, tr("About FragmentLab"),
        tr("<h3>FragmentLab %1</h3>"
           "<p>A workbench for spatial-temporal fragments of video: label them, train a model on them, inspect what it learned.</p>"
           "<p>Built with Qt %2, OpenCV (FFmpeg) and LibTorch.</p>"
           "<p><b>Demo media</b><br>"
           "<i>Big Buck Bunny</i> &copy; copyright 2008, Blender Foundation, "
           "<a href='https://www.bigbuckbunny.org'>www.bigbuckbunny.org</a>, licensed "
           "<a href='https://creativecommons.org/licenses/by/3.0/'>CC BY 3.0</a>.<br>"
           "<i>cityCC0.mpg</i> (a city at night) from the Kivy examples, released under "
           "<a href='https://creativecommons.org/publicdomain/zero/1.0/'>CC0</a>.</p>")
            .arg(QStringLiteral(FRAGMENTLAB_VERSION), QString::fromLatin1(qVersion())));
}

void MainWindow::closeEvent(QCloseEvent* e)
{
    if (!m_files->maybeSave()) {
        e->ignore();
        return;
    }
    m_workbench->player()->pause();
    m_workbench->jobRunner()->cancelAll();
    m_workbench->jobRunner()->waitForAll(10000);
    m_docks->save();
    m_settings->sync();
    e->accept();
}

void MainWindow::dragEnterEvent(QDragEnterEvent* e)
{
    if (e->mimeData()->hasUrls() && ProjectFiles::canOpenDropped(e->mimeData()->urls())) e->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent* e)
{
    e->acceptProposedAction();
    m_files->openDropped(e->mimeData()->urls());
}

void MainWindow::changeEvent(QEvent* e)
{
    if (e->type() == QEvent::PaletteChange || e->type() == QEvent::StyleChange) refreshIcons();
    QMainWindow::changeEvent(e);
}

} // namespace fl
