#pragma once
// The Playback menu: play/pause, frame and fragment steps, jumps by seconds, first/last frame,
// speed, Go To (a frame number or a time), next/previous unlabeled fragment and video. Each
// is an action in the registry that needs a current video; they act on the Workbench.
#include <QObject>

class QWidget;

namespace fl {

class ActionRegistry;
class Workbench;

class PlaybackActions : public QObject {
    Q_OBJECT
public:
    // `dialogParent`: the window, for the Go To question.
    PlaybackActions(Workbench* workbench, ActionRegistry* actions, QWidget* dialogParent);

    // Asks for a frame number or a time and goes there.
    void goToDialog();

signals:
    // Go To went somewhere (or was answered): the keys belong to the timeline again.
    void goToDone();

private:
    Workbench* m_workbench;
    QWidget* m_dialogParent;
};

} // namespace fl
