#include "LabelPatchCommand.h"

#include "ProjectDocument.h"
#include "project/LabelTrack.h"

namespace fl {

LabelPatchCommand::LabelPatchCommand(ProjectDocument* document, int video, qint64 lo, qint64 hi, std::vector<LabelRange> before,
                                     std::vector<LabelRange> after, int gesture, const QString& text)
    : QUndoCommand(text), m_document(document), m_video(video), m_lo(lo), m_hi(hi), m_before(std::move(before)),
      m_after(std::move(after)), m_gesture(gesture)
{
}

void LabelPatchCommand::undo()
{
    m_document->applyLabelPatch(m_video, m_lo, m_hi, m_before);
}

void LabelPatchCommand::redo()
{
    m_document->applyLabelPatch(m_video, m_lo, m_hi, m_after);
}

bool LabelPatchCommand::mergeWith(const QUndoCommand* command)
{
    const auto* other = dynamic_cast<const LabelPatchCommand*>(command);
    if (!other || other->m_gesture != m_gesture || other->m_video != m_video)
        return false;
    // The document widens a gesture's later regions to cover the earlier ones.
    if (other->m_lo > m_lo || other->m_hi < m_hi)
        return false;
    // Before the whole gesture: the later step's "before", with this step's region as it was
    // before this step.
    LabelTrack merged;
    for (const LabelRange& r : other->m_before)
        merged.set(r.start, r.end, r.label);
    merged.clear(m_lo, m_hi);
    for (const LabelRange& r : m_before)
        merged.set(r.start, r.end, r.label);
    m_before = merged.ranges();
    m_after = other->m_after;
    m_lo = other->m_lo;
    m_hi = other->m_hi;
    // A drag that ends where it started changed nothing: the stack drops the step.
    setObsolete(m_before == m_after);
    return true;
}

} // namespace fl
