#pragma once
// A classification report in Qt types (per-class precision/recall/F1/support, macro and
// weighted averages, accuracy, confusion matrix [truth][predicted]) for the GUI, the JSON
// reports and the CLI. Made from core/ml's ClassificationReport.
#include "ml/Metrics.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <QVector>

namespace fl {

struct ClassScore {
    QString name;
    double precision = 0;
    double recall = 0;
    double f1 = 0;
    qint64 support = 0;
    bool operator==(const ClassScore&) const = default;
};

struct ClassScores {
    QVector<ClassScore> classes;
    double accuracy = 0;
    qint64 total = 0;
    double macroPrecision = 0, macroRecall = 0, macroF1 = 0;
    double weightedPrecision = 0, weightedRecall = 0, weightedF1 = 0;
    QVector<QVector<qint64>> confusion; // [truth][predicted]

    static ClassScores fromReport(const ml::ClassificationReport& report);
    QStringList classNames() const;
    // {"accuracy", "total", "macro": {precision, recall, f1}, "weighted": {...},
    //  "per_class": [{"class", "precision", "recall", "f1", "support"}], "confusion": [[...]]}
    QJsonObject toJson() const;
    // Reads what toJson() writes; `error` gets a one-line reason on failure.
    static bool fromJson(const QJsonObject& object, ClassScores* out, QString* error);
    // The aligned text table the CLI prints.
    QString toText() const;
    bool operator==(const ClassScores&) const = default;
};

} // namespace fl
