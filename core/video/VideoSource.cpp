#include "video/VideoSource.h"

#include "video/FileFingerprint.h"
#include "video/VideoLog.h"

#include <opencv2/core.hpp>
#include <opencv2/videoio.hpp>

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <mutex>

namespace fl {

Q_LOGGING_CATEGORY(lcVideo, "fragmentlab.video", QtInfoMsg)

namespace {

// Decoder position: index of the frame last grabbed; kFresh: freshly opened, the next grab()
// gives frame 0; kUnknown: after a failed grab or a seek that could not be identified.
constexpr qint64 kFresh = -1;
constexpr qint64 kUnknown = -2;

// A target at most this far ahead is always reached by decoding forward.
constexpr qint64 kAlwaysForward = 24;
// OpenCV 4.6's seek (CAP_PROP_POS_FRAMES = r) jumps to the keyframe before frame r - 16 (by
// its own pts x fps estimate) and decodes forward from there.
constexpr qint64 kOpenCvSeekLead = 16;
constexpr qint64 kReportEvery = 16;

// FFmpeg prints its decoder complaints ("Invalid NAL unit size", ...) straight to stderr;
// on a damaged file that buries our one-line message. OpenCV sets FFmpeg's log level from
// OPENCV_FFMPEG_LOGLEVEL when it first creates a capture, so set it to AV_LOG_QUIET (-8)
// before that, unless the user asked for FFmpeg's output (OPENCV_FFMPEG_LOGLEVEL or
// OPENCV_FFMPEG_DEBUG set) or for ours (QT_LOGGING_RULES="fragmentlab.video.debug=true").
void silenceFfmpegLog()
{
    static std::once_flag once;
    std::call_once(once, [] {
        if (qEnvironmentVariableIsSet("OPENCV_FFMPEG_LOGLEVEL") || qEnvironmentVariableIsSet("OPENCV_FFMPEG_DEBUG")
            || lcVideo().isDebugEnabled())
            return;
        qputenv("OPENCV_FFMPEG_LOGLEVEL", "-8");
    });
}

QString shown(const QString& path)
{
    return QDir::toNativeSeparators(path);
}

QString fourccText(quint32 fourcc)
{
    QString s;
    for (int k = 0; k < 4; ++k) {
        const char c = char((fourcc >> (8 * k)) & 0xFF);
        if (c == 0) break;
        s += QLatin1Char(c);
    }
    return s.trimmed();
}

// Codec from the fourcc OpenCV reports: the container's codec tag where it has one (mp4, avi,
// mov), else the first four letters of FFmpeg's codec name (mkv, mpg), else 0 (webm: vp8/vp9).
QString codecName(quint32 fourcc, const cv::Mat& firstPacket)
{
    // MPEG-TS reports its stream type instead of a fourcc.
    switch (fourcc) {
    case 0x01: return QStringLiteral("mpeg1video");
    case 0x02: return QStringLiteral("mpeg2video");
    case 0x10: return QStringLiteral("mpeg4");
    case 0x1b: return QStringLiteral("h264");
    case 0x24: return QStringLiteral("hevc");
    case 0x33: return QStringLiteral("vvc");
    case 0xea: return QStringLiteral("vc1");
    default: break;
    }
    QString tag = fourccText(fourcc).toLower();
    for (QChar c : tag)
        if (c.unicode() < 0x20 || c.unicode() > 0x7e) tag.clear(); // not a readable tag
    struct Entry {
        const char* codec;
        std::initializer_list<const char*> tags;
    };
    static const Entry table[] = {
        {"h264", {"avc1", "avc2", "avc3", "avc4", "h264", "x264", "davc", "vssh", "ai5q", "ai1q"}},
        {"hevc", {"hvc1", "hev1", "hevc", "h265", "x265", "dvh1", "dvhe"}},
        {"mpeg4",
         {"mp4v", "fmp4", "xvid", "divx", "dx50", "3iv2", "m4s2", "mp4s", "blz0", "dxgm", "rmp4", "xvix", "uldx",
          "geox", "mpeg4"}},
        {"msmpeg4v3", {"mp43", "div3", "div4", "div5", "div6", "ap41", "col1", "col0", "mpg3"}},
        {"msmpeg4v2", {"mp42", "div2"}},
        {"msmpeg4v1", {"mpg4", "mp41"}},
        // Tag-less containers (mpg, ts, mkv) report the first four letters of the codec name,
        // "mpeg" for both MPEG-1 and MPEG-2 video; MPEG-2 is by far the more common.
        {"mpeg2video", {"mpg2", "mp2v", "mpeg", "mmes", "hdv1", "hdv2", "hdv3", "xdv5", "mx5p"}},
        {"mpeg1video", {"mpg1", "pim1"}},
        {"mjpeg", {"mjpg", "jpeg", "avrn", "mjpa", "mjpb", "dmb1"}},
        {"vp8", {"vp80", "vp8"}},
        {"vp9", {"vp90", "vp09", "vp9"}},
        {"av1", {"av01", "av1"}},
        {"ffv1", {"ffv1"}},
        {"theora", {"theo"}},
        {"wmv3", {"wmv3"}},
        {"wmv2", {"wmv2"}},
        {"wmv1", {"wmv1"}},
        {"vc1", {"wvc1", "wmva", "vc-1"}},
        {"prores", {"apch", "apcn", "apcs", "apco", "ap4h", "ap4x"}},
        {"h263", {"h263", "s263", "u263"}},
        {"flv1", {"flv1"}},
        {"dnxhd", {"avdn", "avdh"}},
        {"huffyuv", {"hfyu"}},
        {"ffvhuff", {"ffvh"}},
        {"png", {"png", "mpng"}},
        {"rawvideo", {"raw", "yuv2", "2vuy", "i420", "yv12"}},
        {"ansi", {"ansi"}},
    };
    for (const Entry& e : table)
        for (const char* t : e.tags)
            if (tag == QLatin1String(t)) return QString::fromLatin1(e.codec);
    if (!tag.isEmpty()) return tag;
    // No tag: look at the first packet (webm/mkv without codec tags).
    if (firstPacket.total() >= 10 && firstPacket.isContinuous()) {
        const uchar* p = firstPacket.ptr<uchar>();
        if (p[3] == 0x9d && p[4] == 0x01 && p[5] == 0x2a) return QStringLiteral("vp8");
        if ((p[0] >> 6) == 2) return QStringLiteral("vp9"); // VP9 frame marker
        const int obuType = (p[0] >> 3) & 0x0F;
        if ((p[0] & 0x80) == 0 && (obuType == 1 || obuType == 2)) return QStringLiteral("av1");
    }
    return QStringLiteral("unknown");
}

bool isTextCodec(const QString& codec)
{
    // FFmpeg renders text files (.txt, .nfo, .ans, ...) as ANSI art "video".
    return codec == QLatin1String("ansi") || codec == QLatin1String("bint") || codec == QLatin1String("xbin")
        || codec == QLatin1String("idf") || codec == QLatin1String("tty");
}

// Clockwise rotation (0/90/180/270) a player applies, from OpenCV's CAP_PROP_ORIENTATION_META.
// OpenCV 4.6.x reports the display matrix angle counter-clockwise and so rotates +-90 degree
// videos the wrong way (opencv/opencv#22088, fixed in 4.7): there the sign is flipped. Frames are
// always rotated here, with OpenCV's own auto-rotation switched off.
int clockwiseRotation(double orientationMeta)
{
    int r = int(std::lround(orientationMeta));
    r = ((r % 360) + 360) % 360;
#if CV_VERSION_MAJOR == 4 && CV_VERSION_MINOR == 6
    r = (360 - r) % 360;
#endif
    return (r % 90 == 0) ? r : 0;
}

int rotateFlag(int clockwise)
{
    switch (clockwise) {
    case 90: return cv::ROTATE_90_CLOCKWISE;
    case 180: return cv::ROTATE_180;
    case 270: return cv::ROTATE_90_COUNTERCLOCKWISE;
    default: return -1;
    }
}

} // namespace

struct VideoSource::Impl {
    QString path;       // absolute
    std::string cvPath; // as OpenCV wants it (local 8-bit encoding)
    VideoInfo info;
    FrameIndex index;
    QString indexFile;
    bool cached = false;

