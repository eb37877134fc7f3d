// fragmentlab-cli project create / project add / project relink / labels import / labels export
#include "CliArgs.h"
#include "CliOutput.h"
#include "Commands.h"

#include "project/LabelExchange.h"
#include "project/Project.h"
#include "project/VideoProbe.h"

#include <QFileInfo>
#include <QJsonArray>

#include <algorithm>

namespace fl::cli {

namespace {

bool isJsonFile(const QString& file)
{
    return QFileInfo(file).suffix().compare(QLatin1String("json"), Qt::CaseInsensitive) == 0;
}

} // namespace

int runProjectCreate(const QStringList& argv)
{
    ArgParser args(
        QStringLiteral("fragmentlab-cli project create DIR [--length T] [--stride S] [--step K] [--classes a,b,...]"));
    addSpecOptions(args);
    args.addValue(QStringLiteral("classes"), QStringLiteral("NAMES"), QStringLiteral("comma-separated class names"));
    if (auto exit = args.parse(argv, 1, 1)) return *exit;
    int exit = Ok;
    const auto spec = parseSpec(args, &exit);
    if (!spec) return exit;
    QStringList classes;
    for (const QString& name : args.value(QStringLiteral("classes")).split(QLatin1Char(','), Qt::SkipEmptyParts))
        classes << name.trimmed();
    auto project = Project::create(args.positional().at(0), *spec, classes);
    if (!project) return fail(project.error());
    printLine(project->projectFile());
    return Ok;
}

int runProjectAdd(const QStringList& argv)
{
    ArgParser args(QStringLiteral("fragmentlab-cli project add DIR VIDEO..."));
    if (auto exit = args.parse(argv, 2, -1)) return *exit;
    auto project = Project::load(args.positional().at(0));
    if (!project) return fail(project.error());

    // All or nothing: every video is indexed and checked before the project is saved.
    WorkControl control;
    control.progress = stderrProgress();
    QStringList added;
    for (const QString& path : args.positional().mid(1)) {
        auto video = probeNewVideo(path, project->indexCacheDir(), control);
        if (!video) return fail(video.error());
        auto index = project->addVideo(video->path, video->frameCount, video->fps, video->fingerprint);
        if (!index) return fail(index.error());
        added << QStringLiteral("%1\t%2 frames\t%3 fragments")
                     .arg(project->video(*index).relativePath)
                     .arg(video->frameCount)
                     .arg(project->spec().count(video->frameCount));
    }
    endProgress();
    if (auto saved = project->save(); !saved) return fail(saved.error());
    for (const QString& line : added) printLine(line);
    return Ok;
}

int runProjectRelink(const QStringList& argv)
{
    ArgParser args(QStringLiteral("fragmentlab-cli project relink DIR FOLDER [--json]"));
    args.addFlag(QStringLiteral("json"), QStringLiteral("machine-readable output"));
    if (auto exit = args.parse(argv, 2, 2)) return *exit;
    auto project = Project::load(args.positional().at(0));
    if (!project) return fail(project.error());
    const std::vector<int> before = project->missingVideos();
    auto found = project->relink(args.positional().at(1));
    if (!found) return fail(found.error());
    if (*found > 0) {
        if (auto saved = project->save(); !saved) return fail(saved.error());
    }
    const std::vector<int> after = project->missingVideos();

    // Every video that was missing: where it is now, or that it is still missing.
    QJsonArray relinked, missing;
    for (int i : before) {
        const ProjectVideo& v = project->video(i);
        if (std::find(after.begin(), after.end(), i) == after.end())
            relinked.append(
                QJsonObject{{QStringLiteral("video"), v.fileName()}, {QStringLiteral("path"), v.relativePath}});
        else
            missing.append(
                QJsonObject{{QStringLiteral("video"), v.fileName()}, {QStringLiteral("path"), v.relativePath}});
    }
    if (args.isSet(QStringLiteral("json"))) {
        printJson(QJsonObject{{QStringLiteral("project"), project->projectFile()},
                              {QStringLiteral("relinked"), relinked},
                              {QStringLiteral("missing"), missing}});
        return Ok;
    }
    if (before.empty()) printLine(QStringLiteral("no video is missing"));
    for (const auto& v : relinked)
        printLine(QStringLiteral("found\t%1\t%2")
                      .arg(v[QStringLiteral("video")].toString(), v[QStringLiteral("path")].toString()));
    for (const auto& v : missing)
        printLine(QStringLiteral("missing\t%1\t%2")
                      .arg(v[QStringLiteral("video")].toString(), v[QStringLiteral("path")].toString()));
    return Ok;
}

int runLabelsImport(const QStringList& argv)
{
    ArgParser args(QStringLiteral("fragmentlab-cli labels import DIR FILE.csv|FILE.json [--create-classes]"));
    args.addFlag(QStringLiteral("create-classes"), QStringLiteral("add classes the file names that the project lacks"));
    if (auto exit = args.parse(argv, 2, 2)) return *exit;
    auto project = Project::load(args.positional().at(0));
    if (!project) return fail(project.error());
    const QString file = args.positional().at(1);
    LabelImportOptions options;
    options.createMissingClasses = args.isSet(QStringLiteral("create-classes"));
    auto imported = isJsonFile(file) ? importLabelsJson(*project, file, options)
                                     : importLabelsCsv(*project, file, options);
    if (!imported) return fail(imported.error());
    if (auto saved = project->save(); !saved) return fail(saved.error());
    printLine(QStringLiteral("imported %1 labeled ranges from %2").arg(*imported).arg(file));
    return Ok;
}

int runLabelsExport(const QStringList& argv)
{
    ArgParser args(QStringLiteral("fragmentlab-cli labels export DIR FILE.csv|FILE.json"));
    if (auto exit = args.parse(argv, 2, 2)) return *exit;
    auto project = Project::load(args.positional().at(0));
    if (!project) return fail(project.error());
    const QString file = args.positional().at(1);
    const Status written = isJsonFile(file) ? exportLabelsJson(*project, file) : exportLabelsCsv(*project, file);
    if (!written) return fail(written.error());
    printLine(QFileInfo(file).absoluteFilePath());
    return Ok;
}

} // namespace fl::cli
