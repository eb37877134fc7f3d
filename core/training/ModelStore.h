#pragma once
// The trained models of a project: checkpoints models/<name>.flmodel, each with its report
// models/<name>.report.json. Names start with the training time (UTC), so they sort by age.
// Listing reads only the reports (fast; no LibTorch load).
#include "Result.h"

#include <QString>
#include <QStringList>

#include <vector>

namespace fl {

class Project;

struct ModelEntry {
    QString fileName;   // "<name>.flmodel"
    QString file;       // absolute path
    QString reportFile; // absolute path of its report (may be missing)
    bool hasReport = false;
    QString problem; // why the report could not be read (empty when fine or missing)
    QString created; // ISO 8601 UTC (from the report)
    QString architecture;
    QStringList classes;
    double macroF1 = -1; // validation, of the kept epoch; < 0 unknown
    double accuracy = -1;
    qint64 trainFragments = 0;
    qint64 validationFragments = 0;
    bool active = false; // the project's active model
};

class ModelStore {
public:
    static QString modelSuffix() { return QStringLiteral(".flmodel"); }
    static QString reportFileFor(const QString& modelFile); // x.flmodel -> x.report.json

    // Newest first; marks the project's active model.
    static std::vector<ModelEntry> list(const Project& project);
    // A fresh file name "<yyyyMMdd-HHmmss>-<arch>[-N].flmodel" not yet in models/.
    static QString newModelFileName(const Project& project, const QString& architecture);
    // The active model's absolute path; fails (naming project.json) when none is set or its
    // file is missing.
    static Result<QString> activeModelFile(const Project& project);
    // Finds a model by file name, base name or unique prefix (CLI); fails naming the choices.
    static Result<QString> findModel(const Project& project, const QString& name);
};

} // namespace fl
