#include "project/LabelExchange.h"

#include "project/CsvText.h"
#include "project/FileBytes.h"
#include "project/JsonFields.h"
#include "project/JsonText.h"
#include "project/Project.h"

#include <QFileInfo>
#include <QHash>

#include <algorithm>

namespace fl {

namespace {

const QStringList& csvHeader()
{
    static const QStringList header = {QStringLiteral("video"), QStringLiteral("start_frame"),
                                       QStringLiteral("end_frame"), QStringLiteral("label")};
    return header;
}

constexpr const char* kJsonFormat = "fragmentlab-labels";
constexpr int kJsonVersion = 1;

// One labeled range as read from or written to a file. `where` locates it in messages:
// "file:12" (CSV line) or "file: labels[3]" (JSON entry).
struct Row {
    QString video;
    qint64 start = 0;
    qint64 end = 0;
    QString label;
    QString where;
};

std::vector<Row> projectRows(const Project& project)
{
    std::vector<Row> rows;
    std::vector<int> order(size_t(project.videoCount()));
    for (int i = 0; i < project.videoCount(); ++i) order[size_t(i)] = i;
    std::stable_sort(order.begin(), order.end(),
                     [&](int a, int b) { return project.video(a).fileName() < project.video(b).fileName(); });
    for (int i : order) {
        const ProjectVideo& v = project.video(i);
        for (const LabelRange& r : v.labels.ranges()) rows.push_back({v.fileName(), r.start, r.end, r.label, {}});
    }
    return rows;
}

int findVideo(const Project& project, const QString& name)
{
    const int byName = project.videoIndexByName(name);
    if (byName >= 0) return byName;
    for (int i = 0; i < project.videoCount(); ++i)
        if (project.video(i).relativePath == name) return i;
    return -1;
}

QString rangeText(qint64 start, qint64 end)
{
    return QStringLiteral("[%1, %2)").arg(start).arg(end);
}

// Validates every row against the project, then applies all of them to a copy that
// replaces the project only when everything succeeded.
Result<int> applyRows(Project& project, const std::vector<Row>& rows, const LabelImportOptions& options)
{
    Project copy = project;
    std::vector<int> videoOf(rows.size(), -1);
    for (size_t k = 0; k < rows.size(); ++k) {
        const Row& r = rows[k];
        const int video = findVideo(copy, r.video);
        if (video < 0)
            return Status::failure(
                QStringLiteral("%1: unknown video \"%2\" (not in the project)").arg(r.where, r.video));
        videoOf[k] = video;
        if (r.start >= r.end)
            return Status::failure(QStringLiteral("%1: empty range %2 (start_frame must be less than end_frame)")
                                       .arg(r.where, rangeText(r.start, r.end)));
        const qint64 frames = copy.video(video).frameCount;
        if (r.start < 0 || r.end > frames)
            return Status::failure(QStringLiteral("%1: range %2 outside the video %3 (%4 frames)")
                                       .arg(r.where, rangeText(r.start, r.end), r.video)
                                       .arg(frames));
        if (!copy.hasClass(r.label)) {
            if (!options.createMissingClasses)
                return Status::failure(
                    QStringLiteral("%1: unknown class \"%2\" (not in the project)").arg(r.where, r.label));
            if (auto added = copy.addClass(r.label); !added || !copy.hasClass(r.label))
                return Status::failure(
                    QStringLiteral("%1: cannot add class \"%2\": %3")
                        .arg(r.where, r.label, added ? QStringLiteral("leading or trailing spaces") : added.error()));
        }
    }

    // Rows of one video must not overlap with different classes.
    std::vector<size_t> order(rows.size());
    for (size_t k = 0; k < rows.size(); ++k) order[k] = k;
    std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
        return videoOf[a] != videoOf[b] ? videoOf[a] < videoOf[b] : rows[a].start < rows[b].start;
    });
    struct Reach {
        qint64 end;
        size_t row;
    };
    QHash<QString, Reach> reach; // per class: the row reaching furthest so far (this video)
    for (size_t o = 0; o < order.size(); ++o) {
        const size_t k = order[o];
        if (o > 0 && videoOf[order[o - 1]] != videoOf[k]) reach.clear();
        const Row& r = rows[k];
        for (auto it = reach.cbegin(); it != reach.cend(); ++it) {
            if (it.key() == r.label || it.value().end <= r.start) continue;
            const size_t other = it.value().row;
            const Row& later = rows[std::max(k, other)];
            const Row& earlier = rows[std::min(k, other)];
            return Status::failure(QStringLiteral("%1: range %2 of \"%3\" overlaps %4 %5 of \"%6\" (different classes)")
                                       .arg(later.where, rangeText(later.start, later.end), later.label, earlier.where,
                                            rangeText(earlier.start, earlier.end), earlier.label));
        }
        auto at = reach.find(r.label);
        if (at == reach.end())
            reach.insert(r.label, {r.end, k});
        else if (r.end > at->end)
            *at = {r.end, k};
    }

