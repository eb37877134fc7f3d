// fragmentlab: the GUI. Opens the project given on the command line, else the last one,
// else (first start) a writable copy of the bundled demo project.
//
//   fragmentlab [PROJECT]                 open a project
//   fragmentlab --demo                    open (a copy of) the demo project
//   fragmentlab --screenshot FILE.png [--size WxH] [--theme light|dark] [--panel NAME] [PROJECT]
//                                         render the main window to an image and quit; --panel
//                                         shows one view (labeling, training, models, predictions,
//                                         check, inspector, embedding, scenes) filled with content
//   fragmentlab --bench-seek VIDEO [--seeks N] [--no-preview] [--json]
//   fragmentlab --bench-timeline [--fragments N] [--json]
#include "settings/AppSettings.h"
#include "settings/AppearanceTheme.h"
#include "document/DemoProject.h"
#include "player/FrameView.h"
#include "inspection/InspectorPanel.h"
#include "labeling/LabelingController.h"

#include "settings/GuiLanguage.h"
#include "shell/MainWindow.h"
#include "model/ModelWorkspace.h"
#include "predictions/PredictionWorkspace.h"
#include "document/ProjectDocument.h"
#include "scenes/ScenesPanel.h"
#include "SeekBenchmark.h"
#include "TimelinePaintBenchmark.h"
#include "timeline/TimelineView.h"
#include "model/TrainingPanel.h"
#include "model/TrainingReportView.h"
#include "player/VideoPlayer.h"
#include "jobs/JobRunner.h"

#include "ml/TorchRuntime.h"

#include <QApplication>
#include <QCheckBox>
#include <QCommandLineParser>
#include <QDir>
#include <QDockWidget>
#include <QEventLoop>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QTabBar>
#include <QToolButton>
#include <QScreen>
#include <QPixmap>
#include <QFile>
#include <QScrollArea>
#include <QSettings>
#include <QSplitter>
#include <QTemporaryDir>
#include <QTimer>

#include <cstdio>

