#pragma once
// The timeline's "Scenes" row: scenes (or runs of a predicted class) as alternately shaded
// segments with a line at each cut, and the keyframes as marks (manual ones hollow).
#include "analysis/KeyframeSet.h"
#include "analysis/SceneDetection.h"
#include "timeline/TimelineTrack.h"

#include <QCoreApplication>

#include <vector>

namespace fl {

class ScenesTrack : public TimelineTrack {
    Q_DECLARE_TR_FUNCTIONS(ScenesTrack)
public:
    void setSegments(std::vector<FrameSegment> segments) { m_segments = std::move(segments); }
    void setKeyframes(const KeyframeSet& keyframes) { m_keyframes = keyframes; }
    const std::vector<FrameSegment>& segments() const { return m_segments; }

    QString title() const override;
    int height() const override { return 22; }
    void paint(QPainter& painter, const QRect& row, const TimelineMapping& mapping) const override;
    QString toolTipAt(qint64 frame) const override;

private:
    std::vector<FrameSegment> m_segments;
    KeyframeSet m_keyframes;
};

} // namespace fl
