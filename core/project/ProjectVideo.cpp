#include "project/ProjectVideo.h"

namespace fl {

QString ProjectVideo::fileName() const
{
    const qsizetype slash = relativePath.lastIndexOf(QLatin1Char('/'));
    return slash < 0 ? relativePath : relativePath.mid(slash + 1);
}

std::optional<QString> ProjectVideo::sceneCutProblem(qint64 cut, const qint64* previous) const
{
    if (cut <= 0 || cut >= frameCount)
        return QStringLiteral("scene cut %1 is not a frame in (0, %2)").arg(cut).arg(frameCount);
    if (previous && cut <= *previous)
        return QStringLiteral("scene cuts must ascend (%1 after %2)").arg(cut).arg(*previous);
    return std::nullopt;
}

std::optional<QString> ProjectVideo::keyframeSegmentProblem(const FrameSegment& segment,
                                                            const FrameSegment* previous) const
{
    const QString range = QStringLiteral("[%1, %2)").arg(segment.start).arg(segment.end);
    if (segment.start < 0 || segment.end > frameCount || segment.start >= segment.end)
        return QStringLiteral("segment %1 is empty or outside the video (%2 frames)").arg(range).arg(frameCount);
    if (previous && segment.start < previous->end)
        return QStringLiteral("segment %1 overlaps the one before").arg(range);
    return std::nullopt;
}

std::optional<QString> ProjectVideo::keyframeFrameProblem(qint64 frame) const
{
    if (frame < 0 || frame >= frameCount)
        return QStringLiteral("frame %1 is outside the video (%2 frames)").arg(frame).arg(frameCount);
    return std::nullopt;
}

std::optional<QString> ProjectVideo::keyframeSegmentIndexProblem(int segment, size_t segments)
{
    if (segment < -1 || segment >= int(segments))
        return QStringLiteral("segment %1 of %2 keyframe segments").arg(segment).arg(segments);
    return std::nullopt;
}

} // namespace fl
