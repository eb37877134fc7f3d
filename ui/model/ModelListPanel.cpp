#include "model/ModelListPanel.h"

#include "model/ModelListModel.h"
#include "model/TrainingReportView.h"
#include "project/Project.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QMessageBox>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace fl {

ModelListPanel::ModelListPanel(ProjectGetter project, QWidget* parent) : QWidget(parent), m_project(std::move(project))
{
    setObjectName(QStringLiteral("modelListPanel"));
    m_model = new ModelListModel(this);
    m_view = new QTableView(this);
    m_view->setObjectName(QStringLiteral("modelTable"));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_activate = new QPushButton(tr("Make active"), this);
    m_report = new QPushButton(tr("Show report"), this);
    auto* refreshButton = new QPushButton(tr("Refresh"), this);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_activate);
    buttons->addWidget(m_report);
    buttons->addStretch(1);
    buttons->addWidget(refreshButton);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_view, 1);
    layout->addLayout(buttons);

    connect(m_model, &ModelListModel::activeModelChosen, this, &ModelListPanel::activeModelChosen);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, &ModelListPanel::updateButtons);
    connect(m_model, &QAbstractItemModel::modelReset, this, &ModelListPanel::updateButtons);
    connect(refreshButton, &QPushButton::clicked, this, &ModelListPanel::refresh);
    connect(m_activate, &QPushButton::clicked, this, [this] {
        const QModelIndex current = m_view->currentIndex();
        if (current.isValid())
            m_model->setData(m_model->index(current.row(), ModelListModel::Name), Qt::Checked, Qt::CheckStateRole);
    });
    connect(m_report, &QPushButton::clicked, this, [this] {
        const QModelIndex current = m_view->currentIndex();
        if (!current.isValid()) return;
        const QString file = m_model->data(m_model->index(current.row(), 0), ModelListModel::ReportFileRole).toString();
        auto report = TrainingReport::load(file);
        if (!report) {
            QMessageBox::warning(this, tr("Training report"), report.error());
            return;
        }
        TrainingReportView::openWindow(*report, this);
    });
    connect(m_view, &QTableView::doubleClicked, m_report, &QPushButton::click);
    refresh();
}

void ModelListPanel::refresh()
{
    m_model->refresh(m_project ? m_project() : Project());
    updateButtons();
}

void ModelListPanel::updateButtons()
{
    const QModelIndex current = m_view->selectionModel()->currentIndex();
    const bool selected = current.isValid() && m_view->selectionModel()->isRowSelected(current.row(), {});
    m_activate->setEnabled(selected && current.row() != m_model->activeRow());
    m_report->setEnabled(
        selected
        && !m_model->data(m_model->index(current.row(), 0), ModelListModel::ReportFileRole).toString().isEmpty());
}

} // namespace fl
