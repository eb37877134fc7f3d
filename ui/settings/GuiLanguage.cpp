#include "settings/GuiLanguage.h"

#include <QCoreApplication>
#include <QDir>
#include <QLibraryInfo>
#include <QSettings>
#include <QTranslator>

#include <memory>
#include <vector>

namespace fl {

namespace {

const QString kFilePrefix = QStringLiteral("fragmentlab_");

// Where translations are looked for, first match wins: the resources compiled into the
// program, then an installed tree (bin/../share/fragmentlab/translations).
QStringList translationDirs()
{
    QStringList dirs{QStringLiteral(":/i18n")};
    if (QCoreApplication::instance())
        dirs << QDir(QCoreApplication::applicationDirPath())
                    .absoluteFilePath(QStringLiteral("../share/fragmentlab/translations"));
    return dirs;
}

std::vector<std::unique_ptr<QTranslator>>& installedTranslators()
{
    static std::vector<std::unique_ptr<QTranslator>> list;
    return list;
}

} // namespace

QString languageSettingKey()
{
    return QStringLiteral("ui/language");
}

QStringList availableLanguages()
{
    QStringList languages{QStringLiteral("en")};
    for (const QString& dir : translationDirs()) {
        const QStringList files = QDir(dir).entryList({kFilePrefix + QStringLiteral("*.qm")}, QDir::Files, QDir::Name);
        for (const QString& file : files) {
            const QString language = file.mid(kFilePrefix.size()).chopped(3);
            if (!languages.contains(language)) languages << language;
        }
    }
    return languages;
}

QString languageDisplayName(const QString& language)
{
    if (language.isEmpty()) return QCoreApplication::translate("fl::GuiLanguage", "Follow the system");
    const QLocale locale(language);
    if (locale.language() == QLocale::C) return language;
    if (locale.language() == QLocale::English) return QStringLiteral("English"); // not "American English"
    QString name = locale.nativeLanguageName();
    if (locale.language() == QLocale::Chinese)
        name = locale.script() == QLocale::TraditionalChineseScript ? QStringLiteral("繁體中文")
                                                                    : QStringLiteral("简体中文");
    return name.isEmpty() ? language : name;
}

QLocale localeForLanguageSetting(const QString& language)
{
    return language.trimmed().isEmpty() ? QLocale::system() : QLocale(language.trimmed());
}

bool installTranslator(const QLocale& locale)
{
    auto& installed = installedTranslators();
    for (const auto& t : installed) QCoreApplication::removeTranslator(t.get());
    installed.clear();

    // English is the source language: nothing to load. (Checked first: QTranslator::load
    // falls back to "fragmentlab.qm", and en_* locales have no file anyway.)
    if (locale.language() == QLocale::English || locale.language() == QLocale::C) return false;
    auto own = std::make_unique<QTranslator>();
    bool found = false;
    for (const QString& dir : translationDirs()) {
        if (own->load(locale, QStringLiteral("fragmentlab"), QStringLiteral("_"), dir)) {
            found = true;
            break;
        }
    }
    if (!found) return false;
    QCoreApplication::installTranslator(own.get());
    installed.push_back(std::move(own));

    // Qt's own strings (standard dialogs, context menus), when qt6-translations-l10n is there.
    auto qt = std::make_unique<QTranslator>();
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        QCoreApplication::installTranslator(qt.get());
        installed.push_back(std::move(qt));
    }
    return true;
}

bool installTranslatorFromSettings()
{
    return installTranslator(localeForLanguageSetting(QSettings().value(languageSettingKey()).toString()));
}

} // namespace fl
