#include "Screenshots.h"

#include "document/ProjectDocument.h"
#include "document/ProjectFiles.h"
#include "inspection/InspectorPanel.h"
#include "jobs/JobRunner.h"
#include "labeling/LabelingController.h"
#include "model/ModelWorkspace.h"
#include "model/TrainingPanel.h"
#include "model/TrainingReportView.h"
#include "player/FrameView.h"
#include "player/VideoPlayer.h"
#include "predictions/PredictionWorkspace.h"
#include "scenes/ScenesController.h"
#include "shell/ActionRegistry.h"
#include "shell/DockLayout.h"
#include "shell/MainWindow.h"
#include "shell/Workbench.h"
#include "timeline/TimelineView.h"

#include <QAction>
#include <QDir>
#include <QDockWidget>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QGuiApplication>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QPixmap>
#include <QScreen>
#include <QScrollArea>
#include <QSplitter>
#include <QTabBar>
#include <QTimer>
#include <QToolButton>

#include <cstdio>

namespace fl::screenshots {

namespace {

void waitFor(int ms)
{
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
}

// Runs the event loop until `signal` of `sender` fires, or `ms` pass. Returns whether it fired.
template <typename Sender, typename Signal>
bool waitForSignal(Sender* sender, Signal signal, int ms)
{
    QEventLoop loop;
    bool fired = false;
    const auto connection = QObject::connect(sender, signal, &loop, [&] {
        fired = true;
        loop.quit();
    });
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
    QObject::disconnect(connection);
    return fired;
}

QJsonArray rectJson(const QRect& r)
{
    return QJsonArray{r.x(), r.y(), r.width(), r.height()};
}

} // namespace

QStringList docksOfPanel(const QString& panel)
{
    static const QHash<QString, QStringList> docks = {
        {QStringLiteral("labeling"),
         {QStringLiteral("videosDock"), QStringLiteral("classesDock"), QStringLiteral("historyDock")}},
        {QStringLiteral("training"), {QStringLiteral("trainingDock")}},
        {QStringLiteral("models"), {QStringLiteral("modelsDock")}},
        {QStringLiteral("predictions"), {QStringLiteral("predictionsDock")}},
        {QStringLiteral("check"), {QStringLiteral("modelCheckDock")}},
        {QStringLiteral("inspector"), {QStringLiteral("inspectorDock")}},
        {QStringLiteral("embedding"), {QStringLiteral("embeddingDock")}},
        {QStringLiteral("scenes"), {QStringLiteral("scenesDock")}},
    };
    return docks.value(panel);
}

void arrangeDocks(MainWindow& window, const QString& panel)
{
    const QStringList names = docksOfPanel(panel);
    for (QDockWidget* dock : window.findChildren<QDockWidget*>()) dock->setVisible(names.contains(dock->objectName()));
}

Status showPanel(MainWindow& window, const Features& features, const QString& panel, const QString& file,
                 const QSize& size)
{
    Workbench* bench = window.workbench();
    const QStringList names = docksOfPanel(panel);
    QList<QDockWidget*> shown;
    for (QDockWidget* dock : window.findChildren<QDockWidget*>()) {
        if (names.contains(dock->objectName())) {
            dock->show();
            dock->raise();
            shown.push_back(dock);
        } else {
            dock->hide();
        }
    }
    if (shown.isEmpty()) return Status::failure(QStringLiteral("--panel: no dock for \"%1\"").arg(panel));
    window.resize(size);
    waitFor(100);
    const bool wide = panel == QLatin1String("inspector") || panel == QLatin1String("embedding")
        || panel == QLatin1String("scenes") || panel == QLatin1String("check") || panel == QLatin1String("models");
    window.resizeDocks({shown.front()}, {window.width() * (wide ? 45 : 30) / 100}, Qt::Horizontal);
    waitFor(300);

    if (panel == QLatin1String("training")) {
        TrainingPanel* training = window.findChild<TrainingPanel*>(QStringLiteral("trainingPanel"));
        if (!training) return Status::failure(QStringLiteral("--panel training: the window has no training panel"));
        TrainingRequest request = training->request();
        request.options.epochs = 6; // enough for curves; the screenshot should not take minutes
        training->setRequest(request);
        training->startTraining();
        QString error;
        const auto failed = QObject::connect(training, &TrainingPanel::trainingFailed,
                                             [&](const QString& e) { error = e; });
        QEventLoop loop;
        QObject::connect(training, &TrainingPanel::trainingFinished, &loop, &QEventLoop::quit);
        QObject::connect(training, &TrainingPanel::trainingFailed, &loop, &QEventLoop::quit);
        QTimer::singleShot(600000, &loop, &QEventLoop::quit);
        if (training->isTraining()) loop.exec();
        QObject::disconnect(failed);
        if (!error.isEmpty()) return Status::failure(QStringLiteral("training failed: %1").arg(error));
        if (training->isTraining()) return Status::failure(QStringLiteral("training did not finish in 10 minutes"));
        waitFor(500);
        // The report opens in its own window: saved next to the screenshot as NAME-report.png.
        if (auto* report = training->findChild<TrainingReportView*>(QStringLiteral("trainingReportWindow"))) {
            const QFileInfo info(file);
            const QString reportFile = info.dir().filePath(info.completeBaseName() + QStringLiteral("-report.")
                                                           + info.suffix());
            if (!report->grab().toImage().save(reportFile))
                return Status::failure(QStringLiteral("%1: cannot write the screenshot").arg(reportFile));
            std::printf("%s\n", qPrintable(reportFile));
            report->close();
        }
    } else if (panel == QLatin1String("predictions")) {
        if (features.models) features.models->predictions()->refreshSuggestions();
        // Room for the probability plot under the timeline.
        if (auto* splitter = window.findChild<QSplitter*>(QStringLiteral("centreSplitter")))
            splitter->setSizes({splitter->height() * 55 / 100, splitter->height() * 45 / 100});
    } else if (panel == QLatin1String("inspector")) {
        if (bench->document()->project().activeModel().isEmpty())
            return Status::failure(
                QStringLiteral("--panel inspector: the project has no active model (train one first)"));
        InspectorPanel* inspector = window.findChild<InspectorPanel*>(QStringLiteral("inspectorPanel"));
        if (!inspector) return Status::failure(QStringLiteral("--panel inspector: the window has no inspector"));
        // Turning "follow" on inspects the current fragment.
        inspector->setFollow(false);
        inspector->setFollow(true);
        for (int i = 0; i < 400 && (inspector->isBusy() || !inspector->result()); ++i) waitFor(50);
        if (!inspector->result()) return Status::failure(QStringLiteral("the inspector showed nothing in 20 s"));
    } else if (panel == QLatin1String("scenes")) {
        ScenesController* scenes = features.scenes;
        if (!scenes) return Status::failure(QStringLiteral("--panel scenes: the window has no scenes"));
        // The first video with a cut (else the last one), so that there is something to see.
        const int videos = bench->document()->project().videoCount();
        for (int v = bench->currentVideo(); v >= 0 && v < videos; ++v) {
            if (v != bench->currentVideo()) {
                bench->selectVideo(v);
                waitForSignal(bench, &Workbench::videoOpened, 20000);
            }
            scenes->detectScenes();
            if (!scenes->analysis(v) && !waitForSignal(scenes, &ScenesController::scenesDetected, 20000))
                return Status::failure(QStringLiteral("scene detection did not finish in 20 s"));
            if (scenes->analysis(v) && scenes->analysis(v)->scenes.scenes().size() > 1) break;
        }
        bench->seek(bench->player()->frameCount() / 2);
        for (int i = 0; i < 100 && !window.frameView()->isFullResolution(); ++i) waitFor(50);
        scenes->pickKeyframes();
        if (!waitForSignal(scenes, &ScenesController::keyframesChanged, 20000))
            return Status::failure(QStringLiteral("keyframes were not picked in 20 s"));
    }
    // The model check and the embedding map refresh on short timers once shown.
    waitFor(1200);
    return Status::success();
}

Status screenshot(MainWindow& window, const Features& features, const QString& project, const QString& file,
                  const QSize& size, const QString& panel)
{
    Workbench* bench = window.workbench();
    window.resize(size);
    window.ensureLayout();
    if (!panel.isEmpty()) arrangeDocks(window, panel);
    window.show();
    if (auto status = window.files()->openProject(project); !status) return status;
    QEventLoop loop;
    QObject::connect(bench, &Workbench::videoOpened, &loop, &QEventLoop::quit);
    QTimer::singleShot(60000, &loop, &QEventLoop::quit);
    if (bench->player()->frameCount() == 0) loop.exec();
    waitFor(300);
    const qint64 frames = bench->player()->frameCount();
    if (frames > 0) {
        // Some history to show: two fragments labeled with the first class's key.
        const auto& classes = bench->document()->project().classes();
        const qint64 first = frames / 2 / 4;
        window.timeline()->setSelection(first, first + 1);
        if (!classes.empty()) (void)bench->labeling()->applyClass(classes.front().name);
        const qint64 frame = frames * 3 / 10;
        bench->seek(frame);
        const qint64 fragment = bench->currentFragment();
        window.timeline()->setSelection(fragment, fragment + 2);
        bench->seek(frame);
    }
    for (int i = 0; i < 100
         && !(window.frameView()->frame() == bench->player()->position() && window.frameView()->isFullResolution());
         ++i)
        waitFor(50);
    if (!panel.isEmpty())
        if (auto status = showPanel(window, features, panel, file, size); !status) return status;
    // Let background work (the scrub preview) finish so the status bar is calm.
    for (int i = 0; i < 400 && bench->jobRunner()->busy(); ++i) waitFor(50);
    waitFor(300);
    const QImage image = window.grab().toImage();
    QDir().mkpath(QFileInfo(file).absolutePath());
    if (!image.save(file)) return Status::failure(QStringLiteral("%1: cannot write the screenshot").arg(file));
    std::printf("%s (%dx%d)\n", qPrintable(file), image.width(), image.height());
    return Status::success();
}

Status layoutReport(MainWindow& window, const QString& project, const QString& file, bool resetLayout)
{
    Workbench* bench = window.workbench();
    window.show();
    if (auto status = window.files()->openProject(project); !status) return status;
    if (bench->player()->frameCount() == 0) (void)waitForSignal(bench, &Workbench::videoOpened, 60000);
    waitFor(800);
    if (resetLayout) {
        window.actions()->find(QStringLiteral("resetLayout"))->trigger();
        waitFor(800);
    }
    auto global = [](const QWidget* w) { return QRect(w->mapToGlobal(QPoint(0, 0)), w->size()); };
    QJsonObject report;
    QScreen* screen = window.screen();
    report[QStringLiteral("platform")] = QGuiApplication::platformName();
    report[QStringLiteral("screen")] = rectJson(screen->geometry());
    report[QStringLiteral("available")] = rectJson(screen->availableGeometry());
    report[QStringLiteral("window")] = rectJson(window.frameGeometry());
    report[QStringLiteral("minimumSize")] = QJsonArray{window.minimumSizeHint().width(),
                                                       window.minimumSizeHint().height()};
    QJsonArray panels;
    for (QDockWidget* dock : window.findChildren<QDockWidget*>()) {
        if (!DockLayout::isDockInView(dock)) // hidden, or behind another tab
            continue;
        QJsonObject d;
        d[QStringLiteral("name")] = dock->objectName();
        d[QStringLiteral("rect")] = rectJson(global(dock));
        d[QStringLiteral("minimumSize")] = QJsonArray{dock->minimumSizeHint().width(),
                                                      dock->minimumSizeHint().height()};
        // What the panel itself needs; a narrower dock scrolls it.
        if (auto* scroll = qobject_cast<QScrollArea*>(dock->widget()); scroll && scroll->widget())
            d[QStringLiteral("contentMinimumSize")] = QJsonArray{scroll->widget()->minimumSizeHint().width(),
                                                                 scroll->widget()->minimumSizeHint().height()};
        panels.push_back(d);
    }
    report[QStringLiteral("panels")] = panels;
    report[QStringLiteral("video")] = rectJson(global(window.frameView()));
    report[QStringLiteral("timeline")] = rectJson(global(window.timeline()));
    report[QStringLiteral("timelineVisible")] = window.timeline()->isVisible();
    // The transport bar's texts: cut when a label is narrower than its text needs.
    QJsonArray cut;
    for (QLabel* label : window.findChildren<QLabel*>()) {
        if (!label->isVisible() || label->wordWrap() || label->text().isEmpty() || label->textFormat() == Qt::RichText
            || Qt::mightBeRichText(label->text()) || label->sizePolicy().horizontalPolicy() == QSizePolicy::Ignored)
            continue;
        if (label->fontMetrics().horizontalAdvance(label->text()) > label->contentsRect().width() + 1)
            cut.push_back(label->text());
    }
    for (QToolButton* button : window.findChildren<QToolButton*>()) {
        if (!button->isVisible() || button->text().isEmpty() || button->toolButtonStyle() == Qt::ToolButtonIconOnly
            || qobject_cast<QTabBar*>(button->parentWidget()))
            continue;
        if (button->width() < button->sizeHint().width()) cut.push_back(button->text());
    }
    report[QStringLiteral("cutTexts")] = cut;
    QFile out(file);
    if (!out.open(QIODevice::WriteOnly) || out.write(QJsonDocument(report).toJson()) < 0)
        return Status::failure(QStringLiteral("%1: cannot write the layout report").arg(file));
    out.close();
    const QPixmap shot = screen->grabWindow(0);
    if (!shot.isNull()) (void)shot.save(file + QStringLiteral(".png"));
    window.close();
    return Status::success();
}

} // namespace fl::screenshots
