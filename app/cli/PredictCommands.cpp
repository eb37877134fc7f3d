// fragmentlab-cli predict / suggest
#include "CliArgs.h"
#include "CliOutput.h"
#include "Commands.h"

#include "analysis/LabelSuggestions.h"
#include "analysis/PredictionExport.h"
#include "fragments/FragmentCache.h"
#include "jobs/PredictionJob.h"
#include "ml/FragmentModel.h"
#include "ml/ModelConfig.h"
#include "ml/TorchRuntime.h"
#include "project/Project.h"
#include "project/VideoProbe.h"
#include "training/ModelStore.h"
#include "training/PredictionStore.h"
#include "video/VideoSource.h"

#include <QElapsedTimer>
#include <QFile>

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QTemporaryDir>

#include <algorithm>

namespace fl::cli {

namespace {

// Files predict --folder takes as videos.
const QStringList& videoNameFilters()
{
    static const QStringList filters = {QStringLiteral("*.mp4"), QStringLiteral("*.mov"),  QStringLiteral("*.m4v"),
                                        QStringLiteral("*.mkv"), QStringLiteral("*.avi"),  QStringLiteral("*.webm"),
                                        QStringLiteral("*.mpg"), QStringLiteral("*.mpeg"), QStringLiteral("*.ts"),
                                        QStringLiteral("*.wmv")};
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

// A scratch project in `dir` holding `files` (indexed there) with `spec` and `classes`, so the
// prediction job can run on videos that are not in a project.
Result<Project> scratchProject(const QString& dir, const FragmentSpec& spec, const QStringList& classes,
                               const QFileInfoList& files)
{
    auto scratch = Project::create(dir, spec, classes);
    if (!scratch) return scratch.status();
    for (const QFileInfo& f : files) {
        WorkControl control;
        control.progress = stderrProgress();
        auto video = probeNewVideo(f.absoluteFilePath(), scratch->indexCacheDir(), control);
        endProgress();
        if (!video) return video.status();
        auto added = scratch->addVideo(video->path, video->frameCount, video->fps, video->fingerprint);
        if (!added) return added.status();
    }
    return scratch;
}

Result<Project> scratchProjectOfFolder(const QString& dir, const Project& project, const QString& folder)
{
    if (!QFileInfo(folder).isDir()) return Status::failure(QStringLiteral("%1: not a folder").arg(folder));
    const QFileInfoList files = QDir(folder).entryInfoList(videoNameFilters(), QDir::Files, QDir::Name);
    if (files.isEmpty())
        return Status::failure(QStringLiteral("%1: no video files (%2)").arg(folder, videoNameFilters().join(u' ')));
    return scratchProject(dir, project.spec(), project.classNames(), files);
}

int predictFolder(const ArgParser& args, const Project& project, const QString& modelFile,
                  const PredictionRequest& base)
{
    const QString folder = args.value(QStringLiteral("folder"));
    QTemporaryDir scratchDir;
    if (!scratchDir.isValid())
        return fail(QStringLiteral("cannot create a temporary folder: %1").arg(scratchDir.errorString()));
    auto scratch = scratchProjectOfFolder(scratchDir.filePath(QStringLiteral("project")), project, folder);
    if (!scratch) return fail(scratch.error());
    PredictionRequest request = base;
    request.modelFile = modelFile;
    request.save = false;
    PredictionJob job(*scratch, request);
    if (Status s = runWithProgress(job); !s) return fail(s.error());

    const QString outDir = args.value(QStringLiteral("output"));
    if (!outDir.isEmpty() && !QDir().mkpath(outDir))
        return fail(QStringLiteral("%1: cannot create the folder").arg(outDir));
    QJsonArray videos;
    const auto results = job.results();
    for (const VideoPredictions& p : results) {
        QString file;
        if (!outDir.isEmpty()) {
            file = QDir(outDir).filePath(p.video + QStringLiteral(".csv"));
            const SmoothingOptions decisions = job.modelDecisions();
            if (Status s = writePredictionsCsv(file, {p}, &decisions); !s) return fail(s.error());
        }
        videos.append(videoSummary(p, file));
    }
    if (args.isSet(QStringLiteral("json"))) {
        printJson(QJsonObject{{QStringLiteral("model"), QFileInfo(modelFile).fileName()},
                              {QStringLiteral("folder"), folder},
                              {QStringLiteral("videos"), videos}});
        return Ok;
    }
    for (const auto& v : videos) {
        printLine(summaryLine(v.toObject(), results.front().classes));
        if (v.toObject().contains(QStringLiteral("file")))
            printLine(QStringLiteral("  -> %1").arg(v.toObject().value(QStringLiteral("file")).toString()));
    }
    return Ok;
}

} // namespace

int runPredict(const QStringList& argv)
{
    ArgParser args(
        QStringLiteral("fragmentlab-cli predict DIR [--video NAME] [--model NAME] [-o predictions.csv|.json] [--json] "
                       "[--folder PATH [-o OUTDIR]] [--batch-size N] [--no-features] [--reuse]"));
    args.addValue(QStringLiteral("video"), QStringLiteral("NAME"),
                  QStringLiteral("predict only this video of the project (file name)"));
    args.addValue(QStringLiteral("model"), QStringLiteral("NAME"),
                  QStringLiteral("a model of the project other than the active one"));
    args.addValue(
        QStringLiteral("output"), QStringLiteral("FILE"),
        QStringLiteral(
            "write the predictions as CSV (or JSON when FILE ends in .json); with --folder: a folder, one CSV per video"),
        QStringLiteral("o"));
    args.addValue(QStringLiteral("folder"), QStringLiteral("PATH"),
                  QStringLiteral(
                      "predict the videos of PATH (not in the project) with the project's model; nothing is stored"));
    args.addValue(QStringLiteral("batch-size"), QStringLiteral("N"),
                  QStringLiteral("fragments per inference batch (default 32)"));
    args.addFlag(QStringLiteral("no-features"), QStringLiteral("do not keep the fragment feature vectors"));
    args.addFlag(QStringLiteral("reuse"),
                 QStringLiteral("keep videos whose stored predictions of the model are up to date"));
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
    request.reuseFresh = args.isSet(QStringLiteral("reuse"));

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
        // Raw predictions and the model's decisions (its tuned thresholds and minimum bout).
        const SmoothingOptions decisions = job.modelDecisions();
        const Status written = out.endsWith(QStringLiteral(".json"), Qt::CaseInsensitive)
            ? writePredictionsJson(out, results, request.keepFeatures, &decisions)
            : writePredictionsCsv(out, results, &decisions);
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
    if (args.isSet(QStringLiteral("output")))
        printLine(QStringLiteral("wrote %1").arg(args.value(QStringLiteral("output"))));
    return Ok;
}

int runSuggest(const QStringList& argv)
{
    ArgParser args(QStringLiteral("fragmentlab-cli suggest DIR [-n N] [--measure margin|entropy] [--json]"));
    args.addValue(QStringLiteral("count"), QStringLiteral("N"), QStringLiteral("how many fragments (default 20)"),
                  QStringLiteral("n"));
    args.addValue(QStringLiteral("measure"), QStringLiteral("NAME"),
                  QStringLiteral("uncertainty: margin (default) or entropy"));
    args.addFlag(QStringLiteral("json"), QStringLiteral("machine-readable output"));
    if (auto exit = args.parse(argv, 1, 1)) return *exit;
    int exit = Ok;
    SuggestionOptions options;
    const auto count = args.integer(QStringLiteral("count"), options.count, 1, 100000, &exit);
    if (!count) return exit;
    options.count = int(*count);
    if (args.isSet(QStringLiteral("measure"))) {
        const QString m = args.value(QStringLiteral("measure"));
        if (m == QLatin1String("margin"))
            options.measure = UncertaintyMeasure::Margin;
        else if (m == QLatin1String("entropy"))
            options.measure = UncertaintyMeasure::Entropy;
        else
            return usageError(QStringLiteral("--measure must be margin or entropy, got '%1'").arg(m), args.usage);
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
        return fail(
            QStringLiteral("%1: no unlabeled predicted fragment to suggest (every predicted fragment is labeled)")
                .arg(project->dir()));

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
                              {QStringLiteral("measure"),
                               options.measure == UncertaintyMeasure::Margin ? QStringLiteral("margin")
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

namespace {

double medianOf(std::vector<double> v)
{
    if (v.empty()) return 0;
    std::sort(v.begin(), v.end());
    return v.size() % 2 ? v[v.size() / 2] : 0.5 * (v[v.size() / 2 - 1] + v[v.size() / 2]);
}

} // namespace

// fragmentlab-cli bench predict: whole-video prediction (decode overlapping inference) against
// the raw decode of the same file, alternating run by run; and inference alone from a warm
// frame cache. The model is randomly initialised (speed does not depend on the weights).
int runBenchPredict(const QStringList& argv)
{
    ArgParser args(QStringLiteral(
        "fragmentlab-cli bench predict VIDEO [--runs N] [--input-size PX] [--arch NAME] [--batch-size N] [--json]"));
    args.addValue(QStringLiteral("runs"), QStringLiteral("N"), QStringLiteral("timed runs (default 3)"));
    args.addValue(QStringLiteral("input-size"), QStringLiteral("PX"), QStringLiteral("model frame side (default 64)"));
    args.addValue(QStringLiteral("arch"), QStringLiteral("NAME"), QStringLiteral("fragnet (default) or r2plus1d"));
    args.addValue(QStringLiteral("batch-size"), QStringLiteral("N"),
                  QStringLiteral("fragments per batch (default 32)"));
    args.addFlag(QStringLiteral("json"), QStringLiteral("machine-readable output"));
    if (auto exit = args.parse(argv, 1, 1)) return *exit;
    int exit = Ok;
    const auto runs = args.integer(QStringLiteral("runs"), 3, 1, 100, &exit);
    if (!runs) return exit;
    ml::ModelInfo info;
    const auto size = args.integer(QStringLiteral("input-size"), info.config.inputSize, 16, 512, &exit);
    if (!size) return exit;
    if (*size % 8 != 0)
        return usageError(QStringLiteral("--input-size must be a multiple of 8, got %1").arg(*size), args.usage);
    const auto batch = args.integer(QStringLiteral("batch-size"), 32, 1, 4096, &exit);
    if (!batch) return exit;
    if (args.isSet(QStringLiteral("arch"))) {
        const auto arch = ml::parseArchitecture(args.value(QStringLiteral("arch")).toStdString());
        if (!arch)
            return usageError(
                QStringLiteral("--arch must be fragnet or r2plus1d, got '%1'").arg(args.value(QStringLiteral("arch"))),
                args.usage);
        info.config.architecture = *arch;
    }
    const QFileInfo video(args.positional().at(0));
    if (!video.isFile()) return fail(QStringLiteral("%1: not found").arg(args.positional().at(0)));

    QTemporaryDir scratchDir;
    if (!scratchDir.isValid())
        return fail(QStringLiteral("cannot create a temporary folder: %1").arg(scratchDir.errorString()));
    const FragmentSpec spec{4, 4, 1};
    auto project = scratchProject(scratchDir.filePath(QStringLiteral("project")), spec,
                                  {QStringLiteral("a"), QStringLiteral("b")}, {video});
    if (!project) return fail(project.error());
    info.config.inputSize = int(*size);
    info.config.frames = spec.length;
    info.config.classes = 2;
    info.classes = {"a", "b"};
    info.fragment = {spec.length, spec.stride, spec.step};
    auto model = ml::FragmentModel::create(info, 1);
    if (!model) return fail(QString::fromStdString(model.error()));
    const QString modelFile = QDir(project->modelsDir()).filePath(QStringLiteral("bench.flmodel"));
    if (auto saved = model->save(QFile::encodeName(modelFile).toStdString()); !saved)
        return fail(QString::fromStdString(saved.error()));

    PredictionRequest request;
    request.modelFile = modelFile;
    request.save = false;
    request.batchSize = int(*batch);
    const qint64 frames = project->video(0).frameCount;
    const qint64 fragments = spec.count(frames);
    const QString framesDir = QDir(project->cacheDir()).filePath(QStringLiteral("frames"));
    std::vector<double> decodeSeconds, cacheSeconds, predictSeconds, warmSeconds;
    for (qint64 r = 0; r < *runs; ++r) {
        // Raw decode: every frame of the file, one sequential pass (index cached, as for prediction).
        VideoOpenOptions options;
        options.indexCacheDir = project->indexCacheDir();
        qint64 seen = 0;
        QElapsedTimer t;
        t.start();
        auto source = VideoSource::open(video.absoluteFilePath(), options, {}, [&seen](qint64, const cv::Mat&) {
            ++seen;
            return true;
        });
        decodeSeconds.push_back(double(t.nsecsElapsed()) / 1e9);
        if (!source) return fail(source.error());
        if (seen != frames)
            return fail(
                QStringLiteral("%1: decoded %2 frames, expected %3").arg(video.filePath()).arg(seen).arg(frames));
        // The frame cache alone: decode + resize to the model's input, written to disk.
        QDir(framesDir).removeRecursively();
        t.restart();
        auto cache = FragmentCache::ensure(video.absoluteFilePath(), project->cacheDir(),
                                           FrameSize{int(*size), int(*size)}, options);
        cacheSeconds.push_back(double(t.nsecsElapsed()) / 1e9);
        if (!cache) return fail(cache.error());
        // Whole-video prediction from the file (no frame cache yet: decode and inference overlap).
        QDir(framesDir).removeRecursively();
        PredictionJob cold(*project, request);
        t.restart();
        if (Status s = cold.runHere(); !s) return fail(s.error());
        predictSeconds.push_back(double(t.nsecsElapsed()) / 1e9);
        // Inference alone: the frame cache is there now.
        PredictionJob warm(*project, request);
        t.restart();
        if (Status s = warm.runHere(); !s) return fail(s.error());
        warmSeconds.push_back(double(t.nsecsElapsed()) / 1e9);
    }
    const double decode = medianOf(decodeSeconds);
    const double predict = medianOf(predictSeconds);
    const double warm = medianOf(warmSeconds);
    const double cacheBuild = medianOf(cacheSeconds);
    QJsonObject o{{QStringLiteral("video"), video.absoluteFilePath()},
                  {QStringLiteral("frames"), frames},
                  {QStringLiteral("fragments"), fragments},
                  {QStringLiteral("model"), QString::fromStdString(info.config.describe())},
                  {QStringLiteral("batch_size"), int(*batch)},
                  {QStringLiteral("threads"), ml::torchRuntimeInfo().intraOpThreads},
                  {QStringLiteral("runs"), *runs},
                  {QStringLiteral("decode_s_median"), decode},
                  {QStringLiteral("cache_build_s_median"), cacheBuild},
                  {QStringLiteral("predict_s_median"), predict},
                  {QStringLiteral("predict_fragments_per_s"), double(fragments) / predict},
                  {QStringLiteral("ratio_predict_to_decode"), predict / decode},
                  {QStringLiteral("inference_only_s_median"), warm},
                  {QStringLiteral("inference_fragments_per_s"), double(fragments) / warm}};
    if (args.isSet(QStringLiteral("json"))) {
        printJson(o);
        return Ok;
    }
    printLine(QStringLiteral("%1: %2 frames, %3 fragments (T=4), model %4, batch %5")
                  .arg(video.filePath())
                  .arg(frames)
                  .arg(fragments)
                  .arg(o.value(QStringLiteral("model")).toString())
                  .arg(*batch));
    printLine(QStringLiteral("raw decode:          %1 s (%2 frames/s)")
                  .arg(decode, 0, 'f', 3)
                  .arg(double(frames) / decode, 0, 'f', 1));
    printLine(
        QStringLiteral("frame cache build:   %1 s (decode + resize to %2 px)").arg(cacheBuild, 0, 'f', 3).arg(*size));
    printLine(QStringLiteral("predict from file:   %1 s (%2 fragments/s); %3 x the raw decode")
                  .arg(predict, 0, 'f', 3)
                  .arg(double(fragments) / predict, 0, 'f', 1)
                  .arg(predict / decode, 0, 'f', 2));
    printLine(QStringLiteral("inference (cached):  %1 s (%2 fragments/s)")
                  .arg(warm, 0, 'f', 3)
                  .arg(double(fragments) / warm, 0, 'f', 1));
    printLine(QStringLiteral("medians of %1 runs").arg(*runs));
    return Ok;
}

} // namespace fl::cli
