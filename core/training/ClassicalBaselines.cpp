#include "training/ClassicalBaselines.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

namespace fl {

double frameDifferenceEnergy(const FragmentCache& cache, const FragmentSpec& spec, qint64 fragment)
{
    const qint64 pixels = qint64(cache.frameSize().width) * cache.frameSize().height;
    double sum = 0;
    int pairs = 0;
    for (int t = 1; t < spec.length; ++t) {
        const std::uint8_t* a = cache.frame(spec.frameAt(fragment, t - 1));
        const std::uint8_t* b = cache.frame(spec.frameAt(fragment, t));
        std::int64_t d = 0;
        for (qint64 i = 0; i < pixels; ++i) {
            const int ga = a[3 * i] + a[3 * i + 1] + a[3 * i + 2];
            const int gb = b[3 * i] + b[3 * i + 1] + b[3 * i + 2];
            d += std::abs(ga - gb);
        }
        sum += double(d) / (3.0 * double(pixels));
        ++pairs;
    }
    return pairs > 0 ? sum / pairs : 0.0;
}

std::vector<float> colourHistogram(const FragmentCache& cache, const FragmentSpec& spec, qint64 fragment)
{
    std::vector<float> h(64, 0.0f);
    const qint64 pixels = qint64(cache.frameSize().width) * cache.frameSize().height;
    for (int t = 0; t < spec.length; ++t) {
        const std::uint8_t* p = cache.frame(spec.frameAt(fragment, t));
        for (qint64 i = 0; i < pixels; ++i)
            h[size_t((p[3 * i] >> 6) * 16 + (p[3 * i + 1] >> 6) * 4 + (p[3 * i + 2] >> 6))] += 1.0f;
    }
    const float total = float(pixels * spec.length);
    for (float& v : h) v /= total;
    return h;
}

namespace {

double median(std::vector<double> v)
{
    if (v.empty()) return 0;
    std::sort(v.begin(), v.end());
    return v.size() % 2 ? v[v.size() / 2] : 0.5 * (v[v.size() / 2 - 1] + v[v.size() / 2]);
}

// The threshold between classes lo (below) and hi (above) with the best macro-F1 of the two on
// their own samples.
double bestThreshold(const std::vector<double>& lo, const std::vector<double>& hi)
{
    std::vector<double> all(lo);
    all.insert(all.end(), hi.begin(), hi.end());
    std::sort(all.begin(), all.end());
    all.erase(std::unique(all.begin(), all.end()), all.end());
    if (all.size() < 2) return all.empty() ? 0.0 : all.front();
    double best = -1, bestT = all.front();
    for (size_t i = 0; i + 1 < all.size(); ++i) {
        const double t = 0.5 * (all[i] + all[i + 1]);
        const double tpLo = double(std::count_if(lo.begin(), lo.end(), [t](double v) { return v <= t; }));
        const double tpHi = double(std::count_if(hi.begin(), hi.end(), [t](double v) { return v > t; }));
        const double predLo = tpLo + double(hi.size()) - tpHi;
        const double predHi = tpHi + double(lo.size()) - tpLo;
        const auto f1 = [](double tp, double pred, double support) { return tp > 0 ? 2 * tp / (pred + support) : 0.0; };
        const double score = 0.5 * (f1(tpLo, predLo, double(lo.size())) + f1(tpHi, predHi, double(hi.size())));
        if (score > best) {
            best = score;
            bestT = t;
        }
    }
    return bestT;
}

} // namespace

void ThresholdDetector::fit(const std::vector<double>& values, const std::vector<int>& labels, int classes)
{
    std::vector<std::vector<double>> byClass(size_t(std::max(0, classes)));
    for (size_t i = 0; i < values.size() && i < labels.size(); ++i)
        if (labels[i] >= 0 && labels[i] < classes) byClass[size_t(labels[i])].push_back(values[i]);
    m_order.clear();
    for (int c = 0; c < classes; ++c)
        if (!byClass[size_t(c)].empty()) m_order.push_back(c);
    std::vector<double> medians(size_t(classes), 0);
    for (int c : m_order) medians[size_t(c)] = median(byClass[size_t(c)]);
    std::stable_sort(m_order.begin(), m_order.end(),
                     [&medians](int a, int b) { return medians[size_t(a)] < medians[size_t(b)]; });
    m_thresholds.clear();
    for (size_t i = 0; i + 1 < m_order.size(); ++i)
        m_thresholds.push_back(bestThreshold(byClass[size_t(m_order[i])], byClass[size_t(m_order[i + 1])]));
}

int ThresholdDetector::predict(double value) const
{
    if (m_order.empty()) return -1;
    size_t k = 0;
    while (k < m_thresholds.size() && value > m_thresholds[k]) ++k;
    return m_order[k];
}

void NearestNeighbour::fit(std::vector<std::vector<float>> samples, std::vector<int> labels)
{
    m_samples = std::move(samples);
    m_labels = std::move(labels);
}

int NearestNeighbour::predict(const std::vector<float>& sample) const
{
    int best = -1;
    double bestDistance = std::numeric_limits<double>::infinity();
    for (size_t i = 0; i < m_samples.size(); ++i) {
        double d = 0;
        const auto& s = m_samples[i];
        for (size_t k = 0; k < s.size() && k < sample.size(); ++k) d += std::abs(double(s[k]) - double(sample[k]));
        if (d < bestDistance) {
            bestDistance = d;
            best = m_labels[i];
        }
    }
    return best;
}

} // namespace fl
