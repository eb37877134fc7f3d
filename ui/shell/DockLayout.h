#pragma once
// The window's panels: one table of every dock (object name, title, area, Alt+N shortcut, tab
// group) and the layout made from it. A dock is created when its feature hands over the
// content (add), with a scroll area around it and a View > Panels toggle; the layout is
// applied once, after every feature attached (at the first show): the saved one when its
// version is kLayoutVersion, else the default one (each side one tab group, in table order).
#include <QKeySequence>
#include <QObject>
#include <QString>

#include <vector>

class QDockWidget;
class QMainWindow;
class QMenu;
class QSplitter;
class QWidget;

namespace fl {

class ActionRegistry;
class AppSettings;

class DockLayout : public QObject {
    Q_OBJECT
public:
    // How a dock sits in the default layout: tabbed onto the previous dock of its area (the
    // sides stay one tab group each, so they never stack past the screen), or on its own.
    enum class Group { Tabbed, Own };
    struct Spec {
        QString objectName;
        QString title;
        Qt::DockWidgetArea area = Qt::RightDockWidgetArea;
        QKeySequence shortcut;
        Group group = Group::Tabbed;
    };
    // Every panel of the window, in the order of the default layout.
    static std::vector<Spec> table();
    static constexpr int kLayoutVersion = 2; // saveState() version: older layouts are not restored

    // `centre`: the splitter between the video and the timeline (sized with the layout).
    DockLayout(QMainWindow* window, QSplitter* centre, ActionRegistry* actions, AppSettings* settings);

    // The dock of `objectName`'s table row around `content`.
    QDockWidget* add(QWidget* content, const QString& objectName);
    // A dock that is not in the table (a plug-in panel, a test).
    QDockWidget* add(QWidget* content, const Spec& spec);
    // The View > Panels menu: every dock's toggle, in table order.
    void setPanelsMenu(QMenu* menu);

    // Whether a person sees the dock: shown and not behind another tab.
    static bool isDockInView(const QDockWidget* dock);
    // The layout of the first start (View > Reset Layout).
    void applyDefault();
    // Restores the saved geometry and layout once (the first call), else the default layout.
    void ensure();
    bool isApplied() const { return m_applied; }
    // Keeps the window within the screen's available area.
    void fitToScreen();
    // Writes the geometry and the layout to the settings.
    void save();

private:
    struct Place {
        QDockWidget* dock;
        Spec spec;
    };
    const Place* placeOf(const QDockWidget* dock) const;
    QDockWidget* tabbedOnto(const Place& place) const; // null: it starts a group
    void place(QDockWidget* dock);
    std::vector<const Place*> inTableOrder() const;
    void fillPanelsMenu();

    QMainWindow* m_window;
    QSplitter* m_centre;
    ActionRegistry* m_actions;
    AppSettings* m_settings;
    QMenu* m_panelsMenu = nullptr;
    std::vector<Place> m_places; // in the order added
    bool m_applied = false;
    bool m_restored = false; // ensure() restored a saved layout
};

} // namespace fl