    cv::VideoCapture cap;
    bool capOpen = false;
    int rotate = -1;   // cv::RotateFlags applied to decoded frames, -1: none
    cv::Mat unrotated; // decoder output before rotation
    qint64 cur = kUnknown;
    qint64 safeEnd = 0; // frames >= safeEnd are not identified by their time after a seek
    cv::Mat scratch;    // reused for sinks
    cv::Mat lastFrame;  // frame() cache
    qint64 lastFrameIndex = -1;

    QString fail(const QString& problem) const { return shown(path) + QStringLiteral(": ") + problem; }
    QString name() const { return QFileInfo(path).fileName(); }

    Status buildIndex(const WorkControl& control, const FrameSink& sink);
    std::vector<bool> readKeyframes(const WorkControl& control, cv::Mat* firstPacket, bool* cancelled);
    void finishIndex();
    bool openCapture();
    bool retrieve(cv::Mat& out);
    Status reopen();
    Status positionAt(qint64 i);
    Status grabForward(qint64 i, bool verify);
    Status decodeFromStart(qint64 i);
    bool shouldGrabForward(qint64 i) const;
};

VideoSource::VideoSource() : d(std::make_unique<Impl>()) {}
VideoSource::~VideoSource() = default;

const VideoInfo& VideoSource::info() const
{
    return d->info;
}
const FrameIndex& VideoSource::index() const
{
    return d->index;
}
QString VideoSource::indexFile() const
{
    return d->indexFile;
}
bool VideoSource::indexWasCached() const
{
    return d->cached;
}

QString VideoSource::defaultIndexCacheDir()
{
    const QString base = QStandardPaths::writableLocation(QStandardPaths::CacheLocation);
    return base.isEmpty() ? QString() : base + QStringLiteral("/index");
}

// ---- open -----------------------------------------------------------------------------------

Result<std::unique_ptr<VideoSource>> VideoSource::open(const QString& path, const VideoOpenOptions& options,
                                                       const WorkControl& control, const FrameSink& sink)
{
    using R = Result<std::unique_ptr<VideoSource>>;
    silenceFfmpegLog();
    if (path.isEmpty()) return R::failure(QStringLiteral("(no file name given): file not found"));
    const QFileInfo fi(path);
    const QString abs = fi.absoluteFilePath();
    if (!fi.exists()) return R::failure(QStringLiteral("%1: file not found").arg(shown(abs)));
    if (fi.isDir()) return R::failure(QStringLiteral("%1: is a folder, not a video file").arg(shown(abs)));
    if (!fi.isFile()) return R::failure(QStringLiteral("%1: not a regular file").arg(shown(abs)));
    if (fi.size() == 0) return R::failure(QStringLiteral("%1: file is empty").arg(shown(abs)));
    if (!fi.isReadable()) return R::failure(QStringLiteral("%1: cannot be read (permission denied)").arg(shown(abs)));

    auto fingerprint = FileFingerprint::of(abs);
    if (!fingerprint) return R::failure(fingerprint.error());

    std::unique_ptr<VideoSource> source(new VideoSource);
    Impl& d = *source->d;
    d.path = abs;
    d.cvPath = QFile::encodeName(abs).toStdString();

    try {
        // Where the index lives (if anywhere).
        QString indexFile;
        if (options.useIndexCache) {
            const QString dir = options.indexCacheDir.isEmpty() ? defaultIndexCacheDir() : options.indexCacheDir;
            if (!dir.isEmpty() && QDir().mkpath(dir))
                indexFile = QDir(dir).filePath(QString::fromLatin1(fingerprint->hash) + QStringLiteral(".flidx"));
            else
                qCDebug(lcVideo) << "index folder" << dir << "cannot be created; not caching";
        }

        if (!indexFile.isEmpty() && QFileInfo::exists(indexFile)) {
            auto loaded = FrameIndex::load(indexFile, *fingerprint);
            if (!loaded) {
                qCDebug(lcVideo) << "cached index not used:" << loaded.error();
            } else if (loaded->fingerprint.modifiedMs != fingerprint->modifiedMs) {
                qCDebug(lcVideo) << "cached index not used:" << abs << "was modified since it was indexed";
            } else if (loaded->index.empty()) {
                qCDebug(lcVideo) << "cached index not used: empty";
            } else {
                d.index = std::move(loaded->index);
                d.info = std::move(loaded->info);
                d.info.path = abs;
                d.info.container = fi.suffix().toLower();
                d.cached = true;
            }
        }

        if (d.cached) {
            d.indexFile = indexFile;
            d.finishIndex();
            if (Status s = d.reopen(); !s) return R::failure(s.error());
            if (sink && !options.sinkOnlyWhileIndexing) {
                if (Status s = source->readRange(0, d.index.frameCount(), sink, control); !s)
                    return R::failure(s.error());
            }
            qCDebug(lcVideo) << "opened" << abs << "with cached index" << indexFile;
            return source;
        }

        if (Status s = d.buildIndex(control, sink); !s) return R::failure(s.error());
        if (!indexFile.isEmpty()) {
            if (Status s = d.index.save(indexFile, *fingerprint, d.info); s)
                d.indexFile = indexFile;
            else
                qCDebug(lcVideo) << "index not cached:" << s.error();
        }
        return source;
    } catch (const cv::Exception& e) {
        return R::failure(QStringLiteral("%1: the FFmpeg back end failed (%2)")
                              .arg(shown(abs), QString::fromLocal8Bit(e.what()).simplified()));
    } catch (const std::exception& e) {
        return R::failure(QStringLiteral("%1: %2").arg(shown(abs), QString::fromLocal8Bit(e.what()).simplified()));
    }
}

Result<std::unique_ptr<VideoSource>> VideoSource::duplicate() const
{
    using R = Result<std::unique_ptr<VideoSource>>;
    std::unique_ptr<VideoSource> copy(new VideoSource);
    Impl& c = *copy->d;
    c.path = d->path;
    c.cvPath = d->cvPath;
    c.info = d->info;
    c.index = d->index;
    c.indexFile = d->indexFile;
    c.cached = d->cached;
    c.finishIndex();
    try {
        if (Status s = c.reopen(); !s) return R::failure(s.error());
    } catch (const cv::Exception& e) {
        return R::failure(c.fail(
            QStringLiteral("the FFmpeg back end failed (%1)").arg(QString::fromLocal8Bit(e.what()).simplified())));
    }
    return copy;
}

std::vector<qint64> VideoSource::cheapStarts() const
{
    std::vector<qint64> out;
    if (!d->info.timestampsReliable) return out;
    // A seek to r lands on the keyframe at or before r - kOpenCvSeekLead and decodes forward:
    // r = keyframe + lead decodes `lead` frames first (grab only), a keyframe itself a whole GOP.
    for (qint64 k : d->index.keyframes()) {
        const qint64 r = k + kOpenCvSeekLead;
        if (r >= d->safeEnd - 1) break;
        out.push_back(r);
    }
    return out;
}

void VideoSource::Impl::finishIndex()
{
    rotate = rotateFlag(info.rotation);
    const qint64 n = index.frameCount();
    // Frames drained at end of file report no usable time, and a drained frame can repeat an
    // earlier frame's time; keep a margin well past the estimated tail.
    const qint64 zone = std::max<qint64>(16, 3 * index.estimatedTailLength() + 8);
    safeEnd = info.timestampsReliable ? std::max<qint64>(0, n - zone) : 0;
}

// One pass: decode every frame (grab only, unless a sink wants pixels) and record its time.
Status VideoSource::Impl::buildIndex(const WorkControl& control, const FrameSink& sink)
{
    const QString what = QStringLiteral("Indexing %1").arg(name());
    QElapsedTimer timer;
    timer.start();
    if (!openCapture()) return Status::failure(fail(QStringLiteral("not a video the FFmpeg back end can read")));

    info.path = path;
    info.container = QFileInfo(path).suffix().toLower();
    info.nominalFps = cap.get(cv::CAP_PROP_FPS);
    if (!std::isfinite(info.nominalFps) || info.nominalFps < 0) info.nominalFps = 0;
    const double declared = cap.get(cv::CAP_PROP_FRAME_COUNT);
    info.declaredFrameCount = std::isfinite(declared) && declared > 0 ? qint64(std::llround(declared)) : 0;
    const double fourccValue = cap.get(cv::CAP_PROP_FOURCC);
    const quint32 fourcc = std::isfinite(fourccValue) && fourccValue > 0
        ? quint32(qint64(std::llround(fourccValue)) & 0xFFFFFFFF)
        : 0;
    info.rotation = clockwiseRotation(cap.get(cv::CAP_PROP_ORIENTATION_META));
    rotate = rotateFlag(info.rotation);
    info.codec = codecName(fourcc, cv::Mat());
    if (isTextCodec(info.codec)) return Status::failure(fail(QStringLiteral("a text file, not a video")));

    std::vector<double> times;
    times.reserve(size_t(std::clamp<qint64>(info.declaredFrameCount + 16, 1024, 1 << 20)));
    const qint64 total = info.declaredFrameCount;
    const qint64 openNs = timer.nsecsElapsed();
    while (true) {
        if (control.cancelled()) return Status::failure(fail(QStringLiteral("cancelled")));
        if (!cap.grab()) break;
        const qint64 k = qint64(times.size());
        times.push_back(cap.get(cv::CAP_PROP_POS_MSEC));
        if (sink) {
            if (!retrieve(scratch)) return Status::failure(fail(QStringLiteral("decoding failed at frame %1").arg(k)));
            if (k == 0) {
                info.width = scratch.cols;
                info.height = scratch.rows;
            }
            if (!sink(k, scratch)) return Status::failure(fail(QStringLiteral("cancelled")));
        } else if (k == 0) {
            if (retrieve(scratch)) {
                info.width = scratch.cols;
                info.height = scratch.rows;
            }
        }
        if ((k + 1) % kReportEvery == 0) control.report(k + 1, total, what);
    }
    if (info.width <= 0 || info.height <= 0) {
        info.width = int(cap.get(cv::CAP_PROP_FRAME_WIDTH));
        info.height = int(cap.get(cv::CAP_PROP_FRAME_HEIGHT));
        if (info.rotation % 180) std::swap(info.width, info.height);
    }
    cap.release(); // at end of file; reopened on the first frame() call
    capOpen = false;
    cur = kUnknown;
    scratch.release();
    unrotated.release();

    const qint64 n = qint64(times.size());
    if (n == 0)
        return Status::failure(fail(
            info.declaredFrameCount > 0
                ? QStringLiteral("no frame could be decoded (the file declares %1): truncated or damaged")
                      .arg(info.declaredFrameCount)
                : QStringLiteral("no frame could be decoded: damaged, or not a video the FFmpeg back end can read")));

    const qint64 decodeNs = timer.nsecsElapsed();
    bool cancelled = false;
    cv::Mat firstPacket;
    std::vector<bool> keys = readKeyframes(control, &firstPacket, &cancelled);
    if (cancelled) return Status::failure(fail(QStringLiteral("cancelled")));
    if (info.codec == QLatin1String("unknown")) info.codec = codecName(fourcc, firstPacket);

    index = FrameIndex::fromDecoderTimes(std::move(times), std::move(keys), info.nominalFps);
    info.frameCount = n;
    info.durationSec = index.durationMs() / 1000.0;
    info.averageFps = index.averageFps();
    info.variableFrameRate = index.isVariableFrameRate();
    info.timestampsReliable = index.timestampsReliable();
    if (info.nominalFps <= 0) info.nominalFps = info.averageFps;

    // A decoder that gives up midway (truncated file, damaged data) just stops delivering
    // frames. Compare with what the header declares: the declared count is exact for mp4/avi
    // (sample tables), and elsewhere OpenCV derives it from duration x rate, which can overshoot
    // on variable-rate files, so the decoded duration must fall short as well.
    if (info.declaredFrameCount > 0 && double(n) < 0.9 * double(info.declaredFrameCount)) {
        const double declaredSec = info.nominalFps > 0 ? double(info.declaredFrameCount) / info.nominalFps : 0;
        if (declaredSec <= 0 || info.durationSec < 0.9 * declaredSec)
            return Status::failure(
                fail(QStringLiteral("decoding stopped at frame %1 of %2 the file declares: truncated or damaged")
                         .arg(n)
                         .arg(info.declaredFrameCount)));
    }
    finishIndex();
    control.report(n, n, what);
    qCDebug(lcVideo).nospace() << "indexed " << path << " in " << timer.elapsed() << " ms (open " << openNs / 1000000
                               << " ms, decode " << (decodeNs - openNs) / 1000000 << " ms"
                               << (sink ? " with frames" : "") << ", keyframes "
                               << (timer.nsecsElapsed() - decodeNs) / 1000000 << " ms)";
    qCDebug(lcVideo) << "indexed" << path << n << "frames, declared" << info.declaredFrameCount << "codec" << info.codec
                     << "rotation" << info.rotation << "vfr" << info.variableFrameRate << "reliable"
                     << info.timestampsReliable << "estimated tail" << index.estimatedTailLength() << "keyframes"
                     << index.keyframes().size();
    return Status::success();
}

// Keyframe flags from a demux-only pass in OpenCV's raw packet mode. The k-th packet (decode
// order) is mapped to the k-th decoded frame: exact for streams without reordering and for
// closed-GOP (IDR) streams; in open-GOP streams the mark can be off by the number of leading
// B-frames. The flags only guide seeking (every landing is verified by its timestamp), so an
// offset costs speed, never exactness.
std::vector<bool> VideoSource::Impl::readKeyframes(const WorkControl& control, cv::Mat* firstPacket, bool* cancelled)
{
    std::vector<bool> keys;
    cv::VideoCapture raw;
    try {
        if (!raw.open(cvPath, cv::CAP_FFMPEG, {cv::CAP_PROP_FORMAT, -1}) || !raw.isOpened()) {
            qCDebug(lcVideo) << "raw packet mode unavailable for" << path << "; frame 0 is the only known keyframe";
            return {true};
        }
        keys.reserve(size_t(index.frameCount() > 0 ? index.frameCount() : 1024));
        while (raw.grab()) {
            if (control.cancelled()) {
                *cancelled = true;
                return {};
            }
            if (keys.empty()) raw.retrieve(*firstPacket);
            keys.push_back(raw.get(cv::CAP_PROP_LRF_HAS_KEY_FRAME) != 0);
        }
    } catch (const cv::Exception& e) {
        qCDebug(lcVideo) << "raw packet pass failed for" << path << e.what();
    }
    if (keys.empty()) keys.push_back(true);
    return keys;
}

// ---- random access --------------------------------------------------------------------------

bool VideoSource::Impl::openCapture()
{
    if (capOpen) cap.release();
    capOpen = false;
    cur = kUnknown;
    if (!cap.open(cvPath, cv::CAP_FFMPEG) || !cap.isOpened()) return false;
    cap.set(cv::CAP_PROP_ORIENTATION_AUTO, 0); // rotated here, see clockwiseRotation()
    capOpen = true;
    cur = kFresh;
    return true;
}

// The current frame, BGR, rotation applied. `out` may be reused between calls.
bool VideoSource::Impl::retrieve(cv::Mat& out)
{
    if (rotate < 0) return cap.retrieve(out) && !out.empty();
    if (!cap.retrieve(unrotated) || unrotated.empty()) return false;
    cv::rotate(unrotated, out, rotate);
    return true;
}

Status VideoSource::Impl::reopen()
{
    if (!openCapture())
        return Status::failure(
            fail(QStringLiteral("cannot be opened by the FFmpeg back end any more (removed or changed?)")));
    return Status::success();
}

bool VideoSource::Impl::shouldGrabForward(qint64 i) const
{
    if (cur < kFresh || i <= cur) return false;
    if (i - cur <= kAlwaysForward) return true;
    if (!info.timestampsReliable || safeEnd <= 1) return true; // the alternative decodes from the start
    // A seek decodes from the keyframe before (target - 16); if that keyframe is not past the
    // current position, decoding forward is less work.
    // (Freshly opened, cur is -1: decoding from the start is a seek to keyframe 0.)
    const qint64 seekTarget = std::min(i, safeEnd - 1);
    return index.keyframeAtOrBefore(std::max<qint64>(0, seekTarget - kOpenCvSeekLead)) <= std::max<qint64>(cur, 0);
}

Status VideoSource::Impl::grabForward(qint64 i, bool verify)
{
    while (cur < i) {
        if (!cap.grab()) {
            const qint64 at = cur + 1;
            cur = kUnknown;
            return Status::failure(fail(QStringLiteral("decoding failed at frame %1").arg(at)));
        }
        ++cur;
        if (verify && cur < safeEnd && !index.timestampEstimated(cur)) {
            const double ms = cap.get(cv::CAP_PROP_POS_MSEC);
            const auto m = index.matchTimestamp(ms);
            if (!m || *m != cur) {
                qCDebug(lcVideo) << path << "expected frame" << cur << "but the decoder reports" << ms << "ms";
                const qint64 at = cur;
                cur = kUnknown;
                return Status::failure(fail(QStringLiteral("frame %1 could not be verified by its timestamp").arg(at)));
            }
        }
    }
    return Status::success();
}

Status VideoSource::Impl::decodeFromStart(qint64 i)
{
    if (Status s = reopen(); !s) return s;
    return grabForward(i, false);
}

Status VideoSource::Impl::positionAt(qint64 i)
{
    if (cur == i) return Status::success();
    if (!capOpen) {
        if (Status s = reopen(); !s) return s;
    }
    if (shouldGrabForward(i)) {
        if (Status s = grabForward(i, false); s) return s;
        qCDebug(lcVideo) << path << "forward decoding failed; decoding from the start";
        return decodeFromStart(i);
    }
    // Timestamps that cannot identify a frame leave only the slow exact path.
    const qint64 r0 = std::min(i, safeEnd - 1);
    if (!info.timestampsReliable || r0 <= 0) return decodeFromStart(i);

    // Ask OpenCV to seek near r, then identify the frame it actually reached by its time.
    // Landing past the target or on something unidentifiable: back off, doubling.
    for (qint64 back = 0;; back = back == 0 ? 16 : back * 2) {
        const qint64 r = r0 - back;
        if (r <= 0) return decodeFromStart(i);
        cur = kUnknown;
        cap.set(cv::CAP_PROP_POS_FRAMES, double(r));
        if (!cap.grab()) {
            qCDebug(lcVideo) << path << "seek to" << r << ": no frame";
            continue;
        }
        const double ms = cap.get(cv::CAP_PROP_POS_MSEC);
        const auto landed = index.matchTimestamp(ms);
        // Frame 0 is excluded: drained frames at end of file also report time 0.
        if (!landed || *landed <= 0 || *landed >= safeEnd || *landed > i) {
            qCDebug(lcVideo) << path << "seek to" << r << "for" << i << "landed at" << ms
                             << "ms =" << (landed ? *landed : -1) << "; backing off";
            continue;
        }
        cur = *landed;
        if (Status s = grabForward(i, true); s) return s;
        qCDebug(lcVideo) << path << "forward decoding after a seek failed; decoding from the start";
        return decodeFromStart(i);
    }
}

Result<cv::Mat> VideoSource::frame(qint64 i)
{
    const qint64 n = d->index.frameCount();
    if (i < 0 || i >= n)
        return Result<cv::Mat>::failure(
            d->fail(QStringLiteral("frame %1 is out of range (the video has frames 0 to %2)").arg(i).arg(n - 1)));
    if (i == d->lastFrameIndex && !d->lastFrame.empty()) return d->lastFrame.clone();
    try {
        if (Status s = d->positionAt(i); !s) return Result<cv::Mat>::failure(s.error());
        cv::Mat m;
        if (!d->retrieve(m))
            return Result<cv::Mat>::failure(d->fail(QStringLiteral("decoding failed at frame %1").arg(i)));
        d->lastFrame = m;
        d->lastFrameIndex = i;
        return m.clone();
    } catch (const cv::Exception& e) {
        d->cur = kUnknown;
        return Result<cv::Mat>::failure(d->fail(QStringLiteral("the FFmpeg back end failed at frame %1 (%2)")
                                                    .arg(i)
                                                    .arg(QString::fromLocal8Bit(e.what()).simplified())));
    }
}

Status VideoSource::readRange(qint64 first, qint64 last, const FrameSink& sink, const WorkControl& control)
{
    const qint64 n = d->index.frameCount();
    if (first < 0 || last > n || first > last)
        return Status::failure(d->fail(QStringLiteral("frames %1 to %2 are out of range (the video has frames 0 to %3)")
                                           .arg(first)
                                           .arg(last - 1)
                                           .arg(n - 1)));
    if (first == last) return Status::success();
    const QString what = QStringLiteral("Reading %1").arg(d->name());
    try {
        if (control.cancelled()) return Status::failure(d->fail(QStringLiteral("cancelled")));
        if (Status s = d->positionAt(first); !s) return s;
        for (qint64 k = first; k < last; ++k) {
            if (k > first) {
                if (control.cancelled()) return Status::failure(d->fail(QStringLiteral("cancelled")));
                if (!d->cap.grab()) {
                    d->cur = kUnknown;
                    return Status::failure(d->fail(QStringLiteral("decoding failed at frame %1").arg(k)));
                }
                d->cur = k;
            }
            if (!d->retrieve(d->scratch))
                return Status::failure(d->fail(QStringLiteral("decoding failed at frame %1").arg(k)));
            if (!sink(k, d->scratch)) return Status::failure(d->fail(QStringLiteral("cancelled")));
            if ((k - first + 1) % kReportEvery == 0) control.report(k - first + 1, last - first, what);
        }
        control.report(last - first, last - first, what);
        return Status::success();
    } catch (const cv::Exception& e) {
        d->cur = kUnknown;
        return Status::failure(d->fail(
            QStringLiteral("the FFmpeg back end failed (%1)").arg(QString::fromLocal8Bit(e.what()).simplified())));
    }
}

} // namespace fl
