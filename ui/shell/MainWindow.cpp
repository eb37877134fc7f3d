#include "shell/MainWindow.h"

#include "settings/AppSettings.h"
#include "settings/AppearanceTheme.h"
#include "labeling/ClassListModel.h"
#include "labeling/ClassesPanel.h"
#include "document/DemoProject.h"
#include "player/FrameView.h"
#include "shell/JobProgressWidget.h"
#include "labeling/LabelingController.h"
#include "document/NewProjectDialog.h"
#include "shell/PaintedIcons.h"
#include "document/ProjectDocument.h"
#include "settings/SettingsDialog.h"
#include "settings/ShortcutsDialog.h"
#include "player/TimecodeText.h"
#include "timeline/TimelineView.h"
#include "player/TransportBar.h"
#include "document/VideoListModel.h"
#include "player/VideoPlayer.h"
#include "document/VideosPanel.h"

#include "fragments/FragmentCache.h"
#include "jobs/FunctionJob.h"
#include "jobs/JobRunner.h"
#include "project/LabelExchange.h"
#include "video/FileFingerprint.h"
#include "video/PreviewStore.h"
#include "video/VideoSource.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDateTime>
#include <QDir>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QInputDialog>
#include <QKeyEvent>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QScreen>
#include <QScrollArea>
#include <QShowEvent>
#include <QMimeData>
#include <QProgressBar>
#include <QSplitter>
#include <QStatusBar>
#include <QStyle>
#include <QToolBar>
#include <QToolButton>
#include <QUndoStack>
#include <QUndoView>
#include <QVBoxLayout>

#include <algorithm>


