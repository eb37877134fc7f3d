// AppSettings: one test per group. Each key reads back what was written (also from a fresh
// instance on the same file), absent keys give the defaults, and out-of-range or garbled
// values are clamped or replaced by the default. Changes emit their group's signal.
#include "settings/AppSettings.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <cstdio>

using namespace fl;

class TestUiSettings : public QObject {
    Q_OBJECT

    QTemporaryDir m_tmp;
    int m_n = 0;
    QString m_file;

    std::unique_ptr<AppSettings> open()
    {
        return std::make_unique<AppSettings>(std::make_unique<QSettings>(m_file, QSettings::IniFormat));
    }
    void writeRaw(const QString& key, const QVariant& value)
    {
        QSettings raw(m_file, QSettings::IniFormat);
        raw.setValue(key, value);
    }

private slots:
    void init() { m_file = m_tmp.filePath(QStringLiteral("s%1.ini").arg(m_n++)); }

    void general()
    {
        auto s = open();
        QCOMPARE(s->autosaveIntervalSeconds(), 60);
        QVERIFY(s->reopenLastProject());
        QVERIFY(s->recentProjects().isEmpty());
        QSignalSpy changed(s.get(), &AppSettings::generalChanged);
        s->setAutosaveIntervalSeconds(15);
        s->setReopenLastProject(false);
        s->setLastProject(m_tmp.filePath(QStringLiteral("a/../b")));
        for (int i = 0; i < 14; ++i) s->addRecentProject(m_tmp.filePath(QStringLiteral("p%1").arg(i)));
        s->addRecentProject(m_tmp.filePath(QStringLiteral("p3")));
        QCOMPARE(changed.count(), 2 + 15);
        s->setAutosaveIntervalSeconds(15); // unchanged: no signal
        QCOMPARE(changed.count(), 17);
        s.reset();
        auto t = open();
        QCOMPARE(t->autosaveIntervalSeconds(), 15);
        QVERIFY(!t->reopenLastProject());
        QCOMPARE(t->lastProject(), m_tmp.filePath(QStringLiteral("b")));
        const QStringList recent = t->recentProjects();
        QCOMPARE(recent.size(), AppSettings::kMaxRecentProjects);
        QCOMPARE(recent.front(), m_tmp.filePath(QStringLiteral("p3")));
        QCOMPARE(recent.at(1), m_tmp.filePath(QStringLiteral("p13")));
        t->removeRecentProject(m_tmp.filePath(QStringLiteral("p3")));
        QCOMPARE(t->recentProjects().size(), AppSettings::kMaxRecentProjects - 1);
        t->clearRecentProjects();
        QVERIFY(t->recentProjects().isEmpty());
        t.reset();
        writeRaw(QStringLiteral("projects/autosaveIntervalSeconds"), 99999);
        QCOMPARE(open()->autosaveIntervalSeconds(), 3600);
        writeRaw(QStringLiteral("projects/autosaveIntervalSeconds"), QStringLiteral("soon"));
        QCOMPARE(open()->autosaveIntervalSeconds(), 60);
        writeRaw(QStringLiteral("projects/reopenLastProject"), QStringLiteral("maybe"));
        QVERIFY(open()->reopenLastProject());
    }

    // What the next start of the program sees: written by one process, read by a fresh one
    // (within one process QSettings serves its own cache and hid that "general/..." keys
    // came back as "General/...").
    static QString child(const QStringList& args)
    {
        QProcess p;
        p.start(QCoreApplication::applicationFilePath(), args);
        if (!p.waitForFinished(30000) || p.exitCode() != 0)
            return QStringLiteral("child failed: ") + QString::fromUtf8(p.readAllStandardError());
        return QString::fromUtf8(p.readAllStandardOutput()).trimmed();
    }

    void acrossProcesses()
    {
        const QString dir = m_tmp.filePath(QStringLiteral("my project"));
        QCOMPARE(child({QStringLiteral("--child-write"), m_file, dir}), QString());
        QCOMPARE(child({QStringLiteral("--child-read"), m_file}), QStringLiteral("17|false|%1|%1").arg(dir));
        QFile f(m_file);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QVERIFY(!f.readAll().contains("%General"));
    }

