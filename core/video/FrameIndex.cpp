#include "video/FrameIndex.h"

#include "project/FileBytes.h"
#include "video/VideoLog.h"

#include <QDataStream>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

#include <algorithm>
#include <cmath>
#include <limits>

namespace fl {

namespace {

constexpr quint32 kMagic = 0x464C4958; // "FLIX"
// Version 2: byte positions; times from FFmpeg's libraries directly. Version 1 files are rebuilt.
constexpr quint32 kVersion = 2;
constexpr quint8 kFlagKey = 1;
constexpr quint8 kFlagEstimated = 2;

// The longest run of non-increasing times at the end that still counts as "drained by the
// decoder at end of file" (decoder delay: reordering plus one frame per decoding thread).
constexpr qint64 kMaxEstimatedTail = 64;

double medianOf(std::vector<double> v)
{
    if (v.empty()) return 0;
    const size_t mid = v.size() / 2;
    std::nth_element(v.begin(), v.begin() + std::ptrdiff_t(mid), v.end());
    double m = v[mid];
    if (v.size() % 2 == 0) {
        const double lower = *std::max_element(v.begin(), v.begin() + std::ptrdiff_t(mid));
        m = 0.5 * (m + lower);
    }
    return m;
}

QString shown(const QString& path)
{
    return QDir::toNativeSeparators(QFileInfo(path).absoluteFilePath());
}

} // namespace

FrameIndex::FrameIndex(std::vector<double> ptsMs, std::vector<bool> keyframes, std::vector<bool> estimated)
    : m_ptsMs(std::move(ptsMs)), m_keyframe(std::move(keyframes)), m_estimated(std::move(estimated))
{
    finish();
}

FrameIndex FrameIndex::fromDecoderTimes(std::vector<double> ms, std::vector<bool> keyframes, double nominalFps,
                                        std::vector<qint64> bytePositions)
{
    const size_t n = ms.size();
    std::vector<bool> estimated(n, false);
    const double nominalInterval = nominalFps > 0 ? 1000.0 / nominalFps : 0;
    if (n >= 2) {
        // End of the strictly increasing prefix.
        size_t prefix = 1;
        while (prefix < n && ms[prefix] > ms[prefix - 1]) ++prefix;
        if (prefix < n) {
            // Drained frames report 0 or repeat an earlier time: the run never increases
            // again (timestamps that restart midway do, and leave the index unreliable).
            bool tailOnly = qint64(n - prefix) <= kMaxEstimatedTail && prefix >= 2;
            for (size_t k = prefix; tailOnly && k < n; ++k)
                if (ms[k] > ms[k - 1]) tailOnly = false;
            if (tailOnly) {
                std::vector<double> intervals;
                intervals.reserve(prefix);
                for (size_t k = 1; k < prefix; ++k) intervals.push_back(ms[k] - ms[k - 1]);
                double step = medianOf(intervals);
                if (!(step > 0)) step = nominalInterval > 0 ? nominalInterval : 40.0;
                for (size_t k = prefix; k < n; ++k) {
                    ms[k] = ms[k - 1] + step;
                    estimated[k] = true;
                }
            }
        }
    }
    FrameIndex index;
    index.m_ptsMs = std::move(ms);
    index.m_keyframe = std::move(keyframes);
    index.m_estimated = std::move(estimated);
    index.m_bytePos = std::move(bytePositions);
    index.m_fallbackIntervalMs = nominalInterval;
    index.finish();
    return index;
}

void FrameIndex::finish()
{
    const size_t n = m_ptsMs.size();
    m_keyframe.resize(n, false);
    m_estimated.resize(n, false);
    m_bytePos.resize(n, -1);
    if (n > 0) m_keyframe[0] = true; // decoding always starts cleanly at the first frame
    m_keyList.clear();
    for (size_t k = 0; k < n; ++k)
        if (m_keyframe[k]) m_keyList.push_back(qint64(k));

    m_estimatedTail = 0;
    for (size_t k = n; k > 0 && m_estimated[k - 1]; --k) ++m_estimatedTail;

    m_reliable = true;
    m_monotonic = true;
    double lastReal = -std::numeric_limits<double>::infinity();
    std::vector<double> intervals;
    intervals.reserve(n);
    for (size_t k = 0; k < n; ++k) {
        if (k > 0 && !(m_ptsMs[k] > m_ptsMs[k - 1])) m_monotonic = false;
        if (m_estimated[k]) continue;
        if (!(m_ptsMs[k] > lastReal)) m_reliable = false;
        lastReal = m_ptsMs[k];
        if (k > 0 && !m_estimated[k - 1] && m_ptsMs[k] > m_ptsMs[k - 1])
            intervals.push_back(m_ptsMs[k] - m_ptsMs[k - 1]);
    }
    m_medianIntervalMs = medianOf(std::move(intervals));
}

qint64 FrameIndex::bytePosition(qint64 i) const
{
    if (i < 0 || i >= frameCount()) return -1;
    return m_bytePos[size_t(i)];
}

double FrameIndex::timestampMs(qint64 i) const
{
    if (i < 0 || i >= frameCount()) return 0;
    return m_ptsMs[size_t(i)];
}

bool FrameIndex::timestampEstimated(qint64 i) const
{
    if (i < 0 || i >= frameCount()) return false;
    return m_estimated[size_t(i)];
}

bool FrameIndex::isKeyframe(qint64 i) const
{
    if (i < 0 || i >= frameCount()) return false;
    return m_keyframe[size_t(i)];
}

std::vector<qint64> FrameIndex::keyframes() const
{
    return m_keyList;
}

qint64 FrameIndex::keyframeAtOrBefore(qint64 i) const
{
    if (m_keyList.empty() || i < 0) return 0;
    auto it = std::upper_bound(m_keyList.begin(), m_keyList.end(), i);
    if (it == m_keyList.begin()) return 0;
    return *(it - 1);
}

qint64 FrameIndex::frameAtTime(double ms) const
{
    const qint64 n = frameCount();
    if (n == 0) return 0;
    if (m_monotonic) {
        auto it = std::upper_bound(m_ptsMs.begin(), m_ptsMs.end(), ms);
        const qint64 k = qint64(it - m_ptsMs.begin()) - 1;
        return std::clamp<qint64>(k, 0, n - 1);
    }
    qint64 best = 0;
    for (qint64 k = 0; k < n; ++k)
        if (m_ptsMs[size_t(k)] <= ms) best = k;
    return best;
}

std::optional<qint64> FrameIndex::matchTimestamp(double ms) const
{
    const qint64 n = frameCount();
    if (n == 0 || !m_monotonic || !std::isfinite(ms)) return std::nullopt;
    auto it = std::lower_bound(m_ptsMs.begin(), m_ptsMs.end(), ms);
    const qint64 j = qint64(it - m_ptsMs.begin());
    std::optional<qint64> best;
    double bestDistance = 0;
    for (qint64 c : {j - 1, j}) {
        if (c < 0 || c >= n || m_estimated[size_t(c)]) continue;
        const double t = m_ptsMs[size_t(c)];
        double gap = std::numeric_limits<double>::infinity();
        if (c > 0) gap = std::min(gap, t - m_ptsMs[size_t(c - 1)]);
        if (c + 1 < n) gap = std::min(gap, m_ptsMs[size_t(c + 1)] - t);
        if (!std::isfinite(gap)) gap = m_fallbackIntervalMs > 0 ? m_fallbackIntervalMs : 1.0;
        const double distance = std::abs(t - ms);
        if (distance < 0.5 * gap && (!best || distance < bestDistance)) {
            best = c;
            bestDistance = distance;
        }
    }
    return best;
}

bool FrameIndex::timestampsReliable() const
{
    return m_reliable;
}

double FrameIndex::medianIntervalMs() const
{
    return m_medianIntervalMs;
}

double FrameIndex::durationMs() const
{
    const qint64 n = frameCount();
    if (n == 0) return 0;
    double interval = 0;
    if (n >= 2) interval = m_ptsMs[size_t(n - 1)] - m_ptsMs[size_t(n - 2)];
    if (!(interval > 0)) interval = m_medianIntervalMs > 0 ? m_medianIntervalMs : m_fallbackIntervalMs;
    double last = m_ptsMs[size_t(n - 1)];
    if (!m_monotonic) last = *std::max_element(m_ptsMs.begin(), m_ptsMs.end());
    return std::max(0.0, last) + interval;
}

double FrameIndex::averageFps() const
{
    const double d = durationMs();
    return d > 0 ? double(frameCount()) * 1000.0 / d : 0;
}

bool FrameIndex::isVariableFrameRate() const
{
    const size_t n = m_ptsMs.size();
    double sum = 0;
    qint64 count = 0;
    for (size_t k = 1; k < n; ++k) {
        if (m_estimated[k] || m_estimated[k - 1]) continue;
        sum += m_ptsMs[k] - m_ptsMs[k - 1];
        ++count;
    }
    if (count < 2) return false;
    const double mean = sum / double(count);
    const double tolerance = 0.01 * mean + 1.0;
    for (size_t k = 1; k < n; ++k) {
        if (m_estimated[k] || m_estimated[k - 1]) continue;
        if (std::abs((m_ptsMs[k] - m_ptsMs[k - 1]) - mean) > tolerance) return true;
    }
    return false;
}

// ---- persistence ----------------------------------------------------------------------------

Status FrameIndex::save(const QString& file, const FileFingerprint& fingerprint, const VideoInfo& info) const
{
    QByteArray bytes;
    {
        QDataStream out(&bytes, QIODevice::WriteOnly);
        out.setVersion(QDataStream::Qt_6_0);
        out << kMagic << kVersion;
        out << qint64(fingerprint.size) << qint64(fingerprint.modifiedMs) << fingerprint.hash;
        out << info.container << info.codec << qint32(info.width) << qint32(info.height) << qint32(info.rotation)
            << info.nominalFps << info.averageFps << info.durationSec << qint64(info.frameCount)
            << qint64(info.declaredFrameCount) << info.variableFrameRate << info.timestampsReliable;
        out << m_fallbackIntervalMs;
        out << qint64(m_ptsMs.size());
        for (size_t k = 0; k < m_ptsMs.size(); ++k) {
            const quint8 flags = quint8((m_keyframe[k] ? kFlagKey : 0) | (m_estimated[k] ? kFlagEstimated : 0));
            out << m_ptsMs[k] << flags << qint64(m_bytePos[k]);
        }
    }
    QSaveFile save(file);
    if (!save.open(QIODevice::WriteOnly))
        return Status::failure(QStringLiteral("%1: cannot write the frame index (%2)")
                                   .arg(shown(file), writeFailureReason(save.errorString())));
    if (save.write(bytes) != bytes.size()) {
        save.cancelWriting();
        return Status::failure(QStringLiteral("%1: cannot write the frame index (%2)")
                                   .arg(shown(file), writeFailureReason(save.errorString())));
    }
    if (!save.commit())
        return Status::failure(QStringLiteral("%1: cannot write the frame index (%2)")
                                   .arg(shown(file), writeFailureReason(save.errorString())));
    return Status::success();
}

Result<FrameIndex::Loaded> FrameIndex::load(const QString& file, const FileFingerprint& expected)
{
    using R = Result<Loaded>;
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly))
        return R::failure(QStringLiteral("%1: cannot read the frame index (%2)").arg(shown(file), f.errorString()));
    const QByteArray bytes = f.readAll();
    QDataStream in(bytes);
    in.setVersion(QDataStream::Qt_6_0);
    quint32 magic = 0, version = 0;
    in >> magic >> version;
    if (in.status() != QDataStream::Ok || magic != kMagic)
        return R::failure(QStringLiteral("%1: not a FragmentLab frame index").arg(shown(file)));
    if (version != kVersion)
        return R::failure(QStringLiteral("%1: frame index version %2 is not supported").arg(shown(file)).arg(version));

    FileFingerprint stored;
    qint64 size = 0, mtime = 0;
    in >> size >> mtime >> stored.hash;
    stored.size = size;
    stored.modifiedMs = mtime;
    if (in.status() != QDataStream::Ok)
        return R::failure(QStringLiteral("%1: frame index is damaged").arg(shown(file)));
    if (!stored.sameContent(expected))
        return R::failure(QStringLiteral("%1: frame index was written for other content").arg(shown(file)));

    Loaded loaded;
    loaded.fingerprint = stored;
    VideoInfo& info = loaded.info;
    qint32 width = 0, height = 0, rotation = 0;
    qint64 frameCount = 0, declared = 0;
    in >> info.container >> info.codec >> width >> height >> rotation >> info.nominalFps >> info.averageFps
        >> info.durationSec >> frameCount >> declared >> info.variableFrameRate >> info.timestampsReliable;
    info.width = width;
    info.height = height;
    info.rotation = rotation;
    info.frameCount = frameCount;
    info.declaredFrameCount = declared;
    double fallbackInterval = 0;
    in >> fallbackInterval;
    qint64 n = -1;
    in >> n;
    if (in.status() != QDataStream::Ok || n < 0 || n != frameCount || n > qint64(bytes.size()) / 17)
        return R::failure(QStringLiteral("%1: frame index is damaged").arg(shown(file)));
    std::vector<double> pts(size_t(n), 0.0);
    std::vector<bool> key(size_t(n), false), estimated(size_t(n), false);
    std::vector<qint64> positions(size_t(n), -1);
    for (qint64 k = 0; k < n; ++k) {
        double t = 0;
        quint8 flags = 0;
        qint64 position = -1;
        in >> t >> flags >> position;
        pts[size_t(k)] = t;
        positions[size_t(k)] = position;
        key[size_t(k)] = flags & kFlagKey;
        estimated[size_t(k)] = flags & kFlagEstimated;
    }
    if (in.status() != QDataStream::Ok || !in.atEnd())
        return R::failure(QStringLiteral("%1: frame index is damaged").arg(shown(file)));
    loaded.index.m_ptsMs = std::move(pts);
    loaded.index.m_keyframe = std::move(key);
    loaded.index.m_estimated = std::move(estimated);
    loaded.index.m_bytePos = std::move(positions);
    loaded.index.m_fallbackIntervalMs = fallbackInterval;
    loaded.index.finish();
    return loaded;
}

} // namespace fl