    for (size_t k = 0; k < rows.size(); ++k) {
        if (auto set = copy.setLabel(videoOf[k], rows[k].start, rows[k].end, rows[k].label); !set)
            return Status::failure(QStringLiteral("%1: %2").arg(rows[k].where, set.error()));
    }
    project = std::move(copy);
    return int(rows.size());
}

Result<qint64> frameField(const QString& text, const QString& column, const QString& where)
{
    bool ok = false;
    const qint64 v = text.toLongLong(&ok);
    if (!ok) return Status::failure(QStringLiteral("%1: %2 \"%3\" is not an integer").arg(where, column, text));
    return v;
}

bool isJsonFile(const QString& file)
{
    return QFileInfo(file).suffix().compare(QLatin1String("json"), Qt::CaseInsensitive) == 0;
}

} // namespace

// ---------------------------------------------------------------------------------------
// CSV

QByteArray labelsCsvText(const Project& project)
{
    QString out = csvHeader().join(QLatin1Char(',')) + QLatin1Char('\n');
    for (const Row& r : projectRows(project)) {
        out += CsvText::field(r.video) + QLatin1Char(',') + QString::number(r.start) + QLatin1Char(',')
            + QString::number(r.end) + QLatin1Char(',') + CsvText::field(r.label) + QLatin1Char('\n');
    }
    return out.toUtf8();
}

Status exportLabelsCsv(const Project& project, const QString& file)
{
    return writeFileAtomically(file, labelsCsvText(project));
}

Result<int> importLabelsCsv(Project& project, const QString& file, const LabelImportOptions& options)
{
    auto bytes = readFileBytes(file);
    if (!bytes) return bytes.status();
    return importLabelsCsvText(project, *bytes, file, options);
}

Result<int> importLabelsCsvText(Project& project, const QByteArray& bytes, const QString& file,
                                const LabelImportOptions& options)
{
    auto records = CsvText::parse(bytes, file);
    if (!records) return records.status();
    if (records->empty())
        return Status::failure(
            QStringLiteral("%1:1: missing header (expected %2)").arg(file, csvHeader().join(QLatin1Char(','))));
    const CsvRecord& header = records->front();
    if (header.fields != csvHeader())
        return Status::failure(QStringLiteral("%1:%2: wrong header \"%3\" (expected %4)")
                                   .arg(file)
                                   .arg(header.line)
                                   .arg(header.fields.join(QLatin1Char(',')), csvHeader().join(QLatin1Char(','))));
    std::vector<Row> rows;
    rows.reserve(records->size() - 1);
    for (size_t i = 1; i < records->size(); ++i) {
        const CsvRecord& rec = (*records)[i];
        const QString where = QStringLiteral("%1:%2").arg(file).arg(rec.line);
        if (rec.fields.size() != csvHeader().size())
            return Status::failure(QStringLiteral("%1: expected %2 columns, found %3")
                                       .arg(where)
                                       .arg(csvHeader().size())
                                       .arg(rec.fields.size()));
        Row r;
        r.where = where;
        r.video = rec.fields.at(0);
        auto start = frameField(rec.fields.at(1), csvHeader().at(1), where);
        if (!start) return start.status();
        auto end = frameField(rec.fields.at(2), csvHeader().at(2), where);
        if (!end) return end.status();
        r.start = *start;
        r.end = *end;
        r.label = rec.fields.at(3);
        rows.push_back(std::move(r));
    }
    return applyRows(project, rows, options);
}

