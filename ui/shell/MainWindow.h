#pragma once
// The labeling workstation's window, and only its assembly: the current frame, transport
// controls and the timeline in the centre; the Videos, Classes and Undo History docks; the
// menus, toolbar and status bar (per-class counts, the current video's labeling progress,
// long work with time left and Cancel). What the features work on is the Workbench
// (workbench()); project files are ProjectFiles (files()); the actions are in the registry
// (actions()); the docks come from DockLayout's table.
//
// Extension points for other features (WindowParts):
//  - addPanelDock(): a dock of the dock table, with its View-menu toggle, restored with the
//    saved layout.
//  - addBottomPanel(): a widget under the timeline (e.g. a probability plot; sync it with
//    timeline()->viewChanged and the player's positionChanged).
//  - timeline()->addTrack(): an extra timeline row (e.g. predictions).
//  - frameView()->setBadge(FrameView::PredictionBadge, ...) / addOverlayPainter(): overlays on
//    the current frame; Workbench::currentFragmentChanged says when the fragment under the
//    playhead changes.
//  - actions()->make() / add(): an action with its menu category, listed on the shortcuts page.
//  - menu(): a menu to put an action in.
#include "document/ProjectPrompts.h"
#include "shell/DockLayout.h"
#include "shell/WindowParts.h"

#include <QMainWindow>

#include <memory>

class QLabel;
class QSplitter;
class QVBoxLayout;

namespace fl {

class AppSettings;
class ClassesPanel;
class LabelingActions;
class JobProgressWidget;
class Menus;
class ProjectFiles;
class TransportBar;
class VideosPanel;
class Workbench;

class MainWindow : public QMainWindow, public WindowParts, public DialogPrompts {
    Q_OBJECT
public:
    // `settings` null: the per-user settings (owned by the window).
    explicit MainWindow(AppSettings* settings = nullptr, QWidget* parent = nullptr);
    ~MainWindow() override;

    Workbench* workbench() const { return m_workbench; }
    ProjectFiles* files() const { return m_files; }
    AppSettings* settings() const { return m_settings; }
    JobProgressWidget* jobProgress() const { return m_jobProgress; }
    ClassesPanel* classesPanel() const { return m_classesPanel; }
    VideosPanel* videosPanel() const { return m_videosPanel; }
    DockLayout* docks() const { return m_docks; }

    // ---- WindowParts ----
    QWidget* dialogParent() override { return this; }
    ActionRegistry* actions() const override { return m_actions; }
    QMenu* menu(Menu which) const override;
    TimelineView* timeline() const override { return m_timeline; }
    FrameView* frameView() const override { return m_view; }
    QDockWidget* addPanelDock(QWidget* content, const QString& objectName) override;
    void addBottomPanel(QWidget* panel) override;

    // ---- layout ----
    // The layout of the first start: every dock in its area's tab group, the first of each in
    // front (View > Reset Layout).
    void applyDefaultLayout();
    // Restores the saved window geometry and layout once all docks exist (at the first show;
    // call it earlier to arrange docks before showing), else the default layout.
    void ensureLayout();
    void fitToScreen();

signals:
    void errorShown(const QString& title, const QString& message);

protected:
    void closeEvent(QCloseEvent* e) override;
    void showEvent(QShowEvent* e) override;
    void dragEnterEvent(QDragEnterEvent* e) override;
    void dropEvent(QDropEvent* e) override;
    void changeEvent(QEvent* e) override;
    // Errors go to errorShown, then to a message box (tests override it).
    void showError(const QString& title, const QString& message) override;

private:
    void buildCentre();
    void buildActions();
    void buildDocks();
    void buildStatusBar();
    void connectWorkbench();
    void connectPlayer();
    void applySettings();
    void showNoVideo(); // the project has no videos: says how to add some
    void showVideo(int video);
    void updateTitle();
    void updatePlaceInfo();
    void updateActions();
    void refreshIcons();
    void showShortcuts();
    void showSettings();
    void showAbout();

    AppSettings* m_settings = nullptr;
    Workbench* m_workbench = nullptr;
    ActionRegistry* m_actions = nullptr;
    ProjectFiles* m_files = nullptr;
    LabelingActions* m_labelingActions = nullptr;
    std::unique_ptr<Menus> m_menus;
    DockLayout* m_docks = nullptr;

    FrameView* m_view = nullptr;
    TransportBar* m_transport = nullptr;
    TimelineView* m_timeline = nullptr;
    QSplitter* m_splitter = nullptr;
    QVBoxLayout* m_bottomLayout = nullptr;
    ClassesPanel* m_classesPanel = nullptr;
    VideosPanel* m_videosPanel = nullptr;

    QLabel* m_statusText = nullptr;
    JobProgressWidget* m_jobProgress = nullptr;
};

} // namespace fl
