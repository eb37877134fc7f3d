#pragma once
// The embedding map: fragment feature vectors projected to 2D by PCA (principal component
// analysis through cv::PCA: the rows are centred on their mean and projected on the two
// eigenvectors of their covariance with the largest eigenvalues). Each axis's sign is fixed
// so that the largest-magnitude entry of its eigenvector is positive: the same data always
// gives the same picture.
#include "Result.h"
#include "analysis/LabelSuggestions.h"

#include <array>
#include <vector>

namespace fl {

struct PcaProjection {
    qint64 rows = 0;
    int dimension = 0;
    std::vector<float> points;                 // rows x 2: (pc1, pc2) per input row
    std::array<double, 2> explainedVariance{}; // share of the total variance per axis, in [0, 1]
    std::vector<float> mean;                   // dimension
    std::vector<float> axes;                   // 2 x dimension (unit eigenvectors; the second is 0 when dimension is 1)

    float x(qint64 row) const { return points[size_t(row) * 2]; }
    float y(qint64 row) const { return points[size_t(row) * 2 + 1]; }
};

// `values`: rows x dimension, row-major, finite. Needs at least 2 rows.
Result<PcaProjection> projectPca(const std::vector<float>& values, int dimension);

// The predicted fragments with feature vectors of `videos`, projected together; refs[i] is
// the fragment of point i (video = index into `videos`). Fails when the videos keep no
// features, their feature sizes differ, or fewer than 2 fragments are predicted.
struct FeatureMap {
    PcaProjection projection;
    std::vector<FragmentRef> refs;
};
Result<FeatureMap> featureMap(const std::vector<VideoPredictions>& videos);

} // namespace fl
