// fragmentlab --screenshot --panel (app/gui/main.cpp), run as a child process off screen on
// (a copy of) the demo project: the scenes view is grabbed after scenes and keyframes arrive;
// an unknown view, and the inspector without a model, fail with one line and write nothing.
// Cost: ~5 s (most of it the scenes view: demo copy, indexes, scene detection).
#include <QImage>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

namespace {

struct Run {
    int exitCode = -1;
    QString err;
};

Run runGui(const QStringList& arguments)
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(FL_GUI_PATH), arguments);
    Run run;
    if (!process.waitForFinished(180000)) {
        process.kill();
        process.waitForFinished();
        return run;
    }
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}

} // namespace

class TestUiScreenshot : public QObject {
    Q_OBJECT
private slots:
    void unknownPanelFails()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("x.png"));
        const Run run = runGui(
            {QStringLiteral("--screenshot"), file, QStringLiteral("--panel"), QStringLiteral("nonsense")});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(QStringLiteral("--panel")) && run.err.contains(QStringLiteral("nonsense")),
                 qPrintable(run.err));
        QVERIFY(!QFile::exists(file));
    }

    void inspectorWithoutModelFails()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("x.png"));
        const Run run = runGui({QStringLiteral("--screenshot"), file, QStringLiteral("--size"),
                                QStringLiteral("1000x700"), QStringLiteral("--panel"), QStringLiteral("inspector")});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(QStringLiteral("no active model")), qPrintable(run.err));
        QVERIFY(!QFile::exists(file));
    }

    void scenesPanel()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("scenes.png"));
        const Run run = runGui({QStringLiteral("--screenshot"), file, QStringLiteral("--size"),
                                QStringLiteral("1200x800"), QStringLiteral("--panel"), QStringLiteral("scenes")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        const QImage image(file);
        QVERIFY(!image.isNull());
        QCOMPARE(image.height(), 800);
        QVERIFY(image.width() >= 1200);
    }
};

QTEST_GUILESS_MAIN(TestUiScreenshot)
#include "tst_ui_screenshot.moc"
