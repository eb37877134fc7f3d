#include "project/ClassPalette.h"

#include <array>
#include <cmath>

namespace fl {

namespace {

constexpr std::array<const char*, 12> kPalette = {
    "#1f77b4", // blue
    "#ff7f0e", // orange
    "#2ca02c", // green
    "#d62728", // red
    "#9467bd", // purple
    "#8c564b", // brown
    "#e377c2", // pink
    "#17becf", // cyan
    "#bcbd22", // olive
    "#393b79", // indigo
    "#ad494a", // brick
    "#637939", // moss
};

QString hsvToHex(double h, double s, double v)
{
    const double c = v * s;
    const double hp = std::fmod(h, 360.0) / 60.0;
    const double x = c * (1 - std::fabs(std::fmod(hp, 2.0) - 1));
    double r = 0, g = 0, b = 0;
    switch (int(hp)) {
    case 0:
        r = c;
        g = x;
        break;
    case 1:
        r = x;
        g = c;
        break;
    case 2:
        g = c;
        b = x;
        break;
    case 3:
        g = x;
        b = c;
        break;
    case 4:
        r = x;
        b = c;
        break;
    default:
        r = c;
        b = x;
        break;
    }
    const double m = v - c;
    auto byte = [m](double u) { return int(std::lround((u + m) * 255)); };
    return QStringLiteral("#%1%2%3")
        .arg(byte(r), 2, 16, QLatin1Char('0'))
        .arg(byte(g), 2, 16, QLatin1Char('0'))
        .arg(byte(b), 2, 16, QLatin1Char('0'));
}

} // namespace

QString ClassPalette::color(int i)
{
    if (i >= 0 && i < int(kPalette.size())) return QString::fromLatin1(kPalette[size_t(i)]);
    const int k = i - int(kPalette.size());
    return hsvToHex(15.0 + 137.508 * k, k % 2 ? 0.55 : 0.8, k % 3 == 2 ? 0.6 : 0.85);
}

QString ClassPalette::firstUnusedColor(const QStringList& used)
{
    for (int i = 0;; ++i) {
        const QString c = color(i);
        if (!used.contains(c, Qt::CaseInsensitive) || i > 10000) return c;
    }
}

QString ClassPalette::shortcut(int i)
{
    return i >= 0 && i < 9 ? QString::number(i + 1) : QString();
}

QString ClassPalette::firstUnusedShortcut(const QStringList& used)
{
    for (int i = 0; i < 9; ++i)
        if (!used.contains(shortcut(i), Qt::CaseInsensitive)) return shortcut(i);
    return {};
}

bool ClassPalette::isValidColor(const QString& color)
{
    if (color.size() != 7 || color.at(0) != QLatin1Char('#')) return false;
    for (int i = 1; i < 7; ++i) {
        const char16_t c = color.at(i).unicode();
        if (!((c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f') || (c >= u'A' && c <= u'F'))) return false;
    }
    return true;
}

bool ClassPalette::isValidShortcut(const QString& key)
{
    if (key.isEmpty()) return true;
    return key.size() == 1 && key.at(0).isPrint() && !key.at(0).isSpace();
}

} // namespace fl
