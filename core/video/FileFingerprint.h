#pragma once
// Identity of a file's content, cheap enough to compute on open: size plus a SHA-256 over
// the size and three 1 MiB samples (start, middle, end). Used to detect a changed video
// (stale index / cache) and to find a moved video again (project relinking).
#include "Result.h"

#include <QByteArray>
#include <QString>

namespace fl {

struct FileFingerprint {
    qint64 size = 0;
    qint64 modifiedMs = 0; // mtime, ms since epoch (a hint; content equality uses size+hash)
    QByteArray hash;       // lowercase hex, "sha256s:" prefix-free, 64 chars

    static Result<FileFingerprint> of(const QString& path);
    bool sameContent(const FileFingerprint& other) const { return size == other.size && hash == other.hash; }
};

} // namespace fl
