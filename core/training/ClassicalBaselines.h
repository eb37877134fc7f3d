#pragma once
// The classical detectors the accuracy benchmark scores every task with, computed from the same
// frame caches the model reads (docs/MODEL.md):
//  - frame-difference energy: per fragment, the mean absolute grey-level difference between
//    consecutive frames (0-255 units); a threshold (and its direction) fitted on the labeled
//    fragments for the best macro-F1 (ffmpeg's freezedetect and most motion detectors are this);
//  - colour histogram nearest neighbour: per fragment, a 4x4x4 RGB histogram of all its pixels;
//    each fragment takes the class of the labeled fragment at the smallest L1 distance.
// With more than two classes the threshold detector orders the classes by their median energy
// and fits a threshold between each pair of neighbours.
#include "fragments/FragmentCache.h"
#include "fragments/FragmentSpec.h"

#include <vector>

namespace fl {

double frameDifferenceEnergy(const FragmentCache& cache, const FragmentSpec& spec, qint64 fragment);
std::vector<float> colourHistogram(const FragmentCache& cache, const FragmentSpec& spec, qint64 fragment);

// One feature value per fragment, thresholds between the classes.
class ThresholdDetector {
public:
    void fit(const std::vector<double>& values, const std::vector<int>& labels, int classes);
    int predict(double value) const;

private:
    std::vector<int> m_order;         // classes by ascending median value
    std::vector<double> m_thresholds; // between m_order[i] and m_order[i + 1]
};

class NearestNeighbour {
public:
    void fit(std::vector<std::vector<float>> samples, std::vector<int> labels);
    int predict(const std::vector<float>& sample) const;

private:
    std::vector<std::vector<float>> m_samples;
    std::vector<int> m_labels;
};

} // namespace fl
