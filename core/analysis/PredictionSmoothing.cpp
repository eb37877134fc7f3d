#include "analysis/PredictionSmoothing.h"

#include <algorithm>
#include <cmath>

namespace fl {

namespace {

struct Run {
    int cls = 0;
    qint64 length = 0;
};

std::vector<Run> runsOf(const std::vector<int>& classes)
{
    std::vector<Run> runs;
    for (int c : classes) {
        if (!runs.empty() && runs.back().cls == c)
            ++runs.back().length;
        else
            runs.push_back({c, 1});
    }
    return runs;
}

// Merges neighbouring runs of the same class in place.
void compact(std::vector<Run>& runs)
{
    std::vector<Run> out;
    out.reserve(runs.size());
    for (const Run& r : runs) {
        if (r.length == 0) continue;
        if (!out.empty() && out.back().cls == r.cls)
            out.back().length += r.length;
        else
            out.push_back(r);
    }
    runs.swap(out);
}

// Runs shorter than minBout fold into their neighbours (see the header).
std::vector<int> foldShortRuns(std::vector<int> classes, int minBout);

// kUncertain / kNotPredicted / the decided class of one row.
int classOfRow(const float* row, int k, const SmoothingOptions& options)
{
    const int c = decidedClass(row, k, options.classThresholds);
    if (c < 0) return kNotPredicted;
    return double(row[c]) >= options.threshold ? c : kUncertain;
}

} // namespace

int decidedClass(const float* probabilities, int classes, const std::vector<double>& classThresholds)
{
    if (classes <= 0 || std::isnan(probabilities[0])) return -1;
    const bool shifted = int(classThresholds.size()) == classes;
    int best = 0;
    double bestScore = -1e300;
    for (int c = 0; c < classes; ++c) {
        const double score = double(probabilities[c]) - (shifted ? classThresholds[size_t(c)] : 0.0);
        if (score > bestScore) {
            bestScore = score;
            best = c;
        }
    }
    return best;
}

std::vector<int> smoothedClasses(const VideoPredictions& predictions, const SmoothingOptions& options)
{
    const qint64 n = predictions.fragmentCount();
    const int k = predictions.classCount();
    std::vector<int> classes(size_t(std::max<qint64>(n, 0)), kNotPredicted);
    for (qint64 j = 0; j < n && k > 0; ++j)
        classes[size_t(j)] = classOfRow(predictions.probabilities.data() + j * k, k, options);
    return foldShortRuns(std::move(classes), options.minBout);
}

std::vector<int> smoothedClasses(const std::vector<std::vector<float>>& rows, const SmoothingOptions& options)
{
    std::vector<int> classes(rows.size(), kNotPredicted);
    for (size_t j = 0; j < rows.size(); ++j)
        if (!rows[j].empty()) classes[j] = classOfRow(rows[j].data(), int(rows[j].size()), options);
    return foldShortRuns(std::move(classes), options.minBout);
}

namespace {

std::vector<int> foldShortRuns(std::vector<int> classes, int minBout)
{
    if (minBout <= 1 || classes.empty()) return classes;

    std::vector<Run> runs = runsOf(classes);
    // Pass by pass, the shortest runs first: a run of length <= L (< minBout) between
    // predicted neighbours joins the longer neighbour (both when they agree).
    for (qint64 limit = 1; limit < minBout; ++limit) {
        bool changed = true;
        while (changed) {
            changed = false;
            for (size_t i = 0; i < runs.size(); ++i) {
                Run& r = runs[i];
                if (r.cls == kNotPredicted || r.length == 0 || r.length > limit) continue;
                Run* left = nullptr;
                Run* right = nullptr;
                for (size_t k = i; k-- > 0;)
                    if (runs[k].length > 0) {
                        left = &runs[k];
                        break;
                    }
                for (size_t k = i + 1; k < runs.size(); ++k)
                    if (runs[k].length > 0) {
                        right = &runs[k];
                        break;
                    }
                if (left && left->cls == kNotPredicted) left = nullptr;
                if (right && right->cls == kNotPredicted) right = nullptr;
                if (!left && !right) continue;
                Run* into = !right ? left : !left ? right : (right->length > left->length ? right : left);
                if (left && right && left->cls == right->cls) {
                    left->length += r.length + right->length;
                    right->length = 0;
                } else {
                    into->length += r.length;
                }
                r.length = 0;
                changed = true;
            }
            compact(runs);
        }
    }
    // The runs keep the fragments' order: write them back.
    size_t j = 0;
    for (const Run& r : runs)
        for (qint64 k = 0; k < r.length; ++k) classes[j++] = r.cls;
    return classes;
}

} // namespace

} // namespace fl
