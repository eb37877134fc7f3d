#pragma once
// The language of the GUI: FragmentLab's own translations (translations/*.ts, compiled into
// fragui's resources as :/i18n/fragmentlab_<lang>.qm and installed beside the binary in
// share/fragmentlab/translations) plus Qt's own (qtbase_<lang>.qm) for standard dialogs.
//
// The choice is one setting, languageSettingKey() ("ui/language"): absent or empty = follow
// the system locale; otherwise a name from availableLanguages() ("en", "zh_CN"). The settings
// class and dialog read and write that key; main() calls installTranslatorFromSettings()
// before it builds any widget. A change takes effect at the next start.
#include <QLocale>
#include <QString>
#include <QStringList>

namespace fl {

QString languageSettingKey();
// "en" (the source language, always there) followed by every translation found, e.g. "zh_CN".
QStringList availableLanguages();
// How a chooser shows a language: its own name ("English", "简体中文"); for the empty
// setting, "Follow the system" in the current GUI language.
QString languageDisplayName(const QString& language);
// The locale a setting value stands for ("" -> QLocale::system()).
QLocale localeForLanguageSetting(const QString& language);

// Installs FragmentLab's and Qt's translations for `locale` on the application, replacing
// those an earlier call installed. Returns true when FragmentLab has a translation for it;
// false leaves the GUI in English (the source language).
bool installTranslator(const QLocale& locale);
// installTranslator() for the language the settings ask for (QSettings(), languageSettingKey()).
bool installTranslatorFromSettings();

} // namespace fl
