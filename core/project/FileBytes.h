#pragma once
// Whole-file reads and atomic writes with user-facing messages that name the file.
#include "Result.h"

#include <QByteArray>
#include <QString>

namespace fl {

// "<file>: not found" / "<file>: is a folder, not a file" / "<file>: cannot read: <why>".
Result<QByteArray> readFileBytes(const QString& file);
// Writes through QSaveFile (temporary file, then rename): the old file stays intact unless
// the new one is complete. "<file>: cannot save: <why>", where <why> says "the disk is full",
// "permission denied", ... (writeFailureReason).
Status writeFileAtomically(const QString& file, const QByteArray& bytes);

// A QFileDevice error string in words a user acts on: "the disk is full (No space left on
// device)", "permission denied: ...", "... read-only file system ..." (ml::writeFailureReason),
// or the string itself when it is none of those.
QString writeFailureReason(const QString& systemMessage);
// The same for a failed QFileDevice call, with the errno saved right after it: Qt sometimes
// reports a failed write as "Unknown error" (QSaveFile), then the errno tells.
QString writeFailureReason(const QString& systemMessage, int savedErrno);

} // namespace fl
