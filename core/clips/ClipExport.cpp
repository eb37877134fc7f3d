#include "clips/ClipExport.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
#include <libavutil/avutil.h>
#include <libavutil/imgutils.h>
#include <libavutil/opt.h>
#include <libswscale/swscale.h>
}

#include <opencv2/core.hpp>

#include <cmath>
#include <cstdio>
#include <cstring>
#include <functional>
#include <limits>
#include <memory>
#include <optional>

namespace fl {

namespace {

QString avError(int code)
{
    char buf[AV_ERROR_MAX_STRING_SIZE] = {0};
    av_strerror(code, buf, sizeof buf);
    return QString::fromUtf8(buf);
}

struct InputCloser {
    void operator()(AVFormatContext* c) const { avformat_close_input(&c); }
};
struct OutputCloser {
    void operator()(AVFormatContext* c) const
    {
        if (!c) return;
        if (c->pb && !(c->oformat->flags & AVFMT_NOFILE)) avio_closep(&c->pb);
        avformat_free_context(c);
    }
};
struct CodecCloser {
    void operator()(AVCodecContext* c) const { avcodec_free_context(&c); }
};
struct FrameCloser {
    void operator()(AVFrame* f) const { av_frame_free(&f); }
};
struct PacketCloser {
    void operator()(AVPacket* p) const { av_packet_free(&p); }
};
struct SwsCloser {
    void operator()(SwsContext* s) const { sws_freeContext(s); }
};
using InputPtr = std::unique_ptr<AVFormatContext, InputCloser>;
using OutputPtr = std::unique_ptr<AVFormatContext, OutputCloser>;
using CodecPtr = std::unique_ptr<AVCodecContext, CodecCloser>;
using FramePtr = std::unique_ptr<AVFrame, FrameCloser>;
using PacketPtr = std::unique_ptr<AVPacket, PacketCloser>;
using SwsPtr = std::unique_ptr<SwsContext, SwsCloser>;

// One video packet of the source, in decode order, with the frame it presents.
struct PacketInfo {
    int64_t pts = AV_NOPTS_VALUE;
    int64_t dts = AV_NOPTS_VALUE;
    int size = 0;
    bool key = false;
    qint64 frame = -1; // VideoSource's frame number, -1 when it matches none
};

struct Demuxed {
    InputPtr input;
    int stream = -1;
    std::vector<PacketInfo> packets;   // decode order
    std::vector<qint64> packetOfFrame; // per frame: its packet's position in `packets`, -1: none
};

Result<InputPtr> openInput(const QString& path)
{
    AVFormatContext* raw = nullptr;
    const QByteArray name = QFile::encodeName(path);
    if (int e = avformat_open_input(&raw, name.constData(), nullptr, nullptr); e < 0)
        return Result<InputPtr>::failure(QStringLiteral("%1: cannot open: %2").arg(path, avError(e)));
    InputPtr input(raw);
    if (int e = avformat_find_stream_info(raw, nullptr); e < 0)
        return Result<InputPtr>::failure(QStringLiteral("%1: cannot read the streams: %2").arg(path, avError(e)));
    return input;
}

// Reads every video packet's timestamps (no decoding) and maps each to a frame of `index` by
// its presentation time: (pts - stream start) * time base, matched within half a frame.
Result<Demuxed> demux(const QString& path, const FrameIndex& index)
{
    using R = Result<Demuxed>;
    auto input = openInput(path);
    if (!input) return input.status();
    Demuxed d;
    d.input = std::move(input).value();
    AVFormatContext* ic = d.input.get();
    d.stream = av_find_best_stream(ic, AVMEDIA_TYPE_VIDEO, -1, -1, nullptr, 0);
    if (d.stream < 0) return R::failure(QStringLiteral("%1: no video stream").arg(path));
    for (unsigned i = 0; i < ic->nb_streams; ++i)
        if (int(i) != d.stream) ic->streams[i]->discard = AVDISCARD_ALL;
    AVStream* st = ic->streams[d.stream];
    const bool noReorder = st->codecpar->video_delay == 0;
    PacketPtr pkt(av_packet_alloc());
    int64_t minPts = AV_NOPTS_VALUE;
    while (true) {
        const int e = av_read_frame(ic, pkt.get());
        if (e == AVERROR_EOF) break;
        if (e < 0) return R::failure(QStringLiteral("%1: reading packets failed: %2").arg(path, avError(e)));
        if (pkt->stream_index == d.stream && !(pkt->flags & AV_PKT_FLAG_DISCARD)) {
            PacketInfo p;
            p.pts = pkt->pts != AV_NOPTS_VALUE ? pkt->pts : (noReorder ? pkt->dts : AV_NOPTS_VALUE);
            p.dts = pkt->dts;
            p.size = pkt->size;
            p.key = pkt->flags & AV_PKT_FLAG_KEY;
            if (p.pts != AV_NOPTS_VALUE && (minPts == AV_NOPTS_VALUE || p.pts < minPts)) minPts = p.pts;
            d.packets.push_back(p);
        }
        av_packet_unref(pkt.get());
    }
    const int64_t origin = st->start_time != AV_NOPTS_VALUE ? st->start_time : minPts;
    const double msPerTick = av_q2d(st->time_base) * 1000.0;
    d.packetOfFrame.assign(size_t(index.frameCount()), -1);
    for (size_t k = 0; k < d.packets.size(); ++k) {
        PacketInfo& p = d.packets[k];
        if (p.pts == AV_NOPTS_VALUE || origin == AV_NOPTS_VALUE) continue;
        const auto frame = index.matchTimestamp(double(p.pts - origin) * msPerTick);
        if (!frame) continue;
        if (d.packetOfFrame[size_t(*frame)] >= 0) { // two packets claim one frame: neither is trusted
            d.packets[size_t(d.packetOfFrame[size_t(*frame)])].frame = -1;
            continue;
        }
        p.frame = *frame;
        d.packetOfFrame[size_t(*frame)] = qint64(k);
    }
    return d;
}

// The run of packets [begin, end) in decode order that holds exactly frames [first, last), or
// why there is none.
struct CopyPlan {
    size_t begin = 0;
    size_t end = 0;
    QString problem;
};

CopyPlan planCopy(const Demuxed& d, const FrameIndex& index, qint64 first, qint64 last)
{
    CopyPlan plan;
    if (!index.isKeyframe(first) || d.packetOfFrame[size_t(first)] < 0
        || !d.packets[size_t(d.packetOfFrame[size_t(first)])].key) {
        const qint64 before = index.keyframeAtOrBefore(first);
        qint64 after = -1;
        for (qint64 k : index.keyframes())
            if (k > first) {
                after = k;
                break;
            }
        plan.problem = QStringLiteral("frame %1 is not a keyframe (the keyframe before it is %2, after it %3), so the "
                                      "clip cannot be stream-copied; re-encode it or start it on a keyframe")
                           .arg(first)
                           .arg(before)
                           .arg(after >= 0 ? QString::number(after) : QStringLiteral("none"));
        return plan;
    }
    plan.begin = size_t(d.packetOfFrame[size_t(first)]);
    size_t count = 0;
    size_t k = plan.begin;
    for (; k < d.packets.size() && count < size_t(last - first); ++k) {
        const qint64 f = d.packets[k].frame;
        if (f < first || f >= last) {
            plan.problem = f < 0
                ? QStringLiteral("packet %1 of the source matches no frame of the index, so frames [%2, %3) "
                                 "cannot be stream-copied exactly; re-encode the clip")
                      .arg(qint64(k))
                      .arg(first)
                      .arg(last)
                : QStringLiteral("frames [%1, %2) cannot be cut without re-encoding: frame %3, outside the "
                                 "clip, comes before some of them in decode order (B-frames reference it); end "
                                 "the clip just before a keyframe or re-encode it")
                      .arg(first)
                      .arg(last)
                      .arg(f);
            return plan;
        }
        ++count;
    }
    if (count != size_t(last - first)) {
        plan.problem = QStringLiteral("the source has packets for only %1 of frames [%2, %3); re-encode the clip")
                           .arg(qint64(count))
                           .arg(first)
                           .arg(last);
        return plan;
    }
    plan.end = k;
    return plan;
}

QString partName(const QString& file)
{
    return file + QStringLiteral(".part");
}

// Moves the finished temporary file over the clip's name (POSIX rename: atomic, replaces).
Status finishFile(const QString& part, const QString& file)
{
    if (std::rename(QFile::encodeName(part).constData(), QFile::encodeName(file).constData()) != 0) {
        QFile::remove(part);
        return Status::failure(QStringLiteral("%1: cannot rename the finished clip into place").arg(file));
    }
    return Status::success();
}

Status copyClip(Demuxed& d, const CopyPlan& plan, const QString& file, const WorkControl& control,
                const std::function<void(qint64)>& progress)
{
    AVFormatContext* ic = d.input.get();
    AVStream* in = ic->streams[d.stream];
    const bool mp4 = avformat_query_codec(av_guess_format("mp4", nullptr, nullptr), in->codecpar->codec_id,
                                          FF_COMPLIANCE_NORMAL)
        == 1;
    const QString part = partName(file);
    AVFormatContext* raw = nullptr;
    const QByteArray partBytes = QFile::encodeName(part);
    if (int e = avformat_alloc_output_context2(&raw, nullptr, mp4 ? "mp4" : "matroska", partBytes.constData()); e < 0)
        return Status::failure(QStringLiteral("%1: cannot start the container: %2").arg(file, avError(e)));
    OutputPtr oc(raw);
    AVStream* out = avformat_new_stream(raw, nullptr);
    if (!out) return Status::failure(QStringLiteral("%1: out of memory").arg(file));
    avcodec_parameters_copy(out->codecpar, in->codecpar);
    out->codecpar->codec_tag = 0;
    out->time_base = in->time_base;
    out->avg_frame_rate = in->avg_frame_rate;
    out->r_frame_rate = in->r_frame_rate;
    out->sample_aspect_ratio = in->sample_aspect_ratio;
    for (int i = 0; i < in->nb_side_data; ++i) { // the display matrix (rotation) and the like
        const AVPacketSideData& sd = in->side_data[i];
        if (uint8_t* dst = av_stream_new_side_data(out, sd.type, sd.size)) memcpy(dst, sd.data, sd.size);
    }
    auto fail = [&](const QString& why) {
        oc.reset();
        QFile::remove(part);
        return Status::failure(QStringLiteral("%1: %2").arg(file, why));
    };
    if (int e = avio_open(&raw->pb, partBytes.constData(), AVIO_FLAG_WRITE); e < 0)
        return fail(QStringLiteral("cannot write: %1").arg(avError(e)));
    if (int e = avformat_write_header(raw, nullptr); e < 0)
        return fail(QStringLiteral("cannot write the header: %1").arg(avError(e)));

    // Seek near the first packet; read forward to it by its timestamps.
    const PacketInfo& firstPacket = d.packets[plan.begin];
    const int64_t seekTo = firstPacket.dts != AV_NOPTS_VALUE ? firstPacket.dts : firstPacket.pts;
    if (av_seek_frame(ic, d.stream, seekTo, AVSEEK_FLAG_BACKWARD) < 0)
        av_seek_frame(ic, d.stream, std::numeric_limits<int64_t>::min(), AVSEEK_FLAG_BACKWARD | AVSEEK_FLAG_ANY);
    int64_t offset = AV_NOPTS_VALUE; // the first frame's pts becomes 0
    for (size_t k = plan.begin; k < plan.end; ++k)
        if (d.packets[k].pts != AV_NOPTS_VALUE && (offset == AV_NOPTS_VALUE || d.packets[k].pts < offset))
            offset = d.packets[k].pts;
    PacketPtr pkt(av_packet_alloc());
    size_t next = plan.begin;
    bool rewound = false;
    while (next < plan.end) {
        if (control.cancelled()) return fail(QStringLiteral("cancelled"));
        const int e = av_read_frame(ic, pkt.get());
        if (e < 0) return fail(QStringLiteral("the source ended before the clip's packets: %1").arg(avError(e)));
        if (pkt->stream_index != d.stream || (pkt->flags & AV_PKT_FLAG_DISCARD)) {
            av_packet_unref(pkt.get());
            continue;
        }
        const PacketInfo& want = d.packets[next];
        const bool same = pkt->dts == want.dts && pkt->size == want.size
            && (pkt->pts == want.pts || pkt->pts == AV_NOPTS_VALUE);
        if (!same) {
            const bool before = next == plan.begin;
            const bool pastStart = before && pkt->dts != AV_NOPTS_VALUE && want.dts != AV_NOPTS_VALUE
                && pkt->dts > want.dts;
            av_packet_unref(pkt.get());
            if (!before) return fail(QStringLiteral("the source's packets changed while reading"));
            if (pastStart) { // the seek landed past the start: read from the beginning once
                if (rewound) return fail(QStringLiteral("cannot find the clip's first packet"));
                rewound = true;
                av_seek_frame(ic, d.stream, std::numeric_limits<int64_t>::min(),
                              AVSEEK_FLAG_BACKWARD | AVSEEK_FLAG_ANY);
            }
            continue;
        }
        pkt->stream_index = 0;
        pkt->pos = -1;
        if (pkt->pts == AV_NOPTS_VALUE) pkt->pts = want.pts;
        if (pkt->pts != AV_NOPTS_VALUE) pkt->pts -= offset;
        if (pkt->dts != AV_NOPTS_VALUE) pkt->dts -= offset;
        av_packet_rescale_ts(pkt.get(), in->time_base, out->time_base);
        if (int w = av_interleaved_write_frame(raw, pkt.get()); w < 0) {
            av_packet_unref(pkt.get());
            return fail(QStringLiteral("cannot write: %1").arg(avError(w)));
        }
        ++next;
        progress(1);
    }
    if (int e = av_write_trailer(raw); e < 0) return fail(QStringLiteral("cannot finish: %1").arg(avError(e)));
    oc.reset(); // closes the file
    return finishFile(part, file);
}

const AVCodec* findEncoder(const QString& name)
{
    if (!name.isEmpty()) return avcodec_find_encoder_by_name(name.toLatin1().constData());
    if (const AVCodec* c = avcodec_find_encoder_by_name("libx264")) return c;
    return avcodec_find_encoder(AV_CODEC_ID_MPEG4);
}

// Re-encodes frames [first, last) decoded by `source`.
Status encodeClip(VideoSource& source, qint64 first, qint64 last, const QString& file, const ClipOptions& options,
                  const WorkControl& control, const std::function<void(qint64)>& progress)
{
    const AVCodec* codec = findEncoder(options.encoder);
    if (!codec)
        return Status::failure(QStringLiteral("%1: no encoder \"%2\" in this FFmpeg").arg(file, options.encoder));
    const VideoInfo& info = source.info();
    const FrameIndex& index = source.index();
    // yuv420p needs even sizes: an odd last row or column is left out.
    const int width = info.width & ~1;
    const int height = info.height & ~1;
    if (width < 2 || height < 2) return Status::failure(QStringLiteral("%1: the video is too small").arg(file));

    const QString part = partName(file);
    const QByteArray partBytes = QFile::encodeName(part);
    AVFormatContext* raw = nullptr;
    if (int e = avformat_alloc_output_context2(&raw, nullptr, "mp4", partBytes.constData()); e < 0)
        return Status::failure(QStringLiteral("%1: cannot start the container: %2").arg(file, avError(e)));
    OutputPtr oc(raw);
    auto fail = [&](const QString& why) {
        oc.reset();
        QFile::remove(part);
        return Status::failure(QStringLiteral("%1: %2").arg(file, why));
    };
    CodecPtr enc(avcodec_alloc_context3(codec));
    AVStream* st = avformat_new_stream(raw, nullptr);
    if (!enc || !st) return fail(QStringLiteral("out of memory"));
    // Constant rate: one tick per frame; variable: milliseconds from the index.
    const bool constantRate = !info.variableFrameRate && info.timestampsReliable;
    double fps = info.averageFps > 0 ? info.averageFps : (info.nominalFps > 0 ? info.nominalFps : 25.0);
    if (info.nominalFps > 0 && std::abs(info.nominalFps - fps) <= 0.01 * fps) fps = info.nominalFps;
    const AVRational rate = av_d2q(fps, 1001000);
    enc->width = width;
    enc->height = height;
    enc->pix_fmt = AV_PIX_FMT_YUV420P;
    enc->time_base = constantRate ? av_inv_q(rate) : AVRational{1, 1000};
    enc->framerate = rate;
    enc->sample_aspect_ratio = {1, 1};
    enc->color_range = AVCOL_RANGE_MPEG;
    enc->colorspace = AVCOL_SPC_SMPTE170M; // what libswscale's default conversion uses (BT.601)
    enc->thread_count = 0;
    if (raw->oformat->flags & AVFMT_GLOBALHEADER) enc->flags |= AV_CODEC_FLAG_GLOBAL_HEADER;
    if (QLatin1String(codec->name) == QLatin1String("libx264")) {
        av_opt_set(enc->priv_data, "crf", QByteArray::number(options.crf).constData(), 0);
        av_opt_set(enc->priv_data, "preset", "fast", 0);
    } else {
        enc->flags |= AV_CODEC_FLAG_QSCALE;
        enc->global_quality = FF_QP2LAMBDA * 2;
        enc->bit_rate = 0;
    }
    if (int e = avcodec_open2(enc.get(), codec, nullptr); e < 0)
        return fail(QStringLiteral("cannot open the %1 encoder: %2").arg(QLatin1String(codec->name), avError(e)));
    avcodec_parameters_from_context(st->codecpar, enc.get());
    st->time_base = enc->time_base;
    st->avg_frame_rate = rate;
    if (int e = avio_open(&raw->pb, partBytes.constData(), AVIO_FLAG_WRITE); e < 0)
        return fail(QStringLiteral("cannot write: %1").arg(avError(e)));
    if (int e = avformat_write_header(raw, nullptr); e < 0)
        return fail(QStringLiteral("cannot write the header: %1").arg(avError(e)));

    SwsPtr sws(sws_getContext(width, height, AV_PIX_FMT_BGR24, width, height, AV_PIX_FMT_YUV420P, SWS_BICUBIC, nullptr,
                              nullptr, nullptr));
    FramePtr frame(av_frame_alloc());
    PacketPtr pkt(av_packet_alloc());
    if (!sws || !frame || !pkt) return fail(QStringLiteral("out of memory"));
    frame->format = AV_PIX_FMT_YUV420P;
    frame->width = width;
    frame->height = height;
    if (av_frame_get_buffer(frame.get(), 0) < 0) return fail(QStringLiteral("out of memory"));

    QString problem;
    auto drain = [&]() -> bool {
        while (true) {
            const int r = avcodec_receive_packet(enc.get(), pkt.get());
            if (r == AVERROR(EAGAIN) || r == AVERROR_EOF) return true;
            if (r < 0) {
                problem = QStringLiteral("encoding failed: %1").arg(avError(r));
                return false;
            }
            av_packet_rescale_ts(pkt.get(), enc->time_base, st->time_base);
            pkt->stream_index = st->index;
            if (int w = av_interleaved_write_frame(raw, pkt.get()); w < 0) {
                problem = QStringLiteral("cannot write: %1").arg(avError(w));
                return false;
            }
        }
    };
    const double startMs = index.timestampMs(first);
    int64_t lastPts = -1;
    const Status read = source.readRange(
        first, last,
        [&](qint64 i, const cv::Mat& bgr) {
            if (control.cancelled()) return false;
            if (bgr.cols < width || bgr.rows < height || bgr.type() != CV_8UC3) {
                problem = QStringLiteral("frame %1 has another size than the video").arg(i);
                return false;
            }
            if (av_frame_make_writable(frame.get()) < 0) {
                problem = QStringLiteral("out of memory");
                return false;
            }
            const uint8_t* src[1] = {bgr.data};
            const int stride[1] = {int(bgr.step[0])};
            sws_scale(sws.get(), src, stride, 0, height, frame->data, frame->linesize);
            int64_t pts = constantRate ? int64_t(i - first) : std::llround(index.timestampMs(i) - startMs);
            if (pts <= lastPts) pts = lastPts + 1;
            lastPts = pts;
            frame->pts = pts;
            if (int e = avcodec_send_frame(enc.get(), frame.get()); e < 0) {
                problem = QStringLiteral("encoding failed: %1").arg(avError(e));
                return false;
            }
            if (!drain()) return false;
            progress(1);
            return true;
        },
        WorkControl{control.cancel, {}});
    if (control.cancelled()) return fail(QStringLiteral("cancelled"));
    if (!problem.isEmpty()) return fail(problem);
    if (!read) return fail(read.error());
    avcodec_send_frame(enc.get(), nullptr);
    if (!drain()) return fail(problem);
    if (int e = av_write_trailer(raw); e < 0) return fail(QStringLiteral("cannot finish: %1").arg(avError(e)));
    oc.reset();
    return finishFile(part, file);
}

} // namespace

QString clipEncoderName()
{
    const AVCodec* c = findEncoder({});
    return c ? QLatin1String(c->name) : QString();
}

Result<QString> clipCopyProblem(const QString& videoPath, const FrameIndex& index, qint64 first, qint64 last)
{
    if (first < 0 || last <= first || last > index.frameCount())
        return Result<QString>::failure(
            QStringLiteral("%1: [%2, %3) is not a range of the video").arg(videoPath).arg(first).arg(last));
    auto d = demux(videoPath, index);
    if (!d) return d.status();
    return planCopy(*d, index, first, last).problem;
}

Result<ClipExportReport> exportClips(const QString& videoPath, const std::vector<ClipRange>& ranges,
                                     const QString& outDir, const ClipOptions& options, const WorkControl& control)
{
    using R = Result<ClipExportReport>;
    // Our one-line messages say what went wrong; FFmpeg's own log (x264's statistics) stays quiet
    // unless someone asked for more than the default.
    if (av_log_get_level() == AV_LOG_INFO) av_log_set_level(AV_LOG_QUIET);
    auto opened = VideoSource::open(videoPath, options.open, control);
    if (!opened) return opened.status();
    VideoSource& source = **opened;
    const FrameIndex& index = source.index();
    const QString videoName = QFileInfo(videoPath).fileName();
    if (Status s = validateClipRanges(ranges, index.frameCount(), videoPath); !s) return s;
    if (!QDir().mkpath(outDir)) return R::failure(QStringLiteral("%1: cannot create the folder").arg(outDir));
    const QDir dir(outDir);

    std::optional<Demuxed> demuxed;
    if (options.mode != ClipMode::Reencode) {
        auto d = demux(videoPath, index);
        if (!d) return d.status();
        demuxed = std::move(d).value();
    }
    qint64 total = 0;
    for (const ClipRange& r : ranges) total += r.length();
    qint64 done = 0;
    ClipExportReport report;
    const int digits = std::max(3, int(QString::number(qint64(ranges.size())).size()));
    for (size_t i = 0; i < ranges.size(); ++i) {
        if (control.cancelled()) return R::failure(QStringLiteral("%1: cancelled").arg(videoPath));
        const ClipRange& r = ranges[i];
        const QString base = r.name.isEmpty() ? QStringLiteral("%1-Clip-%2")
                                                    .arg(QFileInfo(videoName).completeBaseName())
                                                    .arg(qint64(i + 1), digits, 10, QLatin1Char('0'))
                                              : clipFileBaseName(r.name);
        const QString what = QStringLiteral("Clip %1 of %2: %3").arg(i + 1).arg(ranges.size()).arg(base);
        control.report(done, total, what);
        const qint64 clipStart = done;
        auto progress = [&](qint64 frames) {
            done += frames;
            if (done % 8 == 0) control.report(done, total, what);
        };
        CopyPlan plan;
        if (demuxed) plan = planCopy(*demuxed, index, r.first, r.last);
        bool copied = demuxed && plan.problem.isEmpty();
        Status s;
        QString file;
        if (copied) {
            const bool mp4 = avformat_query_codec(av_guess_format("mp4", nullptr, nullptr),
                                                  demuxed->input->streams[demuxed->stream]->codecpar->codec_id,
                                                  FF_COMPLIANCE_NORMAL)
                == 1;
            file = dir.absoluteFilePath(base + (mp4 ? QStringLiteral(".mp4") : QStringLiteral(".mkv")));
            s = copyClip(*demuxed, plan, file, control, progress);
            if (!s && options.mode == ClipMode::Auto && !control.cancelled()) {
                // The packets could not be copied after all (e.g. a demuxer that splits them
                // differently after a seek): re-encode instead.
                done = clipStart;
                file = dir.absoluteFilePath(base + QStringLiteral(".mp4"));
                s = encodeClip(source, r.first, r.last, file, options, control, progress);
                copied = false;
            }
        } else if (options.mode == ClipMode::Copy) {
            file = dir.absoluteFilePath(base + QStringLiteral(".mp4"));
            s = Status::failure(QStringLiteral("%1: %2").arg(file, plan.problem));
        } else {
            file = dir.absoluteFilePath(base + QStringLiteral(".mp4"));
            s = encodeClip(source, r.first, r.last, file, options, control, progress);
        }
        if (control.cancelled()) return R::failure(QStringLiteral("%1: cancelled").arg(videoPath));
        done = clipStart + r.length();
        if (!s) {
            report.failures << s.error();
            continue;
        }
        report.clips.push_back({file, r.first, r.last, copied});
    }
    control.report(total, total, QStringLiteral("Clips of %1").arg(videoName));
    return report;
}

} // namespace fl
