#include "predictions/PredictionsPanel.h"

#include <QAction>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QTableWidget>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace fl {

PredictionsPanel::PredictionsPanel(QWidget* parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("predictionsPanel"));
    auto* layout = new QVBoxLayout(this);

    m_model = new QLabel(this);
    m_model->setObjectName(QStringLiteral("predictionModelLabel"));
    m_model->setWordWrap(true);
    layout->addWidget(m_model);
    auto* run = new QHBoxLayout;
    m_predictAll = new QPushButton(tr("Predict all videos"), this);
    m_predictVideo = new QPushButton(tr("Predict this video"), this);
    m_predictAll->setObjectName(QStringLiteral("predictAllButton"));
    m_predictVideo->setObjectName(QStringLiteral("predictVideoButton"));
    connect(m_predictAll, &QPushButton::clicked, this, &PredictionsPanel::predictAllRequested);
    connect(m_predictVideo, &QPushButton::clicked, this, &PredictionsPanel::predictVideoRequested);
    run->addWidget(m_predictAll);
    run->addWidget(m_predictVideo);
    layout->addLayout(run);

    auto* show = new QGroupBox(tr("Display"), this);
    auto* form = new QFormLayout(show);
    m_threshold = new QDoubleSpinBox(show);
    m_threshold->setObjectName(QStringLiteral("predictionThresholdBox"));
    m_threshold->setRange(0.0, 1.0);
    m_threshold->setSingleStep(0.05);
    m_threshold->setDecimals(2);
    m_threshold->setValue(0.0);
    m_threshold->setToolTip(
        tr("On the timeline's Predicted row, fragments whose confidence is below this are drawn grey, as "
           "uncertain (0: every fragment in its class colour); Shift+A accepts only fragments at or above it"));
    form->addRow(tr("Grey on timeline below"), m_threshold);
    m_minBout = new QSpinBox(show);
    m_minBout->setObjectName(QStringLiteral("minBoutBox"));
    m_minBout->setRange(1, 1000);
    m_minBout->setValue(1);
    m_minBout->setSuffix(tr(" fragments"));
    m_minBout->setToolTip(tr("Bouts shorter than this are merged into their neighbours (1: no smoothing)"));
    form->addRow(tr("Minimum bout"), m_minBout);
    layout->addWidget(show);
    connect(m_threshold, &QDoubleSpinBox::valueChanged, this, &PredictionsPanel::emitSmoothing);
    connect(m_minBout, &QSpinBox::valueChanged, this, &PredictionsPanel::emitSmoothing);

    auto* decide = new QGroupBox(tr("Decision thresholds"), this);
    decide->setToolTip(
        tr("A fragment takes the class whose probability most exceeds its threshold; training tunes them on "
           "held-out folds of the labels"));
    auto* decideLayout = new QVBoxLayout(decide);
    m_decisionNote = new QLabel(decide);
    m_decisionNote->setWordWrap(true);
    decideLayout->addWidget(m_decisionNote);
    m_decisionForm = new QFormLayout;
    decideLayout->addLayout(m_decisionForm);
    m_modelDecisions = new QPushButton(tr("Model's values"), decide);
    m_modelDecisions->setObjectName(QStringLiteral("modelDecisionsButton"));
    m_modelDecisions->setToolTip(tr("Put the thresholds and the minimum bout back to what training tuned"));
    decideLayout->addWidget(m_modelDecisions);
    connect(m_modelDecisions, &QPushButton::clicked, this, [this] {
        {
            const QSignalBlocker quiet(m_minBout);
            m_minBout->setValue(m_modelMinBout);
        }
        showDecisionClasses(m_classes, m_tuned);
        emitSmoothing();
    });
    layout->addWidget(decide);

    auto* review = new QGroupBox(tr("Review"), this);
    auto* reviewLayout = new QVBoxLayout(review);
    auto* reviewForm = new QFormLayout;
    m_reviewClass = new QComboBox(review);
    m_reviewClass->setObjectName(QStringLiteral("reviewClassBox"));
    m_reviewClass->setToolTip(tr("The class that \"next/previous bout\" steps through"));
    reviewForm->addRow(tr("Class"), m_reviewClass);
    m_uncertainBelow = new QDoubleSpinBox(review);
    m_uncertainBelow->setRange(0.0, 1.0);
    m_uncertainBelow->setSingleStep(0.05);
    m_uncertainBelow->setDecimals(2);
    m_uncertainBelow->setObjectName(QStringLiteral("uncertainBelowBox"));
    m_uncertainBelow->setValue(0.7);
    m_uncertainBelow->setToolTip(
        tr("Review only: Next / Previous Uncertain (M / Shift+M) stop at fragments whose confidence is "
           "below this; the timeline and the decisions do not change"));
    reviewForm->addRow(tr("M stops below"), m_uncertainBelow);
    reviewLayout->addLayout(reviewForm);
    m_reviewGrid = new QGridLayout;
    reviewLayout->addLayout(m_reviewGrid);
    m_exportBoutClips = new QPushButton(tr("Export bouts as clips..."), review);
    m_exportBoutClips->setObjectName(QStringLiteral("exportBoutClipsButton"));
    m_exportBoutClips->setToolTip(tr("Each bout of the class above in the current video as a video file, in a "
                                     "folder (stream copy where a bout starts on a keyframe, else re-encoded)"));
    m_exportBoutClips->setEnabled(false);
    connect(m_exportBoutClips, &QPushButton::clicked, this, &PredictionsPanel::exportBoutClipsRequested);
    reviewLayout->addWidget(m_exportBoutClips);
    layout->addWidget(review);

    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("predictionSummary"));
    m_summary->setWordWrap(true);
    layout->addWidget(m_summary);

    auto* next = new QGroupBox(tr("Label next"), this);
    auto* nextLayout = new QVBoxLayout(next);
    m_suggestions = new QTableWidget(0, 4, next);
    m_suggestions->setObjectName(QStringLiteral("suggestionTable"));
    m_suggestions->setHorizontalHeaderLabels({tr("Video"), tr("Fragment"), tr("Time"), tr("Uncertainty")});
    m_suggestions->setToolTip(
        tr("Fragments the model is least sure about, spread over the videos: click one to go there"));
    m_suggestions->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_suggestions->setSelectionMode(QAbstractItemView::SingleSelection);
    m_suggestions->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_suggestions->verticalHeader()->hide();
    m_suggestions->horizontalHeader()->setStretchLastSection(true);
    nextLayout->addWidget(m_suggestions);
    m_refreshSuggestions = new QPushButton(tr("Refresh suggestions"), next);
    m_refreshSuggestions->setObjectName(QStringLiteral("refreshSuggestionsButton"));
    m_refreshSuggestions->setToolTip(tr("Rank the fragments again (after new labels or predictions)"));
    nextLayout->addWidget(m_refreshSuggestions);
    layout->addWidget(next, 1);
    connect(m_refreshSuggestions, &QPushButton::clicked, this, &PredictionsPanel::refreshSuggestionsRequested);
    connect(m_suggestions, &QTableWidget::cellClicked, this, [this](int row, int) { emit suggestionActivated(row); });
}

