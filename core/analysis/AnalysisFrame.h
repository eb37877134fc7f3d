#pragma once
// A decoded frame reduced for analysis. `bgr` is the frame reduced by the power of two f that
// brings it to at most `width` pixels wide: f = 1 a copy, f = 2 the 2x2 average
// (cv::INTER_AREA), f >= 4 the average of four pixels spread over each f x f block (at a
// quarter and three quarters of it; PySceneDetect subsamples likewise), which reads a
// fraction of the frame: this runs on every frame of a scene pass. `hsv` is `bgr` in OpenCV's
// 8-bit HSV (H 0..179, S and V 0..255). `detail`, made only when asked (keyframe candidates),
// is the first level of repeated 2x2 averaging at most 2 x width wide, for sharpness.
// Buffers are reused from frame to frame.
#include <opencv2/core/mat.hpp>

#include <vector>

namespace fl {

struct AnalysisFrame {
    cv::Mat detail; // CV_8UC3, empty unless asked for
    cv::Mat bgr;    // CV_8UC3
    cv::Mat hsv;    // CV_8UC3

    // Fills this from a full-size BGR 8UC3 frame.
    void assign(const cv::Mat& fullBgr, int width, bool withDetail = true);

private:
    cv::Mat m_levels[2];
    cv::Mat m_rowSum;
    std::vector<int> m_columns; // byte offsets of the two sampled pixels per output column
};

} // namespace fl
