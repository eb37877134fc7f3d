#pragma once
// Help > Keyboard Shortcuts: every action of the window with its keys, generated from the
// actions themselves (ShortcutTableModel), with a filter box.
#include "settings/ShortcutTableModel.h"

#include <QDialog>

namespace fl {

class ShortcutsDialog : public QDialog {
    Q_OBJECT
public:
    explicit ShortcutsDialog(std::vector<ShortcutTableModel::Entry> entries, QWidget* parent = nullptr);
    ShortcutTableModel* model() const { return m_model; }

private:
    ShortcutTableModel* m_model;
};

} // namespace fl
