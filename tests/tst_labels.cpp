// LabelTrack (set / clear / merge, fragment labels) and label import/export (CSV, JSON).
#include "project/LabelExchange.h"
#include "project/LabelTrack.h"
#include "project/Project.h"

#include <QDir>
#include <QFile>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include <vector>

using namespace fl;

namespace {

// "s 0 10 a; c 3 4; s 5 6 b" -> operations on a track.
void apply(LabelTrack& track, const QString& ops)
{
    for (const QString& op : ops.split(QLatin1Char(';'), Qt::SkipEmptyParts)) {
        const QStringList p = op.simplified().split(QLatin1Char(' '));
        QVERIFY2(p.size() >= 3, qPrintable(op));
        if (p[0] == QLatin1String("s"))
            track.set(p[1].toLongLong(), p[2].toLongLong(), p[3]);
        else
            track.clear(p[1].toLongLong(), p[2].toLongLong());
    }
}

// "0 3 a|4 5 b" -> ranges.
std::vector<LabelRange> parseRanges(const QString& text)
{
    std::vector<LabelRange> out;
    for (const QString& r : text.split(QLatin1Char('|'), Qt::SkipEmptyParts)) {
        const QStringList p = r.simplified().split(QLatin1Char(' '));
        out.push_back({p[0].toLongLong(), p[1].toLongLong(), p[2]});
    }
    return out;
}

QString describe(const std::vector<LabelRange>& ranges)
{
    QStringList parts;
    for (const LabelRange& r : ranges) parts << QStringLiteral("%1 %2 %3").arg(r.start).arg(r.end).arg(r.label);
    return parts.join(QLatin1Char('|'));
}

bool invariantsHold(const LabelTrack& track)
{
    const auto& r = track.ranges();
    for (size_t i = 0; i < r.size(); ++i) {
        if (r[i].start >= r[i].end) return false;
        if (i > 0 && r[i - 1].end > r[i].start) return false;                                  // overlap / order
        if (i > 0 && r[i - 1].end == r[i].start && r[i - 1].label == r[i].label) return false; // unmerged
    }
    return true;
}

void writeBytes(const QString& path, int size, quint32 seed)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    QVERIFY2(f.open(QIODevice::WriteOnly), qPrintable(path));
    QRandomGenerator rng(seed);
    QByteArray bytes(size, Qt::Uninitialized);
    for (char& c : bytes) c = char(rng.bounded(256));
    f.write(bytes);
}

QString writeText(const QString& path, const QByteArray& text)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly)) return {};
    f.write(text);
    return path;
}

const QString kOddName = QStringLiteral("b, \"q\".mp4"); // a comma and quotes: CSV must quote it

// A project with classes motion, static and videos a.mp4 (100 frames), `kOddName` (50),
// clip.mp4 (60), all under media/.
Project makeProject(const QString& dir)
{
    auto created = Project::create(dir, FragmentSpec{}, {QStringLiteral("motion"), QStringLiteral("static")});
    if (!created) qFatal("%s", qPrintable(created.error()));
    Project p = *created;
    const struct {
        QString name;
        qint64 frames;
        quint32 seed;
    } videos[] = {{QStringLiteral("a.mp4"), 100, 1}, {kOddName, 50, 2}, {QStringLiteral("clip.mp4"), 60, 3}};
    for (const auto& v : videos) {
        const QString path = QDir(dir).filePath(QStringLiteral("media/") + v.name);
        writeBytes(path, 4096 + int(v.seed), v.seed);
        auto added = p.addVideo(path, v.frames, 25.0);
        if (!added) qFatal("%s", qPrintable(added.error()));
    }
    return p;
}

std::vector<LabelTrack> allLabels(const Project& p)
{
    std::vector<LabelTrack> out;
    for (int i = 0; i < p.videoCount(); ++i) out.push_back(p.labels(i));
    return out;
}

void labelSome(Project& p)
{
    QVERIFY(p.setLabel(0, 0, 40, QStringLiteral("motion")));
    QVERIFY(p.setLabel(0, 40, 52, QStringLiteral("static")));
    QVERIFY(p.setLabel(0, 80, 100, QStringLiteral("motion")));
    QVERIFY(p.setLabel(1, 10, 20, QStringLiteral("static")));
    QVERIFY(p.setLabel(2, 0, 1, QStringLiteral("motion")));
}

QByteArray header()
{
    return QByteArrayLiteral("video,start_frame,end_frame,label\n");
}

} // namespace

