#include "video/VideoSource.h"

#include "video/FileFingerprint.h"
#include "video/VideoLog.h"

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
#include <libavutil/display.h>
#include <libavutil/hwcontext.h>
#include <libavutil/imgutils.h>
#include <libavutil/pixdesc.h>
#include <libswscale/swscale.h>
}

#include <opencv2/core.hpp>

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QMutex>
#include <QStandardPaths>
#include <QThread>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <mutex>
#include <unordered_set>

namespace fl {

Q_LOGGING_CATEGORY(lcVideo, "fragmentlab.video", QtInfoMsg)

namespace {

// Decoder position: index of the frame the decoder last output (held in Impl::frame); kFresh:
// freshly opened or sought to the start, the next frame is frame 0; kUnknown: after a failure
// or a seek whose landing is not identified yet.
constexpr qint64 kFresh = -1;
constexpr qint64 kUnknown = -2;

// A target at most this far ahead is always reached by decoding forward.
constexpr qint64 kAlwaysForward = 24;
constexpr qint64 kReportEvery = 16;
// Decoding gives up after this many failed packets in a row (a damaged stretch of a file is
// skipped packet by packet; garbage to the end is not).
constexpr int kMaxErrorsInARow = 256;
// After a seek, frames that cannot be identified (leading frames of an open GOP) are skipped;
// this many without one that can means the seek failed.
constexpr int kMaxUnidentifiedAfterSeek = 64;

// FFmpeg prints its decoder complaints ("Invalid NAL unit size", ...) to stderr; on a damaged
// file that buries our one-line message. Quiet unless the user asked for FFmpeg's output
// (FRAGMENTLAB_FFMPEG_LOGLEVEL=<av log level>, e.g. 24 for warnings) or ours
// (QT_LOGGING_RULES="fragmentlab.video.debug=true": FFmpeg's warnings too).
void setFfmpegLogLevel()
{
    static std::once_flag once;
    std::call_once(once, [] {
        bool ok = false;
        const int asked = qEnvironmentVariableIntValue("FRAGMENTLAB_FFMPEG_LOGLEVEL", &ok);
        if (ok)
            av_log_set_level(asked);
        else
            av_log_set_level(lcVideo().isDebugEnabled() ? AV_LOG_WARNING : AV_LOG_QUIET);
    });
}

QString shown(const QString& path)
{
    return QDir::toNativeSeparators(path);
}

QString avError(int code)
{
    char text[AV_ERROR_MAX_STRING_SIZE] = {};
    av_strerror(code, text, sizeof text);
    return QString::fromLocal8Bit(text);
}

bool isTextCodec(AVCodecID id)
{
    // FFmpeg renders text files (.txt, .nfo, .ans, ...) as ANSI art "video".
    return id == AV_CODEC_ID_ANSI || id == AV_CODEC_ID_BINTEXT || id == AV_CODEC_ID_XBIN || id == AV_CODEC_ID_IDF;
}

// Clockwise rotation (0/90/180/270) a player applies, from the stream's display matrix, as the
// ffmpeg CLI does (av_display_rotation_get is counter-clockwise).
int clockwiseRotation(const AVStream* st)
{
    size_t size = 0;
    const uint8_t* matrix = av_stream_get_side_data(st, AV_PKT_DATA_DISPLAYMATRIX, &size);
    if (!matrix || size < 9 * sizeof(int32_t)) return 0;
    const double ccw = av_display_rotation_get(reinterpret_cast<const int32_t*>(matrix));
    if (!std::isfinite(ccw)) return 0;
    int r = int(std::lround(-ccw));
    r = ((r % 360) + 360) % 360;
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

QMutex& defaultHardwareMutex()
{
    static QMutex m;
    return m;
}
QString& defaultHardwareValue()
{
    static QString v = QStringLiteral("none");
    return v;
}

struct HardwareChoice {
    AVBufferRef* device = nullptr;
    AVPixelFormat format = AV_PIX_FMT_NONE;
    QString type;
};

AVPixelFormat pickHardwareFormat(AVCodecContext* ctx, const AVPixelFormat* offered)
{
    const auto wanted = AVPixelFormat(reinterpret_cast<intptr_t>(ctx->opaque));
    for (const AVPixelFormat* p = offered; *p != AV_PIX_FMT_NONE; ++p)
        if (*p == wanted) return *p;
    // The device cannot take this stream: the first software format offered.
    for (const AVPixelFormat* p = offered; *p != AV_PIX_FMT_NONE; ++p) {
        const AVPixFmtDescriptor* desc = av_pix_fmt_desc_get(*p);
        if (desc && !(desc->flags & AV_PIX_FMT_FLAG_HWACCEL)) return *p;
    }
    return AV_PIX_FMT_NONE;
}

// Opens a device for `codec` of the asked type ("auto": the first that opens). Returns an
// empty choice when none can be had; `why` then says why.
HardwareChoice openHardware(const AVCodec* codec, const QString& asked, QString* why)
{
    HardwareChoice out;
    std::vector<AVHWDeviceType> types;
    if (asked == QLatin1String("auto")) {
        for (AVHWDeviceType t = av_hwdevice_iterate_types(AV_HWDEVICE_TYPE_NONE); t != AV_HWDEVICE_TYPE_NONE;
             t = av_hwdevice_iterate_types(t))
            types.push_back(t);
        if (types.empty()) *why = QStringLiteral("this FFmpeg offers no hardware decoding");
    } else {
        const AVHWDeviceType t = av_hwdevice_find_type_by_name(asked.toUtf8().constData());
        if (t == AV_HWDEVICE_TYPE_NONE)
            *why = QStringLiteral("\"%1\" is not a hardware decoder this FFmpeg knows (%2)")
                       .arg(asked, VideoSource::hardwareDecoderTypes().join(QStringLiteral(", ")));
        else
            types.push_back(t);
    }
    for (AVHWDeviceType t : types) {
        const QString name = QString::fromLatin1(av_hwdevice_get_type_name(t));
        AVPixelFormat format = AV_PIX_FMT_NONE;
        for (int k = 0;; ++k) {
            const AVCodecHWConfig* config = avcodec_get_hw_config(codec, k);
            if (!config) break;
            if ((config->methods & AV_CODEC_HW_CONFIG_METHOD_HW_DEVICE_CTX) && config->device_type == t) {
                format = config->pix_fmt;
                break;
            }
        }
        if (format == AV_PIX_FMT_NONE) {
            *why = QStringLiteral("%1 cannot decode %2").arg(name, QString::fromLatin1(codec->name));
            continue;
        }
        AVBufferRef* device = nullptr;
        const int r = av_hwdevice_ctx_create(&device, t, nullptr, nullptr, 0);
        if (r < 0) {
            *why = QStringLiteral("no %1 device (%2)").arg(name, avError(r));
            continue;
        }
        out.device = device;
        out.format = format;
        out.type = name;
        return out;
    }
    return out;
}

// One demuxer and decoder over the file.
struct Decoder {
    AVFormatContext* fmt = nullptr;
    AVCodecContext* ctx = nullptr;
    AVPacket* pkt = nullptr;
    AVFrame* frame = nullptr;    // the decoder's last output
    AVFrame* transfer = nullptr; // a hardware frame copied to memory
    SwsContext* sws = nullptr;
    AVBufferRef* hwDevice = nullptr;
    AVPixelFormat hwFormat = AV_PIX_FMT_NONE;
    QString hwType;
    int stream = -1;
    AVStream* st = nullptr;
    int64_t startTs = 0;
    double msPerTick = 0;
    bool eofSent = false;
    bool readFailed = false; // av_read_frame ended with an error other than end of file
    int errorsInARow = 0;
    int droppedPackets = 0;
    // Indexing: pts and byte position of every keyframe packet seen, when asked.
    std::unordered_set<int64_t>* keyPts = nullptr;

    Decoder() = default;
    Decoder(const Decoder&) = delete;
    Decoder& operator=(const Decoder&) = delete;
    ~Decoder() { close(); }

    void close()
    {
        sws_freeContext(sws);
        sws = nullptr;
        av_frame_free(&transfer);
        av_frame_free(&frame);
        av_packet_free(&pkt);
        avcodec_free_context(&ctx);
        avformat_close_input(&fmt);
        av_buffer_unref(&hwDevice);
        hwFormat = AV_PIX_FMT_NONE;
        hwType.clear();
        stream = -1;
        st = nullptr;
    }

    // Fails with the problem only (the caller names the file).
    Status open(const QByteArray& file, int threads, const QString& hardware, bool forIndex)
    {
        close();
        int r = avformat_open_input(&fmt, file.constData(), nullptr, nullptr);
        if (r < 0) {
            fmt = nullptr;
            return Status::failure(QStringLiteral("not a video the FFmpeg back end can read (%1)").arg(avError(r)));
        }
        // Containers without a header (MPEG-PS, ...) find their streams only by reading.
        if (forIndex || (fmt->ctx_flags & AVFMTCTX_NOHEADER) || fmt->nb_streams == 0) {
            r = avformat_find_stream_info(fmt, nullptr);
            if (r < 0)
                return Status::failure(QStringLiteral("not a video the FFmpeg back end can read (%1)").arg(avError(r)));
        }
        const AVCodec* codec = nullptr;
        stream = -1;
        // The best video stream that is not a cover picture.
        const int best = av_find_best_stream(fmt, AVMEDIA_TYPE_VIDEO, -1, -1, &codec, 0);
        if (best >= 0 && !(fmt->streams[best]->disposition & AV_DISPOSITION_ATTACHED_PIC)) stream = best;
        for (unsigned k = 0; stream < 0 && k < fmt->nb_streams; ++k) {
            const AVStream* s = fmt->streams[k];
            if (s->codecpar->codec_type == AVMEDIA_TYPE_VIDEO && !(s->disposition & AV_DISPOSITION_ATTACHED_PIC)) {
                stream = int(k);
                codec = avcodec_find_decoder(s->codecpar->codec_id);
            }
        }
        if (stream < 0) return Status::failure(QStringLiteral("not a video: the file has no video stream"));
        st = fmt->streams[stream];
        if (isTextCodec(st->codecpar->codec_id)) return Status::failure(QStringLiteral("a text file, not a video"));
        if (!codec)
            return Status::failure(QStringLiteral("not a video the FFmpeg back end can read (no decoder for %1)")
                                       .arg(QString::fromLatin1(avcodec_get_name(st->codecpar->codec_id))));
        for (unsigned k = 0; k < fmt->nb_streams; ++k)
            if (int(k) != stream) fmt->streams[k]->discard = AVDISCARD_ALL;
        startTs = st->start_time != AV_NOPTS_VALUE ? st->start_time : 0;
        msPerTick = av_q2d(st->time_base) * 1000.0;

        ctx = avcodec_alloc_context3(codec);
        if (!ctx) return Status::failure(QStringLiteral("out of memory"));
        if ((r = avcodec_parameters_to_context(ctx, st->codecpar)) < 0)
            return Status::failure(QStringLiteral("decoder set-up failed (%1)").arg(avError(r)));
        ctx->pkt_timebase = st->time_base;
        ctx->thread_count = threads > 0 ? threads : std::clamp(QThread::idealThreadCount(), 1, 16);
        ctx->thread_type = FF_THREAD_FRAME | FF_THREAD_SLICE;
        if (!hardware.isEmpty() && hardware != QLatin1String("none")) {
            QString why;
            HardwareChoice hw = openHardware(codec, hardware, &why);
            if (hw.device) {
                hwDevice = hw.device;
                hwFormat = hw.format;
                hwType = hw.type;
                ctx->hw_device_ctx = av_buffer_ref(hwDevice);
                ctx->opaque = reinterpret_cast<void*>(intptr_t(hwFormat));
                ctx->get_format = pickHardwareFormat;
            } else {
                static std::once_flag warned;
                std::call_once(warned, [&] {
                    qCWarning(lcVideo).noquote()
                        << QStringLiteral("hardware decoding (%1) unavailable: %2; decoding in software")
                               .arg(hardware, why);
                });
            }
        }
        if ((r = avcodec_open2(ctx, codec, nullptr)) < 0)
            return Status::failure(QStringLiteral("the %1 decoder cannot be opened (%2)")
                                       .arg(QString::fromLatin1(codec->name), avError(r)));
        pkt = av_packet_alloc();
        frame = av_frame_alloc();
        transfer = av_frame_alloc();
        if (!pkt || !frame || !transfer) return Status::failure(QStringLiteral("out of memory"));
        eofSent = false;
        readFailed = false;
        errorsInARow = 0;
        return Status::success();
    }

    // Decodes the next frame into `frame`: true when there is one; false at end of stream or
    // when decoding gave up (too many damaged packets in a row).
    bool next()
    {
        for (;;) {
            const int r = avcodec_receive_frame(ctx, frame);
            if (r == 0) {
                errorsInARow = 0;
                return true;
            }
            if (r == AVERROR_EOF) return false;
            if (r != AVERROR(EAGAIN)) {
                // A frame that failed (e.g. in another frame thread): skip it, as a player does.
                if (++errorsInARow > kMaxErrorsInARow) return false;
                continue;
            }
            if (eofSent) return false;
            const int read = av_read_frame(fmt, pkt);
            if (read < 0) {
                if (read != AVERROR_EOF && read != AVERROR(EAGAIN)) readFailed = true;
                avcodec_send_packet(ctx, nullptr); // drain
                eofSent = true;
                continue;
            }
            if (pkt->stream_index != stream) {
                av_packet_unref(pkt);
                continue;
            }
            if (keyPts && (pkt->flags & AV_PKT_FLAG_KEY) && pkt->pts != AV_NOPTS_VALUE) keyPts->insert(pkt->pts);
            const int sent = avcodec_send_packet(ctx, pkt);
            av_packet_unref(pkt);
            if (sent < 0 && sent != AVERROR(EAGAIN)) {
                ++droppedPackets;
                if (++errorsInARow > kMaxErrorsInARow) return false;
            }
        }
    }

    int64_t frameTs() const
    {
        return frame->best_effort_timestamp != AV_NOPTS_VALUE ? frame->best_effort_timestamp : frame->pts;
    }
    // Time of the last frame in ms from the stream start; 0 without a timestamp.
    double frameMs() const
    {
        const int64_t ts = frameTs();
        return ts == AV_NOPTS_VALUE ? 0.0 : double(ts - startTs) * msPerTick;
    }
    int64_t tsOfMs(double ms) const { return startTs + int64_t(std::llround(ms / msPerTick)); }

    // Repositions the demuxer at or before `ts` (stream time base) and empties the decoder.
    bool seekTo(int64_t ts)
    {
        int r = av_seek_frame(fmt, stream, ts, AVSEEK_FLAG_BACKWARD);
        if (r < 0) r = avformat_seek_file(fmt, stream, INT64_MIN, ts, ts, 0);
        avcodec_flush_buffers(ctx);
        eofSent = false;
        errorsInARow = 0;
        return r >= 0;
    }

    // The last frame, converted (and rotated) into `out` in `format`.
    bool convert(const FrameFormat& format, int rotate, cv::Mat& out, cv::Mat& unrotated)
    {
        const AVFrame* src = frame;
        if (hwFormat != AV_PIX_FMT_NONE && frame->format == hwFormat) {
            av_frame_unref(transfer);
            if (av_hwframe_transfer_data(transfer, frame, 0) < 0) return false;
            src = transfer;
        }
        if (src->width <= 0 || src->height <= 0 || src->format < 0) return false;
        const bool sideways = rotate == cv::ROTATE_90_CLOCKWISE || rotate == cv::ROTATE_90_COUNTERCLOCKWISE;
        int w = sideways ? src->height : src->width; // as delivered, after rotation
        int h = sideways ? src->width : src->height;
        if (format.halvedToWidth > 0) {
            int f = 1;
            while (w / f > format.halvedToWidth) f *= 2;
            w = std::max(1, w / f);
            h = std::max(1, h / f);
        } else if (format.width > 0 && format.height > 0) {
            w = format.width;
            h = format.height;
        }
        if (sideways) std::swap(w, h); // the size before rotation
        AVPixelFormat dstFormat = AV_PIX_FMT_BGR24;
        int type = CV_8UC3;
        if (format.pixels == FrameFormat::Pixels::Rgb) dstFormat = AV_PIX_FMT_RGB24;
        if (format.pixels == FrameFormat::Pixels::Gray) {
            dstFormat = AV_PIX_FMT_GRAY8;
            type = CV_8UC1;
        }
        const bool shrink = w < src->width || h < src->height;
        // Same size: bicubic chroma upsampling, as OpenCV's back end and the ffmpeg CLI convert.
        // Smaller: the average over each output pixel's area; Accurate interpolates chroma at
        // full resolution first (without it, saturated colour edges come out ~6 levels off a
        // box average of the full-size frame; with it ~1; on camera footage both ~1).
        const int flags = !shrink                              ? SWS_BICUBIC
            : format.scaling == FrameFormat::Scaling::Accurate ? (SWS_AREA | SWS_ACCURATE_RND | SWS_FULL_CHR_H_INT)
                                                               : SWS_AREA;
        sws = sws_getCachedContext(sws, src->width, src->height, AVPixelFormat(src->format), w, h, dstFormat, flags,
                                   nullptr, nullptr, nullptr);
        if (!sws) return false;
        cv::Mat& target = rotate >= 0 ? unrotated : out;
        target.create(h, w, type);
        uint8_t* dst[4] = {target.data, nullptr, nullptr, nullptr};
        int dstStride[4] = {int(target.step[0]), 0, 0, 0};
        if (sws_scale(sws, src->data, src->linesize, 0, src->height, dst, dstStride) != h) return false;
        if (rotate >= 0) cv::rotate(unrotated, out, rotate);
        return true;
    }
};

} // namespace

struct VideoSource::Impl {
    QString path;      // absolute
    QByteArray avPath; // as FFmpeg wants it (local 8-bit encoding)
    VideoInfo info;
    FrameIndex index;
    QString indexFile;
    bool cached = false;
    int threads = 0;
    QString hardware;
    QString hardwareUsed; // the device type the last decoder opened on; empty: software

