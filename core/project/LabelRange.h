#pragma once
// A labeled half-open frame range [start, end) of one video.
#include <QString>

namespace fl {

struct LabelRange {
    qint64 start = 0;
    qint64 end = 0; // exclusive
    QString label;  // class name

    qint64 length() const { return end - start; }
    bool contains(qint64 frame) const { return frame >= start && frame < end; }
    bool operator==(const LabelRange&) const = default;
};

} // namespace fl
