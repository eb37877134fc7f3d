// fragmentlab-cli predict / suggest / keyframes --class end to end on a generated
// motion/static project (known truth). Cost: ~15 s on 2 idle cores (one 15-epoch training at
// 32 px, ~12 CLI starts).
#include "CliRun.h"
#include "MotionProject.h"
#include "TestMedia.h"

#include "project/Project.h"
#include "training/PredictionStore.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <set>

using namespace fl;

namespace {

QJsonObject json(const QByteArray& bytes)
{
    return QJsonDocument::fromJson(bytes).object();
}

QStringList fileLines(const QString& file)
{
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly)) return {};
    return QString::fromUtf8(f.readAll()).split(u'\n', Qt::SkipEmptyParts);
}

bool isMotionFrame(qint64 frame)
{
    return (frame / 40) % 2 == 0;
}

} // namespace

class TestCliPredict : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_tmp;
    test::MotionProject m_motion;
    std::unique_ptr<test::CliRunner> m_cli;

    test::CliRun cli(const QStringList& args) const { return m_cli->run(args, 300000); }

private slots:
    void initTestCase()
    {
        if (!test::ffmpegAvailable()) QSKIP("ffmpeg is not available");
        QVERIFY(m_tmp.isValid());
        auto made = test::makeMotionProject(m_tmp.filePath(QStringLiteral("motion")));
        QVERIFY2(made, qPrintable(made.error()));
        m_motion = *made;
        m_cli = std::make_unique<test::CliRunner>(m_tmp.filePath(QStringLiteral("home")));
    }

    void predictNeedsAModel()
    {
        const test::CliRun r = cli({QStringLiteral("predict"), m_motion.dir});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("no active model"), r.err.constData());
        const test::CliRun s = cli({QStringLiteral("suggest"), m_motion.dir});
        QCOMPARE(s.exitCode, 1);
        QVERIFY2(s.err.contains("no active model"), s.err.constData());
    }

    void trainThenSuggestWantsPredictions()
    {
        const test::CliRun train = cli({QStringLiteral("train"), m_motion.dir, QStringLiteral("--input-size"),
                                        QStringLiteral("32"), QStringLiteral("--epochs"), QStringLiteral("15"),
                                        QStringLiteral("--batch-size"), QStringLiteral("16"), QStringLiteral("--lr"),
                                        QStringLiteral("0.005"), QStringLiteral("--seed"), QStringLiteral("7"),
                                        QStringLiteral("--device"), QStringLiteral("cpu")});
        QVERIFY2(train.exitCode == 0, qPrintable(train.describe()));
        const test::CliRun s = cli({QStringLiteral("suggest"), m_motion.dir});
        QCOMPARE(s.exitCode, 1);
        QVERIFY2(s.err.contains("run predict first"), s.err.constData());
    }

    void predictStoresAndSummarises()
    {
        const test::CliRun r = cli({QStringLiteral("predict"), m_motion.dir, QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QJsonObject o = json(r.out);
        const QJsonArray videos = o.value(QStringLiteral("videos")).toArray();
        QCOMPARE(videos.size(), 1);
        const QJsonObject v = videos.first().toObject();
        QCOMPARE(v.value(QStringLiteral("video")).toString(), QStringLiteral("motion.mp4"));
        QCOMPARE(v.value(QStringLiteral("fragments")).toInteger(), 160);
        QCOMPARE(v.value(QStringLiteral("predicted")).toInteger(), 160);
        const QJsonObject counts = v.value(QStringLiteral("classes")).toObject();
        QVERIFY(std::abs(counts.value(QStringLiteral("motion")).toInteger() - 80) <= 8);
        QVERIFY(std::abs(counts.value(QStringLiteral("static")).toInteger() - 80) <= 8);
        QVERIFY(QFileInfo::exists(v.value(QStringLiteral("file")).toString()));

        // Text summary and CSV export.
        const QString csv = m_tmp.filePath(QStringLiteral("predictions.csv"));
        const test::CliRun t = cli({QStringLiteral("predict"), m_motion.dir, QStringLiteral("--video"),
                                    QStringLiteral("motion.mp4"), QStringLiteral("-o"), csv});
        QVERIFY2(t.exitCode == 0, t.err.constData());
        QVERIFY2(t.out.startsWith("motion.mp4: 160 of 160 fragments predicted (motion "), t.out.constData());
        const QStringList lines = fileLines(csv);
        QCOMPARE(lines.size(), 161);
        QCOMPARE(lines.first(),
                 QStringLiteral("video,fragment,start_frame,end_frame,label,confidence,decision,p_motion,p_static"));
        int correct = 0;
        for (int i = 1; i < lines.size(); ++i) {
            const QStringList f = lines[i].split(u',');
            // The raw prediction (label) and what the views show with the model's tuned decisions.
            QVERIFY2(f[6] == QLatin1String("motion") || f[6] == QLatin1String("static"), qPrintable(lines[i]));
            correct += (f[4] == QLatin1String("motion")) == isMotionFrame(f[2].toLongLong()) ? 1 : 0;
        }
        QVERIFY2(correct >= 152, qPrintable(QString::number(correct)));

        // JSON export.
        const QString js = m_tmp.filePath(QStringLiteral("predictions.json"));
        QCOMPARE(cli({QStringLiteral("predict"), m_motion.dir, QStringLiteral("-o"), js}).exitCode, 0);
        QFile jf(js);
        QVERIFY(jf.open(QIODevice::ReadOnly));
        QCOMPARE(json(jf.readAll()).value(QStringLiteral("format")).toString(),
                 QStringLiteral("fragmentlab-predictions"));

        const test::CliRun reused = cli({QStringLiteral("predict"), m_motion.dir, QStringLiteral("--reuse")});
        QVERIFY2(reused.exitCode == 0, reused.err.constData());
        QVERIFY(reused.out.startsWith("motion.mp4: 160 of 160 fragments predicted"));

        const test::CliRun bad = cli(
            {QStringLiteral("predict"), m_motion.dir, QStringLiteral("--video"), QStringLiteral("nope.mp4")});
        QCOMPARE(bad.exitCode, 1);
        QVERIFY2(bad.err.contains("no video \"nope.mp4\""), bad.err.constData());
    }

    void suggestRanksUnlabeledFragments()
    {
        const test::CliRun r = cli({QStringLiteral("suggest"), m_motion.dir, QStringLiteral("-n"), QStringLiteral("5"),
                                    QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QJsonArray list = json(r.out).value(QStringLiteral("suggestions")).toArray();
        QCOMPARE(list.size(), 5);
        std::set<qint64> seen;
        for (const auto& e : list) {
            const QJsonObject s = e.toObject();
            // The first labeledSegments segments of 40 frames are labeled: their fragments are never suggested.
            QVERIFY(s.value(QStringLiteral("fragment")).toInteger() >= m_motion.labeledSegments * 40 / 4);
            QVERIFY(seen.insert(s.value(QStringLiteral("fragment")).toInteger()).second);
        }
        const test::CliRun t = cli(
            {QStringLiteral("suggest"), m_motion.dir, QStringLiteral("-n"), QStringLiteral("3")});
        QVERIFY2(t.exitCode == 0, t.err.constData());
        QCOMPARE(t.out.trimmed().split('\n').size(), 4);
        QVERIFY(t.out.startsWith("video,fragment,start_frame,end_frame,predicted,confidence,uncertainty"));
        QCOMPARE(
            cli({QStringLiteral("suggest"), m_motion.dir, QStringLiteral("--measure"), QStringLiteral("x")}).exitCode,
            2);
    }

    void keyframesOfAPredictedClass()
    {
        const QString out = m_tmp.filePath(QStringLiteral("kf"));
        const QString csv = m_tmp.filePath(QStringLiteral("kf.csv"));
        const test::CliRun r = cli({QStringLiteral("keyframes"), m_motion.dir, QStringLiteral("-o"), out,
                                    QStringLiteral("--class"), QStringLiteral("motion"), QStringLiteral("--per-scene"),
                                    QStringLiteral("1"), QStringLiteral("--csv"), csv});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QStringList images = QString::fromUtf8(r.out).split(u'\n', Qt::SkipEmptyParts);
        QVERIFY(images.size() >= 7); // 8 motion runs (some may merge or split at an error)
        for (const QString& image : images) QVERIFY(QFileInfo::exists(image));
        const QStringList rows = fileLines(csv);
        QCOMPARE(rows.size(), images.size() + 1);
        int inMotion = 0;
        for (int i = 1; i < rows.size(); ++i) {
            const QStringList f = rows[i].split(u',');
            QCOMPARE(f[5], QStringLiteral("motion"));
            inMotion += isMotionFrame(f[1].toLongLong()) ? 1 : 0;
        }
        QVERIFY(inMotion >= rows.size() - 2);

        const test::CliRun bad = cli({QStringLiteral("keyframes"), m_motion.dir, QStringLiteral("-o"), out,
                                      QStringLiteral("--class"), QStringLiteral("jump")});
        QCOMPARE(bad.exitCode, 1);
        QVERIFY2(bad.err.contains("no class \"jump\""), bad.err.constData());
    }

    void predictAFolderOfVideos()
    {
        const QString out = m_tmp.filePath(QStringLiteral("folder-out"));
        const test::CliRun r = cli({QStringLiteral("predict"), m_motion.dir, QStringLiteral("--folder"),
                                    QFileInfo(m_motion.video).path(), QStringLiteral("-o"), out,
                                    QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QJsonArray videos = json(r.out).value(QStringLiteral("videos")).toArray();
        QCOMPARE(videos.size(), 1);
        const QString file = videos.first().toObject().value(QStringLiteral("file")).toString();
        QCOMPARE(file, QDir(out).filePath(QStringLiteral("motion.mp4.csv")));
        QCOMPARE(fileLines(file).size(), 161);
        const test::CliRun empty = cli({QStringLiteral("predict"), m_motion.dir, QStringLiteral("--folder"), out});
        QCOMPARE(empty.exitCode, 1);
        QVERIFY2(empty.err.contains("no video files"), empty.err.constData());
    }

    void damagedPredictionsAreRefused()
    {
        auto project = Project::load(m_motion.dir);
        QVERIFY(project);
        const QString file = PredictionStore::fileFor(*project, project->activeModel(), QStringLiteral("motion.mp4"));
        QFile f(file);
        QVERIFY(f.open(QIODevice::ReadWrite));
        QVERIFY(f.resize(f.size() / 2));
        f.close();
        const test::CliRun r = cli({QStringLiteral("suggest"), m_motion.dir});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("not a valid prediction file"), r.err.constData());
        QCOMPARE(r.err.trimmed().count('\n'), 0);
    }
};

QTEST_GUILESS_MAIN(TestCliPredict)
#include "tst_cli_predict.moc"