namespace {

int printResult(const QString& text, const QJsonObject& json, bool asJson)
{
    const QByteArray out = asJson ? QJsonDocument(json).toJson(QJsonDocument::Indented) : text.toUtf8();
    std::fwrite(out.constData(), 1, size_t(out.size()), stdout);
    return 0;
}

int fail(const QString& message)
{
    std::fprintf(stderr, "fragmentlab: %s\n", qPrintable(message));
    return 1;
}

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

// The docks each --panel shows; every other dock is hidden so the view gets the room.
QStringList docksOfPanel(const QString& panel)
{
    static const QHash<QString, QStringList> docks = {
        {QStringLiteral("labeling"), {QStringLiteral("videosDock"), QStringLiteral("classesDock"), QStringLiteral("historyDock")}},
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

// Shows the docks of `panel` alone and waits until the view has content: a trained model
// (training), an inspection (inspector), scenes and keyframes (scenes). Fails with a message
// when the content does not arrive.
// Before the window is shown (so that hidden docks do not make it grow).
void arrangeDocks(fl::MainWindow& window, const QString& panel)
{
    const QStringList names = docksOfPanel(panel);
    for (QDockWidget* dock : window.findChildren<QDockWidget*>())
        dock->setVisible(names.contains(dock->objectName()));
}

fl::Status showPanel(fl::MainWindow& window, fl::ModelWorkspace& workspace, const QString& panel, const QString& file, const QSize& size)
{
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
    if (shown.isEmpty())
        return fl::Status::failure(QStringLiteral("--panel: no dock for \"%1\"").arg(panel));
    window.resize(size);
    waitFor(100);
    const bool wide = panel == QLatin1String("inspector") || panel == QLatin1String("embedding") || panel == QLatin1String("scenes")
                      || panel == QLatin1String("check") || panel == QLatin1String("models");
    window.resizeDocks({shown.front()}, {window.width() * (wide ? 45 : 30) / 100}, Qt::Horizontal);
    waitFor(300);

    if (panel == QLatin1String("training")) {
        fl::TrainingPanel* training = workspace.trainingPanel();
        fl::TrainingRequest request = training->request();
        request.options.epochs = 6; // enough for curves; the screenshot should not take minutes
        training->setRequest(request);
        training->startTraining();
        QString error;
        const auto failed = QObject::connect(training, &fl::TrainingPanel::trainingFailed, [&](const QString& e) { error = e; });
        QEventLoop loop;
        QObject::connect(training, &fl::TrainingPanel::trainingFinished, &loop, &QEventLoop::quit);
        QObject::connect(training, &fl::TrainingPanel::trainingFailed, &loop, &QEventLoop::quit);
        QTimer::singleShot(600000, &loop, &QEventLoop::quit);
        if (training->isTraining())
            loop.exec();
        QObject::disconnect(failed);
        if (!error.isEmpty())
            return fl::Status::failure(QStringLiteral("training failed: %1").arg(error));
        if (training->isTraining())
            return fl::Status::failure(QStringLiteral("training did not finish in 10 minutes"));
        waitFor(500);
        // The report opens in its own window: saved next to the screenshot as NAME-report.png.
        if (fl::TrainingReportView* report = training->lastReportWindow()) {
            const QFileInfo info(file);
            const QString reportFile = info.dir().filePath(info.completeBaseName() + QStringLiteral("-report.") + info.suffix());
            if (!report->grab().toImage().save(reportFile))
                return fl::Status::failure(QStringLiteral("%1: cannot write the screenshot").arg(reportFile));
            std::printf("%s\n", qPrintable(reportFile));
            report->close();
        }
    } else if (panel == QLatin1String("predictions")) {
        workspace.predictions()->refreshSuggestions();
        // Room for the probability plot under the timeline.
        if (auto* splitter = window.findChild<QSplitter*>(QStringLiteral("centreSplitter")))
            splitter->setSizes({splitter->height() * 55 / 100, splitter->height() * 45 / 100});
    } else if (panel == QLatin1String("inspector")) {
        if (window.document()->project().activeModel().isEmpty())
            return fl::Status::failure(QStringLiteral("--panel inspector: the project has no active model (train one first)"));
        // Turning "follow" on inspects the current fragment.
        fl::InspectorPanel* inspector = workspace.inspector();
        inspector->followBox()->setChecked(false);
        inspector->followBox()->setChecked(true);
        for (int i = 0; i < 400 && (inspector->isBusy() || !inspector->result()); ++i)
            waitFor(50);
        if (!inspector->result())
            return fl::Status::failure(QStringLiteral("the inspector showed nothing in 20 s"));
    } else if (panel == QLatin1String("scenes")) {
        // The first video with a cut (else the last one), so that there is something to see.
        fl::ScenesPanel* scenes = workspace.scenes();
        const int videos = window.document()->project().videoCount();
        for (int v = window.currentVideo(); v >= 0 && v < videos; ++v) {
            if (v != window.currentVideo()) {
                window.selectVideo(v);
                waitForSignal(&window, &fl::MainWindow::videoOpened, 20000);
            }
            scenes->detectScenes();
            if (!scenes->analysis(v) && !waitForSignal(scenes, &fl::ScenesPanel::scenesDetected, 20000))
                return fl::Status::failure(QStringLiteral("scene detection did not finish in 20 s"));
            if (scenes->analysis(v) && scenes->analysis(v)->scenes.scenes().size() > 1)
                break;
        }
        window.seek(window.player()->frameCount() / 2);
        for (int i = 0; i < 100 && !window.frameView()->isFullResolution(); ++i)
            waitFor(50);
        scenes->pickKeyframes();
        if (!waitForSignal(scenes, &fl::ScenesPanel::keyframesChanged, 20000))
            return fl::Status::failure(QStringLiteral("keyframes were not picked in 20 s"));
    }
    // The model check and the embedding map refresh on short timers once shown.
    waitFor(1200);
    return fl::Status::success();
}

// Opens the project, lets the first video and its frame arrive, selects a few fragments,
// shows the view `panel` asks for (all docks when empty), then grabs the window.
int screenshot(fl::MainWindow& window, fl::ModelWorkspace& workspace, const QString& project, const QString& file, const QSize& size,
               const QString& panel)
{
    window.resize(size);
    window.ensureLayout();
    if (!panel.isEmpty())
        arrangeDocks(window, panel);
    window.show();
    if (auto status = window.openProject(project); !status)
        return fail(status.error());
    QEventLoop loop;
    QObject::connect(&window, &fl::MainWindow::videoOpened, &loop, &QEventLoop::quit);
    QTimer::singleShot(60000, &loop, &QEventLoop::quit);
    if (window.player()->frameCount() == 0)
        loop.exec();
    waitFor(300);
    const qint64 frames = window.player()->frameCount();
    if (frames > 0) {
        // Some history to show: two fragments labeled with the first class's key.
        const auto& classes = window.document()->project().classes();
        const qint64 first = frames / 2 / 4;
        window.timeline()->setSelection(first, first + 1);
        if (!classes.empty())
            (void)window.labeling()->applyClass(classes.front().name);
        const qint64 frame = frames * 3 / 10;
        window.seek(frame);
        const qint64 fragment = window.currentFragment();
        window.timeline()->setSelection(fragment, fragment + 2);
        window.seek(frame);
    }
    for (int i = 0; i < 100 && !(window.frameView()->frame() == window.player()->position() && window.frameView()->isFullResolution()); ++i)
        waitFor(50);
    if (!panel.isEmpty())
        if (auto status = showPanel(window, workspace, panel, file, size); !status)
            return fail(status.error());
    // Let background work (the scrub preview) finish so the status bar is calm.
    for (int i = 0; i < 400 && window.jobRunner()->busy(); ++i)
        waitFor(50);
    waitFor(300);
    const QImage image = window.grab().toImage();
    QDir().mkpath(QFileInfo(file).absolutePath());
    if (!image.save(file))
        return fail(QStringLiteral("%1: cannot write the screenshot").arg(file));
    std::printf("%s (%dx%d)\n", qPrintable(file), image.width(), image.height());
    return 0;
}

QJsonArray rectJson(const QRect& r) { return QJsonArray{r.x(), r.y(), r.width(), r.height()}; }

// --layout-report: what a person sees after starting the program on this screen (and after
// View > Reset Layout with --reset-layout): the screen, the window, its minimum size, every
// panel in view and the timeline, in screen coordinates, as JSON in FILE; the screen itself
// as FILE.png. Then the window closes as when a user quits (the layout is saved).
int layoutReport(fl::MainWindow& window, const QString& project, const QString& file, bool resetLayout)
{
    window.show();
    if (auto status = window.openProject(project); !status)
        return fail(status.error());
    if (window.player()->frameCount() == 0)
        (void)waitForSignal(&window, &fl::MainWindow::videoOpened, 60000);
    waitFor(800);
    if (resetLayout) {
        window.findAction(QStringLiteral("resetLayout"))->trigger();
        waitFor(800);
    }
    auto global = [](const QWidget* w) { return QRect(w->mapToGlobal(QPoint(0, 0)), w->size()); };
    QJsonObject report;
    QScreen* screen = window.screen();
    report[QStringLiteral("platform")] = QGuiApplication::platformName();
    report[QStringLiteral("screen")] = rectJson(screen->geometry());
    report[QStringLiteral("available")] = rectJson(screen->availableGeometry());
    report[QStringLiteral("window")] = rectJson(window.frameGeometry());
    report[QStringLiteral("minimumSize")] = QJsonArray{window.minimumSizeHint().width(), window.minimumSizeHint().height()};
    QJsonArray panels;
    for (QDockWidget* dock : window.findChildren<QDockWidget*>()) {
        if (!fl::MainWindow::isDockInView(dock))   // hidden, or behind another tab
            continue;
        QJsonObject d;
        d[QStringLiteral("name")] = dock->objectName();
        d[QStringLiteral("rect")] = rectJson(global(dock));
        d[QStringLiteral("minimumSize")] = QJsonArray{dock->minimumSizeHint().width(), dock->minimumSizeHint().height()};
        // What the panel itself needs; a narrower dock scrolls it.
        if (auto* scroll = qobject_cast<QScrollArea*>(dock->widget()); scroll && scroll->widget())
            d[QStringLiteral("contentMinimumSize")] = QJsonArray{scroll->widget()->minimumSizeHint().width(), scroll->widget()->minimumSizeHint().height()};
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
        if (button->width() < button->sizeHint().width())
            cut.push_back(button->text());
    }
    report[QStringLiteral("cutTexts")] = cut;
    QFile out(file);
    if (!out.open(QIODevice::WriteOnly) || out.write(QJsonDocument(report).toJson()) < 0)
        return fail(QStringLiteral("%1: cannot write the layout report").arg(file));
    out.close();
    const QPixmap shot = screen->grabWindow(0);
    if (!shot.isNull())
        (void)shot.save(file + QStringLiteral(".png"));
    window.close();
    return 0;
}

} // namespace

int main(int argc, char** argv)
{
    QApplication::setHighDpiScaleFactorRoundingPolicy(Qt::HighDpiScaleFactorRoundingPolicy::PassThrough);
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("FragmentLab"));
    QApplication::setOrganizationName(QStringLiteral("FragmentLab"));
    QApplication::setApplicationVersion(QStringLiteral(FRAGMENTLAB_VERSION));
    fl::installTranslatorFromSettings(); // before any tr(): the system locale or the chosen language
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/fragmentlab.svg")));
    fl::ml::configureTorchRuntime();
    fl::AppearanceTheme::captureSystem();

    QCommandLineParser parser;
    parser.setApplicationDescription(QObject::tr("FragmentLab: label, train and inspect spatial-temporal video fragments"));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("project"), QObject::tr("Project folder to open (or, with --bench-seek, the video)"));
    const QCommandLineOption demo(QStringLiteral("demo"), QObject::tr("Open the bundled demo project"));
    const QCommandLineOption shot(QStringLiteral("screenshot"), QObject::tr("Render the main window to FILE and quit"), QStringLiteral("FILE"));
    const QCommandLineOption size(QStringLiteral("size"), QObject::tr("Window size for --screenshot (default 1600x1000)"), QStringLiteral("WxH"),
                                  QStringLiteral("1600x1000"));
    const QCommandLineOption benchSeek(QStringLiteral("bench-seek"), QObject::tr("Measure seek-to-display latency on VIDEO and quit"),
                                       QStringLiteral("VIDEO"));
    const QCommandLineOption benchTimeline(QStringLiteral("bench-timeline"), QObject::tr("Measure timeline paint time and quit"));
    const QCommandLineOption seeks(QStringLiteral("seeks"), QObject::tr("Clicks for --bench-seek (default 100)"), QStringLiteral("N"),
                                   QStringLiteral("100"));
    const QCommandLineOption noPreview(QStringLiteral("no-preview"), QObject::tr("--bench-seek without scrub previews"));
    const QCommandLineOption fragments(QStringLiteral("fragments"), QObject::tr("Fragments for --bench-timeline (default 100000)"),
                                       QStringLiteral("N"), QStringLiteral("100000"));
    const QCommandLineOption json(QStringLiteral("json"), QObject::tr("Benchmark results as JSON"));
    const QCommandLineOption theme(QStringLiteral("theme"), QObject::tr("Theme for --screenshot: system, light or dark"), QStringLiteral("THEME"),
                                   QStringLiteral("system"));
    const QCommandLineOption panel(QStringLiteral("panel"),
                                   QObject::tr("View for --screenshot: labeling, training, models, predictions, check, inspector, "
                                               "embedding or scenes"),
                                   QStringLiteral("NAME"));
    const QCommandLineOption layout(QStringLiteral("layout-report"),
                                    QObject::tr("Start as usual, write the window's and panels' geometry to FILE (JSON) and a "
                                                "screenshot to FILE.png, then quit (saving the layout as on quit)"),
                                    QStringLiteral("FILE"));
    const QCommandLineOption reset(QStringLiteral("reset-layout"), QObject::tr("With --layout-report: View > Reset Layout first"));
    for (const auto& o : {demo, shot, size, benchSeek, benchTimeline, seeks, noPreview, fragments, json, theme, panel, layout, reset})
        parser.addOption(o);
    parser.process(app);

