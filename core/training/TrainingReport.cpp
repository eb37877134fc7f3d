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

QJsonArray toDoubles(const QVector<double>& v)
{
    QJsonArray a;
    for (double x : v) a.append(x);
    return a;
}

QVector<double> fromDoubles(const QJsonValue& v)
{
    QVector<double> out;
    for (const auto& x : v.toArray()) out.push_back(x.toDouble());
    return out;
}

} // namespace

QJsonObject ModelSelection::toJson() const
{
    QJsonArray list;
    for (const CandidateScore& c : candidates) {
        list.append(QJsonObject{{QStringLiteral("name"), c.name},
                                {QStringLiteral("architecture"), c.architecture},
                                {QStringLiteral("fold_macro_f1"), toDoubles(c.foldMacroF1)},
                                {QStringLiteral("mean_macro_f1"), c.meanMacroF1},
                                {QStringLiteral("sd_macro_f1"), c.sdMacroF1},
                                {QStringLiteral("log_loss"), c.logLoss},
                                {QStringLiteral("seconds"), c.seconds}});
    }
    return QJsonObject{{QStringLiteral("folds"),
                        QJsonObject{{QStringLiteral("policy"), foldPolicy},
                                    {QStringLiteral("reason"), foldReason},
                                    {QStringLiteral("count"), folds},
                                    {QStringLiteral("purged_fragments"), purgedFragments}}},
                       {QStringLiteral("candidates"), list},
                       {QStringLiteral("winner"), winner},
                       {QStringLiteral("winner_reason"), winnerReason},
                       {QStringLiteral("calibration"),
                        QJsonObject{{QStringLiteral("temperature"), temperature},
                                    {QStringLiteral("ece_before"), eceBefore},
                                    {QStringLiteral("ece_after"), eceAfter}}},
                       {QStringLiteral("decisions"),
                        QJsonObject{{QStringLiteral("class_thresholds"), toDoubles(classThresholds)},
                                    {QStringLiteral("min_bout"), minBout},
                                    {QStringLiteral("macro_f1_raw"), macroF1Raw},
                                    {QStringLiteral("macro_f1_tuned"), macroF1Tuned}}},
                       {QStringLiteral("seconds"),
                        QJsonObject{{QStringLiteral("selection"), selectionSeconds},
                                    {QStringLiteral("final"), finalSeconds},
                                    {QStringLiteral("tuning"), tuningSeconds}}}};
}

ModelSelection ModelSelection::fromJson(const QJsonObject& o)
{
    ModelSelection s;
    if (o.isEmpty()) return s;
    s.used = true;
    const QJsonObject folds = o.value(QLatin1String("folds")).toObject();
    s.foldPolicy = folds.value(QLatin1String("policy")).toString();
    s.foldReason = folds.value(QLatin1String("reason")).toString();
    s.folds = folds.value(QLatin1String("count")).toInt();
    s.purgedFragments = folds.value(QLatin1String("purged_fragments")).toInteger();
    for (const auto& v : o.value(QLatin1String("candidates")).toArray()) {
        const QJsonObject c = v.toObject();
        CandidateScore cs;
        cs.name = c.value(QLatin1String("name")).toString();
        cs.architecture = c.value(QLatin1String("architecture")).toString();
        cs.foldMacroF1 = fromDoubles(c.value(QLatin1String("fold_macro_f1")));
        cs.meanMacroF1 = c.value(QLatin1String("mean_macro_f1")).toDouble();
        cs.sdMacroF1 = c.value(QLatin1String("sd_macro_f1")).toDouble();
        cs.logLoss = c.value(QLatin1String("log_loss")).toDouble();
        cs.seconds = c.value(QLatin1String("seconds")).toDouble();
        s.candidates.push_back(cs);
    }
    s.winner = o.value(QLatin1String("winner")).toString();
    s.winnerReason = o.value(QLatin1String("winner_reason")).toString();
    const QJsonObject cal = o.value(QLatin1String("calibration")).toObject();
    s.temperature = cal.value(QLatin1String("temperature")).toDouble(1.0);
    s.eceBefore = cal.value(QLatin1String("ece_before")).toDouble(-1);
    s.eceAfter = cal.value(QLatin1String("ece_after")).toDouble(-1);
    const QJsonObject d = o.value(QLatin1String("decisions")).toObject();
    s.classThresholds = fromDoubles(d.value(QLatin1String("class_thresholds")));
    s.minBout = d.value(QLatin1String("min_bout")).toInt(1);
    s.macroF1Raw = d.value(QLatin1String("macro_f1_raw")).toDouble(-1);
    s.macroF1Tuned = d.value(QLatin1String("macro_f1_tuned")).toDouble(-1);
    const QJsonObject secs = o.value(QLatin1String("seconds")).toObject();
    s.selectionSeconds = secs.value(QLatin1String("selection")).toDouble();
    s.finalSeconds = secs.value(QLatin1String("final")).toDouble();
    s.tuningSeconds = secs.value(QLatin1String("tuning")).toDouble();
    return s;
}

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
    QJsonObject o{
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
    if (selection.used) o.insert(QStringLiteral("selection"), selection.toJson());
    return o;
}

Result<TrainingReport> TrainingReport::fromJson(const QByteArray& bytes, const QString& file)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &parseError);
    if (!doc.isObject())
        return Status::failure(QStringLiteral("%1: not a training report (%2)")
                                   .arg(file,
                                        parseError.error == QJsonParseError::NoError
                                            ? QStringLiteral("not a JSON object")
                                            : parseError.errorString()));
    const QJsonObject o = doc.object();
    if (o.value(QLatin1String("format")).toString() != QLatin1String(kFormat))
        return Status::failure(QStringLiteral("%1: not a FragmentLab training report").arg(file));
    if (o.value(QLatin1String("version")).toInt() > kVersion)
        return Status::failure(QStringLiteral("%1: written by a newer FragmentLab (report version %2)")
                                   .arg(file)
                                   .arg(o.value(QLatin1String("version")).toInt()));
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
    r.selection = ModelSelection::fromJson(o.value(QLatin1String("selection")).toObject());
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
