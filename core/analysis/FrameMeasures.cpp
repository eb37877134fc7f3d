#include "analysis/FrameMeasures.h"

#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>

namespace fl {

std::vector<float> colourDescriptor(const cv::Mat& hsv)
{
    std::vector<float> d(kColourDescriptorSize, 0.0f);
    if (hsv.empty() || hsv.type() != CV_8UC3) return d;
    constexpr int kBinsPerCell = 8 * 2 * 4;
    std::vector<double> counts(kColourDescriptorSize, 0.0);
    // Value bin edges at 0.5, 1 and 1.5 times the mean value (a lookup table per frame).
    const double meanV = std::max(1.0, cv::mean(hsv)[2]);
    uchar valueBin[256];
    for (int v = 0; v < 256; ++v) {
        const double r = v / meanV;
        valueBin[v] = uchar(r < 0.5 ? 0 : r < 1.0 ? 1 : r < 1.5 ? 2 : 3);
    }
    for (int y = 0; y < hsv.rows; ++y) {
        const uchar* p = hsv.ptr<uchar>(y);
        const int cellRow = y * 2 / hsv.rows;
        for (int x = 0; x < hsv.cols; ++x, p += 3) {
            const int cell = cellRow * 2 + x * 2 / hsv.cols;
            const int h = std::min(7, int(p[0]) * 8 / 180);
            const int s = p[1] >> 7;
            const int v = valueBin[p[2]];
            counts[size_t(cell * kBinsPerCell + (h * 2 + s) * 4 + v)] += p[2];
        }
    }
    double total = 0;
    for (double c : counts) total += c;
    if (total <= 0) return d; // an all-black frame
    for (size_t i = 0; i < d.size(); ++i) d[i] = float(std::sqrt(counts[i] / total));
    return d;
}

double laplacianSharpness(const cv::Mat& bgr)
{
    if (bgr.empty()) return 0;
    cv::Mat grey;
    if (bgr.channels() == 3)
        cv::cvtColor(bgr, grey, cv::COLOR_BGR2GRAY);
    else
        grey = bgr;
    cv::Mat lap;
    cv::Laplacian(grey, lap, CV_32F);
    cv::Scalar mean, stddev;
    cv::meanStdDev(lap, mean, stddev);
    return stddev[0] * stddev[0];
}

double featureDistance(const std::vector<float>& a, const std::vector<float>& b)
{
    if (a.size() != b.size() || a.empty()) return 1.0;
    double dot = 0, na = 0, nb = 0;
    for (size_t i = 0; i < a.size(); ++i) {
        dot += double(a[i]) * b[i];
        na += double(a[i]) * a[i];
        nb += double(b[i]) * b[i];
    }
    if (na <= 0 && nb <= 0) return 0.0; // e.g. two all-black frames
    if (na <= 0 || nb <= 0) return 1.0;
    const double cosine = std::clamp(dot / std::sqrt(na * nb), -1.0, 1.0);
    return std::sqrt(std::max(0.0, 1.0 - cosine));
}

} // namespace fl
