#include "document/DemoProject.h"

#include "project/Project.h"

#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QObject>
#include <QStandardPaths>

namespace fl {

QString DemoProject::shippedDir(const QString& sourceDir)
{
    const QString installed =
        QDir(QCoreApplication::applicationDirPath()).absoluteFilePath(QStringLiteral("../share/fragmentlab/demo"));
    if (QFileInfo::exists(QDir(installed).filePath(Project::projectFileName()))) return QDir::cleanPath(installed);
    return QDir::cleanPath(sourceDir);
}

QString DemoProject::writableDir()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
        .filePath(QStringLiteral("demo-project"));
}

bool DemoProject::isShipped(const QString& dir, const QString& shipped)
{
    const QFileInfo a(dir), b(shipped);
    if (!a.exists() || !b.exists()) return false;
    const QString pa = a.isFile() ? a.absolutePath() : a.canonicalFilePath();
    return QFileInfo(pa).canonicalFilePath() == b.canonicalFilePath();
}

Result<QString> DemoProject::ensureCopy(const QString& shipped, const QString& target)
{
    if (QFileInfo::exists(QDir(target).filePath(Project::projectFileName()))) return target;
    if (!QFileInfo::exists(QDir(shipped).filePath(Project::projectFileName())))
        return Result<QString>::failure(
            QObject::tr("%1: the demo project is missing").arg(QDir(shipped).filePath(Project::projectFileName())));
    QDirIterator it(shipped, QDir::Files, QDirIterator::Subdirectories);
    QStringList copied, files;
    while (it.hasNext()) {
        const QString file = it.next();
        const QString rel = QDir(shipped).relativeFilePath(file);
        if (rel.startsWith(QLatin1String("cache/")) || rel == Project::autosaveFileName()
            || rel == Project::projectFileName())
            continue;
        files << rel;
    }
    // project.json last, so an interrupted copy is not taken for a complete one.
    files << Project::projectFileName();
    for (const QString& rel : files) {
        const QString file = QDir(shipped).filePath(rel);
        const QString dest = QDir(target).filePath(rel);
        QDir().mkpath(QFileInfo(dest).absolutePath());
        QFile::remove(dest);
        if (!QFile::copy(file, dest)) {
            for (const QString& c : copied) QFile::remove(c);
            return Result<QString>::failure(QObject::tr("%1: cannot copy the demo project to %2").arg(file, dest));
        }
        QFile::setPermissions(dest, QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup | QFile::ReadOther);
        copied << dest;
    }
    for (const QString& sub : {QStringLiteral("models"), QStringLiteral("cache"), QStringLiteral("predictions")})
        QDir().mkpath(QDir(target).filePath(sub));
    return target;
}

} // namespace fl