    if (parser.isSet(benchSeek)) {
        fl::SeekBenchmark::Options options;
        bool ok = false;
        options.seeks = parser.value(seeks).toInt(&ok);
        if (!ok || options.seeks < 1)
            return fail(QStringLiteral("--seeks: expected a positive number, got \"%1\"").arg(parser.value(seeks)));
        options.previews = !parser.isSet(noPreview);
        auto report = fl::SeekBenchmark::run(parser.value(benchSeek), options);
        if (!report)
            return fail(report.error());
        return printResult(report->toText(), report->toJson(), parser.isSet(json));
    }
    if (parser.isSet(benchTimeline)) {
        fl::TimelinePaintBenchmark::Options options;
        bool ok = false;
        options.fragments = parser.value(fragments).toLongLong(&ok);
        if (!ok || options.fragments < 1 || options.fragments > 10000000)
            return fail(QStringLiteral("--fragments: expected 1..10000000, got \"%1\"").arg(parser.value(fragments)));
        auto report = fl::TimelinePaintBenchmark::run(options);
        if (!report)
            return fail(report.error());
        return printResult(report->toText(), report->toJson(), parser.isSet(json));
    }

    const QString shippedDemo = fl::DemoProject::shippedDir(QStringLiteral(FL_DEMO_PROJECT_DIR));
    std::unique_ptr<QTemporaryDir> screenshotSettings;
    std::unique_ptr<fl::AppSettings> settings;
    if (parser.isSet(shot)) {
        // A screenshot never reads or changes the user's settings.
        screenshotSettings = std::make_unique<QTemporaryDir>();
        settings = std::make_unique<fl::AppSettings>(
            std::make_unique<QSettings>(screenshotSettings->filePath(QStringLiteral("settings.ini")), QSettings::IniFormat));
        const QString t = parser.value(theme).toLower();
        settings->setTheme(t == QLatin1String("dark")    ? fl::AppSettings::Theme::Dark
                           : t == QLatin1String("light") ? fl::AppSettings::Theme::Light
                                                         : fl::AppSettings::Theme::System);
    } else {
        settings = std::make_unique<fl::AppSettings>();
    }
    fl::AppearanceTheme::apply(settings->theme());
    fl::MainWindow window(settings.get());
    window.setDemoSource(shippedDemo);
    auto* workspace = new fl::ModelWorkspace(&window); // training, models, predictions, inspection (owned by the window)

