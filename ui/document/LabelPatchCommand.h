#pragma once
// One label edit as an undo step: the ranges of frames [lo, hi) of one video before and
// after. The region always ends where no range crosses it, so undo (clear the region, set
// `before`) and redo (clear, set `after`) restore the track exactly. Edits of one gesture
// (a drag, a paint stroke) merge into one step.
#include "project/LabelRange.h"

#include <QUndoCommand>

#include <vector>

namespace fl {

class ProjectDocument;

class LabelPatchCommand : public QUndoCommand {
public:
    static constexpr int kMergeId = 0x464c4c50; // "FLLP"

    LabelPatchCommand(ProjectDocument* document, int video, qint64 lo, qint64 hi, std::vector<LabelRange> before,
                      std::vector<LabelRange> after, int gesture, const QString& text);

    void undo() override;
    void redo() override;
    int id() const override { return m_gesture != 0 ? kMergeId : -1; }
    bool mergeWith(const QUndoCommand* other) override;

    int video() const { return m_video; }
    int gesture() const { return m_gesture; }
    qint64 regionStart() const { return m_lo; }
    qint64 regionEnd() const { return m_hi; }

private:
    // What the step does as a whole, for the undo list once later steps of its gesture merged in.
    QString describeChange() const;

    ProjectDocument* m_document;
    int m_video;
    qint64 m_lo;
    qint64 m_hi;
    std::vector<LabelRange> m_before;
    std::vector<LabelRange> m_after;
    int m_gesture;
};

} // namespace fl
