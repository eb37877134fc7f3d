#pragma once
// Where a feature puts its widgets and actions in the main window, without knowing the window
// (MainWindow implements it): docks from the dock table (DockLayout.h), a panel under the
// timeline, timeline rows (timeline()->addTrack), overlays and badges on the frame
// (frameView()), actions in the registry (actions()) and the menus. A feature takes a
// Workbench* for the state it works on and a WindowParts* for where it shows it.
#include <QString>

class QDockWidget;
class QMenu;
class QWidget;

namespace fl {

class ActionRegistry;
class FrameView;
class TimelineView;

class WindowParts {
public:
    enum class Menu { File, Edit, View, Playback, Labels, Tools, Help };

    virtual ~WindowParts() = default;
    // The window: parent for dialogs and message boxes.
    virtual QWidget* dialogParent() = 0;
    virtual ActionRegistry* actions() const = 0;
    virtual QMenu* menu(Menu which) const = 0;
    virtual TimelineView* timeline() const = 0;
    virtual FrameView* frameView() const = 0;
    // A dock for `content`, placed, titled and given its Alt+N toggle by its row of the dock
    // table (dockTable(), DockLayout.h), restored with the saved layout.
    virtual QDockWidget* addPanelDock(QWidget* content, const QString& objectName) = 0;
    // A widget under the timeline (e.g. a probability plot), room taken from the video.
    virtual void addBottomPanel(QWidget* panel) = 0;
};

} // namespace fl
