#include "project/FileBytes.h"

#include "ml/WriteFailure.h"

#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace fl {

Result<QByteArray> readFileBytes(const QString& file)
{
    const QFileInfo info(file);
    if (!info.exists()) return Status::failure(QStringLiteral("%1: not found").arg(file));
    if (info.isDir()) return Status::failure(QStringLiteral("%1: is a folder, not a file").arg(file));
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly))
        return Status::failure(QStringLiteral("%1: cannot read: %2").arg(file, f.errorString()));
    QByteArray bytes = f.readAll();
    if (f.error() != QFileDevice::NoError)
        return Status::failure(QStringLiteral("%1: cannot read: %2").arg(file, f.errorString()));
    return bytes;
}

QString writeFailureReason(const QString& systemMessage)
{
    // Qt's error strings for failed file calls are strerror() texts (qt_error_string).
    int count = 0;
    const int* codes = ml::knownWriteFailures(&count);
    for (int i = 0; i < count; ++i) {
        const QString system = QString::fromLocal8Bit(std::strerror(codes[i]));
        if (systemMessage.contains(system, Qt::CaseInsensitive))
            return QString::fromStdString(ml::writeFailureReason(codes[i]));
    }
    return systemMessage;
}

QString writeFailureReason(const QString& systemMessage, int savedErrno)
{
    const QString reason = writeFailureReason(systemMessage);
    if (reason != systemMessage) return reason;
    int count = 0;
    const int* codes = ml::knownWriteFailures(&count);
    if (std::find(codes, codes + count, savedErrno) != codes + count)
        return QString::fromStdString(ml::writeFailureReason(savedErrno));
    return systemMessage;
}

Status writeFileAtomically(const QString& file, const QByteArray& bytes)
{
    if (QFileInfo(file).isDir())
        return Status::failure(QStringLiteral("%1: cannot save: a folder of that name is in the way").arg(file));
    // Unbuffered: the bytes go out in one write() whose failure keeps its errno.
    QSaveFile f(file);
    errno = 0;
    if (!f.open(QIODevice::WriteOnly | QIODevice::Unbuffered)) {
        const int err = errno;
        return Status::failure(
            QStringLiteral("%1: cannot save: %2").arg(file, writeFailureReason(f.errorString(), err)));
    }
    if (f.write(bytes) != bytes.size()) {
        const int err = errno;
        const QString why = writeFailureReason(f.errorString(), err);
        f.cancelWriting();
        return Status::failure(QStringLiteral("%1: cannot save: %2").arg(file, why));
    }
    if (!f.commit()) {
        const int err = errno;
        return Status::failure(
            QStringLiteral("%1: cannot save: %2").arg(file, writeFailureReason(f.errorString(), err)));
    }
    return Status::success();
}

} // namespace fl
