#include "training/ModelStore.h"

#include "project/Project.h"
#include "training/TrainingReport.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>

#include <algorithm>

namespace fl {

QString ModelStore::reportFileFor(const QString& modelFile)
{
    QString base = modelFile;
    if (base.endsWith(modelSuffix())) base.chop(modelSuffix().size());
    return base + QStringLiteral(".report.json");
}

std::vector<ModelEntry> ModelStore::list(const Project& project)
{
    std::vector<ModelEntry> entries;
    const QDir dir(project.modelsDir());
    const QStringList files = dir.entryList(QStringList{QStringLiteral("*") + modelSuffix()}, QDir::Files,
                                            QDir::Name | QDir::Reversed);
    for (const QString& name : files) {
        ModelEntry e;
        e.fileName = name;
        e.file = dir.filePath(name);
        e.reportFile = reportFileFor(e.file);
        e.active = name == project.activeModel();
        if (QFileInfo::exists(e.reportFile)) {
            auto report = TrainingReport::load(e.reportFile);
            if (report) {
                e.hasReport = true;
                e.created = report->created;
                e.architecture = report->architecture;
                e.classes = report->classes;
                e.macroF1 = report->validation.macroF1;
                e.accuracy = report->validation.accuracy;
                e.trainFragments = report->trainFragments;
                e.validationFragments = report->validationFragments;
            } else {
                e.problem = report.error();
            }
        }
        if (e.created.isEmpty()) e.created = QFileInfo(e.file).lastModified().toUTC().toString(Qt::ISODate);
        entries.push_back(std::move(e));
    }
    return entries;
}

QString ModelStore::newModelFileName(const Project& project, const QString& architecture)
{
    const QString stamp = QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd-HHmmss"));
    const QDir dir(project.modelsDir());
    QString name = QStringLiteral("%1-%2%3").arg(stamp, architecture, modelSuffix());
    for (int n = 2; QFileInfo::exists(dir.filePath(name)) || QFileInfo::exists(reportFileFor(dir.filePath(name))); ++n)
        name = QStringLiteral("%1-%2-%3%4").arg(stamp, architecture).arg(n).arg(modelSuffix());
    return name;
}

Result<QString> ModelStore::activeModelFile(const Project& project)
{
    if (project.activeModel().isEmpty())
        return Status::failure(
            QStringLiteral("%1: no active model: train one first (fragmentlab-cli train)").arg(project.projectFile()));
    const QString file = project.activeModelFile();
    if (!QFileInfo::exists(file))
        return Status::failure(QStringLiteral("%1: the active model %2 is missing").arg(project.projectFile(), file));
    return file;
}

Result<QString> ModelStore::findModel(const Project& project, const QString& name)
{
    const auto entries = list(project);
    QStringList names;
    std::vector<const ModelEntry*> matches;
    for (const auto& e : entries) {
        names << e.fileName;
        QString base = e.fileName;
        base.chop(modelSuffix().size());
        if (e.fileName == name || base == name) return e.file;
        if (e.fileName.startsWith(name)) matches.push_back(&e);
    }
    if (matches.size() == 1) return matches.front()->file;
    if (names.isEmpty()) return Status::failure(QStringLiteral("%1: no trained models").arg(project.modelsDir()));
    return Status::failure(QStringLiteral("%1: %2 model \"%3\" (models: %4)")
                               .arg(project.modelsDir(),
                                    matches.empty() ? QStringLiteral("no") : QStringLiteral("more than one"), name,
                                    names.join(QStringLiteral(", "))));
}

} // namespace fl
