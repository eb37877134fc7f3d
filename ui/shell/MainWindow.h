#pragma once
// The labeling workstation: the current frame, transport controls and the timeline in the
// centre; Videos, Classes and Undo History docks; menus, toolbar and status bar (per-class
// counts, the current video's labeling progress, long work with time left and Cancel).
//
// Extension points for other panels:
//  - addPanelDock(): a dock with a View-menu toggle (shortcut, tooltip), restored with the
//    saved layout.
//  - addBottomPanel(): a widget under the timeline (e.g. a probability plot; sync it with
//    timeline()->viewChanged and player()->positionChanged).
//  - timeline()->addTrack(): an extra timeline row (e.g. predictions).
//  - frameView()->setBadge(FrameView::PredictionBadge, ...) / addOverlayPainter(): overlays on
//    the current frame; currentFragmentChanged() says when the fragment under the playhead
//    changes.
//  - makeAction() / registerAction(): an action with its menu category, listed on the
//    shortcuts page.
//  - startJob(): long work shown in the status bar with progress, time left and Cancel.
#include "Result.h"
#include "settings/ShortcutTableModel.h"

#include <QMainWindow>
#include <QPointer>

#include <memory>
#include <vector>

class QDockWidget;
class QLabel;
class QMenu;
class QProgressBar;
class QSplitter;
class QUndoView;
class QVBoxLayout;

namespace fl {

class AppSettings;
class ClassesPanel;
class FrameView;
class Job;
class JobProgressWidget;
class JobRunner;
class LabelingController;
class ProjectDocument;
class TimelineView;
class TransportBar;
class VideoPlayer;
class VideosPanel;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    enum class Menu { File, Edit, View, Playback, Labels, Tools, Help };
    enum class UnsavedChoice { Save, Discard, Cancel };

    // `settings` null: the per-user settings (owned by the window).
    explicit MainWindow(AppSettings* settings = nullptr, QWidget* parent = nullptr);
    ~MainWindow() override;

    // ---- state ----
    ProjectDocument* document() const { return m_document; }
    VideoPlayer* player() const { return m_player; }
    TimelineView* timeline() const { return m_timeline; }
    FrameView* frameView() const { return m_view; }
    LabelingController* labeling() const { return m_labeling; }
    JobRunner* jobRunner() const { return m_jobs; }
    JobProgressWidget* jobProgress() const { return m_jobProgress; }
    AppSettings* settings() const { return m_settings; }
    ClassesPanel* classesPanel() const { return m_classesPanel; }
    VideosPanel* videosPanel() const { return m_videosPanel; }
    int currentVideo() const { return m_video; }
    qint64 currentFrame() const;
    qint64 currentFragment() const;
    bool hasCurrentVideo() const;   // a video of the open project is current

    // ---- extension points ----
    // How a dock sits in the default layout: tabbed onto the previous dock of its area (the
    // sides stay one tab group each, so they never stack past the screen), or on its own.
    enum class DockGroup { Tabbed, Own };
    QDockWidget* addPanelDock(QWidget* content, const QString& objectName, const QString& title, Qt::DockWidgetArea area,
                              const QKeySequence& toggleShortcut = {}, DockGroup group = DockGroup::Tabbed);
    void addBottomPanel(QWidget* panel);
    // Whether a person sees the dock: shown and not behind another tab.
    static bool isDockInView(const QDockWidget* dock);
    // The layout of the first start: every dock in its area's tab group, the first of each in
    // front (View > Reset Layout).
    void applyDefaultLayout();
    // Restores the saved window geometry and layout once all docks exist (at the first show;
    // call it earlier to arrange docks before showing), else the default layout.
    void ensureLayout();
    // Keeps the window within the screen's available area.
    void fitToScreen();
    static constexpr int kLayoutVersion = 2;  // saveState() version: older layouts are not restored
    QMenu* menu(Menu which) const;
    void registerAction(QAction* action, const QString& category);
    // A window action: object name, text, shortcuts, tool tip "tip (first shortcut)", status
    // tip, registered under `category`.
    QAction* makeAction(const QString& objectName, const QString& text, const QList<QKeySequence>& keys, const QString& tip,
                        const QString& category);
    std::vector<ShortcutTableModel::Entry> shortcutEntries() const;
    QAction* findAction(const QString& objectName) const;
    // Connect to the job's signals before (JobRunner::start): a quick job may finish at once.
    Job* startJob(std::unique_ptr<Job> job);
    // Shows an error to the user (a message box; tests override showError).
    void reportError(const QString& title, const QString& message) { showError(title, message); }

    // The shipped demo project (opened as a writable copy; see DemoProject).
    void setDemoSource(const QString& shippedDir) { m_demoSource = shippedDir; }
    QString demoSource() const { return m_demoSource; }

