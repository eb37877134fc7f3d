// fragmentlab-cli train / evaluate / models / bench train end to end on a generated
// motion/static project. Cost: ~20 s on 2 idle cores (a 15-epoch and a 2-epoch training at
// 32 px, ~12 CLI starts); several times that when the machine is loaded.
#include "MotionProject.h"
#include "TestMedia.h"

#include "project/Project.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

using namespace fl;

namespace {

struct Run {
    int exit = -1;
    QByteArray out;
    QByteArray err;
};

Run cli(const QStringList& args)
{
    QProcess p;
    p.start(QStringLiteral(FL_CLI_PATH), args);
    Run r;
    if (!p.waitForFinished(300000)) return r;
    r.exit = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

QJsonObject json(const QByteArray& bytes)
{
    return QJsonDocument::fromJson(bytes).object();
}

const QStringList kFast = {QStringLiteral("--input-size"), QStringLiteral("32"),
                           QStringLiteral("--epochs"),     QStringLiteral("15"),
                           QStringLiteral("--batch-size"), QStringLiteral("16"),
                           QStringLiteral("--lr"),         QStringLiteral("0.005"),
                           QStringLiteral("--seed"),       QStringLiteral("7"),
                           QStringLiteral("--device"),     QStringLiteral("cpu")};

} // namespace

class TestCliTrain : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_tmp;
    test::MotionProject m_motion;

private slots:
    void initTestCase()
    {
        if (!test::ffmpegAvailable()) QSKIP("ffmpeg is not available");
        QVERIFY(m_tmp.isValid());
        auto made = test::makeMotionProject(m_tmp.filePath(QStringLiteral("motion")));
        QVERIFY2(made, qPrintable(made.error()));
        m_motion = *made;
    }

    void trainEvaluateAndListModels()
    {
        const Run train = cli(QStringList{QStringLiteral("train"), m_motion.dir, QStringLiteral("--json")} + kFast);
        QVERIFY2(train.exit == 0, train.err.constData());
        const QJsonObject result = json(train.out);
        const QString model = result.value(QStringLiteral("model")).toString();
        const QString report = result.value(QStringLiteral("report")).toString();
        QVERIFY(QFileInfo::exists(model));
        QVERIFY(QFileInfo::exists(report));
        QVERIFY(result.value(QStringLiteral("macro_f1")).toDouble() >= 0.9);
        QVERIFY(result.value(QStringLiteral("active")).toBool());
        QVERIFY2(train.err.contains("epoch 1/15"), train.err.constData()); // per-epoch progress on stderr
        auto project = Project::load(m_motion.dir);
        QVERIFY(project);
        QCOMPARE(project->activeModel(), QFileInfo(model).fileName());

        // Text mode of evaluate: the report and the confusion matrix.
        const Run text = cli(
            {QStringLiteral("evaluate"), m_motion.dir, QStringLiteral("--truth"), m_motion.unlabeledTruthCsv});
        QVERIFY2(text.exit == 0, text.err.constData());
        QVERIFY(text.out.contains("macro avg"));
        QVERIFY(text.out.contains("confusion matrix"));
        QVERIFY(text.out.contains("fragments: 70"));

        const Run eval = cli({QStringLiteral("evaluate"), m_motion.dir, QStringLiteral("--truth"),
                              m_motion.unlabeledTruthCsv, QStringLiteral("--json")});
        QVERIFY2(eval.exit == 0, eval.err.constData());
        const QJsonObject scores = json(eval.out);
        QCOMPARE(scores.value(QStringLiteral("fragments")).toInt(), 70);
        QVERIFY(scores.value(QStringLiteral("macro")).toObject().value(QStringLiteral("f1")).toDouble() >= 0.95);
        QCOMPARE(scores.value(QStringLiteral("confusion")).toArray().size(), 2);
        QCOMPARE(scores.value(QStringLiteral("per_class")).toArray().size(), 2);

        // A second model, not activated; then the list, and activation by prefix.
        const Run second = cli(QStringList{QStringLiteral("train"), m_motion.dir, QStringLiteral("--no-activate"),
                                           QStringLiteral("--arch"), QStringLiteral("r2plus1d"),
                                           QStringLiteral("--json"), QStringLiteral("--input-size"),
                                           QStringLiteral("32"), QStringLiteral("--epochs"), QStringLiteral("2")});
        QVERIFY2(second.exit == 0, second.err.constData());
        const QString secondModel = json(second.out).value(QStringLiteral("model")).toString();
        QVERIFY(secondModel.contains(QStringLiteral("r2plus1d")));
        const Run list = cli({QStringLiteral("models"), m_motion.dir, QStringLiteral("--json")});
        QVERIFY2(list.exit == 0, list.err.constData());
        const QJsonObject listed = json(list.out);
        QCOMPARE(listed.value(QStringLiteral("active")).toString(), QFileInfo(model).fileName());
        const QJsonArray models = listed.value(QStringLiteral("models")).toArray();
        QCOMPARE(models.size(), 2);
        for (const auto& m : models) QVERIFY(m.toObject().value(QStringLiteral("macro_f1")).toDouble() >= 0);
        const Run activate = cli({QStringLiteral("models"), m_motion.dir, QStringLiteral("--activate"),
                                  QFileInfo(secondModel).completeBaseName()});
        QVERIFY2(activate.exit == 0, activate.err.constData());
        QVERIFY(activate.out.contains("* " + QFileInfo(secondModel).fileName().toUtf8()));
        QCOMPARE(Project::load(m_motion.dir)->activeModel(), QFileInfo(secondModel).fileName());
    }

