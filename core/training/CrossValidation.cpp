#include "training/CrossValidation.h"

#include "project/Project.h"

#include <QSet>

#include <algorithm>
#include <map>

namespace fl {

QList<int> CrossValidationPlan::videosUsed() const
{
    QSet<int> set;
    for (const auto& f : fragments) set.insert(f.video);
    QList<int> list(set.begin(), set.end());
    std::sort(list.begin(), list.end());
    return list;
}

bool CrossValidationPlan::neighboursSeparated(qint64 span) const
{
    for (const auto& fold : folds)
        for (int t : fold.test)
            for (int r : fold.train)
                if (fragments[size_t(r)].video == fragments[size_t(t)].video
                    && std::llabs(fragments[size_t(r)].firstFrame - fragments[size_t(t)].firstFrame) < 2 * span)
                    return false;
    return true;
}

namespace {

// Whole videos dealt into `count` folds (largest first, each to the fold with the fewest
// fragments); empty when a fold's training side would miss a class or hold under 40 % of the
// fragments.
std::vector<CrossValidationFold> foldsByVideo(const std::vector<SplitFragment>& all, int classes, int count)
{
    std::map<int, qint64> perVideo;
    for (const auto& f : all) ++perVideo[f.video];
    std::vector<std::pair<qint64, int>> order;
    for (const auto& [v, n] : perVideo) order.push_back({-n, v});
    std::sort(order.begin(), order.end());
    std::vector<qint64> load(size_t(count), 0);
    std::map<int, int> foldOf;
    for (const auto& [negative, v] : order) {
        const size_t f = size_t(std::min_element(load.begin(), load.end()) - load.begin());
        foldOf[v] = int(f);
        load[f] -= negative;
    }
    std::vector<CrossValidationFold> folds(static_cast<size_t>(count));
    for (int i = 0; i < int(all.size()); ++i) {
        const int f = foldOf[all[size_t(i)].video];
        for (int k = 0; k < count; ++k) (k == f ? folds[size_t(k)].test : folds[size_t(k)].train).push_back(i);
    }
    for (auto& fold : folds) {
        std::vector<bool> seen(size_t(classes), false);
        for (int i : fold.train) seen[size_t(all[size_t(i)].label)] = true;
        if (std::count(seen.begin(), seen.end(), true) != classes || fold.test.empty()) return {};
        if (double(fold.train.size()) < 0.4 * double(all.size())) return {};
        QSet<int> videos;
        for (int i : fold.test) videos.insert(all[size_t(i)].video);
        fold.testVideos = QList<int>(videos.begin(), videos.end());
        std::sort(fold.testVideos.begin(), fold.testVideos.end());
    }
    return folds;
}

std::vector<CrossValidationFold> foldsByTime(const std::vector<SplitFragment>& all, int classes, int count, qint64 span)
{
    std::vector<int> foldOf(all.size(), 0);
    for (int c = 0; c < classes; ++c) {
        std::vector<int> members;
        for (int i = 0; i < int(all.size()); ++i)
            if (all[size_t(i)].label == c) members.push_back(i); // already in (video, frame) order
        const qint64 n = qint64(members.size());
        for (qint64 k = 0; k < n; ++k) foldOf[size_t(members[size_t(k)])] = int(k * count / n);
    }
    std::vector<CrossValidationFold> folds(static_cast<size_t>(count));
    for (int f = 0; f < count; ++f) {
        auto& fold = folds[size_t(f)];
        std::map<int, std::vector<qint64>> testStarts; // video -> sorted first frames
        for (int i = 0; i < int(all.size()); ++i) {
            if (foldOf[size_t(i)] != f) continue;
            fold.test.push_back(i);
            testStarts[all[size_t(i)].video].push_back(all[size_t(i)].firstFrame);
        }
        for (auto& [v, starts] : testStarts) std::sort(starts.begin(), starts.end());
        std::vector<int> kept;
        std::vector<int> purged;
        std::vector<qint64> keptPerClass(size_t(classes), 0);
        for (int i = 0; i < int(all.size()); ++i) {
            if (foldOf[size_t(i)] == f) continue;
            const auto& x = all[size_t(i)];
            const auto it = testStarts.find(x.video);
            bool near = false;
            if (it != testStarts.end()) {
                const auto at = std::lower_bound(it->second.begin(), it->second.end(), x.firstFrame - 2 * span + 1);
                near = at != it->second.end() && *at < x.firstFrame + 2 * span;
            }
            if (near) {
                purged.push_back(i);
            } else {
                kept.push_back(i);
                ++keptPerClass[size_t(x.label)];
            }
        }
        // Never purge a class's last training fragment: keep its purged ones instead.
        for (int i : purged) {
            if (keptPerClass[size_t(all[size_t(i)].label)] == 0) {
                kept.push_back(i);
                ++fold.keptNeighbours;
            } else {
                ++fold.purged;
            }
        }
        std::sort(kept.begin(), kept.end());
        fold.train = std::move(kept);
    }
    return folds;
}

} // namespace

Result<CrossValidationPlan> CrossValidationPlan::make(const Project& project, int maxFolds)
{
    auto checked = FragmentSplit::make(project, FragmentSplit::kDefaultValidationFraction);
    if (!checked) return checked.status();
    CrossValidationPlan plan;
    plan.classes = checked->classes;
    for (SplitFragment f : FragmentSplit::labeledFragments(project)) {
        f.label = int(plan.classes.indexOf(project.classes().at(size_t(f.label)).name));
        plan.fragments.push_back(f);
    }
    const int k = int(plan.classes.size());
    const qint64 span = project.spec().span();
    maxFolds = std::max(2, maxFolds);

    QSet<int> videos;
    for (const auto& f : plan.fragments) videos.insert(f.video);
    if (videos.size() >= 2) {
        for (int count = std::min<int>(maxFolds, int(videos.size())); count >= 2 && plan.folds.empty(); --count) {
            plan.folds = foldsByVideo(plan.fragments, k, count);
            if (!plan.folds.empty()) {
                plan.policy = QStringLiteral("videos");
                plan.reason =
                    QStringLiteral(
                        "%1 folds of whole videos (%2 labeled videos, %3 fragments): a fragment and its neighbours "
                        "are never on both sides")
                        .arg(count)
                        .arg(videos.size())
                        .arg(plan.fragments.size());
            }
        }
    }
    if (plan.folds.empty()) {
        qint64 smallest = qint64(plan.fragments.size());
        for (int c = 0; c < k; ++c)
            smallest = std::min<qint64>(smallest,
                                        std::count_if(plan.fragments.begin(), plan.fragments.end(),
                                                      [c](const SplitFragment& f) { return f.label == c; }));
        const int count = int(std::clamp<qint64>(std::min<qint64>(maxFolds, qint64(plan.fragments.size()) / 4), 2,
                                                 std::max<qint64>(2, smallest)));
        plan.folds = foldsByTime(plan.fragments, k, count, span);
        for (const auto& fold : plan.folds) {
            plan.purged += fold.purged;
            plan.keptNeighbours += fold.keptNeighbours;
        }
        const QString why = videos.size() >= 2
            ? QStringLiteral("whole videos cannot be dealt into folds with every class on each training side; ")
            : QStringLiteral("one labeled video; ");
        plan.policy = QStringLiteral("time-blocks");
        plan.reason = why
            + QStringLiteral(
                  "%1 folds of consecutive time blocks per class (%2 fragments); %3 training fragments next to a "
                  "held-out block were left out of its fold")
                  .arg(count)
                  .arg(plan.fragments.size())
                  .arg(plan.purged);
        if (plan.keptNeighbours > 0)
            plan.reason += QStringLiteral(
                               "; %1 neighbours of held-out fragments were kept because a class had no other training "
                               "fragment (label more of it for an honest estimate)")
                               .arg(plan.keptNeighbours);
    }
    return plan;
}

size_t chooseCandidate(const std::vector<CandidateScore>& scores, const std::vector<int>& complexity, QString* reason)
{
    if (scores.empty()) return 0;
    size_t best = 0;
    for (size_t i = 1; i < scores.size(); ++i)
        if (scores[i].meanMacroF1 > scores[best].meanMacroF1) best = i;
    auto complexityOf = [&](size_t i) { return i < complexity.size() ? complexity[i] : 0; };
    // Whether candidate i is preferred to candidate c (both within the F1 tie).
    auto preferred = [&](size_t i, size_t c) {
        const double li = scores[i].logLoss, lc = scores[c].logLoss;
        if (complexityOf(i) == complexityOf(c)) return li < lc;
        if (complexityOf(i) < complexityOf(c)) return li < lc * (1 + kCandidateLossMargin);
        return li < lc * (1 - kCandidateLossMargin);
    };
    // Simplest first, so that a simpler candidate is weighed before a complex one replaces it.
    std::vector<size_t> order(scores.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return complexityOf(a) < complexityOf(b); });
    size_t chosen = best;
    for (size_t i : order)
        if (i != chosen && scores[i].meanMacroF1 >= scores[best].meanMacroF1 - kCandidateF1Tie && preferred(i, chosen))
            chosen = i;
    if (reason) {
        const CandidateScore& w = scores[chosen];
        const QString f1 = QStringLiteral("%1 ± %2").arg(w.meanMacroF1, 0, 'f', 3).arg(w.sdMacroF1, 0, 'f', 3);
        if (scores.size() == 1)
            *reason = QStringLiteral("the only configuration: cross-validated macro-F1 %1").arg(f1);
        else if (chosen == best)
            *reason = QStringLiteral("highest cross-validated macro-F1 (%1)").arg(f1);
        else if (w.logLoss < scores[best].logLoss)
            *reason =
                QStringLiteral(
                    "cross-validated macro-F1 %1, within %2 of the highest (%3, %4) with a lower held-out log loss (%5 vs %6)")
                    .arg(f1)
                    .arg(kCandidateF1Tie)
                    .arg(scores[best].meanMacroF1, 0, 'f', 3)
                    .arg(scores[best].name)
                    .arg(w.logLoss, 0, 'f', 3)
                    .arg(scores[best].logLoss, 0, 'f', 3);
        else
            *reason =
                QStringLiteral(
                    "cross-validated macro-F1 %1, within %2 of the highest (%3, %4) and a simpler model whose held-out log loss "
                    "is within %5 % of it (%6 vs %7)")
                    .arg(f1)
                    .arg(kCandidateF1Tie)
                    .arg(scores[best].meanMacroF1, 0, 'f', 3)
                    .arg(scores[best].name)
                    .arg(int(kCandidateLossMargin * 100))
                    .arg(w.logLoss, 0, 'f', 3)
                    .arg(scores[best].logLoss, 0, 'f', 3);
    }
    return chosen;
}

} // namespace fl
