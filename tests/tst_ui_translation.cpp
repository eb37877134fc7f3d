// The Simplified Chinese translation is complete: translations/fragmentlab_zh_CN.ts has no
// unfinished or empty entry and keeps every placeholder and accelerator of its source, and
// with the zh_CN translator installed the real main window (with every feature attached,
// as app/gui/main.cpp builds it) shows every menu title, menu action and dock title in Chinese,
// each different from the English window's. Cost: ~1 s.
#include "UiFixtures.h"
#include "settings/AppSettings.h"
#include "settings/GuiLanguage.h"
#include "shell/Features.h"
#include "shell/MainWindow.h"

#include <QAction>
#include <QApplication>
#include <QDockWidget>
#include <QFile>
#include <QMenu>
#include <QMenuBar>
#include <QRegularExpression>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

#include <memory>

using namespace fl;

namespace {

bool hasCjk(const QString& text)
{
    for (const QChar c : text)
        if (c.unicode() >= 0x4E00 && c.unicode() <= 0x9FFF) return true;
    return false;
}

// Sorted, de-duplicated placeholders (%1, %2, %n) of a text.
QStringList placeholders(const QString& text)
{
    static const QRegularExpression re(QStringLiteral("%(\\d+|n)"));
    QStringList found;
    for (auto it = re.globalMatch(text); it.hasNext();) found << it.next().captured();
    found.sort();
    found.removeDuplicates();
    return found;
}

// The mnemonic letter of a menu text ("&File" -> "F", "文件(&F)" -> "F"), empty for none.
QString mnemonic(const QString& text)
{
    QString plain = text;
    plain.replace(QStringLiteral("&&"), QString());
    plain.remove(QRegularExpression(QStringLiteral("&[a-z#0-9]+;"))); // HTML entities
    const qsizetype at = plain.indexOf(QLatin1Char('&'));
    return at >= 0 && at + 1 < plain.size() ? plain.mid(at + 1, 1).toUpper() : QString();
}

struct MenuEntry {
    QString path; // "File", "File/Open Recent", for messages
    QString name; // objectName of the action, or its position when it has none
    QString text;
};

void collect(const QMenu* menu, const QString& path, std::vector<MenuEntry>& out)
{
    const QList<QAction*> actions = menu->actions();
    for (qsizetype i = 0; i < actions.size(); ++i) {
        const QAction* a = actions[i];
        if (a->isSeparator()) continue;
        const QString name = a->objectName().isEmpty() ? QStringLiteral("#%1").arg(i) : a->objectName();
        out.push_back({path, name, a->text()});
        if (const QMenu* sub = a->menu()) collect(sub, path + QLatin1Char('/') + name, out);
    }
}

// Menu titles (as entries of the menu bar) and every action in the menus, recursively.
std::vector<MenuEntry> menuEntries(const MainWindow& window)
{
    std::vector<MenuEntry> out;
    const QList<QAction*> top = window.menuBar()->actions();
    for (qsizetype i = 0; i < top.size(); ++i) {
        const QAction* a = top[i];
        if (a->isSeparator()) continue;
        const QString name = QStringLiteral("menu#%1").arg(i);
        out.push_back({QString(), name, a->text()});
        if (const QMenu* menu = a->menu()) collect(menu, name, out);
    }
    return out;
}

QStringList dockTitles(const MainWindow& window)
{
    QStringList titles;
    for (const QDockWidget* dock : window.findChildren<QDockWidget*>())
        titles << dock->objectName() + QLatin1Char('=') + dock->windowTitle();
    titles.sort();
    return titles;
}

} // namespace

class TestUiTranslation : public QObject {
    Q_OBJECT

    QTemporaryDir m_tmp;
    int m_settingsCount = 0;

    std::unique_ptr<AppSettings> settings()
    {
        return std::make_unique<AppSettings>(
            std::make_unique<QSettings>(m_tmp.filePath(QStringLiteral("settings%1.ini").arg(m_settingsCount++)),
                                        QSettings::IniFormat));
    }