namespace fl {

namespace {

QIcon themedIcon(const char* name, QStyle::StandardPixmap fallback, const QStyle* style)
{
    return QIcon::fromTheme(QLatin1String(name), style->standardIcon(fallback));
}

QString plainColor(const QString& hex) { return hex.isEmpty() ? QStringLiteral("#888888") : hex; }

} // namespace

// ---------------------------------------------------------------------------------------
// Construction

MainWindow::MainWindow(AppSettings* settings, QWidget* parent) : QMainWindow(parent)
{
    m_settings = settings ? settings : new AppSettings(nullptr, this);
    m_document = new ProjectDocument(this);
    m_player = new VideoPlayer(this);
    // First of every receiver: whatever else reacts to a replaced project (the timeline's
    // selection, the panels) must find no current video of the old project.
    connect(m_document, &ProjectDocument::projectReplaced, this, [this] {
        m_labeling->endStroke();
        m_video = -1;
        m_lastFragment = -2;
        m_player->close();
    });
    m_jobs = new JobRunner(this, 2);
    m_labeling = new LabelingController(m_document, this);
    setObjectName(QStringLiteral("MainWindow"));
    setAcceptDrops(true);
    setDockOptions(QMainWindow::AnimatedDocks | QMainWindow::AllowTabbedDocks);

    buildCentre();
    buildActions();
    buildDocks();
    buildMenusAndToolbar();
    buildStatusBar();
    connectDocument();
    connectPlayer();
    applySettings();
    connect(m_settings, &AppSettings::generalChanged, this, &MainWindow::applySettings);
    connect(m_settings, &AppSettings::playbackChanged, this, &MainWindow::applySettings);
    connect(m_settings, &AppSettings::labelingChanged, this, &MainWindow::applySettings);
    connect(m_settings, &AppSettings::timelineChanged, this, &MainWindow::applySettings);
    connect(m_settings, &AppSettings::appearanceChanged, this, [this] { AppearanceTheme::apply(m_settings->theme()); });

    resize(1440, 900);
    // The saved layout is restored once every dock exists (ensureLayout, at the first show):
    // docks added by the workspaces after this constructor take their saved places then.
    updateTitle();
    updateActions();
    updateCounts();
    // The labeling keys work from the start, without a click on the timeline first.
    m_timeline->setFocus(Qt::OtherFocusReason);
}

MainWindow::~MainWindow()
{
    m_jobs->cancelAll();
    m_jobs->waitForAll(10000);
}

void MainWindow::buildCentre()
{
    m_view = new FrameView(this);
    m_view->setMessage(tr("Open a project (File > Open Project) or drop video files here."));
    m_timeline = new TimelineView(this);
    m_timeline->setDocument(m_document);

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

QAction* MainWindow::makeAction(const QString& objectName, const QString& text, const QList<QKeySequence>& keys, const QString& tip,
                                const QString& category)
{
    auto* action = new QAction(text, this);
    action->setObjectName(objectName);
    action->setShortcuts(keys);
    QString shortcut;
    if (!keys.isEmpty())
        shortcut = QStringLiteral(" (%1)").arg(keys.front().toString(QKeySequence::NativeText));
    action->setToolTip(tip + shortcut);
    action->setStatusTip(tip);
    registerAction(action, category);
    return action;
}

void MainWindow::registerAction(QAction* action, const QString& category)
{
    addAction(action); // shortcuts work wherever the focus is in the window
    m_registry.push_back({category, action});
}

std::vector<ShortcutTableModel::Entry> MainWindow::shortcutEntries() const
{
    std::vector<ShortcutTableModel::Entry> entries;
    for (const auto& e : m_registry)
        if (e.action)
            entries.push_back(e);
    return entries;
}

QAction* MainWindow::findAction(const QString& objectName) const
{
    for (const auto& e : m_registry)
        if (e.action && e.action->objectName() == objectName)
            return e.action;
    return nullptr;
}

void MainWindow::buildActions()
{
    const QString file = tr("File"), edit = tr("Edit"), view = tr("View"), playback = tr("Playback"), labels = tr("Labels"),
                  tools = tr("Tools"), help = tr("Help");
    const QStyle* s = style();
    auto on = [this](QAction* a, auto slot) { connect(a, &QAction::triggered, this, slot); return a; };

    // File
    on(makeAction(QStringLiteral("newProject"), tr("&New Project..."), {QKeySequence::New}, tr("Create a project in a new folder"), file),
       [this] { newProjectDialog(); })->setIcon(themedIcon("document-new", QStyle::SP_FileDialogNewFolder, s));
    on(makeAction(QStringLiteral("openProject"), tr("&Open Project..."), {QKeySequence::Open}, tr("Open a project folder"), file),
       [this] { openProjectDialog(); })->setIcon(themedIcon("document-open", QStyle::SP_DialogOpenButton, s));
    on(makeAction(QStringLiteral("openDemo"), tr("Open &Demo Project"), {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_D)},
                  tr("Open (a copy of) the bundled demo project"), file),
       [this] { (void)openDemoProject(); });
    on(makeAction(QStringLiteral("save"), tr("&Save"), {QKeySequence::Save}, tr("Save the project"), file), [this] { saveProject(); })
        ->setIcon(themedIcon("document-save", QStyle::SP_DialogSaveButton, s));
    on(makeAction(QStringLiteral("saveAs"), tr("Save &As..."), {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S)},
                  tr("Save the project into another folder and continue there"), file),
       [this] { saveProjectAs(); });
    on(makeAction(QStringLiteral("addVideos"), tr("Add &Videos..."), {QKeySequence(Qt::CTRL | Qt::Key_I)},
                  tr("Add video files to the project (or drop them on the window)"), file),
       [this] { addVideosDialog(); })->setIcon(themedIcon("list-add", QStyle::SP_FileDialogNewFolder, s));
    on(makeAction(QStringLiteral("relink"), tr("&Relink Missing Videos..."), {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_L)},
                  tr("Find videos that moved, by content, in a folder you choose"), file),
       [this] { relinkDialog(); });
    on(makeAction(QStringLiteral("importLabels"), tr("&Import Labels..."), {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_I)},
                  tr("Import labels from a CSV or JSON file (undoable)"), file),
       [this] { importLabelsDialog(); });
    on(makeAction(QStringLiteral("exportLabels"), tr("&Export Labels..."), {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E)},
                  tr("Export all labels to a CSV or JSON file"), file),
       [this] { exportLabelsDialog(); });
    on(makeAction(QStringLiteral("quit"), tr("&Quit"), {QKeySequence(Qt::CTRL | Qt::Key_Q)}, tr("Quit FragmentLab"), file),
       [this] { close(); });

    // Edit
    QAction* undo = m_document->undoStack()->createUndoAction(this, tr("&Undo"));
    undo->setObjectName(QStringLiteral("undo"));
    // Ctrl+Z only: the platform's list (QKeySequence::Undo) adds F14 on X11, which the
    // shortcut list showed as "Ctrl+Z, F14".
    undo->setShortcuts({QKeySequence(Qt::CTRL | Qt::Key_Z)});
    undo->setToolTip(tr("Undo the last change (Ctrl+Z)"));
    undo->setIcon(themedIcon("edit-undo", QStyle::SP_ArrowBack, s));
    registerAction(undo, edit);
    QAction* redo = m_document->undoStack()->createRedoAction(this, tr("&Redo"));
    redo->setObjectName(QStringLiteral("redo"));
    redo->setShortcuts({QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z), QKeySequence(Qt::CTRL | Qt::Key_Y)});
    redo->setToolTip(tr("Redo the change undone last (Ctrl+Shift+Z)"));
    redo->setIcon(themedIcon("edit-redo", QStyle::SP_ArrowForward, s));
    registerAction(redo, edit);
    on(makeAction(QStringLiteral("selectAll"), tr("Select &All Fragments"), {QKeySequence::SelectAll},
                  tr("Select every fragment of the video"), edit),
       [this] { m_timeline->selectAll(); });
    on(makeAction(QStringLiteral("selectNone"), tr("Select &None"), {QKeySequence(Qt::Key_Escape)},
                  tr("Clear the selection (keys then act on the fragment under the playhead)"), edit),
       [this] { m_timeline->clearSelection(); });
    on(makeAction(QStringLiteral("clearLabels"), tr("&Clear Labels"), {QKeySequence(Qt::Key_Delete), QKeySequence(Qt::Key_Backspace)},
                  tr("Remove the labels of the selection or of the fragment under the playhead"), edit),
       [this] {
           if (auto st = m_labeling->clearLabels(); !st)
               statusBar()->showMessage(st.error(), 5000);
       })->setIcon(themedIcon("edit-clear", QStyle::SP_DialogResetButton, s));
    on(makeAction(QStringLiteral("settings"), tr("Se&ttings..."), {QKeySequence(Qt::CTRL | Qt::Key_Comma)},
                  tr("Autosave, playback, labeling, timeline and appearance settings"), edit),
       [this] { showSettings(); })->setIcon(themedIcon("preferences-system", QStyle::SP_FileDialogDetailedView, s));

    // Playback
    QAction* play = on(makeAction(QStringLiteral("playPause"), tr("&Play / Pause"), {QKeySequence(Qt::Key_Space)},
                                  tr("Start or stop playback"), playback),
                       [this] { m_player->togglePlayback(); });
    on(makeAction(QStringLiteral("nextFrame"), tr("Next &Frame"), {QKeySequence(Qt::Key_Right)}, tr("Step one frame forward"), playback),
       [this] { m_player->stepFrames(1); });
    on(makeAction(QStringLiteral("previousFrame"), tr("Previous F&rame"), {QKeySequence(Qt::Key_Left)}, tr("Step one frame back"), playback),
       [this] { m_player->stepFrames(-1); });
    on(makeAction(QStringLiteral("nextFragment"), tr("Next Fra&gment"), {QKeySequence(Qt::SHIFT | Qt::Key_Right)},
                  tr("Jump to the first frame of the next fragment"), playback),
       [this] { stepFragments(1); });
    on(makeAction(QStringLiteral("previousFragment"), tr("Previous Fragm&ent"), {QKeySequence(Qt::SHIFT | Qt::Key_Left)},
                  tr("Jump to the first frame of this or the previous fragment"), playback),
       [this] { stepFragments(-1); });
    on(makeAction(QStringLiteral("forward1s"), tr("Forward 1 Second"), {QKeySequence(Qt::CTRL | Qt::Key_Right)},
                  tr("Jump one second ahead"), playback),
       [this] { m_player->stepSeconds(1); });
    on(makeAction(QStringLiteral("back1s"), tr("Back 1 Second"), {QKeySequence(Qt::CTRL | Qt::Key_Left)}, tr("Jump one second back"), playback),
       [this] { m_player->stepSeconds(-1); });
    on(makeAction(QStringLiteral("forward10s"), tr("Forward 10 Seconds"), {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Right)},
                  tr("Jump ten seconds ahead"), playback),
       [this] { m_player->stepSeconds(10); });
    on(makeAction(QStringLiteral("back10s"), tr("Back 10 Seconds"), {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Left)},
                  tr("Jump ten seconds back"), playback),
       [this] { m_player->stepSeconds(-10); });
    on(makeAction(QStringLiteral("firstFrame"), tr("First Frame"), {QKeySequence(Qt::Key_Home)}, tr("Go to the first frame"), playback),
       [this] { seek(0); });
    on(makeAction(QStringLiteral("lastFrame"), tr("Last Frame"), {QKeySequence(Qt::Key_End)}, tr("Go to the last frame"), playback),
       [this] { seek(m_player->frameCount() - 1); });
    on(makeAction(QStringLiteral("faster"), tr("Faster"), {QKeySequence(Qt::Key_BracketRight)}, tr("Play faster (up to 4×)"), playback),
       [this] {
           static const double steps[] = {0.25, 0.5, 0.75, 1.0, 1.5, 2.0, 3.0, 4.0};
           for (double v : steps)
               if (v > m_player->speed() + 1e-9) { m_player->setSpeed(v); return; }
       });
    on(makeAction(QStringLiteral("slower"), tr("Slower"), {QKeySequence(Qt::Key_BracketLeft)}, tr("Play slower (down to 0.25×)"), playback),
       [this] {
           static const double steps[] = {4.0, 3.0, 2.0, 1.5, 1.0, 0.75, 0.5, 0.25};
           for (double v : steps)
               if (v < m_player->speed() - 1e-9) { m_player->setSpeed(v); return; }
       });
    on(makeAction(QStringLiteral("normalSpeed"), tr("Normal Speed"), {QKeySequence(Qt::Key_Backslash)}, tr("Play at 1×"), playback),
       [this] { m_player->setSpeed(1.0); });
    on(makeAction(QStringLiteral("goTo"), tr("&Go To Frame or Time..."), {QKeySequence(Qt::CTRL | Qt::Key_G)},
                  tr("Jump to a frame number or a time"), playback),
       [this] { goToDialog(); });
    on(makeAction(QStringLiteral("nextUnlabeled"), tr("Next &Unlabeled Fragment"), {QKeySequence(Qt::Key_U)},
                  tr("Jump to the next fragment without a label"), playback),
       [this] { jumpToUnlabeled(1); });
    on(makeAction(QStringLiteral("previousUnlabeled"), tr("Previous Unlabeled Fragment"), {QKeySequence(Qt::SHIFT | Qt::Key_U)},
                  tr("Jump to the previous fragment without a label"), playback),
       [this] { jumpToUnlabeled(-1); });
    on(makeAction(QStringLiteral("nextVideo"), tr("Next &Video"), {QKeySequence(Qt::CTRL | Qt::Key_PageDown)},
                  tr("Show the next video of the project"), playback),
       [this] { selectVideo(m_video + 1); });
    on(makeAction(QStringLiteral("previousVideo"), tr("Previous V&ideo"), {QKeySequence(Qt::CTRL | Qt::Key_PageUp)},
                  tr("Show the previous video of the project"), playback),
       [this] { selectVideo(m_video - 1); });

    // Labels
    QAction* paint = makeAction(QStringLiteral("paintWhilePlaying"), tr("&Paint While Playing"), {QKeySequence(Qt::Key_P)},
                                tr("While playing, holding a class key labels every fragment the playhead passes"), labels);
    paint->setCheckable(true);
    connect(paint, &QAction::toggled, this, [this](bool on) { m_settings->setPaintWhilePlaying(on); });
    on(makeAction(QStringLiteral("addClass"), tr("Add &Class..."), {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N)},
                  tr("Add a label class"), labels),
       [this] { m_classesPanel->addClass(); });

    // View
    on(makeAction(QStringLiteral("zoomIn"), tr("Zoom &In"), {QKeySequence(Qt::Key_Plus), QKeySequence(Qt::Key_Equal), QKeySequence::ZoomIn},
                  tr("Zoom the timeline in around the playhead (Ctrl+wheel over the timeline)"), view),
       [this] { m_timeline->zoomIn(); });
    on(makeAction(QStringLiteral("zoomOut"), tr("Zoom &Out"), {QKeySequence(Qt::Key_Minus), QKeySequence::ZoomOut},
                  tr("Zoom the timeline out"), view),
       [this] { m_timeline->zoomOut(); });
    on(makeAction(QStringLiteral("zoomFit"), tr("Zoom to &Fit"), {QKeySequence(Qt::CTRL | Qt::Key_0)},
                  tr("Show the whole video on the timeline"), view),
       [this] { m_timeline->zoomToFit(); });
    on(makeAction(QStringLiteral("resetLayout"), tr("&Reset Layout"), {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R)},
                  tr("Put the panels back where they were at first start"), view),
       [this] {
           applyDefaultLayout();
           fitToScreen();
       });
    on(makeAction(QStringLiteral("fullScreen"), tr("F&ull Screen"), {QKeySequence(Qt::Key_F11)}, tr("Toggle full screen"), view),
       [this] { isFullScreen() ? showNormal() : showFullScreen(); });

    // Tools
    on(makeAction(QStringLiteral("buildCache"), tr("Build &Fragment Cache"), {QKeySequence(Qt::CTRL | Qt::Key_B)},
                  tr("Decode every video once into the fragment cache that training and prediction read"), tools),
       [this] { buildFragmentCache(); });

    // Help
    on(makeAction(QStringLiteral("shortcuts"), tr("&Keyboard Shortcuts"), {QKeySequence(Qt::Key_F1), QKeySequence(Qt::CTRL | Qt::Key_Slash)},
                  tr("List every action with its keys"), help),
       [this] { showShortcuts(); });
    on(makeAction(QStringLiteral("about"), tr("&About FragmentLab"), {QKeySequence(Qt::SHIFT | Qt::Key_F1)},
                  tr("Version, credits and licences"), help),
       [this] { showAbout(); });

    refreshIcons();

    // The transport bar uses the actions.
    TransportBar::Actions ta;
    ta.previousFragment = findAction(QStringLiteral("previousFragment"));
    ta.previousFrame = findAction(QStringLiteral("previousFrame"));
    ta.playPause = play;
    ta.nextFrame = findAction(QStringLiteral("nextFrame"));
    ta.nextFragment = findAction(QStringLiteral("nextFragment"));
    ta.paintWhilePlaying = paint;
    m_transport = new TransportBar(m_player, ta, this);
    connect(m_transport, &TransportBar::editingDone, this, [this] { m_timeline->setFocus(Qt::OtherFocusReason); });
    auto* top = qobject_cast<QWidget*>(m_view->parent());
    static_cast<QVBoxLayout*>(top->layout())->addWidget(m_transport);
}

