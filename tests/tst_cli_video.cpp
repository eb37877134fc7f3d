// fragmentlab-cli end to end, video commands: info, frame, fragments, bench decode — their
// text and --json output on generated videos whose frames show their own number, every bad
// input the foundation issue lists (exit 1, exactly one line on stderr naming the file and
// the problem, no crash), and bad usage (exit 2). Runs the built binary (FL_CLI_PATH).
// Cost: ~25 s (each CLI start loads LibTorch, ~0.7 s).
#include "BadMedia.h"
#include "CliRun.h"
#include "TestMedia.h"

#include <opencv2/imgcodecs.hpp>

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace fl;
using fl::test::CliRun;

class TestCliVideo : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<fl::test::CliRunner> m_cli;
    QString m_video;   // H.264, 60 frames, 25 fps, 160x120, moov first
    QString m_rotated; // the same at 90 degrees

    CliRun cli(const QStringList& args) const { return m_cli->run(args); }

    static QJsonObject jsonOf(const CliRun& r)
    {
        QJsonParseError error{};
        const QJsonDocument doc = QJsonDocument::fromJson(r.out, &error);
        if (error.error != QJsonParseError::NoError || !doc.isObject()) return {};
        return doc.object();
    }

    // Exit 1, exactly one line on stderr that names `file` and says `phrase`; no crash.
    static void expectOneLineFailure(const CliRun& r, const QString& file, const QString& phrase)
    {
        QVERIFY2(!r.crashed, qPrintable(r.describe()));
        QVERIFY2(r.exitCode == 1, qPrintable(r.describe()));
        const QStringList lines = r.errLines();
        QVERIFY2(lines.size() == 1, qPrintable(r.describe()));
        QVERIFY2(lines.first().startsWith(QLatin1String("fragmentlab-cli: ")), qPrintable(r.describe()));
        QVERIFY2(lines.first().contains(QFileInfo(file).fileName()), qPrintable(r.describe()));
        QVERIFY2(lines.first().contains(phrase), qPrintable(r.describe()));
    }

    static void expectUsage(const CliRun& r)
    {
        QVERIFY2(!r.crashed, qPrintable(r.describe()));
        QVERIFY2(r.exitCode == 2, qPrintable(r.describe()));
        QVERIFY2(r.errLines().size() == 1, qPrintable(r.describe()));
        QVERIFY2(r.errLines().first().contains(QLatin1String("usage")), qPrintable(r.describe()));
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(QFileInfo(fl::test::CliRunner::program()).isExecutable(), FL_CLI_PATH);
        QVERIFY(m_dir.isValid());
        m_cli = std::make_unique<fl::test::CliRunner>(m_dir.filePath(QStringLiteral("home")));
        if (!fl::test::ffmpegAvailable() || !fl::test::encoderAvailable(QStringLiteral("libx264"))) return;
        fl::test::NumberedVideoOptions o;
        o.baseName = QStringLiteral("numbered");
        o.frames = 60;
        o.extraOutputArgs = {QStringLiteral("-movflags"), QStringLiteral("+faststart")};
        auto video = fl::test::makeNumberedVideo(m_dir.path(), o);
        QVERIFY2(video.ok(), qPrintable(video.error()));
        m_video = *video;
        o.baseName = QStringLiteral("rotated");
        o.rotation = 90;
        auto rotated = fl::test::makeNumberedVideo(m_dir.path(), o);
        QVERIFY2(rotated.ok(), qPrintable(rotated.error()));
        m_rotated = *rotated;
    }

    void init()
    {
        if (m_video.isEmpty() && QByteArray(QTest::currentTestFunction()) != "usageErrors"
            && QByteArray(QTest::currentTestFunction()) != "versionAndHelp")
            QSKIP("needs ffmpeg with libx264 to make test videos");
    }

    void versionAndHelp()
    {
        const CliRun version = cli({QStringLiteral("--version")});
        QVERIFY2(version.exitCode == 0 && !version.crashed, qPrintable(version.describe()));
        QVERIFY2(version.out.startsWith("fragmentlab-cli " FRAGMENTLAB_VERSION " (LibTorch "), version.out.constData());
        const CliRun help = cli({QStringLiteral("--help")});
        QCOMPARE(help.exitCode, 0);
        for (const char* command :
             {"info VIDEO", "frame VIDEO INDEX", "fragments VIDEO", "project create DIR", "project add DIR",
              "project relink DIR FOLDER", "labels import DIR", "labels export DIR", "bench decode VIDEO"})
            QVERIFY2(help.out.contains(command), command);
    }

    void usageErrors_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::newRow("unknown command") << QStringList{QStringLiteral("bogus")};
        QTest::newRow("project without subcommand") << QStringList{QStringLiteral("project")};
        QTest::newRow("unknown subcommand") << QStringList{QStringLiteral("labels"), QStringLiteral("bogus")};
        QTest::newRow("info without video") << QStringList{QStringLiteral("info")};
        QTest::newRow("info with two videos")
            << QStringList{QStringLiteral("info"), QStringLiteral("a.mp4"), QStringLiteral("b.mp4")};
        QTest::newRow("unknown option") << QStringList{QStringLiteral("info"), QStringLiteral("--nope"),
                                                       QStringLiteral("a.mp4")};
        QTest::newRow("frame without -o")
            << QStringList{QStringLiteral("frame"), QStringLiteral("a.mp4"), QStringLiteral("3")};
        QTest::newRow("frame index not a number")
            << QStringList{QStringLiteral("frame"), QStringLiteral("a.mp4"), QStringLiteral("x"), QStringLiteral("-o"),
                           QStringLiteral("f.png")};
        QTest::newRow("frame negative index")
            << QStringList{QStringLiteral("frame"), QStringLiteral("a.mp4"), QStringLiteral("-3"), QStringLiteral("-o"),
                           QStringLiteral("f.png")};
        QTest::newRow("frame unsupported image type")
            << QStringList{QStringLiteral("frame"), QStringLiteral("a.mp4"), QStringLiteral("3"), QStringLiteral("-o"),
                           QStringLiteral("f.xyz")};
        QTest::newRow("fragments length 1") << QStringList{QStringLiteral("fragments"), QStringLiteral("a.mp4"),
                                                           QStringLiteral("--length"), QStringLiteral("1")};
        QTest::newRow("fragments length 65") << QStringList{QStringLiteral("fragments"), QStringLiteral("a.mp4"),
                                                            QStringLiteral("--length"), QStringLiteral("65")};
        QTest::newRow("fragments stride 0") << QStringList{QStringLiteral("fragments"), QStringLiteral("a.mp4"),
                                                           QStringLiteral("--stride"), QStringLiteral("0")};
        QTest::newRow("fragments step text") << QStringList{QStringLiteral("fragments"), QStringLiteral("a.mp4"),
                                                            QStringLiteral("--step"), QStringLiteral("two")};
        QTest::newRow("bench without video") << QStringList{QStringLiteral("bench"), QStringLiteral("decode")};
        QTest::newRow("bench runs 0") << QStringList{QStringLiteral("bench"), QStringLiteral("decode"),
                                                     QStringLiteral("a.mp4"), QStringLiteral("--runs"),
                                                     QStringLiteral("0")};
    }
    void usageErrors()
    {
        QFETCH(QStringList, args);
        const CliRun r = cli(args);
        expectUsage(r);
        QVERIFY(r.out.isEmpty());
    }

    void noArgumentsPrintsHelp()
    {
        const CliRun r = cli({});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.out.contains("Exit status"));
    }

    void infoText()
    {
        const CliRun r = cli({QStringLiteral("info"), m_video});
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
        QVERIFY2(r.err.isEmpty(), r.err.constData());
        const QString out = QString::fromUtf8(r.out);
        QVERIFY2(out.contains(QStringLiteral("file:        %1").arg(m_video)), qPrintable(out));
        QVERIFY2(out.contains(QLatin1String("codec:       h264 (mp4)")), qPrintable(out));
        QVERIFY2(out.contains(QLatin1String("size:        160 x 120\n")), qPrintable(out));
        QVERIFY2(out.contains(QLatin1String("frames:      60 (header says 60)")), qPrintable(out));
        QVERIFY2(out.contains(QLatin1String("rate:        25.000 fps nominal, 25.000 fps average\n")), qPrintable(out));
        QVERIFY2(out.contains(QLatin1String("duration:    2.400 s")), qPrintable(out));
        QVERIFY2(out.contains(QLatin1String("keyframes:   ")), qPrintable(out));
        // The index went to the per-user cache (here the scratch HOME), and is reused.
        QVERIFY2(out.contains(m_dir.filePath(QStringLiteral("home/.cache"))), qPrintable(out));
        const CliRun again = cli({QStringLiteral("info"), m_video});
        QVERIFY2(again.out.contains("(reused)"), again.out.constData());
    }

    void infoJson_data()
    {
        QTest::addColumn<bool>("rotated");
        QTest::newRow("upright") << false;
        QTest::newRow("rotated 90") << true;
    }
    void infoJson()
    {
        QFETCH(bool, rotated);
        const QString video = rotated ? m_rotated : m_video;
        const CliRun r = cli({QStringLiteral("info"), video, QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
        const QJsonObject o = jsonOf(r);
        QVERIFY2(!o.isEmpty(), r.out.constData());
        QCOMPARE(o[QStringLiteral("path")].toString(), video);
        QCOMPARE(o[QStringLiteral("container")].toString(), QStringLiteral("mp4"));
        QCOMPARE(o[QStringLiteral("codec")].toString(), QStringLiteral("h264"));
        QCOMPARE(o[QStringLiteral("frame_count")].toInteger(), 60);
        QCOMPARE(o[QStringLiteral("declared_frame_count")].toInteger(), 60);
        QCOMPARE(o[QStringLiteral("rotation")].toInt(), rotated ? 90 : 0);
        QCOMPARE(o[QStringLiteral("width")].toInt(), rotated ? 120 : 160);
        QCOMPARE(o[QStringLiteral("height")].toInt(), rotated ? 160 : 120);
        QVERIFY(qAbs(o[QStringLiteral("nominal_fps")].toDouble() - 25.0) < 1e-6);
        QVERIFY(qAbs(o[QStringLiteral("average_fps")].toDouble() - 25.0) < 0.01);
        QVERIFY(qAbs(o[QStringLiteral("duration_s")].toDouble() - 2.4) < 0.001);
        QCOMPARE(o[QStringLiteral("variable_frame_rate")].toBool(), false);
        QCOMPARE(o[QStringLiteral("timestamps_reliable")].toBool(), true);
        QVERIFY(o[QStringLiteral("keyframes")].toInteger() >= 5); // GOP 12 over 60 frames
        QVERIFY(QFileInfo::exists(o[QStringLiteral("index_file")].toString()));
    }

    void frameWritesTheExactFrame_data()
    {
        QTest::addColumn<int>("index");
        QTest::addColumn<QString>("suffix");
        QTest::newRow("first png") << 0 << "png";
        QTest::newRow("B-frame png") << 37 << "png";
        QTest::newRow("last bmp") << 59 << "bmp";
        QTest::newRow("middle tif") << 30 << "tif";
    }
    void frameWritesTheExactFrame()
    {
        QFETCH(int, index);
        QFETCH(QString, suffix);
        const QString out = m_dir.filePath(QStringLiteral("frames/sub/f%1.%2").arg(index).arg(suffix));
        const CliRun r = cli({QStringLiteral("frame"), m_video, QString::number(index), QStringLiteral("-o"), out});
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
        QCOMPARE(QString::fromUtf8(r.out).trimmed(), out);
        const cv::Mat image = cv::imread(QFile::encodeName(out).toStdString(), cv::IMREAD_COLOR);
        QCOMPARE(image.cols, 160);
        QCOMPARE(image.rows, 120);
        QCOMPARE(fl::test::decodeFrameNumber(image), index);
    }

    void frameOutOfRange()
    {
        const QString out = m_dir.filePath(QStringLiteral("never.png"));
        const CliRun r = cli({QStringLiteral("frame"), m_video, QStringLiteral("60"), QStringLiteral("-o"), out});
        expectOneLineFailure(r, m_video, QStringLiteral("frames 0 to 59"));
        QVERIFY(!QFileInfo::exists(out));
    }

    void fragmentsText()
    {
        const CliRun r = cli({QStringLiteral("fragments"), m_video, QStringLiteral("--length"), QStringLiteral("4"),
                              QStringLiteral("--stride"), QStringLiteral("2"), QStringLiteral("--step"),
                              QStringLiteral("2")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
        const QStringList lines = QString::fromUtf8(r.out).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        // Fragment j covers j*2 + {0, 2, 4, 6}: the last one that fits starts at 52.
        QCOMPARE(lines.size(), 2 + 27);
        QVERIFY2(lines[0].endsWith(QLatin1String("60 frames, T=4 S=2 K=2 -> 27 fragments")), qPrintable(lines[0]));
        QCOMPARE(lines[1], QStringLiteral("id\tstart_frame\tend_frame\tstart_s\tframes"));
        QCOMPARE(lines[2], QStringLiteral("0\t0\t7\t0.000\t0 2 4 6"));
        QCOMPARE(lines[3], QStringLiteral("1\t2\t9\t0.080\t2 4 6 8"));
        QCOMPARE(lines.last(), QStringLiteral("26\t52\t59\t2.080\t52 54 56 58"));
    }

    void fragmentsJson()
    {
        const CliRun r = cli({QStringLiteral("fragments"), m_video, QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
        const QJsonObject o = jsonOf(r);
        QCOMPARE(o[QStringLiteral("frame_count")].toInteger(), 60);
        QCOMPARE(o[QStringLiteral("length")].toInt(), 4); // defaults: T=4, S=T, K=1
        QCOMPARE(o[QStringLiteral("stride")].toInt(), 4);
        QCOMPARE(o[QStringLiteral("step")].toInt(), 1);
        QCOMPARE(o[QStringLiteral("fragment_count")].toInteger(), 15);
        const QJsonArray list = o[QStringLiteral("fragments")].toArray();
        QCOMPARE(list.size(), 15);
        for (int j = 0; j < list.size(); ++j) {
            const QJsonObject f = list[j].toObject();
            QCOMPARE(f[QStringLiteral("id")].toInt(), j);
            QCOMPARE(f[QStringLiteral("start_frame")].toInt(), 4 * j);
            QCOMPARE(f[QStringLiteral("end_frame")].toInt(), 4 * j + 4);
            QVERIFY(qAbs(f[QStringLiteral("start_s")].toDouble() - 0.16 * j) < 1e-6);
            QCOMPARE(f[QStringLiteral("frames")].toArray(), (QJsonArray{4 * j, 4 * j + 1, 4 * j + 2, 4 * j + 3}));
        }
    }

    void fragmentsLongerThanTheVideo()
    {
        const CliRun r = cli({QStringLiteral("fragments"), m_video, QStringLiteral("--length"), QStringLiteral("16"),
                              QStringLiteral("--step"), QStringLiteral("4"), QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
        QCOMPARE(jsonOf(r)[QStringLiteral("fragment_count")].toInteger(), 0); // span 61 > 60 frames
    }

    void benchDecode()
    {
        QStringList args{QStringLiteral("bench"),   QStringLiteral("decode"), m_video,
                         QStringLiteral("--json"),  QStringLiteral("--runs"), QStringLiteral("1"),
                         QStringLiteral("--seeks"), QStringLiteral("25")};
        const CliRun r = cli(args);
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
        const QJsonObject o = jsonOf(r);
        QCOMPARE(o[QStringLiteral("frames")].toInteger(), 60);
        QCOMPARE(o[QStringLiteral("random_access_samples")].toInt(), 25);
        QCOMPARE(o[QStringLiteral("random_access_wrong_frames")].toInt(), 0);
        QVERIFY(o[QStringLiteral("index_decode_fps")].toDouble() > 0);
        QVERIFY(o[QStringLiteral("ffmpeg_fps")].toDouble() > 0);
        QVERIFY(o[QStringLiteral("ratio_to_ffmpeg")].toDouble() > 0);
        QVERIFY(o[QStringLiteral("random_access_ms_median")].toDouble() > 0);

        args << QStringLiteral("--no-ffmpeg");
        args.removeAll(QStringLiteral("--json"));
        const CliRun text = cli(args);
        QVERIFY2(text.exitCode == 0, qPrintable(text.describe()));
        QVERIFY2(text.out.contains("index + full decode: "), text.out.constData());
        QVERIFY2(text.out.contains("wrong frames: 0"), text.out.constData());
        QVERIFY2(!text.out.contains("ffmpeg -threads"), text.out.constData());
    }

    // ---- every bad input the issue lists, through every command that opens a video ----

    void badInput_data()
    {
        QTest::addColumn<QString>("command");
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("fileName");
        QTest::addColumn<QString>("phrase");
        for (const auto& c : fl::test::badVideoCases())
            QTest::addRow("info: %s", c.label) << "info" << int(c.kind) << c.fileName << c.phrase;
        // The other commands open videos the same way: a few cases each.
        for (const char* command : {"frame", "fragments", "bench"}) {
            for (const auto& c : fl::test::badVideoCases()) {
                if (c.kind == fl::test::BadVideo::Empty || c.kind == fl::test::BadVideo::FailsMidway
                    || c.kind == fl::test::BadVideo::Directory)
                    QTest::addRow("%s: %s", command, c.label) << command << int(c.kind) << c.fileName << c.phrase;
            }
        }
    }
    void badInput()
    {
        QFETCH(QString, command);
        QFETCH(int, kind);
        QFETCH(QString, fileName);
        QFETCH(QString, phrase);
        const QString folder = m_dir.filePath(QStringLiteral("bad-%1").arg(command));
        QDir().mkpath(folder);
        const QString file = QDir(folder).filePath(fileName);
        if (!QFileInfo::exists(file)) {
            const Status made = fl::test::makeBadVideo(file, fl::test::BadVideo(kind), m_video);
            QVERIFY2(made.ok(), qPrintable(made.error()));
        }
        QStringList args;
        if (command == QLatin1String("frame"))
            args = {command, file, QStringLiteral("0"), QStringLiteral("-o"),
                    QDir(folder).filePath(QStringLiteral("out.png"))};
        else if (command == QLatin1String("bench"))
            args = {command,
                    QStringLiteral("decode"),
                    file,
                    QStringLiteral("--runs"),
                    QStringLiteral("1"),
                    QStringLiteral("--no-ffmpeg")};
        else
            args = {command, file, QStringLiteral("--json")};
        const CliRun r = cli(args);
        expectOneLineFailure(r, file, phrase);
        QVERIFY2(r.out.isEmpty(), r.out.constData());
        QVERIFY(!QFileInfo::exists(QDir(folder).filePath(QStringLiteral("out.png"))));
    }
};

QTEST_GUILESS_MAIN(TestCliVideo)
#include "tst_cli_video.moc"
