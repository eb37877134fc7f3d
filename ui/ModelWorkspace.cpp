#include "ModelWorkspace.h"

#include "MainWindow.h"
#include "ModelCheckPanel.h"
#include "ModelListPanel.h"
#include "PredictionWorkspace.h"
#include "ProjectDocument.h"
#include "TimelineView.h"
#include "TrainingPanel.h"

#include <QAction>
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
    window->addPanelDock(m_training, QStringLiteral("trainingDock"), tr("Training"), Qt::RightDockWidgetArea,
                         QKeySequence(Qt::ALT | Qt::Key_4));
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
    connect(m_check, &ModelCheckPanel::fragmentActivated, this, [this](int video, qint64 fragment) {
        const Project& p = m_window->document()->project();
        if (video < 0 || video >= p.videoCount())
            return;
        m_window->selectVideo(video);
        m_window->seek(p.spec().firstFrame(fragment));
        m_window->timeline()->setSelection(fragment, fragment);
        m_window->timeline()->ensureVisible(p.spec().firstFrame(fragment));
    });
    recheck->start();
}

void ModelWorkspace::chooseActiveModel(const QString& fileName)
{
    if (auto status = m_window->document()->setActiveModel(fileName); !status)
        m_window->reportError(tr("Active model"), status.error());
    else
        m_window->statusBar()->showMessage(tr("Active model: %1 (save the project to keep the choice)").arg(fileName), 5000);
}

} // namespace fl
