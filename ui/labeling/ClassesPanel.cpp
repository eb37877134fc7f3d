#include "labeling/ClassesPanel.h"

#include "document/ProjectDocument.h"
#include "labeling/ClassListModel.h"

#include <QColorDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QMessageBox>
#include <QStyle>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

namespace fl {

namespace {

QToolButton* button(QWidget* parent, const QString& text, const QString& tip, QStyle::StandardPixmap icon)
{
    auto* b = new QToolButton(parent);
    b->setText(text);
    b->setToolTip(tip);
    b->setIcon(parent->style()->standardIcon(icon));
    b->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    b->setAutoRaise(true);
    return b;
}

} // namespace

ClassesPanel::ClassesPanel(ProjectDocument* document, QWidget* parent)
    : QWidget(parent), m_document(document), m_model(new ClassListModel(document, this))
{
    m_view = new QTableView(this);
    m_view->setObjectName(QStringLiteral("classTable"));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 10);
    m_view->horizontalHeader()->setSectionResizeMode(ClassListModel::NameColumn, QHeaderView::Stretch);
    for (int c = ClassListModel::KeyColumn; c < ClassListModel::ColumnCount; ++c)
        m_view->horizontalHeader()->setSectionResizeMode(c, QHeaderView::ResizeToContents);
    m_view->setShowGrid(false);
    m_view->setAlternatingRowColors(true);
    m_view->setToolTip(tr("Classes: double-click a name or key to change it"));

    auto* add = button(this, tr("Add"), tr("Add a class"), QStyle::SP_FileDialogNewFolder);
    m_colour = button(this, tr("Colour"), tr("Change the colour of the selected class"), QStyle::SP_DesktopIcon);
    m_up = button(this, QString(), tr("Move the selected class up"), QStyle::SP_ArrowUp);
    m_down = button(this, QString(), tr("Move the selected class down"), QStyle::SP_ArrowDown);
    m_delete = button(this, QString(), tr("Delete the selected class and its labels (undoable)"), QStyle::SP_TrashIcon);
    m_up->setToolButtonStyle(Qt::ToolButtonIconOnly);
    m_down->setToolButtonStyle(Qt::ToolButtonIconOnly);
    m_delete->setToolButtonStyle(Qt::ToolButtonIconOnly);
    auto* buttons = new QHBoxLayout;
    buttons->setContentsMargins(0, 0, 0, 0);
    buttons->setSpacing(2);
    buttons->addWidget(add);
    buttons->addWidget(m_colour);
    buttons->addStretch();
    buttons->addWidget(m_up);
    buttons->addWidget(m_down);
    buttons->addWidget(m_delete);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_view);
    layout->addLayout(buttons);

    connect(add, &QToolButton::clicked, this, &ClassesPanel::addClass);
    connect(m_colour, &QToolButton::clicked, this, &ClassesPanel::recolourSelected);
    connect(m_up, &QToolButton::clicked, this, [this] { moveSelected(-1); });
    connect(m_down, &QToolButton::clicked, this, [this] { moveSelected(1); });
    connect(m_delete, &QToolButton::clicked, this, &ClassesPanel::deleteSelected);
    connect(m_model, &ClassListModel::editRefused, this, &ClassesPanel::problem);
    connect(m_model, &QAbstractItemModel::modelReset, this, &ClassesPanel::updateButtons);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, &ClassesPanel::updateButtons);

    confirmDelete = [this](const QString& name, qint64 fragments) {
        return QMessageBox::question(this, tr("Delete Class"),
                                     (fragments == 1
                                          ? tr("Delete the class \"%1\"? One labeled fragment loses its label. "
                                               "Edit > Undo brings the class and its label back.")
                                          : tr("Delete the class \"%1\"? %2 labeled fragments lose their label. "
                                               "Edit > Undo brings the class and its labels back."))
                                         .arg(name)
                                         .arg(fragments),
                                     QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel)
            == QMessageBox::Yes;
    };
    updateButtons();
}

QString ClassesPanel::selectedClass() const
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    return rows.isEmpty() ? QString() : rows.front().data(ClassListModel::ClassNameRole).toString();
}

void ClassesPanel::selectClass(const QString& name)
{
    for (int r = 0; r < m_model->rowCount(); ++r)
        if (m_model->index(r, 0).data(ClassListModel::ClassNameRole).toString() == name) {
            m_view->selectRow(r);
            return;
        }
}

void ClassesPanel::updateButtons()
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    const int row = rows.isEmpty() ? -1 : rows.front().row();
    m_colour->setEnabled(row >= 0);
    m_delete->setEnabled(row >= 0);
    m_up->setEnabled(row > 0);
    m_down->setEnabled(row >= 0 && row + 1 < m_model->rowCount());
}

void ClassesPanel::addClass()
{
    if (!m_document->hasProject()) return;
    bool ok = false;
    const QString name = QInputDialog::getText(this, tr("Add Class"), tr("Name of the new class:"), QLineEdit::Normal,
                                               QString(), &ok);
    if (!ok || name.trimmed().isEmpty()) return;
    if (auto status = m_document->addClass(name); !status)
        emit problem(status.error());
    else
        selectClass(name.trimmed());
}

void ClassesPanel::recolourSelected()
{
    const QString name = selectedClass();
    const int i = m_document->project().classIndex(name);
    if (i < 0) return;
    const QColor chosen = QColorDialog::getColor(QColor(m_document->project().classes()[size_t(i)].color), this,
                                                 tr("Colour of %1").arg(name));
    if (!chosen.isValid()) return;
    if (auto status = m_document->setClassColor(name, chosen.name(QColor::HexRgb)); !status)
        emit problem(status.error());
    selectClass(name);
}

void ClassesPanel::moveSelected(int delta)
{
    const QString name = selectedClass();
    const int from = m_document->project().classIndex(name);
    if (from < 0) return;
    const int to = from + delta;
    if (to < 0 || to >= int(m_document->project().classes().size())) return;
    if (auto status = m_document->moveClass(from, to); !status) emit problem(status.error());
    selectClass(name);
}

void ClassesPanel::deleteSelected()
{
    const QString name = selectedClass();
    if (name.isEmpty()) return;
    const qint64 fragments = m_document->project().labeledFragmentCounts().value(name);
    if (fragments > 0 && confirmDelete && !confirmDelete(name, fragments)) return;
    if (auto removed = m_document->removeClass(name); !removed) emit problem(removed.error());
}

} // namespace fl
