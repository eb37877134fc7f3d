#include "training/TrainingReport.h"

#include "project/FileBytes.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace fl {

namespace {

QJsonArray toArray(const QVector<qint64>& v)
{
    QJsonArray a;
    for (qint64 x : v) a.append(x);
    return a;
}

QVector<qint64> toInts(const QJsonValue& v)
{
    QVector<qint64> out;
    for (const auto& x : v.toArray()) out.push_back(x.toInteger());
    return out;
}

QStringList toStrings(const QJsonValue& v)
{
    QStringList out;
    for (const auto& x : v.toArray()) out << x.toString();
    return out;
}

} // namespace

QJsonObject TrainingReport::toJson() const
{
    QJsonArray hist;
    for (const auto& e : history) {
        hist.append(QJsonObject{{QStringLiteral("epoch"), e.epoch},
                                {QStringLiteral("train_loss"), e.trainLoss},
                                {QStringLiteral("train_accuracy"), e.trainAccuracy},
                                {QStringLiteral("validation_loss"), e.validationLoss},
                                {QStringLiteral("validation_accuracy"), e.validationAccuracy},
                                {QStringLiteral("validation_macro_f1"), e.validationMacroF1},
                                {QStringLiteral("best"), e.best},
                                {QStringLiteral("seconds"), e.seconds}});
    }
    return QJsonObject{
        {QStringLiteral("format"), QString::fromLatin1(kFormat)},
        {QStringLiteral("version"), kVersion},
        {QStringLiteral("model"), modelFile},
        {QStringLiteral("created"), created},
        {QStringLiteral("architecture"), architecture},
        {QStringLiteral("settings"), settings},
        {QStringLiteral("classes"), QJsonArray::fromStringList(classes)},
        {QStringLiteral("validation"), validation.toJson()},
        {QStringLiteral("split"),
         QJsonObject{{QStringLiteral("policy"), splitPolicy},
                     {QStringLiteral("reason"), splitReason},
                     {QStringLiteral("train_fragments"), trainFragments},
                     {QStringLiteral("validation_fragments"), validationFragments},
                     {QStringLiteral("purged_fragments"), purgedFragments},
                     {QStringLiteral("train_per_class"), toArray(trainPerClass)},
                     {QStringLiteral("validation_per_class"), toArray(validationPerClass)},
                     {QStringLiteral("validation_videos"), QJsonArray::fromStringList(validationVideos)},
                     {QStringLiteral("videos"), QJsonArray::fromStringList(videos)}}},
        {QStringLiteral("training"),
         QJsonObject{{QStringLiteral("best_epoch"), bestEpoch},
                     {QStringLiteral("epochs_run"), epochsRun},
                     {QStringLiteral("stopped_early"), stoppedEarly},
                     {QStringLiteral("device"), device},
                     {QStringLiteral("threads"), threads},
                     {QStringLiteral("prepare_seconds"), prepareSeconds},
                     {QStringLiteral("train_seconds"), trainSeconds},
                     {QStringLiteral("samples_per_second"), samplesPerSecond},
                     {QStringLiteral("seed"), QString::number(seed)},
                     {QStringLiteral("history"), hist}}},
        {QStringLiteral("model_size"),
         QJsonObject{{QStringLiteral("parameters"), parameters},
                     {QStringLiteral("flops_per_fragment"), flopsPerFragment},
                     {QStringLiteral("torch_version"), torchVersion}}},
    };
}

