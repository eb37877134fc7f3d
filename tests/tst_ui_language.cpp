// GuiLanguage: the zh_CN translation is compiled into fragui's resources, installTranslator()
// loads it for a Chinese locale and drops it again for English or an unknown language, and
// the setting "ui/language" chooses (empty = the system locale). Cost: < 1 s.
#include "UiFixtures.h"
#include "settings/GuiLanguage.h"

#include <QApplication>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using namespace fl;

namespace {
QString followTheSystem()
{
    return QCoreApplication::translate("fl::GuiLanguage", "Follow the system");
}
} // namespace

class TestUiLanguage : public QObject {
    Q_OBJECT

    QTemporaryDir m_config;

private slots:
    void initTestCase()
    {
        QVERIFY(m_config.isValid());
        fl::test::redirectDefaultSettings(m_config.path(), QStringLiteral("tst_ui_language"));
    }

    void cleanup() { installTranslator(QLocale(QLocale::English)); }

    void translationsAreCompiledIn()
    {
        QVERIFY(QFile::exists(QStringLiteral(":/i18n/fragmentlab_zh_CN.qm")));
        const QStringList languages = availableLanguages();
        QCOMPARE(languages.first(), QStringLiteral("en"));
        QVERIFY2(languages.contains(QStringLiteral("zh_CN")), qPrintable(languages.join(QLatin1Char(','))));
    }

    void chineseLoadsAndEnglishUnloads()
    {
        QCOMPARE(followTheSystem(), QStringLiteral("Follow the system"));
        QVERIFY(installTranslator(QLocale(QLocale::Chinese, QLocale::SimplifiedChineseScript, QLocale::China)));
        QCOMPARE(followTheSystem(), QStringLiteral("跟随系统"));
        QCOMPARE(languageDisplayName(QString()), QStringLiteral("跟随系统"));
        // Installing again replaces, never stacks.
        QVERIFY(installTranslator(QLocale(QStringLiteral("zh_CN"))));
        QCOMPARE(followTheSystem(), QStringLiteral("跟随系统"));

        QVERIFY(!installTranslator(QLocale(QLocale::English, QLocale::UnitedStates)));
        QCOMPARE(followTheSystem(), QStringLiteral("Follow the system"));
        QVERIFY(installTranslator(QLocale(QStringLiteral("zh_CN"))));
        QVERIFY(!installTranslator(QLocale(QLocale::French, QLocale::France))); // none: English
        QCOMPARE(followTheSystem(), QStringLiteral("Follow the system"));
    }

    void settingChooses()
    {
        QCOMPARE(languageSettingKey(), QStringLiteral("ui/language"));
        QCOMPARE(localeForLanguageSetting(QString()), QLocale::system());
        QCOMPARE(localeForLanguageSetting(QStringLiteral("zh_CN")).language(), QLocale::Chinese);

        QSettings().setValue(languageSettingKey(), QStringLiteral("zh_CN"));
        QVERIFY(installTranslatorFromSettings());
        QCOMPARE(followTheSystem(), QStringLiteral("跟随系统"));
        QSettings().setValue(languageSettingKey(), QStringLiteral("en"));
        QVERIFY(!installTranslatorFromSettings());
        QCOMPARE(followTheSystem(), QStringLiteral("Follow the system"));
        QSettings().remove(languageSettingKey()); // follows the system locale (C / en here)
        installTranslatorFromSettings();
    }

    void displayNames()
    {
        QCOMPARE(languageDisplayName(QStringLiteral("en")), QStringLiteral("English"));
        QCOMPARE(languageDisplayName(QStringLiteral("zh_CN")), QStringLiteral("简体中文"));
        QCOMPARE(languageDisplayName(QString()), QStringLiteral("Follow the system"));
    }
};

QTEST_MAIN(TestUiLanguage)
#include "tst_ui_language.moc"
