#include "analysis/LabelSuggestions.h"

#include "analysis/FrameMeasures.h"

#include <algorithm>
#include <cmath>
#include <set>

namespace fl {

Status SuggestionOptions::validate() const
{
    if (count < 1 || count > 100000)
        return Status::failure(QStringLiteral("suggestion count must be 1..100000, got %1").arg(count));
    if (!(temporalRadius > 0))
        return Status::failure(QStringLiteral("temporal radius must be > 0 fragments, got %1").arg(temporalRadius));
    for (double w : {temporalWeight, featureWeight, labeledWeight})
        if (!(w >= 0 && w <= 1))
            return Status::failure(QStringLiteral("suggestion weights must be in [0, 1], got %1").arg(w));
    if (!(featureScale >= 0))
        return Status::failure(QStringLiteral("feature scale must be >= 0 (0: automatic), got %1").arg(featureScale));
    if (poolSize < 0)
        return Status::failure(QStringLiteral("pool size must be >= 0 (0: automatic), got %1").arg(poolSize));
    return Status::success();
}

double uncertainty(const std::vector<float>& p, UncertaintyMeasure measure)
{
    if (p.size() < 2 || std::any_of(p.begin(), p.end(), [](float x) { return std::isnan(x); })) return 0.0;
    if (measure == UncertaintyMeasure::Margin) {
        float best = -1, second = -1;
        for (float x : p) {
            if (x > best) {
                second = best;
                best = x;
            } else if (x > second) {
                second = x;
            }
        }
        return std::clamp(1.0 - double(best - second), 0.0, 1.0);
    }
    double h = 0;
    for (float x : p)
        if (x > 0) h -= double(x) * std::log(double(x));
    return std::clamp(h / std::log(double(p.size())), 0.0, 1.0);
}

namespace {

struct Candidate {
    int video;
    qint64 fragment;
    double uncertainty;
    std::vector<float> feature;
    double penalty = 0;
};

} // namespace

std::vector<Suggestion> rankLabelSuggestions(const std::vector<VideoPredictions>& videos,
                                             const std::vector<FragmentRef>& labeled, const SuggestionOptions& options)
{
    std::vector<Suggestion> out;
    if (!options.validate()) return out;
    std::set<std::pair<int, qint64>> labeledSet;
    std::vector<std::vector<qint64>> labeledByVideo(videos.size());
    for (const FragmentRef& r : labeled) {
        if (r.video < 0 || r.video >= int(videos.size())) continue;
        labeledSet.insert({r.video, r.fragment});
        labeledByVideo[size_t(r.video)].push_back(r.fragment);
    }
    for (auto& v : labeledByVideo) std::sort(v.begin(), v.end());
    const bool useFeatures = options.featureWeight > 0 && !videos.empty()
        && std::all_of(videos.begin(), videos.end(), [](const VideoPredictions& v) { return v.hasFeatures(); });

    // 1-2. Uncertainty of every eligible fragment; keep the most uncertain.
    std::vector<Candidate> pool;
    for (int vi = 0; vi < int(videos.size()); ++vi) {
        const VideoPredictions& v = videos[size_t(vi)];
        for (qint64 j = 0; j < v.fragmentCount(); ++j) {
            if (!v.isPredicted(j) || labeledSet.count({vi, j})) continue;
            pool.push_back({vi, j, uncertainty(v.probabilityRow(j), options.measure), {}});
        }
    }
    const size_t poolSize = size_t(options.poolSize > 0 ? options.poolSize : std::max(50 * options.count, 2000));
    auto byUncertainty = [](const Candidate& a, const Candidate& b) {
        if (a.uncertainty != b.uncertainty) return a.uncertainty > b.uncertainty;
        return a.video != b.video ? a.video < b.video : a.fragment < b.fragment;
    };
    if (pool.size() > poolSize) {
        std::nth_element(pool.begin(), pool.begin() + qsizetype(poolSize), pool.end(), byUncertainty);
        pool.resize(poolSize);
    }
    std::sort(pool.begin(), pool.end(), byUncertainty);
    if (useFeatures)
        for (Candidate& c : pool) c.feature = videos[size_t(c.video)].feature(c.fragment);

    // Feature scale: half the median distance between candidates (a deterministic sample).
    double scale = options.featureScale;
    if (useFeatures && scale <= 0 && pool.size() >= 2) {
        std::vector<double> d;
        const size_t n = pool.size();
        const size_t step = std::max<size_t>(1, n / 64);
        for (size_t a = 0; a < n; a += step)
            for (size_t b = a + 1; b < n; b += step) d.push_back(featureDistance(pool[a].feature, pool[b].feature));
        if (!d.empty()) {
            std::nth_element(d.begin(), d.begin() + qsizetype(d.size() / 2), d.end());
            scale = 0.5 * d[d.size() / 2];
        }
    }

    auto similarity = [&](const Candidate& c, int video, qint64 fragment, const std::vector<float>* feature) {
        double s = 0;
        if (video == c.video)
            s = options.temporalWeight
                * std::max(0.0, 1.0 - double(std::llabs(fragment - c.fragment)) / options.temporalRadius);
        if (useFeatures && scale > 0 && feature)
            s = std::max(s, options.featureWeight * std::max(0.0, 1.0 - featureDistance(c.feature, *feature) / scale));
        return s;
    };

    // Labeled fragments repel (scaled by labeledWeight).
    if (options.labeledWeight > 0) {
        for (Candidate& c : pool) {
            const auto& near = labeledByVideo[size_t(c.video)];
            auto it = std::lower_bound(near.begin(), near.end(), c.fragment);
            for (auto k : {it, it == near.begin() ? near.end() : std::prev(it)})
                if (k != near.end())
                    c.penalty = std::max(c.penalty, options.labeledWeight * similarity(c, c.video, *k, nullptr));
            if (useFeatures && scale > 0) {
                for (const FragmentRef& r : labeled) {
                    if (r.video < 0 || r.video >= int(videos.size())) continue;
                    const std::vector<float> f = videos[size_t(r.video)].feature(r.fragment);
                    if (f.empty()) continue;
                    c.penalty = std::max(c.penalty,
                                         options.labeledWeight * options.featureWeight
                                             * std::max(0.0, 1.0 - featureDistance(c.feature, f) / scale));
                }
            }
        }
    }

    // 3. Greedy selection.
    std::vector<bool> taken(pool.size(), false);
    while (int(out.size()) < options.count) {
        int best = -1;
        double bestScore = -1;
        for (size_t k = 0; k < pool.size(); ++k) {
            if (taken[k]) continue;
            const double s = pool[k].uncertainty * (1.0 - std::min(1.0, pool[k].penalty));
            if (s > bestScore) { // pool is sorted: ties keep the more uncertain / earlier one
                bestScore = s;
                best = int(k);
            }
        }
        if (best < 0) break;
        taken[size_t(best)] = true;
        const Candidate& pick = pool[size_t(best)];
        out.push_back({pick.video, pick.fragment, pick.uncertainty, bestScore});
        for (size_t k = 0; k < pool.size(); ++k)
            if (!taken[k])
                pool[k].penalty = std::max(pool[k].penalty,
                                           similarity(pool[k], pick.video, pick.fragment, &pick.feature));
    }
    return out;
}

} // namespace fl