void PredictionsPanel::setModelText(const QString& text)
{
    m_model->setText(text);
}

void PredictionsPanel::setSummary(const QString& text)
{
    m_summary->setText(text);
}

SmoothingOptions PredictionsPanel::smoothing() const
{
    SmoothingOptions o;
    o.threshold = m_threshold->value();
    o.minBout = m_minBout->value();
    std::vector<double> t;
    for (const QDoubleSpinBox* box : m_classThresholds) t.push_back(box->value());
    if (!t.empty() && std::all_of(t.begin(), t.end(), [&t](double v) { return std::abs(v - t.front()) < 1e-9; }))
        t.clear();
    o.classThresholds = t;
    return o;
}

void PredictionsPanel::emitSmoothing()
{
    emit smoothingChanged(smoothing());
}

void PredictionsPanel::setModelDecisions(const QStringList& classes, const std::vector<double>& tuned, int minBout)
{
    m_modelMinBout = std::max(1, minBout);
    {
        const QSignalBlocker quiet(m_minBout);
        m_minBout->setValue(m_modelMinBout);
    }
    showDecisionClasses(classes, tuned);
}

void PredictionsPanel::showDecisionClasses(const QStringList& classes, const std::vector<double>& tuned)
{
    m_classes = classes;
    m_tuned = int(tuned.size()) == classes.size() ? tuned : std::vector<double>{};
    while (m_decisionForm->rowCount() > 0) m_decisionForm->removeRow(0);
    m_classThresholds.clear();
    const int k = int(classes.size());
    for (int c = 0; c < k; ++c) {
        auto* box = new QDoubleSpinBox(this);
        box->setRange(0.0, 1.0);
        box->setSingleStep(0.05);
        box->setDecimals(2);
        box->setValue(m_tuned.empty() ? 1.0 / k : m_tuned[size_t(c)]);
        box->setToolTip(
            tr("Class \"%1\" is decided where its probability minus this beats every other class's").arg(classes[c]));
        box->setObjectName(QStringLiteral("classThresholdBox"));
        connect(box, &QDoubleSpinBox::valueChanged, this, &PredictionsPanel::emitSmoothing);
        auto* label = new QLabel(classes[c], this);
        label->setProperty("className", classes[c]);
        m_decisionForm->addRow(label, box);
        m_classThresholds << box;
    }
    m_decisionNote->setText(k == 0                ? tr("No model.")
                                : m_tuned.empty() ? tr("The model's own decision: the most probable class.")
                                                  : tr("Tuned on held-out folds when the model was trained."));
}

void PredictionsPanel::setReviewClasses(const QStringList& classes)
{
    const QString current = m_reviewClass->currentText();
    m_reviewClass->clear();
    m_reviewClass->addItems(classes);
    m_reviewClass->addItem(tr("(uncertain)"));
    if (const int i = m_reviewClass->findText(current); i >= 0) m_reviewClass->setCurrentIndex(i);
}

void PredictionsPanel::setBoutClipsEnabled(bool enabled)
{
    m_exportBoutClips->setEnabled(enabled);
}

int PredictionsPanel::reviewClass() const
{
    const int i = m_reviewClass->currentIndex();
    return i == m_reviewClass->count() - 1 ? kUncertain : i;
}

QString PredictionsPanel::reviewClassName() const
{
    return m_reviewClass->currentText();
}

double PredictionsPanel::uncertainBelow() const
{
    return m_uncertainBelow->value();
}

void PredictionsPanel::setSuggestions(const std::vector<SuggestionRow>& rows)
{
    m_suggestions->setRowCount(int(rows.size()));
    for (int row = 0; row < int(rows.size()); ++row) {
        const SuggestionRow& s = rows[size_t(row)];
        m_suggestions->setItem(row, 0, new QTableWidgetItem(s.video));
        m_suggestions->setItem(row, 1, new QTableWidgetItem(QString::number(s.fragment)));
        m_suggestions->setItem(row, 2, new QTableWidgetItem(s.time));
        m_suggestions->setItem(row, 3, new QTableWidgetItem(QString::number(s.uncertainty, 'f', 3)));
    }
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
