#include "fragments/FragmentSpec.h"

#include <algorithm>

namespace fl {

Result<FragmentSpec> FragmentSpec::make(int length, int stride, int step)
{
    FragmentSpec spec;
    spec.length = length;
    spec.stride = stride <= 0 ? length : stride;
    spec.step = step;
    if (auto status = spec.validate(); !status) return status;
    return spec;
}

Status FragmentSpec::validate() const
{
    if (length < kMinLength || length > kMaxLength)
        return Status::failure(
            QStringLiteral("fragment length %1 is outside %2..%3").arg(length).arg(kMinLength).arg(kMaxLength));
    if (stride < 1) return Status::failure(QStringLiteral("fragment stride %1 must be at least 1").arg(stride));
    if (step < 1) return Status::failure(QStringLiteral("fragment step %1 must be at least 1").arg(step));
    if (span() > 100000) return Status::failure(QStringLiteral("fragment spans %1 frames, too many").arg(span()));
    return Status::success();
}

qint64 FragmentSpec::count(qint64 frameCount) const
{
    if (frameCount < span()) return 0;
    return (frameCount - span()) / stride + 1;
}

std::vector<qint64> FragmentSpec::frames(qint64 fragment) const
{
    std::vector<qint64> out(static_cast<size_t>(length));
    for (int t = 0; t < length; ++t) out[static_cast<size_t>(t)] = frameAt(fragment, t);
    return out;
}

qint64 FragmentSpec::fragmentAtFrame(qint64 frame, qint64 frameCount) const
{
    const qint64 n = count(frameCount);
    if (n == 0) return -1;
    return std::clamp<qint64>(frame / stride, 0, n - 1);
}

std::pair<qint64, qint64> FragmentSpec::fragmentsInside(qint64 start, qint64 end, qint64 frameCount) const
{
    // first fragment with firstFrame >= start; last with endFrame <= end. Returns [first, last+1).
    const qint64 n = count(frameCount);
    const qint64 first = std::max<qint64>(0, (start + stride - 1) / stride);
    if (end - span() < 0) return {first, first};
    const qint64 lastPlusOne = std::min(n, (end - span()) / stride + 1);
    return {first, std::max(first, lastPlusOne)};
}

QString FragmentSpec::toString() const
{
    return QStringLiteral("T=%1 S=%2 K=%3").arg(length).arg(stride).arg(step);
}

} // namespace fl
