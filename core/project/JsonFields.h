#pragma once
// Typed reads of JSON fields whose errors name the file and the field path, e.g.
//   "p/project.json: videos[2].labels[5].end: must be an integer (found a string)" and
//   "p/project.json: missing field "videos[2].labels[5].end"".
#include "Result.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QString>

namespace fl {

class JsonFields {
public:
    explicit JsonFields(QString file) : m_file(std::move(file)) {}

    // Parses a whole document; malformed JSON is reported with line, column and offset.
    Result<QJsonObject> parseObject(const QByteArray& bytes) const;

    // `path` is the path of the object holding `key` ("" at the top level). string() refuses
    // text that is not valid Unicode (an unpaired "\udXXX" escape).
    Result<QString> string(const QJsonObject& o, const QString& path, const QString& key) const;
    Result<qint64> integer(const QJsonObject& o, const QString& path, const QString& key) const;
    Result<double> number(const QJsonObject& o, const QString& path, const QString& key) const;
    Result<QJsonObject> object(const QJsonObject& o, const QString& path, const QString& key) const;
    Result<QJsonArray> array(const QJsonObject& o, const QString& path, const QString& key) const;
    Result<QJsonObject> element(const QJsonArray& a, const QString& arrayPath, qsizetype index) const;

    // "<file>: <problem>" and "<file>: <path>: <problem>".
    Status fail(const QString& problem) const;
    Status failField(const QString& path, const QString& problem) const;

    static QString join(const QString& path, const QString& key);
    static QString index(const QString& path, qsizetype i);
    static QString typeName(const QJsonValue& v);

    const QString& file() const { return m_file; }

private:
    Result<QJsonValue> present(const QJsonObject& o, const QString& path, const QString& key) const;
    QString m_file;
};

} // namespace fl
