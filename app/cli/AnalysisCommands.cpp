// fragmentlab-cli scenes / keyframes
#include "CliArgs.h"
#include "CliOutput.h"
#include "Commands.h"

#include "analysis/CmxEdl.h"
#include "analysis/FfmpegChapters.h"
#include "analysis/KeyframeExport.h"
#include "analysis/KeyframeSelector.h"
#include "analysis/SceneListExport.h"
#include "analysis/Timecode.h"
#include "analysis/VideoAnalysis.h"
#include "project/Project.h"
#include "training/PredictionStore.h"

#include <cstdio>

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>

#include <map>

namespace fl::cli {

namespace {

void addSceneOptions(ArgParser& args)
{
    const SceneDetectorOptions d;
    args.addValue(QStringLiteral("threshold"), QStringLiteral("X"),
                  QStringLiteral("content score that starts a new scene (default %1)").arg(d.threshold));
    args.addValue(QStringLiteral("min-scene-len"), QStringLiteral("N"),
                  QStringLiteral("minimum scene length in frames (default %1)").arg(d.minSceneLength));
    args.addFlag(QStringLiteral("fade"),
                 QStringLiteral("transitions through black are one boundary each (the default; kept for scripts)"));
    args.addFlag(QStringLiteral("no-fade"), QStringLiteral("no transitions through black: content cuts only"));
    args.addFlag(QStringLiteral("fade-middle"),
                 QStringLiteral("put a transition through black's boundary in the middle of its dark frames "
                                "(PySceneDetect's detect-threshold)"));
    args.addFlag(QStringLiteral("no-dissolve"), QStringLiteral("do not look for dissolves (cross-fades)"));
    args.addValue(QStringLiteral("dissolve-window"), QStringLiteral("N"),
                  QStringLiteral("frames on each side of a dissolve's middle that are compared (default %1; 0: off)")
                      .arg(d.dissolveWindow));
    args.addValue(QStringLiteral("flash-length"), QStringLiteral("N"),
                  QStringLiteral("two cuts at most N frames apart that return to the picture are a flash, no cut "
                                 "(default %1; 0: off)")
                      .arg(d.flashLength));
    args.addValue(
        QStringLiteral("fade-threshold"), QStringLiteral("X"),
        QStringLiteral("mean brightness (0..255) below which a frame is dark (default %1)").arg(d.fadeThreshold));
    args.addValue(QStringLiteral("adaptive-ratio"), QStringLiteral("X"),
                  QStringLiteral("also cut where the score is X times its neighbours' (default %1; 0: off)")
                      .arg(d.adaptiveRatio));
}

std::optional<double> realOption(const ArgParser& args, const QString& name, double fallback, int* exit)
{
    if (!args.isSet(name)) return fallback;
    bool ok = false;
    const double v = args.value(name).toDouble(&ok);
    if (!ok) {
        *exit = usageError(QStringLiteral("--%1 must be a number, got '%2'").arg(name, args.value(name)), args.usage);
        return std::nullopt;
    }
    return v;
}

std::optional<SceneDetectorOptions> parseSceneOptions(const ArgParser& args, int* exit)
{
    SceneDetectorOptions o;
    const auto threshold = realOption(args, QStringLiteral("threshold"), o.threshold, exit);
    if (!threshold) return std::nullopt;
    const auto fadeThreshold = realOption(args, QStringLiteral("fade-threshold"), o.fadeThreshold, exit);
    if (!fadeThreshold) return std::nullopt;
    const auto ratio = realOption(args, QStringLiteral("adaptive-ratio"), o.adaptiveRatio, exit);
    if (!ratio) return std::nullopt;
    const auto minLength = args.integer(QStringLiteral("min-scene-len"), o.minSceneLength, 1, 1000000, exit);
    if (!minLength) return std::nullopt;
    o.threshold = *threshold;
    o.fadeThreshold = *fadeThreshold;
    o.adaptiveRatio = *ratio;
    o.minSceneLength = int(*minLength);
    if (args.isSet(QStringLiteral("fade")) && args.isSet(QStringLiteral("no-fade"))) {
        *exit = usageError(QStringLiteral("--fade and --no-fade contradict each other"), args.usage);
        return std::nullopt;
    }
    o.fadeAware = !args.isSet(QStringLiteral("no-fade"));
    o.fadeAtMiddle = args.isSet(QStringLiteral("fade-middle"));
    o.dissolves = !args.isSet(QStringLiteral("no-dissolve"));
    const auto window = args.integer(QStringLiteral("dissolve-window"), o.dissolveWindow, 0, 100, exit);
    if (!window) return std::nullopt;
    o.dissolveWindow = int(*window);
    const auto flash = args.integer(QStringLiteral("flash-length"), o.flashLength, 0, 100, exit);
    if (!flash) return std::nullopt;
    o.flashLength = int(*flash);
    if (o.dissolveWindow == 0) o.dissolves = false;
    if (Status s = o.validate(); !s) {
        *exit = usageError(s.error(), args.usage);
        return std::nullopt;
    }
    return o;
}

Result<VideoAnalysis> analyzeWithProgress(const QString& path, const VideoAnalysisOptions& options,
                                          const VideoOpenOptions& open = {})
{
    WorkControl control;
    control.progress = stderrProgress();
    auto analysis = analyzeVideo(path, options, open, control);
    endProgress();
    return analysis;
}

} // namespace

int runScenes(const QStringList& argv)
{
    ArgParser args(QStringLiteral(
        "fragmentlab-cli scenes VIDEO [--threshold X] [--min-scene-len N] [--no-fade] [--fade-middle] [--no-dissolve] "
        "[-o cuts.csv] [--json] [--stats FILE]"));
    addSceneOptions(args);
    args.addValue(QStringLiteral("output"), QStringLiteral("FILE"),
                  QStringLiteral("write the cuts as CSV (frame,time_s,timecode,kind,score)"), QStringLiteral("o"));
    args.addValue(QStringLiteral("stats"), QStringLiteral("FILE"), QStringLiteral("write per-frame scores as CSV"));
    args.addFlag(QStringLiteral("json"), QStringLiteral("machine-readable output"));
    if (auto exit = args.parse(argv, 1, 1)) return *exit;
    int exit = Ok;
    const auto sceneOptions = parseSceneOptions(args, &exit);
    if (!sceneOptions) return exit;

    VideoAnalysisOptions options;
    options.scenes = *sceneOptions;
    options.sampleFrames = false;
    auto analysis = analyzeWithProgress(args.positional().at(0), options);
    if (!analysis) return fail(analysis.error());

    if (args.isSet(QStringLiteral("output"))) {
        if (Status s = writeSceneCutsCsv(args.value(QStringLiteral("output")), *analysis); !s) return fail(s.error());
    }
    if (args.isSet(QStringLiteral("stats"))) {
        if (Status s = writeSceneStatsCsv(args.value(QStringLiteral("stats")), *analysis); !s) return fail(s.error());
    }

    const SceneDetection& scenes = analysis->scenes;
    if (args.isSet(QStringLiteral("json"))) {
        const TimecodeFormat tc = TimecodeFormat::forRate(analysis->info.nominalFps);
        QJsonObject o;
        o[QStringLiteral("video")] = analysis->info.path;
        o[QStringLiteral("frame_count")] = analysis->info.frameCount;
        o[QStringLiteral("fps")] = analysis->info.nominalFps;
        o[QStringLiteral("threshold")] = scenes.options.threshold;
        o[QStringLiteral("min_scene_len")] = scenes.options.minSceneLength;
        o[QStringLiteral("adaptive_ratio")] = scenes.options.adaptiveRatio;
        o[QStringLiteral("fade")] = scenes.options.fadeAware;
        o[QStringLiteral("fade_threshold")] = scenes.options.fadeThreshold;
        o[QStringLiteral("fade_middle")] = scenes.options.fadeAtMiddle;
        o[QStringLiteral("dissolve")] = scenes.options.dissolves;
        o[QStringLiteral("dissolve_window")] = scenes.options.dissolveWindow;
        o[QStringLiteral("seconds")] = analysis->seconds;
        o[QStringLiteral("frames_per_second")] = analysis->framesPerSecond();
        QJsonArray cuts;
        for (const SceneCut& c : scenes.cuts) {
            QJsonObject j{{QStringLiteral("frame"), c.frame},
                          {QStringLiteral("time_s"), analysis->frameTimesMs[size_t(c.frame)] / 1000.0},
                          {QStringLiteral("timecode"), tc.format(c.frame)},
                          {QStringLiteral("kind"), SceneCut::kindName(c.kind)},
                          {QStringLiteral("score"), c.score}};
            if (c.kind == SceneCut::Kind::Fade) {
                j[QStringLiteral("dark_start")] = c.darkStart;
                j[QStringLiteral("dark_end")] = c.darkEnd;
            } else if (c.kind == SceneCut::Kind::Dissolve) {
                j[QStringLiteral("dissolve_start")] = c.spanStart;
                j[QStringLiteral("dissolve_end")] = c.spanEnd;
            }
            cuts.append(j);
        }
        o[QStringLiteral("cuts")] = cuts;
        QJsonArray scenesJson;
        for (const FrameSegment& s : scenes.scenes())
            scenesJson.append(
                QJsonObject{{QStringLiteral("start_frame"), s.start}, {QStringLiteral("end_frame"), s.end}});
        o[QStringLiteral("scenes")] = scenesJson;
        printJson(o);
        return Ok;
    }
    for (const SceneCut& c : scenes.cuts) printLine(QString::number(c.frame));
    return Ok;
}

namespace {

// One video to pull keyframes from.
struct KeyframeSource {
    QString path; // absolute
    QString name; // file name (as the project names it)
    VideoOpenOptions open;
    const VideoPredictions* predictions = nullptr; // with --class
};

// "chapters.txt" + "clip" -> "chapters_clip.txt" (one chapter file per video of a project).
QString perVideoFile(const QString& file, const QString& videoBase)
{
    const QFileInfo info(file);
    const QString suffix = info.suffix().isEmpty() ? QString() : QLatin1Char('.') + info.suffix();
    return QDir(info.path()).filePath(info.completeBaseName() + QLatin1Char('_') + videoBase + suffix);
}

} // namespace

int runKeyframes(const QStringList& argv)
{
    ArgParser args(
        QStringLiteral("fragmentlab-cli keyframes DIR|VIDEO -o OUTDIR [--per-scene N] [--format png|jpg] [--edl FILE] "
                       "[--csv FILE] [--chapters FILE] [--class NAME] [scene options]"));
    addSceneOptions(args);
    args.addValue(QStringLiteral("output"), QStringLiteral("OUTDIR"), QStringLiteral("folder for the keyframe images"),
                  QStringLiteral("o"));
    args.addValue(QStringLiteral("per-scene"), QStringLiteral("N"), QStringLiteral("keyframes per scene (default 3)"));
    args.addValue(QStringLiteral("format"), QStringLiteral("png|jpg"), QStringLiteral("image format (default png)"));
    args.addValue(QStringLiteral("edl"), QStringLiteral("FILE"),
                  QStringLiteral("also write a CMX 3600 EDL of the scenes"));
    args.addValue(QStringLiteral("csv"), QStringLiteral("FILE"),
                  QStringLiteral("also write the keyframe table as CSV"));
    args.addValue(QStringLiteral("chapters"), QStringLiteral("FILE"),
                  QStringLiteral("also write FFmpeg chapter metadata of the scenes"));
    args.addValue(QStringLiteral("class"), QStringLiteral("NAME"),
                  QStringLiteral("keyframes of runs predicted as NAME (needs predictions)"));
    if (auto exit = args.parse(argv, 1, 1)) return *exit;
    if (!args.isSet(QStringLiteral("output"))) return usageError(QStringLiteral("missing -o OUTDIR"), args.usage);
    int exit = Ok;
    const auto sceneOptions = parseSceneOptions(args, &exit);
    if (!sceneOptions) return exit;
    KeyframeOptions keyOptions;
    const auto perScene = args.integer(QStringLiteral("per-scene"), keyOptions.perSegment, 1, 1000, &exit);
    if (!perScene) return exit;
    keyOptions.perSegment = int(*perScene);
    const QString formatName = args.isSet(QStringLiteral("format")) ? args.value(QStringLiteral("format")).toLower()
                                                                    : QStringLiteral("png");
    if (formatName != QLatin1String("png") && formatName != QLatin1String("jpg") && formatName != QLatin1String("jpeg"))
        return usageError(
            QStringLiteral("--format must be png or jpg, got '%1'").arg(args.value(QStringLiteral("format"))),
            args.usage);
    const KeyframeImageFormat format = formatName == QLatin1String("png") ? KeyframeImageFormat::Png
                                                                          : KeyframeImageFormat::Jpeg;
    const QString outDir = args.value(QStringLiteral("output"));
    const QString input = args.positional().at(0);

    // What to read: a bare video, or every video of a project.
    std::vector<KeyframeSource> sources;
    std::vector<VideoPredictions> predictions; // with --class: the active model's stored predictions
    const QFileInfo inputInfo(input);
    const bool isProject = inputInfo.isDir() || inputInfo.fileName() == Project::projectFileName();
    if (isProject) {
        auto project = Project::load(input);
        if (!project) return fail(project.error());
        if (project->videoCount() == 0)
            return fail(QStringLiteral("%1: the project has no videos").arg(project->dir()));
        if (args.isSet(QStringLiteral("class"))) {
            // Runs of fragments the active model predicted as the class (stored by `predict`).
            auto stored = PredictionStore::freshActive(*project);
            if (!stored) return fail(stored.error());
            const QString cls = args.value(QStringLiteral("class"));
            if (stored->front().classIndex(cls) < 0)
                return fail(
                    QStringLiteral("%1: the active model has no class \"%2\" (it knows %3)")
                        .arg(project->activeModelFile(), cls, stored->front().classes.join(QStringLiteral(", "))));
            predictions = std::move(stored).value();
        }
        for (int i = 0; i < project->videoCount(); ++i) {
            KeyframeSource s;
            s.path = project->absoluteVideoPath(i);
            s.name = project->video(i).fileName();
            s.open.indexCacheDir = project->indexCacheDir();
            if (args.isSet(QStringLiteral("class"))) {
                for (const VideoPredictions& p : predictions)
                    if (p.video == s.name) s.predictions = &p;
                if (!s.predictions) {
                    std::fprintf(stderr, "fragmentlab-cli: %s: no up-to-date predictions, skipped (run predict)\n",
                                 qPrintable(s.name));
                    continue;
                }
            }
            sources.push_back(s);
        }
    } else {
        if (args.isSet(QStringLiteral("class")))
            return fail(
                QStringLiteral("%1: --class %2 needs predictions, which exist only in a project with a trained model; "
                               "leave out --class for keyframes per scene")
                    .arg(input, args.value(QStringLiteral("class"))));
        sources.push_back({inputInfo.absoluteFilePath(), inputInfo.fileName(), {}});
    }
    if (sources.empty())
        return fail(QStringLiteral("%1: no video has up-to-date predictions; run predict first").arg(input));
    // Image names: the video's base name, or its whole file name where two videos share one.
    std::map<QString, int> baseCount;
    for (const KeyframeSource& s : sources) ++baseCount[QFileInfo(s.name).completeBaseName()];

    VideoAnalysisOptions options;
    options.scenes = *sceneOptions;
    std::vector<KeyframeTable> tables;
    std::vector<EdlEvent> events;
    std::vector<TimecodeFormat> formats;
    QStringList written;
    for (const KeyframeSource& s : sources) {
        auto analysis = analyzeWithProgress(s.path, options, s.open);
        if (!analysis) return fail(analysis.error());
        // Segments: the scenes, or with --class the runs of fragments predicted as the class.
        const int cls = s.predictions ? s.predictions->classIndex(args.value(QStringLiteral("class"))) : -1;
        const std::vector<FrameSegment> scenes = s.predictions ? predictedSegments(*s.predictions, cls)
                                                               : analysis->scenes.scenes();
        auto source = VideoSource::open(s.path, s.open);
        if (!source) return fail(source.error());
        std::vector<FrameSample> samples = analysis->samples;
        if (Status st = addMissingSamples(**source, scenes, samples, options.scenes.analysisWidth); !st)
            return fail(st.error());

        KeyframeTable table;
        table.video = s.name;
        table.timecode = TimecodeFormat::forRate(analysis->info.nominalFps);
        table.frameTimesMs = analysis->frameTimesMs;
        table.scenes = scenes;
        if (s.predictions) table.className = s.predictions->classes.at(cls);
        table.keyframes = selectKeyframes(scenes,
                                          s.predictions ? candidatesFromPredictions(*s.predictions, cls, samples)
                                                        : candidatesFromSamples(samples),
                                          keyOptions);
        const QString base = QFileInfo(s.name).completeBaseName();
        table.imageBaseName = baseCount[base] > 1 ? s.name : base;
        table.imageFormat = format;

        WorkControl control;
        control.progress = stderrProgress();
        auto images = writeKeyframeImages(**source, table.keyframes, outDir, table.imageBaseName, format, control);
        endProgress();
        if (!images) return fail(images.error());
        written << *images;

        if (args.isSet(QStringLiteral("chapters"))) {
            const QString file = sources.size() == 1
                ? args.value(QStringLiteral("chapters"))
                : perVideoFile(args.value(QStringLiteral("chapters")), table.imageBaseName);
            const auto chapters = chaptersFor(scenes, analysis->frameTimesMs, analysis->info.durationSec * 1000.0);
            if (Status st = writeFfmpegChapters(file, chapters, s.name); !st) return fail(st.error());
        }
        for (const EdlEvent& e : edlEvents(s.name, scenes)) events.push_back(e);
        formats.push_back(table.timecode);
        tables.push_back(std::move(table));
    }

    if (args.isSet(QStringLiteral("edl"))) {
        const QString file = args.value(QStringLiteral("edl"));
        for (size_t i = 1; i < formats.size(); ++i)
            if (!(formats[i] == formats.front()))
                return fail(
                    QStringLiteral("%1: the videos have different timecode rates (%2 and %3); one EDL needs one rate")
                        .arg(file, tables.front().video, tables[i].video));
        EdlOptions edl;
        const QString projectName = inputInfo.isDir() ? QDir(inputInfo.absoluteFilePath()).dirName()
                                                      : inputInfo.absoluteDir().dirName();
        edl.title = QStringLiteral("%1 %2").arg(isProject ? projectName : sources.front().name,
                                                args.isSet(QStringLiteral("class"))
                                                    ? args.value(QStringLiteral("class"))
                                                    : QStringLiteral("scenes"));
        edl.format = formats.front();
        if (Status st = writeCmxEdl(file, events, edl); !st) return fail(st.error());
    }
    if (args.isSet(QStringLiteral("csv"))) {
        if (Status st = writeKeyframeCsv(args.value(QStringLiteral("csv")), tables); !st) return fail(st.error());
    }
    for (const QString& file : written) printLine(file);
    return Ok;
}

} // namespace fl::cli
