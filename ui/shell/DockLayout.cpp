#include "shell/DockLayout.h"

#include "settings/AppSettings.h"
#include "shell/ActionRegistry.h"

#include <QAction>
#include <QDockWidget>
#include <QGuiApplication>
#include <QMainWindow>
#include <QMenu>
#include <QScreen>
#include <QScrollArea>
#include <QSplitter>

#include <algorithm>

namespace fl {

std::vector<DockLayout::Spec> DockLayout::table()
{
    using G = Group;
    constexpr auto left = Qt::LeftDockWidgetArea, right = Qt::RightDockWidgetArea;
    auto alt = [](int key) { return QKeySequence(Qt::ALT | key); };
    return {
        {QStringLiteral("videosDock"), tr("Videos"), left, alt(Qt::Key_1), G::Own},
        {QStringLiteral("classesDock"), tr("Classes"), left, alt(Qt::Key_2), G::Tabbed},
        {QStringLiteral("historyDock"), tr("Undo History"), left, alt(Qt::Key_3), G::Tabbed},
        {QStringLiteral("trainingDock"), tr("Training"), right, alt(Qt::Key_4), G::Tabbed},
        {QStringLiteral("modelsDock"), tr("Models"), right, alt(Qt::Key_5), G::Tabbed},
        {QStringLiteral("predictionsDock"), tr("Predictions"), right, alt(Qt::Key_6), G::Tabbed},
        {QStringLiteral("modelCheckDock"), tr("Model Check"), right, alt(Qt::Key_7), G::Tabbed},
        {QStringLiteral("inspectorDock"), tr("Inspector"), left, alt(Qt::Key_8), G::Tabbed},
        {QStringLiteral("scenesDock"), tr("Scenes and Keyframes"), left, alt(Qt::Key_9), G::Tabbed},
        {QStringLiteral("embeddingDock"), tr("Embedding Map"), right, alt(Qt::Key_0), G::Tabbed},
    };
}

DockLayout::DockLayout(QMainWindow* window, QSplitter* centre, ActionRegistry* actions, AppSettings* settings)
    : QObject(window), m_window(window), m_centre(centre), m_actions(actions), m_settings(settings)
{}

QDockWidget* DockLayout::add(QWidget* content, const QString& objectName)
{
    for (const Spec& spec : table())
        if (spec.objectName == objectName) return add(content, spec);
    Spec own;
    own.objectName = objectName;
    own.title = objectName;
    return add(content, own);
}

QDockWidget* DockLayout::add(QWidget* content, const Spec& spec)
{
    auto* dock = new QDockWidget(spec.title, m_window);
    dock->setObjectName(spec.objectName);
    // In a scroll area: a panel's own minimum size (a wide form, a long report line) never
    // becomes the window's; in a small dock the panel scrolls instead.
    auto* scroll = new QScrollArea(dock);
    scroll->setObjectName(spec.objectName + QStringLiteral("Scroll"));
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(content);
    dock->setWidget(scroll);
    m_window->addDockWidget(spec.area, dock);
    QAction* toggle = dock->toggleViewAction();
    toggle->setObjectName(QStringLiteral("toggle_") + spec.objectName);
    // Qt's own toggle hides a panel that sits behind another tab; here a panel not in view
    // (hidden, or behind a tab) comes to the front, and only one in view is hidden.
    QObject::disconnect(toggle, &QAction::triggered, dock, nullptr);
    connect(toggle, &QAction::triggered, this, [dock, toggle] {
        if (isDockInView(dock)) {
            dock->hide();
        } else {
            dock->show();
            dock->raise();
        }
        toggle->setChecked(!dock->isHidden());
    });
    if (!spec.shortcut.isEmpty()) toggle->setShortcut(spec.shortcut);
    const QString key = spec.shortcut.isEmpty()
        ? QString()
        : QStringLiteral(" (%1)").arg(spec.shortcut.toString(QKeySequence::NativeText));
    toggle->setToolTip(tr("Show or hide the %1 panel").arg(spec.title) + key);
    toggle->setStatusTip(tr("Show or hide the %1 panel").arg(spec.title));
    m_actions->add(toggle, tr("View"));
    m_places.push_back({dock, spec});
    if (m_panelsMenu) fillPanelsMenu();
    // Added after the layout was made: where the restored layout had it (hidden included),
    // else its default place.
    if (m_applied && !(m_restored && m_window->restoreDockWidget(dock))) place(dock);
    return dock;
}

void DockLayout::setPanelsMenu(QMenu* menu)
{
    m_panelsMenu = menu;
    fillPanelsMenu();
}

void DockLayout::fillPanelsMenu()
{
    m_panelsMenu->clear();
    for (const Place* p : inTableOrder()) m_panelsMenu->addAction(p->dock->toggleViewAction());
}

bool DockLayout::isDockInView(const QDockWidget* dock)
{
    // A dock behind another tab is not hidden: Qt moves it out of its window instead, so
    // nothing of it is visible there.
    return dock->isVisible() && (dock->isFloating() || !dock->visibleRegion().isEmpty());
}

std::vector<const DockLayout::Place*> DockLayout::inTableOrder() const
{
    const std::vector<Spec> rows = table();
    auto rank = [&rows](const Place& p) {
        const auto it = std::find_if(rows.begin(), rows.end(),
                                     [&p](const Spec& s) { return s.objectName == p.spec.objectName; });
        return int(it - rows.begin()); // docks not in the table: after it, in the order added
    };
    std::vector<const Place*> order;
    for (const Place& p : m_places) order.push_back(&p);
    std::stable_sort(order.begin(), order.end(),
                     [&rank](const Place* a, const Place* b) { return rank(*a) < rank(*b); });
    return order;
}

const DockLayout::Place* DockLayout::placeOf(const QDockWidget* dock) const
{
    for (const Place& p : m_places)
        if (p.dock == dock) return &p;
    return nullptr;
}

QDockWidget* DockLayout::tabbedOnto(const Place& place) const
{
    // The previous dock of its area, when both are tabbed (one tab group per run of tabbed
    // docks; a dock of its own starts none and ends the one before).
    const Place* previous = nullptr;
    for (const Place* p : inTableOrder()) {
        if (p->dock == place.dock) break;
        if (p->spec.area == place.spec.area) previous = p;
    }
    return previous && previous->spec.group == Group::Tabbed && place.spec.group == Group::Tabbed ? previous->dock
                                                                                                  : nullptr;
}

void DockLayout::place(QDockWidget* dock)
{
    const Place* p = placeOf(dock);
    if (!p) return;
    m_window->addDockWidget(p->spec.area, dock);
    if (dock->isFloating()) // a floating dock removed from the layout stays floating
        dock->setFloating(false);
    if (QDockWidget* group = tabbedOnto(*p)) m_window->tabifyDockWidget(group, dock);
    dock->show();
}

void DockLayout::applyDefault()
{
    const auto order = inTableOrder();
    for (const Place* p : order) m_window->removeDockWidget(p->dock);
    for (const Place* p : order) place(p->dock);
    // The first panel of each tab group in front; the sides narrow enough for the video.
    QList<QDockWidget*> left, right;
    for (const Place* p : order) {
        if (tabbedOnto(*p)) continue;
        p->dock->raise();
        (p->spec.area == Qt::RightDockWidgetArea ? right : left).push_back(p->dock);
    }
    // Each side as wide as its widest panel needs (a panel scrolls only where that would take
    // more than the side's share of the window), and never narrower than its usual share.
    const int w = m_window->width();
    auto needed = [this](Qt::DockWidgetArea area) {
        int most = 0;
        for (const Place& p : m_places)
            if (p.spec.area == area)
                if (auto* scroll = qobject_cast<QScrollArea*>(p.dock->widget()); scroll && scroll->widget())
                    most = std::max(most, scroll->widget()->minimumSizeHint().width() + scroll->frameWidth() * 2 + 4);
        return most;
    };
    if (!left.isEmpty())
        m_window->resizeDocks({left.front()},
                              {std::clamp(needed(Qt::LeftDockWidgetArea), std::clamp(w * 16 / 100, 200, 360),
                                          std::max(200, w * 20 / 100))},
                              Qt::Horizontal);
    if (!right.isEmpty())
        m_window->resizeDocks({right.front()},
                              {std::clamp(needed(Qt::RightDockWidgetArea), std::clamp(w * 26 / 100, 280, 560),
                                          std::max(280, w * 35 / 100))},
                              Qt::Horizontal);
    const int height = m_window->height();
    if (left.size() > 1)
        m_window->resizeDocks(left, {height * 2 / 5, height * 3 / 5}, Qt::Vertical); // room for 5+ videos
    const int h = m_centre->height() > 0 ? m_centre->height() : height;
    m_centre->setSizes({h * 2 / 3, h / 3});
}

void DockLayout::ensure()
{
    if (m_applied) return;
    m_applied = true;
    // Geometry first (restoreState lays the docks out in the restored size), within the screen.
    (void)m_window->restoreGeometry(m_settings->windowGeometry());
    fitToScreen();
    // A layout saved by a version before kLayoutVersion (docks stacked, not tabbed) is
    // not restored: the default layout replaces it.
    const QByteArray saved = m_settings->windowState();
    if (saved.isEmpty() || !m_window->restoreState(saved, kLayoutVersion)) {
        applyDefault();
    } else {
        m_restored = true;
        // Docks the saved layout does not know (a newer version's panels) take their default place.
        for (const Place* p : inTableOrder())
            if (!m_window->restoreDockWidget(p->dock)) place(p->dock);
        if (!m_settings->splitterState().isEmpty()) m_centre->restoreState(m_settings->splitterState());
    }
}

void DockLayout::fitToScreen()
{
    // The offscreen platform's "screen" is a fixed 800x600 stand-in, not a user's screen.
    QScreen* s = m_window->screen();
    if (!s || QGuiApplication::platformName() == QLatin1String("offscreen") || m_window->isFullScreen()
        || m_window->isMaximized())
        return;
    const QRect avail = s->availableGeometry();
    QRect g = m_window->geometry();
    g.setSize(g.size().boundedTo(avail.size()));
    if (g.right() > avail.right()) g.moveRight(avail.right());
    if (g.bottom() > avail.bottom()) g.moveBottom(avail.bottom());
    if (g.left() < avail.left()) g.moveLeft(avail.left());
    if (g.top() < avail.top()) g.moveTop(avail.top());
    if (g != m_window->geometry()) m_window->setGeometry(g);
}

void DockLayout::save()
{
    m_settings->setWindowGeometry(m_window->saveGeometry());
    m_settings->setWindowState(m_window->saveState(kLayoutVersion));
    m_settings->setSplitterState(m_centre->saveState());
}

} // namespace fl
