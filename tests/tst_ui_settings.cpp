// AppSettings: one test per group. Each key reads back what was written (also from a fresh
// instance on the same file), absent keys give the defaults, and out-of-range or garbled
// values are clamped or replaced by the default. Changes emit their group's signal.
#include "AppSettings.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

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
        for (int i = 0; i < 14; ++i)
            s->addRecentProject(m_tmp.filePath(QStringLiteral("p%1").arg(i)));
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
        writeRaw(QStringLiteral("general/autosaveIntervalSeconds"), 99999);
        QCOMPARE(open()->autosaveIntervalSeconds(), 3600);
        writeRaw(QStringLiteral("general/autosaveIntervalSeconds"), QStringLiteral("soon"));
        QCOMPARE(open()->autosaveIntervalSeconds(), 60);
        writeRaw(QStringLiteral("general/reopenLastProject"), QStringLiteral("maybe"));
        QVERIFY(open()->reopenLastProject());
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
        QVERIFY(s->paintWhilePlaying());
        QVERIFY(!s->advanceAfterLabel());
        QVERIFY(s->snapEdgesToFragments());
        QSignalSpy changed(s.get(), &AppSettings::labelingChanged);
        s->setPaintWhilePlaying(false);
        s->setAdvanceAfterLabel(true);
        s->setSnapEdgesToFragments(false);
        QCOMPARE(changed.count(), 3);
        s.reset();
        auto t = open();
        QVERIFY(!t->paintWhilePlaying());
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
        QVERIFY(d.paintWhilePlaying());
    }
};

QTEST_GUILESS_MAIN(TestUiSettings)
#include "tst_ui_settings.moc"
