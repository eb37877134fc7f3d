#include "model/ModelWorkspace.h"

#include "inspection/EmbeddingPanel.h"
#include "inspection/InspectorPanel.h"
#include "shell/MainWindow.h"
#include "model/ModelCheckPanel.h"
#include "model/ModelListPanel.h"
#include "predictions/PredictionWorkspace.h"
#include "document/ProjectDocument.h"
#include "scenes/ScenesPanel.h"
#include "timeline/TimelineView.h"
#include "model/TrainingPanel.h"
#include "model/TrainingReportView.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDockWidget>
#include <QMenu>
#include <QStatusBar>
#include <QTimer>

namespace fl {

ModelWorkspace::ModelWorkspace(MainWindow* window) : QObject(window), m_window(window)
{
    ProjectDocument* doc = window->document();
    auto project = [doc] { return doc->hasProject() ? doc->project() : Project(); };

    m_training = new TrainingPanel(project, window->jobRunner());
    m_models = new ModelListPanel(project);
    window->addPanelDock(m_training, QStringLiteral("trainingDock"), tr("Training"),
                                                     Qt::RightDockWidgetArea, QKeySequence(Qt::ALT | Qt::Key_4));
    window->addPanelDock(m_models, QStringLiteral("modelsDock"), tr("Models"), Qt::RightDockWidgetArea,
                                                   QKeySequence(Qt::ALT | Qt::Key_5));

    QAction* train = m_training->trainAction();
    train->setObjectName(QStringLiteral("trainModel"));
    train->setStatusTip(train->toolTip());
    window->addAction(train);
    window->registerAction(train, tr("Tools"));
    if (QMenu* tools = window->menu(MainWindow::Menu::Tools)) {
        tools->addSeparator();
        tools->addAction(train);
    }

    connect(m_training, &TrainingPanel::activeModelChosen, this, &ModelWorkspace::chooseActiveModel);
    connect(m_models, &ModelListPanel::activeModelChosen, this, &ModelWorkspace::chooseActiveModel);
    connect(m_training, &TrainingPanel::trainingFinished, m_models, &ModelListPanel::refresh);
    connect(m_training, &TrainingPanel::trainingFailed, this,
            [this](const QString& error) { m_window->statusBar()->showMessage(tr("Training failed: %1").arg(error), 8000); });
    connect(doc, &ProjectDocument::projectReplaced, m_models, &ModelListPanel::refresh);
    connect(doc, &ProjectDocument::activeModelChanged, m_models, &ModelListPanel::refresh);

    m_predictions = new PredictionWorkspace(window);
    m_models->refresh();

    m_check = new ModelCheckPanel([this](int video) { return m_predictions->predictions(video); });
    window->addPanelDock(m_check, QStringLiteral("modelCheckDock"), tr("Model Check"), Qt::RightDockWidgetArea,
                         QKeySequence(Qt::ALT | Qt::Key_7));
    auto* recheck = new QTimer(this);
    recheck->setSingleShot(true);
    recheck->setInterval(800); // labels change at keyboard speed: score once they settle
    connect(recheck, &QTimer::timeout, this, [this] { m_check->refresh(m_window->document()->project()); });
    connect(m_predictions, &PredictionWorkspace::predictionsChanged, recheck, qOverload<>(&QTimer::start));
    connect(doc, &ProjectDocument::labelsChanged, recheck, qOverload<>(&QTimer::start));
    connect(m_check, &ModelCheckPanel::scopeChanged, recheck, qOverload<>(&QTimer::start));
    connect(m_check, &ModelCheckPanel::fragmentActivated, window, &MainWindow::goToFragment);
    recheck->start();

    m_inspector = new InspectorPanel;
    QDockWidget* inspectorDock = window->addPanelDock(m_inspector, QStringLiteral("inspectorDock"), tr("Inspector"),
                                                      Qt::LeftDockWidgetArea, QKeySequence(Qt::ALT | Qt::Key_8));
    auto inspectCurrent = [this, inspectorDock](bool force) {
        if (!inspectorDock->isVisible())
            return;
        const Project& p = m_window->document()->project();
        const int video = m_window->currentVideo();
        const qint64 fragment = m_window->currentFragment();
        if (p.isNull() || video < 0 || fragment < 0)
            return m_inspector->clear(tr("No fragment"));
        if (p.activeModel().isEmpty())
            return m_inspector->clear(tr("No active model: train one or pick one in the Models panel."));
        InspectionRequest r;
        r.modelFile = p.activeModelFile();
        r.videoPath = p.absoluteVideoPath(video);
        r.spec = p.spec();
        r.fragment = fragment;
        m_inspector->inspect(r, force);
    };
    connect(window, &MainWindow::currentFragmentChanged, this, [inspectCurrent] { inspectCurrent(false); });
    connect(doc, &ProjectDocument::activeModelChanged, this, [inspectCurrent] { inspectCurrent(true); });
    connect(inspectorDock, &QDockWidget::visibilityChanged, this, [inspectCurrent](bool visible) {
        if (visible)
            inspectCurrent(false);
    });
    connect(m_inspector->followBox(), &QCheckBox::toggled, this, [inspectCurrent](bool on) {
        if (on)
            inspectCurrent(false);
    });

    m_scenes = new ScenesPanel(window, m_predictions);
    window->addPanelDock(m_scenes, QStringLiteral("scenesDock"), tr("Scenes and Keyframes"), Qt::LeftDockWidgetArea,
                         QKeySequence(Qt::ALT | Qt::Key_9));

    m_embedding = new EmbeddingPanel([this](int video) { return m_predictions->predictions(video); });
    QDockWidget* embeddingDock = window->addPanelDock(m_embedding, QStringLiteral("embeddingDock"), tr("Embedding Map"),
                                                      Qt::RightDockWidgetArea, QKeySequence(Qt::ALT | Qt::Key_0));
    auto* remap = new QTimer(this);
    remap->setSingleShot(true);
    remap->setInterval(300);
    connect(remap, &QTimer::timeout, this, [this, embeddingDock] {
        if (embeddingDock->isVisible())
            m_embedding->refresh(m_window->document()->project(), m_window->currentVideo());
    });
    connect(m_predictions, &PredictionWorkspace::predictionsChanged, remap, qOverload<>(&QTimer::start));
    connect(window, &MainWindow::currentVideoChanged, remap, qOverload<>(&QTimer::start));
    connect(m_embedding, &EmbeddingPanel::optionsChanged, remap, qOverload<>(&QTimer::start));
    connect(embeddingDock, &QDockWidget::visibilityChanged, remap, [remap](bool visible) {
        if (visible)
            remap->start();
    });
    connect(doc, &ProjectDocument::labelsChanged, remap, [this, remap] {
        if (m_embedding->colourBox()->currentIndex() == 0)
            remap->start();
    });
    connect(m_embedding, &EmbeddingPanel::fragmentActivated, window, &MainWindow::goToFragment);

}


void ModelWorkspace::chooseActiveModel(const QString& fileName)
{
    if (auto status = m_window->document()->setActiveModel(fileName); !status)
        m_window->reportError(tr("Active model"), status.error());
    else
        m_window->statusBar()->showMessage(tr("Active model: %1 (save the project to keep the choice)").arg(fileName), 5000);
}

} // namespace fl
