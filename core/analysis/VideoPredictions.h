#pragma once
// A model's predictions for the fragments of one video: a plain value type the prediction
// job fills (row by row while it streams) and the timeline, keyframes, "label next" and
// exports read.
//
// Fragment j is fragment j of `spec` over `frameCount` frames (FragmentSpec::frames(j)).
// probabilities holds fragmentCount() rows of classes.size() values (row-major); a row of
// NaN is a fragment not predicted (yet): streaming and a cancelled run leave such rows.
// features, when kept, holds fragmentCount() rows of featureSize values.
#include "Result.h"
#include "analysis/SceneDetection.h"
#include "fragments/FragmentSpec.h"

#include <QString>
#include <QStringList>

#include <functional>
#include <vector>

namespace fl {

struct VideoPredictions {
    QString video;       // the video's file name as in the project (ProjectVideo::fileName())
    QString modelId;     // which model made them (e.g. the checkpoint's file name)
    QStringList classes; // in the model's output order
    FragmentSpec spec;
    qint64 frameCount = 0;
    std::vector<float> probabilities; // fragmentCount() x classes.size()
    int featureSize = 0;
    std::vector<float> features; // fragmentCount() x featureSize, or empty

    // All rows "not predicted" for spec.count(frameCount) fragments.
    static VideoPredictions empty(QString video, QString modelId, QStringList classes, FragmentSpec spec,
                                  qint64 frameCount, int featureSize = 0);

    qint64 fragmentCount() const;
    int classCount() const { return int(classes.size()); }
    int classIndex(const QString& name) const { return int(classes.indexOf(name)); }

    bool isPredicted(qint64 fragment) const;
    qint64 predictedCount() const;
    float probability(qint64 fragment, int cls) const; // NaN when not predicted
    std::vector<float> probabilityRow(qint64 fragment) const;
    int predictedClass(qint64 fragment) const; // argmax; -1 when not predicted
    float confidence(qint64 fragment) const;   // the largest probability; NaN when not predicted
    bool hasFeatures() const { return featureSize > 0 && !features.empty(); }
    std::vector<float> feature(qint64 fragment) const; // empty without features

    // Stores one fragment's result (row sizes must match).
    Status setRow(qint64 fragment, const std::vector<float>& probabilities, const std::vector<float>& feature = {});

    // Sizes agree with spec and frameCount, probabilities are in [0, 1] (or a NaN row).
    Status validate() const;

    bool operator==(const VideoPredictions&) const = default;
};

// Runs of consecutive predicted fragments whose predicted class is `cls` with a confidence of
// at least minConfidence, as frame ranges [first fragment's first frame, last fragment's end
// frame), labelled with the class name; runs shorter than minFragments are left out. Runs
// separated only by a gap in the fragments' frame coverage (stride > span) stay separate.
std::vector<FrameSegment> predictedSegments(const VideoPredictions& predictions, int cls, double minConfidence = 0.0,
                                            int minFragments = 1);

// The runs of consecutive fragments j (of `fragments`) for which in(j) holds, as frame ranges
// [first fragment's first frame, last fragment's end frame) labelled `label`; a run breaks where
// a fragment starts after the previous one's end; runs shorter than minFragments are left out.
std::vector<FrameSegment> fragmentRuns(const FragmentSpec& spec, qint64 fragments,
                                       const std::function<bool(qint64)>& in, const QString& label,
                                       int minFragments = 1);

} // namespace fl
