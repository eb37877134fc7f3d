#include "fragments/FragmentCache.h"

#include "project/FileBytes.h"
#include "video/FileFingerprint.h"
#include "video/PartedRead.h"

#include <opencv2/core/mat.hpp>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QSaveFile>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <mutex>

#ifdef Q_OS_UNIX
#include <sys/mman.h>
#include <unistd.h>
#endif

Q_LOGGING_CATEGORY(lcCache, "fragmentlab.cache")

namespace fl {

namespace {

constexpr char kMagic[8] = {'F', 'L', 'F', 'C', 'A', 'C', 'H', 'E'};
// Version 3: frames shrunk by libswscale straight from the decoder's pixels (modelFormat);
// older files are rebuilt.
constexpr quint32 kVersion = 3;
constexpr qint64 kHeaderBytes = 128;

#pragma pack(push, 1)
struct Header {
    char magic[8];
    quint32 version;
    quint32 width;
    quint32 height;
    quint32 channels;
    quint64 frameCount;
    char hash[64];
    char reserved[kHeaderBytes - 8 - 4 * 4 - 8 - 64];
};
#pragma pack(pop)
static_assert(sizeof(Header) == kHeaderBytes);

Header makeHeader(FrameSize size, quint64 frames, const QString& hash)
{
    Header h{};
    std::memcpy(h.magic, kMagic, sizeof kMagic);
    h.version = kVersion;
    h.width = quint32(size.width);
    h.height = quint32(size.height);
    h.channels = 3;
    h.frameCount = frames;
    const QByteArray hashBytes = hash.toLatin1().left(64);
    std::memcpy(h.hash, hashBytes.constData(), size_t(hashBytes.size()));
    return h;
}

} // namespace

// Resizes a decoded frame to the cache's size. A plain INTER_AREA (box average) over a large
// factor (1280x720 -> 64x64) costs ~3-4 ms a frame, more than decoding it; so a frame more
// than 4x larger than the target is first resized bilinearly to 4x the target, then
// box-averaged by that integer factor (OpenCV's fast path): ~0.2 ms, within one grey level of
// the direct box average on natural images.
FrameFormat FragmentCache::modelFormat(FrameSize size)
{
    FrameFormat f;
    f.pixels = FrameFormat::Pixels::Rgb;
    f.width = size.width;
    f.height = size.height;
    f.scaling = FrameFormat::Scaling::Accurate;
    return f;
}

struct FragmentCache::Mapping {
    QFile file;
    uchar* base = nullptr;
    ~Mapping()
    {
        if (base) file.unmap(base);
    }
};

QString FragmentCache::fileFor(const QString& cacheDir, const QString& contentHash, FrameSize size)
{
    return QDir(cacheDir).filePath(
        QStringLiteral("frames/%1_%2x%3.flcache").arg(contentHash).arg(size.width).arg(size.height));
}

QString FragmentCache::file() const
{
    return m_map ? m_map->file.fileName() : QString();
}

Result<FragmentCache> FragmentCache::open(const QString& file)
{
    auto map = std::make_shared<Mapping>();
    map->file.setFileName(file);
    if (!map->file.open(QIODevice::ReadOnly))
        return Result<FragmentCache>::failure(
            QStringLiteral("%1: cannot open fragment cache: %2").arg(file, map->file.errorString()));
    const qint64 fileSize = map->file.size();
    Header h{};
    if (fileSize < kHeaderBytes || map->file.read(reinterpret_cast<char*>(&h), kHeaderBytes) != kHeaderBytes
        || std::memcmp(h.magic, kMagic, sizeof kMagic) != 0)
        return Result<FragmentCache>::failure(QStringLiteral("%1: not a FragmentLab fragment cache").arg(file));
    if (h.version != kVersion)
        return Result<FragmentCache>::failure(
            QStringLiteral("%1: fragment cache version %2 is not %3").arg(file).arg(h.version).arg(kVersion));
    if (h.channels != 3 || h.width == 0 || h.height == 0 || h.width > 4096 || h.height > 4096)
        return Result<FragmentCache>::failure(QStringLiteral("%1: fragment cache header is damaged").arg(file));
    const qint64 frameBytes = qint64(h.width) * h.height * 3;
    if (h.frameCount == 0 || fileSize != kHeaderBytes + qint64(h.frameCount) * frameBytes)
        return Result<FragmentCache>::failure(QStringLiteral("%1: fragment cache is truncated (%2 bytes for %3 frames)")
                                                  .arg(file)
                                                  .arg(fileSize)
                                                  .arg(h.frameCount));
    map->base = map->file.map(0, fileSize);
    if (!map->base)
        return Result<FragmentCache>::failure(
            QStringLiteral("%1: cannot map fragment cache: %2").arg(file, map->file.errorString()));

    FragmentCache cache;
    cache.m_size = {int(h.width), int(h.height)};
    cache.m_frameCount = qint64(h.frameCount);
    cache.m_hash = QString::fromLatin1(h.hash, int(strnlen(h.hash, sizeof h.hash)));
    cache.m_data = map->base + kHeaderBytes;
    cache.m_map = std::move(map);
    return cache;
}

Result<FragmentCache> FragmentCache::ensure(const QString& videoPath, const QString& cacheDir, FrameSize size,
                                            const VideoOpenOptions& options, const WorkControl& control,
                                            const CachedFrameObserver& observer)
{
    if (size.width < 8 || size.height < 8 || size.width > 4096 || size.height > 4096)
        return Result<FragmentCache>::failure(
            QStringLiteral("fragment size %1x%2 is outside 8..4096").arg(size.width).arg(size.height));
    auto fingerprint = FileFingerprint::of(videoPath);
    if (!fingerprint) return fingerprint.status();
    const QString target = fileFor(cacheDir, QString::fromLatin1(fingerprint->hash), size);
    if (QFileInfo::exists(target)) {
        auto existing = open(target);
        if (existing && existing->contentHash() == QString::fromLatin1(fingerprint->hash)) return existing;
        qCInfo(lcCache) << "rebuilding fragment cache" << target
                        << (existing ? QStringLiteral("(other content)") : existing.error());
    }

    if (!QDir().mkpath(QFileInfo(target).absolutePath()))
        return Result<FragmentCache>::failure(
            QStringLiteral("%1: cannot create the cache folder").arg(QFileInfo(target).absolutePath()));
    QSaveFile out(target);
    if (!out.open(QIODevice::WriteOnly))
        return Result<FragmentCache>::failure(
            QStringLiteral("%1: cannot write fragment cache: %2").arg(target, writeFailureReason(out.errorString())));
    const Header placeholder = makeHeader(size, 0, QString::fromLatin1(fingerprint->hash));
    out.write(reinterpret_cast<const char*>(&placeholder), kHeaderBytes);

    const qint64 frameBytes = qint64(size.width) * size.height * 3;
    qint64 written = 0;
    QString writeError;
    std::mutex writing; // parts write their frames at their own places in the file
    auto store = [&](qint64 i, const cv::Mat& rgb) {
        if (!rgb.isContinuous() || qint64(rgb.total() * rgb.elemSize()) != frameBytes) {
            std::lock_guard lock(writing);
            writeError = QStringLiteral("frame %1 came out at the wrong size").arg(i);
            return false;
        }
        std::lock_guard lock(writing);
        if (!out.seek(kHeaderBytes + i * frameBytes)
            || out.write(reinterpret_cast<const char*>(rgb.data), frameBytes) != frameBytes) {
            writeError = writeFailureReason(out.errorString(), errno);
            return false;
        }
        ++written;
        return true;
    };
    VideoOpenOptions openOptions = options;
    openOptions.sinkFormat = modelFormat(size);
    openOptions.sinkOnlyWhileIndexing = !observer; // with an index, read in parts below
    qint64 next = 0;
    const FrameSink sink = [&](qint64 i, const cv::Mat& rgb) {
        if (i != next) {
            writeError = QStringLiteral("frame %1 arrived where frame %2 was expected").arg(i).arg(next);
            return false;
        }
        ++next;
        if (!store(i, rgb)) return false;
        return !observer || observer(i, rgb.data);
    };
    auto source = VideoSource::open(videoPath, openOptions, control, sink);
    if (source && (*source)->indexWasCached() && !observer) {
        const std::vector<FrameRange> ranges = planParts(**source, defaultPartCount());
        const Status read = readInParts(
            **source, ranges, [&](size_t, qint64 i, const cv::Mat& rgb) { return store(i, rgb); }, control,
            QStringLiteral("Building the fragment cache of %1").arg(QFileInfo(videoPath).fileName()),
            openOptions.sinkFormat);
        if (!read && writeError.isEmpty()) {
            out.cancelWriting();
            return Result<FragmentCache>::failure(read.error());
        }
    }
    if (!writeError.isEmpty()) {
        out.cancelWriting();
        return Result<FragmentCache>::failure(
            QStringLiteral("%1: cannot write fragment cache: %2").arg(target, writeError));
    }
    if (!source) {
        out.cancelWriting();
        return source.status();
    }
    if (written != (*source)->info().frameCount || written == 0) {
        out.cancelWriting();
        return Result<FragmentCache>::failure(
            QStringLiteral("%1: decoded %2 frames for the fragment cache, expected %3")
                .arg(videoPath)
                .arg(written)
                .arg((*source)->info().frameCount));
    }
    const Header header = makeHeader(size, quint64(written), QString::fromLatin1(fingerprint->hash));
    if (!out.seek(0) || out.write(reinterpret_cast<const char*>(&header), kHeaderBytes) != kHeaderBytes
        || !out.commit())
        return Result<FragmentCache>::failure(QStringLiteral("%1: cannot write fragment cache: %2")
                                                  .arg(target, writeFailureReason(out.errorString(), errno)));
    return open(target);
}

const std::uint8_t* FragmentCache::frame(qint64 i) const
{
    if (!m_data || i < 0 || i >= m_frameCount) return nullptr;
    return m_data + i * bytesPerFrame();
}

void FragmentCache::releaseFrames(qint64 first, qint64 end) const
{
#ifdef Q_OS_UNIX
    first = std::max<qint64>(first, 0);
    end = std::min(end, m_frameCount);
    if (!m_data || end <= first) return;
    // Whole pages inside the range only: a page shared with a frame outside it stays.
    const auto page = std::uintptr_t(sysconf(_SC_PAGESIZE));
    const auto from = (std::uintptr_t(m_data + first * bytesPerFrame()) + page - 1) / page * page;
    const auto to = std::uintptr_t(m_data + end * bytesPerFrame()) / page * page;
    if (to > from) madvise(reinterpret_cast<void*>(from), to - from, MADV_DONTNEED);
#else
    Q_UNUSED(first);
    Q_UNUSED(end);
#endif
}

Status FragmentCache::fragmentBlock(const FragmentSpec& spec, qint64 fragment, std::uint8_t* out) const
{
    if (!m_data) return Status::failure(QStringLiteral("fragment cache is not open"));
    if (fragment < 0 || fragment >= spec.count(m_frameCount))
        return Status::failure(QStringLiteral("%1: fragment %2 is outside 0..%3 for %4")
                                   .arg(file())
                                   .arg(fragment)
                                   .arg(spec.count(m_frameCount) - 1)
                                   .arg(spec.toString()));
    const qint64 bytes = bytesPerFrame();
    for (int t = 0; t < spec.length; ++t) std::memcpy(out + t * bytes, frame(spec.frameAt(fragment, t)), size_t(bytes));
    return Status::success();
}

std::vector<std::uint8_t> FragmentCache::fragmentBlock(const FragmentSpec& spec, qint64 fragment) const
{
    std::vector<std::uint8_t> block(size_t(spec.length * bytesPerFrame()));
    if (!fragmentBlock(spec, fragment, block.data())) block.clear();
    return block;
}

} // namespace fl
