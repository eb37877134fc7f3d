#include "labeling/LabelBadge.h"

#include "document/ProjectDocument.h"
#include "labeling/ClassColor.h"
#include "player/FrameView.h"
#include "player/TransportBar.h"
#include "shell/Workbench.h"

#include <algorithm>

namespace fl {

LabelBadge::LabelBadge(Workbench* workbench, FrameView* view, TransportBar* transport)
    : QObject(view), m_workbench(workbench), m_view(view), m_transport(transport)
{
    connect(workbench, &Workbench::currentFragmentChanged, this, [this](int, qint64 fragment) { show(fragment); });
    connect(workbench, &Workbench::currentVideoChanged, this, [this](int video) {
        if (video < 0) clear();
    });
    connect(workbench->document(), &ProjectDocument::projectReplaced, this, &LabelBadge::clear);
}

void LabelBadge::clear()
{
    m_view->setBadge(FrameView::LabelBadge, {});
    m_transport->setFragmentText(QString());
}

void LabelBadge::show(qint64 fragment)
{
    if (fragment < 0) {
        m_view->setBadge(FrameView::LabelBadge, {});
        m_transport->setFragmentText(tr("no fragment"));
        return;
    }
    const Project& p = m_workbench->document()->project();
    const int video = m_workbench->currentVideo();
    const auto label = p.fragmentLabel(video, fragment);
    FrameView::Badge badge;
    badge.text = label ? *label : tr("unlabeled");
    badge.color = label ? QColor(classDisplayColor(p.classes()[size_t(std::max(0, p.classIndex(*label)))]))
                        : QColor(70, 70, 74);
    badge.detail = tr("fragment %1 · frames %2-%3")
                       .arg(fragment)
                       .arg(p.spec().firstFrame(fragment))
                       .arg(p.spec().endFrame(fragment) - 1);
    m_view->setBadge(FrameView::LabelBadge, badge);
    const qint64 count = p.spec().count(p.video(video).frameCount);
    m_transport->setFragmentText(
        tr("Fragment %1 of %2 · %3").arg(fragment).arg(count).arg(label ? *label : tr("unlabeled")));
}

} // namespace fl
