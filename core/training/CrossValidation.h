#pragma once
// Grouped k-fold cross-validation over a project's labeled fragments, for choosing among model
// configurations and tuning decisions on data the model did not see (docs/MODEL.md).
//
// Adjacent fragments are near-duplicates, so folds are never random fragments:
//  - by video, when at least two videos have labels and whole videos can be dealt into folds
//    so that every fold's training side still has every class: each fold holds out whole
//    videos (balanced by labeled fragments, largest first);
//  - otherwise by time blocks: every class's labeled fragments, in time order (video, then
//    frame), are cut into k consecutive chunks; fold i holds out chunk i of every class, and
//    the training fragments within two fragment spans of a held-out fragment of the same video
//    are left out of that fold's training side ("purged"), so no neighbour of a held-out
//    fragment is trained on.
// k is 3 (2 when there are few fragments or only two videos); every fold's training side keeps
// at least one fragment of every class, even when that one is a neighbour of a held-out one
// (a class labeled on a handful of adjacent fragments only): keptNeighbours counts those, and
// the reason says so.
#include "Result.h"
#include "training/FragmentSplit.h"
#include "training/TrainingReport.h"

#include <QString>
#include <QStringList>

#include <vector>

namespace fl {

class Project;

struct CrossValidationFold {
    std::vector<int> train; // indices into CrossValidationPlan::fragments
    std::vector<int> test;
    qint64 purged = 0;
    qint64 keptNeighbours = 0; // neighbours of held-out fragments kept: purging them would leave a class untrained
    QList<int> testVideos;     // "videos" policy
};

struct CrossValidationPlan {
    QStringList classes;                  // classes with labeled fragments, project order
    std::vector<SplitFragment> fragments; // every labeled fragment, label = index into classes
    std::vector<CrossValidationFold> folds;
    QString policy;            // "videos" or "time-blocks"
    QString reason;            // one sentence for the report
    qint64 purged = 0;         // over all folds
    qint64 keptNeighbours = 0; // over all folds (0 unless a class has very few fragments)
    QList<int> videosUsed() const;

    // The same errors as FragmentSplit::make (no labels, one class, a class with one fragment).
    static Result<CrossValidationPlan> make(const Project& project, int maxFolds = 3);
    // True when no training fragment of any fold lies within two spans of one of its test
    // fragments in the same video (what the tests check).
    bool neighboursSeparated(qint64 span) const;
};

// The candidate the default training keeps, from its cross-validated scores and each one's
// complexity (its number of streams and learned parts: a smaller number is a simpler model).
// Among the candidates within kCandidateF1Tie of the best mean macro-F1, the lowest held-out
// log loss, except that between candidates of different complexity the more complex one must
// lower it by more than kCandidateLossMargin (relative): an F1 tie and a hair of log loss is
// noise, and the simpler model transfers better. `reason` (when given) says which rule decided.
inline constexpr double kCandidateF1Tie = 0.01;
inline constexpr double kCandidateLossMargin = 0.10;
size_t chooseCandidate(const std::vector<CandidateScore>& scores, const std::vector<int>& complexity,
                       QString* reason = nullptr);

} // namespace fl
