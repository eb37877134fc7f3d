#pragma once
// A decoded frame reduced for analysis by repeated 2x2 averaging (cv::INTER_AREA at exactly
// half size, OpenCV's fast path): `detail` is the first level at most 2 x width pixels wide
// (for sharpness), `bgr` the first level at most `width` wide (for content scores and colour),
// with `hsv` its OpenCV 8-bit HSV (H 0..179, S and V 0..255). Frames already narrow enough
// are used as they are. Buffers are reused from frame to frame.
#include <opencv2/core/mat.hpp>

namespace fl {

struct AnalysisFrame {
    cv::Mat detail; // CV_8UC3
    cv::Mat bgr;    // CV_8UC3
    cv::Mat hsv;    // CV_8UC3

    // Fills this from a full-size BGR 8UC3 frame.
    void assign(const cv::Mat& fullBgr, int width);

private:
    cv::Mat m_levels[2];
};

} // namespace fl
