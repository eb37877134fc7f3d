#pragma once
// The timeline's "Scenes" row: scenes (or runs of a predicted class) as alternately shaded
// segments with a line at each cut, and the keyframes as marks (manual ones hollow). Where the
// detected boundary's kind is known (setCuts), the line shows it: a cut a solid line, a fade
// through black a dashed line under a dark wedge, a dissolve a dotted line under two crossing
// strokes; the tooltip names it.
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
    // The detected boundaries with their kinds (empty: kinds unknown, plain lines).
    void setCuts(std::vector<SceneCut> cuts) { m_cuts = std::move(cuts); }
    const std::vector<SceneCut>& cuts() const { return m_cuts; }
    const std::vector<FrameSegment>& segments() const { return m_segments; }

    QString title() const override;
    int height() const override { return 22; }
    void paint(QPainter& painter, const QRect& row, const TimelineMapping& mapping) const override;
    QString toolTipAt(qint64 frame) const override;

private:
    const SceneCut* cutAt(qint64 frame) const;

    std::vector<FrameSegment> m_segments;
    std::vector<SceneCut> m_cuts; // ascending by frame
    KeyframeSet m_keyframes;
};

} // namespace fl