    Decoder dec;
    bool decOpen = false;
    int rotate = -1;   // cv::RotateFlags applied to decoded frames, -1: none
    cv::Mat unrotated; // converted frame before rotation
    qint64 cur = kUnknown;
    qint64 safeEnd = 0; // frames >= safeEnd are not identified by their time after a seek
    cv::Mat scratch;    // reused for sinks

    QString fail(const QString& problem) const { return shown(path) + QStringLiteral(": ") + problem; }
    QString name() const { return QFileInfo(path).fileName(); }

    Status buildIndex(const WorkControl& control, const FrameSink& sink, const FrameFormat& format);
    void finishIndex();
    Status reopen();
    Status positionAt(qint64 i);
    Status decodeForward(qint64 i, bool verify);
    Status decodeFromStart(qint64 i);
    bool shouldDecodeForward(qint64 i) const;
    bool identifies(qint64 k) const;
    bool retrieve(const FrameFormat& format, cv::Mat& out) { return dec.convert(format, rotate, out, unrotated); }
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
QString VideoSource::hardwareDecoder() const
{
    return d->hardwareUsed;
}

QString VideoSource::defaultIndexCacheDir()
{
    const QString base = QStandardPaths::writableLocation(QStandardPaths::CacheLocation);
    return base.isEmpty() ? QString() : base + QStringLiteral("/index");
}

void VideoSource::setDefaultHardwareDecoding(const QString& type)
{
    QMutexLocker lock(&defaultHardwareMutex());
    defaultHardwareValue() = type.trimmed().isEmpty() ? QStringLiteral("none") : type.trimmed().toLower();
}

QString VideoSource::defaultHardwareDecoding()
{
    QMutexLocker lock(&defaultHardwareMutex());
    return defaultHardwareValue();
}

QStringList VideoSource::hardwareDecoderTypes()
{
    QStringList out;
    for (AVHWDeviceType t = av_hwdevice_iterate_types(AV_HWDEVICE_TYPE_NONE); t != AV_HWDEVICE_TYPE_NONE;
         t = av_hwdevice_iterate_types(t))
        out << QString::fromLatin1(av_hwdevice_get_type_name(t));
    return out;
}

// ---- open -----------------------------------------------------------------------------------

Result<std::unique_ptr<VideoSource>> VideoSource::open(const QString& path, const VideoOpenOptions& options,
                                                       const WorkControl& control, const FrameSink& sink)
{
    using R = Result<std::unique_ptr<VideoSource>>;
    setFfmpegLogLevel();
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
    d.avPath = QFile::encodeName(abs);
    d.threads = options.decoderThreads;
    d.hardware = options.hardwareDecoding.isEmpty() ? defaultHardwareDecoding() : options.hardwareDecoding;

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
                if (Status s = source->readRange(0, d.index.frameCount(), sink, control, options.sinkFormat); !s)
                    return R::failure(s.error());
            }
            qCDebug(lcVideo) << "opened" << abs << "with cached index" << indexFile;
            return source;
        }

