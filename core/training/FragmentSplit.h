#pragma once
// The labeled fragments of a project and their train/validation split.
//
// A fragment carries a label when all its frames lie in one labeled range
// (Project::fragmentLabel). The model learns the classes that have labeled fragments, in the
// project's order. Adjacent fragments are near-duplicates, so the split is never by random
// fragment:
//  - by video, when several videos have labels and some set of them can be held out with every
//    class on both sides: the set whose share of the fragments is closest to the asked
//    validation fraction;
//  - otherwise by time: for each class, the last `fraction` of its labeled fragments in time
//    order (video, then frame) form its validation block; training fragments within one
//    fragment span of a validation fragment of the same video are left out ("purged"), so no
//    near-duplicate straddles the boundary.
// The reason for the choice is written into the training report.
#include "Result.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <vector>

namespace fl {

class Project;

struct SplitFragment {
    int video = 0;       // project video index
    qint64 fragment = 0; // fragment id under the project's spec
    qint64 firstFrame = 0;
    qint64 minFirst = 0; // start frames whose fragment stays inside the same labeled range
    qint64 maxFirst = 0;
    int label = 0; // index into FragmentSplit::classes
};

struct FragmentSplit {
    QStringList classes; // classes with labeled fragments, project order
    std::vector<SplitFragment> train;
    std::vector<SplitFragment> validation;
    QString policy;                // "videos" or "time-blocks"
    QString reason;                // one sentence for the report
    QList<int> validationVideos;   // "videos" policy: the held-out videos
    qint64 purged = 0;             // training fragments left out next to validation blocks
    QList<int> videosUsed() const; // videos with fragments on either side, ascending

    static constexpr double kDefaultValidationFraction = 0.2;
    // Every labeled fragment of the project in (video, frame) order; label = the class's index
    // among the project's classes.
    static std::vector<SplitFragment> labeledFragments(const Project& project);
    // Errors (one line, naming project.json): no labels; one class only; a class with fewer
    // than 2 labeled fragments; a fraction outside (0, 0.5].
    static Result<FragmentSplit> make(const Project& project, double validationFraction = kDefaultValidationFraction);
};

} // namespace fl
