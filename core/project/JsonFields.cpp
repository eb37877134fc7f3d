#include "project/JsonFields.h"

#include <QJsonParseError>

#include <cmath>

namespace fl {

Result<QJsonObject> JsonFields::parseObject(const QByteArray& input) const
{
    const QByteArray bytes = input.startsWith("\xEF\xBB\xBF") ? input.mid(3) : input; // UTF-8 BOM
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &error);
    if (error.error != QJsonParseError::NoError) {
        // Line and column of the offset (1-based), counting bytes of the UTF-8 text.
        const qsizetype offset = std::min<qsizetype>(error.offset, bytes.size());
        int line = 1;
        qsizetype lineStart = 0;
        for (qsizetype i = 0; i < offset; ++i) {
            if (bytes.at(i) == '\n') {
                ++line;
                lineStart = i + 1;
            }
        }
        return fail(QStringLiteral("malformed JSON at line %1, column %2 (offset %3): %4")
                        .arg(line)
                        .arg(offset - lineStart + 1)
                        .arg(error.offset)
                        .arg(error.errorString()));
    }
    if (!doc.isObject()) return fail(QStringLiteral("not a JSON object at the top level"));
    return doc.object();
}

Status JsonFields::fail(const QString& problem) const
{
    return Status::failure(QStringLiteral("%1: %2").arg(m_file, problem));
}

Status JsonFields::failField(const QString& path, const QString& problem) const
{
    return Status::failure(QStringLiteral("%1: %2: %3").arg(m_file, path, problem));
}

QString JsonFields::join(const QString& path, const QString& key)
{
    return path.isEmpty() ? key : path + QLatin1Char('.') + key;
}

QString JsonFields::index(const QString& path, qsizetype i)
{
    return QStringLiteral("%1[%2]").arg(path).arg(i);
}

QString JsonFields::typeName(const QJsonValue& v)
{
    switch (v.type()) {
    case QJsonValue::Null: return QStringLiteral("null");
    case QJsonValue::Bool: return QStringLiteral("a boolean");
    case QJsonValue::Double: return QStringLiteral("a number");
    case QJsonValue::String: return QStringLiteral("a string");
    case QJsonValue::Array: return QStringLiteral("an array");
    case QJsonValue::Object: return QStringLiteral("an object");
    case QJsonValue::Undefined: break;
    }
    return QStringLiteral("nothing");
}

Result<QJsonValue> JsonFields::present(const QJsonObject& o, const QString& path, const QString& key) const
{
    const auto it = o.constFind(key);
    if (it == o.constEnd())
        return Status::failure(QStringLiteral("%1: missing field \"%2\"").arg(m_file, join(path, key)));
    return QJsonValue(it.value());
}

Result<QString> JsonFields::string(const QJsonObject& o, const QString& path, const QString& key) const
{
    auto v = present(o, path, key);
    if (!v) return v.status();
    if (!v->isString())
        return failField(join(path, key), QStringLiteral("must be a string (found %1)").arg(typeName(*v)));
    // JSON escapes can spell half of a UTF-16 surrogate pair ("\udc00"): not text. It could
    // not be saved again as written (UTF-8 has no form for it), so it is refused here.
    QString text = v->toString();
    if (!text.isValidUtf16())
        return failField(join(path, key), QStringLiteral("not valid Unicode text (an unpaired \\u surrogate escape)"));
    return text;
}

Result<qint64> JsonFields::integer(const QJsonObject& o, const QString& path, const QString& key) const
{
    auto v = present(o, path, key);
    if (!v) return v.status();
    if (!v->isDouble())
        return failField(join(path, key), QStringLiteral("must be an integer (found %1)").arg(typeName(*v)));
    const double d = v->toDouble();
    constexpr double kLimit = 9007199254740992.0; // 2^53: exactly representable
    if (!std::isfinite(d) || std::floor(d) != d || std::fabs(d) > kLimit)
        return failField(join(path, key), QStringLiteral("must be an integer (found %1)").arg(d, 0, 'g', 17));
    return qint64(d);
}

Result<double> JsonFields::number(const QJsonObject& o, const QString& path, const QString& key) const
{
    auto v = present(o, path, key);
    if (!v) return v.status();
    if (!v->isDouble() || !std::isfinite(v->toDouble()))
        return failField(join(path, key), QStringLiteral("must be a number (found %1)").arg(typeName(*v)));
    return v->toDouble();
}

Result<QJsonObject> JsonFields::object(const QJsonObject& o, const QString& path, const QString& key) const
{
    auto v = present(o, path, key);
    if (!v) return v.status();
    if (!v->isObject())
        return failField(join(path, key), QStringLiteral("must be an object (found %1)").arg(typeName(*v)));
    return v->toObject();
}

Result<QJsonArray> JsonFields::array(const QJsonObject& o, const QString& path, const QString& key) const
{
    auto v = present(o, path, key);
    if (!v) return v.status();
    if (!v->isArray())
        return failField(join(path, key), QStringLiteral("must be an array (found %1)").arg(typeName(*v)));
    return v->toArray();
}

Result<QJsonObject> JsonFields::element(const QJsonArray& a, const QString& arrayPath, qsizetype i) const
{
    const QJsonValue v = a.at(i);
    if (!v.isObject())
        return failField(index(arrayPath, i), QStringLiteral("must be an object (found %1)").arg(typeName(v)));
    return v.toObject();
}

} // namespace fl
