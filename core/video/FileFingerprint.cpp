#include "video/FileFingerprint.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QtEndian>

namespace fl {

namespace {
constexpr qint64 kSample = 1 << 20; // 1 MiB

QString shown(const QString& path)
{
    return QDir::toNativeSeparators(QFileInfo(path).absoluteFilePath());
}
} // namespace

Result<FileFingerprint> FileFingerprint::of(const QString& path)
{
    if (path.isEmpty()) return Result<FileFingerprint>::failure(QStringLiteral("(no file name given): file not found"));
    const QFileInfo info(path);
    if (!info.exists()) return Result<FileFingerprint>::failure(QStringLiteral("%1: file not found").arg(shown(path)));
    if (info.isDir())
        return Result<FileFingerprint>::failure(QStringLiteral("%1: is a folder, not a file").arg(shown(path)));

    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Result<FileFingerprint>::failure(
            QStringLiteral("%1: cannot be read (%2)").arg(shown(path), file.errorString()));

    FileFingerprint fp;
    fp.size = file.size();
    fp.modifiedMs = info.lastModified().toMSecsSinceEpoch();

    QCryptographicHash hash(QCryptographicHash::Sha256);
    const quint64 sizeLe = qToLittleEndian(quint64(fp.size));
    hash.addData(QByteArrayView(reinterpret_cast<const char*>(&sizeLe), sizeof sizeLe));
    const qint64 offsets[3] = {0, std::max<qint64>(0, fp.size / 2 - kSample / 2),
                               std::max<qint64>(0, fp.size - kSample)};
    for (qint64 offset : offsets) {
        const qint64 want = std::min(kSample, fp.size - offset);
        if (!file.seek(offset))
            return Result<FileFingerprint>::failure(
                QStringLiteral("%1: cannot be read (%2)").arg(shown(path), file.errorString()));
        const QByteArray sample = file.read(want);
        if (sample.size() != want)
            return Result<FileFingerprint>::failure(
                QStringLiteral("%1: cannot be read (read %2 of %3 bytes at offset %4)")
                    .arg(shown(path))
                    .arg(sample.size())
                    .arg(want)
                    .arg(offset));
        hash.addData(sample);
    }
    fp.hash = hash.result().toHex();
    return fp;
}

} // namespace fl
