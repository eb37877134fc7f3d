#pragma once
// The labels of one video: half-open frame ranges [start, end), each with a class name.
// Always sorted by start, non-overlapping, and neighbouring or overlapping ranges of the
// same class are merged, so two equal tracks compare equal range by range.
// A fragment carries a label when all its frames lie in ONE range (then of that class).
#include "project/LabelRange.h"

#include <QString>

#include <optional>
#include <vector>

namespace fl {

class LabelTrack {
public:
    // Labels [start, end) with `cls`, replacing whatever was there. Empty ranges are ignored.
    void set(qint64 start, qint64 end, const QString& cls);
    // Removes labels from [start, end), splitting ranges that stick out.
    void clear(qint64 start, qint64 end);
    void clearAll() { m_ranges.clear(); }

    const std::vector<LabelRange>& ranges() const { return m_ranges; }
    bool isEmpty() const { return m_ranges.empty(); }
    int size() const { return int(m_ranges.size()); }

    std::optional<QString> classAt(qint64 frame) const;
    // The class of the one range that holds every frame, or nothing (also for no frames).
    std::optional<QString> labelForFrames(const std::vector<qint64>& frames) const;
    // Ranges that overlap [start, end), in order.
    std::vector<LabelRange> rangesIn(qint64 start, qint64 end) const;

    // Both return the number of ranges that had the class before the change.
    int renameClass(const QString& oldName, const QString& newName);
    int removeClass(const QString& name);

    qint64 labeledFrames() const;
    qint64 labeledFrames(const QString& cls) const;

    bool operator==(const LabelTrack&) const = default;

private:
    void mergeNeighbours();
    std::vector<LabelRange> m_ranges;
};

} // namespace fl
