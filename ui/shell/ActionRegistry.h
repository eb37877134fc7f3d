#pragma once
// Every action of the window by object name, with its category on the shortcuts page and
// what it needs to be enabled (an open project, a current video). Features add their own
// (Shotcut's Actions is the model); the menus and the toolbar are laid out from it by name
// (Menus.h), the shortcuts page lists it, and a class key may not take a key it uses.
#include "settings/ShortcutTableModel.h"

#include <QKeySequence>
#include <QList>
#include <QObject>
#include <QString>

#include <vector>

class QAction;
class QWidget;

namespace fl {

class ActionRegistry : public QObject {
    Q_OBJECT
public:
    enum class Needs { Nothing, Project, Video };

    // Actions are added to `host` (the window), so their shortcuts work wherever the focus is in it.
    explicit ActionRegistry(QWidget* host);

    // A new action: object name, text, shortcuts, tool tip "tip (first shortcut)", status tip.
    QAction* make(const QString& objectName, const QString& text, const QList<QKeySequence>& keys, const QString& tip,
                  const QString& category, Needs needs = Needs::Nothing);
    // An action made elsewhere (undo/redo, a dock's toggle, a class key).
    void add(QAction* action, const QString& category, Needs needs = Needs::Nothing);
    // Takes it out of the registry and the host (it is not deleted).
    void remove(QAction* action);

    QAction* find(const QString& objectName) const;
    std::vector<ShortcutTableModel::Entry> entries() const;
    // The action (other than the class keys, "labelAs_…") whose shortcut is `key`, as a
    // sentence for the user; empty: the key is free.
    QString conflict(const QString& key) const;
    // Enables each action by what it needs.
    void setAvailable(bool project, bool video);

private:
    struct Entry {
        ShortcutTableModel::Entry entry;
        Needs needs;
    };
    QWidget* m_host;
    std::vector<Entry> m_entries;
};

} // namespace fl
