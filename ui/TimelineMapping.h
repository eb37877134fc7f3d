#pragma once
// How the timeline maps frames to x and back at its current zoom and scroll. Frame f
// occupies [xAt(f), xAt(f + 1)) in widget coordinates; frameAt(x) is the frame whose column
// holds x. A value type handed to TimelineTrack::paint.
#include <QtGlobal>

#include <algorithm>
#include <cmath>

namespace fl {

struct TimelineMapping {
    double firstFrame = 0;       // frame position at x == left (may be fractional)
    double framesPerPixel = 1;   // > 0; below 1 a frame is wider than a pixel
    int left = 0;                // x where the frame area starts
    int width = 0;               // width of the frame area in pixels
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
    double lastVisibleFrame() const { return std::min<double>(double(frameCount), firstFrame + width * framesPerPixel); }
    // Frames [visibleBegin(), visibleEnd()) have at least one pixel on screen.
    qint64 visibleBegin() const { return std::clamp<qint64>(qint64(std::floor(firstFrame)), 0, frameCount); }
    qint64 visibleEnd() const { return std::clamp<qint64>(qint64(std::ceil(lastVisibleFrame())), 0, frameCount); }
};

} // namespace fl
