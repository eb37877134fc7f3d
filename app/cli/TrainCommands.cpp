// fragmentlab-cli train / evaluate / models / bench train
#include "CliArgs.h"
#include "CliOutput.h"
#include "Commands.h"

#include "jobs/EvaluationJob.h"
#include "jobs/TrainingJob.h"
#include "ml/TorchRuntime.h"
#include "project/Project.h"
#include "project/FileBytes.h"
#include "training/FragmentSplit.h"
#include "training/ModelFrames.h"
#include "training/ModelStore.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>

#include <QFileInfo>
#include <QJsonArray>

#include <cstdio>
#include <sys/resource.h>
#include <map>

namespace fl::cli {

namespace {

// --arch, --fusion, --epochs, --device, --seed, --input-size, --batch-size, --lr, --validation
void addTrainingOptions(ArgParser& args)
{
    args.addValue(QStringLiteral("arch"), QStringLiteral("NAME"), QStringLiteral("fragnet (default) or r2plus1d"));
    args.addValue(QStringLiteral("fusion"), QStringLiteral("NAME"), QStringLiteral("fragnet's temporal fusion: tconv (default), concat, gru"));
    args.addValue(QStringLiteral("epochs"), QStringLiteral("N"), QStringLiteral("at most N epochs (default 30)"));
    args.addValue(QStringLiteral("device"), QStringLiteral("DEVICE"), QStringLiteral("auto (default), cpu or cuda"));
    args.addValue(QStringLiteral("seed"), QStringLiteral("S"), QStringLiteral("random seed (default 1)"));
    args.addValue(QStringLiteral("input-size"), QStringLiteral("PX"), QStringLiteral("frame side in pixels, multiple of 8 (default 64)"));
    args.addValue(QStringLiteral("batch-size"), QStringLiteral("N"), QStringLiteral("fragments per batch (default 32)"));
    args.addValue(QStringLiteral("lr"), QStringLiteral("X"), QStringLiteral("peak learning rate (default 0.003)"));
    args.addValue(QStringLiteral("validation"), QStringLiteral("F"), QStringLiteral("validation fraction in (0, 0.5] (default 0.2)"));
}

std::optional<TrainingRequest> parseTrainingOptions(const ArgParser& args, int* exit)
{
    TrainingRequest r;
    ml::TrainingOptions& o = r.options;
    if (args.isSet(QStringLiteral("arch"))) {
        const auto arch = ml::parseArchitecture(args.value(QStringLiteral("arch")).toStdString());
        if (!arch) {
            *exit = usageError(QStringLiteral("--arch must be fragnet or r2plus1d, got '%1'").arg(args.value(QStringLiteral("arch"))), args.usage);
            return std::nullopt;
        }
        o.model.architecture = *arch;
    }
    if (args.isSet(QStringLiteral("fusion"))) {
        const auto fusion = ml::parseFusion(args.value(QStringLiteral("fusion")).toStdString());
        if (!fusion) {
            *exit = usageError(QStringLiteral("--fusion must be tconv, concat or gru, got '%1'").arg(args.value(QStringLiteral("fusion"))), args.usage);
            return std::nullopt;
        }
        o.model.fusion = *fusion;
    }
    if (args.isSet(QStringLiteral("device"))) {
        const auto device = ml::parseDeviceChoice(args.value(QStringLiteral("device")).toStdString());
        if (!device) {
            *exit = usageError(QStringLiteral("--device must be auto, cpu or cuda, got '%1'").arg(args.value(QStringLiteral("device"))), args.usage);
            return std::nullopt;
        }
        o.device = *device;
    }
    const auto epochs = args.integer(QStringLiteral("epochs"), o.epochs, 1, 10000, exit);
    if (!epochs) return std::nullopt;
    o.epochs = int(*epochs);
    const auto seed = args.integer(QStringLiteral("seed"), qint64(o.seed), 0, std::numeric_limits<qint64>::max(), exit);
    if (!seed) return std::nullopt;
    o.seed = quint64(*seed);
    const auto size = args.integer(QStringLiteral("input-size"), o.model.inputSize, 16, 512, exit);
    if (!size) return std::nullopt;
    if (*size % 8 != 0) {
        *exit = usageError(QStringLiteral("--input-size must be a multiple of 8, got %1").arg(*size), args.usage);
        return std::nullopt;
    }
    o.model.inputSize = int(*size);
    const auto batch = args.integer(QStringLiteral("batch-size"), o.batchSize, 1, 4096, exit);
    if (!batch) return std::nullopt;
    o.batchSize = int(*batch);
    const auto number = [&](const QString& name, double fallback, double min, double max) -> std::optional<double> {
        if (!args.isSet(name)) return fallback;
        bool ok = false;
        const double v = args.value(name).toDouble(&ok);
        if (!ok || !(v > min && v <= max)) {
            *exit = usageError(QStringLiteral("--%1 must be a number in (%2, %3], got '%4'").arg(name).arg(min).arg(max).arg(args.value(name)), args.usage);
            return std::nullopt;
        }
        return v;
    };
    const auto lr = number(QStringLiteral("lr"), o.learningRate, 0, 1);
    if (!lr) return std::nullopt;
    o.learningRate = *lr;
    const auto fraction = number(QStringLiteral("validation"), r.validationFraction, 0, 0.5);
    if (!fraction) return std::nullopt;
    r.validationFraction = *fraction;
    return r;
}

// The data and settings of a training run as JSON, so a reference implementation can train on
// exactly the same fragments (read from the same frame-cache files) with the same settings.
Status exportSplit(const Project& project, const TrainingRequest& request, const QString& file)
{
    auto split = FragmentSplit::make(project, request.validationFraction);
    if (!split) return split.status();
    const int size = request.options.model.inputSize;
    QJsonArray videos;
    std::map<int, int> slot;
    for (int v : split->videosUsed()) {
        auto cache = openModelFrames(project, v, size);
        if (!cache) return cache.status();
        slot[v] = int(videos.size());
        videos.append(QJsonObject{{QStringLiteral("video"), project.absoluteVideoPath(v)},
                                  {QStringLiteral("cache"), cache->file()},
                                  {QStringLiteral("frames"), cache->frameCount()}});
    }
    const auto list = [&slot](const std::vector<SplitFragment>& fragments) {
        QJsonArray a;
        for (const auto& f : fragments)
            a.append(QJsonArray{slot.at(f.video), f.firstFrame, f.minFirst, f.maxFirst, f.label});
        return a;
    };
    const FragmentSpec& spec = project.spec();
    const QJsonObject o{{QStringLiteral("input_size"), size},
                        {QStringLiteral("fragment"), QJsonObject{{QStringLiteral("length"), spec.length},
                                                                 {QStringLiteral("stride"), spec.stride},
                                                                 {QStringLiteral("step"), spec.step}}},
                        {QStringLiteral("classes"), QJsonArray::fromStringList(split->classes)},
                        {QStringLiteral("settings"), trainingSettingsJson(request)},
                        {QStringLiteral("threads"), ml::torchRuntimeInfo().intraOpThreads},
                        {QStringLiteral("videos"), videos},
                        {QStringLiteral("train"), list(split->train)},
                        {QStringLiteral("validation"), list(split->validation)}};
    return writeFileAtomically(file, QJsonDocument(o).toJson(QJsonDocument::Indented));
}

void printEpoch(const EpochRecord& e, int epochs)
{
    std::fprintf(stderr, "epoch %d/%d: loss %.4f acc %.3f | validation loss %.4f acc %.3f macro-F1 %.3f%s (%.1f s)\n", e.epoch, epochs,
                 e.trainLoss, e.trainAccuracy, e.validationLoss, e.validationAccuracy, e.validationMacroF1, e.best ? " *" : "", e.seconds);
}

// User + system CPU time of this process (all threads).
double processCpuSeconds()
{
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return double(u.ru_utime.tv_sec + u.ru_stime.tv_sec) + double(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

QString score(double v)
{
    return v < 0 ? QStringLiteral("-") : QString::number(v, 'f', 4);
}

} // namespace

int runTrain(const QStringList& argv)
{
    ArgParser args(QStringLiteral("fragmentlab-cli train DIR [--arch NAME] [--fusion NAME] [--epochs N] [--device auto|cpu|cuda] "
                                  "[--seed S] [--input-size PX] [--batch-size N] [--lr X] [--validation F] [--no-activate] [--json]"));
    addTrainingOptions(args);
    args.addFlag(QStringLiteral("no-activate"), QStringLiteral("do not make the new model the project's active model"));
    args.addFlag(QStringLiteral("json"), QStringLiteral("machine-readable output"));
    if (auto exit = args.parse(argv, 1, 1)) return *exit;
    int exit = Ok;
    auto request = parseTrainingOptions(args, &exit);
    if (!request) return exit;
    auto project = Project::load(args.positional().at(0));
    if (!project) return fail(project.error());

    TrainingJob job(*project, *request);
    job.setProgressInterval(200);
    const ProgressFn progress = stderrProgress();
    QObject::connect(&job, &Job::progress, [&progress](qint64 done, qint64 total, const QString& what, double) {
        if (progress) progress(done, total, what);
    });
    const int epochs = request->options.epochs;
    QObject::connect(&job, &TrainingJob::epochFinished, [epochs](const EpochRecord& e) {
        endProgress();
        printEpoch(e, epochs);
    });
    const Status status = job.runHere();
    endProgress();
    if (!status) return fail(status.error());

    const TrainingReport report = job.report();
    bool activated = false;
    if (!args.isSet(QStringLiteral("no-activate"))) {
        // Reload: only the active model changes, whatever else happened to the file meanwhile.
        auto fresh = Project::load(project->dir());
        if (!fresh) return fail(fresh.error());
        if (auto set = fresh->setActiveModel(QFileInfo(job.modelFile()).fileName()); !set) return fail(set.error());
        if (auto saved = fresh->save(); !saved) return fail(saved.error());
        activated = true;
    }
    if (args.isSet(QStringLiteral("json"))) {
        printJson(QJsonObject{{QStringLiteral("model"), job.modelFile()},
                              {QStringLiteral("report"), job.reportFile()},
                              {QStringLiteral("macro_f1"), report.validation.macroF1},
                              {QStringLiteral("accuracy"), report.validation.accuracy},
                              {QStringLiteral("best_epoch"), report.bestEpoch},
                              {QStringLiteral("epochs_run"), report.epochsRun},
                              {QStringLiteral("train_fragments"), report.trainFragments},
                              {QStringLiteral("validation_fragments"), report.validationFragments},
                              {QStringLiteral("split"), report.splitPolicy},
                              {QStringLiteral("seconds"), report.prepareSeconds + report.trainSeconds},
                              {QStringLiteral("active"), activated}});
    } else {
        printLine(QStringLiteral("report: %1").arg(job.reportFile()));
        printLine(QStringLiteral("model: %1%2").arg(job.modelFile(), activated ? QStringLiteral(" (active)") : QString()));
        printLine(QStringLiteral("macro-F1: %1 (validation, %2 fragments, epoch %3 of %4; split: %5)")
                      .arg(score(report.validation.macroF1))
                      .arg(report.validationFragments)
                      .arg(report.bestEpoch)
                      .arg(report.epochsRun)
                      .arg(report.splitPolicy));
    }
    return Ok;
}

int runEvaluate(const QStringList& argv)
{
    ArgParser args(QStringLiteral("fragmentlab-cli evaluate DIR --truth FILE.csv|FILE.json [--model NAME] [--json]"));
    args.addValue(QStringLiteral("truth"), QStringLiteral("FILE"), QStringLiteral("ground-truth labels (label-import format)"));
    args.addValue(QStringLiteral("model"), QStringLiteral("NAME"), QStringLiteral("a model of models/ (default: the active model)"));
    args.addFlag(QStringLiteral("json"), QStringLiteral("machine-readable output"));
    if (auto exit = args.parse(argv, 1, 1)) return *exit;
    if (!args.isSet(QStringLiteral("truth"))) return usageError(QStringLiteral("--truth FILE is required"), args.usage);
    auto project = Project::load(args.positional().at(0));
    if (!project) return fail(project.error());
    auto modelFile = args.isSet(QStringLiteral("model")) ? ModelStore::findModel(*project, args.value(QStringLiteral("model")))
                                                          : ModelStore::activeModelFile(*project);
    if (!modelFile) return fail(modelFile.error());

    EvaluationJob job(*project, *modelFile, args.value(QStringLiteral("truth")));
    const ProgressFn progress = stderrProgress();
    QObject::connect(&job, &Job::progress, [&progress](qint64 done, qint64 total, const QString& what, double) {
        if (progress) progress(done, total, what);
    });
    const Status status = job.runHere();
    endProgress();
    if (!status) return fail(status.error());
    const ClassScores scores = job.scores();
    if (args.isSet(QStringLiteral("json"))) {
        QJsonObject o = scores.toJson();
        o.insert(QStringLiteral("model"), *modelFile);
        o.insert(QStringLiteral("truth"), QFileInfo(args.value(QStringLiteral("truth"))).absoluteFilePath());
        o.insert(QStringLiteral("fragments"), job.fragments());
        o.insert(QStringLiteral("videos"), QJsonArray::fromStringList(job.videos()));
        printJson(o);
    } else {
        printLine(QStringLiteral("model: %1").arg(*modelFile));
        printLine(QStringLiteral("fragments: %1 (videos: %2)").arg(job.fragments()).arg(job.videos().join(QStringLiteral(", "))));
        printLine(QString());
        std::fputs(qUtf8Printable(scores.toText()), stdout);
    }
    return Ok;
}

int runModels(const QStringList& argv)
{
    ArgParser args(QStringLiteral("fragmentlab-cli models DIR [--activate NAME] [--json]"));
    args.addValue(QStringLiteral("activate"), QStringLiteral("NAME"), QStringLiteral("make this model (file name or unique prefix) the active one"));
    args.addFlag(QStringLiteral("json"), QStringLiteral("machine-readable output"));
    if (auto exit = args.parse(argv, 1, 1)) return *exit;
    auto project = Project::load(args.positional().at(0));
    if (!project) return fail(project.error());
    if (args.isSet(QStringLiteral("activate"))) {
        auto file = ModelStore::findModel(*project, args.value(QStringLiteral("activate")));
        if (!file) return fail(file.error());
        if (auto set = project->setActiveModel(QFileInfo(*file).fileName()); !set) return fail(set.error());
        if (auto saved = project->save(); !saved) return fail(saved.error());
    }
    const auto models = ModelStore::list(*project);
    if (args.isSet(QStringLiteral("json"))) {
        QJsonArray list;
        for (const auto& m : models) {
            list.append(QJsonObject{{QStringLiteral("name"), m.fileName},
                                    {QStringLiteral("file"), m.file},
                                    {QStringLiteral("report"), m.hasReport ? m.reportFile : QString()},
                                    {QStringLiteral("created"), m.created},
                                    {QStringLiteral("architecture"), m.architecture},
                                    {QStringLiteral("classes"), QJsonArray::fromStringList(m.classes)},
                                    {QStringLiteral("macro_f1"), m.macroF1},
                                    {QStringLiteral("accuracy"), m.accuracy},
                                    {QStringLiteral("train_fragments"), m.trainFragments},
                                    {QStringLiteral("validation_fragments"), m.validationFragments},
                                    {QStringLiteral("active"), m.active},
                                    {QStringLiteral("problem"), m.problem}});
        }
        printJson(QJsonObject{{QStringLiteral("active"), project->activeModel()}, {QStringLiteral("models"), list}});
        return Ok;
    }
    if (models.empty()) {
        printLine(QStringLiteral("no trained models in %1").arg(project->modelsDir()));
        return Ok;
    }
    for (const auto& m : models) {
        printLine(QStringLiteral("%1 %2\t%3\tmacro-F1 %4\taccuracy %5\t%6 train / %7 validation\t%8%9")
                      .arg(m.active ? QStringLiteral("*") : QStringLiteral(" "), m.fileName, m.created, score(m.macroF1), score(m.accuracy))
                      .arg(m.trainFragments)
                      .arg(m.validationFragments)
                      .arg(m.architecture, m.problem.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(m.problem)));
    }
    return Ok;
}

int runBenchTrain(const QStringList& argv)
{
    ArgParser args(QStringLiteral("fragmentlab-cli bench train DIR [--epochs N] [--arch NAME] [--input-size PX] [--batch-size N] "
                                  "[--cold] [--export-split FILE.json] [--json]"));
    addTrainingOptions(args);
    args.addFlag(QStringLiteral("cold"), QStringLiteral("delete the project's frame caches at this input size first (end-to-end time includes decoding)"));
    args.addValue(QStringLiteral("export-split"), QStringLiteral("FILE"),
                  QStringLiteral("write the fragments, frame-cache files and settings used, for bench/train_reference.py"));
    args.addFlag(QStringLiteral("json"), QStringLiteral("machine-readable output"));
    if (auto exit = args.parse(argv, 1, 1)) return *exit;
    int exit = Ok;
    auto request = parseTrainingOptions(args, &exit);
    if (!request) return exit;
    if (!args.isSet(QStringLiteral("epochs"))) request->options.epochs = 5;
    request->options.patience = 0; // every epoch runs
    request->saveModel = false;
    auto project = Project::load(args.positional().at(0));
    if (!project) return fail(project.error());
    const int size = request->options.model.inputSize;
    if (args.isSet(QStringLiteral("cold"))) {
        for (const ProjectVideo& v : project->videos())
            QFile::remove(FragmentCache::fileFor(project->cacheDir(), v.hash, FrameSize{size, size}));
    }
    // Phase 1: the frame caches (with --cold: one decode of every video). Phase 2: training.
    // Wall and CPU time of each (CPU time is less disturbed by other work on the machine).
    QElapsedTimer wall;
    wall.start();
    const double cpu0 = processCpuSeconds();
    auto split = FragmentSplit::make(*project, request->validationFraction);
    if (!split) return fail(split.error());
    for (int v : split->videosUsed()) {
        auto cache = openModelFrames(*project, v, size);
        if (!cache) return fail(cache.error());
    }
    const double prepareWall = double(wall.nsecsElapsed()) / 1e9;
    const double cpu1 = processCpuSeconds();
    TrainingJob job(*project, *request);
    const int epochs = request->options.epochs;
    QObject::connect(&job, &TrainingJob::epochFinished, [epochs](const EpochRecord& e) { printEpoch(e, epochs); });
    const Status status = job.runHere();
    if (!status) return fail(status.error());
    const double trainCpu = processCpuSeconds() - cpu1;
    if (args.isSet(QStringLiteral("export-split"))) {
        if (auto exported = exportSplit(*project, *request, args.value(QStringLiteral("export-split"))); !exported) return fail(exported.error());
    }
    const TrainingReport r = job.report();
    double epochSeconds = 0;
    for (const auto& e : r.history) epochSeconds += e.seconds;
    epochSeconds /= std::max<qsizetype>(1, r.history.size());
    const double totalWall = prepareWall + r.prepareSeconds + r.trainSeconds;
    const QJsonObject o{{QStringLiteral("architecture"), r.architecture},
                        {QStringLiteral("device"), r.device},
                        {QStringLiteral("threads"), r.threads},
                        {QStringLiteral("train_fragments"), r.trainFragments},
                        {QStringLiteral("validation_fragments"), r.validationFragments},
                        {QStringLiteral("epochs"), r.epochsRun},
                        {QStringLiteral("prepare_seconds"), prepareWall},
                        {QStringLiteral("prepare_cpu_seconds"), cpu1 - cpu0},
                        {QStringLiteral("epoch_seconds"), epochSeconds},
                        {QStringLiteral("epoch_cpu_seconds"), trainCpu / std::max(1, r.epochsRun)},
                        {QStringLiteral("train_samples_per_second"), r.samplesPerSecond},
                        {QStringLiteral("total_seconds"), totalWall},
                        {QStringLiteral("total_cpu_seconds"), processCpuSeconds() - cpu0},
                        {QStringLiteral("flops_per_fragment"), r.flopsPerFragment},
                        {QStringLiteral("parameters"), r.parameters}};
    if (args.isSet(QStringLiteral("json"))) {
        printJson(o);
    } else {
        printLine(QStringLiteral("%1 on %2 (%3 threads)").arg(r.architecture, r.device).arg(r.threads));
        printLine(QStringLiteral("fragments: %1 train, %2 validation").arg(r.trainFragments).arg(r.validationFragments));
        printLine(QStringLiteral("frame caches: %1 s (CPU %2 s)").arg(prepareWall, 0, 'f', 2).arg(cpu1 - cpu0, 0, 'f', 2));
        printLine(QStringLiteral("epoch (train + validation): %1 s mean over %2").arg(epochSeconds, 0, 'f', 3).arg(r.epochsRun));
        printLine(QStringLiteral("training: %1 fragments/s").arg(r.samplesPerSecond, 0, 'f', 1));
        printLine(QStringLiteral("end to end: %1 s").arg(totalWall, 0, 'f', 2));
    }
    return Ok;
}

} // namespace fl::cli
