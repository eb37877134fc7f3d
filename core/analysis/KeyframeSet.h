#pragma once
// The keyframes of one video: a plain value type, sorted by frame, at most one per frame.
// Selection fills it; the user adds and removes keyframes afterwards (edit a copy, assign
// it back, as with Project).
#include "analysis/Keyframe.h"

#include <optional>
#include <vector>

namespace fl {

class KeyframeSet {
public:
    KeyframeSet() = default;
    explicit KeyframeSet(std::vector<Keyframe> keyframes); // sorted; later duplicates of a frame win

    const std::vector<Keyframe>& keyframes() const { return m_keyframes; }
    int size() const { return int(m_keyframes.size()); }
    bool isEmpty() const { return m_keyframes.empty(); }

    bool contains(qint64 frame) const;
    std::optional<Keyframe> at(qint64 frame) const;
    std::vector<qint64> frames() const;
    // Keyframes of one segment, by frame.
    std::vector<Keyframe> inSegment(int segment) const;

    // Adds `keyframe`, replacing one at the same frame. Returns true when the set changed.
    bool add(const Keyframe& keyframe);
    // A keyframe the user picked by hand at `frame` (segment/label as given).
    bool addManual(qint64 frame, int segment = -1, const QString& label = {});
    // Returns true when a keyframe was there.
    bool remove(qint64 frame);
    void clear() { m_keyframes.clear(); }

    bool operator==(const KeyframeSet&) const = default;

private:
    std::vector<Keyframe> m_keyframes;
};

} // namespace fl
