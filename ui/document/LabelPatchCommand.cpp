#include "document/LabelPatchCommand.h"

#include "document/ProjectDocument.h"
#include "project/LabelTrack.h"

#include <algorithm>
#include <set>

namespace fl {

namespace {

QString labelAt(const std::vector<LabelRange>& ranges, qint64 frame)
{
    for (const LabelRange& r : ranges)
        if (r.contains(frame)) return r.label;
    return QString();
}

} // namespace

LabelPatchCommand::LabelPatchCommand(ProjectDocument* document, int video, qint64 lo, qint64 hi,
                                     std::vector<LabelRange> before, std::vector<LabelRange> after, int gesture,
                                     const QString& text)
    : QUndoCommand(text), m_document(document), m_video(video), m_lo(lo), m_hi(hi), m_before(std::move(before)),
      m_after(std::move(after)), m_gesture(gesture)
{}

void LabelPatchCommand::undo()
{
    m_document->applyLabelPatch(m_video, m_lo, m_hi, m_before);
}

void LabelPatchCommand::redo()
{
    m_document->applyLabelPatch(m_video, m_lo, m_hi, m_after);
}

QString LabelPatchCommand::describeChange() const
{
    // The runs of frames whose label differs between before and after, and what they became.
    std::set<qint64> cuts{m_lo, m_hi};
    for (const auto* ranges : {&m_before, &m_after})
        for (const LabelRange& r : *ranges) {
            cuts.insert(std::clamp(r.start, m_lo, m_hi));
            cuts.insert(std::clamp(r.end, m_lo, m_hi));
        }
    std::vector<LabelRange> changed; // label = what the run became ("" = cleared)
    for (auto it = cuts.begin(); std::next(it) != cuts.end(); ++it) {
        const qint64 a = *it, b = *std::next(it);
        const QString was = labelAt(m_before, a), now = labelAt(m_after, a);
        if (was == now) continue;
        if (!changed.empty() && changed.back().end == a && changed.back().label == now)
            changed.back().end = b;
        else
            changed.push_back({a, b, now});
    }
    if (changed.empty()) return text();
    const qint64 first = changed.front().start, last = changed.back().end - 1;
    const bool sameLabel = std::all_of(changed.begin(), changed.end(),
                                       [&](const LabelRange& r) { return r.label == changed.front().label; });
    if (!sameLabel) return QObject::tr("Edit labels of frames %1-%2").arg(first).arg(last);
    const QString cls = changed.front().label;
    if (cls.isEmpty()) return QObject::tr("Clear labels of frames %1-%2").arg(first).arg(last);
    qint64 fragments = 0;
    for (const LabelRange& r : changed) fragments += m_document->fragmentsInside(m_video, r.start, r.end);
    return fragments == 1 ? QObject::tr("Label 1 fragment as %1").arg(cls)
        : fragments > 1   ? QObject::tr("Label %1 fragments as %2").arg(fragments).arg(cls)
                          : QObject::tr("Label frames %1-%2 as %3").arg(first).arg(last).arg(cls);
}

bool LabelPatchCommand::mergeWith(const QUndoCommand* command)
{
    const auto* other = dynamic_cast<const LabelPatchCommand*>(command);
    if (!other || other->m_gesture != m_gesture || other->m_video != m_video) return false;
    // The document widens a gesture's later regions to cover the earlier ones.
    if (other->m_lo > m_lo || other->m_hi < m_hi) return false;
    // Before the whole gesture: the later step's "before", with this step's region as it was
    // before this step.
    LabelTrack merged;
    for (const LabelRange& r : other->m_before) merged.set(r.start, r.end, r.label);
    merged.clear(m_lo, m_hi);
    for (const LabelRange& r : m_before) merged.set(r.start, r.end, r.label);
    m_before = merged.ranges();
    m_after = other->m_after;
    m_lo = other->m_lo;
    m_hi = other->m_hi;
    // A drag that ends where it started changed nothing: the stack drops the step.
    setObsolete(m_before == m_after);
    if (!isObsolete()) setText(describeChange());
    return true;
}

} // namespace fl
