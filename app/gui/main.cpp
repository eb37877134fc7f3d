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
//
// This file parses the arguments and assembles the window: MainWindow (the labeling
// workstation) with every feature attached (shell/Features.h). The screenshot tooling is in
// Screenshots.h, the benchmarks beside it.
#include "Screenshots.h"
#include "SeekBenchmark.h"
#include "TimelinePaintBenchmark.h"

#include "document/DemoProject.h"
#include "document/ProjectFiles.h"
#include "settings/AppSettings.h"
#include "settings/AppearanceTheme.h"
#include "settings/GuiLanguage.h"
#include "shell/Features.h"
#include "shell/MainWindow.h"

#include "ml/TorchRuntime.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QFileInfo>
#include <QIcon>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSettings>
#include <QTemporaryDir>

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

int exitCode(const fl::Status& status)
{
    return status ? 0 : fail(status.error());
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
    parser.setApplicationDescription(
        QObject::tr("FragmentLab: label, train and inspect spatial-temporal video fragments"));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("project"),
                                 QObject::tr("Project folder to open (or, with --bench-seek, the video)"));
    const QCommandLineOption demo(QStringLiteral("demo"), QObject::tr("Open the bundled demo project"));
    const QCommandLineOption shot(QStringLiteral("screenshot"), QObject::tr("Render the main window to FILE and quit"),
                                  QStringLiteral("FILE"));
    const QCommandLineOption size(QStringLiteral("size"),
                                  QObject::tr("Window size for --screenshot (default 1600x1000)"),
                                  QStringLiteral("WxH"), QStringLiteral("1600x1000"));
    const QCommandLineOption benchSeek(QStringLiteral("bench-seek"),
                                       QObject::tr("Measure seek-to-display latency on VIDEO and quit"),
                                       QStringLiteral("VIDEO"));
    const QCommandLineOption benchTimeline(QStringLiteral("bench-timeline"),
                                           QObject::tr("Measure timeline paint time and quit"));
    const QCommandLineOption seeks(QStringLiteral("seeks"), QObject::tr("Clicks for --bench-seek (default 100)"),
                                   QStringLiteral("N"), QStringLiteral("100"));
    const QCommandLineOption noPreview(QStringLiteral("no-preview"),
                                       QObject::tr("--bench-seek without scrub previews"));
    const QCommandLineOption fragments(QStringLiteral("fragments"),
                                       QObject::tr("Fragments for --bench-timeline (default 100000)"),
                                       QStringLiteral("N"), QStringLiteral("100000"));
    const QCommandLineOption json(QStringLiteral("json"), QObject::tr("Benchmark results as JSON"));
    const QCommandLineOption theme(QStringLiteral("theme"),
                                   QObject::tr("Theme for --screenshot: system, light or dark"),
                                   QStringLiteral("THEME"), QStringLiteral("system"));
    const QCommandLineOption panel(
        QStringLiteral("panel"),
        QObject::tr("View for --screenshot: labeling, training, models, predictions, check, inspector, "
                    "embedding or scenes"),
        QStringLiteral("NAME"));
    const QCommandLineOption layout(QStringLiteral("layout-report"),
                                    QObject::tr(
                                        "Start as usual, write the window's and panels' geometry to FILE (JSON) and a "
                                        "screenshot to FILE.png, then quit (saving the layout as on quit)"),
                                    QStringLiteral("FILE"));
    const QCommandLineOption reset(QStringLiteral("reset-layout"),
                                   QObject::tr("With --layout-report: View > Reset Layout first"));
    for (const auto& o :
         {demo, shot, size, benchSeek, benchTimeline, seeks, noPreview, fragments, json, theme, panel, layout, reset})
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
        if (!report) return fail(report.error());
        return printResult(report->toText(), report->toJson(), parser.isSet(json));
    }
    if (parser.isSet(benchTimeline)) {
        fl::TimelinePaintBenchmark::Options options;
        bool ok = false;
        options.fragments = parser.value(fragments).toLongLong(&ok);
        if (!ok || options.fragments < 1 || options.fragments > 10000000)
            return fail(QStringLiteral("--fragments: expected 1..10000000, got \"%1\"").arg(parser.value(fragments)));
        auto report = fl::TimelinePaintBenchmark::run(options);
        if (!report) return fail(report.error());
        return printResult(report->toText(), report->toJson(), parser.isSet(json));
    }

    const QString shippedDemo = fl::DemoProject::shippedDir(QStringLiteral(FL_DEMO_PROJECT_DIR));
    std::unique_ptr<QTemporaryDir> screenshotSettings;
    std::unique_ptr<fl::AppSettings> settings;
    if (parser.isSet(shot)) {
        // A screenshot never reads or changes the user's settings.
        screenshotSettings = std::make_unique<QTemporaryDir>();
        settings = std::make_unique<fl::AppSettings>(
            std::make_unique<QSettings>(screenshotSettings->filePath(QStringLiteral("settings.ini")),
                                        QSettings::IniFormat));
        const QString t = parser.value(theme).toLower();
        settings->setTheme(t == QLatin1String("dark")        ? fl::AppSettings::Theme::Dark
                               : t == QLatin1String("light") ? fl::AppSettings::Theme::Light
                                                             : fl::AppSettings::Theme::System);
    } else {
        settings = std::make_unique<fl::AppSettings>();
    }
    fl::AppearanceTheme::apply(settings->theme());
    fl::MainWindow window(settings.get());
    window.files()->setDemoSource(shippedDemo);
    const fl::Features features = fl::attachFeatures(window);

    QString project;
    if (!parser.positionalArguments().isEmpty())
        project = parser.positionalArguments().constFirst();
    else if (!parser.isSet(demo) && !parser.isSet(shot) && settings->reopenLastProject())
        project = settings->lastProject();
    if (project.isEmpty() || !QFileInfo::exists(project)) {
        auto copy = fl::DemoProject::ensureCopy(shippedDemo,
                                                parser.isSet(shot)
                                                    ? screenshotSettings->filePath(QStringLiteral("demo"))
                                                    : fl::DemoProject::writableDir());
        if (!copy) return fail(copy.error());
        project = *copy;
    }

    if (parser.isSet(shot)) {
        QSize s(1600, 1000);
        const QStringList wh = parser.value(size).split(QLatin1Char('x'));
        if (wh.size() == 2) s = QSize(wh[0].toInt(), wh[1].toInt()).expandedTo(QSize(640, 480));
        const QString view = parser.value(panel).toLower();
        if (!view.isEmpty() && fl::screenshots::docksOfPanel(view).isEmpty())
            return fail(
                QStringLiteral(
                    "--panel: expected labeling, training, models, predictions, check, inspector, embedding or scenes, "
                    "got \"%1\"")
                    .arg(parser.value(panel)));
        return exitCode(fl::screenshots::screenshot(window, features, project, parser.value(shot), s, view));
    }

    if (parser.isSet(layout))
        return exitCode(fl::screenshots::layoutReport(window, project, parser.value(layout), parser.isSet(reset)));
    window.show();
    (void)window.files()->openProject(project);
    return app.exec();
}
