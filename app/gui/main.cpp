// fragmentlab: the GUI. Opens the project given on the command line, else the last one,
// else (first start) a writable copy of the bundled demo project.
//
//   fragmentlab [PROJECT]                 open a project
//   fragmentlab --demo                    open (a copy of) the demo project
//   fragmentlab --screenshot FILE.png [--size WxH] [--theme light|dark] [PROJECT]
//                                         render the main window to an image and quit
//   fragmentlab --bench-seek VIDEO [--seeks N] [--no-preview] [--json]
//   fragmentlab --bench-timeline [--fragments N] [--json]
#include "AppSettings.h"
#include "AppearanceTheme.h"
#include "DemoProject.h"
#include "FrameView.h"
#include "LabelingController.h"

#include "GuiLanguage.h"
#include "MainWindow.h"
#include "ModelWorkspace.h"
#include "ProjectDocument.h"
#include "SeekBenchmark.h"
#include "TimelinePaintBenchmark.h"
#include "TimelineView.h"
#include "VideoPlayer.h"
#include "jobs/JobRunner.h"

#include "ml/TorchRuntime.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QEventLoop>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSettings>
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

// Opens the project, lets the first video and its frame arrive, selects a few fragments,
// then grabs the window.
int screenshot(fl::MainWindow& window, const QString& project, const QString& file, const QSize& size)
{
    window.resize(size);
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
    for (const auto& o : {demo, shot, size, benchSeek, benchTimeline, seeks, noPreview, fragments, json, theme})
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
    new fl::ModelWorkspace(&window); // training, models, predictions, inspection (owned by the window)

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
        return screenshot(window, project, parser.value(shot), s);
    }

    window.show();
    (void)window.openProject(project);
    return app.exec();
}