    // Builds the window as app/gui/main.cpp does and returns what its menus and docks say.
    void buildWindow(std::vector<MenuEntry>& entries, QStringList& docks)
    {
        auto s = settings();
        MainWindow window(s.get());
        attachFeatures(window);
        entries = menuEntries(window);
        docks = dockTitles(window);
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_tmp.isValid());
        fl::test::redirectDefaultSettings(m_tmp.path(), QStringLiteral("tst_ui_translation"));
    }

    void cleanup() { installTranslator(QLocale(QLocale::English)); }

    void tsFileIsComplete()
    {
        QFile file(QStringLiteral(FL_SOURCE_DIR "/translations/fragmentlab_zh_CN.ts"));
        QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.fileName()));
        QXmlStreamReader xml(&file);
        int messages = 0;
        QStringList problems;
        QString context, source, translation;
        bool numerus = false;
        while (!xml.atEnd()) {
            xml.readNext();
            if (!xml.isStartElement()) continue;
            const auto name = xml.name();
            if (name == QLatin1String("name")) {
                context = xml.readElementText();
            } else if (name == QLatin1String("message")) {
                ++messages;
                numerus = xml.attributes().value(QLatin1String("numerus")) == QLatin1String("yes");
                source.clear();
            } else if (name == QLatin1String("source")) {
                source = xml.readElementText();
            } else if (name == QLatin1String("translation") || name == QLatin1String("numerusform")) {
                const QString type = xml.attributes().value(QLatin1String("type")).toString();
                const QString where = context + QLatin1String(": ") + source;
                if (!type.isEmpty()) problems << type + QLatin1String(" - ") + where;
                if (name == QLatin1String("translation") && numerus)
                    continue; // its <numerusform> children are checked one by one
                translation = xml.readElementText();
                if (translation.trimmed().isEmpty()) {
                    problems << QLatin1String("empty - ") + where;
                    continue;
                }
                if (placeholders(source) != placeholders(translation))
                    problems << QLatin1String("placeholders differ - ") + where + QLatin1String(" => ") + translation;
                if (mnemonic(source) != mnemonic(translation))
                    problems << QLatin1String("accelerator differs - ") + where + QLatin1String(" => ") + translation;
            }
        }
        QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
        QVERIFY2(messages > 500, qPrintable(QString::number(messages)));
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
    }

    void mainWindowIsTranslated()
    {
        std::vector<MenuEntry> english, chinese;
        QStringList englishDocks, chineseDocks;
        QVERIFY(!installTranslator(QLocale(QLocale::English)));
        buildWindow(english, englishDocks);
        QVERIFY(installTranslator(QLocale(QStringLiteral("zh_CN"))));
        buildWindow(chinese, chineseDocks);

        QVERIFY(english.size() > 60); // the menus of the main window and the model workspace
        QCOMPARE(chinese.size(), english.size());
        QCOMPARE(english.front().text, QStringLiteral("&File"));
        QCOMPARE(chinese.front().text, QStringLiteral("文件(&F)"));

        QStringList untranslated;
        for (size_t i = 0; i < english.size(); ++i) {
            const MenuEntry& en = english[i];
            const MenuEntry& zh = chinese[i];
            QCOMPARE(zh.name, en.name);
            if (zh.text == en.text || !hasCjk(zh.text) || mnemonic(zh.text) != mnemonic(en.text))
                untranslated << en.path + QLatin1Char('/') + en.name + QLatin1String(": \"") + en.text
                        + QLatin1String("\" -> \"") + zh.text + QLatin1Char('"');
        }
        QVERIFY2(untranslated.isEmpty(), qPrintable(untranslated.join(QLatin1Char('\n'))));

        QVERIFY(englishDocks.size() >= 5);
        QCOMPARE(chineseDocks.size(), englishDocks.size());
        for (qsizetype i = 0; i < englishDocks.size(); ++i) {
            QVERIFY2(chineseDocks[i] != englishDocks[i], qPrintable(englishDocks[i]));
            QVERIFY2(hasCjk(chineseDocks[i]), qPrintable(chineseDocks[i]));
        }
    }
};

QTEST_MAIN(TestUiTranslation)
#include "tst_ui_translation.moc"