void MainWindow::buildDocks()
{
    m_videosPanel = new VideosPanel(m_document, findAction(QStringLiteral("addVideos")), this);
    m_classesPanel = new ClassesPanel(m_document, this);
    m_undoView = new QUndoView(m_document->undoStack(), this);
    m_undoView->setEmptyLabel(tr("<opened>"));
    m_undoView->setToolTip(tr("Every change since the project was opened; click one to go back to it"));
    addPanelDock(m_videosPanel, QStringLiteral("videosDock"), tr("Videos"), Qt::LeftDockWidgetArea, QKeySequence(Qt::ALT | Qt::Key_1),
                 DockGroup::Own);
    addPanelDock(m_classesPanel, QStringLiteral("classesDock"), tr("Classes"), Qt::LeftDockWidgetArea, QKeySequence(Qt::ALT | Qt::Key_2));
    addPanelDock(m_undoView, QStringLiteral("historyDock"), tr("Undo History"), Qt::LeftDockWidgetArea, QKeySequence(Qt::ALT | Qt::Key_3));
    connect(m_videosPanel, &VideosPanel::videoActivated, this, &MainWindow::selectVideo);
    connect(m_videosPanel, &VideosPanel::problem, this, [this](const QString& m) { showError(tr("Videos"), m); });
    connect(m_classesPanel, &ClassesPanel::problem, this, [this](const QString& m) { showError(tr("Classes"), m); });
    // A class key may not take a key an action already uses.
    m_classesPanel->model()->keyConflict = [this](const QString& key) { return shortcutConflict(key); };
}

QDockWidget* MainWindow::addPanelDock(QWidget* content, const QString& objectName, const QString& title, Qt::DockWidgetArea area,
                                      const QKeySequence& toggleShortcut, DockGroup group)
{
    auto* dock = new QDockWidget(title, this);
    dock->setObjectName(objectName);
    // In a scroll area: a panel's own minimum size (a wide form, a long report line) never
    // becomes the window's; in a small dock the panel scrolls instead.
    auto* scroll = new QScrollArea(dock);
    scroll->setObjectName(objectName + QStringLiteral("Scroll"));
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(content);
    dock->setWidget(scroll);
    addDockWidget(area, dock);
    QAction* toggle = dock->toggleViewAction();
    toggle->setObjectName(QStringLiteral("toggle_") + objectName);
    // Qt's own toggle hides a panel that sits behind another tab; here a panel not in view
    // (hidden, or behind a tab) comes to the front, and only one in view is hidden.
    QObject::disconnect(toggle, &QAction::triggered, dock, nullptr);
    connect(toggle, &QAction::triggered, this, [this, dock, toggle] {
        if (isDockInView(dock)) {
            dock->hide();
        } else {
            dock->show();
            dock->raise();
        }
        toggle->setChecked(!dock->isHidden());
    });
    if (!toggleShortcut.isEmpty())
        toggle->setShortcut(toggleShortcut);
    const QString key = toggleShortcut.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(toggleShortcut.toString(QKeySequence::NativeText));
    toggle->setToolTip(tr("Show or hide the %1 panel").arg(title) + key);
    toggle->setStatusTip(tr("Show or hide the %1 panel").arg(title));
    registerAction(toggle, tr("View"));
    if (m_docksMenu)
        m_docksMenu->addAction(toggle);
    m_dockPlaces.push_back({dock, area, group});
    // Added after the layout was made: where the restored layout had it (hidden included),
    // else its default place.
    if (m_layoutDone && !(m_layoutRestored && restoreDockWidget(dock)))
        placeDock(dock);
    return dock;
}

bool MainWindow::isDockInView(const QDockWidget* dock)
{
    // A dock behind another tab is not hidden: Qt moves it out of its window instead, so
    // nothing of it is visible there.
    return dock->isVisible() && (dock->isFloating() || !dock->visibleRegion().isEmpty());
}

const MainWindow::DockPlace* MainWindow::placeOf(const QDockWidget* dock) const
{
    for (const DockPlace& p : m_dockPlaces)
        if (p.dock == dock)
            return &p;
    return nullptr;
}

QDockWidget* MainWindow::tabbedOnto(const DockPlace& place) const
{
    // The previous dock of its area, when both are tabbed (one tab group per run of tabbed
    // docks; a dock of its own starts none and ends the one before).
    const DockPlace* previous = nullptr;
    for (const DockPlace& p : m_dockPlaces) {
        if (p.dock == place.dock)
            break;
        if (p.area == place.area)
            previous = &p;
    }
    return previous && previous->group == DockGroup::Tabbed && place.group == DockGroup::Tabbed ? previous->dock : nullptr;
}

void MainWindow::placeDock(QDockWidget* dock)
{
    const DockPlace* place = placeOf(dock);
    if (!place)
        return;
    addDockWidget(place->area, dock);
    if (dock->isFloating())   // a floating dock removed from the layout stays floating
        dock->setFloating(false);
    if (QDockWidget* group = tabbedOnto(*place))
        tabifyDockWidget(group, dock);
    dock->show();
}

void MainWindow::applyDefaultLayout()
{
    for (const DockPlace& p : m_dockPlaces)
        removeDockWidget(p.dock);
    for (const DockPlace& p : m_dockPlaces)
        placeDock(p.dock);
    // The first panel of each tab group in front; the sides narrow enough for the video.
    QList<QDockWidget*> left, right;
    for (const DockPlace& p : m_dockPlaces) {
        if (tabbedOnto(p))
            continue;
        p.dock->raise();
        (p.area == Qt::RightDockWidgetArea ? right : left).push_back(p.dock);
    }
    // Each side as wide as its widest panel needs (a panel scrolls only where that would take
    // more than the side's share of the window), and never narrower than its usual share.
    const int w = width();
    auto needed = [this](Qt::DockWidgetArea area) {
        int most = 0;
        for (const DockPlace& p : m_dockPlaces)
            if (p.area == area)
                if (auto* scroll = qobject_cast<QScrollArea*>(p.dock->widget()); scroll && scroll->widget())
                    most = std::max(most, scroll->widget()->minimumSizeHint().width() + scroll->frameWidth() * 2 + 4);
        return most;
    };
    if (!left.isEmpty())
        resizeDocks({left.front()}, {std::clamp(needed(Qt::LeftDockWidgetArea), std::clamp(w * 16 / 100, 200, 360), std::max(200, w * 20 / 100))},
                    Qt::Horizontal);
    if (!right.isEmpty())
        resizeDocks({right.front()}, {std::clamp(needed(Qt::RightDockWidgetArea), std::clamp(w * 26 / 100, 280, 560), std::max(280, w * 35 / 100))},
                    Qt::Horizontal);
    if (left.size() > 1)
        resizeDocks(left, {height() * 2 / 5, height() * 3 / 5}, Qt::Vertical);   // room for 5+ videos
    const int h = m_splitter->height() > 0 ? m_splitter->height() : height();
    m_splitter->setSizes({h * 2 / 3, h / 3});
}

void MainWindow::ensureLayout()
{
    if (m_layoutDone)
        return;
    m_layoutDone = true;
    // Geometry first (restoreState lays the docks out in the restored size), within the screen.
    (void)restoreGeometry(m_settings->windowGeometry());
    fitToScreen();
    // A layout saved by a version before kLayoutVersion (docks stacked, not tabbed) is
    // not restored: the default layout replaces it.
    const QByteArray saved = m_settings->windowState();
    if (saved.isEmpty() || !restoreState(saved, kLayoutVersion)) {
        applyDefaultLayout();
    } else {
        m_layoutRestored = true;
        // Docks the saved layout does not know (a newer version's panels) take their default place.
        for (const DockPlace& p : m_dockPlaces)
            if (!restoreDockWidget(p.dock))
                placeDock(p.dock);
        if (!m_settings->splitterState().isEmpty())
            m_splitter->restoreState(m_settings->splitterState());
    }
}

