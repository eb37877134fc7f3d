// fragmentlab-cli scenes / keyframes end to end on a generated video with known cuts.
#include "ShotVideo.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace fl;
using namespace fl::test;

namespace {

struct Run {
    int exitCode = -1;
    QString out;
    QString err;
};

Run cli(const QStringList& args, const QString& home)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("XDG_CACHE_HOME"), home); // bare videos index into this cache
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(FL_CLI_PATH), args);
    p.waitForFinished(180000);
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, QString::fromUtf8(p.readAllStandardOutput()),
            QString::fromUtf8(p.readAllStandardError())};
}

} // namespace

class TestCliAnalysis : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_video; // shots of 40, 30, 35, 30 frames: cuts at 40, 70, 105

    QString path(const QString& name) const { return m_dir.filePath(name); }
    Run run(const QStringList& args) const { return cli(args, path(QStringLiteral("cache"))); }

private slots:
    void initTestCase()
    {
        if (!ffmpegAvailable() || !encoderAvailable(QStringLiteral("libx264"))) QSKIP("ffmpeg with libx264 not found");
        QVERIFY(m_dir.isValid());
        auto video = makeShotVideo(path(QStringLiteral("clip.mp4")), fourShotPlan());
        QVERIFY2(video.ok(), qPrintable(video.error()));
        m_video = *video;
    }

    void scenesPrintsCuts()
    {
        const Run r = run({QStringLiteral("scenes"), m_video, QStringLiteral("-o"), path(QStringLiteral("cuts.csv")),
                           QStringLiteral("--stats"), path(QStringLiteral("stats.csv"))});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out, QStringLiteral("40\n70\n105\n"));
        QFile csv(path(QStringLiteral("cuts.csv")));
        QVERIFY(csv.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = csv.readAll().trimmed().split('\n');
        QCOMPARE(lines.size(), 4);
        QCOMPARE(lines.at(0), QByteArray("frame,time_s,timecode,kind,score"));
        QVERIFY(lines.at(2).startsWith("70,2.800000,00:00:02:20,cut,"));
        QFile stats(path(QStringLiteral("stats.csv")));
        QVERIFY(stats.open(QIODevice::ReadOnly));
        QCOMPARE(stats.readAll().trimmed().split('\n').size(), 136);

        const Run strict = run(
            {QStringLiteral("scenes"), m_video, QStringLiteral("--min-scene-len"), QStringLiteral("31")});
        QCOMPARE(strict.exitCode, 0);
        QCOMPARE(strict.out, QStringLiteral("40\n105\n"));
    }

    void scenesJson()
    {
        const Run r = run({QStringLiteral("scenes"), m_video, QStringLiteral("--json"), QStringLiteral("--fade")});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject o = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QCOMPARE(o.value(QStringLiteral("frame_count")).toInteger(), qint64(135));
        QCOMPARE(o.value(QStringLiteral("fade")).toBool(), true);
        const QJsonArray cuts = o.value(QStringLiteral("cuts")).toArray();
        QCOMPARE(cuts.size(), 3);
        QCOMPARE(cuts.at(1).toObject().value(QStringLiteral("frame")).toInteger(), qint64(70));
        QCOMPARE(cuts.at(1).toObject().value(QStringLiteral("kind")).toString(), QStringLiteral("cut"));
        const QJsonArray scenes = o.value(QStringLiteral("scenes")).toArray();
        QCOMPARE(scenes.size(), 4);
        QCOMPARE(scenes.at(3).toObject().value(QStringLiteral("end_frame")).toInteger(), qint64(135));
        QVERIFY(o.value(QStringLiteral("frames_per_second")).toDouble() > 0);
        QCOMPARE(o.value(QStringLiteral("dissolve")).toBool(), true);
        QCOMPARE(o.value(QStringLiteral("dissolve_window")).toInt(), 10);

        // Content cuts only: the same three; contradicting switches are refused.
        const Run plain = run({QStringLiteral("scenes"), m_video, QStringLiteral("--no-fade"),
                               QStringLiteral("--no-dissolve"), QStringLiteral("--flash-length"), QStringLiteral("0")});
        QCOMPARE(plain.exitCode, 0);
        QCOMPARE(plain.out, QStringLiteral("40\n70\n105\n"));
        const Run both = run(
            {QStringLiteral("scenes"), m_video, QStringLiteral("--fade"), QStringLiteral("--no-fade")});
        QVERIFY(both.exitCode != 0);
        QVERIFY2(both.err.contains(QStringLiteral("contradict")), qPrintable(both.err));
    }

    void scenesBadInput_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("message");
        QTest::newRow("threshold text") << QStringList{QStringLiteral("--threshold"), QStringLiteral("high")} << 2
                                        << "--threshold";
        QTest::newRow("min length 0") << QStringList{QStringLiteral("--min-scene-len"), QStringLiteral("0")} << 2
                                      << "--min-scene-len";
    }
    void scenesBadInput()
    {
        QFETCH(QStringList, args);
        QFETCH(int, exitCode);
        QFETCH(QString, message);
        const Run r = run(QStringList{QStringLiteral("scenes"), m_video} + args);
        QCOMPARE(r.exitCode, exitCode);
        QVERIFY2(r.err.contains(message), qPrintable(r.err));
        QVERIFY(r.out.isEmpty());
    }

    void scenesMissingFile()
    {
        const Run r = run({QStringLiteral("scenes"), path(QStringLiteral("nothing.mp4"))});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.err.startsWith(QStringLiteral("fragmentlab-cli: ")) && r.err.contains(QStringLiteral("nothing.mp4")));
        QCOMPARE(r.err.count(QLatin1Char('\n')), 1);
    }

    void keyframesForVideo()
    {
        const QString out = path(QStringLiteral("kf"));
        const Run r = run({QStringLiteral("keyframes"), m_video, QStringLiteral("-o"), out,
                           QStringLiteral("--per-scene"), QStringLiteral("2"), QStringLiteral("--edl"),
                           path(QStringLiteral("scenes.edl")), QStringLiteral("--csv"), path(QStringLiteral("kf.csv")),
                           QStringLiteral("--chapters"), path(QStringLiteral("chapters.txt"))});
        QCOMPARE(r.exitCode, 0);
        const QStringList images = r.out.trimmed().split(QLatin1Char('\n'));
        QVERIFY2(images.size() >= 4 && images.size() <= 8, qPrintable(r.out)); // 1 or 2 per scene
        for (const QString& image : images) {
            QVERIFY(QFileInfo::exists(image));
            QVERIFY(QFileInfo(image).fileName().startsWith(QLatin1String("clip_f")));
            QVERIFY(image.endsWith(QLatin1String(".png")));
        }
        // Every scene has a keyframe inside it.
        for (const auto& [start, end] : std::vector<std::pair<int, int>>{{0, 40}, {40, 70}, {70, 105}, {105, 135}}) {
            bool found = false;
            for (const QString& image : images) {
                const int frame = QFileInfo(image).completeBaseName().mid(6).toInt();
                found = found || (frame >= start && frame < end);
            }
            QVERIFY2(found, qPrintable(QStringLiteral("no keyframe in [%1, %2)").arg(start).arg(end)));
        }
        QFile edl(path(QStringLiteral("scenes.edl")));
        QVERIFY(edl.open(QIODevice::ReadOnly));
        const QString edlText = QString::fromUtf8(edl.readAll());
        QVERIFY(edlText.startsWith(QStringLiteral("TITLE: clip.mp4 scenes\nFCM: NON-DROP FRAME\n")));
        QVERIFY(edlText.contains(
            QStringLiteral("004  AX       V     C        00:00:04:05 00:00:05:10 01:00:04:05 01:00:05:10\n")));
        QFile csv(path(QStringLiteral("kf.csv")));
        QVERIFY(csv.open(QIODevice::ReadOnly));
        QCOMPARE(csv.readAll().trimmed().split('\n').size(), images.size() + 1);
        QFile chapters(path(QStringLiteral("chapters.txt")));
        QVERIFY(chapters.open(QIODevice::ReadOnly));
        const QByteArray ch = chapters.readAll();
        QVERIFY(ch.startsWith(";FFMETADATA1\n"));
        QCOMPARE(ch.count("[CHAPTER]"), 4);
        QVERIFY(ch.contains("START=1600000\nEND=2800000\ntitle=scene 2\n"));
    }

    void keyframesForProject()
    {
        const QString project = path(QStringLiteral("proj"));
        QCOMPARE(run({QStringLiteral("project"), QStringLiteral("create"), project, QStringLiteral("--classes"),
                      QStringLiteral("walk,rest")})
                     .exitCode,
                 0);
        QCOMPARE(run({QStringLiteral("project"), QStringLiteral("add"), project, m_video}).exitCode, 0);
        const QString out = path(QStringLiteral("kf-project"));
        const Run r = run({QStringLiteral("keyframes"), project, QStringLiteral("-o"), out, QStringLiteral("--format"),
                           QStringLiteral("jpg"), QStringLiteral("--per-scene"), QStringLiteral("1")});
        QCOMPARE(r.exitCode, 0);
        const QStringList images = r.out.trimmed().split(QLatin1Char('\n'));
        QCOMPARE(images.size(), 4);
        for (const QString& image : images) QVERIFY(image.endsWith(QLatin1String(".jpg")) && QFileInfo::exists(image));
        // The project's own index cache was used.
        QVERIFY(!QDir(project + QStringLiteral("/cache/index")).isEmpty());

        // Keyframes of a class need predictions (of an active model): a clear refusal, nothing written.
        const QString none = path(QStringLiteral("kf-class"));
        const Run c = run({QStringLiteral("keyframes"), project, QStringLiteral("-o"), none, QStringLiteral("--class"),
                           QStringLiteral("walk")});
        QCOMPARE(c.exitCode, 1);
        QVERIFY2(c.err.contains(QStringLiteral("no active model")), qPrintable(c.err));
        QVERIFY(!QFileInfo::exists(none));
    }

    void keyframesBadUsage()
    {
        const Run f = run({QStringLiteral("keyframes"), m_video, QStringLiteral("-o"), path(QStringLiteral("x")),
                           QStringLiteral("--format"), QStringLiteral("gif")});
        QCOMPARE(f.exitCode, 2);
        QVERIFY(f.err.contains(QStringLiteral("--format")));
        const Run d = run({QStringLiteral("keyframes"), path(QStringLiteral("not-a-project")), QStringLiteral("-o"),
                           path(QStringLiteral("x"))});
        QCOMPARE(d.exitCode, 1);
        QVERIFY(d.err.contains(QStringLiteral("not-a-project")));
    }
};

QTEST_GUILESS_MAIN(TestCliAnalysis)
#include "tst_cli_analysis.moc"
