#pragma once
// How the timeline maps frames to x and back at its current zoom and scroll. Frame f
// occupies [xAt(f), xAt(f + 1)) in widget coordinates; frameAt(x) is the frame whose column
// holds x. A value type handed to TimelineTrack::paint.
#include <QtGlobal>

#include <algorithm>
#include <cmath>
#include <vector>

namespace fl {

struct TimelineMapping {
    double firstFrame = 0;     // frame position at x == left (may be fractional)
    double framesPerPixel = 1; // > 0; below 1 a frame is wider than a pixel
    int left = 0;              // x where the frame area starts
    int width = 0;             // width of the frame area in pixels
    qint64 frameCount = 0;

    double xAt(double frame) const { return left + (frame - firstFrame) / framesPerPixel; }
    double pixelsPerFrame() const { return 1.0 / framesPerPixel; }
    // The frame under x, clamped to the video.
    qint64 frameAt(double x) const
    {
        if (frameCount <= 0) return 0;
        const double f = firstFrame + (x - left) * framesPerPixel;
        return std::clamp<qint64>(qint64(std::floor(f + 1e-9)), 0, frameCount - 1);
    }
    double lastVisibleFrame() const
    {
        return std::min<double>(double(frameCount), firstFrame + width * framesPerPixel);
    }
    // Frames [visibleBegin(), visibleEnd()) have at least one pixel on screen.
    qint64 visibleBegin() const { return std::clamp<qint64>(qint64(std::floor(firstFrame)), 0, frameCount); }
    qint64 visibleEnd() const { return std::clamp<qint64>(qint64(std::ceil(lastVisibleFrame())), 0, frameCount); }
};

// Per pixel column of the frame area, which of the frame ranges offered to it covers most of
// it: every range is drawn with one colour at any zoom, in O(ranges + width) (the label row
// and the prediction row).
class ColumnOwners {
public:
    explicit ColumnOwners(const TimelineMapping& m)
        : m_map(m), m_owner(size_t(std::max(0, m.width)), -1), m_cover(size_t(std::max(0, m.width)), 0.f)
    {}

    // Frames [first, last) of `owner` (>= 0) take each column they cover more of than the
    // ranges offered before.
    void offer(double first, double last, qint64 owner)
    {
        const int w = int(m_owner.size());
        const double x0 = (first - m_map.firstFrame) / m_map.framesPerPixel;
        const double x1 = (last - m_map.firstFrame) / m_map.framesPerPixel;
        const int c0 = std::max(0, int(std::floor(x0)));
        const int c1 = std::min(w - 1, int(std::ceil(x1)) - 1);
        for (int c = c0; c <= c1; ++c) {
            const float covered = float(std::min(x1, double(c + 1)) - std::max(x0, double(c)));
            if (covered > m_cover[size_t(c)]) {
                m_cover[size_t(c)] = covered;
                m_owner[size_t(c)] = owner;
            }
        }
    }

    // run(x, width, owner) for each run of neighbouring columns with the same owner, in widget
    // x (from the mapping's left); columns nobody covers are skipped.
    template <class Run>
    void forEachRun(Run run) const
    {
        const int w = int(m_owner.size());
        for (int c = 0; c < w;) {
            const qint64 owner = m_owner[size_t(c)];
            int e = c + 1;
            while (e < w && m_owner[size_t(e)] == owner) ++e;
            if (owner >= 0) run(m_map.left + c, e - c, owner);
            c = e;
        }
    }

private:
    TimelineMapping m_map;
    std::vector<qint64> m_owner;
    std::vector<float> m_cover;
};

} // namespace fl
