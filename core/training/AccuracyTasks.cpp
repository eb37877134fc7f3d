#include "training/AccuracyTasks.h"

#include "project/FileBytes.h"
#include "video/VideoSource.h"

#include <opencv2/imgproc.hpp>

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>

#include <algorithm>
#include <cmath>
#include <map>
#include <random>

namespace fl {

namespace {

// Bumped whenever a recipe changes: cached videos of another version are made again.
constexpr int kRecipeVersion = 1;

struct Rng {
    explicit Rng(std::uint64_t seed) : gen(seed * 0x9E3779B97F4A7C15ULL + 0xD1B54A32D192ED03ULL) {}
    std::mt19937_64 gen;
    // Uniform integer in [lo, hi].
    qint64 integer(qint64 lo, qint64 hi) { return lo + qint64(gen() % std::uint64_t(hi - lo + 1)); }
    double real(double lo, double hi) { return lo + (hi - lo) * double(gen() >> 11) * (1.0 / 9007199254740992.0); }
    bool coin() { return (gen() >> 63) != 0; }
};

struct SourceFrames {
    QString name;
    double fps = 25;
    std::vector<cv::Mat> frames; // BGR, working size
};

cv::Size workingSize(int width, int height, int longSide)
{
    const double scale = std::min(1.0, double(longSide) / double(std::max(width, height)));
    const auto even = [](double v) { return std::max(16, int(std::lround(v / 2.0)) * 2); };
    return cv::Size(even(width * scale), even(height * scale));
}

double meanLuma(const cv::Mat& bgr)
{
    const cv::Scalar m = cv::mean(bgr);
    return 0.114 * m[0] + 0.587 * m[1] + 0.299 * m[2];
}

// Every frame of a source at `longSide` pixels (black frames, mean luma < 16, left out: they
// carry no picture to move, colour or freeze).
Result<SourceFrames> readSource(const QString& path, const QString& indexDir, int longSide, qint64 maxFrames)
{
    SourceFrames out;
    out.name = QFileInfo(path).fileName();
    VideoOpenOptions options;
    options.indexCacheDir = indexDir;
    cv::Size size;
    qint64 read = 0;
    const FrameSink sink = [&](qint64, const cv::Mat& bgr) {
        if (maxFrames > 0 && read >= maxFrames) return true;
        ++read;
        if (size.width == 0) size = workingSize(bgr.cols, bgr.rows, longSide);
        cv::Mat small;
        cv::resize(bgr, small, size, 0, 0, cv::INTER_AREA);
        if (meanLuma(small) >= 16.0) out.frames.push_back(small);
        return true;
    };
    auto source = VideoSource::open(path, options, {}, sink);
    if (!source) return source.status();
    const VideoInfo& info = (*source)->info();
    out.fps = info.averageFps > 1 && info.averageFps < 240 ? info.averageFps : 25.0;
    if (out.frames.size() < 48) return Status::failure(QStringLiteral("%1: fewer than 48 usable frames").arg(path));
    return out;
}

struct Generated {
    std::vector<cv::Mat> frames;
    std::vector<TruthSegment> truth;
};

void addSegment(Generated& g, qint64 start, int label)
{
    const qint64 end = qint64(g.frames.size());
    if (end > start) g.truth.push_back({start, end, label});
}

// motion (0) / static (1)
Generated makeFrozen(const SourceFrames& s, Rng& rng)
{
    Generated g;
    size_t next = 0;
    bool hold = rng.coin();
    while (next < s.frames.size()) {
        const qint64 start = qint64(g.frames.size());
        if (hold) {
            const qint64 n = rng.integer(16, 40);
            for (qint64 i = 0; i < n; ++i) g.frames.push_back(s.frames[next]);
            ++next;
            addSegment(g, start, 1);
        } else {
            const qint64 n = std::min<qint64>(rng.integer(30, 70), qint64(s.frames.size() - next));
            for (qint64 i = 0; i < n; ++i) g.frames.push_back(s.frames[next++]);
            addSegment(g, start, 0);
        }
        hold = !hold;
    }
    return g;
}

// pan left (0) / pan right (1): a window of 60 % of the frame moves over the playing footage.
Generated makeDirection(const SourceFrames& s, Rng& rng)
{
    Generated g;
    const cv::Size full = s.frames.front().size();
    const cv::Size window(int(std::lround(full.width * 0.6 / 2.0)) * 2, int(std::lround(full.height * 0.6 / 2.0)) * 2);
    const double roomX = full.width - window.width;
    const double roomY = full.height - window.height;
    double x = rng.real(0, roomX);
    double y = roomY / 2;
    size_t next = 0;
    while (next < s.frames.size()) {
        const double speed = rng.real(0.008, 0.020) * full.width;
        qint64 n = rng.integer(20, 45);
        // The direction with room for the run (the longer room when neither has).
        bool right = rng.coin();
        const double need = double(n) * speed;
        if ((right && roomX - x < need) || (!right && x < need)) right = !right;
        if ((right && roomX - x < need) || (!right && x < need)) {
            right = roomX - x > x;
            n = std::max<qint64>(8, qint64((right ? roomX - x : x) / speed));
        }
        const double drift = rng.real(-0.003, 0.003) * full.height;
        const qint64 start = qint64(g.frames.size());
        for (qint64 i = 0; i < n && next < s.frames.size(); ++i) {
            x = std::clamp(x + (right ? speed : -speed), 0.0, roomX);
            y = std::clamp(y + drift, 0.0, roomY);
            // Sub-pixel window position: a translation then a crop, so slow pans move smoothly.
            const cv::Mat shift = (cv::Mat_<double>(2, 3) << 1, 0, -x, 0, 1, -y);
            cv::Mat out;
            cv::warpAffine(s.frames[next++], out, shift, window, cv::INTER_LINEAR, cv::BORDER_REFLECT);
            g.frames.push_back(out);
        }
        addSegment(g, start, right ? 1 : 0);
    }
    return g;
}

// colour (0) / nearly grey (1), each run with its own gain and white balance.
Generated makeColour(const SourceFrames& s, Rng& rng)
{
    Generated g;
    size_t next = 0;
    bool grey = rng.coin();
    while (next < s.frames.size()) {
        const qint64 n = rng.integer(30, 70);
        const double gain = rng.real(0.75, 1.25);
        const cv::Scalar balance(gain * rng.real(0.92, 1.08), gain * rng.real(0.92, 1.08), gain * rng.real(0.92, 1.08));
        const qint64 start = qint64(g.frames.size());
        for (qint64 i = 0; i < n && next < s.frames.size(); ++i) {
            cv::Mat f;
            s.frames[next++].convertTo(f, CV_32FC3);
            if (grey) {
                cv::Mat luma;
                cv::cvtColor(f, luma, cv::COLOR_BGR2GRAY);
                cv::Mat luma3;
                cv::cvtColor(luma, luma3, cv::COLOR_GRAY2BGR);
                f = 0.15 * f + 0.85 * luma3;
            }
            cv::multiply(f, balance, f);
            cv::Mat out;
            f.convertTo(out, CV_8UC3);
            g.frames.push_back(out);
        }
        addSegment(g, start, grey ? 1 : 0);
        grey = !grey;
    }
    return g;
}

// inset moving (0) / inset still (1): other footage in a window at the top right.
Generated makeInset(const SourceFrames& s, const SourceFrames& inset, Rng& rng)
{
    Generated g;
    const cv::Size full = s.frames.front().size();
    const cv::Size box(int(std::lround(full.width / 3.0 / 2.0)) * 2, int(std::lround(full.height / 3.0 / 2.0)) * 2);
    const int margin = std::max(2, full.width / 40);
    const cv::Rect outer(full.width - box.width - margin - 2, margin, box.width + 4, box.height + 4);
    const cv::Rect inner(outer.x + 2, outer.y + 2, box.width, box.height);
    size_t next = 0;
    size_t insetNext = size_t(rng.integer(0, qint64(inset.frames.size()) - 1));
    bool still = rng.coin();
    cv::Mat insetFrame;
    while (next < s.frames.size()) {
        const qint64 n = rng.integer(30, 70);
        const qint64 start = qint64(g.frames.size());
        for (qint64 i = 0; i < n && next < s.frames.size(); ++i) {
            if (!still || insetFrame.empty()) {
                cv::resize(inset.frames[insetNext], insetFrame, box, 0, 0, cv::INTER_AREA);
                insetNext = (insetNext + 1) % inset.frames.size();
            }
            cv::Mat out = s.frames[next++].clone();
            out(outer).setTo(cv::Scalar(235, 235, 235));
            insetFrame.copyTo(out(inner));
            g.frames.push_back(out);
        }
        addSegment(g, start, still ? 1 : 0);
        still = !still;
    }
    return g;
}

Status encode(const QString& ffmpeg, const Generated& g, double fps, const QString& file)
{
    const cv::Size size = g.frames.front().size();
    const QString partial = file + QStringLiteral(".partial.mp4");
    QProcess p;
    p.start(ffmpeg,
            QStringList{QStringLiteral("-nostdin"),
                        QStringLiteral("-v"),
                        QStringLiteral("error"),
                        QStringLiteral("-y"),
                        QStringLiteral("-f"),
                        QStringLiteral("rawvideo"),
                        QStringLiteral("-pix_fmt"),
                        QStringLiteral("bgr24"),
                        QStringLiteral("-s"),
                        QStringLiteral("%1x%2").arg(size.width).arg(size.height),
                        QStringLiteral("-r"),
                        QString::number(fps, 'f', 3),
                        QStringLiteral("-i"),
                        QStringLiteral("-"),
                        QStringLiteral("-c:v"),
                        QStringLiteral("libx264"),
                        QStringLiteral("-preset"),
                        QStringLiteral("veryfast"),
                        QStringLiteral("-crf"),
                        QStringLiteral("20"),
                        QStringLiteral("-g"),
                        QStringLiteral("50"),
                        QStringLiteral("-pix_fmt"),
                        QStringLiteral("yuv420p"),
                        partial});
    if (!p.waitForStarted(10000)) return Status::failure(QStringLiteral("%1: cannot start ffmpeg").arg(file));
    for (const cv::Mat& f : g.frames) {
        const cv::Mat c = f.isContinuous() ? f : f.clone();
        p.write(reinterpret_cast<const char*>(c.data), qint64(c.total() * c.elemSize()));
        while (p.bytesToWrite() > (8 << 20))
            if (!p.waitForBytesWritten(60000)) break;
    }
    p.closeWriteChannel();
    if (!p.waitForFinished(600000) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        QFile::remove(partial);
        return Status::failure(QStringLiteral("%1: ffmpeg failed: %2")
                                   .arg(file, QString::fromLocal8Bit(p.readAllStandardError()).trimmed()));
    }
    QFile::remove(file);
    if (!QFile::rename(partial, file)) return Status::failure(QStringLiteral("%1: cannot write it").arg(file));
    return Status::success();
}

QString describeTask(const QString& task)
{
    if (task == QLatin1String("frozen"))
        return QStringLiteral("frozen holds (16-40 repeated frames) between runs of playing footage");
    if (task == QLatin1String("direction"))
        return QStringLiteral("a camera pan to the left or to the right over the playing footage");
    if (task == QLatin1String("colour"))
        return QStringLiteral("colour or nearly grey runs, each with its own brightness and white balance");
    return QStringLiteral("an inset (top right) of other footage that plays or stands still");
}

QStringList classesOf(const QString& task)
{
    if (task == QLatin1String("frozen")) return {QStringLiteral("motion"), QStringLiteral("static")};
    if (task == QLatin1String("direction")) return {QStringLiteral("pan left"), QStringLiteral("pan right")};
    if (task == QLatin1String("colour")) return {QStringLiteral("colour"), QStringLiteral("grey")};
    return {QStringLiteral("inset moving"), QStringLiteral("inset still")};
}

QJsonObject sourceStamp(const QFileInfo& f)
{
    return QJsonObject{{QStringLiteral("name"), f.fileName()},
                       {QStringLiteral("size"), f.size()},
                       {QStringLiteral("mtime"), f.lastModified().toMSecsSinceEpoch()}};
}

} // namespace

QStringList accuracyTaskNames()
{
    return {QStringLiteral("frozen"), QStringLiteral("direction"), QStringLiteral("colour"), QStringLiteral("inset")};
}

QStringList accuracyTaskSources(const QString& task)
{
    // testvideo.mp4 is still photographs between fades: no motion to freeze.
    if (task == QLatin1String("frozen"))
        return {QStringLiteral("vtest.avi"),
                QStringLiteral("bikes.mp4"),
                QStringLiteral("cityCC0.mpg"),
                QStringLiteral("bigbuckbunny.mp4"),
                QStringLiteral("issue-134-rotate.mp4"),
                QStringLiteral("goldeneye-vfr-drop3.mp4")};
    return {QStringLiteral("vtest.avi"),
            QStringLiteral("bikes.mp4"),
            QStringLiteral("cityCC0.mpg"),
            QStringLiteral("bigbuckbunny.mp4"),
            QStringLiteral("issue-134-rotate.mp4"),
            QStringLiteral("testvideo.mp4")};
}

Result<AccuracyTask> prepareAccuracyTask(const QString& task, const QString& mediaDir, const QString& cacheDir,
                                         int maxVideos, qint64 maxSourceFrames,
                                         const std::function<void(const QString&)>& log)
{
    if (!accuracyTaskNames().contains(task)) return Status::failure(QStringLiteral("unknown task '%1'").arg(task));
    AccuracyTask out;
    out.name = task;
    out.description = describeTask(task);
    out.classes = classesOf(task);

    QList<QFileInfo> sources;
    for (const QString& name : accuracyTaskSources(task)) {
        const QFileInfo f(QDir(mediaDir).filePath(name));
        if (f.isFile()) sources << f;
        if (maxVideos > 0 && sources.size() >= maxVideos) break;
    }
    if (sources.isEmpty())
        return Status::failure(QStringLiteral("%1: none of the task's videos (%2) is there")
                                   .arg(mediaDir, accuracyTaskSources(task).join(QStringLiteral(", "))));
    // Inset footage: the moving sources, never the main picture's own.
    QList<QFileInfo> insetSources;
    if (task == QLatin1String("inset")) {
        for (const QString& name : {QStringLiteral("bikes.mp4"), QStringLiteral("vtest.avi"),
                                    QStringLiteral("cityCC0.mpg"), QStringLiteral("bigbuckbunny.mp4")}) {
            const QFileInfo f(QDir(mediaDir).filePath(name));
            if (f.isFile()) insetSources << f;
        }
        if (insetSources.isEmpty()) insetSources = sources;
    }

    const QString dir = QDir(cacheDir).filePath(task);
    if (!QDir().mkpath(dir)) return Status::failure(QStringLiteral("%1: cannot create the folder").arg(dir));
    QJsonArray stamps;
    for (const QFileInfo& f : sources) stamps.append(sourceStamp(f));
    for (const QFileInfo& f : insetSources) stamps.append(sourceStamp(f));
    const QJsonObject recipe{{QStringLiteral("version"), kRecipeVersion},
                             {QStringLiteral("task"), task},
                             {QStringLiteral("max_source_frames"), maxSourceFrames},
                             {QStringLiteral("sources"), stamps}};
    const QString manifestFile = QDir(dir).filePath(QStringLiteral("manifest.json"));

    // Reuse the cached videos when the manifest was made by this recipe from these sources.
    QFile manifest(manifestFile);
    if (manifest.open(QIODevice::ReadOnly)) {
        if (auto videos = parseAccuracyManifest(manifest.readAll(), dir, recipe, int(out.classes.size()))) {
            bool complete = !videos->empty();
            for (const DerivedVideo& d : *videos) complete = complete && QFileInfo(d.file).isFile();
            if (complete) {
                out.videos = std::move(*videos);
                return out;
            }
        }
    }
    manifest.close();

    const QString ffmpeg = QStandardPaths::findExecutable(QStringLiteral("ffmpeg"));
    if (ffmpeg.isEmpty())
        return Status::failure(QStringLiteral("ffmpeg not found: the benchmark encodes its videos with it"));
    const QString indexDir = QDir(dir).filePath(QStringLiteral("index"));
    const int longSide = task == QLatin1String("direction") ? 400 : 320;
    QJsonArray videos;
    for (int i = 0; i < sources.size(); ++i) {
        auto src = readSource(sources[i].absoluteFilePath(), indexDir, longSide, maxSourceFrames);
        if (!src) return src.status();
        Rng rng(std::uint64_t(kRecipeVersion) * 1000 + std::uint64_t(accuracyTaskNames().indexOf(task)) * 100
                + std::uint64_t(i));
        Generated g;
        if (task == QLatin1String("frozen"))
            g = makeFrozen(*src, rng);
        else if (task == QLatin1String("direction"))
            g = makeDirection(*src, rng);
        else if (task == QLatin1String("colour"))
            g = makeColour(*src, rng);
        else {
            QFileInfo insetFile = insetSources[i % insetSources.size()];
            if (insetFile.fileName() == sources[i].fileName() && insetSources.size() > 1)
                insetFile = insetSources[(i + 1) % insetSources.size()];
            auto inset = readSource(insetFile.absoluteFilePath(), indexDir, 320, maxSourceFrames);
            if (!inset) return inset.status();
            g = makeInset(*src, *inset, rng);
        }
        DerivedVideo d;
        d.source = sources[i].fileName();
        d.file = QDir(dir).filePath(QStringLiteral("%1-%2.mp4").arg(task, sources[i].completeBaseName()));
        d.frames = qint64(g.frames.size());
        d.fps = src->fps;
        d.truth = g.truth;
        if (auto encoded = encode(ffmpeg, g, d.fps, d.file); !encoded) return encoded;
        if (log)
            log(QStringLiteral("%1: %2 frames from %3").arg(QFileInfo(d.file).fileName()).arg(d.frames).arg(d.source));
        QJsonArray truth;
        for (const TruthSegment& s : d.truth) truth.append(QJsonArray{s.start, s.end, s.label});
        videos.append(QJsonObject{{QStringLiteral("file"), QFileInfo(d.file).fileName()},
                                  {QStringLiteral("source"), d.source},
                                  {QStringLiteral("frames"), d.frames},
                                  {QStringLiteral("fps"), d.fps},
                                  {QStringLiteral("truth"), truth}});
        out.videos.push_back(std::move(d));
    }
    const QJsonObject m{{QStringLiteral("recipe"), recipe},
                        {QStringLiteral("classes"), QJsonArray::fromStringList(out.classes)},
                        {QStringLiteral("videos"), videos}};
    if (auto saved = writeFileAtomically(manifestFile, QJsonDocument(m).toJson(QJsonDocument::Indented)); !saved)
        return saved;
    return out;
}

std::optional<std::vector<DerivedVideo>> parseAccuracyManifest(const QByteArray& bytes, const QString& dir,
                                                               const QJsonObject& recipe, int classes)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &error);
    if (!doc.isObject()) return std::nullopt;
    const QJsonObject m = doc.object();
    if (m.value(QStringLiteral("recipe")).toObject() != recipe) return std::nullopt;
    std::vector<DerivedVideo> videos;
    for (const QJsonValue& v : m.value(QStringLiteral("videos")).toArray()) {
        const QJsonObject o = v.toObject();
        DerivedVideo d;
        const QString name = o.value(QStringLiteral("file")).toString();
        // A bare file name in the task's folder as the benchmark writes them (letters, digits, '-',
        // '_', '.'; not starting with '.'), nothing else: no folders, no Qt resource paths (":x").
        static const QRegularExpression bare(QStringLiteral("^[A-Za-z0-9_-][A-Za-z0-9._-]*$"));
        if (!bare.match(name).hasMatch()) return std::nullopt;
        d.file = QDir(dir).filePath(name);
        d.source = o.value(QStringLiteral("source")).toString();
        d.frames = o.value(QStringLiteral("frames")).toInteger();
        d.fps = o.value(QStringLiteral("fps")).toDouble();
        if (d.frames <= 0 || d.frames > 100000000 || !(d.fps > 0 && d.fps < 1000)) return std::nullopt;
        qint64 end = 0;
        for (const QJsonValue& seg : o.value(QStringLiteral("truth")).toArray()) {
            const QJsonArray a = seg.toArray();
            if (a.size() != 3 || !a.at(0).isDouble() || !a.at(1).isDouble() || !a.at(2).isDouble()) return std::nullopt;
            const TruthSegment t{a.at(0).toInteger(), a.at(1).toInteger(), a.at(2).toInt()};
            if (t.start < end || t.end <= t.start || t.end > d.frames || t.label < 0 || t.label >= classes)
                return std::nullopt;
            end = t.end;
            d.truth.push_back(t);
        }
        if (d.truth.empty()) return std::nullopt;
        videos.push_back(std::move(d));
    }
    if (videos.empty()) return std::nullopt;
    return videos;
}