class TestLabels : public QObject {
    Q_OBJECT
private slots:
    // ------------------------------------------------------------------ LabelTrack
    void trackOps_data()
    {
        QTest::addColumn<QString>("ops");
        QTest::addColumn<QString>("expected");
        QTest::newRow("single") << "s 0 10 a"
                                << "0 10 a";
        QTest::newRow("empty range ignored") << "s 5 5 a; s 7 3 a"
                                             << "";
        QTest::newRow("overwrite middle") << "s 0 10 a; s 3 6 b"
                                          << "0 3 a|3 6 b|6 10 a";
        QTest::newRow("overwrite exactly") << "s 0 10 a; s 0 10 b"
                                           << "0 10 b";
        QTest::newRow("overwrite several") << "s 0 5 a; s 10 15 b; s 20 25 a; s 3 22 c"
                                           << "0 3 a|3 22 c|22 25 a";
        QTest::newRow("merge adjacent same") << "s 0 5 a; s 5 10 a"
                                             << "0 10 a";
        QTest::newRow("merge adjacent before") << "s 5 10 a; s 0 5 a"
                                               << "0 10 a";
        QTest::newRow("merge overlapping same") << "s 0 6 a; s 4 10 a"
                                                << "0 10 a";
        QTest::newRow("adjacent different kept") << "s 0 5 a; s 5 10 b"
                                                 << "0 5 a|5 10 b";
        QTest::newRow("bridge a gap") << "s 0 5 a; s 8 12 a; s 5 8 a"
                                      << "0 12 a";
        QTest::newRow("fill gap other class") << "s 0 5 a; s 8 12 a; s 5 8 b"
                                              << "0 5 a|5 8 b|8 12 a";
        QTest::newRow("same class inside") << "s 0 10 a; s 3 6 a"
                                           << "0 10 a";
        QTest::newRow("gap stays a gap") << "s 0 5 a; s 6 10 a"
                                         << "0 5 a|6 10 a";
        QTest::newRow("clear middle splits") << "s 0 10 a; c 3 6"
                                             << "0 3 a|6 10 a";
        QTest::newRow("clear all") << "s 0 10 a; c 0 10"
                                   << "";
        QTest::newRow("clear wider") << "s 2 8 a; c 0 10"
                                     << "";
        QTest::newRow("clear across ranges") << "s 0 5 a; s 5 10 b; s 12 20 a; c 3 14"
                                             << "0 3 a|14 20 a";
        QTest::newRow("clear outside") << "s 0 5 a; c 10 20"
                                       << "0 5 a";
        QTest::newRow("clear touching end") << "s 0 5 a; c 5 9"
                                            << "0 5 a";
        QTest::newRow("clear then refill merges") << "s 0 10 a; c 3 6; s 3 6 a"
                                                  << "0 10 a";
        QTest::newRow("out of order sets") << "s 20 30 b; s 0 10 a; s 10 20 b"
                                           << "0 10 a|10 30 b";
        QTest::newRow("overwrite a seam") << "s 0 10 a; s 10 20 b; s 5 15 a"
                                          << "0 15 a|15 20 b";
        QTest::newRow("overwrite then same-class neighbours") << "s 0 5 a; s 5 10 b; s 10 15 a; s 5 10 a"
                                                              << "0 15 a";
    }
    void trackOps()
    {
        QFETCH(QString, ops);
        QFETCH(QString, expected);
        LabelTrack track;
        apply(track, ops);
        QCOMPARE(describe(track.ranges()), expected);
        QVERIFY(invariantsHold(track));
        QCOMPARE(track.ranges(), parseRanges(expected));
    }

