#include "settings/ShortcutsDialog.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLineEdit>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

namespace fl {

ShortcutsDialog::ShortcutsDialog(std::vector<ShortcutTableModel::Entry> entries, QWidget* parent)
    : QDialog(parent), m_model(new ShortcutTableModel(this))
{
    setWindowTitle(tr("Keyboard Shortcuts"));
    m_model->setEntries(std::move(entries));
    auto* filter = new QLineEdit(this);
    filter->setPlaceholderText(tr("Filter (action, key or menu)"));
    filter->setClearButtonEnabled(true);
    filter->setToolTip(tr("Show only the shortcuts whose action, key, menu or description contains this text"));
    auto* proxy = new QSortFilterProxyModel(this);
    proxy->setSourceModel(m_model);
    proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    proxy->setFilterKeyColumn(-1);
    connect(filter, &QLineEdit::textChanged, proxy, &QSortFilterProxyModel::setFilterFixedString);
    auto* view = new QTableView(this);
    view->setModel(proxy);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setAlternatingRowColors(true);
    view->verticalHeader()->hide();
    view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    view->horizontalHeader()->setStretchLastSection(true);
    view->setWordWrap(false);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(filter);
    layout->addWidget(view);
    layout->addWidget(buttons);
    resize(860, 620);
}

} // namespace fl
