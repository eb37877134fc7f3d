#include "timeline/TimelineActions.h"

#include "shell/ActionRegistry.h"
#include "timeline/TimelineView.h"

#include <QAction>

namespace fl {

void TimelineActions::add(TimelineView* timeline, ActionRegistry* actions)
{
    const QString edit = tr("Edit"), view = tr("View");
    constexpr auto video = ActionRegistry::Needs::Video;
    auto on = [timeline](QAction* a, void (TimelineView::*slot)()) {
        QObject::connect(a, &QAction::triggered, timeline, slot);
    };
    on(actions->make(QStringLiteral("selectAll"), tr("Select &All Fragments"), {QKeySequence::SelectAll},
                     tr("Select every fragment of the video"), edit, video),
       &TimelineView::selectAll);
    on(actions->make(QStringLiteral("selectNone"), tr("Select &None"), {QKeySequence(Qt::Key_Escape)},
                     tr("Clear the selection (keys then act on the fragment under the playhead)"), edit, video),
       &TimelineView::clearSelection);
    on(actions->make(QStringLiteral("zoomIn"), tr("Zoom &In"),
                     {QKeySequence(Qt::Key_Plus), QKeySequence(Qt::Key_Equal), QKeySequence::ZoomIn},
                     tr("Zoom the timeline in around the playhead (Ctrl+wheel over the timeline)"), view, video),
       &TimelineView::zoomIn);
    on(actions->make(QStringLiteral("zoomOut"), tr("Zoom &Out"), {QKeySequence(Qt::Key_Minus), QKeySequence::ZoomOut},
                     tr("Zoom the timeline out"), view, video),
       &TimelineView::zoomOut);
    on(actions->make(QStringLiteral("zoomFit"), tr("Zoom to &Fit"), {QKeySequence(Qt::CTRL | Qt::Key_0)},
                     tr("Show the whole video on the timeline"), view, video),
       &TimelineView::zoomToFit);
}

} // namespace fl
