#include "project/JsonText.h"

#include <QLocale>

#include <cmath>

namespace fl::json {

QString quote(const QString& s)
{
    QString out;
    out.reserve(s.size() + 2);
    out += QLatin1Char('"');
    for (const QChar c : s) {
        switch (c.unicode()) {
        case '"': out += QLatin1String("\\\""); break;
        case '\\': out += QLatin1String("\\\\"); break;
        case '\b': out += QLatin1String("\\b"); break;
        case '\f': out += QLatin1String("\\f"); break;
        case '\n': out += QLatin1String("\\n"); break;
        case '\r': out += QLatin1String("\\r"); break;
        case '\t': out += QLatin1String("\\t"); break;
        default:
            // Control characters, and U+FEFF: Qt's JSON reader drops a byte order mark written
            // raw inside a string (found by fuzz_project_load), but keeps "\\ufeff".
            if (c.unicode() < 0x20 || c.unicode() == 0xFEFF)
                out += QStringLiteral("\\u%1").arg(int(c.unicode()), 4, 16, QLatin1Char('0'));
            else
                out += c;
        }
    }
    out += QLatin1Char('"');
    return out;
}

QString number(double value)
{
    if (!std::isfinite(value)) return QStringLiteral("null");
    return QString::number(value, 'g', QLocale::FloatingPointShortest);
}

QString number(qint64 value)
{
    return QString::number(value);
}

} // namespace fl::json
