#pragma once
// The label of the fragment under the playhead, where the labeler looks: a badge on the frame
// (FrameView::LabelBadge: the class in its colour, or "unlabeled", with the fragment's frames)
// and the transport bar's "Fragment N of M · label". Follows the workbench by itself.
#include <QObject>

namespace fl {

class FrameView;
class TransportBar;
class Workbench;

class LabelBadge : public QObject {
    Q_OBJECT
public:
    LabelBadge(Workbench* workbench, FrameView* view, TransportBar* transport);

private:
    void show(qint64 fragment);
    void clear();

    Workbench* m_workbench;
    FrameView* m_view;
    TransportBar* m_transport;
};

} // namespace fl