// ---------------------------------------------------------------------------------------
// JSON

Status exportLabelsJson(const Project& project, const QString& file)
{
    using json::quote;
    const std::vector<Row> rows = projectRows(project);
    QString out;
    out += QStringLiteral("{\n  \"format\": %1,\n  \"version\": %2,\n  \"labels\": [")
               .arg(quote(QString::fromLatin1(kJsonFormat)))
               .arg(kJsonVersion);
    for (size_t i = 0; i < rows.size(); ++i) {
        const Row& r = rows[i];
        out += i == 0 ? QStringLiteral("\n") : QStringLiteral(",\n");
        out += QStringLiteral("    {\"video\": %1, \"start_frame\": %2, \"end_frame\": %3, \"label\": %4}")
                   .arg(quote(r.video))
                   .arg(r.start)
                   .arg(r.end)
                   .arg(quote(r.label));
    }
    out += rows.empty() ? QStringLiteral("]\n}\n") : QStringLiteral("\n  ]\n}\n");
    return writeFileAtomically(file, out.toUtf8());
}

Result<int> importLabelsJson(Project& project, const QString& file, const LabelImportOptions& options)
{
    auto bytes = readFileBytes(file);
    if (!bytes) return bytes.status();
    const JsonFields f(file);
    auto root = f.parseObject(*bytes);
    if (!root) return root.status();
    if (!root->contains(QLatin1String("format")))
        return f.fail(QStringLiteral("missing field \"format\": not a FragmentLab labels file"));
    auto format = f.string(*root, {}, QStringLiteral("format"));
    if (!format) return format.status();
    if (*format != QLatin1String(kJsonFormat))
        return f.fail(QStringLiteral("not a FragmentLab labels file (format \"%1\", expected \"%2\")")
                          .arg(*format, QLatin1String(kJsonFormat)));
    auto version = f.integer(*root, {}, QStringLiteral("version"));
    if (!version) return version.status();
    if (*version > kJsonVersion)
        return f.fail(QStringLiteral("written by a newer FragmentLab (labels version %1, this one reads up to %2)")
                          .arg(*version)
                          .arg(kJsonVersion));
    if (*version < 1) return f.failField(QStringLiteral("version"), QStringLiteral("invalid version %1").arg(*version));
    const QString path = QStringLiteral("labels");
    auto labels = f.array(*root, {}, path);
    if (!labels) return labels.status();

    std::vector<Row> rows;
    rows.reserve(size_t(labels->size()));
    for (qsizetype i = 0; i < labels->size(); ++i) {
        const QString at = JsonFields::index(path, i);
        auto o = f.element(*labels, path, i);
        if (!o) return o.status();
        Row r;
        r.where = QStringLiteral("%1: %2").arg(file, at);
        auto video = f.string(*o, at, QStringLiteral("video"));
        if (!video) return video.status();
        auto start = f.integer(*o, at, QStringLiteral("start_frame"));
        if (!start) return start.status();
        auto end = f.integer(*o, at, QStringLiteral("end_frame"));
        if (!end) return end.status();
        auto label = f.string(*o, at, QStringLiteral("label"));
        if (!label) return label.status();
        r.video = *video;
        r.start = *start;
        r.end = *end;
        r.label = *label;
        rows.push_back(std::move(r));
    }
    return applyRows(project, rows, options);
}

// ---------------------------------------------------------------------------------------

Status exportLabels(const Project& project, const QString& file)
{
    return isJsonFile(file) ? exportLabelsJson(project, file) : exportLabelsCsv(project, file);
}

Result<int> importLabels(Project& project, const QString& file, const LabelImportOptions& options)
{
    return isJsonFile(file) ? importLabelsJson(project, file, options) : importLabelsCsv(project, file, options);
}

} // namespace fl
