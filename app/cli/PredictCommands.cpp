// fragmentlab-cli predict / suggest
#include "CliArgs.h"
#include "CliOutput.h"
#include "Commands.h"

#include "analysis/LabelSuggestions.h"
#include "analysis/PredictionExport.h"
#include "jobs/PredictionJob.h"
#include "project/Project.h"
#include "training/ModelStore.h"
#include "training/PredictionStore.h"
#include "video/VideoSource.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QTemporaryDir>

namespace fl::cli {

namespace {

// Files predict --folder takes as videos.
const QStringList& videoNameFilters()
{
    static const QStringList filters = {QStringLiteral("*.mp4"), QStringLiteral("*.mov"), QStringLiteral("*.m4v"), QStringLiteral("*.mkv"),
                                        QStringLiteral("*.avi"), QStringLiteral("*.webm"), QStringLiteral("*.mpg"), QStringLiteral("*.mpeg"),
                                        QStringLiteral("*.ts"), QStringLiteral("*.wmv")};
    return filters;
}

// Per-class counts of the predicted fragments of one video.
QJsonObject videoSummary(const VideoPredictions& p, const QString& file)
{
    std::vector<qint64> counts(size_t(p.classCount()), 0);
    qint64 predicted = 0;
    for (qint64 j = 0; j < p.fragmentCount(); ++j) {
        const int c = p.predictedClass(j);
        if (c < 0) continue;
        ++predicted;
        ++counts[size_t(c)];
    }
    QJsonObject perClass;
    for (int c = 0; c < p.classCount(); ++c) perClass[p.classes.at(c)] = counts[size_t(c)];
    QJsonObject o{{QStringLiteral("video"), p.video},
                  {QStringLiteral("fragments"), p.fragmentCount()},
                  {QStringLiteral("predicted"), predicted},
                  {QStringLiteral("classes"), perClass}};
    if (!file.isEmpty()) o[QStringLiteral("file")] = file;
    return o;
}

QString summaryLine(const QJsonObject& v, const QStringList& classes)
{
    QStringList parts;
    const QJsonObject perClass = v.value(QStringLiteral("classes")).toObject();
    for (const QString& c : classes) parts << QStringLiteral("%1 %2").arg(c).arg(perClass.value(c).toInteger());
    return QStringLiteral("%1: %2 of %3 fragments predicted (%4)")
        .arg(v.value(QStringLiteral("video")).toString())
        .arg(v.value(QStringLiteral("predicted")).toInteger())
        .arg(v.value(QStringLiteral("fragments")).toInteger())
        .arg(parts.join(QStringLiteral(", ")));
}

// Runs the job with progress on stderr.
Status runWithProgress(PredictionJob& job)
{
    job.setProgressInterval(200);
    const ProgressFn progress = stderrProgress();
    QObject::connect(&job, &Job::progress, [&progress](qint64 done, qint64 total, const QString& what, double) {
        if (progress) progress(done, total, what);
    });
    const Status status = job.runHere();
    endProgress();
    return status;
}

// A scratch project in `dir` holding the videos of `folder` (indexed there), with the spec and
// classes of `project`, so the prediction job can run on videos that are not in the project.
Result<Project> scratchProject(const QString& dir, const Project& project, const QString& folder)
{
    const QFileInfo info(folder);
    if (!info.isDir()) return Status::failure(QStringLiteral("%1: not a folder").arg(folder));
    const QFileInfoList files = QDir(folder).entryInfoList(videoNameFilters(), QDir::Files, QDir::Name);
    if (files.isEmpty()) return Status::failure(QStringLiteral("%1: no video files (%2)").arg(folder, videoNameFilters().join(u' ')));
    auto scratch = Project::create(dir, project.spec(), project.classNames());
    if (!scratch) return scratch.status();
    for (const QFileInfo& f : files) {
        VideoOpenOptions options;
        options.indexCacheDir = scratch->indexCacheDir();
        WorkControl control;
        control.progress = stderrProgress();
        auto source = VideoSource::open(f.absoluteFilePath(), options, control);
        endProgress();
        if (!source) return source.status();
        const VideoInfo& v = (*source)->info();
        auto added = scratch->addVideo(f.absoluteFilePath(), v.frameCount, v.averageFps);
        if (!added) return added.status();
    }
    return scratch;
}

int predictFolder(const ArgParser& args, const Project& project, const QString& modelFile, const PredictionRequest& base)
{
    const QString folder = args.value(QStringLiteral("folder"));
    QTemporaryDir scratchDir;
    if (!scratchDir.isValid()) return fail(QStringLiteral("cannot create a temporary folder: %1").arg(scratchDir.errorString()));
    auto scratch = scratchProject(scratchDir.filePath(QStringLiteral("project")), project, folder);
    if (!scratch) return fail(scratch.error());
    PredictionRequest request = base;
    request.modelFile = modelFile;
    request.save = false;
    PredictionJob job(*scratch, request);
    if (Status s = runWithProgress(job); !s) return fail(s.error());

    const QString outDir = args.value(QStringLiteral("output"));
    if (!outDir.isEmpty() && !QDir().mkpath(outDir)) return fail(QStringLiteral("%1: cannot create the folder").arg(outDir));
    QJsonArray videos;
    const auto results = job.results();
    for (const VideoPredictions& p : results) {
        QString file;
        if (!outDir.isEmpty()) {
            file = QDir(outDir).filePath(p.video + QStringLiteral(".csv"));
            if (Status s = writePredictionsCsv(file, {p}); !s) return fail(s.error());
        }
        videos.append(videoSummary(p, file));
    }
    if (args.isSet(QStringLiteral("json"))) {
        printJson(QJsonObject{{QStringLiteral("model"), QFileInfo(modelFile).fileName()}, {QStringLiteral("folder"), folder},
                              {QStringLiteral("videos"), videos}});
        return Ok;
    }
    for (const auto& v : videos) {
        printLine(summaryLine(v.toObject(), results.front().classes));
        if (v.toObject().contains(QStringLiteral("file"))) printLine(QStringLiteral("  -> %1").arg(v.toObject().value(QStringLiteral("file")).toString()));
    }
    return Ok;
}

} // namespace

int runPredict(const QStringList& argv)
{
    ArgParser args(QStringLiteral("fragmentlab-cli predict DIR [--video NAME] [--model NAME] [-o predictions.csv|.json] [--json] "
                                  "[--folder PATH [-o OUTDIR]] [--batch-size N] [--no-features]"));
    args.addValue(QStringLiteral("video"), QStringLiteral("NAME"), QStringLiteral("predict only this video of the project (file name)"));
    args.addValue(QStringLiteral("model"), QStringLiteral("NAME"), QStringLiteral("a model of the project other than the active one"));
    args.addValue(QStringLiteral("output"), QStringLiteral("FILE"),
                  QStringLiteral("write the predictions as CSV (or JSON when FILE ends in .json); with --folder: a folder, one CSV per video"),
                  QStringLiteral("o"));
    args.addValue(QStringLiteral("folder"), QStringLiteral("PATH"),
                  QStringLiteral("predict the videos of PATH (not in the project) with the project's model; nothing is stored"));
    args.addValue(QStringLiteral("batch-size"), QStringLiteral("N"), QStringLiteral("fragments per inference batch (default 32)"));
    args.addFlag(QStringLiteral("no-features"), QStringLiteral("do not keep the fragment feature vectors"));
    args.addFlag(QStringLiteral("json"), QStringLiteral("machine-readable summary"));
    if (auto exit = args.parse(argv, 1, 1)) return *exit;
    if (args.isSet(QStringLiteral("folder")) && args.isSet(QStringLiteral("video")))
        return usageError(QStringLiteral("--video and --folder do not go together"), args.usage);
    int exit = Ok;
    PredictionRequest request;
    const auto batch = args.integer(QStringLiteral("batch-size"), request.batchSize, 1, 4096, &exit);
    if (!batch) return exit;
    request.batchSize = int(*batch);
    request.keepFeatures = !args.isSet(QStringLiteral("no-features"));

    auto project = Project::load(args.positional().at(0));
    if (!project) return fail(project.error());
    QString modelFile;
    if (args.isSet(QStringLiteral("model"))) {
        auto found = ModelStore::findModel(*project, args.value(QStringLiteral("model")));
        if (!found) return fail(found.error());
        modelFile = *found;
    } else {
        auto active = ModelStore::activeModelFile(*project);
        if (!active) return fail(active.error());
        modelFile = *active;
    }
    if (args.isSet(QStringLiteral("folder"))) return predictFolder(args, *project, modelFile, request);

    request.modelFile = modelFile;
    if (args.isSet(QStringLiteral("video"))) request.videos << args.value(QStringLiteral("video"));
    PredictionJob job(*project, request);
    if (Status s = runWithProgress(job); !s) return fail(s.error());
    const auto results = job.results();

    if (args.isSet(QStringLiteral("output"))) {
        const QString out = args.value(QStringLiteral("output"));
        const Status written = out.endsWith(QStringLiteral(".json"), Qt::CaseInsensitive) ? writePredictionsJson(out, results, request.keepFeatures)
                                                                                           : writePredictionsCsv(out, results);
        if (!written) return fail(written.error());
    }
    QJsonArray videos;
    for (const VideoPredictions& p : results)
        videos.append(videoSummary(p, PredictionStore::fileFor(*project, p.modelId, p.video)));
    if (args.isSet(QStringLiteral("json"))) {
        printJson(QJsonObject{{QStringLiteral("model"), job.modelId()}, {QStringLiteral("videos"), videos}});
        return Ok;
    }
    for (const auto& v : videos) printLine(summaryLine(v.toObject(), results.front().classes));
    if (args.isSet(QStringLiteral("output"))) printLine(QStringLiteral("wrote %1").arg(args.value(QStringLiteral("output"))));
    return Ok;
}

int runSuggest(const QStringList& argv)
{
    ArgParser args(QStringLiteral("fragmentlab-cli suggest DIR [-n N] [--measure margin|entropy] [--json]"));
    args.addValue(QStringLiteral("count"), QStringLiteral("N"), QStringLiteral("how many fragments (default 20)"), QStringLiteral("n"));
    args.addValue(QStringLiteral("measure"), QStringLiteral("NAME"), QStringLiteral("uncertainty: margin (default) or entropy"));
    args.addFlag(QStringLiteral("json"), QStringLiteral("machine-readable output"));
    if (auto exit = args.parse(argv, 1, 1)) return *exit;
    int exit = Ok;
    SuggestionOptions options;
    const auto count = args.integer(QStringLiteral("count"), options.count, 1, 100000, &exit);
    if (!count) return exit;
    options.count = int(*count);
    if (args.isSet(QStringLiteral("measure"))) {
        const QString m = args.value(QStringLiteral("measure"));
        if (m == QLatin1String("margin")) options.measure = UncertaintyMeasure::Margin;
        else if (m == QLatin1String("entropy")) options.measure = UncertaintyMeasure::Entropy;
        else return usageError(QStringLiteral("--measure must be margin or entropy, got '%1'").arg(m), args.usage);
    }
    auto project = Project::load(args.positional().at(0));
    if (!project) return fail(project.error());
    auto predictions = PredictionStore::freshActive(*project);
    if (!predictions) return fail(predictions.error());

    // Fragments already labeled are never suggested (and push suggestions away).
    std::vector<FragmentRef> labeled;
    std::vector<int> projectVideo;
    for (int i = 0; i < int(predictions->size()); ++i) {
        const VideoPredictions& p = (*predictions)[size_t(i)];
        const int v = project->videoIndexByName(p.video);
        projectVideo.push_back(v);
        for (qint64 j = 0; j < p.fragmentCount(); ++j)
            if (project->fragmentLabel(v, j)) labeled.push_back({i, j});
    }
    const auto suggestions = rankLabelSuggestions(*predictions, labeled, options);
    if (suggestions.empty())
        return fail(QStringLiteral("%1: no unlabeled predicted fragment to suggest (every predicted fragment is labeled)").arg(project->dir()));

    QJsonArray list;
    for (const Suggestion& s : suggestions) {
        const VideoPredictions& p = (*predictions)[size_t(s.video)];
        const int c = p.predictedClass(s.fragment);
        list.append(QJsonObject{{QStringLiteral("video"), p.video},
                                {QStringLiteral("fragment"), s.fragment},
                                {QStringLiteral("start_frame"), p.spec.firstFrame(s.fragment)},
                                {QStringLiteral("end_frame"), p.spec.endFrame(s.fragment)},
                                {QStringLiteral("predicted"), c < 0 ? QString() : p.classes.at(c)},
                                {QStringLiteral("confidence"), double(p.confidence(s.fragment))},
                                {QStringLiteral("uncertainty"), s.uncertainty},
                                {QStringLiteral("score"), s.score}});
    }
    if (args.isSet(QStringLiteral("json"))) {
        printJson(QJsonObject{{QStringLiteral("model"), project->activeModel()},
                              {QStringLiteral("measure"), options.measure == UncertaintyMeasure::Margin ? QStringLiteral("margin")
                                                                                                        : QStringLiteral("entropy")},
                              {QStringLiteral("suggestions"), list}});
        return Ok;
    }
    printLine(QStringLiteral("video,fragment,start_frame,end_frame,predicted,confidence,uncertainty"));
    for (const auto& v : list) {
        const QJsonObject o = v.toObject();
        printLine(QStringLiteral("%1,%2,%3,%4,%5,%6,%7")
                      .arg(o.value(QStringLiteral("video")).toString())
                      .arg(o.value(QStringLiteral("fragment")).toInteger())
                      .arg(o.value(QStringLiteral("start_frame")).toInteger())
                      .arg(o.value(QStringLiteral("end_frame")).toInteger())
                      .arg(o.value(QStringLiteral("predicted")).toString())
                      .arg(o.value(QStringLiteral("confidence")).toDouble(), 0, 'f', 4)
                      .arg(o.value(QStringLiteral("uncertainty")).toDouble(), 0, 'f', 4));
    }
    return Ok;
}

} // namespace fl::cli