void MainWindow::fitToScreen()
{
    // The offscreen platform's "screen" is a fixed 800x600 stand-in, not a user's screen.
    QScreen* s = screen();
    if (!s || QGuiApplication::platformName() == QLatin1String("offscreen") || isFullScreen() || isMaximized())
        return;
    const QRect avail = s->availableGeometry();
    QRect g = geometry();
    g.setSize(g.size().boundedTo(avail.size()));
    if (g.right() > avail.right())
        g.moveRight(avail.right());
    if (g.bottom() > avail.bottom())
        g.moveBottom(avail.bottom());
    if (g.left() < avail.left())
        g.moveLeft(avail.left());
    if (g.top() < avail.top())
        g.moveTop(avail.top());
    if (g != geometry())
        setGeometry(g);
}

void MainWindow::showEvent(QShowEvent* e)
{
    ensureLayout();
    QMainWindow::showEvent(e);
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
    return m_menus[int(which)];
}

void MainWindow::buildMenusAndToolbar()
{
    auto add = [this](QMenu* m, const char* name) { m->addAction(findAction(QLatin1String(name))); };
    QMenu* file = m_menus[int(Menu::File)] = menuBar()->addMenu(tr("&File"));
    add(file, "newProject");
    add(file, "openProject");
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    m_recentMenu->setToolTipsVisible(true);
    add(file, "openDemo");
    file->addSeparator();
    add(file, "save");
    add(file, "saveAs");
    file->addSeparator();
    add(file, "addVideos");
    add(file, "relink");
    file->addSeparator();
    add(file, "importLabels");
    add(file, "exportLabels");
    file->addSeparator();
    add(file, "quit");

    QMenu* edit = m_menus[int(Menu::Edit)] = menuBar()->addMenu(tr("&Edit"));
    add(edit, "undo");
    add(edit, "redo");
    edit->addSeparator();
    add(edit, "selectAll");
    add(edit, "selectNone");
    add(edit, "clearLabels");
    edit->addSeparator();
    add(edit, "settings");

    QMenu* view = m_menus[int(Menu::View)] = menuBar()->addMenu(tr("&View"));
    add(view, "zoomIn");
    add(view, "zoomOut");
    add(view, "zoomFit");
    view->addSeparator();
    m_docksMenu = view->addMenu(tr("&Panels"));
    for (const DockPlace& p : m_dockPlaces)
        m_docksMenu->addAction(p.dock->toggleViewAction());
    add(view, "resetLayout");
    add(view, "fullScreen");

    QMenu* playback = m_menus[int(Menu::Playback)] = menuBar()->addMenu(tr("&Playback"));
    for (const char* name : {"playPause", "", "nextFrame", "previousFrame", "nextFragment", "previousFragment", "", "forward1s", "back1s",
                             "forward10s", "back10s", "firstFrame", "lastFrame", "goTo", "", "nextUnlabeled", "previousUnlabeled", "",
                             "faster", "slower", "normalSpeed", "", "nextVideo", "previousVideo"}) {
        if (*name)
            add(playback, name);
        else
            playback->addSeparator();
    }

    QMenu* labels = m_menus[int(Menu::Labels)] = menuBar()->addMenu(tr("&Labels"));
    m_classActionsAnchor = labels->addSeparator();
    add(labels, "clearLabels");
    add(labels, "paintWhilePlaying");
    labels->addSeparator();
    add(labels, "addClass");

    QMenu* tools = m_menus[int(Menu::Tools)] = menuBar()->addMenu(tr("&Tools"));
    add(tools, "buildCache");

    QMenu* help = m_menus[int(Menu::Help)] = menuBar()->addMenu(tr("&Help"));
    add(help, "shortcuts");
    add(help, "about");
    for (QMenu* m : m_menus)
        if (m)
            m->setToolTipsVisible(true);

    QToolBar* bar = addToolBar(tr("Main"));
    bar->setObjectName(QStringLiteral("mainToolBar"));
    bar->setIconSize(QSize(20, 20));
    bar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    bar->toggleViewAction()->setObjectName(QStringLiteral("toggle_mainToolBar"));
    for (const char* name : {"newProject", "openProject", "save", "", "addVideos", "", "undo", "redo", "", "zoomIn", "zoomOut", "zoomFit", "",
                             "settings"}) {
        if (*name)
            bar->addAction(findAction(QLatin1String(name)));
        else
            bar->addSeparator();
    }
    for (QAction* a : bar->actions())
        if (QWidget* w = bar->widgetForAction(a))
            w->setFocusPolicy(Qt::NoFocus);
    // Undo/redo texts name the change ("Undo Label 2 fragments as motion"): icons only.
    for (const char* name : {"undo", "redo"})
        if (auto* button = qobject_cast<QToolButton*>(bar->widgetForAction(findAction(QLatin1String(name)))))
            button->setToolButtonStyle(Qt::ToolButtonIconOnly);
    rebuildRecentMenu();
}

void MainWindow::buildStatusBar()
{
    m_statusText = new QLabel(this);
    m_countsLabel = new QLabel(this);
    m_countsLabel->setTextFormat(Qt::RichText);
    m_countsLabel->setToolTip(tr("Labeled fragments per class in the current video"));
    m_videoProgress = new QProgressBar(this);
    m_videoProgress->setFixedWidth(210);
    m_videoProgress->setMaximumHeight(18);
    m_videoProgress->setToolTip(tr("Labeled fragments of the current video"));
    m_jobProgress = new JobProgressWidget(m_jobs, this);
    statusBar()->addWidget(m_statusText, 1);
    statusBar()->addPermanentWidget(m_jobProgress);
    statusBar()->addPermanentWidget(m_countsLabel);
    statusBar()->addPermanentWidget(m_videoProgress);
    connect(m_jobs, &JobRunner::jobFinished, this, [this](Job* job, Job::State state, const QString& error) {
        if (state == Job::State::Failed)
            statusBar()->showMessage(tr("%1 failed: %2").arg(job->title(), error), 10000);
        else if (state == Job::State::Cancelled)
            statusBar()->showMessage(tr("%1: cancelled").arg(job->title()), 5000);
    });
}

// ---------------------------------------------------------------------------------------
// Wiring

void MainWindow::connectDocument()
{
    connect(m_document, &ProjectDocument::modifiedChanged, this, [this] { updateTitle(); });
    connect(m_document, &ProjectDocument::locationChanged, this, [this](const QString& dir) {
        m_settings->setLastProject(dir);
        m_settings->addRecentProject(dir);
        rebuildRecentMenu();
        updateTitle();
    });
    connect(m_document, &ProjectDocument::classesChanged, this, [this] {
        rebuildClassActions();
        updateCounts();
        updateFragmentInfo();
    });
    connect(m_document, &ProjectDocument::labelsChanged, this, [this](int video, qint64, qint64) {
        if (video < 0 || video == m_video) {
            updateCounts();
            m_lastFragment = -2; // the label under the playhead may have changed
            updateFragmentInfo();
        }
    });
    connect(m_document, &ProjectDocument::videosChanged, this, [this] {
        const int count = m_document->project().videoCount();
        if (count == 0 && m_video >= 0) {
            m_video = -1;
            m_player->close();
            m_timeline->setVideo(-1);
            m_labeling->setVideo(-1);
            m_classesPanel->model()->setCurrentVideo(-1);
            m_view->setMessage(tr("This project has no videos yet.\nDrop video files here or use File > Add Videos (Ctrl+I)."));
            m_transport->refresh();
            updateFragmentInfo();
            emit currentVideoChanged(-1);
        } else if (m_video >= count || (m_video >= 0 && m_player->path() != m_document->project().absoluteVideoPath(m_video))) {
            const int keep = std::min(m_video, count - 1);
            m_video = -1;
            selectVideo(keep);
        } else if (m_video < 0 && count > 0) {
            selectVideo(0);
        }
        m_videosPanel->setCurrentVideo(m_video);
        updateActions();
        updateCounts();
    });
    connect(m_document, &ProjectDocument::autosaved, this,
            [this](const QString&) { statusBar()->showMessage(tr("Autosaved unsaved changes to the recovery file"), 3000); });
    connect(m_document, &ProjectDocument::autosaveFailed, this,
            [this](const QString& error) { statusBar()->showMessage(tr("Autosave failed: %1").arg(error), 10000); });
    connect(m_timeline, &TimelineView::seekRequested, this, &MainWindow::seek);
    connect(m_timeline, &TimelineView::selectionChanged, this, [this](qint64 first, qint64 last) {
        m_labeling->setSelection(first, last);
        updateFragmentInfo();
    });
    connect(m_labeling, &LabelingController::seekRequested, this, &MainWindow::seek);
}

