#pragma once
// The timeline's own actions: select every fragment / none (Edit), zoom in, out and to fit
// (View). Each needs a current video.
#include <QCoreApplication>

namespace fl {

class ActionRegistry;
class TimelineView;

class TimelineActions {
    Q_DECLARE_TR_FUNCTIONS(fl::TimelineActions)
public:
    static void add(TimelineView* timeline, ActionRegistry* actions);
};

} // namespace fl
