#include "training/PredictionStore.h"

#include "project/FileBytes.h"
#include "project/Project.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtEndian>

#include <bit>
#include <cstring>

namespace fl {

namespace {

static_assert(std::endian::native == std::endian::little, "the .flpred format stores little-endian float32");

constexpr char kTag[8] = {'F', 'L', 'P', 'R', 'E', 'D', '\r', '\n'};
constexpr qsizetype kFixedBytes = 8 + 4 + 4;
constexpr qsizetype kHashBytes = 32;
constexpr qint64 kMaxHeaderBytes = 1 << 20;

void appendU32(QByteArray& out, quint32 v)
{
    char b[4];
    qToLittleEndian(v, b);
    out.append(b, 4);
}

void appendFloats(QByteArray& out, const std::vector<float>& values)
{
    out.append(reinterpret_cast<const char*>(values.data()), qsizetype(values.size() * sizeof(float)));
}

} // namespace

QString PredictionStore::modelKey(const QString& modelId)
{
    QString key = QFileInfo(modelId).fileName();
    if (key.endsWith(QStringLiteral(".flmodel"))) key.chop(8);
    return key;
}

QString PredictionStore::folderFor(const Project& project, const QString& modelId)
{
    return QDir(project.predictionsDir()).filePath(modelKey(modelId));
}

QString PredictionStore::fileFor(const Project& project, const QString& modelId, const QString& videoFileName)
{
    return QDir(folderFor(project, modelId)).filePath(videoFileName + suffix());
}

Result<QByteArray> PredictionStore::encode(const VideoPredictions& p, const QString& videoHash)
{
    if (Status s = p.validate(); !s) return s;
    const qint64 n = p.fragmentCount();
    const bool withFeatures = p.hasFeatures();
    QJsonObject header{{QStringLiteral("model"), p.modelId},
                       {QStringLiteral("video"), p.video},
                       {QStringLiteral("video_hash"), videoHash},
                       {QStringLiteral("frame_count"), p.frameCount},
                       {QStringLiteral("spec"),
                        QJsonObject{{QStringLiteral("length"), p.spec.length},
                                    {QStringLiteral("stride"), p.spec.stride},
                                    {QStringLiteral("step"), p.spec.step}}},
                       {QStringLiteral("classes"), QJsonArray::fromStringList(p.classes)},
                       {QStringLiteral("feature_size"), withFeatures ? p.featureSize : 0},
                       {QStringLiteral("fragments"), n},
                       {QStringLiteral("predicted"), p.predictedCount()}};
    const QByteArray json = QJsonDocument(header).toJson(QJsonDocument::Compact);
    QByteArray out;
    out.reserve(kFixedBytes + json.size()
                + qsizetype((p.probabilities.size() + (withFeatures ? p.features.size() : 0)) * 4) + kHashBytes);
    out.append(kTag, 8);
    appendU32(out, quint32(kFormatVersion));
    appendU32(out, quint32(json.size()));
    out.append(json);
    appendFloats(out, p.probabilities);
    if (withFeatures) appendFloats(out, p.features);
    out.append(QCryptographicHash::hash(out, QCryptographicHash::Sha256));
    return out;
}

Result<StoredPredictions> PredictionStore::decode(const QByteArray& bytes, const QString& file)
{
    const auto bad = [&file](const QString& why) {
        return Result<StoredPredictions>::failure(
            QStringLiteral("%1: not a valid prediction file (%2); run predict again").arg(file, why));
    };
    if (bytes.size() < kFixedBytes + kHashBytes || std::memcmp(bytes.constData(), kTag, 8) != 0)
        return bad(bytes.size() < kFixedBytes + kHashBytes ? QStringLiteral("too short")
                                                           : QStringLiteral("wrong file tag"));
    const quint32 version = qFromLittleEndian<quint32>(bytes.constData() + 8);
    if (version != quint32(kFormatVersion))
        return Result<StoredPredictions>::failure(
            QStringLiteral("%1: prediction format version %2, this program reads version %3")
                .arg(file)
                .arg(version)
                .arg(kFormatVersion));
    const qsizetype body = bytes.size() - kHashBytes;
    if (QCryptographicHash::hash(QByteArrayView(bytes.constData(), body), QCryptographicHash::Sha256)
        != bytes.mid(body))
        return bad(QStringLiteral("checksum mismatch: truncated or damaged"));
    const quint32 jsonBytes = qFromLittleEndian<quint32>(bytes.constData() + 12);
    if (qint64(jsonBytes) > kMaxHeaderBytes || kFixedBytes + qint64(jsonBytes) > body)
        return bad(QStringLiteral("header length"));
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(bytes.mid(kFixedBytes, jsonBytes), &error);
    if (!doc.isObject()) return bad(QStringLiteral("header: %1").arg(error.errorString()));
    const QJsonObject h = doc.object();
    StoredPredictions s;
    VideoPredictions& p = s.predictions;
    p.modelId = h.value(QStringLiteral("model")).toString();
    p.video = h.value(QStringLiteral("video")).toString();
    s.videoHash = h.value(QStringLiteral("video_hash")).toString();
    p.frameCount = h.value(QStringLiteral("frame_count")).toInteger(-1);
    const QJsonObject spec = h.value(QStringLiteral("spec")).toObject();
    auto made = FragmentSpec::make(spec.value(QStringLiteral("length")).toInt(),
                                   spec.value(QStringLiteral("stride")).toInt(),
                                   spec.value(QStringLiteral("step")).toInt());
    if (!made) return bad(QStringLiteral("spec: %1").arg(made.error()));
    p.spec = *made;
    for (const auto& c : h.value(QStringLiteral("classes")).toArray()) p.classes << c.toString();
    p.featureSize = h.value(QStringLiteral("feature_size")).toInt(-1);
    const qint64 n = h.value(QStringLiteral("fragments")).toInteger(-1);
    if (p.video.isEmpty() || p.modelId.isEmpty() || p.classes.isEmpty() || p.frameCount < 0 || p.featureSize < 0
        || n != p.spec.count(p.frameCount))
        return bad(QStringLiteral("header fields"));
    const qint64 probValues = n * p.classes.size();
    const qint64 featValues = n * p.featureSize;
    if (kFixedBytes + qint64(jsonBytes) + 4 * (probValues + featValues) != body)
        return bad(QStringLiteral("data size"));
    const char* data = bytes.constData() + kFixedBytes + jsonBytes;
    p.probabilities.resize(size_t(probValues));
    std::memcpy(p.probabilities.data(), data, size_t(probValues) * 4);
    p.features.resize(size_t(featValues));
    if (featValues > 0) std::memcpy(p.features.data(), data + probValues * 4, size_t(featValues) * 4);
    if (Status v = p.validate(); !v) return bad(v.error());
    return s;
}

Result<StoredPredictions> PredictionStore::read(const QString& file)
{
    auto bytes = readFileBytes(file);
    if (!bytes) return bytes.status();
    return decode(*bytes, file);
}

Result<QString> PredictionStore::save(const Project& project, const VideoPredictions& predictions)
{
    const int video = project.videoIndexByName(predictions.video);
    if (video < 0)
        return Status::failure(
            QStringLiteral("%1: no video \"%2\" in the project").arg(project.projectFile(), predictions.video));
    auto bytes = encode(predictions, project.video(video).hash);
    if (!bytes) return bytes.status();
    const QString file = fileFor(project, predictions.modelId, predictions.video);
    if (!QDir().mkpath(QFileInfo(file).absolutePath()))
        return Status::failure(QStringLiteral("%1: cannot create the folder").arg(QFileInfo(file).absolutePath()));
    if (Status s = writeFileAtomically(file, *bytes); !s) return s;
    return file;
}

QString PredictionStore::staleReason(const Project& project, int video, const StoredPredictions& stored)
{
    const ProjectVideo& v = project.video(video);
    const VideoPredictions& p = stored.predictions;
    if (stored.videoHash != v.hash || p.frameCount != v.frameCount)
        return QStringLiteral(
                   "%1: predictions were made for another version of the video (content or frame count changed); run predict again")
            .arg(v.fileName());
    if (!(p.spec == project.spec()))
        return QStringLiteral("%1: predictions use fragments %2, the project now uses %3; run predict again")
            .arg(v.fileName(), p.spec.toString(), project.spec().toString());
    return {};
}

std::vector<VideoPredictionState> PredictionStore::loadForModel(const Project& project, const QString& modelId)
{
    std::vector<VideoPredictionState> out;
    for (int i = 0; i < project.videoCount(); ++i) {
        VideoPredictionState s;
        s.video = i;
        s.file = fileFor(project, modelId, project.video(i).fileName());
        if (QFileInfo::exists(s.file)) {
            auto stored = read(s.file);
            if (!stored) {
                s.state = PredictionState::Damaged;
                s.message = stored.error();
            } else if (stored->predictions.video != project.video(i).fileName()) {
                s.state = PredictionState::Damaged;
                s.message = QStringLiteral("%1: holds predictions of \"%2\"").arg(s.file, stored->predictions.video);
            } else {
                s.message = staleReason(project, i, *stored);
                s.state = s.message.isEmpty() ? PredictionState::Fresh : PredictionState::Stale;
                s.predictions = std::move(stored->predictions);
            }
        }
        out.push_back(std::move(s));
    }
    return out;
}

Result<std::vector<VideoPredictionState>> PredictionStore::loadActive(const Project& project)
{
    if (project.activeModel().isEmpty())
        return Status::failure(QStringLiteral("%1: no active model (train one first)").arg(project.projectFile()));
    return loadForModel(project, project.activeModel());
}

Result<std::vector<VideoPredictions>> PredictionStore::freshActive(const Project& project)
{
    auto states = loadActive(project);
    if (!states) return states.status();
    std::vector<VideoPredictions> out;
    QString problem;
    for (auto& s : *states) {
        if (s.state == PredictionState::Fresh)
            out.push_back(std::move(s.predictions));
        else if (problem.isEmpty() && !s.message.isEmpty())
            problem = s.message;
    }
    if (out.empty())
        return Status::failure(problem.isEmpty()
                                   ? QStringLiteral("%1: no predictions of the active model %2; run predict first")
                                         .arg(project.dir(), project.activeModel())
                                   : problem);
    return out;
}

} // namespace fl
