#pragma once
// RFC 4180 CSV: parsing with the line each record starts on (quoted fields may hold commas,
// doubled quotes and line breaks; CRLF or LF; a leading UTF-8 BOM is skipped) and quoting.
#include "Result.h"

#include <QString>
#include <QStringList>

#include <vector>

namespace fl {

struct CsvRecord {
    int line = 0;       // 1-based line the record starts on
    QStringList fields; // unquoted fields are trimmed; quoted ones are kept exactly
};

class CsvText {
public:
    // Blank lines are skipped. Errors name `file` and the line.
    static Result<std::vector<CsvRecord>> parse(const QByteArray& bytes, const QString& file);
    // The field as it must be written: quoted when it holds a comma, quote, line break or
    // leading/trailing space.
    static QString field(const QString& value);
};

} // namespace fl
