#include "analysis/FeatureProjection.h"

#include <opencv2/core.hpp>

#include <cmath>

namespace fl {

Result<PcaProjection> projectPca(const std::vector<float>& values, int dimension)
{
    if (dimension < 1) return Status::failure(QStringLiteral("PCA: feature vectors have no values"));
    if (values.size() % size_t(dimension) != 0)
        return Status::failure(QStringLiteral("PCA: %1 values are not rows of %2").arg(values.size()).arg(dimension));
    const qint64 rows = qint64(values.size()) / dimension;
    if (rows < 2) return Status::failure(QStringLiteral("PCA: needs at least 2 feature vectors, got %1").arg(rows));
    for (float v : values)
        if (!std::isfinite(v)) return Status::failure(QStringLiteral("PCA: a feature value is not finite"));

    const cv::Mat data(int(rows), dimension, CV_32F, const_cast<float*>(values.data()));
    const int components = std::min(2, dimension);
    cv::PCA pca(data, cv::noArray(), cv::PCA::DATA_AS_ROW, components);
    PcaProjection out;
    out.rows = rows;
    out.dimension = dimension;
    out.mean.assign(pca.mean.ptr<float>(), pca.mean.ptr<float>() + dimension);
    out.axes.assign(size_t(2 * dimension), 0.0f);
    const int found = std::min(components, pca.eigenvectors.rows);
    for (int k = 0; k < found; ++k) {
        const float* e = pca.eigenvectors.ptr<float>(k);
        int biggest = 0;
        for (int i = 1; i < dimension; ++i)
            if (std::abs(e[i]) > std::abs(e[biggest])) biggest = i;
        const float sign = e[biggest] < 0 ? -1.0f : 1.0f;
        for (int i = 0; i < dimension; ++i) out.axes[size_t(k * dimension + i)] = sign * e[i];
    }
    // Total variance: the trace of the covariance (sum of the columns' variances).
    double total = 0;
    for (int i = 0; i < dimension; ++i) {
        double sum = 0;
        for (qint64 r = 0; r < rows; ++r) {
            const double d = double(values[size_t(r * dimension + i)]) - double(out.mean[size_t(i)]);
            sum += d * d;
        }
        total += sum / double(rows - 1);
    }
    out.points.assign(size_t(rows) * 2, 0.0f);
    std::array<double, 2> variance{};
    for (qint64 r = 0; r < rows; ++r) {
        const float* row = values.data() + r * dimension;
        for (int k = 0; k < 2; ++k) {
            double p = 0;
            for (int i = 0; i < dimension; ++i)
                p += (double(row[i]) - out.mean[size_t(i)]) * out.axes[size_t(k * dimension + i)];
            out.points[size_t(r * 2 + k)] = float(p);
            variance[size_t(k)] += p * p;
        }
    }
    for (int k = 0; k < 2; ++k)
        out.explainedVariance[size_t(k)] = total > 0 ? std::min(1.0, variance[size_t(k)] / double(rows - 1) / total)
                                                     : 0.0;
    return out;
}

Result<FeatureMap> featureMap(const std::vector<VideoPredictions>& videos)
{
    FeatureMap map;
    std::vector<float> values;
    int dimension = 0;
    for (int v = 0; v < int(videos.size()); ++v) {
        const VideoPredictions& p = videos[size_t(v)];
        if (!p.hasFeatures())
            return Status::failure(
                QStringLiteral("%1: the predictions keep no feature vectors (predict with features)").arg(p.video));
        if (dimension == 0) dimension = p.featureSize;
        if (p.featureSize != dimension)
            return Status::failure(QStringLiteral("%1: feature vectors of %2 values, other videos have %3")
                                       .arg(p.video)
                                       .arg(p.featureSize)
                                       .arg(dimension));
        for (qint64 j = 0; j < p.fragmentCount(); ++j) {
            if (!p.isPredicted(j)) continue;
            const float* row = p.features.data() + j * p.featureSize;
            values.insert(values.end(), row, row + p.featureSize);
            map.refs.push_back({v, j});
        }
    }
    auto projection = projectPca(values, dimension);
    if (!projection) return projection.status();
    map.projection = std::move(projection).value();
    return map;
}

} // namespace fl
