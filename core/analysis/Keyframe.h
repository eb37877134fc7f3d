#pragma once
// One keyframe of a video: a frame picked (or added by hand) to stand for a segment.
#include <QString>

namespace fl {

struct Keyframe {
    qint64 frame = 0;
    int segment = -1; // index of the segment (scene or predicted run); -1: none
    QString label;    // the segment's label ("scene 3") or class name
    double score = 0; // selection score in [0, 1] (docs/KEYFRAMES.md); 0 for manual ones
    // The score's terms, each in [0, 1]; confidence < 0 when no model confidence was used.
    double sharpness = 0;
    double representativeness = 0;
    double confidence = -1;
    bool manual = false; // added by the user

    bool operator==(const Keyframe&) const = default;
};

} // namespace fl
