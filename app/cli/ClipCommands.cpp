// fragmentlab-cli clips: video clips of scenes, predicted bouts or frame ranges (docs/EXPORTS.md).
#include "CliArgs.h"
#include "CliOutput.h"
#include "Commands.h"

#include "analysis/VideoAnalysis.h"
#include "clips/ClipExport.h"
#include "clips/ClipRanges.h"
#include "project/FileBytes.h"
#include "project/Project.h"
#include "training/ModelStore.h"
#include "training/PredictionStore.h"
#include "training/TrainingReport.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <cstdio>

namespace fl::cli {

namespace {

struct ClipJob {
    QString path; // absolute video path
    QString name; // file name as shown
    VideoOpenOptions open;
    std::vector<ClipRange> ranges;
};

// The decisions the views start from for the active model: its report's tuned class
// thresholds and minimum bout (PredictionWorkspace::loadModelDecisions does the same).
SmoothingOptions activeModelDecisions(const Project& project)
{
    SmoothingOptions o;
    const QString model = project.activeModelFile();
    if (model.isEmpty()) return o;
    if (auto report = TrainingReport::load(ModelStore::reportFileFor(model))) {
        o.classThresholds.assign(report->selection.classThresholds.begin(), report->selection.classThresholds.end());
        o.minBout = std::max(1, report->selection.minBout);
    }
    return o;
}

Result<std::vector<FrameSegment>> detectScenes(const QString& path, const VideoOpenOptions& open)
{
    WorkControl control;
    control.progress = stderrProgress();
    VideoAnalysisOptions options;
    options.sampleFrames = false;
    auto analysis = analyzeVideo(path, options, open, control);
    endProgress();
    if (!analysis) return analysis.status();
    return analysis->scenes.scenes();
}

} // namespace

int runClips(const QStringList& argv)
{
    ArgParser args(QStringLiteral(
        "fragmentlab-cli clips VIDEO|PROJECT -o DIR [--scenes | --class NAME | --ranges CSV] [--copy | --reencode]"));
    args.addValue(QStringLiteral("output"), QStringLiteral("DIR"), QStringLiteral("folder for the clips"),
                  QStringLiteral("o"));
    args.addFlag(QStringLiteral("scenes"), QStringLiteral("one clip per scene (the default): VIDEONAME-Scene-001.mp4"));
    args.addValue(QStringLiteral("class"), QStringLiteral("NAME"),
                  QStringLiteral("one clip per bout predicted as NAME (PROJECT with predictions)"));
    args.addValue(QStringLiteral("ranges"), QStringLiteral("CSV"),
                  QStringLiteral("one clip per line first,last[,name] (frames, last exclusive; VIDEO only)"));
    args.addFlag(QStringLiteral("copy"), QStringLiteral("stream copy only; clips that cannot be copied fail"));
    args.addFlag(QStringLiteral("reencode"), QStringLiteral("re-encode every clip (frame-exact)"));
    if (auto exit = args.parse(argv, 1, 1)) return *exit;
    if (!args.isSet(QStringLiteral("output"))) return usageError(QStringLiteral("missing -o DIR"), args.usage);
    const int sources = int(args.isSet(QStringLiteral("scenes"))) + int(args.isSet(QStringLiteral("class")))
        + int(args.isSet(QStringLiteral("ranges")));
    if (sources > 1) return usageError(QStringLiteral("give one of --scenes, --class, --ranges"), args.usage);
    if (args.isSet(QStringLiteral("copy")) && args.isSet(QStringLiteral("reencode")))
        return usageError(QStringLiteral("give --copy or --reencode, not both"), args.usage);
    ClipOptions options;
    if (args.isSet(QStringLiteral("copy"))) options.mode = ClipMode::Copy;
    if (args.isSet(QStringLiteral("reencode"))) options.mode = ClipMode::Reencode;
    const QString outDir = args.value(QStringLiteral("output"));
    const QString input = args.positional().at(0);
    const QFileInfo inputInfo(input);
    const bool isProject = inputInfo.isDir() || inputInfo.fileName() == Project::projectFileName();

    std::vector<ClipJob> jobs;
    if (isProject) {
        auto project = Project::load(input);
        if (!project) return fail(project.error());
        if (project->videoCount() == 0)
            return fail(QStringLiteral("%1: the project has no videos").arg(project->dir()));
        if (args.isSet(QStringLiteral("ranges")))
            return fail(
                QStringLiteral("%1: --ranges cuts one video: give the video file instead of the project").arg(input));
        std::vector<VideoPredictions> predictions;
        SmoothingOptions decisions;
        const QString cls = args.value(QStringLiteral("class"));
        if (args.isSet(QStringLiteral("class"))) {
            auto stored = PredictionStore::freshActive(*project);
            if (!stored) return fail(stored.error());
            if (stored->front().classIndex(cls) < 0)
                return fail(
                    QStringLiteral("%1: the active model has no class \"%2\" (it knows %3)")
                        .arg(project->activeModelFile(), cls, stored->front().classes.join(QStringLiteral(", "))));
            predictions = std::move(stored).value();
            decisions = activeModelDecisions(*project);
        }
        for (int i = 0; i < project->videoCount(); ++i) {
            ClipJob job;
            job.path = project->absoluteVideoPath(i);
            job.name = project->video(i).fileName();
            job.open.indexCacheDir = project->indexCacheDir();
            if (args.isSet(QStringLiteral("class"))) {
                const VideoPredictions* p = nullptr;
                for (const VideoPredictions& v : predictions)
                    if (v.video == job.name) p = &v;
                if (!p) {
                    std::fprintf(stderr, "fragmentlab-cli: %s: no up-to-date predictions, skipped (run predict)\n",
                                 qPrintable(job.name));
                    continue;
                }
                job.ranges = boutClips(*p, decisions, p->classIndex(cls), job.name);
                if (job.ranges.empty()) {
                    std::fprintf(stderr, "fragmentlab-cli: %s: no bout predicted as %s\n", qPrintable(job.name),
                                 qPrintable(cls));
                    continue;
                }
            } else {
                job.ranges = sceneClips(project->savedScenes(i), job.name); // empty: detected below
            }
            jobs.push_back(job);
        }
        if (jobs.empty()) return fail(QStringLiteral("%1: no clips to export").arg(input));
    } else {
        if (args.isSet(QStringLiteral("class")))
            return fail(QStringLiteral("%1: --class %2 needs predictions, which exist only in a project with a "
                                       "trained model; give the project folder")
                            .arg(input, args.value(QStringLiteral("class"))));
        ClipJob job;
        job.path = inputInfo.absoluteFilePath();
        job.name = inputInfo.fileName();
        if (args.isSet(QStringLiteral("ranges"))) {
            const QString csv = args.value(QStringLiteral("ranges"));
            auto bytes = readFileBytes(csv);
            if (!bytes) return fail(bytes.error());
            auto ranges = parseClipRangesCsv(*bytes, csv,
                                             QFileInfo(job.name).completeBaseName() + QStringLiteral("-Clip"));
            if (!ranges) return fail(ranges.error());
            job.ranges = std::move(ranges).value();
        }
        jobs.push_back(job);
    }

    int written = 0;
    int failed = 0;
    for (ClipJob& job : jobs) {
        if (job.ranges.empty()) { // scenes: detect them with the default options
            auto scenes = detectScenes(job.path, job.open);
            if (!scenes) return fail(scenes.error());
            job.ranges = sceneClips(*scenes, job.name);
        }
        ClipOptions o = options;
        o.open = job.open;
        WorkControl control;
        control.progress = stderrProgress();
        auto report = exportClips(job.path, job.ranges, outDir, o, control);
        endProgress();
        if (!report) return fail(report.error());
        for (const ExportedClip& c : report->clips) {
            printLine(QStringLiteral("%1\t%2\t%3\t%4")
                          .arg(QDir::toNativeSeparators(c.file))
                          .arg(c.first)
                          .arg(c.last)
                          .arg(c.copied ? QStringLiteral("copy") : QStringLiteral("reencode")));
            ++written;
        }
        for (const QString& line : report->failures) {
            std::fprintf(stderr, "fragmentlab-cli: %s\n", qPrintable(line));
            ++failed;
        }
    }
    if (failed > 0) {
        std::fprintf(stderr, "fragmentlab-cli: %d of %d clips failed\n", failed, failed + written);
        return Failure;
    }
    return Ok;
}

} // namespace fl::cli