void MainWindow::connectPlayer()
{
    connect(m_player, &VideoPlayer::frameReady, this,
            [this](qint64 frame, const QImage& image, bool full) { m_view->setImage(image, frame, full); });
    connect(m_player, &VideoPlayer::positionChanged, this, [this](qint64 frame) {
        m_timeline->setPlayhead(frame);
        m_labeling->setPosition(frame);
        updateFragmentInfo();
    });
    connect(m_player, &VideoPlayer::playingChanged, this, [this](bool playing) {
        QAction* play = findAction(QStringLiteral("playPause"));
        play->setIcon(PaintedIcons::icon(playing ? PaintedIcons::Kind::Pause : PaintedIcons::Kind::Play, palette()));
        play->setText(playing ? tr("&Pause") : tr("&Play"));
        if (!playing && m_labeling->isPainting()) {
            m_labeling->endStroke();
            m_strokeKey = 0;
        }
        if (!playing) {
            m_heldKey = 0;
            qApp->removeEventFilter(this);
        }
    });
    connect(m_player, &VideoPlayer::opened, this, [this] {
        m_timeline->setKeyframes(m_player->index().keyframes());
        m_timeline->setFrameRate(m_player->fps());
        m_transport->refresh();
        m_player->setSpeed(m_settings->defaultSpeed());
        if (hasCurrentVideo() && m_player->frameCount() != m_document->project().video(m_video).frameCount)
            statusBar()->showMessage(tr("%1 now has %2 frames, the project says %3: the file changed since it was added")
                                         .arg(m_document->project().video(m_video).fileName())
                                         .arg(m_player->frameCount())
                                         .arg(m_document->project().video(m_video).frameCount),
                                     15000);
        ensurePreview();
        emit videoOpened(m_video);
    });
    connect(m_player, &VideoPlayer::openFailed, this, [this](const QString& message) {
        m_view->setMessage(message);
        m_jobProgress->setVisible(!m_jobs->activeJobs().empty());
        statusBar()->showMessage(message, 15000);
    });
    connect(m_player, &VideoPlayer::openProgress, this, [this](qint64 done, qint64 total, const QString& what) {
        m_view->setMessage(total > 0 ? tr("%1: %2%").arg(what).arg(int(100.0 * double(done) / double(total))) : what);
    });
    connect(m_player, &VideoPlayer::decodeFailed, this, [this](const QString& message) { statusBar()->showMessage(message, 10000); });
}

void MainWindow::applySettings()
{
    m_document->setAutosaveInterval(m_settings->autosaveIntervalSeconds());
    m_player->setReadAheadFrames(m_settings->readAheadFrames());
    m_player->setCacheBudget(qint64(m_settings->frameCacheMegabytes()) * 1024 * 1024);
    m_labeling->setAdvanceAfterLabel(m_settings->advanceAfterLabel());
    m_timeline->setShowFragmentBoundaries(m_settings->showFragmentBoundaries());
    m_timeline->setShowKeyframes(m_settings->showKeyframes());
    m_timeline->setSnapToFragments(m_settings->snapEdgesToFragments());
    m_timeline->setFollowPlayhead(m_settings->followPlayhead());
    if (QAction* paint = findAction(QStringLiteral("paintWhilePlaying"))) {
        const QSignalBlocker block(paint);
        paint->setChecked(m_settings->paintWhilePlaying());
    }
    rebuildRecentMenu();
}

// ---------------------------------------------------------------------------------------
// Classes as keys

void MainWindow::rebuildClassActions()
{
    QMenu* labels = menu(Menu::Labels);
    for (QAction* a : m_classActions) {
        labels->removeAction(a);
        removeAction(a);
        m_registry.erase(std::remove_if(m_registry.begin(), m_registry.end(), [a](const auto& e) { return e.action == a; }),
                         m_registry.end());
        a->deleteLater();
    }
    m_classActions.clear();
    if (!m_document->hasProject())
        return;
    for (const LabelClass& c : m_document->project().classes()) {
        QPixmap swatch(16, 16);
        swatch.fill(QColor(plainColor(c.color)));
        QKeySequence key = c.shortcut.isEmpty() ? QKeySequence() : QKeySequence(c.shortcut);
        if (const QString conflict = key.isEmpty() ? QString() : shortcutConflict(c.shortcut); !conflict.isEmpty()) {
            // A project made elsewhere may give a class a key the window uses: the window wins.
            statusBar()->showMessage(tr("Class %1 has no key: %2. Choose another in the Classes panel.").arg(c.name, conflict), 15000);
            key = QKeySequence();
        }
        auto* a = new QAction(QIcon(swatch), tr("Label as %1").arg(c.name), this);
        a->setObjectName(QStringLiteral("labelAs_") + c.name);
        a->setShortcut(key);
        a->setAutoRepeat(false);
        a->setToolTip(tr("Label the selection (or the fragment under the playhead) as %1; hold while playing to paint").arg(c.name)
                      + (key.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(key.toString(QKeySequence::NativeText))));
        a->setStatusTip(a->toolTip());
        const QString name = c.name;
        const int keyCode = key.isEmpty() ? 0 : key[0].key();
        connect(a, &QAction::triggered, this, [this, name, keyCode] { onClassKey(name, keyCode); });
        labels->insertAction(m_classActionsAnchor, a);
        registerAction(a, tr("Labels"));
        m_classActions.push_back(a);
    }
}

QString MainWindow::shortcutConflict(const QString& key) const
{
    const QKeySequence wanted(key);
    for (const auto& e : m_registry) {
        if (!e.action || e.action->objectName().startsWith(QLatin1String("labelAs_")))
            continue;
        for (const QKeySequence& k : e.action->shortcuts())
            if (k.matches(wanted) == QKeySequence::ExactMatch)
                return tr("The key %1 is taken by \"%2\"").arg(key, ShortcutTableModel::plainText(e.action));
    }
    return QString();
}

void MainWindow::onClassKey(const QString& cls, int key)
{
    if (!hasCurrentVideo())
        return;
    if (m_player->isPlaying() && key != 0) {
        if (m_settings->paintWhilePlaying()) {
            m_labeling->beginStroke(cls);
            m_strokeKey = key;
            qApp->installEventFilter(this); // to see the key's release wherever the focus is
            return;
        }
        // Without painting one press labels one fragment. A held key repeats, on some systems
        // as plain presses: they are ignored until the key is released (or playback stops).
        if (m_heldKey == key)
            return;
        m_heldKey = key;
        qApp->installEventFilter(this);
    }
    if (auto status = m_labeling->applyClass(cls); !status)
        statusBar()->showMessage(status.error(), 5000);
}

bool MainWindow::eventFilter(QObject* watched, QEvent* e)
{
    if ((m_strokeKey != 0 || m_heldKey != 0) && e->type() == QEvent::KeyRelease) {
        auto* key = static_cast<QKeyEvent*>(e);
        if (!key->isAutoRepeat() && key->key() == m_strokeKey) {
            m_labeling->endStroke();
            m_strokeKey = 0;
        }
        if (!key->isAutoRepeat() && key->key() == m_heldKey)
            m_heldKey = 0;
        if (m_strokeKey == 0 && m_heldKey == 0)
            qApp->removeEventFilter(this);
    }
    return QMainWindow::eventFilter(watched, e);
}

// ---------------------------------------------------------------------------------------
// Navigation

qint64 MainWindow::currentFrame() const
{
    return m_player->position();
}

bool MainWindow::hasCurrentVideo() const
{
    return m_document->hasProject() && m_video >= 0 && m_video < m_document->project().videoCount();
}

qint64 MainWindow::currentFragment() const
{
    if (!hasCurrentVideo())
        return -1;
    return m_document->project().spec().fragmentAtFrame(m_player->position(), m_document->project().video(m_video).frameCount);
}

void MainWindow::selectVideo(int video)
{
    if (!m_document->hasProject() || video < 0 || video >= m_document->project().videoCount() || video == m_video)
        return;
    m_labeling->endStroke();
    m_video = video;
    m_lastFragment = -2;
    const QString path = m_document->project().absoluteVideoPath(video);
    m_timeline->setVideo(video);
    m_labeling->setVideo(video);
    m_classesPanel->model()->setCurrentVideo(video);
    m_videosPanel->setCurrentVideo(video);
    m_view->clear();
    if (!QFileInfo::exists(path)) {
        m_player->close();
        m_view->setMessage(tr("%1 is missing (moved or deleted).\nFile > Relink Missing Videos finds it by content.").arg(path));
    } else {
        m_view->setMessage(tr("Opening %1...").arg(QFileInfo(path).fileName()));
        m_player->open(path, m_document->project().indexCacheDir());
    }
    m_transport->refresh();
    // The video first, then its fragment: receivers of currentFragmentChanged (the prediction
    // badge) must already know the new video, or the overlay stays empty after a switch.
    emit currentVideoChanged(video);
    updateCounts();
    updateFragmentInfo();
    updateActions();
}

void MainWindow::seek(qint64 frame)
{
    m_player->seek(frame);
}

