#include "shell/Menus.h"

#include "shell/ActionRegistry.h"

#include <QAction>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QToolBar>
#include <QToolButton>

#include <initializer_list>

namespace fl {

Menus::Menus(QMainWindow* window, const ActionRegistry& actions)
{
    auto fill = [&actions](QWidget* into, std::initializer_list<const char*> names) {
        for (const char* name : names)
            if (QAction* a = actions.find(QLatin1String(name))) into->addAction(a);
    };
    auto add = [&](WindowParts::Menu which, const QString& title) {
        return m_menus[int(which)] = window->menuBar()->addMenu(title);
    };
    using M = WindowParts::Menu;

    QMenu* file = add(M::File, tr("&File"));
    fill(file, {"newProject", "openProject"});
    m_recent = file->addMenu(tr("Open &Recent"));
    fill(file, {"openDemo"});
    file->addSeparator();
    fill(file, {"save", "saveAs"});
    file->addSeparator();
    fill(file, {"addVideos", "relink"});
    file->addSeparator();
    fill(file, {"importLabels", "exportLabels"});
    file->addSeparator();
    fill(file, {"quit"});

    QMenu* edit = add(M::Edit, tr("&Edit"));
    fill(edit, {"undo", "redo"});
    edit->addSeparator();
    fill(edit, {"selectAll", "selectNone", "clearLabels"});
    edit->addSeparator();
    fill(edit, {"settings"});

    QMenu* view = add(M::View, tr("&View"));
    fill(view, {"zoomIn", "zoomOut", "zoomFit"});
    view->addSeparator();
    m_panels = view->addMenu(tr("&Panels"));
    fill(view, {"resetLayout", "fullScreen"});

    QMenu* playback = add(M::Playback, tr("&Playback"));
    for (const char* name : {"playPause",
                             "",
                             "nextFrame",
                             "previousFrame",
                             "nextFragment",
                             "previousFragment",
                             "",
                             "forward1s",
                             "back1s",
                             "forward10s",
                             "back10s",
                             "firstFrame",
                             "lastFrame",
                             "goTo",
                             "",
                             "nextUnlabeled",
                             "previousUnlabeled",
                             "",
                             "faster",
                             "slower",
                             "normalSpeed",
                             "",
                             "nextVideo",
                             "previousVideo"}) {
        if (*name)
            fill(playback, {name});
        else
            playback->addSeparator();
    }

    QMenu* labels = add(M::Labels, tr("&Labels"));
    m_classAnchor = labels->addSeparator();
    fill(labels, {"clearLabels", "paintWhilePlaying"});
    labels->addSeparator();
    fill(labels, {"addClass"});

    fill(add(M::Tools, tr("&Tools")), {"buildCache"});
    fill(add(M::Help, tr("&Help")), {"shortcuts", "about"});
    for (QMenu* m : m_menus) m->setToolTipsVisible(true);

    QToolBar* bar = window->addToolBar(tr("Main"));
    bar->setObjectName(QStringLiteral("mainToolBar"));
    bar->setIconSize(QSize(20, 20));
    bar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    bar->toggleViewAction()->setObjectName(QStringLiteral("toggle_mainToolBar"));
    for (const char* name : {"newProject", "openProject", "save", "", "addVideos", "", "undo", "redo", "", "zoomIn",
                             "zoomOut", "zoomFit", "", "settings"}) {
        if (*name)
            fill(bar, {name});
        else
            bar->addSeparator();
    }
    for (QAction* a : bar->actions())
        if (QWidget* w = bar->widgetForAction(a)) w->setFocusPolicy(Qt::NoFocus);
    // Undo/redo texts name the change ("Undo Label 2 fragments as motion"): icons only.
    for (const char* name : {"undo", "redo"})
        if (auto* button = qobject_cast<QToolButton*>(bar->widgetForAction(actions.find(QLatin1String(name)))))
            button->setToolButtonStyle(Qt::ToolButtonIconOnly);
}

} // namespace fl