    void migratesOldGeneralKeys()
    {
        // As versions that kept these keys under "general/" left the file: two [%General]
        // sections (one per start), the later one the newer.
        const QString dir = m_tmp.filePath(QStringLiteral("old project"));
        QFile f(m_file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QStringLiteral("[%General]\nautosaveIntervalSeconds=30\nreopenLastProject=false\n\n"
                               "[playback]\ndefaultSpeed=2\n\n"
                               "[%General]\nlastProject=%1\nrecentProjects=%1\n")
                    .arg(dir)
                    .toUtf8());
        f.close();
        QCOMPARE(child({QStringLiteral("--child-read"), m_file}), QStringLiteral("30|false|%1|%1").arg(dir));
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray text = f.readAll();
        QVERIFY2(!text.contains("%General"), text.constData());
        QVERIFY(text.contains("[projects]"));
        QCOMPARE(open()->defaultSpeed(), 2.0); // other groups untouched
    }

    void lastFolders()
    {
        auto s = open();
        QVERIFY(s->lastFolder(QStringLiteral("videos")).isEmpty());
        QDir().mkpath(m_tmp.filePath(QStringLiteral("clips")));
        s->setLastFolder(QStringLiteral("videos"), m_tmp.filePath(QStringLiteral("clips/../clips")));
        s->setLastFolder(QStringLiteral("projects"), m_tmp.filePath(QStringLiteral("gone")));
        s.reset();
        auto t = open();
        QCOMPARE(t->lastFolder(QStringLiteral("videos")), m_tmp.filePath(QStringLiteral("clips")));
        QVERIFY(t->lastFolder(QStringLiteral("projects")).isEmpty()); // no longer there
    }

    void playback()
    {
        auto s = open();
        QCOMPARE(s->defaultSpeed(), 1.0);
        QCOMPARE(s->readAheadFrames(), 24);
        QCOMPARE(s->frameCacheMegabytes(), 384);
        QVERIFY(s->buildScrubPreviews());
        QCOMPARE(s->previewHeight(), 360);
        QSignalSpy changed(s.get(), &AppSettings::playbackChanged);
        s->setDefaultSpeed(2.0);
        s->setReadAheadFrames(48);
        s->setFrameCacheMegabytes(1024);
        s->setBuildScrubPreviews(false);
        s->setPreviewHeight(480);
        QCOMPARE(changed.count(), 5);
        s.reset();
        auto t = open();
        QCOMPARE(t->defaultSpeed(), 2.0);
        QCOMPARE(t->readAheadFrames(), 48);
        QCOMPARE(t->frameCacheMegabytes(), 1024);
        QVERIFY(!t->buildScrubPreviews());
        QCOMPARE(t->previewHeight(), 480);
        t->setDefaultSpeed(100);
        QCOMPARE(t->defaultSpeed(), 4.0);
        t->setDefaultSpeed(0.01);
        QCOMPARE(t->defaultSpeed(), 0.25);
        t->setPreviewHeight(5);
        QCOMPARE(t->previewHeight(), 144);
        t.reset();
        writeRaw(QStringLiteral("playback/defaultSpeed"), QStringLiteral("nan"));
        writeRaw(QStringLiteral("playback/readAheadFrames"), -5);
        QCOMPARE(open()->defaultSpeed(), 1.0);
        QCOMPARE(open()->readAheadFrames(), 0);
    }

    void labeling()
    {
        auto s = open();
        QVERIFY(!s->paintWhilePlaying()); // off until P turns it on
        QVERIFY(!s->advanceAfterLabel());
        QVERIFY(s->snapEdgesToFragments());
        QSignalSpy changed(s.get(), &AppSettings::labelingChanged);
        s->setPaintWhilePlaying(true);
        s->setAdvanceAfterLabel(true);
        s->setSnapEdgesToFragments(false);
        QCOMPARE(changed.count(), 3);
        s.reset();
        auto t = open();
        QVERIFY(t->paintWhilePlaying());
        QVERIFY(t->advanceAfterLabel());
        QVERIFY(!t->snapEdgesToFragments());
    }

