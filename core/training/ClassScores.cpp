#include "training/ClassScores.h"

#include <QJsonArray>

namespace fl {

ClassScores ClassScores::fromReport(const ml::ClassificationReport& r)
{
    ClassScores s;
    for (const auto& c : r.classes)
        s.classes.push_back({QString::fromStdString(c.name), c.precision, c.recall, c.f1, c.support});
    s.accuracy = r.accuracy;
    s.total = r.total;
    s.macroPrecision = r.macro.precision;
    s.macroRecall = r.macro.recall;
    s.macroF1 = r.macro.f1;
    s.weightedPrecision = r.weighted.precision;
    s.weightedRecall = r.weighted.recall;
    s.weightedF1 = r.weighted.f1;
    for (const auto& row : r.confusion) s.confusion.push_back(QVector<qint64>(row.begin(), row.end()));
    return s;
}

QStringList ClassScores::classNames() const
{
    QStringList names;
    for (const auto& c : classes) names << c.name;
    return names;
}

namespace {

QJsonObject averages(double p, double r, double f1)
{
    return QJsonObject{{QStringLiteral("precision"), p}, {QStringLiteral("recall"), r}, {QStringLiteral("f1"), f1}};
}

} // namespace

QJsonObject ClassScores::toJson() const
{
    QJsonArray perClass;
    for (const auto& c : classes) {
        perClass.append(QJsonObject{{QStringLiteral("class"), c.name},
                                    {QStringLiteral("precision"), c.precision},
                                    {QStringLiteral("recall"), c.recall},
                                    {QStringLiteral("f1"), c.f1},
                                    {QStringLiteral("support"), c.support}});
    }
    QJsonArray matrix;
    for (const auto& row : confusion) {
        QJsonArray r;
        for (qint64 v : row) r.append(v);
        matrix.append(r);
    }
    return QJsonObject{{QStringLiteral("accuracy"), accuracy},
                       {QStringLiteral("total"), total},
                       {QStringLiteral("macro"), averages(macroPrecision, macroRecall, macroF1)},
                       {QStringLiteral("weighted"), averages(weightedPrecision, weightedRecall, weightedF1)},
                       {QStringLiteral("per_class"), perClass},
                       {QStringLiteral("confusion"), matrix}};
}

bool ClassScores::fromJson(const QJsonObject& o, ClassScores* out, QString* error)
{
    ClassScores s;
    const auto fail = [error](const QString& why) {
        if (error) *error = why;
        return false;
    };
    if (!o.value(QLatin1String("per_class")).isArray() || !o.value(QLatin1String("confusion")).isArray())
        return fail(QStringLiteral("missing \"per_class\" or \"confusion\""));
    for (const auto& v : o.value(QLatin1String("per_class")).toArray()) {
        const QJsonObject c = v.toObject();
        if (!c.value(QLatin1String("class")).isString())
            return fail(QStringLiteral("a per-class entry has no class name"));
        s.classes.push_back({c.value(QLatin1String("class")).toString(), c.value(QLatin1String("precision")).toDouble(),
                             c.value(QLatin1String("recall")).toDouble(), c.value(QLatin1String("f1")).toDouble(),
                             c.value(QLatin1String("support")).toInteger()});
    }
    for (const auto& row : o.value(QLatin1String("confusion")).toArray()) {
        QVector<qint64> r;
        for (const auto& v : row.toArray()) r.push_back(v.toInteger());
        if (r.size() != s.classes.size())
            return fail(QStringLiteral("the confusion matrix does not match the classes"));
        s.confusion.push_back(r);
    }
    if (s.confusion.size() != s.classes.size())
        return fail(QStringLiteral("the confusion matrix does not match the classes"));
    s.accuracy = o.value(QLatin1String("accuracy")).toDouble();
    s.total = o.value(QLatin1String("total")).toInteger();
    const QJsonObject macro = o.value(QLatin1String("macro")).toObject();
    const QJsonObject weighted = o.value(QLatin1String("weighted")).toObject();
    s.macroPrecision = macro.value(QLatin1String("precision")).toDouble();
    s.macroRecall = macro.value(QLatin1String("recall")).toDouble();
    s.macroF1 = macro.value(QLatin1String("f1")).toDouble();
    s.weightedPrecision = weighted.value(QLatin1String("precision")).toDouble();
    s.weightedRecall = weighted.value(QLatin1String("recall")).toDouble();
    s.weightedF1 = weighted.value(QLatin1String("f1")).toDouble();
    *out = std::move(s);
    return true;
}

QString ClassScores::toText() const
{
    ml::ClassificationReport r;
    for (const auto& c : classes) {
        ml::ClassMetrics m;
        m.name = c.name.toStdString();
        m.precision = c.precision;
        m.recall = c.recall;
        m.f1 = c.f1;
        m.support = c.support;
        r.classes.push_back(m);
    }
    r.accuracy = accuracy;
    r.total = total;
    r.macro = {macroPrecision, macroRecall, macroF1};
    r.weighted = {weightedPrecision, weightedRecall, weightedF1};
    for (const auto& row : confusion) r.confusion.emplace_back(row.begin(), row.end());
    return QString::fromStdString(ml::formatReport(r));
}

} // namespace fl
