#include "shell/Workbench.h"

#include "document/ProjectDocument.h"
#include "labeling/LabelingController.h"
#include "player/VideoPlayer.h"

#include "jobs/JobRunner.h"

#include <QFileInfo>

#include <algorithm>

namespace fl {

Workbench::Workbench(ProjectDocument* document, VideoPlayer* player, AppSettings* settings, QObject* parent)
    : QObject(parent), m_document(document), m_player(player), m_settings(settings)
{
    // First of every receiver: whatever else reacts to a replaced project (the timeline's
    // selection, the panels) must find no current video of the old project. The labeling
    // controller is made after, so this runs before its own reaction.
    connect(m_document, &ProjectDocument::projectReplaced, this, &Workbench::releaseVideo);
    m_jobs = new JobRunner(this, 2);
    m_labeling = new LabelingController(m_document, this);
    connect(m_labeling, &LabelingController::seekRequested, this, &Workbench::seek);
}

bool Workbench::hasCurrentVideo() const
{
    return m_document->hasProject() && m_video >= 0 && m_video < m_document->project().videoCount();
}

qint64 Workbench::currentFrame() const
{
    return m_player->position();
}

qint64 Workbench::currentFragment() const
{
    if (!hasCurrentVideo()) return -1;
    return m_document->project().spec().fragmentAtFrame(m_player->position(),
                                                        m_document->project().video(m_video).frameCount);
}

void Workbench::refreshFragment(bool labelChanged)
{
    if (labelChanged) m_lastFragment = -2;
    if (!hasCurrentVideo()) return;
    const qint64 fragment = currentFragment();
    if (fragment == m_lastFragment) return;
    m_lastFragment = fragment;
    emit currentFragmentChanged(m_video, fragment);
}

void Workbench::releaseVideo()
{
    if (m_labeling) // made after the first connection
        m_labeling->endStroke();
    m_video = -1;
    m_lastFragment = -2;
    m_player->close();
}

void Workbench::clearVideo()
{
    releaseVideo();
    m_labeling->setVideo(-1);
    emit currentVideoChanged(-1);
}

void Workbench::reselectVideo(int video)
{
    m_video = -1;
    selectVideo(video);
}

void Workbench::followVideoList()
{
    const int count = m_document->project().videoCount();
    if (count == 0 && m_video >= 0)
        clearVideo();
    else if (m_video >= count || (m_video >= 0 && m_player->path() != m_document->project().absoluteVideoPath(m_video)))
        reselectVideo(std::min(m_video, count - 1));
    else if (m_video < 0 && count > 0)
        selectVideo(0);
}

void Workbench::noteVideoOpened()
{
    if (hasCurrentVideo()) {
        const ProjectVideo& video = m_document->project().video(m_video);
        if (m_player->frameCount() != video.frameCount)
            showStatus(tr("%1 now has %2 frames, the project says %3: the file changed since it was added")
                           .arg(video.fileName())
                           .arg(m_player->frameCount())
                           .arg(video.frameCount),
                       15000);
    }
    emit videoOpened(m_video);
}

Job* Workbench::startJob(std::unique_ptr<Job> job)
{
    return m_jobs->start(std::move(job));
}

void Workbench::selectVideo(int video)
{
    if (!m_document->hasProject() || video < 0 || video >= m_document->project().videoCount() || video == m_video)
        return;
    m_labeling->endStroke();
    m_video = video;
    m_lastFragment = -2;
    m_labeling->setVideo(video);
    const QString path = m_document->project().absoluteVideoPath(video);
    if (QFileInfo::exists(path))
        m_player->open(path, m_document->project().indexCacheDir());
    else
        m_player->close();
    // The video first, then its fragment: receivers of currentFragmentChanged (the badges)
    // must already know the new video, or the overlay stays empty after a switch. Said again
    // even when a receiver of the video change already asked (the timeline's selection reset
    // does): the views were cleared for the new video after that.
    emit currentVideoChanged(video);
    refreshFragment(true);
}

void Workbench::seek(qint64 frame)
{
    m_player->seek(frame);
}

void Workbench::goToFragment(int video, qint64 fragment)
{
    if (!m_document->hasProject() || video < 0 || video >= m_document->project().videoCount() || fragment < 0) return;
    selectVideo(video);
    const qint64 first = m_document->project().spec().firstFrame(fragment);
    seek(first);
    emit selectFragmentsRequested(fragment, fragment);
    emit revealFrameRequested(first);
}

void Workbench::stepFragments(int delta)
{
    if (!hasCurrentVideo()) return;
    const FragmentSpec& spec = m_document->project().spec();
    const qint64 frames = m_document->project().video(m_video).frameCount;
    const qint64 current = spec.fragmentAtFrame(m_player->position(), frames);
    if (current < 0) return;
    // Back from inside a fragment goes to its own start first.
    const qint64 target = delta < 0 && m_player->position() > spec.firstFrame(current) ? current + delta + 1
                                                                                       : current + delta;
    m_player->pause();
    seek(spec.firstFrame(std::clamp<qint64>(target, 0, spec.count(frames) - 1)));
}

bool Workbench::jumpToUnlabeled(int direction)
{
    const qint64 current = currentFragment();
    if (current < 0) return false;
    const Project& p = m_document->project();
    const qint64 count = p.spec().count(p.video(m_video).frameCount);
    for (qint64 j = current + direction; j >= 0 && j < count; j += direction) {
        if (!p.fragmentLabel(m_video, j)) {
            m_player->pause();
            seek(p.spec().firstFrame(j));
            emit revealFrameRequested(p.spec().firstFrame(j));
            return true;
        }
    }
    showStatus(direction > 0 ? tr("No unlabeled fragment after this one") : tr("No unlabeled fragment before this one"),
               4000);
    return false;
}

} // namespace fl
