#pragma once
// Pieces for writing JSON by hand in a fixed key order (QJsonDocument sorts keys), so saved
// files read in a natural order and diff well.
#include <QString>

namespace fl::json {

QString quote(const QString& s); // "..." with JSON escapes; non-ASCII kept as UTF-8
QString number(double value);    // shortest text that reads back to the same double
QString number(qint64 value);

} // namespace fl::json
