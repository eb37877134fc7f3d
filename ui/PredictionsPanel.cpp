#include "PredictionsPanel.h"

#include <QAction>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QToolButton>
#include <QVBoxLayout>

namespace fl {

PredictionsPanel::PredictionsPanel(QWidget* parent) : QWidget(parent)
{
    auto* layout = new QVBoxLayout(this);

    m_model = new QLabel(this);
    m_model->setWordWrap(true);
    layout->addWidget(m_model);
    auto* run = new QHBoxLayout;
    m_predictAll = new QPushButton(tr("Predict all videos"), this);
    m_predictVideo = new QPushButton(tr("Predict this video"), this);
    run->addWidget(m_predictAll);
    run->addWidget(m_predictVideo);
    layout->addLayout(run);

    auto* show = new QGroupBox(tr("Display"), this);
    auto* form = new QFormLayout(show);
    m_threshold = new QDoubleSpinBox(show);
    m_threshold->setRange(0.0, 1.0);
    m_threshold->setSingleStep(0.05);
    m_threshold->setDecimals(2);
    m_threshold->setToolTip(tr("Fragments whose confidence is below this are shown as uncertain"));
    form->addRow(tr("Confidence threshold"), m_threshold);
    m_minBout = new QSpinBox(show);
    m_minBout->setRange(1, 1000);
    m_minBout->setSuffix(tr(" fragments"));
    m_minBout->setToolTip(tr("Bouts shorter than this are merged into their neighbours (1: no smoothing)"));
    form->addRow(tr("Minimum bout"), m_minBout);
    layout->addWidget(show);

    auto* review = new QGroupBox(tr("Review"), this);
    auto* reviewLayout = new QVBoxLayout(review);
    auto* reviewForm = new QFormLayout;
    m_reviewClass = new QComboBox(review);
    m_reviewClass->setToolTip(tr("The class that \"next/previous bout\" steps through"));
    reviewForm->addRow(tr("Class"), m_reviewClass);
    m_uncertainBelow = new QDoubleSpinBox(review);
    m_uncertainBelow->setRange(0.0, 1.0);
    m_uncertainBelow->setSingleStep(0.05);
    m_uncertainBelow->setDecimals(2);
    m_uncertainBelow->setToolTip(tr("\"Next uncertain\" stops at fragments whose confidence is below this"));
    reviewForm->addRow(tr("Uncertain below"), m_uncertainBelow);
    reviewLayout->addLayout(reviewForm);
    m_reviewGrid = new QGridLayout;
    reviewLayout->addLayout(m_reviewGrid);
    layout->addWidget(review);

    m_summary = new QLabel(this);
    m_summary->setWordWrap(true);
    layout->addWidget(m_summary);

    auto* next = new QGroupBox(tr("Label next"), this);
    auto* nextLayout = new QVBoxLayout(next);
    m_suggestions = new QTableWidget(0, 4, next);
    m_suggestions->setHorizontalHeaderLabels({tr("Video"), tr("Fragment"), tr("Time"), tr("Uncertainty")});
    m_suggestions->setToolTip(tr("Fragments the model is least sure about, spread over the videos: click one to go there"));
    m_suggestions->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_suggestions->setSelectionMode(QAbstractItemView::SingleSelection);
    m_suggestions->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_suggestions->verticalHeader()->hide();
    m_suggestions->horizontalHeader()->setStretchLastSection(true);
    nextLayout->addWidget(m_suggestions);
    m_refreshSuggestions = new QPushButton(tr("Refresh suggestions"), next);
    m_refreshSuggestions->setToolTip(tr("Rank the fragments again (after new labels or predictions)"));
    nextLayout->addWidget(m_refreshSuggestions);
    layout->addWidget(next, 1);
}

void PredictionsPanel::addReviewAction(QAction* action, int row, int column)
{
    auto* button = new QToolButton(this);
    button->setDefaultAction(action);
    button->setToolButtonStyle(Qt::ToolButtonTextOnly);
    button->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    m_reviewGrid->addWidget(button, row, column);
}

} // namespace fl