    QString project;
    if (!parser.positionalArguments().isEmpty())
        project = parser.positionalArguments().constFirst();
    else if (!parser.isSet(demo) && !parser.isSet(shot) && settings->reopenLastProject())
        project = settings->lastProject();
    if (project.isEmpty() || !QFileInfo::exists(project)) {
        auto copy = fl::DemoProject::ensureCopy(shippedDemo, parser.isSet(shot) ? screenshotSettings->filePath(QStringLiteral("demo"))
                                                                                : fl::DemoProject::writableDir());
        if (!copy)
            return fail(copy.error());
        project = *copy;
    }

    if (parser.isSet(shot)) {
        QSize s(1600, 1000);
        const QStringList wh = parser.value(size).split(QLatin1Char('x'));
        if (wh.size() == 2)
            s = QSize(wh[0].toInt(), wh[1].toInt()).expandedTo(QSize(640, 480));
        const QString view = parser.value(panel).toLower();
        if (!view.isEmpty() && docksOfPanel(view).isEmpty())
            return fail(QStringLiteral("--panel: expected labeling, training, models, predictions, check, inspector, embedding or scenes, "
                                       "got \"%1\"").arg(parser.value(panel)));
        return screenshot(window, *workspace, project, parser.value(shot), s, view);
    }

    if (parser.isSet(layout))
        return layoutReport(window, project, parser.value(layout), parser.isSet(reset));
    window.show();
    (void)window.openProject(project);
    return app.exec();
}
