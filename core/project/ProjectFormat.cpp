#include "project/ProjectFormat.h"

#include "project/ClassPalette.h"
#include "project/JsonFields.h"
#include "project/JsonText.h"
#include "project/Project.h"

#include <QDir>
#include <QFileInfo>
#include <QHash>

#include <algorithm>
#include <climits>
#include <cmath>

namespace fl {

namespace {

bool isContentHash(const QString& s)
{
    if (s.size() != 64) return false;
    for (const QChar c : s) {
        const char16_t u = c.unicode();
        if (!((u >= u'0' && u <= u'9') || (u >= u'a' && u <= u'f'))) return false;
    }
    return true;
}

QString rangeText(qint64 start, qint64 end)
{
    return QStringLiteral("[%1, %2)").arg(start).arg(end);
}

Result<int> intField(const JsonFields& f, const QJsonObject& o, const QString& path, const QString& key)
{
    auto v = f.integer(o, path, key);
    if (!v) return v.status();
    if (*v < INT_MIN || *v > INT_MAX)
        return f.failField(JsonFields::join(path, key), QStringLiteral("%1 is out of range").arg(*v));
    return int(*v);
}

Result<bool> boolField(const JsonFields& f, const QJsonObject& o, const QString& path, const QString& key)
{
    const QJsonValue v = o.value(key);
    if (!v.isBool())
        return f.failField(JsonFields::join(path, key),
                           QStringLiteral("expected true or false, got %1").arg(JsonFields::typeName(v)));
    return v.toBool();
}

Result<double> unitField(const JsonFields& f, const QJsonObject& o, const QString& path, const QString& key, double lo)
{
    auto v = f.number(o, path, key);
    if (!v) return v.status();
    if (!std::isfinite(*v) || *v < lo || *v > 1)
        return f.failField(JsonFields::join(path, key), QStringLiteral("%1 is outside [%2, 1]").arg(*v).arg(lo));
    return *v;
}

// "scene_cuts", "keyframe_segments" and "keyframes" of one video (all optional).
Status readScenesAndKeyframes(const JsonFields& f, const QJsonObject& o, const QString& at, ProjectVideo& v)
{
    if (o.contains(QLatin1String("scene_cuts"))) {
        const QString path = JsonFields::join(at, QStringLiteral("scene_cuts"));
        auto cuts = f.array(o, at, QStringLiteral("scene_cuts"));
        if (!cuts) return cuts.status();
        std::vector<qint64> read;
        for (qsizetype j = 0; j < cuts->size(); ++j) {
            const QJsonValue c = cuts->at(j);
            const double d = c.toDouble(-1);
            if (!c.isDouble() || d != std::floor(d) || std::abs(d) > 1e15) // not a frame number at all
                return f.failField(JsonFields::index(path, j),
                                   QStringLiteral("scene cut %1 is not a frame in (0, %2)")
                                       .arg(c.isDouble() ? QString::number(d) : JsonFields::typeName(c))
                                       .arg(v.frameCount));
            if (auto problem = v.sceneCutProblem(qint64(d), read.empty() ? nullptr : &read.back()))
                return f.failField(JsonFields::index(path, j), *problem);
            read.push_back(qint64(d));
        }
        v.sceneCuts = std::move(read);
    }
    if (o.contains(QLatin1String("scene_cut_kinds"))) {
        const QString path = JsonFields::join(at, QStringLiteral("scene_cut_kinds"));
        auto kinds = f.array(o, at, QStringLiteral("scene_cut_kinds"));
        if (!kinds) return kinds.status();
        const size_t cuts = v.sceneCuts ? v.sceneCuts->size() : 0;
        if (size_t(kinds->size()) != cuts)
            return f.failField(path, QStringLiteral("%1 kinds for %2 scene cuts").arg(kinds->size()).arg(cuts));
        for (qsizetype j = 0; j < kinds->size(); ++j) {
            const QString kat = JsonFields::index(path, j);
            auto ko = f.element(*kinds, path, j);
            if (!ko) return ko.status();
            auto name = f.string(*ko, kat, QStringLiteral("kind"));
            if (!name) return name.status();
            SceneCut cut;
            cut.frame = (*v.sceneCuts)[size_t(j)];
            if (*name == QLatin1String("fade"))
                cut.kind = SceneCut::Kind::Fade;
            else if (*name == QLatin1String("dissolve"))
                cut.kind = SceneCut::Kind::Dissolve;
            else if (*name != QLatin1String("cut"))
                return f.failField(JsonFields::join(kat, QStringLiteral("kind")),
                                   QStringLiteral("\"%1\" is not cut, fade or dissolve").arg(*name));
            if (cut.kind != SceneCut::Kind::Content) {
                // The frames of the transition: the dark run of a fade, the blend of a dissolve.
                auto from = f.integer(*ko, kat, QStringLiteral("from"));
                if (!from) return from.status();
                auto to = f.integer(*ko, kat, QStringLiteral("to"));
                if (!to) return to.status();
                if (*from < 0 || *to < *from || *to > v.frameCount)
                    return f.failField(kat,
                                       QStringLiteral("transition frames %1 to %2 are not in 0..%3")
                                           .arg(*from)
                                           .arg(*to)
                                           .arg(v.frameCount));
                (cut.kind == SceneCut::Kind::Fade ? cut.darkStart : cut.spanStart) = *from;
                (cut.kind == SceneCut::Kind::Fade ? cut.darkEnd : cut.spanEnd) = *to;
            }
            v.sceneCutKinds.push_back(cut);
        }
    }
    if (o.contains(QLatin1String("keyframe_segments"))) {
        const QString path = JsonFields::join(at, QStringLiteral("keyframe_segments"));
        auto segs = f.array(o, at, QStringLiteral("keyframe_segments"));
        if (!segs) return segs.status();
        for (qsizetype j = 0; j < segs->size(); ++j) {
            const QString sat = JsonFields::index(path, j);
            auto so = f.element(*segs, path, j);
            if (!so) return so.status();
            auto start = f.integer(*so, sat, QStringLiteral("start"));
            if (!start) return start.status();
            auto end = f.integer(*so, sat, QStringLiteral("end"));
            if (!end) return end.status();
            auto label = f.string(*so, sat, QStringLiteral("label"));
            if (!label) return label.status();
            const FrameSegment segment{*start, *end, *label};
            if (auto problem = v.keyframeSegmentProblem(segment,
                                                        v.keyframeSegments.empty() ? nullptr
                                                                                   : &v.keyframeSegments.back()))
                return f.failField(sat, *problem);
            v.keyframeSegments.push_back(segment);
        }
    }
    if (o.contains(QLatin1String("keyframes"))) {
        const QString path = JsonFields::join(at, QStringLiteral("keyframes"));
        auto keys = f.array(o, at, QStringLiteral("keyframes"));
        if (!keys) return keys.status();
        std::vector<Keyframe> read;
        for (qsizetype j = 0; j < keys->size(); ++j) {
            const QString kat = JsonFields::index(path, j);
            auto ko = f.element(*keys, path, j);
            if (!ko) return ko.status();
            Keyframe k;
            auto frame = f.integer(*ko, kat, QStringLiteral("frame"));
            if (!frame) return frame.status();
            if (auto problem = v.keyframeFrameProblem(*frame))
                return f.failField(JsonFields::join(kat, QStringLiteral("frame")), *problem);
            for (const Keyframe& other : read)
                if (other.frame == *frame)
                    return f.failField(JsonFields::join(kat, QStringLiteral("frame")),
                                       QStringLiteral("a second keyframe at frame %1").arg(*frame));
            k.frame = *frame;
            auto segment = intField(f, *ko, kat, QStringLiteral("segment"));
            if (!segment) return segment.status();
            if (auto problem = ProjectVideo::keyframeSegmentIndexProblem(*segment, v.keyframeSegments.size()))
                return f.failField(JsonFields::join(kat, QStringLiteral("segment")), *problem);
            k.segment = *segment;
            auto label = f.string(*ko, kat, QStringLiteral("label"));
            if (!label) return label.status();
            k.label = *label;
            auto manual = boolField(f, *ko, kat, QStringLiteral("manual"));
            if (!manual) return manual.status();
            k.manual = *manual;
            auto score = unitField(f, *ko, kat, QStringLiteral("score"), 0);
            if (!score) return score.status();
            auto sharp = unitField(f, *ko, kat, QStringLiteral("sharpness"), 0);
            if (!sharp) return sharp.status();
            auto repr = unitField(f, *ko, kat, QStringLiteral("representativeness"), 0);
            if (!repr) return repr.status();
            auto conf = unitField(f, *ko, kat, QStringLiteral("confidence"), -1);
            if (!conf) return conf.status();
            k.score = *score;
            k.sharpness = *sharp;
            k.representativeness = *repr;
            k.confidence = *conf < 0 ? -1 : *conf;
            read.push_back(std::move(k));
        }
        v.keyframes = KeyframeSet(std::move(read));
    }
    return Status::success();
}

} // namespace

// ---------------------------------------------------------------------------------------
// Writing

QByteArray ProjectFormat::write(const Project& p)
{
    using json::number;
    using json::quote;
    QString out;
    out += QStringLiteral("{\n");
    out += QStringLiteral("  \"format\": %1,\n").arg(quote(QString::fromLatin1(kFormat)));
    out += QStringLiteral("  \"schema\": %1,\n").arg(Project::kSchemaVersion);
    out += QStringLiteral("  \"name\": %1,\n").arg(quote(p.m_name));
    out += QStringLiteral("  \"fragment\": {\"length\": %1, \"stride\": %2, \"step\": %3},\n")
               .arg(p.m_spec.length)
               .arg(p.m_spec.stride)
               .arg(p.m_spec.step);
    if (!p.m_activeModel.isEmpty()) out += QStringLiteral("  \"active_model\": %1,\n").arg(quote(p.m_activeModel));

    out += QStringLiteral("  \"classes\": [");
    for (size_t i = 0; i < p.m_classes.size(); ++i) {
        const LabelClass& c = p.m_classes[i];
        out += i == 0 ? QStringLiteral("\n") : QStringLiteral(",\n");
        out += QStringLiteral("    {\"name\": %1, \"color\": %2, \"shortcut\": %3}")
                   .arg(quote(c.name), quote(c.color), quote(c.shortcut));
    }
    out += p.m_classes.empty() ? QStringLiteral("],\n") : QStringLiteral("\n  ],\n");

    out += QStringLiteral("  \"videos\": [");
    for (size_t i = 0; i < p.m_videos.size(); ++i) {
        const ProjectVideo& v = p.m_videos[i];
        out += i == 0 ? QStringLiteral("\n") : QStringLiteral(",\n");
        out += QStringLiteral("    {\n");
        out += QStringLiteral("      \"path\": %1,\n").arg(quote(v.relativePath));
        out += QStringLiteral("      \"size\": %1,\n").arg(number(v.size));
        out += QStringLiteral("      \"hash\": %1,\n").arg(quote(v.hash));
        out += QStringLiteral("      \"frames\": %1,\n").arg(number(v.frameCount));
        out += QStringLiteral("      \"fps\": %1,\n").arg(number(v.fps));
        out += QStringLiteral("      \"labels\": [");
        const auto& ranges = v.labels.ranges();
        for (size_t j = 0; j < ranges.size(); ++j) {
            const LabelRange& r = ranges[j];
            out += j == 0 ? QStringLiteral("\n") : QStringLiteral(",\n");
            out += QStringLiteral("        {\"start\": %1, \"end\": %2, \"class\": %3}")
                       .arg(number(r.start), number(r.end), quote(r.label));
        }
        out += ranges.empty() ? QStringLiteral("]") : QStringLiteral("\n      ]");
        // Scenes and keyframes only once there are any: files without them read and write as before.
        if (v.sceneCuts) {
            QStringList cuts;
            for (qint64 c : *v.sceneCuts) cuts << number(c);
            out += QStringLiteral(",\n      \"scene_cuts\": [%1]").arg(cuts.join(QStringLiteral(", ")));
            if (!v.sceneCutKinds.empty() && v.sceneCutKinds.size() == v.sceneCuts->size()) {
                QStringList kinds;
                for (const SceneCut& c : v.sceneCutKinds) {
                    QString k = QStringLiteral("{\"kind\": \"%1\"").arg(SceneCut::kindName(c.kind));
                    if (c.kind == SceneCut::Kind::Fade)
                        k += QStringLiteral(", \"from\": %1, \"to\": %2").arg(number(c.darkStart), number(c.darkEnd));
                    else if (c.kind == SceneCut::Kind::Dissolve)
                        k += QStringLiteral(", \"from\": %1, \"to\": %2").arg(number(c.spanStart), number(c.spanEnd));
                    kinds << k + QLatin1Char('}');
                }
                out += QStringLiteral(",\n      \"scene_cut_kinds\": [%1]").arg(kinds.join(QStringLiteral(", ")));
            }
        }
        if (!v.keyframeSegments.empty() || !v.keyframes.isEmpty()) {
            out += QStringLiteral(",\n      \"keyframe_segments\": [");
            for (size_t j = 0; j < v.keyframeSegments.size(); ++j) {
                const FrameSegment& g = v.keyframeSegments[j];
                out += j == 0 ? QStringLiteral("\n") : QStringLiteral(",\n");
                out += QStringLiteral("        {\"start\": %1, \"end\": %2, \"label\": %3}")
                           .arg(number(g.start), number(g.end), quote(g.label));
            }
            out += v.keyframeSegments.empty() ? QStringLiteral("]") : QStringLiteral("\n      ]");
            out += QStringLiteral(",\n      \"keyframes\": [");
            const auto& keys = v.keyframes.keyframes();
            for (size_t j = 0; j < keys.size(); ++j) {
                const Keyframe& k = keys[j];
                out += j == 0 ? QStringLiteral("\n") : QStringLiteral(",\n");
                out += QStringLiteral(
                           "        {\"frame\": %1, \"segment\": %2, \"label\": %3, \"manual\": %4, \"score\": %5, "
                           "\"sharpness\": %6, \"representativeness\": %7, \"confidence\": %8}")
                           .arg(number(k.frame), QString::number(k.segment), quote(k.label),
                                k.manual ? QStringLiteral("true") : QStringLiteral("false"), number(k.score),
                                number(k.sharpness), number(k.representativeness), number(k.confidence));
            }
            out += keys.empty() ? QStringLiteral("]") : QStringLiteral("\n      ]");
        }
        out += QStringLiteral("\n    }");
    }
    out += p.m_videos.empty() ? QStringLiteral("]\n") : QStringLiteral("\n  ]\n");
    out += QStringLiteral("}\n");
    return out.toUtf8();
}

// ---------------------------------------------------------------------------------------
// Reading

Status ProjectFormat::migrate(QJsonObject& root, int from, const QString& file)
{
    Q_UNUSED(root);
    for (int schema = from; schema < Project::kSchemaVersion; ++schema) {
        switch (schema) {
        // case 1: upgrade a schema-1 document to schema 2 here, when there is a schema 2.
        default:
            return Status::failure(QStringLiteral("%1: cannot migrate schema %2 to %3")
                                       .arg(file)
                                       .arg(schema)
                                       .arg(Project::kSchemaVersion));
        }
    }
    return Status::success();
}

Result<Project> ProjectFormat::read(const QByteArray& bytes, const QString& file, const QString& dir)
{
    const JsonFields f(file);
    auto parsed = f.parseObject(bytes);
    if (!parsed) return parsed.status();
    QJsonObject root = std::move(*parsed);

    // ---- format and schema
    if (!root.contains(QLatin1String("format")))
        return f.fail(QStringLiteral("missing field \"format\": not a FragmentLab project file"));
    auto format = f.string(root, {}, QStringLiteral("format"));
    if (!format) return format.status();
    if (*format != QLatin1String(kFormat))
        return f.fail(QStringLiteral("not a FragmentLab project file (format \"%1\", expected \"%2\")")
                          .arg(*format, QLatin1String(kFormat)));
    auto schema = intField(f, root, {}, QStringLiteral("schema"));
    if (!schema) return schema.status();
    if (*schema > Project::kSchemaVersion)
        return f.fail(QStringLiteral("written by a newer FragmentLab (schema %1, this one reads up to %2)")
                          .arg(*schema)
                          .arg(Project::kSchemaVersion));
    if (*schema < 1) return f.failField(QStringLiteral("schema"), QStringLiteral("invalid schema %1").arg(*schema));
    if (auto migrated = migrate(root, *schema, file); !migrated) return migrated;

    Project p;
    p.m_dir = dir;

    // ---- name (optional: the folder's name)
    if (root.contains(QLatin1String("name"))) {
        auto name = f.string(root, {}, QStringLiteral("name"));
        if (!name) return name.status();
        p.m_name = *name;
    } else {
        p.m_name = QFileInfo(dir).fileName();
    }

    // ---- fragment spec
    {
        const QString path = QStringLiteral("fragment");
        auto o = f.object(root, {}, path);
        if (!o) return o.status();
        auto length = intField(f, *o, path, QStringLiteral("length"));
        if (!length) return length.status();
        auto stride = intField(f, *o, path, QStringLiteral("stride"));
        if (!stride) return stride.status();
        auto step = intField(f, *o, path, QStringLiteral("step"));
        if (!step) return step.status();
        p.m_spec.length = *length;
        p.m_spec.stride = *stride;
        p.m_spec.step = *step;
        if (auto valid = p.m_spec.validate(); !valid)
            return f.failField(path, QStringLiteral("invalid fragment spec: %1").arg(valid.error()));
    }

    // ---- active model (optional; a file name inside models/)
    if (root.contains(QLatin1String("active_model"))) {
        auto active = f.string(root, {}, QStringLiteral("active_model"));
        if (!active) return active.status();
        if (auto set = p.setActiveModel(*active); !set)
            return f.failField(QStringLiteral("active_model"), QStringLiteral("not a file name: \"%1\"").arg(*active));
    }

    // ---- classes
    {
        const QString path = QStringLiteral("classes");
        auto classes = f.array(root, {}, path);
        if (!classes) return classes.status();
        QHash<QString, qsizetype> names;
        QHash<QString, qsizetype> keys;
        for (qsizetype i = 0; i < classes->size(); ++i) {
            const QString at = JsonFields::index(path, i);
            auto o = f.element(*classes, path, i);
            if (!o) return o.status();
            LabelClass c;
            auto name = f.string(*o, at, QStringLiteral("name"));
            if (!name) return name.status();
            c.name = *name;
            if (c.name.trimmed().isEmpty())
                return f.failField(JsonFields::join(at, QStringLiteral("name")), QStringLiteral("empty class name"));
            if (names.contains(c.name))
                return f.failField(JsonFields::join(at, QStringLiteral("name")),
                                   QStringLiteral("duplicate class name \"%1\" (also classes[%2])")
                                       .arg(c.name)
                                       .arg(names.value(c.name)));
            names.insert(c.name, i);
            auto color = f.string(*o, at, QStringLiteral("color"));
            if (!color) return color.status();
            if (!ClassPalette::isValidColor(*color))
                return f.failField(JsonFields::join(at, QStringLiteral("color")),
                                   QStringLiteral("bad colour \"%1\" (expected #rrggbb)").arg(*color));
            c.color = color->toLower();
            if (o->contains(QLatin1String("shortcut"))) {
                auto key = f.string(*o, at, QStringLiteral("shortcut"));
                if (!key) return key.status();
                if (!ClassPalette::isValidShortcut(*key))
                    return f.failField(JsonFields::join(at, QStringLiteral("shortcut")),
                                       QStringLiteral("bad shortcut \"%1\" (expected one key or nothing)").arg(*key));
                c.shortcut = *key;
                const QString folded = key->toLower();
                if (!folded.isEmpty() && keys.contains(folded))
                    return f.failField(JsonFields::join(at, QStringLiteral("shortcut")),
                                       QStringLiteral("duplicate shortcut \"%1\" (also classes[%2])")
                                           .arg(*key)
                                           .arg(keys.value(folded)));
                if (!folded.isEmpty()) keys.insert(folded, i);
            }
            p.m_classes.push_back(std::move(c));
        }
    }

    // ---- videos and their labels
    {
        const QString path = QStringLiteral("videos");
        auto videos = f.array(root, {}, path);
        if (!videos) return videos.status();
        QHash<QString, qsizetype> paths;
        QHash<QString, qsizetype> fileNames;
        for (qsizetype i = 0; i < videos->size(); ++i) {
            const QString at = JsonFields::index(path, i);
            auto o = f.element(*videos, path, i);
            if (!o) return o.status();
            ProjectVideo v;

            auto rel = f.string(*o, at, QStringLiteral("path"));
            if (!rel) return rel.status();
            const QString pathField = JsonFields::join(at, QStringLiteral("path"));
            if (rel->trimmed().isEmpty()) return f.failField(pathField, QStringLiteral("empty video path"));
            v.relativePath = QDir::cleanPath(QDir::fromNativeSeparators(*rel));
            if (paths.contains(v.relativePath))
                return f.failField(pathField,
                                   QStringLiteral("duplicate video path \"%1\" (also videos[%2])")
                                       .arg(v.relativePath)
                                       .arg(paths.value(v.relativePath)));
            paths.insert(v.relativePath, i);
            if (fileNames.contains(v.fileName()))
                return f.failField(pathField,
                                   QStringLiteral("duplicate video file name \"%1\" (also videos[%2]); "
                                                  "label files name videos by file name")
                                       .arg(v.fileName())
                                       .arg(fileNames.value(v.fileName())));
            fileNames.insert(v.fileName(), i);

            auto size = f.integer(*o, at, QStringLiteral("size"));
            if (!size) return size.status();
            if (*size < 0)
                return f.failField(JsonFields::join(at, QStringLiteral("size")),
                                   QStringLiteral("negative size %1").arg(*size));
            v.size = *size;

            auto hash = f.string(*o, at, QStringLiteral("hash"));
            if (!hash) return hash.status();
            if (!isContentHash(*hash))
                return f.failField(
                    JsonFields::join(at, QStringLiteral("hash")),
                    QStringLiteral("bad content hash \"%1\" (expected 64 lowercase hex digits)").arg(*hash));
            v.hash = *hash;

            auto frames = f.integer(*o, at, QStringLiteral("frames"));
            if (!frames) return frames.status();
            if (*frames < 0)
                return f.failField(JsonFields::join(at, QStringLiteral("frames")),
                                   QStringLiteral("negative frame count %1").arg(*frames));
            v.frameCount = *frames;

            auto fps = f.number(*o, at, QStringLiteral("fps"));
            if (!fps) return fps.status();
            if (!(*fps > 0))
                return f.failField(JsonFields::join(at, QStringLiteral("fps")),
                                   QStringLiteral("frame rate %1 is not positive").arg(*fps));
            v.fps = *fps;

            if (o->contains(QLatin1String("labels"))) {
                const QString labelsPath = JsonFields::join(at, QStringLiteral("labels"));
                auto labels = f.array(*o, at, QStringLiteral("labels"));
                if (!labels) return labels.status();
                struct Read {
                    LabelRange range;
                    qsizetype index;
                };
                std::vector<Read> read;
                read.reserve(size_t(labels->size()));
                for (qsizetype j = 0; j < labels->size(); ++j) {
                    const QString lat = JsonFields::index(labelsPath, j);
                    auto lo = f.element(*labels, labelsPath, j);
                    if (!lo) return lo.status();
                    auto start = f.integer(*lo, lat, QStringLiteral("start"));
                    if (!start) return start.status();
                    auto end = f.integer(*lo, lat, QStringLiteral("end"));
                    if (!end) return end.status();
                    auto cls = f.string(*lo, lat, QStringLiteral("class"));
                    if (!cls) return cls.status();
                    if (p.classIndex(*cls) < 0)
                        return f.failField(JsonFields::join(lat, QStringLiteral("class")),
                                           QStringLiteral("unknown class \"%1\"").arg(*cls));
                    if (*start >= *end)
                        return f.failField(lat,
                                           QStringLiteral("empty range %1 (start must be less than end)")
                                               .arg(rangeText(*start, *end)));
                    if (*start < 0 || *end > v.frameCount)
                        return f.failField(lat,
                                           QStringLiteral("range %1 outside the video (%2 frames)")
                                               .arg(rangeText(*start, *end))
                                               .arg(v.frameCount));
                    read.push_back({LabelRange{*start, *end, *cls}, j});
                }
                std::stable_sort(read.begin(), read.end(),
                                 [](const Read& a, const Read& b) { return a.range.start < b.range.start; });
                for (size_t k = 1; k < read.size(); ++k) {
                    const Read& prev = read[k - 1];
                    const Read& cur = read[k];
                    if (cur.range.start < prev.range.end)
                        return f.failField(JsonFields::index(labelsPath, cur.index),
                                           QStringLiteral("range %1 overlaps %2 %3")
                                               .arg(rangeText(cur.range.start, cur.range.end),
                                                    JsonFields::index(labelsPath, prev.index),
                                                    rangeText(prev.range.start, prev.range.end)));
                }
                for (const Read& r : read) v.labels.set(r.range.start, r.range.end, r.range.label);
            }
            if (Status st = readScenesAndKeyframes(f, *o, at, v); !st) return st;
            p.m_videos.push_back(std::move(v));
        }
    }
    return p;
}

} // namespace fl
