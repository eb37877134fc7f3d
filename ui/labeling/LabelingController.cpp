#include "labeling/LabelingController.h"

#include "document/ProjectDocument.h"

#include <algorithm>

namespace fl {

LabelingController::LabelingController(ProjectDocument* document, QObject* parent)
    : QObject(parent), m_document(document)
{
    connect(document, &ProjectDocument::projectReplaced, this, [this] {
        endStroke();
        m_video = -1;
        m_selFirst = m_selLast = -1;
    });
}

void LabelingController::setVideo(int video)
{
    endStroke();
    m_video = video;
    m_position = 0;
    m_selFirst = m_selLast = -1;
}

void LabelingController::setSelection(qint64 firstFragment, qint64 lastFragment)
{
    m_selFirst = firstFragment;
    m_selLast = lastFragment;
}

std::pair<qint64, qint64> LabelingController::targetFragments() const
{
    if (!m_document->hasProject() || m_video < 0 || m_video >= m_document->project().videoCount()) return {-1, -1};
    if (m_selFirst >= 0) return {m_selFirst, m_selLast};
    const qint64 fragment =
        m_document->project().spec().fragmentAtFrame(m_position, m_document->project().video(m_video).frameCount);
    return {fragment, fragment};
}

Status LabelingController::labelFragments(qint64 first, qint64 last, const QString* cls, int gesture)
{
    if (first < 0)
        return Status::failure(tr("There is no fragment to label here (the video is shorter than one fragment)."));
    const FragmentSpec& spec = m_document->project().spec();
    const qint64 frames = m_document->project().video(m_video).frameCount;
    const qint64 start = spec.firstFrame(std::min(first, last));
    const qint64 end = std::min(frames, spec.endFrame(std::max(first, last)));
    return cls ? m_document->setLabel(m_video, start, end, *cls, gesture)
               : m_document->clearLabels(m_video, start, end, gesture);
}

Status LabelingController::applyClass(const QString& cls)
{
    const auto [first, last] = targetFragments();
    if (auto status = labelFragments(first, last, &cls, 0); !status) return status;
    if (m_advance && m_selFirst < 0 && first >= 0) {
        const FragmentSpec& spec = m_document->project().spec();
        const qint64 count = spec.count(m_document->project().video(m_video).frameCount);
        if (first + 1 < count) emit seekRequested(spec.firstFrame(first + 1));
    }
    return Status::success();
}

Status LabelingController::clearLabels()
{
    const auto [first, last] = targetFragments();
    return labelFragments(first, last, nullptr, 0);
}

void LabelingController::beginStroke(const QString& cls)
{
    endStroke();
    if (!m_document->hasProject() || m_video < 0) return;
    const qint64 fragment =
        m_document->project().spec().fragmentAtFrame(m_position, m_document->project().video(m_video).frameCount);
    if (fragment < 0) return;
    m_strokeClass = cls;
    m_strokeStart = fragment;
    m_strokeGesture = m_document->newGestureId();
    (void)labelFragments(fragment, fragment, &m_strokeClass, m_strokeGesture);
}

void LabelingController::endStroke()
{
    m_strokeClass.clear();
    m_strokeStart = -1;
    m_strokeGesture = 0;
}

void LabelingController::setPosition(qint64 frame)
{
    m_position = frame;
    if (!isPainting() || m_video < 0) return;
    const qint64 fragment =
        m_document->project().spec().fragmentAtFrame(frame, m_document->project().video(m_video).frameCount);
    if (fragment >= 0) (void)labelFragments(m_strokeStart, fragment, &m_strokeClass, m_strokeGesture);
}

} // namespace fl
