#include "model/ModelWorkspace.h"

#include "document/ProjectDocument.h"
#include "inspection/EmbeddingPanel.h"
#include "inspection/InspectorPanel.h"
#include "model/ModelCheckPanel.h"
#include "model/ModelListPanel.h"
#include "model/TrainingPanel.h"
#include "predictions/PredictionWorkspace.h"
#include "shell/ActionRegistry.h"
#include "shell/WindowParts.h"
#include "shell/Workbench.h"

#include <QAction>
#include <QDockWidget>
#include <QMenu>
#include <QTimer>

namespace fl {

ModelWorkspace::ModelWorkspace(Workbench* workbench, WindowParts* parts, QObject* parent)
    : QObject(parent), m_bench(workbench)
{
    ProjectDocument* doc = workbench->document();
    auto project = [doc] { return doc->hasProject() ? doc->project() : Project(); };

    m_training = new TrainingPanel(project, workbench->jobRunner());
    m_models = new ModelListPanel(project);
    parts->addPanelDock(m_training, QStringLiteral("trainingDock"));
    parts->addPanelDock(m_models, QStringLiteral("modelsDock"));

    QAction* train = m_training->trainAction();
    train->setObjectName(QStringLiteral("trainModel"));
    train->setStatusTip(train->toolTip());
    parts->actions()->add(train, tr("Tools"));
    if (QMenu* tools = parts->menu(WindowParts::Menu::Tools)) {
        tools->addSeparator();
        tools->addAction(train);
    }

    connect(m_training, &TrainingPanel::activeModelChosen, this, &ModelWorkspace::chooseActiveModel);
    connect(m_models, &ModelListPanel::activeModelChosen, this, &ModelWorkspace::chooseActiveModel);
    connect(m_training, &TrainingPanel::trainingFinished, m_models, &ModelListPanel::refresh);
    connect(m_training, &TrainingPanel::trainingFailed, this,
            [this](const QString& error) { m_bench->showStatus(tr("Training failed: %1").arg(error), 8000); });
    connect(doc, &ProjectDocument::projectReplaced, m_models, &ModelListPanel::refresh);
    connect(doc, &ProjectDocument::activeModelChanged, m_models, &ModelListPanel::refresh);

    m_predictions = new PredictionWorkspace(workbench, parts, this);
    m_models->refresh();

    m_check = new ModelCheckPanel([this](int video) { return m_predictions->predictions(video); });
    parts->addPanelDock(m_check, QStringLiteral("modelCheckDock"));
    auto* recheck = new QTimer(this);
    recheck->setSingleShot(true);
    recheck->setInterval(800); // labels change at keyboard speed: score once they settle
    connect(recheck, &QTimer::timeout, this, [this] { m_check->refresh(m_bench->document()->project()); });
    connect(m_predictions, &PredictionWorkspace::predictionsChanged, recheck, qOverload<>(&QTimer::start));
    connect(doc, &ProjectDocument::labelsChanged, recheck, qOverload<>(&QTimer::start));
    connect(m_check, &ModelCheckPanel::scopeChanged, recheck, qOverload<>(&QTimer::start));
    connect(m_check, &ModelCheckPanel::fragmentActivated, workbench, &Workbench::goToFragment);
    recheck->start();

    m_inspector = new InspectorPanel;
    QDockWidget* inspectorDock = parts->addPanelDock(m_inspector, QStringLiteral("inspectorDock"));
    auto inspectCurrent = [this, inspectorDock](bool force) {
        if (!inspectorDock->isVisible()) return;
        const Project& p = m_bench->document()->project();
        const int video = m_bench->currentVideo();
        const qint64 fragment = m_bench->currentFragment();
        if (p.isNull() || video < 0 || fragment < 0) return m_inspector->clear(tr("No fragment"));
        if (p.activeModel().isEmpty())
            return m_inspector->clear(tr("No active model: train one or pick one in the Models panel."));
        InspectionRequest r;
        r.modelFile = p.activeModelFile();
        r.videoPath = p.absoluteVideoPath(video);
        r.spec = p.spec();
        r.fragment = fragment;
        m_inspector->inspect(r, force);
    };
    connect(workbench, &Workbench::currentFragmentChanged, this, [inspectCurrent] { inspectCurrent(false); });
    connect(doc, &ProjectDocument::activeModelChanged, this, [inspectCurrent] { inspectCurrent(true); });
    connect(inspectorDock, &QDockWidget::visibilityChanged, this, [inspectCurrent](bool visible) {
        if (visible) inspectCurrent(false);
    });
    connect(m_inspector, &InspectorPanel::followChanged, this, [inspectCurrent](bool on) {
        if (on) inspectCurrent(false);
    });

    m_embedding = new EmbeddingPanel([this](int video) { return m_predictions->predictions(video); });
    QDockWidget* embeddingDock = parts->addPanelDock(m_embedding, QStringLiteral("embeddingDock"));
    auto* remap = new QTimer(this);
    remap->setSingleShot(true);
    remap->setInterval(300);
    connect(remap, &QTimer::timeout, this, [this, embeddingDock] {
        if (embeddingDock->isVisible()) m_embedding->refresh(m_bench->document()->project(), m_bench->currentVideo());
    });
    connect(m_predictions, &PredictionWorkspace::predictionsChanged, remap, qOverload<>(&QTimer::start));
    connect(workbench, &Workbench::currentVideoChanged, remap, qOverload<>(&QTimer::start));
    connect(m_embedding, &EmbeddingPanel::optionsChanged, remap, qOverload<>(&QTimer::start));
    connect(embeddingDock, &QDockWidget::visibilityChanged, remap, [remap](bool visible) {
        if (visible) remap->start();
    });
    connect(doc, &ProjectDocument::labelsChanged, remap, [this, remap] {
        if (m_embedding->colourByLabels()) remap->start();
    });
    connect(m_embedding, &EmbeddingPanel::fragmentActivated, workbench, &Workbench::goToFragment);
}

void ModelWorkspace::chooseActiveModel(const QString& fileName)
{
    if (auto status = m_bench->document()->setActiveModel(fileName); !status)
        m_bench->reportError(tr("Active model"), status.error());
    else
        m_bench->showStatus(tr("Active model: %1 (save the project to keep the choice)").arg(fileName), 5000);
}

} // namespace fl
