#include "settings/ShortcutTableModel.h"

#include <QAction>
#include <QFont>
#include <QKeySequence>

namespace fl {

ShortcutTableModel::ShortcutTableModel(QObject* parent) : QAbstractTableModel(parent) {}

void ShortcutTableModel::setEntries(std::vector<Entry> entries)
{
    beginResetModel();
    m_entries = std::move(entries);
    endResetModel();
}

QString ShortcutTableModel::shortcutText(const QAction* action)
{
    QStringList keys;
    for (const QKeySequence& k : action->shortcuts())
        if (!k.isEmpty()) keys << k.toString(QKeySequence::NativeText);
    return keys.join(QStringLiteral(", "));
}

QString ShortcutTableModel::plainText(const QAction* action)
{
    QString text = action->text();
    text.replace(QStringLiteral("&&"), QStringLiteral("\x01"));
    text.remove(QLatin1Char('&'));
    text.replace(QStringLiteral("\x01"), QStringLiteral("&"));
    if (text.endsWith(QStringLiteral("..."))) text.chop(3);
    return text;
}

int ShortcutTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int ShortcutTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ShortcutTableModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= int(m_entries.size())) return {};
    const Entry& e = m_entries[size_t(index.row())];
    if (!e.action) return {};
    if (role == Qt::DisplayRole || role == Qt::ToolTipRole) {
        switch (index.column()) {
        case ActionColumn: return plainText(e.action);
        case ShortcutColumn: return shortcutText(e.action);
        case CategoryColumn: return e.category;
        case DescriptionColumn: return e.action->toolTip();
        }
    }
    if (role == Qt::FontRole && index.column() == ShortcutColumn) {
        QFont f;
        f.setBold(true);
        return f;
    }
    return {};
}

QVariant ShortcutTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole || section < 0 || section >= ColumnCount) return {};
    switch (section) {
    case ActionColumn: return tr("Action");
    case ShortcutColumn: return tr("Shortcut");
    case CategoryColumn: return tr("Menu");
    case DescriptionColumn: return tr("What it does");
    }
    return {};
}

Qt::ItemFlags ShortcutTableModel::flags(const QModelIndex& index) const
{
    return index.isValid() ? Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren : Qt::NoItemFlags;
}

} // namespace fl
