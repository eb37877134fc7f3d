#include "analysis/AnalysisFrame.h"

#include <opencv2/imgproc.hpp>

#include <algorithm>

namespace fl {

namespace {

void halve(const cv::Mat& in, cv::Mat& out)
{
    cv::resize(in, out, cv::Size(std::max(1, in.cols / 2), std::max(1, in.rows / 2)), 0, 0, cv::INTER_AREA);
}

} // namespace

void AnalysisFrame::assign(const cv::Mat& fullBgr, int width)
{
    width = std::max(16, width);
    // Halve until at most 2 x width wide: the detail level.
    cv::Mat current = fullBgr;
    int slot = 0;
    while (current.cols > 2 * width) {
        halve(current, m_levels[slot]);
        current = m_levels[slot];
        slot ^= 1;
    }
    current.copyTo(detail);
    if (detail.cols > width)
        halve(detail, bgr);
    else
        detail.copyTo(bgr);
    cv::cvtColor(bgr, hsv, cv::COLOR_BGR2HSV);
}

} // namespace fl
