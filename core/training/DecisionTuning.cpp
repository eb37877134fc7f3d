#include "training/DecisionTuning.h"

#include "ml/Metrics.h"

#include <algorithm>
#include <cmath>
#include <string>

namespace fl {

namespace {

std::vector<std::string> classNames(int classes)
{
    std::vector<std::string> names;
    for (int c = 0; c < classes; ++c) names.push_back(std::to_string(c));
    return names;
}

double negativeLogLikelihood(const ScoreRows& logits, const std::vector<int>& truth, double temperature)
{
    double sum = 0;
    for (size_t i = 0; i < logits.size(); ++i) {
        const auto& z = logits[i];
        if (z.empty() || truth[i] < 0 || truth[i] >= int(z.size())) continue;
        double top = -1e300;
        for (float v : z) top = std::max(top, double(v) / temperature);
        double s = 0;
        for (float v : z) s += std::exp(double(v) / temperature - top);
        sum += -(double(z[size_t(truth[i])]) / temperature - top - std::log(s));
    }
    return sum;
}

} // namespace

ScoreRows softmaxRows(const ScoreRows& logits, double temperature)
{
    ScoreRows out(logits.size());
    for (size_t i = 0; i < logits.size(); ++i) {
        const auto& z = logits[i];
        if (z.empty()) continue;
        double top = -1e300;
        for (float v : z) top = std::max(top, double(v) / temperature);
        std::vector<double> e(z.size());
        double s = 0;
        for (size_t c = 0; c < z.size(); ++c) s += e[c] = std::exp(double(z[c]) / temperature - top);
        out[i].resize(z.size());
        for (size_t c = 0; c < z.size(); ++c) out[i][c] = float(e[c] / s);
    }
    return out;
}

double fitTemperature(const ScoreRows& logits, const std::vector<int>& truth)
{
    bool any = false;
    for (size_t i = 0; i < logits.size() && !any; ++i) any = !logits[i].empty() && truth[i] >= 0;
    if (!any) return 1.0;
    double lo = std::log(0.05), hi = std::log(20.0);
    const double phi = 0.5 * (std::sqrt(5.0) - 1.0);
    double a = hi - phi * (hi - lo), b = lo + phi * (hi - lo);
    double fa = negativeLogLikelihood(logits, truth, std::exp(a)),
           fb = negativeLogLikelihood(logits, truth, std::exp(b));
    for (int it = 0; it < 60; ++it) {
        if (fa < fb) {
            hi = b;
            b = a;
            fb = fa;
            a = hi - phi * (hi - lo);
            fa = negativeLogLikelihood(logits, truth, std::exp(a));
        } else {
            lo = a;
            a = b;
            fa = fb;
            b = lo + phi * (hi - lo);
            fb = negativeLogLikelihood(logits, truth, std::exp(b));
        }
    }
    return std::exp(0.5 * (lo + hi));
}

double expectedCalibrationError(const ScoreRows& probabilities, const std::vector<int>& truth, int bins)
{
    std::vector<double> confidence(size_t(bins), 0), correct(size_t(bins), 0), count(size_t(bins), 0);
    double total = 0;
    for (size_t i = 0; i < probabilities.size(); ++i) {
        const auto& p = probabilities[i];
        if (p.empty() || truth[i] < 0) continue;
        const auto best = std::max_element(p.begin(), p.end());
        const double c = double(*best);
        const size_t b = size_t(std::clamp(int(c * bins), 0, bins - 1));
        confidence[b] += c;
        correct[b] += int(best - p.begin()) == truth[i] ? 1.0 : 0.0;
        count[b] += 1;
        total += 1;
    }
    if (total == 0) return 0;
    double ece = 0;
    for (int b = 0; b < bins; ++b)
        if (count[size_t(b)] > 0) ece += std::abs(correct[size_t(b)] - confidence[size_t(b)]) / total;
    return ece;
}

double decidedMacroF1(const ScoreRows& probabilities, const std::vector<int>& truth, int classes,
                      const std::vector<double>& thresholds)
{
    std::vector<int> t, p;
    for (size_t i = 0; i < probabilities.size(); ++i) {
        if (probabilities[i].empty() || truth[i] < 0) continue;
        t.push_back(truth[i]);
        p.push_back(decidedClass(probabilities[i].data(), int(probabilities[i].size()), thresholds));
    }
    return ml::classificationReport(t, p, classNames(classes)).macro.f1;
}

namespace {

// Mean over the folds of a per-fold score, and each fold's score.
template <typename PerFold>
std::pair<double, std::vector<double>> foldScores(int folds, const PerFold& score)
{
    std::vector<double> each;
    for (int f = 0; f < folds; ++f) each.push_back(score(f));
    double mean = 0;
    for (double v : each) mean += v;
    return {each.empty() ? 0.0 : mean / double(each.size()), each};
}

bool consistentGain(const std::pair<double, std::vector<double>>& base,
                    const std::pair<double, std::vector<double>>& tuned, double minGain)
{
    if (tuned.first < base.first + minGain) return false;
    for (size_t f = 0; f < base.second.size(); ++f)
        if (tuned.second[f] < base.second[f] - 0.005) return false;
    return true;
}

} // namespace

std::vector<double> tuneClassThresholds(const ScoreRows& probabilities, const std::vector<int>& truth,
                                        const std::vector<int>& fold, int classes, double minGain)
{
    if (classes < 2) return {};
    int folds = 0;
    for (int f : fold) folds = std::max(folds, f + 1);
    std::vector<ScoreRows> rowsOf(static_cast<size_t>(folds));
    std::vector<std::vector<int>> truthOf(static_cast<size_t>(folds));
    for (size_t i = 0; i < probabilities.size(); ++i) {
        rowsOf[size_t(fold[i])].push_back(probabilities[i]);
        truthOf[size_t(fold[i])].push_back(truth[i]);
    }
    const auto evaluate = [&](const std::vector<double>& t) {
        return foldScores(folds,
                          [&](int f) { return decidedMacroF1(rowsOf[size_t(f)], truthOf[size_t(f)], classes, t); });
    };
    const auto base = evaluate({});
    auto best = base;
    std::vector<double> bestThresholds;
    if (classes == 2) {
        double bestT = 0.5;
        for (int k = 1; k <= 19; ++k) {
            const double t = 0.05 * k;
            const auto score = evaluate({1.0 - t, t});
            if (score.first > best.first + 1e-12
                || (std::abs(score.first - best.first) <= 1e-12 && std::abs(t - 0.5) < std::abs(bestT - 0.5))) {
                best = score;
                bestT = t;
            }
        }
        bestThresholds = {1.0 - bestT, bestT};
    } else {
        std::vector<double> t(static_cast<size_t>(classes), 1.0 / classes);
        for (int round = 0; round < 2; ++round) {
            for (int c = 0; c < classes; ++c) {
                double keep = t[size_t(c)];
                for (int k = -6; k <= 6; ++k) {
                    t[size_t(c)] = std::clamp(1.0 / classes + 0.05 * k, 0.0, 1.0);
                    const auto score = evaluate(t);
                    if (score.first > best.first + 1e-12) {
                        best = score;
                        keep = t[size_t(c)];
                    }
                }
                t[size_t(c)] = keep;
            }
        }
        bestThresholds = t;
    }
    return consistentGain(base, best, minGain) ? bestThresholds : std::vector<double>{};
}

int tuneMinBout(const std::vector<HeldOutStretch>& stretches, int classes, const std::vector<double>& thresholds,
                double* before, double* after, double minGain)
{
    int folds = 0;
    for (const auto& s : stretches) folds = std::max(folds, s.fold + 1);
    // Macro-F1 of the stretches of fold `only` (-1: all) smoothed with minBout.
    const auto score = [&](int minBout, int only) {
        SmoothingOptions o;
        o.minBout = minBout;
        o.classThresholds = thresholds;
        std::vector<int> t, p;
        for (const auto& s : stretches) {
            if (only >= 0 && s.fold != only) continue;
            const std::vector<int> decided = smoothedClasses(s.probabilities, o);
            for (size_t i = 0; i < decided.size(); ++i) {
                if (s.truth[i] < 0 || decided[i] < 0) continue;
                t.push_back(s.truth[i]);
                p.push_back(decided[i]);
            }
        }
        return ml::classificationReport(t, p, classNames(classes)).macro.f1;
    };
    const auto evaluate = [&](int minBout) { return foldScores(folds, [&](int f) { return score(minBout, f); }); };
    const auto base = evaluate(1);
    auto best = base;
    int bestBout = 1;
    for (int m : {2, 3, 4, 6, 8}) {
        const auto s = evaluate(m);
        if (s.first > best.first + 1e-12) {
            best = s;
            bestBout = m;
        }
    }
    if (!consistentGain(base, best, minGain)) bestBout = 1;
    if (before) *before = score(1, -1);
    if (after) *after = score(bestBout, -1);
    return bestBout;
}

} // namespace fl