    void benchTrainWritesNothing()
    {
        const auto before = QDir(m_motion.dir + QStringLiteral("/models")).entryList(QDir::Files);
        const Run bench = cli({QStringLiteral("bench"), QStringLiteral("train"), m_motion.dir,
                               QStringLiteral("--epochs"), QStringLiteral("2"), QStringLiteral("--input-size"),
                               QStringLiteral("32"), QStringLiteral("--json")});
        QVERIFY2(bench.exit == 0, bench.err.constData());
        const QJsonObject o = json(bench.out);
        QCOMPARE(o.value(QStringLiteral("epochs")).toInt(), 2);
        QVERIFY(o.value(QStringLiteral("train_samples_per_second")).toDouble() > 0);
        QCOMPARE(QDir(m_motion.dir + QStringLiteral("/models")).entryList(QDir::Files), before);
    }

    void clearFailures_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("exit");
        QTest::addColumn<QString>("message");
        QTest::newRow("bad arch") << QStringList{QStringLiteral("train"), QStringLiteral("DIR"),
                                                 QStringLiteral("--arch"), QStringLiteral("vgg")}
                                  << 2 << QStringLiteral("--arch must be twostream, fragnet or r2plus1d");
        QTest::newRow("bad device") << QStringList{QStringLiteral("train"), QStringLiteral("DIR"),
                                                   QStringLiteral("--device"), QStringLiteral("tpu")}
                                    << 2 << QStringLiteral("--device must be auto, cpu or cuda");
        QTest::newRow("no truth") << QStringList{QStringLiteral("evaluate"), QStringLiteral("DIR")} << 2
                                  << QStringLiteral("--truth FILE is required");
        QTest::newRow("unknown model") << QStringList{QStringLiteral("models"), QStringLiteral("DIR"),
                                                      QStringLiteral("--activate"), QStringLiteral("zzz")}
                                       << 1 << QStringLiteral("no model \"zzz\"");
        QTest::newRow("not a project") << QStringList{QStringLiteral("train"), QStringLiteral("/nonexistent-fl")} << 1
                                       << QStringLiteral("not found");
    }

    void clearFailures()
    {
        QFETCH(QStringList, args);
        QFETCH(int, exit);
        QFETCH(QString, message);
        args.replaceInStrings(QStringLiteral("DIR"), m_motion.dir);
        const Run r = cli(args);
        QCOMPARE(r.exit, exit);
        QVERIFY2(QString::fromUtf8(r.err).contains(message), r.err.constData());
        QCOMPARE(r.err.count('\n'), 1);
        QVERIFY(r.out.isEmpty());
    }

    void trainWithoutLabelsFails()
    {
        test::MotionProjectOptions options;
        options.frames = 80;
        options.labeledFraction = 0;
        auto made = test::makeMotionProject(m_tmp.filePath(QStringLiteral("empty")), options);
        QVERIFY2(made, qPrintable(made.error()));
        const QByteArray before = [&] {
            QFile f(made->dir + QStringLiteral("/project.json"));
            f.open(QIODevice::ReadOnly);
            return f.readAll();
        }();
        const Run r = cli({QStringLiteral("train"), made->dir});
        QCOMPARE(r.exit, 1);
        QVERIFY2(r.err.contains("no labeled fragments"), r.err.constData());
        QCOMPARE(r.err.count('\n'), 1);
        QFile f(made->dir + QStringLiteral("/project.json"));
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), before);
        const Run eval = cli({QStringLiteral("evaluate"), made->dir, QStringLiteral("--truth"), made->allTruthCsv});
        QCOMPARE(eval.exit, 1);
        QVERIFY2(eval.err.contains("no active model"), eval.err.constData());
    }
};

QTEST_GUILESS_MAIN(TestCliTrain)
#include "tst_cli_train.moc"
