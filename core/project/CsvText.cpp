#include "project/CsvText.h"

namespace fl {

Result<std::vector<CsvRecord>> CsvText::parse(const QByteArray& bytes, const QString& file)
{
    QString text = QString::fromUtf8(bytes);
    if (text.startsWith(QChar(0xFEFF))) text.remove(0, 1);

    std::vector<CsvRecord> records;
    CsvRecord record;
    QString field;
    bool quoted = false;       // the current field started with a quote
    bool inQuotes = false;     // inside the quotes of a quoted field
    bool fieldStarted = false; // the current record has content
    int line = 1;
    record.line = 1;

    auto endField = [&] {
        record.fields << (quoted ? field : field.trimmed());
        field.clear();
        quoted = false;
    };
    auto endRecord = [&] {
        endField();
        const bool blank = record.fields.size() == 1 && record.fields.front().isEmpty() && !fieldStarted;
        if (!blank) records.push_back(record);
        record = CsvRecord{};
        fieldStarted = false;
    };

    const qsizetype n = text.size();
    for (qsizetype i = 0; i < n; ++i) {
        const QChar c = text.at(i);
        if (inQuotes) {
            if (c == QLatin1Char('"')) {
                if (i + 1 < n && text.at(i + 1) == QLatin1Char('"')) {
                    field += QLatin1Char('"');
                    ++i;
                } else {
                    inQuotes = false;
                }
            } else {
                if (c == QLatin1Char('\n')) ++line;
                field += c;
            }
            continue;
        }
        if (c == QLatin1Char(',')) {
            endField();
            fieldStarted = true;
        } else if (c == QLatin1Char('\r') || c == QLatin1Char('\n')) {
            if (c == QLatin1Char('\r') && i + 1 < n && text.at(i + 1) == QLatin1Char('\n')) ++i;
            endRecord();
            ++line;
            record.line = line;
        } else if (c == QLatin1Char('"')) {
            if (quoted)
                return Status::failure(
                    QStringLiteral("%1:%2: unexpected quote after a quoted field").arg(file).arg(line));
            if (!field.trimmed().isEmpty())
                return Status::failure(
                    QStringLiteral("%1:%2: quote inside an unquoted field (quote the whole field and double the quote)")
                        .arg(file)
                        .arg(line));
            field.clear();
            quoted = true;
            inQuotes = true;
            fieldStarted = true;
        } else {
            if (quoted && !c.isSpace())
                return Status::failure(
                    QStringLiteral("%1:%2: unexpected text after a quoted field").arg(file).arg(line));
            if (!quoted) field += c;
            if (!c.isSpace()) fieldStarted = true;
        }
    }
    if (inQuotes) return Status::failure(QStringLiteral("%1:%2: unterminated quoted field").arg(file).arg(record.line));
    if (fieldStarted || !field.isEmpty()) endRecord();
    return records;
}

QString CsvText::field(const QString& value)
{
    const bool needsQuotes = value.contains(QLatin1Char(',')) || value.contains(QLatin1Char('"'))
        || value.contains(QLatin1Char('\n')) || value.contains(QLatin1Char('\r'))
        || (!value.isEmpty() && (value.front().isSpace() || value.back().isSpace()));
    if (!needsQuotes) return value;
    QString v = value;
    v.replace(QLatin1Char('"'), QLatin1String("\"\""));
    return QLatin1Char('"') + v + QLatin1Char('"');
}

} // namespace fl
