#pragma once
// Numbered versions of a project's labels, its stored predictions and a checkpoint, for the
// crash-safety tests: tests/crashwriter writes version 1, 2, 3, ... in a loop and is killed
// at random moments; the test then checks that what is on disk is exactly one complete
// version (the last one reported written, or the one after it).
//
// The project (makeCrashProject) has one large "video" (a small stand-in file declared with
// 400000 frames) and thousands of label ranges, so that each write takes long enough to be
// interrupted.
#include "Result.h"
#include "analysis/VideoPredictions.h"
#include "ml/ModelInfo.h"
#include "project/Project.h"

#include <QString>

namespace fl::test {

constexpr qint64 kCrashVideoFrames = 400000;

// A project in `dir` (made) with classes a, b, one video and labels of version 0, saved.
Result<Project> makeCrashProject(const QString& dir);

// Replaces every label of video 0 with version `version` (4000 ranges).
Status applyLabelVersion(Project& project, int version);
bool hasLabelVersion(const Project& project, int version);

// Predictions of video 0 under model "crash.flmodel" whose every value depends on `version`.
VideoPredictions predictionVersion(const Project& project, int version);
QString crashModelId();

// A small model description; the version goes in ModelInfo::seed.
ml::ModelInfo crashModelInfo(int version);

} // namespace fl::test
