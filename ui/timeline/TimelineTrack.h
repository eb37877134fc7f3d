#pragma once
// An extra row of the timeline (e.g. the model's predictions): the timeline gives it a
// rectangle and the mapping, and the track paints what it holds for the visible frames only
// (mapping.visibleBegin() .. visibleEnd()) — at full zoom-out that may be a whole long video,
// so aggregate per pixel column rather than drawing every fragment.
//
// The timeline does not own tracks: whoever adds one (TimelineView::addTrack) keeps it alive
// until removeTrack(), and calls TimelineView::update() when its data changes.
#include "timeline/TimelineMapping.h"

#include <QRect>
#include <QString>

class QPainter;

namespace fl {

class TimelineTrack {
public:
    virtual ~TimelineTrack() = default;
    virtual QString title() const = 0;        // shown in the row header
    virtual int height() const { return 20; } // logical pixels
    virtual void paint(QPainter& painter, const QRect& row, const TimelineMapping& mapping) const = 0;
    virtual QString toolTipAt(qint64 frame) const
    {
        Q_UNUSED(frame);
        return {};
    }
};

} // namespace fl
