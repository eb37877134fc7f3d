#include "settings/AppearanceTheme.h"

#include <QApplication>
#include <QStyle>
#include <QStyleFactory>

namespace fl {

namespace {

struct SystemLook {
    QString style;
    bool captured = false;
};

SystemLook& systemLook()
{
    static SystemLook look;
    return look;
}

} // namespace

void AppearanceTheme::captureSystem()
{
    SystemLook& look = systemLook();
    if (look.captured) return;
    look.style = QApplication::style() ? QApplication::style()->name() : QString();
    look.captured = true;
}

QPalette AppearanceTheme::darkPalette()
{
    QPalette p;
    const QColor window(45, 47, 51), base(32, 34, 37), text(230, 230, 230), disabled(130, 130, 130);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, QColor(40, 42, 46));
    p.setColor(QPalette::ToolTipBase, QColor(60, 63, 68));
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, disabled);
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, QColor(56, 59, 64));
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, QColor(255, 90, 90));
    p.setColor(QPalette::Highlight, QColor(66, 133, 244));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Link, QColor(110, 170, 255));
    p.setColor(QPalette::Light, QColor(70, 73, 78));
    p.setColor(QPalette::Midlight, QColor(60, 63, 68));
    p.setColor(QPalette::Mid, QColor(40, 42, 46));
    p.setColor(QPalette::Dark, QColor(25, 26, 28));
    p.setColor(QPalette::Shadow, Qt::black);
    for (auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, disabled);
    return p;
}

QPalette AppearanceTheme::lightPalette()
{
    if (QStyle* fusion = QStyleFactory::create(QStringLiteral("Fusion"))) {
        QPalette p = fusion->standardPalette();
        delete fusion;
        return p;
    }
    return QPalette();
}

void AppearanceTheme::apply(AppSettings::Theme theme)
{
    captureSystem();
    const SystemLook& look = systemLook();
    switch (theme) {
    case AppSettings::Theme::System:
        if (!look.style.isEmpty() && QApplication::style()->name() != look.style) QApplication::setStyle(look.style);
        // An empty palette (nothing set) resolves against the platform theme, and keeps
        // following it when the system switches between light and dark while we run.
        QApplication::setPalette(QPalette());
        break;
    case AppSettings::Theme::Light:
        QApplication::setStyle(QStringLiteral("Fusion"));
        QApplication::setPalette(lightPalette());
        break;
    case AppSettings::Theme::Dark:
        QApplication::setStyle(QStringLiteral("Fusion"));
        QApplication::setPalette(darkPalette());
        break;
    }
}

} // namespace fl
