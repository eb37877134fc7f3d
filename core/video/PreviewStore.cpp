#include "video/PreviewStore.h"

#include "video/FileFingerprint.h"

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <vector>

namespace fl {

namespace {

constexpr char kMagic[8] = {'F', 'L', 'P', 'R', 'E', 'V', 'W', '1'};
constexpr quint32 kVersion = 1;
constexpr qint64 kHeaderBytes = 128;

#pragma pack(push, 1)
struct Header {
    char magic[8];
    quint32 version;
    quint32 width;
    quint32 height;
    quint32 quality;
    quint64 frameCount;
    quint64 tableOffset;
    char hash[64];
    char reserved[kHeaderBytes - 8 - 4 * 4 - 8 - 8 - 64];
};
#pragma pack(pop)
static_assert(sizeof(Header) == kHeaderBytes);

Header makeHeader(int width, int height, int quality, quint64 frames, quint64 tableOffset, const QString& hash)
{
    Header h{};
    std::memcpy(h.magic, kMagic, sizeof kMagic);
    h.version = kVersion;
    h.width = quint32(width);
    h.height = quint32(height);
    h.quality = quint32(quality);
    h.frameCount = frames;
    h.tableOffset = tableOffset;
    const QByteArray hashBytes = hash.toLatin1().left(64);
    std::memcpy(h.hash, hashBytes.constData(), size_t(hashBytes.size()));
    return h;
}

} // namespace

struct PreviewStore::Mapping {
    QFile file;
    uchar* base = nullptr;
    qint64 size = 0;
    const quint64* table = nullptr;
    ~Mapping()
    {
        if (base) file.unmap(base);
    }
};

QString PreviewStore::fileFor(const QString& cacheDir, const QString& contentHash, int maxHeight)
{
    return QDir(cacheDir).filePath(QStringLiteral("preview/%1_%2p.flpreview").arg(contentHash).arg(maxHeight));
}

QString PreviewStore::file() const
{
    return m_map ? m_map->file.fileName() : QString();
}

Result<PreviewStore> PreviewStore::open(const QString& file)
{
    auto map = std::make_shared<Mapping>();
    map->file.setFileName(file);
    if (!map->file.open(QIODevice::ReadOnly))
        return Result<PreviewStore>::failure(
            QStringLiteral("%1: cannot open preview: %2").arg(file, map->file.errorString()));
    map->size = map->file.size();
    Header h{};
    if (map->size < kHeaderBytes || map->file.read(reinterpret_cast<char*>(&h), kHeaderBytes) != kHeaderBytes
        || std::memcmp(h.magic, kMagic, sizeof kMagic) != 0)
        return Result<PreviewStore>::failure(QStringLiteral("%1: not a FragmentLab preview file").arg(file));
    if (h.version != kVersion)
        return Result<PreviewStore>::failure(
            QStringLiteral("%1: preview version %2 is not %3").arg(file).arg(h.version).arg(kVersion));
    if (h.width == 0 || h.height == 0 || h.width > 8192 || h.height > 8192 || h.frameCount == 0)
        return Result<PreviewStore>::failure(QStringLiteral("%1: preview header is damaged").arg(file));
    const quint64 tableBytes = (h.frameCount + 1) * sizeof(quint64);
    if (h.tableOffset < quint64(kHeaderBytes) || h.tableOffset + tableBytes != quint64(map->size)
        || h.tableOffset % 8 != 0)
        return Result<PreviewStore>::failure(QStringLiteral("%1: preview is truncated").arg(file));
    map->base = map->file.map(0, map->size);
    if (!map->base)
        return Result<PreviewStore>::failure(
            QStringLiteral("%1: cannot map preview: %2").arg(file, map->file.errorString()));
    map->table = reinterpret_cast<const quint64*>(map->base + h.tableOffset);
    // Offsets must rise from the end of the header to the table.
    if (map->table[0] != quint64(kHeaderBytes) || map->table[h.frameCount] != h.tableOffset)
        return Result<PreviewStore>::failure(QStringLiteral("%1: preview offset table is damaged").arg(file));
    for (quint64 i = 0; i < h.frameCount; ++i)
        if (map->table[i + 1] <= map->table[i])
            return Result<PreviewStore>::failure(QStringLiteral("%1: preview offset table is damaged").arg(file));

    PreviewStore store;
    store.m_frameCount = qint64(h.frameCount);
    store.m_width = int(h.width);
    store.m_height = int(h.height);
    store.m_hash = QString::fromLatin1(h.hash, int(strnlen(h.hash, sizeof h.hash)));
    store.m_map = std::move(map);
    return store;
}

Result<PreviewStore> PreviewStore::ensure(const QString& videoPath, const QString& cacheDir,
                                          const PreviewOptions& options, const VideoOpenOptions& openOptions,
                                          const WorkControl& control)
{
    if (options.maxHeight < 16 || options.maxHeight > 4320)
        return Result<PreviewStore>::failure(
            QStringLiteral("preview height %1 is outside 16..4320").arg(options.maxHeight));
    const int quality = std::clamp(options.quality, 1, 100);
    auto fingerprint = FileFingerprint::of(videoPath);
    if (!fingerprint) return fingerprint.status();
    const QString hash = QString::fromLatin1(fingerprint->hash);
    const QString target = fileFor(cacheDir, hash, options.maxHeight);
    if (QFileInfo::exists(target)) {
        auto existing = open(target);
        if (existing && existing->contentHash() == hash) return existing;
    }
    if (!QDir().mkpath(QFileInfo(target).absolutePath()))
        return Result<PreviewStore>::failure(
            QStringLiteral("%1: cannot create the cache folder").arg(QFileInfo(target).absolutePath()));
    QSaveFile out(target);
    if (!out.open(QIODevice::WriteOnly))
        return Result<PreviewStore>::failure(
            QStringLiteral("%1: cannot write preview: %2").arg(target, out.errorString()));
    const Header placeholder = makeHeader(0, 0, quality, 0, 0, hash);
    out.write(reinterpret_cast<const char*>(&placeholder), kHeaderBytes);

    const QString what = QStringLiteral("Building preview of %1").arg(QFileInfo(videoPath).fileName());
    std::vector<quint64> offsets{quint64(kHeaderBytes)};
    cv::Mat small;
    std::vector<uchar> jpeg;
    const std::vector<int> params{cv::IMWRITE_JPEG_QUALITY, quality};
    int width = 0, height = 0;
    qint64 declared = 0;
    QString writeError;
    const FrameSink sink = [&](qint64 i, const cv::Mat& bgr) {
        if (width == 0) {
            const double scale = std::min(1.0, double(options.maxHeight) / double(bgr.rows));
            width = std::max(2, int(std::lround(bgr.cols * scale)) & ~1);
            height = std::max(2, int(std::lround(bgr.rows * scale)) & ~1);
        }
        if (bgr.cols == width && bgr.rows == height)
            small = bgr;
        else
            cv::resize(bgr, small, cv::Size(width, height), 0, 0, cv::INTER_AREA);
        if (!cv::imencode(".jpg", small, jpeg, params)) {
            writeError = QStringLiteral("JPEG encoding failed at frame %1").arg(i);
            return false;
        }
        if (out.write(reinterpret_cast<const char*>(jpeg.data()), qint64(jpeg.size())) != qint64(jpeg.size())) {
            writeError = out.errorString();
            return false;
        }
        offsets.push_back(offsets.back() + jpeg.size());
        if (i % 16 == 0) control.report(i, declared, what);
        return !control.cancelled();
    };
    // The pass reads or indexes the video (phases with their own names): report it all as
    // building the preview, and keep its total for the sink's own reports.
    WorkControl inner = control.reportingAs(what);
    inner.progress = [&declared, report = inner.progress](std::int64_t done, std::int64_t total, const QString& phase) {
        declared = total;
        if (report) report(done, total, phase);
    };
    auto source = VideoSource::open(videoPath, openOptions, inner, sink);
    if (!writeError.isEmpty()) {
        out.cancelWriting();
        return Result<PreviewStore>::failure(QStringLiteral("%1: cannot write preview: %2").arg(target, writeError));
    }
    if (!source) {
        out.cancelWriting();
        return source.status();
    }
    if (control.cancelled()) {
        out.cancelWriting();
        return Result<PreviewStore>::failure(QStringLiteral("%1: cancelled").arg(videoPath));
    }
    const qint64 frames = qint64(offsets.size()) - 1;
    if (frames != (*source)->info().frameCount || frames == 0) {
        out.cancelWriting();
        return Result<PreviewStore>::failure(QStringLiteral("%1: decoded %2 frames for the preview, expected %3")
                                                 .arg(videoPath)
                                                 .arg(frames)
                                                 .arg((*source)->info().frameCount));
    }
    // Pad to 8 bytes so the table is aligned in the mapping.
    quint64 tableOffset = offsets.back();
    const quint64 pad = (8 - tableOffset % 8) % 8;
    if (pad) {
        const char zeros[8] = {};
        out.write(zeros, qint64(pad));
        tableOffset += pad;
        offsets.back() = tableOffset; // the last image's length includes the padding (JPEG ignores trailing bytes)
    }
    const qint64 tableBytes = qint64(offsets.size() * sizeof(quint64));
    const Header header = makeHeader(width, height, quality, quint64(frames), tableOffset, hash);
    if (out.write(reinterpret_cast<const char*>(offsets.data()), tableBytes) != tableBytes || !out.seek(0)
        || out.write(reinterpret_cast<const char*>(&header), kHeaderBytes) != kHeaderBytes || !out.commit())
        return Result<PreviewStore>::failure(
            QStringLiteral("%1: cannot write preview: %2").arg(target, out.errorString()));
    control.report(frames, frames, what);
    return open(target);
}

Result<cv::Mat> PreviewStore::frame(qint64 i) const
{
    if (!m_map) return Result<cv::Mat>::failure(QStringLiteral("preview is not open"));
    if (i < 0 || i >= m_frameCount)
        return Result<cv::Mat>::failure(
            QStringLiteral("%1: frame %2 is outside 0..%3").arg(file()).arg(i).arg(m_frameCount - 1));
    const quint64 begin = m_map->table[i];
    const quint64 end = m_map->table[i + 1];
    const cv::Mat bytes(1, int(end - begin), CV_8U, const_cast<uchar*>(m_map->base + begin));
    cv::Mat image = cv::imdecode(bytes, cv::IMREAD_COLOR);
    if (image.empty()) return Result<cv::Mat>::failure(QStringLiteral("%1: frame %2 is damaged").arg(file()).arg(i));
    return image;
}

} // namespace fl