void MainWindow::goToFragment(int video, qint64 fragment)
{
    if (!m_document->hasProject() || video < 0 || video >= m_document->project().videoCount() || fragment < 0)
        return;
    selectVideo(video);
    const qint64 first = m_document->project().spec().firstFrame(fragment);
    seek(first);
    m_timeline->setSelection(fragment, fragment);
    m_timeline->ensureVisible(first);
}

void MainWindow::stepFragments(int delta)
{
    if (!hasCurrentVideo())
        return;
    const FragmentSpec& spec = m_document->project().spec();
    const qint64 frames = m_document->project().video(m_video).frameCount;
    const qint64 current = spec.fragmentAtFrame(m_player->position(), frames);
    if (current < 0)
        return;
    // Back from inside a fragment goes to its own start first.
    const qint64 target = delta < 0 && m_player->position() > spec.firstFrame(current) ? current + delta + 1 : current + delta;
    m_player->pause();
    seek(spec.firstFrame(std::clamp<qint64>(target, 0, spec.count(frames) - 1)));
}

void MainWindow::jumpToUnlabeled(int direction)
{
    const qint64 current = currentFragment();
    if (current < 0)
        return;
    const Project& p = m_document->project();
    const qint64 count = p.spec().count(p.video(m_video).frameCount);
    for (qint64 j = current + direction; j >= 0 && j < count; j += direction) {
        if (!p.fragmentLabel(m_video, j)) {
            m_player->pause();
            seek(p.spec().firstFrame(j));
            m_timeline->ensureVisible(p.spec().firstFrame(j));
            return;
        }
    }
    statusBar()->showMessage(direction > 0 ? tr("No unlabeled fragment after this one") : tr("No unlabeled fragment before this one"), 4000);
}

void MainWindow::goToDialog()
{
    if (m_player->frameCount() <= 0)
        return;
    bool ok = false;
    const QString text = QInputDialog::getText(this, tr("Go To"),
                                               tr("Frame number (0-%1) or time (e.g. 65.2s, 1:05.2, 00:01:05.200):").arg(m_player->frameCount() - 1),
                                               QLineEdit::Normal, QString::number(m_player->position()), &ok);
    if (!ok)
        return;
    auto target = TimecodeText::parse(text);
    if (!target) {
        showError(tr("Go To"), target.error());
        return;
    }
    if (target->frame)
        seek(*target->frame);
    else
        seek(m_player->index().empty() ? qint64(*target->ms / 1000.0 * m_player->fps()) : m_player->index().frameAtTime(*target->ms + 0.5));
    m_timeline->ensureVisible(m_player->position());
    m_timeline->setFocus(Qt::OtherFocusReason);
}

// ---------------------------------------------------------------------------------------
// What the window shows about the project

void MainWindow::updateTitle()
{
    const QString name = m_document->hasProject() ? m_document->project().name() : tr("No project");
    setWindowTitle(tr("%1[*] - FragmentLab").arg(name));
    setWindowModified(m_document->isModified());
}

void MainWindow::updateCounts()
{
    if (!hasCurrentVideo()) {
        m_countsLabel->clear();
        m_videoProgress->setRange(0, 1);
        m_videoProgress->setValue(0);
        m_videoProgress->setFormat(tr("No video"));
        return;
    }
    const Project& p = m_document->project();
    const auto counts = p.labeledFragmentCounts(m_video);
    QStringList chips;
    qint64 labeled = 0;
    for (const LabelClass& c : p.classes()) {
        const qint64 n = counts.value(c.name);
        labeled += n;
        chips << QStringLiteral("<span style='color:%1'>&#9632;</span>&nbsp;%2&nbsp;<b>%3</b>").arg(plainColor(c.color), c.name.toHtmlEscaped()).arg(n);
    }
    m_countsLabel->setText(chips.join(QStringLiteral("&nbsp;&nbsp; ")));
    const qint64 total = m_document->fragmentCount(m_video);
    m_videoProgress->setRange(0, int(std::max<qint64>(1, total)));
    m_videoProgress->setValue(int(std::min(labeled, total)));
    m_videoProgress->setFormat(tr("Labeled %1 / %2 (%3%)").arg(labeled).arg(total).arg(total > 0 ? int(100.0 * double(labeled) / double(total) + 0.5) : 0));
}

void MainWindow::updateFragmentInfo()
{
    if (!hasCurrentVideo()) {
        m_view->setBadge(FrameView::LabelBadge, {});
        m_transport->setFragmentText(QString());
        m_statusText->clear();
        return;
    }
    const Project& p = m_document->project();
    const qint64 frame = m_player->position();
    const qint64 fragment = currentFragment();
    const qint64 count = p.spec().count(p.video(m_video).frameCount);
    m_view->setInfoText(tr("frame %1 · %2").arg(frame).arg(TimecodeText::format(m_player->timeMs(frame))));
    QString selection;
    const auto sel = m_timeline->selection();
    if (!sel.isEmpty())
        selection = sel.count() == 1 ? tr("fragment %1 selected").arg(sel.first)
                                     : tr("%1 fragments selected (%2-%3)").arg(sel.count()).arg(sel.first).arg(sel.last);
    m_statusText->setText(selection);
    if (fragment == m_lastFragment)
        return;
    m_lastFragment = fragment;
    if (fragment < 0) {
        m_view->setBadge(FrameView::LabelBadge, {});
        m_transport->setFragmentText(tr("no fragment"));
    } else {
        const auto label = p.fragmentLabel(m_video, fragment);
        const QString detail = tr("fragment %1 · frames %2-%3").arg(fragment).arg(p.spec().firstFrame(fragment)).arg(p.spec().endFrame(fragment) - 1);
        FrameView::Badge badge;
        badge.text = label ? *label : tr("unlabeled");
        badge.color = label ? QColor(plainColor(p.classes()[size_t(std::max(0, p.classIndex(*label)))].color)) : QColor(70, 70, 74);
        badge.detail = detail;
        m_view->setBadge(FrameView::LabelBadge, badge);
        m_transport->setFragmentText(tr("Fragment %1 of %2 · %3").arg(fragment).arg(count).arg(label ? *label : tr("unlabeled")));
    }
    emit currentFragmentChanged(m_video, fragment);
}

void MainWindow::updateActions()
{
    const bool project = m_document->hasProject();
    const bool video = project && m_video >= 0;
    for (const char* name : {"save", "saveAs", "addVideos", "relink", "importLabels", "exportLabels", "buildCache", "addClass"})
        if (QAction* a = findAction(QLatin1String(name)))
            a->setEnabled(project);
    for (const char* name : {"playPause", "nextFrame", "previousFrame", "nextFragment", "previousFragment", "forward1s", "back1s",
                             "forward10s", "back10s", "firstFrame", "lastFrame", "goTo", "nextUnlabeled", "previousUnlabeled",
                             "selectAll", "selectNone", "clearLabels", "zoomIn", "zoomOut", "zoomFit"})
        if (QAction* a = findAction(QLatin1String(name)))
            a->setEnabled(video);
}

void MainWindow::rebuildRecentMenu()
{
    if (!m_recentMenu)
        return;
    m_recentMenu->clear();
    const QStringList recent = m_settings->recentProjects();
    for (int i = 0; i < recent.size(); ++i) {
        const QString dir = recent[i];
        QAction* a = m_recentMenu->addAction(QStringLiteral("&%1 %2").arg(i + 1).arg(QDir::toNativeSeparators(dir)));
        a->setToolTip(tr("Open %1").arg(dir));
        connect(a, &QAction::triggered, this, [this, dir] { (void)openProject(dir); });
    }
    if (!recent.isEmpty())
        m_recentMenu->addSeparator();
    QAction* clear = m_recentMenu->addAction(tr("Clear Recent Projects"));
    clear->setToolTip(tr("Forget the list of recent projects"));
    clear->setEnabled(!recent.isEmpty());
    connect(clear, &QAction::triggered, this, [this] {
        m_settings->clearRecentProjects();
        rebuildRecentMenu();
    });
}

// ---------------------------------------------------------------------------------------
// Files

