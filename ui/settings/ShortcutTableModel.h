#pragma once
// Every registered action with its shortcuts, menu and description: the source of the
// "Keyboard shortcuts" help page, so the page can never disagree with the actions.
#include <QAbstractTableModel>
#include <QPointer>

#include <vector>

class QAction;

namespace fl {

class ShortcutTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { ActionColumn, ShortcutColumn, CategoryColumn, DescriptionColumn, ColumnCount };
    struct Entry {
        QString category;
        QPointer<QAction> action;
    };

    explicit ShortcutTableModel(QObject* parent = nullptr);
    void setEntries(std::vector<Entry> entries);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;

    // "Ctrl+Z, Ctrl+Shift+Z" in the platform's text.
    static QString shortcutText(const QAction* action);
    static QString plainText(const QAction* action); // text without the & mnemonic marks

private:
    std::vector<Entry> m_entries;
};

} // namespace fl
