#include "clips/ClipRanges.h"

#include "project/CsvText.h"

#include <QFileInfo>

#include <set>

namespace fl {

QString clipFileBaseName(const QString& text)
{
    QString out;
    out.reserve(text.size());
    for (const QChar c : text) {
        const bool bad = c.unicode() < 0x20 || c == QChar(0x7f) || QStringLiteral("/\\:*?\"<>|").contains(c);
        out.append(bad ? QLatin1Char('_') : c);
    }
    if (out.size() > 200) out.truncate(out.at(199).isHighSurrogate() ? 199 : 200);
    while (!out.isEmpty() && (out.front() == QLatin1Char('.') || out.front().isSpace())) out.remove(0, 1);
    while (!out.isEmpty() && (out.back() == QLatin1Char('.') || out.back().isSpace())) out.chop(1);
    return out.isEmpty() ? QStringLiteral("clip") : out;
}

std::vector<ClipRange> numberedClips(const std::vector<FrameSegment>& segments, const QString& prefix)
{
    const int digits = std::max(3, int(QString::number(qint64(segments.size())).size()));
    const QString base = clipFileBaseName(prefix);
    std::vector<ClipRange> out;
    out.reserve(segments.size());
    for (size_t i = 0; i < segments.size(); ++i)
        out.push_back({segments[i].start, segments[i].end,
                       QStringLiteral("%1-%2").arg(base).arg(qint64(i + 1), digits, 10, QLatin1Char('0'))});
    return out;
}

std::vector<ClipRange> sceneClips(const std::vector<FrameSegment>& scenes, const QString& videoFileName)
{
    return numberedClips(scenes, QFileInfo(videoFileName).completeBaseName() + QStringLiteral("-Scene"));
}

std::vector<FrameSegment> boutSegments(const VideoPredictions& p, const SmoothingOptions& decisions, int cls)
{
    if (cls < 0 || cls >= p.classCount()) return {};
    const std::vector<int> shown = smoothedClasses(p, decisions);
    return fragmentRuns(
        p.spec, qint64(shown.size()), [&](qint64 j) { return shown[size_t(j)] == cls; }, p.classes.at(cls));
}

std::vector<ClipRange> boutClips(const VideoPredictions& predictions, const SmoothingOptions& decisions, int cls,
                                 const QString& videoFileName)
{
    if (cls < 0 || cls >= predictions.classCount()) return {};
    return numberedClips(boutSegments(predictions, decisions, cls),
                         QFileInfo(videoFileName).completeBaseName() + QLatin1Char('-') + predictions.classes.at(cls));
}

namespace {

std::optional<qint64> frameNumber(const QString& field)
{
    bool ok = false;
    const qint64 v = field.trimmed().toLongLong(&ok);
    if (!ok) return std::nullopt;
    return v;
}

// A field as quoted in a one-line message: at most 40 characters, line breaks and other control
// characters as spaces.
QString shown(const QString& text)
{
    QString out = text.left(40);
    for (QChar& c : out)
        if (c.unicode() < 0x20 || c == QChar(0x7f)) c = QLatin1Char(' ');
    return out;
}

} // namespace

Result<std::vector<ClipRange>> parseClipRangesCsv(const QByteArray& bytes, const QString& file, const QString& prefix)
{
    using R = Result<std::vector<ClipRange>>;
    auto records = CsvText::parse(bytes, file);
    if (!records) return records.status();
    std::vector<ClipRange> out;
    std::vector<bool> named;
    std::set<QString> names;
    bool first = true;
    for (const CsvRecord& r : *records) {
        const bool isFirst = first;
        first = false;
        const QString where = QStringLiteral("%1:%2").arg(file).arg(r.line);
        if (r.fields.isEmpty()) continue;
        const auto a = frameNumber(r.fields.at(0));
        if (isFirst && !a) continue; // a header line
        if (r.fields.size() < 2)
            return R::failure(
                QStringLiteral("%1: expected first,last[,name] (frame numbers, last exclusive), got \"%2\"")
                    .arg(where, shown(r.fields.join(QLatin1Char(',')))));
        if (r.fields.size() > 3)
            return R::failure(
                QStringLiteral("%1: %2 fields; expected first,last[,name]").arg(where).arg(r.fields.size()));
        const auto b = frameNumber(r.fields.at(1));
        if (!a || !b)
            return R::failure(QStringLiteral("%1: \"%2\" is not a frame number")
                                  .arg(where, shown(!a ? r.fields.at(0) : r.fields.at(1))));
        if (*a < 0 || *b < 0) return R::failure(QStringLiteral("%1: frame numbers start at 0").arg(where));
        if (*b <= *a)
            return R::failure(
                QStringLiteral("%1: last (%2) must be after first (%3); last is exclusive").arg(where).arg(*b).arg(*a));
        ClipRange range{*a, *b, {}};
        const QString name = r.fields.size() == 3 ? r.fields.at(2).trimmed() : QString();
        if (!name.isEmpty()) {
            range.name = clipFileBaseName(name);
            if (!names.insert(range.name).second)
                return R::failure(QStringLiteral("%1: the name \"%2\" is used twice").arg(where, shown(range.name)));
        }
        named.push_back(!name.isEmpty());
        out.push_back(range);
    }
    if (out.empty()) return R::failure(QStringLiteral("%1: no ranges (expected lines first,last[,name])").arg(file));
    // Unnamed rows: <prefix>-NNN by row number, skipping names a row already took.
    const int digits = std::max(3, int(QString::number(qint64(out.size())).size()));
    const QString base = clipFileBaseName(prefix.isEmpty() ? QStringLiteral("Clip") : prefix);
    for (size_t i = 0; i < out.size(); ++i) {
        if (named[i]) continue;
        QString name = QStringLiteral("%1-%2").arg(base).arg(qint64(i + 1), digits, 10, QLatin1Char('0'));
        while (names.count(name)) name += QLatin1Char('_');
        names.insert(name);
        out[i].name = name;
    }
    return out;
}

Status validateClipRanges(const std::vector<ClipRange>& ranges, qint64 frameCount, const QString& video)
{
    if (ranges.empty()) return Status::failure(QStringLiteral("%1: no clips to export").arg(video));
    std::set<QString> names;
    for (size_t i = 0; i < ranges.size(); ++i) {
        const ClipRange& r = ranges[i];
        const QString what = r.name.isEmpty() ? QStringLiteral("clip %1").arg(i + 1) : r.name;
        if (r.first < 0 || r.last <= r.first || r.last > frameCount)
            return Status::failure(
                QStringLiteral("%1: %2: frames [%3, %4) are not a range within the video's %5 frames (0 to %6, last "
                               "exclusive)")
                    .arg(video, what)
                    .arg(r.first)
                    .arg(r.last)
                    .arg(frameCount)
                    .arg(frameCount));
        if (!r.name.isEmpty() && !names.insert(r.name).second)
            return Status::failure(QStringLiteral("%1: the clip name \"%2\" is used twice").arg(video, r.name));
    }
    return Status::success();
}

} // namespace fl
