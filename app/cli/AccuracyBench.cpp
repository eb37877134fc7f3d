// fragmentlab-cli bench accuracy: the default training against classical detectors on tasks made
// from real footage (core/training/AccuracyTasks.h), within and across videos, at several label
// budgets and seeds. docs/MODEL.md has the design and the table.
#include "CliArgs.h"
#include "CliOutput.h"
#include "Commands.h"
#include "TrainingArgs.h"

#include "analysis/PredictionSmoothing.h"
#include "jobs/TrainingJob.h"
#include "ml/Predictor.h"
#include "ml/TorchRuntime.h"
#include "project/Project.h"
#include "training/AccuracyTasks.h"
#include "training/ClassicalBaselines.h"
#include "training/ModelDecisions.h"
#include "training/ModelFrames.h"
#include "video/VideoSource.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QStandardPaths>

#include <atomic>
#include <cmath>
#include <cstdio>
#include <map>
#include <mutex>
#include <thread>

namespace fl::cli {

namespace {

constexpr int kBaselineSize = 64; // the classical detectors read the 64 px frame caches

struct Prepared {
    AccuracyTask task;
    Project project; // every derived video, no labels
    std::vector<FragmentCache> modelCaches;
    std::vector<FragmentCache> baselineCaches;
    // Per video, per fragment (of the project's spec): the classical features.
    std::vector<std::vector<double>> energy;
    std::vector<std::vector<std::vector<float>>> histogram;
};

struct Run {
    int task = 0;
    QString setting; // "within", "across"
    int budget = 0;
    int seed = 1;
};

struct Scores {
    double model = -1;    // post-processed (the model's thresholds and minimum bout)
    double modelRaw = -1; // argmax of the probabilities
    double difference = -1;
    double histogram = -1;
    int labeled = 0;
    qint64 scored = 0;
    double trainSeconds = 0;
    QString winner;         // the configuration the training chose
    double temperature = 1; // and what it tuned
    int minBout = 1;
    QVector<double> thresholds;
    QString error;
};

double macroF1(const std::vector<int>& truth, const std::vector<int>& predicted, const QStringList& classes)
{
    std::vector<std::string> names;
    for (const QString& c : classes) names.push_back(c.toStdString());
    return ml::classificationReport(truth, predicted, names).macro.f1;
}

Result<Prepared> prepare(const QString& taskName, const QString& media, const QString& cache, int maxVideos,
                         qint64 maxSourceFrames, int inputSize, const FragmentSpec& spec)
{
    Prepared p;
    auto task = prepareAccuracyTask(taskName, media, cache, maxVideos, maxSourceFrames, [](const QString& line) {
        std::fprintf(stderr, "bench accuracy: made %s\n", qUtf8Printable(line));
    });
    if (!task) return task.status();
    p.task = std::move(task).value();

    // A project holding the task's videos, kept beside them so its frame caches are reused; made
    // again when the videos changed.
    const QString dir = QDir(cache).filePath(taskName + QStringLiteral("/project"));
    Result<Project> project = Project::load(dir);
    const auto matches = [&p](const Project& pr) {
        if (pr.videoCount() != int(p.task.videos.size())) return false;
        for (int v = 0; v < pr.videoCount(); ++v)
            if (pr.absoluteVideoPath(v) != QFileInfo(p.task.videos[size_t(v)].file).absoluteFilePath()
                || pr.video(v).frameCount != p.task.videos[size_t(v)].frames)
                return false;
        return true;
    };
    if (!project || !matches(*project) || !(project->spec() == spec)) {
        QDir(dir).removeRecursively();
        project = Project::create(dir, spec, p.task.classes);
        if (!project) return project.status();
        for (const DerivedVideo& v : p.task.videos) {
            VideoOpenOptions options;
            options.indexCacheDir = project->indexCacheDir();
            auto source = VideoSource::open(v.file, options);
            if (!source) return source.status();
            if ((*source)->info().frameCount != v.frames)
                return Status::failure(QStringLiteral("%1: decodes to %2 frames, made with %3")
                                           .arg(v.file)
                                           .arg((*source)->info().frameCount)
                                           .arg(v.frames));
            auto added = project->addVideo(v.file, v.frames, v.fps);
            if (!added) return added.status();
        }
        if (auto saved = project->save(); !saved) return saved;
    }
    for (int v = 0; v < project->videoCount(); ++v) {
        auto c = openModelFrames(*project, v, inputSize);
        if (!c) return c.status();
        p.modelCaches.push_back(std::move(c).value());
        auto b = openModelFrames(*project, v, kBaselineSize);
        if (!b) return b.status();
        const qint64 count = spec.count(v < int(p.task.videos.size()) ? p.task.videos[size_t(v)].frames : 0);
        std::vector<double> e(size_t(count), 0.0);
        std::vector<std::vector<float>> h(static_cast<size_t>(count));
        for (qint64 j = 0; j < count; ++j) {
            if (fragmentTruth(p.task.videos[size_t(v)], spec, j) < 0) continue;
            e[size_t(j)] = frameDifferenceEnergy(*b, spec, j);
            h[size_t(j)] = colourHistogram(*b, spec, j);
        }
        p.energy.push_back(std::move(e));
        p.histogram.push_back(std::move(h));
        p.baselineCaches.push_back(std::move(b).value());
    }
    p.project = std::move(project).value();
    return p;
}

Scores runOne(const Prepared& p, const Run& run, const TrainingRequest& base)
{
    Scores s;
    const FragmentSpec spec = p.project.spec();
    const SettingSplit split = run.setting == QLatin1String("within")
        ? withinVideoSplit(p.task, spec)
        : acrossVideoSplit(p.task, spec, std::uint64_t(run.seed));
    const auto blocks = drawLabels(p.task, spec, split.labeled, run.budget, std::uint64_t(run.seed));
    if (qEnvironmentVariableIsSet("FRAGMENTLAB_BENCH_VERBOSE")) {
        QStringList names;
        for (int v : split.labeledVideos) names << p.task.videos[size_t(v)].source;
        std::fprintf(stderr, "  labeled videos: %s\n", qUtf8Printable(names.join(QStringLiteral(", "))));
    }
    Project project = p.project;
    std::vector<std::pair<int, qint64>> labeledFragments;
    std::vector<int> labeledClasses;
    for (const LabelBlock& b : blocks) {
        if (auto set = project.setLabel(b.video, spec.firstFrame(b.firstFragment), spec.endFrame(b.endFragment - 1),
                                        p.task.classes[b.label]);
            !set) {
            s.error = set.error();
            return s;
        }
        for (qint64 f = b.firstFragment; f < b.endFragment; ++f) {
            labeledFragments.push_back({b.video, f});
            labeledClasses.push_back(b.label);
        }
    }
    s.labeled = int(labeledFragments.size());

    // Classical detectors, fitted on the labeled fragments.
    ThresholdDetector difference;
    std::vector<double> energies;
    std::vector<std::vector<float>> histograms;
    for (const auto& [v, f] : labeledFragments) {
        energies.push_back(p.energy[size_t(v)][size_t(f)]);
        histograms.push_back(p.histogram[size_t(v)][size_t(f)]);
    }
    difference.fit(energies, labeledClasses, int(p.task.classes.size()));
    NearestNeighbour nearest;
    nearest.fit(histograms, labeledClasses);

    // The default training, as one click does it.
    TrainingRequest request = base;
    request.saveModel = false;
    request.options.seed = std::uint64_t(run.seed);
    for (auto& c : request.candidates) c.options.seed = std::uint64_t(run.seed);
    TrainingJob job(project, request);
    if (qEnvironmentVariableIsSet("FRAGMENTLAB_BENCH_VERBOSE"))
        QObject::connect(&job, &TrainingJob::epochFinished, [](const EpochRecord& e) {
            std::fprintf(stderr, "  epoch %d: loss %.4f acc %.3f | validation loss %.4f macro-F1 %.3f%s\n", e.epoch,
                         e.trainLoss, e.trainAccuracy, e.validationLoss, e.validationMacroF1, e.best ? " *" : "");
        });
    QElapsedTimer clock;
    clock.start();
    if (qEnvironmentVariableIsSet("FRAGMENTLAB_BENCH_VERBOSE")) {
        QObject::connect(&job, &TrainingJob::stageChanged, [&clock](const QString& stage) {
            std::fprintf(stderr, "  %.2f s: %s\n", double(clock.nsecsElapsed()) / 1e9, qUtf8Printable(stage));
        });
        QObject::connect(&job, &TrainingJob::candidateScored, [](const CandidateScore& c) {
            std::fprintf(stderr, "  %s: %.3f ± %.3f (log loss %.3f)\n", qUtf8Printable(c.name), c.meanMacroF1,
                         c.sdMacroF1, c.logLoss);
        });
    }
    const Status trained = job.runHere();
    s.trainSeconds = double(clock.nsecsElapsed()) / 1e9;
    if (!trained) {
        s.error = trained.error();
        return s;
    }
    const ml::FragmentModel model = job.model();
    const ModelSelection& sel = job.report().selection;
    s.winner = sel.winner;
    s.temperature = sel.temperature;
    s.minBout = sel.minBout;
    s.thresholds = sel.classThresholds;
    auto predictor = ml::Predictor::create(model, ml::DeviceChoice::Cpu);
    if (!predictor) {
        s.error = QString::fromStdString(predictor.error());
        return s;
    }

    // Every fragment of the predicted part of each video (post-processing looks at neighbours),
    // scored where the ground truth is known.
    std::vector<int> truth, raw, decided, byDifference, byHistogram;
    std::map<int, std::pair<qint64, qint64>> ranges; // video -> predicted fragments [first, end)
    for (const auto& item : split.predicted.items) {
        auto [it, inserted] = ranges.try_emplace(item.video, item.fragment, item.fragment + 1);
        if (!inserted) {
            it->second.first = std::min(it->second.first, item.fragment);
            it->second.second = std::max(it->second.second, item.fragment + 1);
        }
    }
    for (const auto& [video, range] : ranges) {
        std::vector<std::int64_t> firsts;
        for (qint64 f = range.first; f < range.second; ++f) firsts.push_back(spec.firstFrame(f));
        auto predicted = predictor->predict(videoFramesOf(p.modelCaches[size_t(video)]), firsts);
        if (!predicted) {
            s.error = QString::fromStdString(predicted.error());
            return s;
        }
        std::vector<std::vector<float>> probabilities;
        for (const auto& fp : *predicted) probabilities.push_back(fp.probabilities);
        const std::vector<int> decisions = smoothedClasses(probabilities, modelSmoothing(model.info()));
        qint64 right = 0, count = 0;
        for (qint64 f = range.first; f < range.second; ++f) {
            const int t = fragmentTruth(p.task.videos[size_t(video)], spec, f);
            if (t >= 0) {
                ++count;
                right += decisions[size_t(f - range.first)] == t;
            }
            if (t < 0) continue;
            truth.push_back(t);
            raw.push_back((*predicted)[size_t(f - range.first)].predicted);
            decided.push_back(decisions[size_t(f - range.first)]);
            byDifference.push_back(difference.predict(p.energy[size_t(video)][size_t(f)]));
            byHistogram.push_back(nearest.predict(p.histogram[size_t(video)][size_t(f)]));
        }
        if (qEnvironmentVariableIsSet("FRAGMENTLAB_BENCH_VERBOSE"))
            std::fprintf(stderr, "  %s: %lld of %lld right\n", qUtf8Printable(p.task.videos[size_t(video)].source),
                         static_cast<long long>(right), static_cast<long long>(count));
    }
    s.scored = qint64(truth.size());
    s.model = macroF1(truth, decided, p.task.classes);
    s.modelRaw = macroF1(truth, raw, p.task.classes);
    s.difference = macroF1(truth, byDifference, p.task.classes);
    s.histogram = macroF1(truth, byHistogram, p.task.classes);
    return s;
}

struct Summary {
    double mean = 0;
    double sd = 0;
};

Summary summarise(const std::vector<double>& v)
{
    Summary s;
    if (v.empty()) return s;
    for (double x : v) s.mean += x;
    s.mean /= double(v.size());
    if (v.size() > 1) {
        double q = 0;
        for (double x : v) q += (x - s.mean) * (x - s.mean);
        s.sd = std::sqrt(q / double(v.size() - 1));
    }
    return s;
}

QString cell(const Summary& s)
{
    return QStringLiteral("%1 ± %2").arg(s.mean, 0, 'f', 3).arg(s.sd, 0, 'f', 3);
}

std::vector<int> parseList(const QString& text, bool* ok)
{
    std::vector<int> out;
    *ok = true;
    for (const QString& part : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        bool good = false;
        const int v = part.trimmed().toInt(&good);
        if (!good || v <= 0) *ok = false;
        out.push_back(v);
    }
    *ok = *ok && !out.empty();
    return out;
}

QString defaultMediaDir()
{
    const QByteArray env = qgetenv("FRAGMENTLAB_SHARED_MEDIA");
    if (!env.isEmpty()) return QString::fromLocal8Bit(env);
    return QDir::current().absoluteFilePath(QStringLiteral("../shared/media"));
}

QString defaultCacheDir()
{
    const QString base = QStandardPaths::writableLocation(QStandardPaths::GenericCacheLocation);
    return QDir(base.isEmpty() ? QDir::tempPath() : base).filePath(QStringLiteral("fragmentlab/bench-accuracy"));
}

} // namespace

int runBenchAccuracy(const QStringList& argv)
{
    ArgParser args(
        QStringLiteral("fragmentlab-cli bench accuracy [--media DIR] [--cache DIR] [--tasks LIST] [--settings LIST] "
                       "[--budgets LIST] [--seeds LIST] [--quick] [--jobs N] [--max-videos N] [--max-source-frames N] "
                       "[--json FILE] [--markdown FILE] [training options]"));
    addTrainingOptions(args);
    args.addValue(QStringLiteral("media"), QStringLiteral("DIR"),
                  QStringLiteral("the real videos (default $FRAGMENTLAB_SHARED_MEDIA, else ../shared/media)"));
    args.addValue(QStringLiteral("cache"), QStringLiteral("DIR"),
                  QStringLiteral("where the derived videos and their frame caches are kept"));
    args.addValue(QStringLiteral("tasks"), QStringLiteral("LIST"),
                  QStringLiteral("frozen,direction,colour,inset (default all)"));
    args.addValue(QStringLiteral("settings"), QStringLiteral("LIST"), QStringLiteral("within,across (default both)"));
    args.addValue(QStringLiteral("budgets"), QStringLiteral("LIST"),
                  QStringLiteral("labeled fragments per run (default 25,50,100,200)"));
    args.addValue(QStringLiteral("seeds"), QStringLiteral("LIST"), QStringLiteral("seeds (default 1,2,3)"));
    args.addFlag(QStringLiteral("quick"), QStringLiteral("the smaller grid: budgets 25,100, seed 1"));
    args.addValue(QStringLiteral("jobs"), QStringLiteral("N"),
                  QStringLiteral("runs at once, one LibTorch thread each (default: the number of cores)"));
    args.addValue(QStringLiteral("max-videos"), QStringLiteral("N"), QStringLiteral("use at most N videos per task"));
    args.addValue(QStringLiteral("max-source-frames"), QStringLiteral("N"),
                  QStringLiteral("read at most N frames of each source video"));
    args.addValue(QStringLiteral("json"), QStringLiteral("FILE"),
                  QStringLiteral("write every run and the summary as JSON"));
    args.addValue(QStringLiteral("markdown"), QStringLiteral("FILE"),
                  QStringLiteral("write the summary table as Markdown"));
    if (auto exit = args.parse(argv, 0, 0)) return *exit;
    int exit = Ok;
    auto request = parseTrainingOptions(args, &exit);
    if (!request) return exit;
    // The benchmark compares on the CPU unless --device says otherwise.
    if (request->options.device == ml::DeviceChoice::Auto) request->options.device = ml::DeviceChoice::Cpu;
    for (auto& c : request->candidates)
        if (c.options.device == ml::DeviceChoice::Auto) c.options.device = ml::DeviceChoice::Cpu;

    const QString cache = args.isSet(QStringLiteral("cache")) ? args.value(QStringLiteral("cache")) : defaultCacheDir();
    QStringList tasks = accuracyTaskNames();
    if (args.isSet(QStringLiteral("tasks"))) {
        tasks = args.value(QStringLiteral("tasks")).split(QLatin1Char(','), Qt::SkipEmptyParts);
        for (const QString& t : tasks)
            if (!accuracyTaskNames().contains(t))
                return usageError(QStringLiteral("--tasks: unknown task '%1' (%2)")
                                      .arg(t, accuracyTaskNames().join(QLatin1Char(','))),
                                  args.usage);
    }
    QStringList settings{QStringLiteral("within"), QStringLiteral("across")};
    if (args.isSet(QStringLiteral("settings"))) {
        settings = args.value(QStringLiteral("settings")).split(QLatin1Char(','), Qt::SkipEmptyParts);
        for (const QString& s : settings)
            if (s != QLatin1String("within") && s != QLatin1String("across"))
                return usageError(QStringLiteral("--settings: unknown setting '%1' (within,across)").arg(s),
                                  args.usage);
    }
    const bool quick = args.isSet(QStringLiteral("quick"));
    bool ok = true;
    std::vector<int> budgets = quick ? std::vector<int>{25, 100} : std::vector<int>{25, 50, 100, 200};
    if (args.isSet(QStringLiteral("budgets"))) {
        budgets = parseList(args.value(QStringLiteral("budgets")), &ok);
        if (!ok)
            return usageError(QStringLiteral("--budgets must be positive integers separated by commas"), args.usage);
    }
    std::vector<int> seeds = quick ? std::vector<int>{1} : std::vector<int>{1, 2, 3};
    if (args.isSet(QStringLiteral("seeds"))) {
        seeds = parseList(args.value(QStringLiteral("seeds")), &ok);
        if (!ok) return usageError(QStringLiteral("--seeds must be positive integers separated by commas"), args.usage);
    }
    const auto jobs = args.integer(QStringLiteral("jobs"), qint64(std::max(1u, std::thread::hardware_concurrency())), 1,
                                   64, &exit);
    if (!jobs) return exit;
    const auto maxVideos = args.integer(QStringLiteral("max-videos"), 0, 0, 100, &exit);
    if (!maxVideos) return exit;
    const auto maxSourceFrames = args.integer(QStringLiteral("max-source-frames"), 0, 0, 1000000, &exit);
    if (!maxSourceFrames) return exit;

    const QString media = args.isSet(QStringLiteral("media")) ? args.value(QStringLiteral("media")) : defaultMediaDir();
    if (!QFileInfo(media).isDir()) {
        printLine(QStringLiteral("bench accuracy: skipped: %1 not found (the real videos; --media DIR)").arg(media));
        return Skipped;
    }

    QElapsedTimer wall;
    wall.start();
    const FragmentSpec spec; // the default: T = 4, stride 4, step 1
    std::vector<Prepared> prepared;
    for (const QString& t : tasks) {
        auto p = prepare(t, media, cache, int(*maxVideos), *maxSourceFrames, request->options.model.inputSize, spec);
        if (!p) return fail(p.error());
        prepared.push_back(std::move(p).value());
    }
    const double prepareSeconds = double(wall.nsecsElapsed()) / 1e9;

    std::vector<Run> runs;
    for (int t = 0; t < int(prepared.size()); ++t)
        for (const QString& setting : settings)
            for (int budget : budgets)
                for (int seed : seeds) runs.push_back({t, setting, budget, seed});

    // Small models train best one LibTorch thread each, several runs at once.
    if (*jobs > 1) ml::configureTorchRuntime(1);
    std::vector<Scores> results(runs.size());
    std::atomic<size_t> next{0};
    std::atomic<int> done{0};
    std::mutex printMutex;
    const auto worker = [&]() {
        for (size_t i = next++; i < runs.size(); i = next++) {
            const Run& r = runs[i];
            results[i] = runOne(prepared[size_t(r.task)], r, *request);
            std::lock_guard lock(printMutex);
            const Scores& s = results[i];
            std::fprintf(
                stderr,
                "bench accuracy: [%d/%zu] %s %s budget %d seed %d: model %.3f (raw %.3f) difference %.3f histogram %.3f%s%s (%.1f s)\n",
                ++done, runs.size(), qUtf8Printable(prepared[size_t(r.task)].task.name), qUtf8Printable(r.setting),
                r.budget, r.seed, s.model, s.modelRaw, s.difference, s.histogram,
                s.winner.isEmpty() ? "" : qUtf8Printable(QStringLiteral(" [%1]").arg(s.winner)),
                s.error.isEmpty() ? "" : qUtf8Printable(QStringLiteral(" ERROR: %1").arg(s.error)), s.trainSeconds);
        }
    };
    std::vector<std::thread> threads;
    for (int k = 1; k < *jobs; ++k) threads.emplace_back(worker);
    worker();
    for (auto& t : threads) t.join();
    const double totalSeconds = double(wall.nsecsElapsed()) / 1e9;

    // Summary: per task x setting x budget, mean and sd over the seeds.
    QJsonArray runList;
    for (size_t i = 0; i < runs.size(); ++i) {
        const Run& r = runs[i];
        const Scores& s = results[i];
        runList.append(QJsonObject{{QStringLiteral("task"), prepared[size_t(r.task)].task.name},
                                   {QStringLiteral("setting"), r.setting},
                                   {QStringLiteral("budget"), r.budget},
                                   {QStringLiteral("seed"), r.seed},
                                   {QStringLiteral("labeled"), s.labeled},
                                   {QStringLiteral("scored"), s.scored},
                                   {QStringLiteral("model"), s.model},
                                   {QStringLiteral("model_raw"), s.modelRaw},
                                   {QStringLiteral("frame_difference"), s.difference},
                                   {QStringLiteral("colour_histogram"), s.histogram},
                                   {QStringLiteral("train_seconds"), s.trainSeconds},
                                   {QStringLiteral("winner"), s.winner},
                                   {QStringLiteral("temperature"), s.temperature},
                                   {QStringLiteral("min_bout"), s.minBout},
                                   {QStringLiteral("class_thresholds"),
                                    [&s] {
                                        QJsonArray a;
                                        for (double t : s.thresholds) a.append(t);
                                        return a;
                                    }()},
                                   {QStringLiteral("error"), s.error}});
    }
    QStringList table;
    table << QStringLiteral(
        "| task | setting | labels | model | model, argmax only | frame difference | colour histogram | model ≥ best baseline | train s |");
    table << QStringLiteral("|---|---|---:|---:|---:|---:|---:|:---:|---:|");
    QJsonArray summary;
    int failures = 0;
    int below = 0;
    for (int t = 0; t < int(prepared.size()); ++t) {
        for (const QString& setting : settings) {
            for (int budget : budgets) {
                std::vector<double> m, raw, d, h, secs;
                int labeled = 0;
                for (size_t i = 0; i < runs.size(); ++i) {
                    const Run& r = runs[i];
                    if (r.task != t || r.setting != setting || r.budget != budget) continue;
                    if (!results[i].error.isEmpty()) {
                        ++failures;
                        continue;
                    }
                    m.push_back(results[i].model);
                    raw.push_back(results[i].modelRaw);
                    d.push_back(results[i].difference);
                    h.push_back(results[i].histogram);
                    secs.push_back(results[i].trainSeconds);
                    labeled = std::max(labeled, results[i].labeled);
                }
                const Summary sm = summarise(m), sr = summarise(raw), sd = summarise(d), sh = summarise(h),
                              st = summarise(secs);
                const bool wins = sm.mean + 1e-9 >= std::max(sd.mean, sh.mean);
                below += wins ? 0 : 1;
                table << QStringLiteral("| %1 | %2 | %3 | %4 | %5 | %6 | %7 | %8 | %9 |")
                             .arg(prepared[size_t(t)].task.name, setting)
                             .arg(labeled < budget ? QStringLiteral("%1 (%2)").arg(budget).arg(labeled)
                                                   : QString::number(budget))
                             .arg(cell(sm), cell(sr), cell(sd), cell(sh),
                                  wins ? QStringLiteral("yes") : QStringLiteral("**no**"))
                             .arg(st.mean, 0, 'f', 1);
                summary.append(QJsonObject{{QStringLiteral("task"), prepared[size_t(t)].task.name},
                                           {QStringLiteral("setting"), setting},
                                           {QStringLiteral("budget"), budget},
                                           {QStringLiteral("model_mean"), sm.mean},
                                           {QStringLiteral("model_sd"), sm.sd},
                                           {QStringLiteral("model_raw_mean"), sr.mean},
                                           {QStringLiteral("frame_difference_mean"), sd.mean},
                                           {QStringLiteral("frame_difference_sd"), sd.sd},
                                           {QStringLiteral("colour_histogram_mean"), sh.mean},
                                           {QStringLiteral("colour_histogram_sd"), sh.sd},
                                           {QStringLiteral("train_seconds_mean"), st.mean},
                                           {QStringLiteral("model_at_least_best_baseline"), wins}});
            }
        }
    }
    const QString footer =
        QStringLiteral(
            "%1 runs on %2 job(s), %3 s in all (%4 s making videos and frame caches); %5 cell(s) below the best baseline%6")
            .arg(runs.size())
            .arg(*jobs)
            .arg(totalSeconds, 0, 'f', 0)
            .arg(prepareSeconds, 0, 'f', 0)
            .arg(below)
            .arg(failures ? QStringLiteral(", %1 failed run(s)").arg(failures) : QString());
    for (const QString& line : table) printLine(line);
    printLine(QString());
    printLine(footer);
    if (args.isSet(QStringLiteral("markdown"))) {
        QFile f(args.value(QStringLiteral("markdown")));
        if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return fail(QStringLiteral("%1: cannot write it").arg(f.fileName()));
        f.write((table.join(QLatin1Char('\n')) + QStringLiteral("\n\n") + footer + QLatin1Char('\n')).toUtf8());
    }
    if (args.isSet(QStringLiteral("json"))) {
        const QJsonObject o{{QStringLiteral("runs"), runList},
                            {QStringLiteral("summary"), summary},
                            {QStringLiteral("seconds"), totalSeconds},
                            {QStringLiteral("prepare_seconds"), prepareSeconds},
                            {QStringLiteral("jobs"), int(*jobs)},
                            {QStringLiteral("settings"), trainingSettingsJson(*request)}};
        QFile f(args.value(QStringLiteral("json")));
        if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return fail(QStringLiteral("%1: cannot write it").arg(f.fileName()));
        f.write(QJsonDocument(o).toJson(QJsonDocument::Indented));
    }
    return failures ? Failure : Ok;
}

} // namespace fl::cli
