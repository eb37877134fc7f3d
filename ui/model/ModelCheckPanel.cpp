#include "model/ModelCheckPanel.h"

#include "ml/Metrics.h"
#include "model/ClassScoresView.h"
#include "project/Project.h"
#include "training/ClassScores.h"
#include "training/FragmentSplit.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QVBoxLayout>

namespace fl {

ModelCheckPanel::ModelCheckPanel(PredictionsOf predictions, QWidget* parent)
    : QWidget(parent), m_predictionsOf(std::move(predictions))
{
    setObjectName(QStringLiteral("modelCheckPanel"));
    auto* layout = new QVBoxLayout(this);
    auto* top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("Score on"), this));
    m_scope = new QComboBox(this);
    m_scope->setObjectName(QStringLiteral("modelCheckScopeBox"));
    m_scope->addItem(tr("the validation split (held out by training)"));
    m_scope->addItem(tr("every labeled fragment"));
    m_scope->setToolTip(tr("Training fragments flatter the model: the validation split is the honest score"));
    top->addWidget(m_scope, 1);
    layout->addLayout(top);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("modelCheckStatus"));
    m_status->setWordWrap(true);
    layout->addWidget(m_status);
    m_scores = new ClassScoresView(this);
    m_scores->setObjectName(QStringLiteral("modelCheckScores"));
    layout->addWidget(m_scores, 2);
    layout->addWidget(new QLabel(tr("Fragments in the clicked cell:"), this));
    m_fragments = new QListWidget(this);
    m_fragments->setObjectName(QStringLiteral("modelCheckFragmentList"));
    m_fragments->setToolTip(tr("Click a fragment to go there"));
    layout->addWidget(m_fragments, 1);

    connect(m_scope, &QComboBox::currentIndexChanged, this, &ModelCheckPanel::scopeChanged);
    connect(m_scores, &ClassScoresView::confusionCellClicked, this, &ModelCheckPanel::showCell);
    connect(m_fragments, &QListWidget::itemClicked, this, [this](QListWidgetItem* item) {
        emit fragmentActivated(item->data(Qt::UserRole).toInt(), item->data(Qt::UserRole + 1).toLongLong());
    });
}

void ModelCheckPanel::refresh(const Project& project)
{
    m_cells.clear();
    m_classes.clear();
    m_videoNames.clear();
    m_fragments->clear();
    if (project.isNull()) {
        m_scores->setScores({});
        m_status->clear();
        return;
    }
    for (int v = 0; v < project.videoCount(); ++v) m_videoNames.push_back(project.video(v).fileName());

    // The labeled fragments to score: the validation split, or all.
    std::vector<std::pair<int, qint64>> fragments;
    if (m_scope->currentIndex() == 0) {
        auto split = FragmentSplit::make(project);
        if (!split) {
            m_scores->setScores({});
            m_status->setText(split.error());
            return;
        }
        for (const SplitFragment& f : split->validation) fragments.emplace_back(f.video, f.fragment);
    } else {
        for (int v = 0; v < project.videoCount(); ++v)
            for (qint64 j = 0; j < project.spec().count(project.video(v).frameCount); ++j)
                if (project.fragmentLabel(v, j)) fragments.emplace_back(v, j);
    }

    // Classes: the model's (from the first video with predictions).
    for (int v = 0; v < project.videoCount() && m_classes.isEmpty(); ++v)
        if (const VideoPredictions* p = m_predictionsOf(v)) m_classes = p->classes;
    if (m_classes.isEmpty()) {
        m_scores->setScores({});
        m_status->setText(tr("No predictions of the active model yet: run Predict first."));
        return;
    }
    const int n = int(m_classes.size());
    m_cells.assign(size_t(n), std::vector<std::vector<Cell>>(size_t(n)));
    std::vector<int> truth, predicted;
    qint64 notPredicted = 0, unknownClass = 0;
    for (const auto& [v, j] : fragments) {
        const VideoPredictions* p = m_predictionsOf(v);
        const int c = p ? p->predictedClass(j) : -1;
        if (c < 0) {
            ++notPredicted;
            continue;
        }
        const int t = int(m_classes.indexOf(*project.fragmentLabel(v, j)));
        if (t < 0) {
            ++unknownClass;
            continue;
        }
        truth.push_back(t);
        predicted.push_back(c);
        m_cells[size_t(t)][size_t(c)].push_back({v, j});
    }
    std::vector<std::string> names;
    for (const QString& c : m_classes) names.push_back(c.toStdString());
    m_scores->setScores(ClassScores::fromReport(ml::classificationReport(truth, predicted, names)));
    QString text = tr("%1 labeled fragments scored.").arg(truth.size());
    if (notPredicted > 0) text += QLatin1Char(' ') + tr("%1 not predicted yet.").arg(notPredicted);
    if (unknownClass > 0) text += QLatin1Char(' ') + tr("%1 carry a class the model does not know.").arg(unknownClass);
    m_status->setText(text);
}

const std::vector<ModelCheckPanel::Cell>& ModelCheckPanel::cell(int truthClass, int predictedClass) const
{
    static const std::vector<Cell> none;
    if (truthClass < 0 || predictedClass < 0 || truthClass >= int(m_cells.size())
        || predictedClass >= int(m_cells.size()))
        return none;
    return m_cells[size_t(truthClass)][size_t(predictedClass)];
}

void ModelCheckPanel::showCell(int truthClass, int predictedClass)
{
    m_fragments->clear();
    for (const Cell& c : cell(truthClass, predictedClass)) {
        auto* item = new QListWidgetItem(tr("%1, fragment %2 (labeled %3, predicted %4)")
                                             .arg(m_videoNames[size_t(c.video)])
                                             .arg(c.fragment)
                                             .arg(m_classes.value(truthClass), m_classes.value(predictedClass)),
                                         m_fragments);
        item->setData(Qt::UserRole, c.video);
        item->setData(Qt::UserRole + 1, c.fragment);
    }
}

} // namespace fl