MainWindow::UnsavedChoice MainWindow::askUnsavedChanges()
{
    const auto answer = QMessageBox::warning(this, tr("Unsaved Changes"),
                                             tr("The project \"%1\" has changes that are not saved.").arg(m_document->project().name()),
                                             QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
    if (answer == QMessageBox::Save)
        return UnsavedChoice::Save;
    if (answer == QMessageBox::Discard)
        return UnsavedChoice::Discard;
    return UnsavedChoice::Cancel;
}

bool MainWindow::askRecoverAutosave(const QString& file, const QDateTime& written)
{
    return QMessageBox::question(this, tr("Recover Unsaved Changes"),
                                 tr("FragmentLab did not close normally, and unsaved changes to this project were kept in %1 (%2).\n\n"
                                    "Recover them? (No opens the project as it was last saved and deletes the recovery file.)")
                                     .arg(QFileInfo(file).fileName(), QLocale().toString(written, QLocale::ShortFormat)),
                                 QMessageBox::Yes | QMessageBox::No, QMessageBox::Yes)
        == QMessageBox::Yes;
}

void MainWindow::showError(const QString& title, const QString& message)
{
    emit errorShown(title, message);
    QMessageBox::warning(this, title, message);
}

QString MainWindow::askProjectFolder(const QString& title, bool mustExist)
{
    QString start = m_settings->lastFolder(QStringLiteral("projects"));
    if (start.isEmpty())
        start = m_document->hasProject() ? QFileInfo(m_document->project().dir()).absolutePath() : QDir::homePath();
    const QString dir = mustExist ? QFileDialog::getExistingDirectory(this, title, start)
                                  : QFileDialog::getSaveFileName(this, title, start, QString(), nullptr, QFileDialog::ShowDirsOnly);
    if (!dir.isEmpty())   // the next dialog starts where this one was left: the folder holding the project
        m_settings->setLastFolder(QStringLiteral("projects"), QFileInfo(dir).absolutePath());
    return dir;
}

bool MainWindow::maybeSave()
{
    if (!m_document->isModified())
        return true;
    switch (askUnsavedChanges()) {
    case UnsavedChoice::Save: return saveProject();
    case UnsavedChoice::Discard: m_document->discardAutosave(); return true;
    case UnsavedChoice::Cancel: return false;
    }
    return false;
}

Status MainWindow::openProject(const QString& requested)
{
    if (!maybeSave())
        return Status::failure(tr("cancelled"));
    QString dir = requested;
    if (QFileInfo(dir).isFile())
        dir = QFileInfo(dir).absolutePath();
    if (!m_demoSource.isEmpty() && DemoProject::isShipped(dir, m_demoSource)) {
        auto copy = DemoProject::ensureCopy(m_demoSource, DemoProject::writableDir());
        if (!copy) {
            showError(tr("Demo Project"), copy.error());
            return copy.status();
        }
        dir = *copy;
    }
    m_player->close();
    m_video = -1;
    Status status;
    bool opened = false;
    if (const auto pending = Project::pendingAutosave(dir)) {
        if (askRecoverAutosave(*pending, QFileInfo(*pending).lastModified())) {
            status = m_document->openRecovered(dir);
            if (status)
                opened = true;
            else
                showError(tr("Recovery Failed"), tr("%1\nThe project opens as it was last saved.").arg(status.error()));
        } else {
            QFile::remove(*pending);
        }
    }
    if (!opened) {
        status = m_document->open(dir);
        if (!status) {
            showError(tr("Cannot Open Project"), status.error());
            m_settings->removeRecentProject(dir);
            rebuildRecentMenu();
            return status;
        }
    }
    afterProjectOpened();
    return Status::success();
}

void MainWindow::afterProjectOpened()
{
    const Project& p = m_document->project();
    m_settings->setLastProject(p.dir());
    m_settings->addRecentProject(p.dir());
    rebuildRecentMenu();
    rebuildClassActions();
    m_timeline->setVideo(-1);
    m_video = -1;
    updateTitle();
    updateActions();
    if (p.videoCount() > 0) {
        selectVideo(0);
    } else {
        m_view->setMessage(tr("This project has no videos yet.\nDrop video files here or use File > Add Videos (Ctrl+I)."));
        m_transport->refresh();
        updateCounts();
        updateFragmentInfo();
    }
    if (const auto missing = p.missingVideos(); !missing.empty())
        statusBar()->showMessage(tr("Videos missing from this project: %1. File > Relink Missing Videos finds moved files.").arg(missing.size()),
                                 15000);
}

Status MainWindow::openDemoProject()
{
    if (m_demoSource.isEmpty())
        return Status::failure(tr("no demo project in this installation"));
    if (!maybeSave())
        return Status::failure(tr("cancelled"));
    auto copy = DemoProject::ensureCopy(m_demoSource, DemoProject::writableDir());
    if (!copy) {
        showError(tr("Demo Project"), copy.error());
        return copy.status();
    }
    return openProject(*copy);
}

void MainWindow::newProjectDialog()
{
    if (!maybeSave())
        return;
    NewProjectDialog dialog(QDir(QDir::homePath()).filePath(tr("FragmentLab project")), this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    m_player->close();
    if (auto status = m_document->create(dialog.folder(), dialog.spec(), dialog.classNames()); !status) {
        showError(tr("Cannot Create Project"), status.error());
        return;
    }
    afterProjectOpened();
}

void MainWindow::openProjectDialog()
{
    const QString dir = askProjectFolder(tr("Open Project Folder"), true);
    if (!dir.isEmpty())
        (void)openProject(dir);
}

bool MainWindow::saveProject()
{
    if (!m_document->hasProject())
        return false;
    if (auto status = m_document->save(); !status) {
        showError(tr("Cannot Save"), status.error());
        return false;
    }
    statusBar()->showMessage(tr("Saved %1").arg(m_document->project().projectFile()), 4000);
    return true;
}

bool MainWindow::saveProjectAs()
{
    if (!m_document->hasProject())
        return false;
    const QString dir = askProjectFolder(tr("Save Project As (a new folder)"), false);
    if (dir.isEmpty())
        return false;
    if (auto status = m_document->saveAs(dir); !status) {
        showError(tr("Cannot Save"), status.error());
        return false;
    }
    statusBar()->showMessage(tr("Saved as %1").arg(m_document->project().projectFile()), 4000);
    return true;
}

bool MainWindow::isVideoFile(const QString& path)
{
    static const QStringList suffixes = {QStringLiteral("mp4"), QStringLiteral("m4v"), QStringLiteral("mov"), QStringLiteral("mkv"),
                                         QStringLiteral("webm"), QStringLiteral("avi"), QStringLiteral("mpg"), QStringLiteral("mpeg"),
                                         QStringLiteral("mts"), QStringLiteral("m2ts"), QStringLiteral("ts"), QStringLiteral("wmv"),
                                         QStringLiteral("flv"), QStringLiteral("ogv"), QStringLiteral("3gp"), QStringLiteral("mxf"),
                                         QStringLiteral("dv"), QStringLiteral("mjpeg"), QStringLiteral("y4m")};
    const QFileInfo info(path);
    return info.isFile() && suffixes.contains(info.suffix().toLower());
}

void MainWindow::addVideosDialog()
{
    if (!m_document->hasProject())
        return;
    const QString last = m_settings->lastFolder(QStringLiteral("videos"));
    const QStringList files = QFileDialog::getOpenFileNames(
        this, tr("Add Videos"), last.isEmpty() ? m_document->project().dir() : last,
        tr("Videos (*.mp4 *.m4v *.mov *.mkv *.webm *.avi *.mpg *.mpeg *.mts *.m2ts *.ts *.wmv *.flv *.ogv *.3gp *.mxf *.dv *.y4m);;All files (*)"));
    if (!files.isEmpty()) {
        m_settings->setLastFolder(QStringLiteral("videos"), QFileInfo(files.front()).absolutePath());
        addVideoFiles(files);
    }
}

void MainWindow::addVideoFiles(const QStringList& paths)
{
    if (!m_document->hasProject()) {
        showError(tr("Add Videos"), tr("Open or create a project first (File > New Project)."));
        emit videosAdded(0, {tr("no project is open")});
        return;
    }
    QStringList files;
    for (const QString& p : paths)
        files << QFileInfo(p).absoluteFilePath();
    const QString indexDir = m_document->project().indexCacheDir();
    auto results = std::make_shared<std::vector<ProjectDocument::NewVideo>>();
    auto problems = std::make_shared<QStringList>();
    auto job = std::make_unique<FunctionJob>(
        files.size() == 1 ? tr("Adding 1 video") : tr("Adding %1 videos").arg(files.size()), [files, indexDir, results, problems](const WorkControl& control) {
            for (int i = 0; i < files.size(); ++i) {
                if (control.cancelled())
                    return Status::failure(QObject::tr("cancelled"));
                const WorkControl inner = control.reportingAs(
                    QObject::tr("Indexing %1 (%2 of %3)").arg(QFileInfo(files[i]).fileName()).arg(i + 1).arg(files.size()));
                VideoOpenOptions options;
                options.indexCacheDir = indexDir;
                auto source = VideoSource::open(files[i], options, inner);
                if (!source) {
                    if (control.cancelled())
                        return Status::failure(QObject::tr("cancelled"));
                    *problems << source.error();
                    continue;
                }
                auto fingerprint = FileFingerprint::of(files[i]);
                if (!fingerprint) {
                    *problems << fingerprint.error();
                    continue;
                }
                const VideoInfo& info = (*source)->info();
                const double fps = info.averageFps > 0 ? info.averageFps : info.nominalFps > 0 ? info.nominalFps : 25.0;
                results->push_back({files[i], info.frameCount, fps, *fingerprint});
            }
            return Status::success();
        });
    connect(job.get(), &Job::finished, this, [this, results, problems](Job::State state, const QString& error) {
        if (state == Job::State::Cancelled) {
            emit videosAdded(0, {tr("cancelled")});
            return;
        }
        if (state == Job::State::Failed)
            *problems << error;
        // Keep the ones the project accepts (not already in it, no clashing file name).
        Project trial = m_document->project();
        std::vector<ProjectDocument::NewVideo> accepted;
        for (const auto& v : *results) {
            if (auto added = trial.addVideo(v.path, v.frameCount, v.fps, v.fingerprint); !added)
                *problems << added.error();
            else
                accepted.push_back(v);
        }
        const int firstNew = m_document->project().videoCount();
        if (!accepted.empty()) {
            if (auto status = m_document->addVideos(accepted); !status) {
                *problems << status.error();
                accepted.clear();
            }
        }
        if (!accepted.empty()) {
            selectVideo(firstNew);
            statusBar()->showMessage(accepted.size() == 1 ? tr("Added 1 video") : tr("Added %1 videos").arg(accepted.size()), 5000);
        }
        if (!problems->isEmpty())
            showError(tr("Add Videos"), tr("Some files were not added:\n\n%1").arg(problems->join(QLatin1Char('\n'))));
        emit videosAdded(int(accepted.size()), *problems);
    });
    startJob(std::move(job));
}

void MainWindow::relinkDialog()
{
    if (!m_document->hasProject())
        return;
    const QString folder = QFileDialog::getExistingDirectory(this, tr("Folder to Search for Moved Videos"), m_document->project().dir());
    if (folder.isEmpty())
        return;
    auto found = m_document->relinkVideos(folder);
    if (!found)
        showError(tr("Relink Videos"), found.error());
    else
        statusBar()->showMessage(tr("Moved videos found: %1").arg(*found), 6000);
}

void MainWindow::importLabelsDialog()
{
    if (!m_document->hasProject())
        return;
    const QString file = QFileDialog::getOpenFileName(this, tr("Import Labels"), m_document->project().dir(),
                                                      tr("Label files (*.csv *.json);;All files (*)"));
    if (file.isEmpty())
        return;
    LabelImportOptions options;
    options.createMissingClasses = true;
    auto count = m_document->importLabels(file, options);
    if (!count)
        showError(tr("Import Labels"), count.error());
    else
        statusBar()->showMessage(tr("Label ranges imported: %1 (Edit > Undo takes them back)").arg(*count), 6000);
}

void MainWindow::exportLabelsDialog()
{
    if (!m_document->hasProject())
        return;
    const QString file = QFileDialog::getSaveFileName(this, tr("Export Labels"), QDir(m_document->project().dir()).filePath(QStringLiteral("labels.csv")),
                                                      tr("CSV (*.csv);;JSON (*.json)"));
    if (file.isEmpty())
        return;
    const Project snapshot = m_document->project();
    auto job = std::make_unique<FunctionJob>(tr("Exporting labels to %1").arg(QFileInfo(file).fileName()),
                                             [snapshot, file](const WorkControl&) { return exportLabels(snapshot, file); });
    connect(job.get(), &Job::finished, this, [this, file](Job::State state, const QString& error) {
        if (state == Job::State::Succeeded)
            statusBar()->showMessage(tr("Exported labels to %1").arg(file), 6000);
        else if (state == Job::State::Failed)
            showError(tr("Export Labels"), error);
    });
    startJob(std::move(job));
}

void MainWindow::buildFragmentCache()
{
    if (!m_document->hasProject() || m_document->project().videoCount() == 0)
        return;
    const Project& p = m_document->project();
    QStringList videos;
    for (int i = 0; i < p.videoCount(); ++i)
        videos << p.absoluteVideoPath(i);
    const QString cacheDir = p.cacheDir(), indexDir = p.indexCacheDir();
    auto job = std::make_unique<FunctionJob>(tr("Building the fragment cache"), [videos, cacheDir, indexDir](const WorkControl& control) {
        for (int i = 0; i < videos.size(); ++i) {
            const WorkControl inner = control.reportingAs(
                QObject::tr("Fragment cache of %1 (%2 of %3)").arg(QFileInfo(videos[i]).fileName()).arg(i + 1).arg(videos.size()));
            VideoOpenOptions options;
            options.indexCacheDir = indexDir;
            if (auto cache = FragmentCache::ensure(videos[i], cacheDir, FrameSize{}, options, inner); !cache)
                return cache.status();
        }
        return Status::success();
    });
    connect(job.get(), &Job::finished, this, [this](Job::State state, const QString& error) {
        if (state == Job::State::Succeeded)
            statusBar()->showMessage(tr("The fragment cache is complete"), 5000);
        else if (state == Job::State::Failed)
            showError(tr("Fragment Cache"), error);
    });
    startJob(std::move(job));
}

void MainWindow::ensurePreview()
{
    if (!m_settings->buildScrubPreviews() || !m_document->hasProject() || m_player->contentHash().isEmpty())
        return;
    const QString cacheDir = m_document->project().cacheDir();
    const int height = m_settings->previewHeight();
    const QString file = PreviewStore::fileFor(cacheDir, m_player->contentHash(), height);
    if (QFileInfo::exists(file)) {
        if (auto store = PreviewStore::open(file); store && store->contentHash() == m_player->contentHash()) {
            m_player->setPreview(*store);
            return;
        }
    }
    for (Job* j : m_jobs->activeJobs())
        if (j->property("previewFile").toString() == file)
            return; // already being built
    const QString path = m_player->path(), indexDir = m_document->project().indexCacheDir(), hash = m_player->contentHash();
    auto result = std::make_shared<PreviewStore>();
    auto job = std::make_unique<FunctionJob>(
        tr("Scrub preview of %1").arg(QFileInfo(path).fileName()), [path, cacheDir, indexDir, height, result](const WorkControl& control) {
            PreviewOptions options;
            options.maxHeight = height;
            VideoOpenOptions open;
            open.indexCacheDir = indexDir;
            auto store = PreviewStore::ensure(path, cacheDir, options, open, control);
            if (!store)
                return store.status();
            *result = *store;
            return Status::success();
        });
    job->setProperty("previewFile", file);
    connect(job.get(), &Job::finished, this, [this, result, hash](Job::State state) {
        if (state == Job::State::Succeeded && m_player->contentHash() == hash)
            m_player->setPreview(*result);
    });
    startJob(std::move(job));
}

Job* MainWindow::startJob(std::unique_ptr<Job> job)
{
    return m_jobs->start(std::move(job));
}

// ---------------------------------------------------------------------------------------
// Dialogs

void MainWindow::showShortcuts()
{
    ShortcutsDialog dialog(shortcutEntries(), this);
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

// ---------------------------------------------------------------------------------------
// Window events

void MainWindow::closeEvent(QCloseEvent* e)
{
    if (!maybeSave()) {
        e->ignore();
        return;
    }
    m_closing = true;
    m_player->pause();
    m_jobs->cancelAll();
    m_jobs->waitForAll(10000);
    m_settings->setWindowGeometry(saveGeometry());
    m_settings->setWindowState(saveState(kLayoutVersion));
    m_settings->setSplitterState(m_splitter->saveState());
    m_settings->sync();
    e->accept();
}

void MainWindow::dragEnterEvent(QDragEnterEvent* e)
{
    if (!e->mimeData()->hasUrls())
        return;
    for (const QUrl& url : e->mimeData()->urls()) {
        const QString path = url.toLocalFile();
        if (isVideoFile(path) || QFileInfo::exists(QDir(path).filePath(Project::projectFileName()))
            || QFileInfo(path).fileName() == Project::projectFileName()) {
            e->acceptProposedAction();
            return;
        }
    }
}

void MainWindow::dropEvent(QDropEvent* e)
{
    QStringList videos;
    QString project;
    for (const QUrl& url : e->mimeData()->urls()) {
        const QString path = url.toLocalFile();
        if (isVideoFile(path))
            videos << path;
        else if (QFileInfo::exists(QDir(path).filePath(Project::projectFileName())) || QFileInfo(path).fileName() == Project::projectFileName())
            project = path;
    }
    e->acceptProposedAction();
    if (!project.isEmpty())
        (void)openProject(project);
    else if (!videos.isEmpty())
        addVideoFiles(videos);
}

void MainWindow::refreshIcons()
{
    using K = PaintedIcons::Kind;
    const std::pair<const char*, K> icons[] = {{"playPause", m_player->isPlaying() ? K::Pause : K::Play},
                                               {"nextFrame", K::StepForward},
                                               {"previousFrame", K::StepBack},
                                               {"nextFragment", K::NextFragment},
                                               {"previousFragment", K::PreviousFragment},
                                               {"zoomIn", K::ZoomIn},
                                               {"zoomOut", K::ZoomOut},
                                               {"zoomFit", K::ZoomFit},
                                               {"paintWhilePlaying", K::Paint}};
    for (const auto& [name, kind] : icons)
        if (QAction* a = findAction(QLatin1String(name)))
            a->setIcon(PaintedIcons::icon(kind, palette()));
}

void MainWindow::changeEvent(QEvent* e)
{
    if (e->type() == QEvent::PaletteChange || e->type() == QEvent::StyleChange) {
        updateCounts();
        refreshIcons();
    }
    QMainWindow::changeEvent(e);
}

} // namespace fl