int fragmentTruth(const DerivedVideo& video, const FragmentSpec& spec, qint64 fragment)
{
    const qint64 first = spec.firstFrame(fragment);
    const qint64 end = spec.endFrame(fragment);
    const auto it = std::upper_bound(video.truth.begin(), video.truth.end(), first,
                                     [](qint64 f, const TruthSegment& s) { return f < s.end; });
    if (it == video.truth.end() || it->start > first || end > it->end) return -1;
    return it->label;
}

namespace {

void addFragments(FragmentPool& pool, const AccuracyTask& task, const FragmentSpec& spec, int video, qint64 firstFrame,
                  qint64 endFrame)
{
    const DerivedVideo& v = task.videos[size_t(video)];
    const qint64 count = spec.count(v.frames);
    for (qint64 j = 0; j < count; ++j) {
        if (spec.firstFrame(j) < firstFrame || spec.endFrame(j) > endFrame) continue;
        const int label = fragmentTruth(v, spec, j);
        if (label >= 0) pool.items.push_back({video, j, label});
    }
}

} // namespace

SettingSplit withinVideoSplit(const AccuracyTask& task, const FragmentSpec& spec, double labeledShare)
{
    SettingSplit s;
    for (int v = 0; v < int(task.videos.size()); ++v) {
        const qint64 frames = task.videos[size_t(v)].frames;
        const qint64 split = qint64(std::llround(double(frames) * labeledShare));
        addFragments(s.labeled, task, spec, v, 0, split);
        // One fragment span left out after the boundary, so no predicted fragment touches a labeled one.
        addFragments(s.predicted, task, spec, v, split + spec.span(), frames);
        s.labeledVideos.push_back(v);
        s.predictedVideos.push_back(v);
    }
    return s;
}