        if (Status s = d.buildIndex(control, sink, options.sinkFormat); !s) return R::failure(s.error());
        if (!indexFile.isEmpty()) {
            if (Status s = d.index.save(indexFile, *fingerprint, d.info); s)
                d.indexFile = indexFile;
            else
                qCDebug(lcVideo) << "index not cached:" << s.error();
        }
        return source;
    } catch (const cv::Exception& e) {
        return R::failure(QStringLiteral("%1: %2").arg(shown(abs), QString::fromLocal8Bit(e.what()).simplified()));
    } catch (const std::exception& e) {
        return R::failure(QStringLiteral("%1: %2").arg(shown(abs), QString::fromLocal8Bit(e.what()).simplified()));
    }
}

Result<std::unique_ptr<VideoSource>> VideoSource::duplicate(int decoderThreads) const
{
    using R = Result<std::unique_ptr<VideoSource>>;
    std::unique_ptr<VideoSource> copy(new VideoSource);
    Impl& c = *copy->d;
    c.path = d->path;
    c.avPath = d->avPath;
    c.info = d->info;
    c.index = d->index;
    c.indexFile = d->indexFile;
    c.cached = d->cached;
    c.threads = decoderThreads >= 0 ? decoderThreads : d->threads;
    c.hardware = d->hardware;
    c.finishIndex();
    if (Status s = c.reopen(); !s) return R::failure(s.error());
    return copy;
}

