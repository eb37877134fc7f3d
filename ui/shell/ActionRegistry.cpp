#include "shell/ActionRegistry.h"

#include <QAction>
#include <QWidget>

#include <algorithm>

namespace fl {

ActionRegistry::ActionRegistry(QWidget* host) : QObject(host), m_host(host) {}

QAction* ActionRegistry::make(const QString& objectName, const QString& text, const QList<QKeySequence>& keys,
                              const QString& tip, const QString& category, Needs needs)
{
    auto* action = new QAction(text, m_host);
    action->setObjectName(objectName);
    action->setShortcuts(keys);
    QString shortcut;
    if (!keys.isEmpty()) shortcut = QStringLiteral(" (%1)").arg(keys.front().toString(QKeySequence::NativeText));
    action->setToolTip(tip + shortcut);
    action->setStatusTip(tip);
    add(action, category, needs);
    return action;
}

void ActionRegistry::add(QAction* action, const QString& category, Needs needs)
{
    m_host->addAction(action); // shortcuts work wherever the focus is in the window
    m_entries.push_back({{category, action}, needs});
}

void ActionRegistry::remove(QAction* action)
{
    m_host->removeAction(action);
    m_entries.erase(std::remove_if(m_entries.begin(), m_entries.end(),
                                   [action](const Entry& e) { return e.entry.action == action; }),
                    m_entries.end());
}

QAction* ActionRegistry::find(const QString& objectName) const
{
    for (const Entry& e : m_entries)
        if (e.entry.action && e.entry.action->objectName() == objectName) return e.entry.action;
    return nullptr;
}

std::vector<ShortcutTableModel::Entry> ActionRegistry::entries() const
{
    std::vector<ShortcutTableModel::Entry> entries;
    for (const Entry& e : m_entries)
        if (e.entry.action) entries.push_back(e.entry);
    return entries;
}

QString ActionRegistry::conflict(const QString& key) const
{
    const QKeySequence wanted(key);
    for (const Entry& e : m_entries) {
        if (!e.entry.action || e.entry.action->objectName().startsWith(QLatin1String("labelAs_"))) continue;
        for (const QKeySequence& k : e.entry.action->shortcuts())
            if (k.matches(wanted) == QKeySequence::ExactMatch)
                return tr("The key %1 is taken by \"%2\"").arg(key, ShortcutTableModel::plainText(e.entry.action));
    }
    return QString();
}

void ActionRegistry::setAvailable(bool project, bool video)
{
    for (const Entry& e : m_entries) {
        if (!e.entry.action || e.needs == Needs::Nothing) continue;
        e.entry.action->setEnabled(e.needs == Needs::Project ? project : video);
    }
}

} // namespace fl