SettingSplit acrossVideoSplit(const AccuracyTask& task, const FragmentSpec& spec, std::uint64_t seed)
{
    SettingSplit s;
    const int n = int(task.videos.size());
    std::vector<int> order(static_cast<size_t>(n));
    for (int i = 0; i < n; ++i) order[size_t(i)] = i;
    Rng rng(seed + 7777);
    for (int i = n; i > 1; --i) std::swap(order[size_t(i - 1)], order[size_t(rng.integer(0, i - 1))]);
    qint64 total = 0;
    for (const auto& v : task.videos) total += spec.count(v.frames);
    qint64 taken = 0;
    std::vector<bool> labeled(size_t(n), false);
    for (int i = 0; i < n; ++i) {
        if (n > 1 && i == n - 1) break; // at least one video is predicted
        labeled[size_t(order[size_t(i)])] = true;
        taken += spec.count(task.videos[size_t(order[size_t(i)])].frames);
        if (double(taken) >= 0.4 * double(total)) break;
    }
    for (int v = 0; v < n; ++v) {
        const qint64 frames = task.videos[size_t(v)].frames;
        if (labeled[size_t(v)]) {
            addFragments(s.labeled, task, spec, v, 0, frames);
            s.labeledVideos.push_back(v);
        } else {
            addFragments(s.predicted, task, spec, v, 0, frames);
            s.predictedVideos.push_back(v);
        }
    }
    return s;
}

