// fragmentlab-cli info / frame / fragments
#include "CliArgs.h"
#include "CliOutput.h"
#include "Commands.h"

#include "fragments/FragmentSpec.h"
#include "video/VideoSource.h"

#include <opencv2/imgcodecs.hpp>

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>

namespace fl::cli {

namespace {

Result<std::unique_ptr<VideoSource>> openVideo(const QString& path)
{
    WorkControl control;
    control.progress = stderrProgress();
    auto source = VideoSource::open(path, {}, control);
    endProgress();
    return source;
}

QJsonObject infoJson(const VideoSource& source)
{
    const VideoInfo& info = source.info();
    QJsonObject o;
    o[QStringLiteral("path")] = info.path;
    o[QStringLiteral("container")] = info.container;
    o[QStringLiteral("codec")] = info.codec;
    o[QStringLiteral("width")] = info.width;
    o[QStringLiteral("height")] = info.height;
    o[QStringLiteral("rotation")] = info.rotation;
    o[QStringLiteral("nominal_fps")] = info.nominalFps;
    o[QStringLiteral("average_fps")] = info.averageFps;
    o[QStringLiteral("duration_s")] = info.durationSec;
    o[QStringLiteral("frame_count")] = info.frameCount;
    o[QStringLiteral("declared_frame_count")] = info.declaredFrameCount;
    o[QStringLiteral("variable_frame_rate")] = info.variableFrameRate;
    o[QStringLiteral("timestamps_reliable")] = info.timestampsReliable;
    o[QStringLiteral("keyframes")] = qint64(source.index().keyframes().size());
    o[QStringLiteral("index_file")] = source.indexFile();
    o[QStringLiteral("index_cached")] = source.indexWasCached();
    o[QStringLiteral("decoder")] = source.hardwareDecoder().isEmpty() ? QStringLiteral("software")
                                                                      : source.hardwareDecoder();
    return o;
}

} // namespace

void addSpecOptions(ArgParser& args)
{
    args.addValue(QStringLiteral("length"), QStringLiteral("T"),
                  QStringLiteral("frames per fragment (2..64, default 4)"));
    args.addValue(QStringLiteral("stride"), QStringLiteral("S"),
                  QStringLiteral("frames between fragment starts (default T)"));
    args.addValue(QStringLiteral("step"), QStringLiteral("K"),
                  QStringLiteral("frame step inside a fragment (default 1)"));
}

std::optional<FragmentSpec> parseSpec(const ArgParser& args, int* exit)
{
    const auto length = args.integer(QStringLiteral("length"), 4, FragmentSpec::kMinLength, FragmentSpec::kMaxLength,
                                     exit);
    if (!length) return std::nullopt;
    const auto stride = args.integer(QStringLiteral("stride"), *length, 1, 1000000, exit);
    if (!stride) return std::nullopt;
    const auto step = args.integer(QStringLiteral("step"), 1, 1, 10000, exit);
    if (!step) return std::nullopt;
    auto spec = FragmentSpec::make(int(*length), int(*stride), int(*step));
    if (!spec) {
        *exit = usageError(spec.error(), args.usage);
        return std::nullopt;
    }
    return *spec;
}

int runInfo(const QStringList& argv)
{
    ArgParser args(QStringLiteral("fragmentlab-cli info VIDEO [--json]"));
    args.addFlag(QStringLiteral("json"), QStringLiteral("machine-readable output"));
    if (auto exit = args.parse(argv, 1, 1)) return *exit;
    auto source = openVideo(args.positional().at(0));
    if (!source) return fail(source.error());
    const QJsonObject o = infoJson(**source);
    if (args.isSet(QStringLiteral("json"))) {
        printJson(o);
        return Ok;
    }
    const VideoInfo& info = (*source)->info();
    printLine(QStringLiteral("file:        %1").arg(info.path));
    printLine(QStringLiteral("codec:       %1 (%2)").arg(info.codec, info.container));
    printLine(QStringLiteral("size:        %1 x %2%3")
                  .arg(info.width)
                  .arg(info.height)
                  .arg(info.rotation ? QStringLiteral(" (rotated %1 deg)").arg(info.rotation) : QString()));
    printLine(QStringLiteral("frames:      %1 (header says %2)").arg(info.frameCount).arg(info.declaredFrameCount));
    printLine(QStringLiteral("rate:        %1 fps nominal, %2 fps average%3")
                  .arg(info.nominalFps, 0, 'f', 3)
                  .arg(info.averageFps, 0, 'f', 3)
                  .arg(info.variableFrameRate ? QStringLiteral(", variable") : QString()));
    printLine(QStringLiteral("duration:    %1 s").arg(info.durationSec, 0, 'f', 3));
    printLine(QStringLiteral("keyframes:   %1").arg(o.value(QStringLiteral("keyframes")).toInteger()));
    printLine(QStringLiteral("decoder:     %1").arg(o.value(QStringLiteral("decoder")).toString()));
    printLine(QStringLiteral("index:       %1%2")
                  .arg((*source)->indexFile().isEmpty() ? QStringLiteral("(not cached)") : (*source)->indexFile(),
                       (*source)->indexWasCached() ? QStringLiteral(" (reused)") : QString()));
    return Ok;
}

int runFrame(const QStringList& argv)
{
    ArgParser args(QStringLiteral("fragmentlab-cli frame VIDEO INDEX -o OUT.png"));
    args.addValue(QStringLiteral("output"), QStringLiteral("FILE"),
                  QStringLiteral("image file to write (.png, .jpg, .bmp, .tif)"), QStringLiteral("o"));
    if (auto exit = args.parse(argv, 2, 2)) return *exit;
    if (!args.isSet(QStringLiteral("output"))) return usageError(QStringLiteral("missing -o OUT.png"), args.usage);
    bool ok = false;
    const qint64 index = args.positional().at(1).toLongLong(&ok);
    if (!ok || index < 0)
        return usageError(QStringLiteral("INDEX must be a frame number >= 0, got '%1'").arg(args.positional().at(1)),
                          args.usage);
    const QString out = args.value(QStringLiteral("output"));
    const QString suffix = QFileInfo(out).suffix().toLower();
    static const QStringList formats{QStringLiteral("png"), QStringLiteral("jpg"), QStringLiteral("jpeg"),
                                     QStringLiteral("bmp"), QStringLiteral("tif"), QStringLiteral("tiff")};
    if (!formats.contains(suffix))
        return usageError(QStringLiteral("%1: unsupported image type '%2' (use png, jpg, bmp or tif)").arg(out, suffix),
                          args.usage);

    auto source = openVideo(args.positional().at(0));
    if (!source) return fail(source.error());
    auto frame = (*source)->frame(index);
    if (!frame) return fail(frame.error());
    const QFileInfo outInfo(out);
    if (!QDir().mkpath(outInfo.absolutePath()))
        return fail(QStringLiteral("%1: cannot create the folder").arg(outInfo.absolutePath()));
    bool written = false;
    try {
        written = cv::imwrite(QFile::encodeName(outInfo.absoluteFilePath()).toStdString(), *frame);
    } catch (const cv::Exception& e) {
        return fail(QStringLiteral("%1: cannot write image: %2").arg(out, QString::fromStdString(e.msg)));
    }
    if (!written) return fail(QStringLiteral("%1: cannot write image").arg(out));
    printLine(outInfo.absoluteFilePath());
    return Ok;
}

int runFragments(const QStringList& argv)
{
    ArgParser args(QStringLiteral("fragmentlab-cli fragments VIDEO [--length T] [--stride S] [--step K] [--json]"));
    args.addFlag(QStringLiteral("json"), QStringLiteral("machine-readable output"));
    addSpecOptions(args);
    if (auto exit = args.parse(argv, 1, 1)) return *exit;
    int exit = Ok;
    const auto spec = parseSpec(args, &exit);
    if (!spec) return exit;
    auto source = openVideo(args.positional().at(0));
    if (!source) return fail(source.error());
    const VideoInfo& info = (*source)->info();
    const qint64 count = spec->count(info.frameCount);
    const FrameIndex& index = (*source)->index();

    if (args.isSet(QStringLiteral("json"))) {
        QJsonObject o;
        o[QStringLiteral("video")] = info.path;
        o[QStringLiteral("frame_count")] = info.frameCount;
        o[QStringLiteral("length")] = spec->length;
        o[QStringLiteral("stride")] = spec->stride;
        o[QStringLiteral("step")] = spec->step;
        o[QStringLiteral("fragment_count")] = count;
        QJsonArray list;
        for (qint64 j = 0; j < count; ++j) {
            QJsonArray frames;
            for (qint64 f : spec->frames(j)) frames.append(f);
            list.append(QJsonObject{{QStringLiteral("id"), j},
                                    {QStringLiteral("start_frame"), spec->firstFrame(j)},
                                    {QStringLiteral("end_frame"), spec->endFrame(j)},
                                    {QStringLiteral("start_s"), index.timestampMs(spec->firstFrame(j)) / 1000.0},
                                    {QStringLiteral("frames"), frames}});
        }
        o[QStringLiteral("fragments")] = list;
        printJson(o);
        return Ok;
    }
    printLine(QStringLiteral("# %1: %2 frames, %3 -> %4 fragments")
                  .arg(info.path)
                  .arg(info.frameCount)
                  .arg(spec->toString())
                  .arg(count));
    printLine(QStringLiteral("id\tstart_frame\tend_frame\tstart_s\tframes"));
    for (qint64 j = 0; j < count; ++j) {
        QStringList frames;
        for (qint64 f : spec->frames(j)) frames << QString::number(f);
        printLine(QStringLiteral("%1\t%2\t%3\t%4\t%5")
                      .arg(j)
                      .arg(spec->firstFrame(j))
                      .arg(spec->endFrame(j))
                      .arg(index.timestampMs(spec->firstFrame(j)) / 1000.0, 0, 'f', 3)
                      .arg(frames.join(QLatin1Char(' '))));
    }
    return Ok;
}

} // namespace fl::cli
