// fragmentlab-cli end to end, project commands: project create / add / relink and labels
// import / export, text and --json, with the rule that a failing command leaves the project
// byte-for-byte as it was (project add with one bad video among good ones adds nothing).
// Runs the built binary (FL_CLI_PATH). Cost: ~30 s (each CLI start loads LibTorch, ~0.7 s).
#include "BadMedia.h"
#include "CliRun.h"
#include "TestMedia.h"

#include "project/Project.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <map>

using namespace fl;
using fl::test::CliRun;
using fl::test::readWholeFile;
using fl::test::writeWholeFile;

class TestCliProject : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<fl::test::CliRunner> m_cli;
    QString m_media; // folder of good videos
    QString m_a;     // a.mp4: H.264, 60 frames (moov first)
    QString m_b;     // b.avi: MPEG-4, 40 frames
    QString m_c;     // c.mp4: H.264, 30 frames
    int m_projects = 0;
    std::map<QString, QString> m_templates; // videos joined by '|' -> a project made once

    static bool copyTree(const QString& from, const QString& to)
    {
        QDirIterator it(from, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        bool ok = QDir().mkpath(to);
        for (const QString sub : {QStringLiteral("models"), QStringLiteral("cache"), QStringLiteral("predictions")})
            ok = ok && QDir().mkpath(QDir(to).filePath(sub));
        while (ok && it.hasNext()) {
            const QString file = it.next();
            const QString target = QDir(to).filePath(QDir(from).relativeFilePath(file));
            ok = QDir().mkpath(QFileInfo(target).absolutePath()) && QFile::copy(file, target);
        }
        return ok;
    }

    CliRun cli(const QStringList& args) const { return m_cli->run(args); }

    static QJsonObject jsonOf(const CliRun& r)
    {
        const QJsonDocument doc = QJsonDocument::fromJson(r.out);
        return doc.isObject() ? doc.object() : QJsonObject();
    }

    static void expectOk(const CliRun& r) { QVERIFY2(!r.crashed && r.exitCode == 0, qPrintable(r.describe())); }

    // Exit 1 with exactly one line on stderr naming `name` and saying `phrase`.
    static void expectOneLineFailure(const CliRun& r, const QString& name, const QString& phrase)
    {
        QVERIFY2(!r.crashed, qPrintable(r.describe()));
        QVERIFY2(r.exitCode == 1, qPrintable(r.describe()));
        QVERIFY2(r.errLines().size() == 1, qPrintable(r.describe()));
        QVERIFY2(r.errLines().first().contains(name), qPrintable(r.describe()));
        QVERIFY2(r.errLines().first().contains(phrase), qPrintable(r.describe()));
    }

    // A new project folder with classes motion,static and T=4; optionally with videos. Made
    // through the CLI once per set of videos, then copied (each CLI start costs ~0.7 s).
    QString newProject(const QStringList& videos = {})
    {
        const QString key = videos.join(QLatin1Char('|'));
        auto it = m_templates.find(key);
        if (it == m_templates.end()) {
            // Templates sit as deep as the projects, so relative video paths stay right.
            const QString made = m_dir.filePath(QStringLiteral("templates/t%1").arg(m_templates.size()));
            const CliRun created = cli({QStringLiteral("project"), QStringLiteral("create"), made,
                                        QStringLiteral("--classes"), QStringLiteral("motion,static")});
            if (created.exitCode != 0) qWarning("%s", qPrintable(created.describe()));
            if (!videos.isEmpty()) {
                const CliRun added = cli(QStringList{QStringLiteral("project"), QStringLiteral("add"), made} + videos);
                if (added.exitCode != 0) qWarning("%s", qPrintable(added.describe()));
            }
            it = m_templates.emplace(key, made).first;
        }
        const QString dir = m_dir.filePath(QStringLiteral("projects/p%1").arg(++m_projects));
        if (!copyTree(it->second, dir)) qWarning("cannot copy %s to %s", qPrintable(it->second), qPrintable(dir));
        return dir;
    }

    static QString projectJson(const QString& dir) { return QDir(dir).filePath(QStringLiteral("project.json")); }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_cli = std::make_unique<fl::test::CliRunner>(m_dir.filePath(QStringLiteral("home")));
        if (!fl::test::ffmpegAvailable() || !fl::test::encoderAvailable(QStringLiteral("libx264")))
            QSKIP("needs ffmpeg with libx264 to make test videos");
        m_media = m_dir.filePath(QStringLiteral("media"));
        QVERIFY(QDir().mkpath(m_media));
        fl::test::NumberedVideoOptions o;
        o.baseName = QStringLiteral("a");
        o.frames = 60;
        o.extraOutputArgs = {QStringLiteral("-movflags"), QStringLiteral("+faststart")};
        auto a = fl::test::makeNumberedVideo(m_media, o);
        QVERIFY2(a.ok(), qPrintable(a.error()));
        m_a = *a;
        o = {};
        o.baseName = QStringLiteral("b");
        o.suffix = QStringLiteral("avi");
        o.frames = 40;
        o.codecArgs = {QStringLiteral("-c:v"), QStringLiteral("mpeg4"), QStringLiteral("-q:v"), QStringLiteral("3")};
        auto b = fl::test::makeNumberedVideo(m_media, o);
        QVERIFY2(b.ok(), qPrintable(b.error()));
        m_b = *b;
        o = {};
        o.baseName = QStringLiteral("c");
        o.frames = 30;
        o.firstNumber = 100;
        auto c = fl::test::makeNumberedVideo(m_media, o);
        QVERIFY2(c.ok(), qPrintable(c.error()));
        m_c = *c;
    }

    void createAndAdd()
    {
        const QString dir = m_dir.filePath(QStringLiteral("projects/created"));
        CliRun r = cli({QStringLiteral("project"), QStringLiteral("create"), dir, QStringLiteral("--classes"),
                        QStringLiteral("run, walk,rest"), QStringLiteral("--length"), QStringLiteral("5"),
                        QStringLiteral("--stride"), QStringLiteral("3"), QStringLiteral("--step"),
                        QStringLiteral("2")});
        expectOk(r);
        QCOMPARE(QString::fromUtf8(r.out).trimmed(), projectJson(dir));
        for (const char* sub : {"models", "cache", "predictions"})
            QVERIFY(QFileInfo(QDir(dir).filePath(QString::fromLatin1(sub))).isDir());

        r = cli({QStringLiteral("project"), QStringLiteral("add"), dir, m_a, m_b});
        expectOk(r);
        const QStringList lines = QString::fromUtf8(r.out).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 2);
        // T=5 K=2 spans 9 frames, S=3: (60-9)/3+1 = 18 and (40-9)/3+1 = 11 fragments.
        QVERIFY2(lines[0].endsWith(QLatin1String("a.mp4\t60 frames\t18 fragments")), qPrintable(lines[0]));
        QVERIFY2(lines[1].endsWith(QLatin1String("b.avi\t40 frames\t11 fragments")), qPrintable(lines[1]));

        auto p = Project::load(dir);
        QVERIFY2(p.ok(), qPrintable(p.error()));
        QCOMPARE(p->classNames(), (QStringList{QStringLiteral("run"), QStringLiteral("walk"), QStringLiteral("rest")}));
        QCOMPARE(p->spec(), (FragmentSpec{5, 3, 2}));
        QCOMPARE(p->videoCount(), 2);
        QCOMPARE(p->video(0).frameCount, 60);
        QCOMPARE(p->video(1).frameCount, 40);
        QCOMPARE(p->absoluteVideoPath(0), m_a);
        QVERIFY(p->missingVideos().empty());
        // The indexes went into the project's cache, not the user's.
        QCOMPARE(QDir(p->indexCacheDir()).entryList({QStringLiteral("*.flidx")}, QDir::Files).size(), 2);
    }

    void createRefusals()
    {
        const QString dir = newProject();
        const QByteArray before = readWholeFile(projectJson(dir));
        CliRun r = cli({QStringLiteral("project"), QStringLiteral("create"), dir});
        expectOneLineFailure(r, QStringLiteral("project.json"), QStringLiteral("a project already exists"));
        QCOMPARE(readWholeFile(projectJson(dir)), before);

        const QString file = m_dir.filePath(QStringLiteral("plain-file"));
        QVERIFY(writeWholeFile(file, "x"));
        r = cli({QStringLiteral("project"), QStringLiteral("create"), file});
        expectOneLineFailure(r, QStringLiteral("plain-file"), QStringLiteral("not a folder"));

        r = cli({QStringLiteral("project"), QStringLiteral("create"), m_dir.filePath(QStringLiteral("never")),
                 QStringLiteral("--length"), QStringLiteral("1")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(!QFileInfo::exists(m_dir.filePath(QStringLiteral("never"))));
        r = cli({QStringLiteral("project"), QStringLiteral("create"), m_dir.filePath(QStringLiteral("never")),
                 QStringLiteral("--classes"), QStringLiteral("a,a")});
        expectOneLineFailure(r, QStringLiteral("never"), QStringLiteral("already exists"));
    }

    // ---- project add: one bad video among good ones adds nothing ----

    void addWithOneBadVideo_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("fileName");
        QTest::addColumn<QString>("phrase");
        QTest::addColumn<bool>("badFirst");
        for (const auto& c : fl::test::badVideoCases()) {
            QTest::addRow("%s last", c.label) << int(c.kind) << c.fileName << c.phrase << false;
            if (c.kind == fl::test::BadVideo::Truncated || c.kind == fl::test::BadVideo::Missing)
                QTest::addRow("%s first", c.label) << int(c.kind) << c.fileName << c.phrase << true;
        }
    }
    void addWithOneBadVideo()
    {
        QFETCH(int, kind);
        QFETCH(QString, fileName);
        QFETCH(QString, phrase);
        QFETCH(bool, badFirst);
        const QString dir = newProject({m_c});
        const QByteArray before = readWholeFile(projectJson(dir));
        QVERIFY(before.contains("c.mp4"));
        const QString bad = m_dir.filePath(QStringLiteral("bad/%1/%2").arg(QTest::currentDataTag(), fileName));
        QDir().mkpath(QFileInfo(bad).absolutePath());
        const Status made = fl::test::makeBadVideo(bad, fl::test::BadVideo(kind), m_a);
        QVERIFY2(made.ok(), qPrintable(made.error()));

        const QStringList videos = badFirst ? QStringList{bad, m_a, m_b} : QStringList{m_a, m_b, bad};
        const CliRun r = cli(QStringList{QStringLiteral("project"), QStringLiteral("add"), dir} + videos);
        expectOneLineFailure(r, fileName, phrase);
        QVERIFY2(r.out.isEmpty(), r.out.constData());
        QCOMPARE(readWholeFile(projectJson(dir)), before);
        QVERIFY(!QFileInfo::exists(QDir(dir).filePath(Project::autosaveFileName())));
    }

    void addRefusesDuplicatesAndBadProjects()
    {
        const QString dir = newProject({m_a});
        const QByteArray before = readWholeFile(projectJson(dir));
        CliRun r = cli({QStringLiteral("project"), QStringLiteral("add"), dir, m_b, m_a});
        expectOneLineFailure(r, QStringLiteral("a.mp4"), QStringLiteral("already in the project"));
        QCOMPARE(readWholeFile(projectJson(dir)), before);

        // A copy under another name has the same content: refused too.
        const QString copy = m_dir.filePath(QStringLiteral("copy-of-a.mp4"));
        QVERIFY(QFile::copy(m_a, copy));
        r = cli({QStringLiteral("project"), QStringLiteral("add"), dir, copy});
        expectOneLineFailure(r, QStringLiteral("copy-of-a.mp4"), QStringLiteral("same content"));
        QCOMPARE(readWholeFile(projectJson(dir)), before);

        r = cli({QStringLiteral("project"), QStringLiteral("add"), m_dir.filePath(QStringLiteral("no-project")), m_a});
        expectOneLineFailure(r, QStringLiteral("no-project"), QStringLiteral("not found"));

        // A damaged project.json is refused, and left as it is.
        const QString broken = newProject();
        QByteArray json = readWholeFile(projectJson(broken));
        json.chop(json.size() / 3);
        QVERIFY(writeWholeFile(projectJson(broken), json));
        for (const QStringList& args :
             {QStringList{QStringLiteral("project"), QStringLiteral("add"), broken, m_a},
              QStringList{QStringLiteral("labels"), QStringLiteral("export"), broken,
                          m_dir.filePath(QStringLiteral("x.csv"))},
              QStringList{QStringLiteral("project"), QStringLiteral("relink"), broken, m_media}}) {
            r = cli(args);
            expectOneLineFailure(r, QStringLiteral("project.json"), QStringLiteral("malformed JSON"));
            QCOMPARE(readWholeFile(projectJson(broken)), json);
        }
        QVERIFY(!QFileInfo::exists(m_dir.filePath(QStringLiteral("x.csv"))));
    }

    // ---- labels import / export ----

    void labelsRoundTrip_data()
    {
        QTest::addColumn<QString>("suffix");
        QTest::newRow("csv") << "csv";
        QTest::newRow("json") << "json";
    }
    void labelsRoundTrip()
    {
        QFETCH(QString, suffix);
        const QString dir = newProject({m_a, m_b});
        const QString csv = m_dir.filePath(QStringLiteral("in-%1.csv").arg(suffix));
        QVERIFY(writeWholeFile(csv,
                               "video,start_frame,end_frame,label\r\n"
                               "a.mp4,0,12,motion\r\n"
                               "a.mp4,20,60,static\r\n"
                               "\"b.avi\",4,8,walk\r\n"));
        // "walk" is not a class: refused, unless --create-classes.
        const QByteArray before = readWholeFile(projectJson(dir));
        CliRun r = cli({QStringLiteral("labels"), QStringLiteral("import"), dir, csv});
        expectOneLineFailure(r, csv, QStringLiteral("unknown class \"walk\""));
        QCOMPARE(readWholeFile(projectJson(dir)), before);
        r = cli({QStringLiteral("labels"), QStringLiteral("import"), dir, csv, QStringLiteral("--create-classes")});
        expectOk(r);
        QCOMPARE(QString::fromUtf8(r.out).trimmed(), QStringLiteral("imported 3 labeled ranges from %1").arg(csv));

        const QString exported = m_dir.filePath(QStringLiteral("out/labels.%1").arg(suffix));
        QDir().mkpath(QFileInfo(exported).absolutePath());
        r = cli({QStringLiteral("labels"), QStringLiteral("export"), dir, exported});
        expectOk(r);
        QCOMPARE(QString::fromUtf8(r.out).trimmed(), exported);
        const QByteArray text = readWholeFile(exported);
        if (suffix == QLatin1String("csv")) {
            QCOMPARE(text,
                     QByteArray("video,start_frame,end_frame,label\n"
                                "a.mp4,0,12,motion\n"
                                "a.mp4,20,60,static\n"
                                "b.avi,4,8,walk\n"));
        } else {
            const QJsonObject o = QJsonDocument::fromJson(text).object();
            QCOMPARE(o[QStringLiteral("format")].toString(), QStringLiteral("fragmentlab-labels"));
            QCOMPARE(o[QStringLiteral("labels")].toArray().size(), 3);
        }

        // Into a fresh project with the same videos: the same labels.
        const QString other = newProject({m_a, m_b});
        r = cli(
            {QStringLiteral("labels"), QStringLiteral("import"), other, exported, QStringLiteral("--create-classes")});
        expectOk(r);
        auto p1 = Project::load(dir);
        auto p2 = Project::load(other);
        QVERIFY(p1.ok() && p2.ok());
        QCOMPARE(p2->classNames(), p1->classNames());
        for (int v = 0; v < 2; ++v) QCOMPARE(p2->labels(v), p1->labels(v));
        QCOMPARE(p1->labels(0).ranges().size(), size_t(2));
    }

    void labelsImportRefusals_data()
    {
        QTest::addColumn<QByteArray>("csv");
        QTest::addColumn<QString>("phrase");
        QTest::newRow("wrong header") << QByteArray("clip,start,end,label\na.mp4,0,4,motion\n") << "wrong header";
        QTest::newRow("unknown video") << QByteArray("video,start_frame,end_frame,label\nzzz.mp4,0,4,motion\n")
                                       << "unknown video";
        QTest::newRow("range outside the video")
            << QByteArray("video,start_frame,end_frame,label\na.mp4,50,61,motion\n") << "outside the video";
        QTest::newRow("empty range") << QByteArray("video,start_frame,end_frame,label\na.mp4,5,5,motion\n")
                                     << "empty range";
        QTest::newRow("not an integer") << QByteArray("video,start_frame,end_frame,label\na.mp4,x,5,motion\n")
                                        << "is not an integer";
        QTest::newRow("good rows then a bad one")
            << QByteArray("video,start_frame,end_frame,label\na.mp4,0,4,motion\na.mp4,8,12,static\na.mp4,9,10,nope\n")
            << ":4:";
        QTest::newRow("binary junk") << fl::test::randomBytes(3000, 5) << "labels";
    }
    void labelsImportRefusals()
    {
        QFETCH(QByteArray, csv);
        QFETCH(QString, phrase);
        const QString dir = newProject({m_a});
        const QString file = m_dir.filePath(
            QStringLiteral("labels-%1.csv")
                .arg(QString::fromLatin1(QTest::currentDataTag()).replace(QLatin1Char(' '), QLatin1Char('-'))));
        QVERIFY(writeWholeFile(file, csv));
        const QByteArray before = readWholeFile(projectJson(dir));
        const CliRun r = cli({QStringLiteral("labels"), QStringLiteral("import"), dir, file});
        expectOneLineFailure(r, QFileInfo(file).fileName(), phrase);
        QCOMPARE(readWholeFile(projectJson(dir)), before);
    }

    void labelsImportMissingFile()
    {
        const QString dir = newProject({m_a});
        const QByteArray before = readWholeFile(projectJson(dir));
        const CliRun r = cli(
            {QStringLiteral("labels"), QStringLiteral("import"), dir, m_dir.filePath(QStringLiteral("absent.csv"))});
        expectOneLineFailure(r, QStringLiteral("absent.csv"), QStringLiteral("not found"));
        QCOMPARE(readWholeFile(projectJson(dir)), before);
    }

    // ---- project relink: a moved video found again by its content hash ----

    void relinkFindsMovedVideos()
    {
        const QString dir = newProject();
        const QString inside = QDir(dir).filePath(QStringLiteral("media"));
        QVERIFY(QDir().mkpath(inside));
        QVERIFY(QFile::copy(m_a, QDir(inside).filePath(QStringLiteral("a.mp4"))));
        QVERIFY(QFile::copy(m_b, QDir(inside).filePath(QStringLiteral("b.avi"))));
        expectOk(cli({QStringLiteral("project"), QStringLiteral("add"), dir,
                      QDir(inside).filePath(QStringLiteral("a.mp4")), QDir(inside).filePath(QStringLiteral("b.avi"))}));
        const QString labels = m_dir.filePath(QStringLiteral("relink-labels.csv"));
        QVERIFY(writeWholeFile(labels, "video,start_frame,end_frame,label\na.mp4,4,16,motion\n"));
        expectOk(cli({QStringLiteral("labels"), QStringLiteral("import"), dir, labels}));

        // Nothing missing yet.
        CliRun r = cli({QStringLiteral("project"), QStringLiteral("relink"), dir, m_media});
        expectOk(r);
        QCOMPARE(QString::fromUtf8(r.out).trimmed(), QStringLiteral("no video is missing"));

        // Move both away (one renamed, deeper down) and look in the wrong place first.
        const QString archive = m_dir.filePath(QStringLiteral("archive"));
        QVERIFY(QDir().mkpath(archive + QStringLiteral("/2024/deep")));
        QVERIFY(QFile::rename(QDir(inside).filePath(QStringLiteral("a.mp4")),
                              archive + QStringLiteral("/2024/deep/a.mp4")));
        QVERIFY(QFile::rename(QDir(inside).filePath(QStringLiteral("b.avi")), archive + QStringLiteral("/b.avi")));
        const QByteArray before = readWholeFile(projectJson(dir));
        const QString empty = m_dir.filePath(QStringLiteral("empty-folder"));
        QVERIFY(QDir().mkpath(empty));
        r = cli({QStringLiteral("project"), QStringLiteral("relink"), dir, empty, QStringLiteral("--json")});
        expectOk(r);
        QCOMPARE(jsonOf(r)[QStringLiteral("relinked")].toArray().size(), 0);
        QCOMPARE(jsonOf(r)[QStringLiteral("missing")].toArray().size(), 2);
        QCOMPARE(readWholeFile(projectJson(dir)), before);

        r = cli({QStringLiteral("project"), QStringLiteral("relink"), dir,
                 m_dir.filePath(QStringLiteral("no-such-folder"))});
        expectOneLineFailure(r, QStringLiteral("no-such-folder"), QStringLiteral("not a folder"));
        QCOMPARE(readWholeFile(projectJson(dir)), before);

        r = cli({QStringLiteral("project"), QStringLiteral("relink"), dir, archive, QStringLiteral("--json")});
        expectOk(r);
        const QJsonObject o = jsonOf(r);
        QCOMPARE(o[QStringLiteral("missing")].toArray().size(), 0);
        const QJsonArray relinked = o[QStringLiteral("relinked")].toArray();
        QCOMPARE(relinked.size(), 2);
        QCOMPARE(relinked[0].toObject()[QStringLiteral("path")].toString(),
                 QStringLiteral("../../archive/2024/deep/a.mp4"));
        QCOMPARE(relinked[1].toObject()[QStringLiteral("path")].toString(), QStringLiteral("../../archive/b.avi"));

        auto p = Project::load(dir);
        QVERIFY2(p.ok(), qPrintable(p.error()));
        QVERIFY(p->missingVideos().empty());
        QCOMPARE(p->absoluteVideoPath(0), archive + QStringLiteral("/2024/deep/a.mp4"));
        QCOMPARE(p->labels(0).ranges().size(), size_t(1)); // labels kept

        // The text form lists what was found.
        QVERIFY(
            QFile::rename(archive + QStringLiteral("/b.avi"), m_dir.filePath(QStringLiteral("empty-folder/b.avi"))));
        r = cli({QStringLiteral("project"), QStringLiteral("relink"), dir, empty});
        expectOk(r);
        QCOMPARE(QString::fromUtf8(r.out).trimmed(), QStringLiteral("found\tb.avi\t../../empty-folder/b.avi"));
    }
};

QTEST_GUILESS_MAIN(TestCliProject)
#include "tst_cli_project.moc"