    // Random edits against a frame-by-frame model.
    void trackMatchesFrameModel()
    {
        QRandomGenerator rng(42);
        const QString classes[] = {QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")};
        for (int round = 0; round < 50; ++round) {
            LabelTrack track;
            std::vector<QString> model(60);
            for (int op = 0; op < 40; ++op) {
                const qint64 s = rng.bounded(60), e = s + rng.bounded(1, 15);
                const qint64 end = std::min<qint64>(e, 60);
                if (rng.bounded(4) == 0) {
                    track.clear(s, end);
                    for (qint64 f = s; f < end; ++f) model[size_t(f)].clear();
                } else {
                    const QString& c = classes[rng.bounded(3)];
                    track.set(s, end, c);
                    for (qint64 f = s; f < end; ++f) model[size_t(f)] = c;
                }
                QVERIFY(invariantsHold(track));
            }
            qint64 labeled = 0;
            for (qint64 f = 0; f < 60; ++f) {
                const auto got = track.classAt(f);
                QCOMPARE(got.value_or(QString()), model[size_t(f)]);
                labeled += model[size_t(f)].isEmpty() ? 0 : 1;
            }
            QCOMPARE(track.labeledFrames(), labeled);
            QVERIFY(!track.classAt(-1));
            QVERIFY(!track.classAt(60));
        }
    }

    void labelForFrames_data()
    {
        QTest::addColumn<QString>("ops");
        QTest::addColumn<QList<qint64>>("frames");
        QTest::addColumn<QString>("expected"); // "" = no label
        using L = QList<qint64>;
        QTest::newRow("inside one range") << "s 0 10 a" << L{0, 1, 2, 3} << "a";
        QTest::newRow("last frame at end-1") << "s 0 4 a" << L{0, 1, 2, 3} << "a";
        QTest::newRow("one past the end") << "s 0 4 a" << L{1, 2, 3, 4} << "";
        QTest::newRow("partly unlabeled") << "s 0 3 a" << L{0, 1, 2, 3} << "";
        QTest::newRow("two classes") << "s 0 4 a; s 4 8 b" << L{2, 3, 4, 5} << "";
        QTest::newRow("same class, gap inside fragment") << "s 0 4 a; s 5 9 a" << L{2, 3, 4, 5} << "";
        // Step 2: the fragment's frames skip frame 3, but the ranges are two (gap at 3): no label.
        QTest::newRow("same class, gap between steps") << "s 0 3 a; s 4 8 a" << L{0, 2, 4, 6} << "";
        // Contiguous same-class ranges are merged, so a fragment across the seam is labeled.
        QTest::newRow("across a merged seam") << "s 0 4 a; s 4 8 a" << L{2, 3, 4, 5} << "a";
        QTest::newRow("across a merged seam, step 2") << "s 0 3 a; s 3 8 a" << L{0, 2, 4, 6} << "a";
        QTest::newRow("unsorted frames") << "s 0 10 a" << L{5, 3, 4, 6} << "a";
        QTest::newRow("no frames") << "s 0 10 a" << L{} << "";
        QTest::newRow("before any range") << "s 10 20 a" << L{0, 1, 2, 3} << "";
        QTest::newRow("after a cleared hole") << "s 0 10 a; c 4 5" << L{2, 3, 4, 5} << "";
    }
    void labelForFrames()
    {
        QFETCH(QString, ops);
        QFETCH(QList<qint64>, frames);
        QFETCH(QString, expected);
        LabelTrack track;
        apply(track, ops);
        const auto got = track.labelForFrames(std::vector<qint64>(frames.begin(), frames.end()));
        QCOMPARE(got.value_or(QString()), expected);
        QCOMPARE(got.has_value(), !expected.isEmpty());
    }

    void renameAndRemoveClass()
    {
        LabelTrack track;
        apply(track, "s 0 5 a; s 5 10 b; s 12 14 b; s 20 30 c");
        QCOMPARE(track.renameClass(QStringLiteral("b"), QStringLiteral("a")), 2);
        QCOMPARE(describe(track.ranges()), QStringLiteral("0 10 a|12 14 a|20 30 c")); // merged at the seam
        QCOMPARE(track.renameClass(QStringLiteral("nope"), QStringLiteral("x")), 0);
        QCOMPARE(track.labeledFrames(), qint64(22));
        QCOMPARE(track.labeledFrames(QStringLiteral("a")), qint64(12));
        QCOMPARE(track.removeClass(QStringLiteral("a")), 2);
        QCOMPARE(describe(track.ranges()), QStringLiteral("20 30 c"));
        QCOMPARE(track.removeClass(QStringLiteral("a")), 0);
    }

    void rangesIn()
    {
        LabelTrack track;
        apply(track, "s 0 5 a; s 5 10 b; s 12 14 a");
        QCOMPARE(describe(track.rangesIn(4, 13)), QStringLiteral("0 5 a|5 10 b|12 14 a"));
        QCOMPARE(describe(track.rangesIn(5, 12)), QStringLiteral("5 10 b"));
        QCOMPARE(describe(track.rangesIn(10, 12)), QString());
    }

    // ------------------------------------------------------------------ export
    void csvExportText()
    {
        QTemporaryDir tmp;
        Project p = makeProject(tmp.filePath(QStringLiteral("p")));
        labelSome(p);
        QVERIFY(p.addClass(QStringLiteral("with, comma")));
        QVERIFY(p.setLabel(2, 10, 20, QStringLiteral("with, comma")));
        const QString file = tmp.filePath(QStringLiteral("out.csv"));
        const Status s = exportLabelsCsv(p, file);
        QVERIFY2(s.ok(), qPrintable(s.error()));
        QFile f(file);
        QVERIFY(f.open(QIODevice::ReadOnly));
        // Sorted by video file name ("a.mp4" < "b, ..." < "clip.mp4") then start.
        QCOMPARE(QString::fromUtf8(f.readAll()),
                 QStringLiteral("video,start_frame,end_frame,label\n"
                                "a.mp4,0,40,motion\n"
                                "a.mp4,40,52,static\n"
                                "a.mp4,80,100,motion\n"
                                "\"b, \"\"q\"\".mp4\",10,20,static\n"
                                "clip.mp4,0,1,motion\n"
                                "clip.mp4,10,20,\"with, comma\"\n"));
        QVERIFY(!QFileInfo::exists(file + QStringLiteral(".tmp")));
    }

    void jsonExportText()
    {
        QTemporaryDir tmp;
        Project p = makeProject(tmp.filePath(QStringLiteral("p")));
        QVERIFY(p.setLabel(1, 10, 20, QStringLiteral("static")));
        QVERIFY(p.setLabel(0, 0, 40, QStringLiteral("motion")));
        const QString file = tmp.filePath(QStringLiteral("out.json"));
        QVERIFY(exportLabelsJson(p, file));
        QFile f(file);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(
            QString::fromUtf8(f.readAll()),
            QStringLiteral(
                "{\n  \"format\": \"fragmentlab-labels\",\n  \"version\": 1,\n  \"labels\": [\n"
                "    {\"video\": \"a.mp4\", \"start_frame\": 0, \"end_frame\": 40, \"label\": \"motion\"},\n"
                "    {\"video\": \"b, \\\"q\\\".mp4\", \"start_frame\": 10, \"end_frame\": 20, \"label\": \"static\"}\n"
                "  ]\n}\n"));
    }

    void exportFailsOnUnwritableTarget()
    {
        QTemporaryDir tmp;
        Project p = makeProject(tmp.filePath(QStringLiteral("p")));
        const QString file = tmp.filePath(QStringLiteral("folder.csv"));
        QVERIFY(QDir().mkpath(file)); // a folder where the file should go
        const Status s = exportLabelsCsv(p, file);
        QVERIFY(!s.ok());
        QVERIFY2(s.error().contains(file), qPrintable(s.error()));
    }

    // ------------------------------------------------------------------ round trips
    void roundTrip_data()
    {
        QTest::addColumn<QString>("fileName");
        QTest::newRow("csv") << "labels.csv";
        QTest::newRow("json") << "labels.json";
    }
    void roundTrip()
    {
        QFETCH(QString, fileName);
        QTemporaryDir tmp;
        Project source = makeProject(tmp.filePath(QStringLiteral("src")));
        labelSome(source);
        QVERIFY(source.addClass(QStringLiteral("odd \"class\", with comma")));
        QVERIFY(source.setLabel(2, 30, 60, QStringLiteral("odd \"class\", with comma")));
        const QString file = tmp.filePath(fileName);
        const Status exported = exportLabels(source, file);
        QVERIFY2(exported.ok(), qPrintable(exported.error()));

        Project target = makeProject(tmp.filePath(QStringLiteral("dst")));
        QVERIFY(target.addClass(QStringLiteral("odd \"class\", with comma")));
        auto imported = importLabels(target, file);
        QVERIFY2(imported.ok(), qPrintable(imported.error()));
        QCOMPARE(*imported, 6);
        QCOMPARE(allLabels(target), allLabels(source));

        // Again: same labels, nothing doubled.
        auto again = importLabels(target, file);
        QVERIFY2(again.ok(), qPrintable(again.error()));
        QCOMPARE(allLabels(target), allLabels(source));

        // And through save/load.
        QVERIFY(target.save());
        auto loaded = Project::load(target.dir());
        QVERIFY2(loaded.ok(), qPrintable(loaded.error()));
        QCOMPARE(allLabels(*loaded), allLabels(source));
    }

    void roundTripCreatesMissingClasses()
    {
        QTemporaryDir tmp;
        Project source = makeProject(tmp.filePath(QStringLiteral("src")));
        QVERIFY(source.addClass(QStringLiteral("jump")));
        QVERIFY(source.setLabel(0, 5, 9, QStringLiteral("jump")));
        const QString file = tmp.filePath(QStringLiteral("l.csv"));
        QVERIFY(exportLabelsCsv(source, file));

        Project target = makeProject(tmp.filePath(QStringLiteral("dst")));
        const Project before = target;
        auto refused = importLabelsCsv(target, file);
        QVERIFY(!refused.ok());
        QVERIFY2(refused.error().contains(QStringLiteral("unknown class \"jump\"")), qPrintable(refused.error()));
        QVERIFY(target == before);

        LabelImportOptions options;
        options.createMissingClasses = true;
        auto imported = importLabelsCsv(target, file, options);
        QVERIFY2(imported.ok(), qPrintable(imported.error()));
        QCOMPARE(*imported, 1);
        QCOMPARE(target.classIndex(QStringLiteral("jump")), 2);
        QCOMPARE(target.classes().at(2).shortcut, QStringLiteral("3"));
        QVERIFY(target.classes().at(2).color != target.classes().at(0).color);
        QCOMPARE(allLabels(target), allLabels(source));
    }

    // ------------------------------------------------------------------ CSV input that is accepted
    void csvAccepted_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("expectedA"); // labels of a.mp4 afterwards
        QTest::addColumn<int>("count");
        QTest::newRow("plain") << header() + "a.mp4,0,10,motion\n"
                               << "0 10 motion" << 1;
        QTest::newRow("no final newline") << header() + "a.mp4,0,10,motion"
                                          << "0 10 motion" << 1;
        QTest::newRow("header only") << header() << "" << 0;
        QTest::newRow("CRLF and BOM") << QByteArray("\xEF\xBB\xBF")
                + "video,start_frame,end_frame,label\r\na.mp4,0,10,motion\r\na.mp4,20,30,static\r\n"
                                      << "0 10 motion|20 30 static" << 2;
        QTest::newRow("blank lines") << header() + "\n\na.mp4,0,10,motion\n\n"
                                     << "0 10 motion" << 1;
        QTest::newRow("spaces around fields") << header() + "a.mp4 , 0 , 10 , motion\n"
                                              << "0 10 motion" << 1;
        QTest::newRow("quoted plain fields") << header() + "\"a.mp4\",\"0\",\"10\",\"motion\"\n"
                                             << "0 10 motion" << 1;
        QTest::newRow("same-class overlap merges") << header() + "a.mp4,0,10,motion\na.mp4,5,20,motion\n"
                                                   << "0 20 motion" << 2;
        QTest::newRow("adjacent different classes") << header() + "a.mp4,0,10,motion\na.mp4,10,20,static\n"
                                                    << "0 10 motion|10 20 static" << 2;
        QTest::newRow("rows in any order") << header() + "a.mp4,50,60,static\na.mp4,0,10,motion\n"
                                           << "0 10 motion|50 60 static" << 2;
        QTest::newRow("quoted name with comma and quotes")
            << header() + "\"b, \"\"q\"\".mp4\",0,10,motion\na.mp4,0,5,static\n"
            << "0 5 static" << 2;
        QTest::newRow("whole video") << header() + "a.mp4,0,100,motion\n"
                                     << "0 100 motion" << 1;
        QTest::newRow("relative path as video") << header() + "media/a.mp4,3,4,motion\n"
                                                << "3 4 motion" << 1;
    }
    void csvAccepted()
    {
        QFETCH(QByteArray, content);
        QFETCH(QString, expectedA);
        QFETCH(int, count);
        QTemporaryDir tmp;
        Project p = makeProject(tmp.filePath(QStringLiteral("p")));
        const QString file = writeText(tmp.filePath(QStringLiteral("in.csv")), content);
        auto imported = importLabelsCsv(p, file);
        QVERIFY2(imported.ok(), qPrintable(imported.error()));
        QCOMPARE(*imported, count);
        QCOMPARE(describe(p.labels(0).ranges()), expectedA);
        if (QTest::currentDataTag() == QByteArray("quoted name with comma and quotes"))
            QCOMPARE(describe(p.labels(p.videoIndexByName(kOddName)).ranges()), QStringLiteral("0 10 motion"));
    }

