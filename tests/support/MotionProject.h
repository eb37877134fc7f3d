#pragma once
// A project whose fragments are "motion" (a square moving) or "static" (the same square
// standing still), for training tests. The video alternates segments of `segment` frames:
// even segments motion, odd ones static (the square stays where the motion left it). The
// first `labeledFraction` of the segments are labeled in the project; truth CSVs (label-import
// format) give the classes of the unlabeled segments and of all segments.
#include "Result.h"
#include "jobs/TrainingJob.h"

#include <QString>

namespace fl::test {

struct MotionProjectOptions {
    int frames = 640;
    int segment = 40;             // frames per segment (a multiple of the fragment length)
    double labeledFraction = 0.6; // of the segments, from the start
    bool labelStatic = true;      // false: label only the motion segments (one class)
    int width = 160;
    int height = 120;
};

struct MotionProject {
    QString dir;
    QString video;
    QString unlabeledTruthCsv; // truth of the segments that are not labeled
    QString allTruthCsv;
    int labeledSegments = 0;
};

Result<MotionProject> makeMotionProject(const QString& dir, const MotionProjectOptions& options = {});

// The default training (cross-validated candidates) at 32 px with a fixed seed, on the CPU.
TrainingRequest fastTrainingRequest();

} // namespace fl::test
