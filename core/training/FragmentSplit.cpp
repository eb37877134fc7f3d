#include "training/FragmentSplit.h"

#include "project/Project.h"

#include <QSet>

#include <algorithm>
#include <cmath>
#include <map>

namespace fl {

QList<int> FragmentSplit::videosUsed() const
{
    QSet<int> set;
    for (const auto& f : train) set.insert(f.video);
    for (const auto& f : validation) set.insert(f.video);
    QList<int> list(set.begin(), set.end());
    std::sort(list.begin(), list.end());
    return list;
}

std::vector<SplitFragment> FragmentSplit::labeledFragments(const Project& project)
{
    std::vector<SplitFragment> all;
    const FragmentSpec& spec = project.spec();
    for (int v = 0; v < project.videoCount(); ++v) {
        const ProjectVideo& video = project.video(v);
        for (const LabelRange& r : video.labels.ranges()) {
            const auto [first, last] = spec.fragmentsInside(r.start, r.end, video.frameCount);
            for (qint64 j = first; j < last; ++j) {
                SplitFragment f;
                f.video = v;
                f.fragment = j;
                f.firstFrame = spec.firstFrame(j);
                f.minFirst = r.start;
                f.maxFirst = std::min(r.end, video.frameCount) - spec.span();
                f.label = project.classIndex(r.label);
                all.push_back(f);
            }
        }
    }
    return all;
}

Result<FragmentSplit> FragmentSplit::make(const Project& project, double fraction)
{
    const QString file = project.projectFile();
    if (!(fraction > 0.0 && fraction <= 0.5))
        return Status::failure(QStringLiteral("validation fraction must be in (0, 0.5] (got %1)").arg(fraction));
    std::vector<SplitFragment> all = labeledFragments(project);
    if (all.empty())
        return Status::failure(QStringLiteral("%1: no labeled fragments: label fragments of at least two classes first "
                                              "(a fragment counts when all its %2 frames lie in one labeled range)")
                                   .arg(file)
                                   .arg(project.spec().span()));

    // Classes with labeled fragments, in project order; relabel to indices among them.
    std::map<int, qint64> counts;
    for (const auto& f : all) ++counts[f.label];
    FragmentSplit split;
    std::map<int, int> remap;
    for (const auto& [projectIndex, count] : counts) {
        remap[projectIndex] = int(split.classes.size());
        split.classes << project.classes().at(size_t(projectIndex)).name;
    }
    if (split.classes.size() < 2)
        return Status::failure(
            QStringLiteral(
                "%1: only class \"%2\" has labeled fragments (%3); label fragments of at least one other class to train")
                .arg(file, split.classes.value(0))
                .arg(all.size()));
    for (const auto& [projectIndex, count] : counts) {
        if (count < 2)
            return Status::failure(
                QStringLiteral("%1: too few labeled fragments of class \"%2\" for a validation split (%3; "
                               "each class needs at least 2: one to train on, one to validate)")
                    .arg(file, project.classes().at(size_t(projectIndex)).name)
                    .arg(count));
    }
    for (auto& f : all) f.label = remap[f.label];
    const int k = int(split.classes.size());

    // ---- by video, when possible
    std::map<int, std::vector<qint64>> perVideo; // video -> fragments per class
    for (const auto& f : all) {
        auto& c = perVideo[f.video];
        if (c.empty()) c.assign(size_t(k), 0);
        ++c[size_t(f.label)];
    }
    std::vector<int> videos;
    for (const auto& [v, c] : perVideo) videos.push_back(v);
    if (videos.size() >= 2 && videos.size() <= 16) {
        const int n = int(videos.size());
        double bestScore = 1e9;
        unsigned bestMask = 0;
        for (unsigned mask = 1; mask + 1 < (1u << n); ++mask) {
            std::vector<qint64> held(size_t(k), 0);
            std::vector<qint64> kept(size_t(k), 0);
            qint64 heldTotal = 0;
            for (int i = 0; i < n; ++i) {
                const auto& c = perVideo[videos[size_t(i)]];
                for (int cls = 0; cls < k; ++cls) {
                    if (mask & (1u << i)) {
                        held[size_t(cls)] += c[size_t(cls)];
                        heldTotal += c[size_t(cls)];
                    } else {
                        kept[size_t(cls)] += c[size_t(cls)];
                    }
                }
            }
            bool covered = true;
            for (int cls = 0; cls < k; ++cls) covered = covered && held[size_t(cls)] > 0 && kept[size_t(cls)] > 0;
            const double share = double(heldTotal) / double(all.size());
            if (!covered || share > 0.5) continue;
            const double score = std::abs(share - fraction);
            if (score < bestScore - 1e-12) {
                bestScore = score;
                bestMask = mask;
            }
        }
        if (bestMask != 0) {
            QStringList names;
            for (int i = 0; i < n; ++i) {
                if (bestMask & (1u << i)) {
                    split.validationVideos << videos[size_t(i)];
                    names << project.video(videos[size_t(i)]).fileName();
                }
            }
            for (const auto& f : all)
                (split.validationVideos.contains(f.video) ? split.validation : split.train).push_back(f);
            split.policy = QStringLiteral("videos");
            split.reason = QStringLiteral(
                               "held out whole videos (%1): %2 of %3 labeled fragments, every class on both sides; "
                               "fragments of one video never appear on both sides")
                               .arg(names.join(QStringLiteral(", ")))
                               .arg(split.validation.size())
                               .arg(all.size());
            return split;
        }
    }

    // ---- by time blocks, per class
    std::vector<bool> isValidation(all.size(), false);
    for (int cls = 0; cls < k; ++cls) {
        std::vector<size_t> members;
        for (size_t i = 0; i < all.size(); ++i)
            if (all[i].label == cls) members.push_back(i); // already in (video, frame) order
        const qint64 n = qint64(members.size());
        const qint64 held = std::clamp<qint64>(qint64(std::llround(fraction * double(n))), 1, n - 1);
        for (qint64 i = n - held; i < n; ++i) isValidation[members[size_t(i)]] = true;
    }
    // Purge training fragments within one span of a validation fragment of the same video, but
    // never a class's last training fragment.
    const qint64 span = project.spec().span();
    std::map<int, std::vector<qint64>> validationStarts; // video -> sorted first frames
    for (size_t j = 0; j < all.size(); ++j)
        if (isValidation[j]) validationStarts[all[j].video].push_back(all[j].firstFrame);
    for (auto& [v, starts] : validationStarts) std::sort(starts.begin(), starts.end());
    std::vector<bool> purge(all.size(), false);
    for (size_t i = 0; i < all.size(); ++i) {
        if (isValidation[i]) continue;
        const auto it = validationStarts.find(all[i].video);
        if (it == validationStarts.end()) continue;
        const auto near = std::lower_bound(it->second.begin(), it->second.end(), all[i].firstFrame - 2 * span + 1);
        purge[i] = near != it->second.end() && *near < all[i].firstFrame + 2 * span;
    }
    std::vector<qint64> keptPerClass(size_t(k), 0);
    for (size_t i = 0; i < all.size(); ++i)
        if (!isValidation[i] && !purge[i]) ++keptPerClass[size_t(all[i].label)];
    for (size_t i = 0; i < all.size(); ++i) {
        if (isValidation[i]) {
            split.validation.push_back(all[i]);
        } else if (purge[i] && keptPerClass[size_t(all[i].label)] > 0) {
            ++split.purged;
        } else {
            split.train.push_back(all[i]);
        }
    }
    split.policy = QStringLiteral("time-blocks");
    const QString why = videos.size() >= 2 ? QStringLiteral("no set of held-out videos has every class on both sides; ")
                                           : QStringLiteral("one labeled video; ");
    split.reason = why
        + QStringLiteral("for each class the last %1% of its labeled fragments in time form the validation block "
                         "(%2 fragments); %3 training fragments next to a validation block were left out")
              .arg(qRound(fraction * 100))
              .arg(split.validation.size())
              .arg(split.purged);
    return split;
}

} // namespace fl