std::vector<LabelBlock> drawLabels(const AccuracyTask& task, const FragmentSpec& spec, const FragmentPool& pool,
                                   int budget, std::uint64_t seed, int blockLength)
{
    (void)spec;
    // Runs of consecutive pool fragments of one class in one video (a segment, as far as the
    // pool holds it).
    struct Run {
        int video;
        qint64 first;
        qint64 end;
        int label;
    };
    std::vector<std::vector<Run>> runs(size_t(task.classes.size()));
    for (size_t i = 0; i < pool.items.size();) {
        size_t j = i + 1;
        while (j < pool.items.size() && pool.items[j].video == pool.items[i].video
               && pool.items[j].label == pool.items[i].label
               && pool.items[j].fragment == pool.items[j - 1].fragment + 1)
            ++j;
        runs[size_t(pool.items[i].label)].push_back(
            {pool.items[i].video, pool.items[i].fragment, pool.items[j - 1].fragment + 1, pool.items[i].label});
        i = j;
    }
    std::map<std::pair<int, qint64>, bool> taken;
    Rng rng(seed * 31 + 17);
    std::vector<LabelBlock> blocks;
    int labeled = 0;
    int cls = int(rng.integer(0, qint64(task.classes.size()) - 1));
    int idleClasses = 0;
    while (labeled < budget && idleClasses < int(task.classes.size())) {
        auto& candidates = runs[size_t(cls)];
        // A random run of this class with a free fragment, a random free start in it.
        bool placed = false;
        for (int attempt = 0; attempt < 64 && !candidates.empty() && !placed; ++attempt) {
            const Run& r = candidates[size_t(rng.integer(0, qint64(candidates.size()) - 1))];
            const qint64 start = rng.integer(r.first, r.end - 1);
            if (taken.count({r.video, start})) continue;
            qint64 end = start;
            const qint64 want = std::min<qint64>(blockLength, budget - labeled);
            while (end < r.end && end - start < want && !taken.count({r.video, end})) ++end;
            for (qint64 f = start; f < end; ++f) taken[{r.video, f}] = true;
            blocks.push_back({r.video, start, end, r.label});
            labeled += int(end - start);
            placed = true;
        }
        if (!placed) {
            // Systematic search before giving up on this class.
            for (const Run& r : candidates) {
                for (qint64 f = r.first; f < r.end && !placed; ++f) {
                    if (taken.count({r.video, f})) continue;
                    taken[{r.video, f}] = true;
                    blocks.push_back({r.video, f, f + 1, r.label});
                    ++labeled;
                    placed = true;
                }
                if (placed) break;
            }
        }
        idleClasses = placed ? 0 : idleClasses + 1;
        cls = (cls + 1) % int(task.classes.size());
    }
    return blocks;
}

} // namespace fl