    void timeline()
    {
        auto s = open();
        QVERIFY(s->showFragmentBoundaries());
        QVERIFY(s->showKeyframes());
        QVERIFY(s->followPlayhead());
        QSignalSpy changed(s.get(), &AppSettings::timelineChanged);
        s->setShowFragmentBoundaries(false);
        s->setShowKeyframes(false);
        s->setFollowPlayhead(false);
        QCOMPARE(changed.count(), 3);
        s.reset();
        auto t = open();
        QVERIFY(!t->showFragmentBoundaries());
        QVERIFY(!t->showKeyframes());
        QVERIFY(!t->followPlayhead());
    }

    void appearance()
    {
        auto s = open();
        QCOMPARE(s->theme(), AppSettings::Theme::System);
        QSignalSpy changed(s.get(), &AppSettings::appearanceChanged);
        s->setTheme(AppSettings::Theme::Dark);
        QCOMPARE(changed.count(), 1);
        s.reset();
        QCOMPARE(open()->theme(), AppSettings::Theme::Dark);
        open()->setTheme(AppSettings::Theme::Light);
        QCOMPARE(open()->theme(), AppSettings::Theme::Light);
        writeRaw(QStringLiteral("appearance/theme"), QStringLiteral("purple"));
        QCOMPARE(open()->theme(), AppSettings::Theme::System);
    }

    void window()
    {
        auto s = open();
        QVERIFY(s->windowGeometry().isEmpty());
        s->setWindowGeometry(QByteArray("geometry\0bytes", 14));
        s->setWindowState("state");
        s->setSplitterState("splitter");
        s.reset();
        auto t = open();
        QCOMPARE(t->windowGeometry(), QByteArray("geometry\0bytes", 14));
        QCOMPARE(t->windowState(), QByteArray("state"));
        QCOMPARE(t->splitterState(), QByteArray("splitter"));
    }

    void restoreDefaultsAndDefaultsInstance()
    {
        auto s = open();
        s->setAutosaveIntervalSeconds(5);
        s->setDefaultSpeed(3);
        s->setTheme(AppSettings::Theme::Dark);
        s->addRecentProject(m_tmp.filePath(QStringLiteral("keep")));
        s->restoreDefaults();
        QCOMPARE(s->autosaveIntervalSeconds(), 60);
        QCOMPARE(s->defaultSpeed(), 1.0);
        QCOMPARE(s->theme(), AppSettings::Theme::System);
        QCOMPARE(s->recentProjects().size(), 1); // not a preference
        const AppSettings& d = AppSettings::defaults();
        QCOMPARE(d.autosaveIntervalSeconds(), 60);
        QCOMPARE(d.previewHeight(), 360);
        QVERIFY(!d.paintWhilePlaying());
    }
};

// The test binary is also the "other process" of acrossProcesses: --child-write FILE DIR
// saves settings as the program does, --child-read FILE prints what a fresh start reads.
int main(int argc, char** argv)
{
    if (argc >= 3 && (qstrcmp(argv[1], "--child-write") == 0 || qstrcmp(argv[1], "--child-read") == 0)) {
        QCoreApplication app(argc, argv);
        AppSettings s(std::make_unique<QSettings>(QString::fromLocal8Bit(argv[2]), QSettings::IniFormat));
        if (qstrcmp(argv[1], "--child-write") == 0 && argc >= 4) {
            const QString dir = QString::fromLocal8Bit(argv[3]);
            s.setAutosaveIntervalSeconds(17);
            s.setReopenLastProject(false);
            s.setLastProject(dir);
            s.addRecentProject(dir);
            return 0;
        }
        const QString line = QStringLiteral("%1|%2|%3|%4")
                                 .arg(s.autosaveIntervalSeconds())
                                 .arg(s.reopenLastProject() ? QStringLiteral("true") : QStringLiteral("false"))
                                 .arg(s.lastProject(), s.recentProjects().join(QLatin1Char(';')));
        std::fputs(line.toUtf8().constData(), stdout);
        return 0;
    }
    QCoreApplication app(argc, argv);
    TestUiSettings t;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&t, argc, argv);
}
#include "tst_ui_settings.moc"