Result<TrainingReport> TrainingReport::fromJson(const QByteArray& bytes, const QString& file)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &parseError);
    if (!doc.isObject())
        return Status::failure(QStringLiteral("%1: not a training report (%2)")
                                   .arg(file, parseError.error == QJsonParseError::NoError ? QStringLiteral("not a JSON object")
                                                                                          : parseError.errorString()));
    const QJsonObject o = doc.object();
    if (o.value(QLatin1String("format")).toString() != QLatin1String(kFormat))
        return Status::failure(QStringLiteral("%1: not a FragmentLab training report").arg(file));
    if (o.value(QLatin1String("version")).toInt() > kVersion)
        return Status::failure(QStringLiteral("%1: written by a newer FragmentLab (report version %2)").arg(file).arg(o.value(QLatin1String("version")).toInt()));
    TrainingReport r;
    r.modelFile = o.value(QLatin1String("model")).toString();
    r.created = o.value(QLatin1String("created")).toString();
    r.architecture = o.value(QLatin1String("architecture")).toString();
    r.settings = o.value(QLatin1String("settings")).toObject();
    r.classes = toStrings(o.value(QLatin1String("classes")));
    QString why;
    if (!ClassScores::fromJson(o.value(QLatin1String("validation")).toObject(), &r.validation, &why))
        return Status::failure(QStringLiteral("%1: damaged training report: %2").arg(file, why));
    const QJsonObject split = o.value(QLatin1String("split")).toObject();
    r.splitPolicy = split.value(QLatin1String("policy")).toString();
    r.splitReason = split.value(QLatin1String("reason")).toString();
    r.trainFragments = split.value(QLatin1String("train_fragments")).toInteger();
    r.validationFragments = split.value(QLatin1String("validation_fragments")).toInteger();
    r.purgedFragments = split.value(QLatin1String("purged_fragments")).toInteger();
    r.trainPerClass = toInts(split.value(QLatin1String("train_per_class")));
    r.validationPerClass = toInts(split.value(QLatin1String("validation_per_class")));
    r.validationVideos = toStrings(split.value(QLatin1String("validation_videos")));
    r.videos = toStrings(split.value(QLatin1String("videos")));
    const QJsonObject t = o.value(QLatin1String("training")).toObject();
    r.bestEpoch = t.value(QLatin1String("best_epoch")).toInt();
    r.epochsRun = t.value(QLatin1String("epochs_run")).toInt();
    r.stoppedEarly = t.value(QLatin1String("stopped_early")).toBool();
    r.device = t.value(QLatin1String("device")).toString();
    r.threads = t.value(QLatin1String("threads")).toInt();
    r.prepareSeconds = t.value(QLatin1String("prepare_seconds")).toDouble();
    r.trainSeconds = t.value(QLatin1String("train_seconds")).toDouble();
    r.samplesPerSecond = t.value(QLatin1String("samples_per_second")).toDouble();
    r.seed = t.value(QLatin1String("seed")).toString().toULongLong();
    for (const auto& v : t.value(QLatin1String("history")).toArray()) {
        const QJsonObject e = v.toObject();
        EpochRecord rec;
        rec.epoch = e.value(QLatin1String("epoch")).toInt();
        rec.trainLoss = e.value(QLatin1String("train_loss")).toDouble();
        rec.trainAccuracy = e.value(QLatin1String("train_accuracy")).toDouble();
        rec.validationLoss = e.value(QLatin1String("validation_loss")).toDouble();
        rec.validationAccuracy = e.value(QLatin1String("validation_accuracy")).toDouble();
        rec.validationMacroF1 = e.value(QLatin1String("validation_macro_f1")).toDouble();
        rec.best = e.value(QLatin1String("best")).toBool();
        rec.seconds = e.value(QLatin1String("seconds")).toDouble();
        r.history.push_back(rec);
    }
    const QJsonObject size = o.value(QLatin1String("model_size")).toObject();
    r.parameters = size.value(QLatin1String("parameters")).toInteger();
    r.flopsPerFragment = size.value(QLatin1String("flops_per_fragment")).toInteger();
    r.torchVersion = size.value(QLatin1String("torch_version")).toString();
    return r;
}

Result<TrainingReport> TrainingReport::load(const QString& file)
{
    auto bytes = readFileBytes(file);
    if (!bytes) return bytes.status();
    return fromJson(*bytes, file);
}

Status TrainingReport::save(const QString& file) const
{
    return writeFileAtomically(file, QJsonDocument(toJson()).toJson(QJsonDocument::Indented));
}

} // namespace fl
