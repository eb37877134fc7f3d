#include "analysis/AnalysisFrame.h"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <vector>

namespace fl {

namespace {

void halve(const cv::Mat& in, cv::Mat& out)
{
    cv::resize(in, out, cv::Size(std::max(1, in.cols / 2), std::max(1, in.rows / 2)), 0, 0, cv::INTER_AREA);
}

// Reduces by `f` (a power of two >= 4): each output pixel averages the four input pixels at
// rows/columns f/4 and 3f/4 of its block (the two rows first, a vectorisable pass).
void reduceSparse(const cv::Mat& in, cv::Mat& out, cv::Mat& rowSum, std::vector<int>& column, int f)
{
    const int w = std::max(1, in.cols / f);
    const int h = std::max(1, in.rows / f);
    out.create(h, w, CV_8UC3);
    rowSum.create(1, in.cols * 3, CV_16U);
    ushort* sum = rowSum.ptr<ushort>();
    const int n = in.cols * 3;
    column.resize(size_t(w) * 2);
    for (int x = 0; x < w; ++x) {
        column[size_t(x) * 2] = std::min(x * f + f / 4, in.cols - 1) * 3;
        column[size_t(x) * 2 + 1] = std::min(x * f + 3 * f / 4, in.cols - 1) * 3;
    }
    for (int y = 0; y < h; ++y) {
        const uchar* r1 = in.ptr<uchar>(std::min(y * f + f / 4, in.rows - 1));
        const uchar* r2 = in.ptr<uchar>(std::min(y * f + 3 * f / 4, in.rows - 1));
        for (int k = 0; k < n; ++k) sum[k] = ushort(r1[k] + r2[k]);
        uchar* o = out.ptr<uchar>(y);
        for (int x = 0; x < w; ++x) {
            const ushort* a = sum + column[size_t(x) * 2];
            const ushort* b = sum + column[size_t(x) * 2 + 1];
            o[x * 3] = uchar((a[0] + b[0] + 2) >> 2);
            o[x * 3 + 1] = uchar((a[1] + b[1] + 2) >> 2);
            o[x * 3 + 2] = uchar((a[2] + b[2] + 2) >> 2);
        }
    }
}

} // namespace

void AnalysisFrame::assign(const cv::Mat& fullBgr, int width, bool withDetail)
{
    width = std::max(16, width);
    int f = 1;
    while (fullBgr.cols / f > width) f *= 2;
    if (f == 1)
        fullBgr.copyTo(bgr);
    else if (f == 2)
        halve(fullBgr, bgr);
    else
        reduceSparse(fullBgr, bgr, m_rowSum, m_columns, f);
    cv::cvtColor(bgr, hsv, cv::COLOR_BGR2HSV);

    if (!withDetail) {
        detail.release();
        return;
    }
    // Halve until at most 2 x width wide: the detail level.
    cv::Mat current = fullBgr;
    int slot = 0;
    while (current.cols > 2 * width) {
        halve(current, m_levels[slot]);
        current = m_levels[slot];
        slot ^= 1;
    }
    current.copyTo(detail);
}

} // namespace fl