std::vector<qint64> VideoSource::cheapStarts() const
{
    std::vector<qint64> out;
    if (!d->info.timestampsReliable) return out;
    // A seek to a keyframe lands on it: reading from there decodes nothing before it.
    for (qint64 k : d->index.keyframes()) {
        if (k <= 0) continue;
        if (k >= d->safeEnd - 1) break;
        out.push_back(k);
    }
    return out;
}

void VideoSource::Impl::finishIndex()
{
    rotate = rotateFlag(info.rotation);
    const qint64 n = index.frameCount();
    // Frames drained at end of file without a time were extrapolated: keep a margin past them.
    const qint64 tail = index.estimatedTailLength();
    const qint64 zone = tail > 0 ? 3 * tail + 8 : 0;
    safeEnd = info.timestampsReliable ? std::max<qint64>(0, n - zone) : 0;
}

// One pass: decode every frame (converted only when a sink wants pixels) and record its time,
// keyframe flag and byte position.
Status VideoSource::Impl::buildIndex(const WorkControl& control, const FrameSink& sink, const FrameFormat& format)
{
    const QString what = QStringLiteral("Indexing %1").arg(name());
    QElapsedTimer timer;
    timer.start();
    if (Status s = dec.open(avPath, threads, hardware, true); !s) return Status::failure(fail(s.error()));
    decOpen = true;
    hardwareUsed = dec.hwType;
    const AVStream* st = dec.st;

    info.path = path;
    info.container = QFileInfo(path).suffix().toLower();
    info.codec = QString::fromLatin1(avcodec_get_name(st->codecpar->codec_id));
    AVRational rate = av_guess_frame_rate(dec.fmt, const_cast<AVStream*>(st), nullptr);
    info.nominalFps = rate.num > 0 && rate.den > 0 ? av_q2d(rate) : 0;
    if (!std::isfinite(info.nominalFps) || info.nominalFps < 0 || info.nominalFps > 10000) info.nominalFps = 0;
    // The header's frame count: the stream's own count where the container keeps one (mp4,
    // avi, mkv with statistics), else duration x rate, as OpenCV and ffprobe estimate it.
    qint64 declared = st->nb_frames > 0 ? qint64(st->nb_frames) : 0;
    if (declared == 0 && info.nominalFps > 0) {
        double sec = dec.fmt->duration != AV_NOPTS_VALUE ? double(dec.fmt->duration) / AV_TIME_BASE : 0;
        if (sec <= 0 && st->duration != AV_NOPTS_VALUE) sec = double(st->duration) * av_q2d(st->time_base);
        if (sec > 0) declared = qint64(std::floor(sec * info.nominalFps + 0.5));
    }
    info.declaredFrameCount = declared;
    info.rotation = clockwiseRotation(st);
    rotate = rotateFlag(info.rotation);

    std::unordered_set<int64_t> keyPts;
    dec.keyPts = &keyPts;
    std::vector<double> times;
    std::vector<int64_t> stamps;
    std::vector<bool> frameKey;
    std::vector<qint64> positions;
    const size_t expect = size_t(std::clamp<qint64>(info.declaredFrameCount + 16, 1024, 1 << 20));
    times.reserve(expect);
    stamps.reserve(expect);
    frameKey.reserve(expect);
    positions.reserve(expect);
    const qint64 total = info.declaredFrameCount;
    const qint64 openNs = timer.nsecsElapsed();
    while (true) {
        if (control.cancelled()) return Status::failure(fail(QStringLiteral("cancelled")));
        if (!dec.next()) break;
        const qint64 k = qint64(times.size());
        times.push_back(dec.frameMs());
        stamps.push_back(dec.frameTs());
        frameKey.push_back(dec.frame->key_frame != 0);
        positions.push_back(qint64(dec.frame->pkt_pos));
        if (k == 0) {
            const bool sideways = info.rotation % 180 != 0;
            info.width = sideways ? dec.frame->height : dec.frame->width;
            info.height = sideways ? dec.frame->width : dec.frame->height;
        }
        if (sink) {
            if (!retrieve(format, scratch))
                return Status::failure(fail(QStringLiteral("decoding failed at frame %1").arg(k)));
            if (!sink(k, scratch)) return Status::failure(fail(QStringLiteral("cancelled")));
        }
        if ((k + 1) % kReportEvery == 0) control.report(k + 1, total, what);
    }
    dec.keyPts = nullptr;
    const bool readFailed = dec.readFailed;
    const int dropped = dec.droppedPackets;
    if (info.width <= 0 || info.height <= 0) {
        info.width = st->codecpar->width;
        info.height = st->codecpar->height;
        if (info.rotation % 180) std::swap(info.width, info.height);
    }
    dec.close(); // at end of file; reopened on the first frame() call
    decOpen = false;
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

    // Keyframes: the frames that keyframe packets carried (matched by pts, so exact in
    // reordered streams too); where packets carry no pts, the decoder's own flag.
    std::vector<bool> keys(size_t(n), false);
    for (qint64 k = 0; k < n; ++k)
        keys[size_t(k)] = stamps[size_t(k)] != AV_NOPTS_VALUE && !keyPts.empty() ? keyPts.count(stamps[size_t(k)]) > 0
                                                                                 : bool(frameKey[size_t(k)]);

    const qint64 decodeNs = timer.nsecsElapsed();
    index = FrameIndex::fromDecoderTimes(std::move(times), std::move(keys), info.nominalFps, std::move(positions));
    info.frameCount = n;
    info.durationSec = index.durationMs() / 1000.0;
    info.averageFps = index.averageFps();
    info.variableFrameRate = index.isVariableFrameRate();
    info.timestampsReliable = index.timestampsReliable();
    if (info.nominalFps <= 0) info.nominalFps = info.averageFps;

    // A decoder that gives up midway (truncated file, damaged data) just stops delivering
    // frames. Compare with what the header declares: the declared count is exact for mp4/avi
    // (sample tables), and elsewhere it is derived from duration x rate, which can overshoot
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
                               << (sink ? " with frames" : "") << ")";
    qCDebug(lcVideo) << "indexed" << path << n << "frames, declared" << info.declaredFrameCount << "codec" << info.codec
                     << "rotation" << info.rotation << "vfr" << info.variableFrameRate << "reliable"
                     << info.timestampsReliable << "estimated tail" << index.estimatedTailLength() << "keyframes"
                     << index.keyframes().size() << "damaged packets" << dropped << "read error" << readFailed;
    return Status::success();
}

