#include "analysis/PredictionExport.h"

#include "project/CsvText.h"
#include "project/FileBytes.h"
#include "project/JsonFields.h"
#include "project/JsonText.h"

namespace fl {

namespace {

constexpr const char* kJsonFormat = "fragmentlab-predictions";
constexpr int kJsonVersion = 1;

Status checkConsistent(const std::vector<VideoPredictions>& videos)
{
    for (const VideoPredictions& v : videos) {
        if (Status s = v.validate(); !s) return s;
        const VideoPredictions& first = videos.front();
        if (v.modelId != first.modelId || v.classes != first.classes || !(v.spec == first.spec))
            return Status::failure(
                QStringLiteral("%1: predictions come from another model, class list or fragment spec than %2's")
                    .arg(v.video, first.video));
    }
    return Status::success();
}

QString number(float v)
{
    return json::number(double(v));
}

} // namespace

// The decided class name of fragment j ("uncertain" below the confidence threshold).
QString decisionName(const VideoPredictions& v, const std::vector<int>& decided, qint64 j)
{
    const int c = j < qint64(decided.size()) ? decided[size_t(j)] : kNotPredicted;
    return c >= 0 && c < v.classCount() ? v.classes.at(c) : QStringLiteral("uncertain");
}

Result<QByteArray> predictionsCsv(const std::vector<VideoPredictions>& videos, const SmoothingOptions* decisions)
{
    if (Status s = checkConsistent(videos); !s) return s;
    QStringList header{QStringLiteral("video"),     QStringLiteral("fragment"), QStringLiteral("start_frame"),
                       QStringLiteral("end_frame"), QStringLiteral("label"),    QStringLiteral("confidence")};
    if (decisions) header << QStringLiteral("decision");
    if (!videos.empty())
        for (const QString& c : videos.front().classes) header << CsvText::field(QStringLiteral("p_") + c);
    QString out = header.join(QLatin1Char(',')) + QLatin1Char('\n');
    for (const VideoPredictions& v : videos) {
        const std::vector<int> decided = decisions ? smoothedClasses(v, *decisions) : std::vector<int>{};
        for (qint64 j = 0; j < v.fragmentCount(); ++j) {
            if (!v.isPredicted(j)) continue;
            QStringList row{CsvText::field(v.video),
                            QString::number(j),
                            QString::number(v.spec.firstFrame(j)),
                            QString::number(v.spec.endFrame(j)),
                            CsvText::field(v.classes.at(v.predictedClass(j))),
                            number(v.confidence(j))};
            if (decisions) row << CsvText::field(decisionName(v, decided, j));
            for (int c = 0; c < v.classCount(); ++c) row << number(v.probability(j, c));
            out += row.join(QLatin1Char(',')) + QLatin1Char('\n');
        }
    }
    return out.toUtf8();
}

Result<QByteArray> predictionsJson(const std::vector<VideoPredictions>& videos, bool withFeatures,
                                   const SmoothingOptions* decisions)
{
    if (Status s = checkConsistent(videos); !s) return s;
    const VideoPredictions empty;
    const VideoPredictions& first = videos.empty() ? empty : videos.front();
    QStringList classes;
    for (const QString& c : first.classes) classes << json::quote(c);
    QString out;
    out += QStringLiteral("{\n  \"format\": \"%1\",\n  \"version\": %2,\n")
               .arg(QLatin1String(kJsonFormat))
               .arg(kJsonVersion);
    out += QStringLiteral("  \"model\": %1,\n  \"classes\": [%2],\n")
               .arg(json::quote(first.modelId), classes.join(QStringLiteral(", ")));
    out += QStringLiteral("  \"spec\": {\"length\": %1, \"stride\": %2, \"step\": %3},\n")
               .arg(first.spec.length)
               .arg(first.spec.stride)
               .arg(first.spec.step);
    if (decisions) {
        QStringList thresholds;
        for (double t : decisions->classThresholds) thresholds << number(t);
        out += QStringLiteral(
                   "  \"decisions\": {\"class_thresholds\": [%1], \"min_bout\": %2, \"confidence_threshold\": %3},\n")
                   .arg(thresholds.join(QStringLiteral(", ")))
                   .arg(decisions->minBout)
                   .arg(number(decisions->threshold));
    }
    out += QStringLiteral("  \"videos\": [");
    for (size_t vi = 0; vi < videos.size(); ++vi) {
        const VideoPredictions& v = videos[vi];
        const bool features = withFeatures && v.hasFeatures();
        out += vi ? QStringLiteral(",\n    {") : QStringLiteral("\n    {");
        out += QStringLiteral("\"video\": ") + json::quote(v.video)
            + QStringLiteral(", \"frame_count\": %1, \"feature_size\": %2, \"fragments\": [")
                  .arg(v.frameCount)
                  .arg(features ? v.featureSize : 0);
        bool firstRow = true;
        const std::vector<int> decided = decisions ? smoothedClasses(v, *decisions) : std::vector<int>{};
        for (qint64 j = 0; j < v.fragmentCount(); ++j) {
            if (!v.isPredicted(j)) continue;
            QStringList probs;
            for (int c = 0; c < v.classCount(); ++c) probs << number(v.probability(j, c));
            out += firstRow ? QStringLiteral("\n      ") : QStringLiteral(",\n      ");
            firstRow = false;
            out += QStringLiteral(
                       "{\"fragment\": %1, \"start_frame\": %2, \"end_frame\": %3, \"label\": %4, \"confidence\": %5, "
                       "\"probabilities\": [%6]")
                       .arg(j)
                       .arg(v.spec.firstFrame(j))
                       .arg(v.spec.endFrame(j))
                       .arg(json::quote(v.classes.at(v.predictedClass(j))), number(v.confidence(j)),
                            probs.join(QStringLiteral(", ")));
            if (decisions) out += QStringLiteral(", \"decision\": %1").arg(json::quote(decisionName(v, decided, j)));
            if (features) {
                QStringList f;
                for (float x : v.feature(j)) f << number(x);
                out += QStringLiteral(", \"feature\": [%1]").arg(f.join(QStringLiteral(", ")));
            }
            out += QLatin1Char('}');
        }
        out += firstRow ? QStringLiteral("]}") : QStringLiteral("\n    ]}");
    }
    out += videos.empty() ? QStringLiteral("]\n}\n") : QStringLiteral("\n  ]\n}\n");
    return out.toUtf8();
}

Status writePredictionsCsv(const QString& file, const std::vector<VideoPredictions>& videos,
                           const SmoothingOptions* decisions)
{
    auto bytes = predictionsCsv(videos, decisions);
    if (!bytes) return Status::failure(QStringLiteral("%1: %2").arg(file, bytes.error()));
    return writeFileAtomically(file, *bytes);
}

Status writePredictionsJson(const QString& file, const std::vector<VideoPredictions>& videos, bool withFeatures,
                            const SmoothingOptions* decisions)
{
    auto bytes = predictionsJson(videos, withFeatures, decisions);
    if (!bytes) return Status::failure(QStringLiteral("%1: %2").arg(file, bytes.error()));
    return writeFileAtomically(file, *bytes);
}

Result<std::vector<VideoPredictions>> readPredictionsJson(const QString& file)
{
    auto bytes = readFileBytes(file);
    if (!bytes) return bytes.status();
    const JsonFields j(file);
    auto root = j.parseObject(*bytes);
    if (!root) return root.status();
    auto format = j.string(*root, {}, QStringLiteral("format"));
    if (!format) return format.status();
    if (*format != QLatin1String(kJsonFormat))
        return j.failField(QStringLiteral("format"),
                           QStringLiteral("is \"%1\", expected \"%2\"").arg(*format, QLatin1String(kJsonFormat)));
    auto version = j.integer(*root, {}, QStringLiteral("version"));
    if (!version) return version.status();
    if (*version != kJsonVersion)
        return j.failField(
            QStringLiteral("version"),
            QStringLiteral("%1 is not supported (this program reads version %2)").arg(*version).arg(kJsonVersion));
    auto model = j.string(*root, {}, QStringLiteral("model"));
    if (!model) return model.status();
    auto classArray = j.array(*root, {}, QStringLiteral("classes"));
    if (!classArray) return classArray.status();
    QStringList classes;
    for (qsizetype c = 0; c < classArray->size(); ++c) {
        if (!classArray->at(c).isString())
            return j.failField(JsonFields::index(QStringLiteral("classes"), c), QStringLiteral("must be a string"));
        classes << classArray->at(c).toString();
    }
    auto specObject = j.object(*root, {}, QStringLiteral("spec"));
    if (!specObject) return specObject.status();
    const QString specPath = QStringLiteral("spec");
    auto length = j.integer(*specObject, specPath, QStringLiteral("length"));
    if (!length) return length.status();
    auto stride = j.integer(*specObject, specPath, QStringLiteral("stride"));
    if (!stride) return stride.status();
    auto step = j.integer(*specObject, specPath, QStringLiteral("step"));
    if (!step) return step.status();
    auto spec = FragmentSpec::make(int(*length), int(*stride), int(*step));
    if (!spec || *stride <= 0) return j.failField(specPath, spec ? QStringLiteral("stride must be > 0") : spec.error());

    auto videoArray = j.array(*root, {}, QStringLiteral("videos"));
    if (!videoArray) return videoArray.status();
    std::vector<VideoPredictions> out;
    for (qsizetype vi = 0; vi < videoArray->size(); ++vi) {
        const QString vpath = JsonFields::index(QStringLiteral("videos"), vi);
        auto vo = j.element(*videoArray, QStringLiteral("videos"), vi);
        if (!vo) return vo.status();
        auto name = j.string(*vo, vpath, QStringLiteral("video"));
        if (!name) return name.status();
        auto frames = j.integer(*vo, vpath, QStringLiteral("frame_count"));
        if (!frames) return frames.status();
        if (*frames < 0)
            return j.failField(JsonFields::join(vpath, QStringLiteral("frame_count")), QStringLiteral("must be >= 0"));
        auto featureSize = j.integer(*vo, vpath, QStringLiteral("feature_size"));
        if (!featureSize) return featureSize.status();
        if (*featureSize < 0 || *featureSize > 1000000)
            return j.failField(JsonFields::join(vpath, QStringLiteral("feature_size")),
                               QStringLiteral("must be 0..1000000"));
        VideoPredictions v = VideoPredictions::empty(*name, *model, classes, *spec, *frames, int(*featureSize));
        auto rows = j.array(*vo, vpath, QStringLiteral("fragments"));
        if (!rows) return rows.status();
        const QString rowsPath = JsonFields::join(vpath, QStringLiteral("fragments"));
        for (qsizetype r = 0; r < rows->size(); ++r) {
            const QString rpath = JsonFields::index(rowsPath, r);
            auto ro = j.element(*rows, rowsPath, r);
            if (!ro) return ro.status();
            auto fragment = j.integer(*ro, rpath, QStringLiteral("fragment"));
            if (!fragment) return fragment.status();
            auto probs = j.array(*ro, rpath, QStringLiteral("probabilities"));
            if (!probs) return probs.status();
            std::vector<float> row;
            for (const QJsonValue& p : *probs) {
                if (!p.isDouble())
                    return j.failField(JsonFields::join(rpath, QStringLiteral("probabilities")),
                                       QStringLiteral("must hold numbers"));
                row.push_back(float(p.toDouble()));
            }
            std::vector<float> feature;
            if (*featureSize > 0) {
                auto f = j.array(*ro, rpath, QStringLiteral("feature"));
                if (!f) return f.status();
                for (const QJsonValue& x : *f) {
                    if (!x.isDouble())
                        return j.failField(JsonFields::join(rpath, QStringLiteral("feature")),
                                           QStringLiteral("must hold numbers"));
                    feature.push_back(float(x.toDouble()));
                }
            }
            if (Status s = v.setRow(*fragment, row, feature); !s) return j.failField(rpath, s.error());
        }
        if (Status s = v.validate(); !s) return j.failField(vpath, s.error());
        out.push_back(std::move(v));
    }
    return out;
}

} // namespace fl