    void importOverwritesCoveredLabels()
    {
        QTemporaryDir tmp;
        Project p = makeProject(tmp.filePath(QStringLiteral("p")));
        QVERIFY(p.setLabel(0, 0, 50, QStringLiteral("motion")));
        const QString file = writeText(tmp.filePath(QStringLiteral("in.csv")), header() + "a.mp4,10,20,static\n");
        auto imported = importLabelsCsv(p, file);
        QVERIFY2(imported.ok(), qPrintable(imported.error()));
        QCOMPARE(describe(p.labels(0).ranges()), QStringLiteral("0 10 motion|10 20 static|20 50 motion"));
    }

    // ------------------------------------------------------------------ CSV errors
    void csvErrors_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<int>("line");
        QTest::addColumn<QString>("phrase");
        const QByteArray ok = "a.mp4,0,10,motion\n";
        QTest::newRow("empty file") << QByteArray() << 1 << "missing header";
        QTest::newRow("blank file") << QByteArray("\n\n") << 1 << "missing header";
        QTest::newRow("wrong header") << QByteArray("video,start,end,label\n") + ok << 1 << "wrong header";
        QTest::newRow("header order") << QByteArray("video,end_frame,start_frame,label\n") + ok << 1 << "wrong header";
        QTest::newRow("no header") << ok + ok << 1 << "wrong header";
        QTest::newRow("header extra column")
            << QByteArray("video,start_frame,end_frame,label,x\n") << 1 << "wrong header";
        QTest::newRow("too few columns") << header() + ok + "a.mp4,20,30\n" << 3 << "expected 4 columns, found 3";
        QTest::newRow("too many columns") << header() + "a.mp4,20,30,motion,x\n" << 2 << "expected 4 columns, found 5";
        QTest::newRow("start not integer") << header() + ok + "a.mp4,x,30,motion\n"
                                           << 3 << "start_frame \"x\" is not an integer";
        QTest::newRow("end fractional") << header() + "a.mp4,20,30.5,motion\n"
                                        << 2 << "end_frame \"30.5\" is not an integer";
        QTest::newRow("end empty") << header() + "a.mp4,20,,motion\n" << 2 << "end_frame \"\" is not an integer";
        QTest::newRow("start equals end") << header() + ok + ok + "a.mp4,30,30,motion\n" << 4 << "empty range [30, 30)";
        QTest::newRow("start after end") << header() + "a.mp4,30,20,motion\n" << 2 << "empty range [30, 20)";
        QTest::newRow("negative start") << header() + "a.mp4,-1,20,motion\n" << 2 << "outside the video";
        QTest::newRow("end past video") << header() + "a.mp4,90,101,motion\n" << 2 << "outside the video";
        QTest::newRow("unknown video") << header() + ok + "nope.mp4,0,10,motion\n" << 3 << "unknown video \"nope.mp4\"";
        QTest::newRow("unknown class") << header() + "a.mp4,0,10,jump\n" << 2 << "unknown class \"jump\"";
        QTest::newRow("overlap different classes") << header() + ok + "clip.mp4,0,5,static\n" + "a.mp4,5,15,static\n"
                                                   << 4 << "overlaps";
        QTest::newRow("overlap reported at later line") << header() + "a.mp4,50,60,static\n" + "a.mp4,0,55,motion\n"
                                                        << 3 << "overlaps";
        QTest::newRow("unterminated quote") << header() + ok + "\"a.mp4,0,10,motion\n"
                                            << 3 << "unterminated quoted field";
        QTest::newRow("quote inside field") << header() + "a\"b.mp4,0,10,motion\n"
                                            << 2 << "quote inside an unquoted field";
        QTest::newRow("text after quote") << header() + "\"a.mp4\"x,0,10,motion\n"
                                          << 2 << "unexpected text after a quoted field";
        QTest::newRow("line numbers count blank lines") << header() + "\n" + ok + "\n" + "a.mp4,0,10\n"
                                                        << 5 << "expected 4 columns";
        QTest::newRow("CRLF line numbers")
            << QByteArray("video,start_frame,end_frame,label\r\na.mp4,0,10,motion\r\na.mp4,0,x,motion\r\n") << 3
            << "is not an integer";
        QTest::newRow("multi-line quoted field") << header() + "\"a\nb.mp4\",0,10,motion\n" + "a.mp4,0,y,motion\n"
                                                 << 4 << "is not an integer";
        QTest::newRow("error after many good rows") << header() + ok + "a.mp4,20,30,static\n" + "clip.mp4,0,60,motion\n"
                + "a.mp4,0,10,jump\n" << 5 << "unknown class";
    }
    void csvErrors()
    {
        QFETCH(QByteArray, content);
        QFETCH(int, line);
        QFETCH(QString, phrase);
        QTemporaryDir tmp;
        Project p = makeProject(tmp.filePath(QStringLiteral("p")));
        QVERIFY(p.setLabel(0, 60, 70, QStringLiteral("static")));
        const Project before = p;
        const QString file = writeText(tmp.filePath(QStringLiteral("bad.csv")), content);
        auto imported = importLabelsCsv(p, file);
        QVERIFY(!imported.ok());
        const QString msg = imported.error();
        QVERIFY2(msg.contains(file + QStringLiteral(":%1:").arg(line)), qPrintable(msg));
        QVERIFY2(msg.contains(phrase), qPrintable(msg));
        QVERIFY2(!msg.contains(QLatin1Char('\n')), qPrintable(msg));
        QVERIFY(p == before); // all or nothing
    }

    void overlapMessageNamesBothLines()
    {
        QTemporaryDir tmp;
        Project p = makeProject(tmp.filePath(QStringLiteral("p")));
        const QString file = writeText(tmp.filePath(QStringLiteral("bad.csv")),
                                       header() + "a.mp4,0,100,motion\nclip.mp4,0,5,static\na.mp4,40,45,static\n");
        auto imported = importLabelsCsv(p, file);
        QVERIFY(!imported.ok());
        QVERIFY2(imported.error().startsWith(file + QStringLiteral(":4:")), qPrintable(imported.error()));
        QVERIFY2(imported.error().contains(file + QStringLiteral(":2")), qPrintable(imported.error()));
    }

    void allOrNothingWithCreatedClasses()
    {
        QTemporaryDir tmp;
        Project p = makeProject(tmp.filePath(QStringLiteral("p")));
        const Project before = p;
        const QString file = writeText(tmp.filePath(QStringLiteral("bad.csv")),
                                       header() + "a.mp4,0,10,jump\na.mp4,10,20,motion\na.mp4,20,200,motion\n");
        LabelImportOptions options;
        options.createMissingClasses = true;
        auto imported = importLabelsCsv(p, file, options);
        QVERIFY(!imported.ok());
        QVERIFY2(imported.error().contains(file + QStringLiteral(":4:")), qPrintable(imported.error()));
        QVERIFY(p == before);
        QCOMPARE(p.classIndex(QStringLiteral("jump")), -1);
    }

    void missingFile()
    {
        QTemporaryDir tmp;
        Project p = makeProject(tmp.filePath(QStringLiteral("p")));
        const QString file = tmp.filePath(QStringLiteral("nothing.csv"));
        auto csv = importLabelsCsv(p, file);
        QVERIFY(!csv.ok());
        QVERIFY2(csv.error().contains(file) && csv.error().contains(QStringLiteral("not found")),
                 qPrintable(csv.error()));
        auto json = importLabelsJson(p, tmp.filePath(QStringLiteral("nothing.json")));
        QVERIFY(!json.ok());
        QVERIFY2(json.error().contains(QStringLiteral("nothing.json: not found")), qPrintable(json.error()));
    }

    // ------------------------------------------------------------------ JSON errors
    void jsonErrors_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("where"); // the entry (or line) the message must name
        QTest::addColumn<QString>("phrase");
        auto doc = [](const QByteArray& labels) {
            return QByteArray("{\"format\":\"fragmentlab-labels\",\"version\":1,\"labels\":[") + labels + "]}";
        };
        const QByteArray ok = "{\"video\":\"a.mp4\",\"start_frame\":0,\"end_frame\":10,\"label\":\"motion\"}";
        QTest::newRow("malformed") << QByteArray(
            "{\n\"format\": \"fragmentlab-labels\",\n\"version\": 1\n\"labels\": []}")
                                   << "line 4"
                                   << "malformed JSON";
        QTest::newRow("empty") << QByteArray() << "line 1"
                               << "malformed JSON";
        QTest::newRow("not an object") << QByteArray("[1,2]") << ""
                                       << "not a JSON object";
        QTest::newRow("no format") << QByteArray("{\"version\":1,\"labels\":[]}") << ""
                                   << "missing field \"format\"";
        QTest::newRow("wrong format") << QByteArray("{\"format\":\"fragmentlab-project\",\"version\":1,\"labels\":[]}")
                                      << ""
                                      << "not a FragmentLab labels file";
        QTest::newRow("newer version") << QByteArray("{\"format\":\"fragmentlab-labels\",\"version\":2,\"labels\":[]}")
                                       << ""
                                       << "written by a newer FragmentLab (labels version 2, this one reads up to 1)";
        QTest::newRow("version 0") << QByteArray("{\"format\":\"fragmentlab-labels\",\"version\":0,\"labels\":[]}")
                                   << "version"
                                   << "invalid version 0";
        QTest::newRow("no labels") << QByteArray("{\"format\":\"fragmentlab-labels\",\"version\":1}") << ""
                                   << "missing field \"labels\"";
        QTest::newRow("labels not array")
            << QByteArray("{\"format\":\"fragmentlab-labels\",\"version\":1,\"labels\":{}}") << "labels"
            << "must be an array (found an object)";
        QTest::newRow("entry not object") << doc(ok + ",3") << "labels[1]"
                                          << "must be an object (found a number)";
        QTest::newRow("missing video") << doc(ok + ",{\"start_frame\":0,\"end_frame\":10,\"label\":\"motion\"}")
                                       << "labels[1].video"
                                       << "missing field";
        QTest::newRow("start as string") << doc(
            ok + "," + ok + ",{\"video\":\"a.mp4\",\"start_frame\":\"0\",\"end_frame\":10,\"label\":\"motion\"}")
                                         << "labels[2].start_frame"
                                         << "must be an integer (found a string)";
        QTest::newRow("end fractional") << doc(
            "{\"video\":\"a.mp4\",\"start_frame\":0,\"end_frame\":10.5,\"label\":\"motion\"}")
                                        << "labels[0].end_frame"
                                        << "must be an integer";
        QTest::newRow("label not string")
            << doc("{\"video\":\"a.mp4\",\"start_frame\":0,\"end_frame\":10,\"label\":1}") << "labels[0].label"
            << "must be a string";
        QTest::newRow("unknown video") << doc(
            ok + ",{\"video\":\"x.mp4\",\"start_frame\":0,\"end_frame\":10,\"label\":\"motion\"}")
                                       << "labels[1]"
                                       << "unknown video \"x.mp4\"";
        QTest::newRow("unknown class") << doc(
            "{\"video\":\"a.mp4\",\"start_frame\":0,\"end_frame\":10,\"label\":\"jump\"}")
                                       << "labels[0]"
                                       << "unknown class \"jump\"";
        QTest::newRow("start equals end")
            << doc("{\"video\":\"a.mp4\",\"start_frame\":10,\"end_frame\":10,\"label\":\"motion\"}") << "labels[0]"
            << "empty range";
        QTest::newRow("outside") << doc(
            "{\"video\":\"clip.mp4\",\"start_frame\":50,\"end_frame\":61,\"label\":\"motion\"}")
                                 << "labels[0]"
                                 << "outside the video";
        QTest::newRow("overlap different classes")
            << doc(ok + ",{\"video\":\"a.mp4\",\"start_frame\":9,\"end_frame\":12,\"label\":\"static\"}") << "labels[1]"
            << "overlaps";
    }
    void jsonErrors()
    {
        QFETCH(QByteArray, content);
        QFETCH(QString, where);
        QFETCH(QString, phrase);
        QTemporaryDir tmp;
        Project p = makeProject(tmp.filePath(QStringLiteral("p")));
        QVERIFY(p.setLabel(0, 60, 70, QStringLiteral("static")));
        const Project before = p;
        const QString file = writeText(tmp.filePath(QStringLiteral("bad.json")), content);
        auto imported = importLabelsJson(p, file);
        QVERIFY(!imported.ok());
        const QString msg = imported.error();
        QVERIFY2(msg.startsWith(file + QLatin1Char(':')), qPrintable(msg));
        QVERIFY2(msg.contains(where), qPrintable(msg));
        QVERIFY2(msg.contains(phrase), qPrintable(msg));
        QVERIFY(p == before);
    }

    void jsonAcceptsBomAndCrlf()
    {
        QTemporaryDir tmp;
        Project p = makeProject(tmp.filePath(QStringLiteral("p")));
        const QString file =
            writeText(tmp.filePath(QStringLiteral("in.json")),
                      "\xEF\xBB\xBF{\r\n\"format\":\"fragmentlab-labels\",\r\n\"version\":1,\r\n\"labels\":["
                      "{\"video\":\"a.mp4\",\"start_frame\":0,\"end_frame\":10,\"label\":\"motion\"}]}\r\n");
        auto imported = importLabelsJson(p, file);
        QVERIFY2(imported.ok(), qPrintable(imported.error()));
        QCOMPARE(describe(p.labels(0).ranges()), QStringLiteral("0 10 motion"));
    }
};

QTEST_GUILESS_MAIN(TestLabels)
#include "tst_labels.moc"