    // ---- files ----
    // Asks about unsaved changes and about a recovery file first. Errors are shown and returned.
    Status openProject(const QString& dir);
    Status openDemoProject();
    // Indexes the files in a job (progress, cancel) and adds the ones that open as one undo step.
    void addVideoFiles(const QStringList& paths);
    static bool isVideoFile(const QString& path);
    bool saveProject();      // false when it failed or was cancelled
    bool saveProjectAs();
    // Asks what to do with unsaved changes; false: the user cancelled.
    bool maybeSave();

public slots:
    void selectVideo(int video);
    void seek(qint64 frame);
    // Selects the video, seeks to the fragment's first frame, selects it and scrolls to it.
    void goToFragment(int video, qint64 fragment);

signals:
    void currentVideoChanged(int video);
    // The fragment under the playhead changed (or its label did).
    void currentFragmentChanged(int video, qint64 fragment);
    // A video finished opening in the player (frames can be asked for).
    void videoOpened(int video);
    // The result of addVideoFiles(): how many were added and the problems with the others.
    void videosAdded(int added, const QStringList& problems);
    void errorShown(const QString& title, const QString& message);

protected:
    void closeEvent(QCloseEvent* e) override;
    void showEvent(QShowEvent* e) override;
    void dragEnterEvent(QDragEnterEvent* e) override;
    void dropEvent(QDropEvent* e) override;
    bool eventFilter(QObject* watched, QEvent* e) override;
    void changeEvent(QEvent* e) override;

    // Questions to the user; tests override them.
    virtual UnsavedChoice askUnsavedChanges();
    virtual bool askRecoverAutosave(const QString& file, const QDateTime& written);
    virtual void showError(const QString& title, const QString& message);
    virtual QString askProjectFolder(const QString& title, bool mustExist);

private:
    void buildCentre();
    void buildDocks();
    void buildActions();
    void buildMenusAndToolbar();
    void buildStatusBar();
    void connectDocument();
    void connectPlayer();
    void applySettings();
    void rebuildClassActions();
    void rebuildRecentMenu();
    void updateTitle();
    void updateCounts();
    void updateFragmentInfo();
    void updateActions();
    void refreshIcons();
    void onClassKey(const QString& cls, int key);
    QString shortcutConflict(const QString& key) const; // the action that uses `key`, if any
    void goToDialog();
    void stepFragments(int delta);
    void jumpToUnlabeled(int direction);
    void newProjectDialog();
    void openProjectDialog();
    void addVideosDialog();
    void importLabelsDialog();
    void exportLabelsDialog();
    void relinkDialog();
    void buildFragmentCache();
    void ensurePreview();
    void showShortcuts();
    void showSettings();
    void showAbout();
    void afterProjectOpened();

    AppSettings* m_settings = nullptr;
    ProjectDocument* m_document = nullptr;
    VideoPlayer* m_player = nullptr;
    JobRunner* m_jobs = nullptr;
    LabelingController* m_labeling = nullptr;
    QString m_demoSource;
    int m_video = -1;
    qint64 m_lastFragment = -2;

    FrameView* m_view = nullptr;
    TransportBar* m_transport = nullptr;
    TimelineView* m_timeline = nullptr;
    QSplitter* m_splitter = nullptr;
    QVBoxLayout* m_bottomLayout = nullptr;
    ClassesPanel* m_classesPanel = nullptr;
    VideosPanel* m_videosPanel = nullptr;
    QUndoView* m_undoView = nullptr;
    struct DockPlace {
        QDockWidget* dock;
        Qt::DockWidgetArea area;
        DockGroup group;
    };
    std::vector<DockPlace> m_dockPlaces;  // in the order added
    bool m_layoutDone = false;
    bool m_layoutRestored = false;   // ensureLayout restored a saved layout
    const DockPlace* placeOf(const QDockWidget* dock) const;
    QDockWidget* tabbedOnto(const DockPlace& place) const;   // the dock it is tabbed onto in the default layout; null: it starts a group
    void placeDock(QDockWidget* dock);

    QLabel* m_statusText = nullptr;
    QLabel* m_countsLabel = nullptr;
    QProgressBar* m_videoProgress = nullptr;
    JobProgressWidget* m_jobProgress = nullptr;

    std::vector<ShortcutTableModel::Entry> m_registry;
    std::vector<QAction*> m_classActions;
    QMenu* m_menus[7] = {};
    QMenu* m_recentMenu = nullptr;
    QMenu* m_docksMenu = nullptr;
    QAction* m_classActionsAnchor = nullptr;
    // Key held for a paint stroke (0: none).
    int m_strokeKey = 0;
    int m_heldKey = 0; // a class key pressed during playback without painting, until released
    bool m_closing = false;
};

} // namespace fl
