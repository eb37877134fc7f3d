// fragmentlab-cli train / evaluate / models / bench train
#include "CliArgs.h"
#include "CliOutput.h"
#include "Commands.h"
#include "TrainingArgs.h"

#include "jobs/EvaluationJob.h"
#include "jobs/TrainingJob.h"
#include "ml/TorchRuntime.h"
#include "project/FileBytes.h"
#include "project/Project.h"
#include "training/FragmentSplit.h"
#include "training/ModelFrames.h"
#include "training/ModelStore.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>

#include <QFileInfo>
#include <QJsonArray>

#include <cstdio>
#include <map>
#include <sys/resource.h>

namespace fl::cli {

namespace {

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
                        {QStringLiteral("fragment"),
                         QJsonObject{{QStringLiteral("length"), spec.length},
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

// One line per epoch of the training that emits them (the default training: its final run, on
// every label, which has no validation split: its held-out scores come from cross-validation).
void printEpoch(const EpochRecord& e, int epochs)
{
    if (e.validationMacroF1 < 0) {
        std::fprintf(stderr, "final training, epoch %d/%d: loss %.4f acc %.3f (%.1f s)\n", e.epoch, epochs, e.trainLoss,
                     e.trainAccuracy, e.seconds);
        return;
    }
    std::fprintf(stderr, "epoch %d/%d: loss %.4f acc %.3f | validation loss %.4f acc %.3f macro-F1 %.3f%s (%.1f s)\n",
                 e.epoch, epochs, e.trainLoss, e.trainAccuracy, e.validationLoss, e.validationAccuracy,
                 e.validationMacroF1, e.best ? " *" : "", e.seconds);
}

// The epochs the final run plans (raised by the minimum steps), from its batches.
struct PlannedEpochs {
    int value = 0;
    void connect(TrainingJob& job)
    {
        QObject::connect(&job, &TrainingJob::batchProgress, [this](const ml::BatchProgress& p) { value = p.epochs; });
    }
};

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
    ArgParser args(QStringLiteral(
        "fragmentlab-cli train DIR [--arch NAME] [--fusion NAME] [--epochs N] [--device auto|cpu|cuda] "
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
    PlannedEpochs planned;
    planned.connect(job);
    QObject::connect(&job, &TrainingJob::epochFinished, [&planned](const EpochRecord& e) {
        endProgress();
        printEpoch(e, planned.value);
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
        QJsonObject o{{QStringLiteral("model"), job.modelFile()},
                      {QStringLiteral("report"), job.reportFile()},
                      {QStringLiteral("macro_f1"), report.validation.macroF1},
                      {QStringLiteral("accuracy"), report.validation.accuracy},
                      {QStringLiteral("best_epoch"), report.bestEpoch},
                      {QStringLiteral("epochs_run"), report.epochsRun},
                      {QStringLiteral("train_fragments"), report.trainFragments},
                      {QStringLiteral("validation_fragments"), report.validationFragments},
                      {QStringLiteral("split"), report.splitPolicy},
                      {QStringLiteral("seconds"), report.prepareSeconds + report.trainSeconds},
                      {QStringLiteral("active"), activated}};
        // What the default training did: the candidates' cross-validated scores, the winner,
        // the calibration and the tuned decisions (the report's "selection").
        if (report.selection.used) o.insert(QStringLiteral("selection"), report.selection.toJson());
        printJson(o);
    } else {
        if (report.selection.used) {
            const ModelSelection& sel = report.selection;
            for (const CandidateScore& c : sel.candidates)
                printLine(QStringLiteral("%1 %2: held-out macro-F1 %3 ± %4, log loss %5 (%6 s)")
                              .arg(c.name == sel.winner ? QStringLiteral("*") : QStringLiteral(" "), c.name)
                              .arg(c.meanMacroF1, 0, 'f', 3)
                              .arg(c.sdMacroF1, 0, 'f', 3)
                              .arg(c.logLoss, 0, 'f', 3)
                              .arg(c.seconds, 0, 'f', 1));
            QStringList thresholds;
            for (double t : sel.classThresholds) thresholds << QString::number(t, 'f', 2);
            printLine(QStringLiteral("chosen: %1 (%2)").arg(sel.winner, sel.winnerReason));
            printLine(QStringLiteral("calibration: temperature %1, ECE %2 -> %3; thresholds: %4; minimum bout: %5")
                          .arg(sel.temperature, 0, 'f', 2)
                          .arg(sel.eceBefore, 0, 'f', 3)
                          .arg(sel.eceAfter, 0, 'f', 3)
                          .arg(thresholds.isEmpty() ? QStringLiteral("argmax") : thresholds.join(QLatin1Char('/')))
                          .arg(sel.minBout));
        }
        printLine(QStringLiteral("report: %1").arg(job.reportFile()));
        printLine(
            QStringLiteral("model: %1%2").arg(job.modelFile(), activated ? QStringLiteral(" (active)") : QString()));
        if (report.selection.used)
            printLine(QStringLiteral("macro-F1: %1 (held out by cross-validation, %2 fragments, folds: %3)")
                          .arg(score(report.validation.macroF1))
                          .arg(report.validationFragments)
                          .arg(report.splitPolicy));
        else
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
    args.addValue(QStringLiteral("truth"), QStringLiteral("FILE"),
                  QStringLiteral("ground-truth labels (label-import format)"));
    args.addValue(QStringLiteral("model"), QStringLiteral("NAME"),
                  QStringLiteral("a model of models/ (default: the active model)"));
    args.addFlag(QStringLiteral("json"), QStringLiteral("machine-readable output"));
    if (auto exit = args.parse(argv, 1, 1)) return *exit;
    if (!args.isSet(QStringLiteral("truth"))) return usageError(QStringLiteral("--truth FILE is required"), args.usage);
    auto project = Project::load(args.positional().at(0));
    if (!project) return fail(project.error());
    auto modelFile = args.isSet(QStringLiteral("model"))
        ? ModelStore::findModel(*project, args.value(QStringLiteral("model")))
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
        printLine(QStringLiteral("fragments: %1 (videos: %2)")
                      .arg(job.fragments())
                      .arg(job.videos().join(QStringLiteral(", "))));
        printLine(QString());
        std::fputs(qUtf8Printable(scores.toText()), stdout);
    }
    return Ok;
}

int runModels(const QStringList& argv)
{
    ArgParser args(QStringLiteral("fragmentlab-cli models DIR [--activate NAME] [--json]"));
    args.addValue(QStringLiteral("activate"), QStringLiteral("NAME"),
                  QStringLiteral("make this model (file name or unique prefix) the active one"));
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
                      .arg(m.active ? QStringLiteral("*") : QStringLiteral(" "), m.fileName, m.created,
                           score(m.macroF1), score(m.accuracy))
                      .arg(m.trainFragments)
                      .arg(m.validationFragments)
                      .arg(m.architecture, m.problem.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(m.problem)));
    }
    return Ok;
}

int runBenchTrain(const QStringList& argv)
{
    ArgParser args(
        QStringLiteral("fragmentlab-cli bench train DIR [--epochs N] [--arch NAME] [--input-size PX] [--batch-size N] "
                       "[--cold] [--export-split FILE.json] [--json]"));
    addTrainingOptions(args);
    args.addFlag(QStringLiteral("cold"),
                 QStringLiteral(
                     "delete the project's frame caches at this input size first (end-to-end time includes decoding)"));
    args.addValue(QStringLiteral("export-split"), QStringLiteral("FILE"),
                  QStringLiteral(
                      "write the fragments, frame-cache files and settings used, for bench/train_reference.py"));
    args.addFlag(QStringLiteral("json"), QStringLiteral("machine-readable output"));
    if (auto exit = args.parse(argv, 1, 1)) return *exit;
    int exit = Ok;
    auto request = parseTrainingOptions(args, &exit);
    if (!request) return exit;
    // Without model options: the default training as one click does it (cross-validation of
    // the candidates, tuning, final training), timed end to end. With them (--arch ...): that
    // one configuration's throughput, 5 epochs unless --epochs says otherwise, every epoch run.
    const bool selecting = !request->candidates.empty();
    if (!selecting) {
        if (!args.isSet(QStringLiteral("epochs"))) request->options.epochs = 5;
        request->options.patience = 0; // every epoch runs
        request->options.minSteps = 0;
    }
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
    PlannedEpochs planned;
    planned.connect(job);
    QObject::connect(&job, &TrainingJob::epochFinished,
                     [&planned](const EpochRecord& e) { printEpoch(e, planned.value); });
    const Status status = job.runHere();
    if (!status) return fail(status.error());
    const double trainCpu = processCpuSeconds() - cpu1;
    if (args.isSet(QStringLiteral("export-split"))) {
        if (auto exported = exportSplit(*project, *request, args.value(QStringLiteral("export-split"))); !exported)
            return fail(exported.error());
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
                        {QStringLiteral("parameters"), r.parameters},
                        {QStringLiteral("candidates"), int(r.selection.candidates.size())},
                        {QStringLiteral("winner"), r.selection.winner},
                        {QStringLiteral("held_out_macro_f1"), r.validation.macroF1},
                        {QStringLiteral("selection_seconds"), r.selection.selectionSeconds},
                        {QStringLiteral("final_seconds"), r.selection.finalSeconds}};
    if (args.isSet(QStringLiteral("json"))) {
        printJson(o);
    } else {
        if (r.selection.used)
            printLine(
                QStringLiteral(
                    "default training: %1 candidates x %2 folds in %3 s, winner %4 (held-out macro-F1 %5), final training %6 s")
                    .arg(r.selection.candidates.size())
                    .arg(r.selection.folds)
                    .arg(r.selection.selectionSeconds, 0, 'f', 1)
                    .arg(r.selection.winner)
                    .arg(r.validation.macroF1, 0, 'f', 3)
                    .arg(r.selection.finalSeconds, 0, 'f', 1));
        printLine(QStringLiteral("%1 on %2 (%3 threads)").arg(r.architecture, r.device).arg(r.threads));
        printLine(
            QStringLiteral("fragments: %1 train, %2 validation").arg(r.trainFragments).arg(r.validationFragments));
        printLine(
            QStringLiteral("frame caches: %1 s (CPU %2 s)").arg(prepareWall, 0, 'f', 2).arg(cpu1 - cpu0, 0, 'f', 2));
        printLine(QStringLiteral("epoch (train + validation): %1 s mean over %2")
                      .arg(epochSeconds, 0, 'f', 3)
                      .arg(r.epochsRun));
        printLine(QStringLiteral("training: %1 fragments/s").arg(r.samplesPerSecond, 0, 'f', 1));
        printLine(QStringLiteral("end to end: %1 s").arg(totalWall, 0, 'f', 2));
    }
    return Ok;
}

} // namespace fl::cli
