#pragma once
// How a video is cut into fragments: length T frames (2..64), stride S frames between
// fragment starts (default T: no overlap, no gap), frame step K inside a fragment (default 1).
// Fragment j covers frames j*S + {0, K, 2K, ..., (T-1)K}; a tail that does not fit is not a
// fragment. Ids are stable for a given spec and frame count.
#include "Result.h"

#include <QString>

#include <vector>

namespace fl {

struct FragmentSpec {
    static constexpr int kMinLength = 2;
    static constexpr int kMaxLength = 64;

    int length = 4; // T
    int stride = 4; // S
    int step = 1;   // K

    // Validated construction; stride <= 0 means "same as length".
    static Result<FragmentSpec> make(int length, int stride = 0, int step = 1);
    Status validate() const;

    // Frames from the first to the last frame of one fragment, inclusive: (T-1)*K + 1.
    qint64 span() const { return qint64(length - 1) * step + 1; }
    qint64 count(qint64 frameCount) const;
    qint64 firstFrame(qint64 fragment) const { return fragment * stride; }
    // One past the last frame of the fragment: the half-open range [firstFrame, endFrame).
    qint64 endFrame(qint64 fragment) const { return firstFrame(fragment) + span(); }
    qint64 frameAt(qint64 fragment, int t) const { return firstFrame(fragment) + qint64(t) * step; }
    std::vector<qint64> frames(qint64 fragment) const;
    // The fragment whose start is the last at or before `frame` (clamped to [0, count-1];
    // -1 when the video has no fragment).
    qint64 fragmentAtFrame(qint64 frame, qint64 frameCount) const;
    // Fragments whose every frame lies inside [start, end).
    std::pair<qint64, qint64> fragmentsInside(qint64 start, qint64 end, qint64 frameCount) const;

    QString toString() const; // "T=4 S=4 K=1"
    bool operator==(const FragmentSpec&) const = default;
};

} // namespace fl
