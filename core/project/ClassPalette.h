#pragma once
// Default colours and keys for label classes: a fixed palette of clearly distinct colours,
// then golden-angle hues once it runs out; keys "1".."9".
#include <QString>
#include <QStringList>

namespace fl {

class ClassPalette {
public:
    // The i-th default colour, "#rrggbb".
    static QString color(int i);
    // The first default colour not in `used` (compared case-insensitively).
    static QString firstUnusedColor(const QStringList& used);
    // "1".."9" for i = 0..8, empty after that.
    static QString shortcut(int i);
    // The first of "1".."9" not in `used`, or empty.
    static QString firstUnusedShortcut(const QStringList& used);

    static bool isValidColor(const QString& color);  // "#rrggbb"
    static bool isValidShortcut(const QString& key); // empty, or one printable non-space character
};

} // namespace fl
