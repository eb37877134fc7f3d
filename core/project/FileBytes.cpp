#include "project/FileBytes.h"

#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

namespace fl {

Result<QByteArray> readFileBytes(const QString& file)
{
    const QFileInfo info(file);
    if (!info.exists())
        return Status::failure(QStringLiteral("%1: not found").arg(file));
    if (info.isDir())
        return Status::failure(QStringLiteral("%1: is a folder, not a file").arg(file));
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly))
        return Status::failure(QStringLiteral("%1: cannot read: %2").arg(file, f.errorString()));
    QByteArray bytes = f.readAll();
    if (f.error() != QFileDevice::NoError)
        return Status::failure(QStringLiteral("%1: cannot read: %2").arg(file, f.errorString()));
    return bytes;
}

Status writeFileAtomically(const QString& file, const QByteArray& bytes)
{
    if (QFileInfo(file).isDir())
        return Status::failure(QStringLiteral("%1: cannot save: a folder of that name is in the way").arg(file));
    QSaveFile f(file);
    if (!f.open(QIODevice::WriteOnly))
        return Status::failure(QStringLiteral("%1: cannot save: %2").arg(file, f.errorString()));
    if (f.write(bytes) != bytes.size()) {
        const QString why = f.errorString();
        f.cancelWriting();
        return Status::failure(QStringLiteral("%1: cannot save: %2").arg(file, why));
    }
    if (!f.commit())
        return Status::failure(QStringLiteral("%1: cannot save: %2").arg(file, f.errorString()));
    return Status::success();
}

} // namespace fl
