#pragma once
// The menu bar and the main toolbar, laid out from the action registry by object name (the
// features registered the actions; this is only where each one shows). Features add their
// own entries to a menu afterwards (WindowParts::menu).
#include "shell/WindowParts.h"

#include <QCoreApplication>

class QAction;
class QMainWindow;
class QMenu;

namespace fl {

class ActionRegistry;

class Menus {
    Q_DECLARE_TR_FUNCTIONS(fl::Menus)
public:
    // Builds the menus and the toolbar of `window` from `actions` (missing names are skipped).
    Menus(QMainWindow* window, const ActionRegistry& actions);

    QMenu* menu(WindowParts::Menu which) const { return m_menus[int(which)]; }
    QMenu* recentMenu() const { return m_recent; }                // File > Open Recent (ProjectFiles fills it)
    QMenu* panelsMenu() const { return m_panels; }                // View > Panels (DockLayout fills it)
    QAction* classActionsAnchor() const { return m_classAnchor; } // the class keys go before it

private:
    QMenu* m_menus[7] = {};
    QMenu* m_recent = nullptr;
    QMenu* m_panels = nullptr;
    QAction* m_classAnchor = nullptr;
};

} // namespace fl
