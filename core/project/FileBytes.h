#pragma once
// Whole-file reads and atomic writes with user-facing messages that name the file.
#include "Result.h"

#include <QByteArray>
#include <QString>

namespace fl {

// "<file>: not found" / "<file>: is a folder, not a file" / "<file>: cannot read: <why>".
Result<QByteArray> readFileBytes(const QString& file);
// Writes through QSaveFile (temporary file, then rename): the old file stays intact unless
// the new one is complete. "<file>: cannot save: <why>".
Status writeFileAtomically(const QString& file, const QByteArray& bytes);

} // namespace fl
