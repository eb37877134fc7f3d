#pragma once
// Classification metrics over class indices: per-class precision, recall, F1 and support,
// macro and weighted averages, accuracy and the confusion matrix. Pure functions.
//
// Conventions (as scikit-learn's classification_report with zero_division=0):
// precision = TP / predicted (0 when nothing was predicted as the class), recall = TP /
// support (0 when the class has no support), F1 = 2PR/(P+R) (0 when P+R = 0). The macro
// average is the plain mean over the classes that occur in the truth or in the predictions;
// the weighted average weights each class by its support.
#include <cstdint>
#include <string>
#include <vector>

namespace fl::ml {

struct ClassMetrics {
    std::string name;
    double precision = 0;
    double recall = 0;
    double f1 = 0;
    std::int64_t support = 0;   // truth count
    std::int64_t predicted = 0; // prediction count
};

struct MetricAverages {
    double precision = 0;
    double recall = 0;
    double f1 = 0;
};

struct ClassificationReport {
    std::vector<ClassMetrics> classes; // one per class name, in order
    MetricAverages macro;
    MetricAverages weighted;
    double accuracy = 0;
    std::int64_t total = 0;
    // confusion[truth][predicted], classes.size() squared.
    std::vector<std::vector<std::int64_t>> confusion;
};

// truth[i], predicted[i] in [0, classNames.size()); pairs with an index outside are ignored
// (e.g. -1 for "no truth").
ClassificationReport classificationReport(const std::vector<int>& truth, const std::vector<int>& predicted,
                                          const std::vector<std::string>& classNames);

// The report as aligned text (as the CLI prints it): one row per class, the averages, the
// confusion matrix with truth in rows.
std::string formatReport(const ClassificationReport& report);

} // namespace fl::ml