// ---- random access --------------------------------------------------------------------------

Status VideoSource::Impl::reopen()
{
    cur = kUnknown;
    decOpen = false;
    if (Status s = dec.open(avPath, threads, hardware, false); !s)
        return Status::failure(
            fail(QStringLiteral("cannot be opened by the FFmpeg back end any more (%1)").arg(s.error())));
    decOpen = true;
    hardwareUsed = dec.hwType;
    cur = kFresh;
    return Status::success();
}

// Frame k's time can identify it after a seek.
bool VideoSource::Impl::identifies(qint64 k) const
{
    return info.timestampsReliable && k >= 0 && k < safeEnd && !index.timestampEstimated(k);
}

bool VideoSource::Impl::shouldDecodeForward(qint64 i) const
{
    if (cur < kFresh || i <= cur) return false;
    if (i - cur <= kAlwaysForward) return true;
    if (!info.timestampsReliable || safeEnd <= 1) return true; // the alternative decodes from the start
    // A seek decodes from the keyframe at or before the target; if that keyframe is not past
    // the current position, decoding forward is less work.
    return index.keyframeAtOrBefore(std::min(i, safeEnd - 1)) <= std::max<qint64>(cur, 0);
}

Status VideoSource::Impl::decodeForward(qint64 i, bool verify)
{
    while (cur < i) {
        if (!dec.next()) {
            const qint64 at = cur + 1;
            cur = kUnknown;
            return Status::failure(fail(QStringLiteral("decoding failed at frame %1").arg(at)));
        }
        ++cur;
        if (verify && identifies(cur)) {
            const double ms = dec.frameMs();
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
    // Back to the start: a seek to byte 0 where the demuxer allows it, else a reopen.
    if (decOpen && dec.seekTo(dec.startTs) && info.timestampsReliable) {
        // Verify the landing: the first frame out must be frame 0.
        if (dec.next() && index.matchTimestamp(dec.frameMs()) == std::optional<qint64>(0)) {
            cur = 0;
            if (Status s = decodeForward(i, false); s) return s;
        }
    }
    if (Status s = reopen(); !s) return s;
    return decodeForward(i, false);
}

Status VideoSource::Impl::positionAt(qint64 i)
{
    if (cur == i) return Status::success();
    if (!decOpen) {
        if (Status s = reopen(); !s) return s;
    }
    if (shouldDecodeForward(i)) {
        if (Status s = decodeForward(i, false); s) return s;
        qCDebug(lcVideo) << path << "forward decoding failed; decoding from the start";
        return decodeFromStart(i);
    }
    // Timestamps that cannot identify a frame leave only the slow exact path.
    if (!info.timestampsReliable || safeEnd <= 1) return decodeFromStart(i);

    // Seek to the keyframe at or before i, then identify the frames that come out by their
    // times. Landing past the target or on nothing identifiable: an earlier keyframe.
    qint64 key = index.keyframeAtOrBefore(std::min(i, safeEnd - 1));
    for (int attempt = 0; key > 0 && attempt < 6; ++attempt) {
        cur = kUnknown;
        const bool sought = dec.seekTo(dec.tsOfMs(index.timestampMs(key)));
        qint64 landed = -1;
        for (int skipped = 0; sought && skipped < kMaxUnidentifiedAfterSeek; ++skipped) {
            if (!dec.next()) break;
            const auto m = index.matchTimestamp(dec.frameMs());
            if (m && identifies(*m)) {
                landed = *m;
                break;
            }
        }
        if (landed >= 0 && landed <= i) {
            cur = landed;
            if (Status s = decodeForward(i, true); s) return s;
            qCDebug(lcVideo) << path << "forward decoding after a seek failed; decoding from the start";
            return decodeFromStart(i);
        }
        qCDebug(lcVideo) << path << "seek to keyframe" << key << "for" << i << "landed at" << landed
                         << "; trying an earlier keyframe";
        key = index.keyframeAtOrBefore(key - 1);
    }
    cur = kUnknown;
    return decodeFromStart(i);
}

Result<cv::Mat> VideoSource::frame(qint64 i, const FrameFormat& format)
{
    const qint64 n = d->index.frameCount();
    if (i < 0 || i >= n)
        return Result<cv::Mat>::failure(
            d->fail(QStringLiteral("frame %1 is out of range (the video has frames 0 to %2)").arg(i).arg(n - 1)));
    try {
        if (Status s = d->positionAt(i); !s) return Result<cv::Mat>::failure(s.error());
        cv::Mat m;
        if (!d->retrieve(format, m))
            return Result<cv::Mat>::failure(d->fail(QStringLiteral("decoding failed at frame %1").arg(i)));
        return m;
    } catch (const cv::Exception& e) {
        d->cur = kUnknown;
        return Result<cv::Mat>::failure(d->fail(QStringLiteral("converting frame %1 failed (%2)")
                                                    .arg(i)
                                                    .arg(QString::fromLocal8Bit(e.what()).simplified())));
    }
}

Status VideoSource::readRange(qint64 first, qint64 last, const FrameSink& sink, const WorkControl& control,
                              const FrameFormat& format)
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
                if (!d->dec.next()) {
                    d->cur = kUnknown;
                    return Status::failure(d->fail(QStringLiteral("decoding failed at frame %1").arg(k)));
                }
                d->cur = k;
            }
            if (!d->retrieve(format, d->scratch))
                return Status::failure(d->fail(QStringLiteral("decoding failed at frame %1").arg(k)));
            if (!sink(k, d->scratch)) return Status::failure(d->fail(QStringLiteral("cancelled")));
            if ((k - first + 1) % kReportEvery == 0) control.report(k - first + 1, last - first, what);
        }
        control.report(last - first, last - first, what);
        return Status::success();
    } catch (const cv::Exception& e) {
        d->cur = kUnknown;
        return Status::failure(d->fail(
            QStringLiteral("converting frames failed (%1)").arg(QString::fromLocal8Bit(e.what()).simplified())));
    }
}

} // namespace fl
