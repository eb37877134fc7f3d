#pragma once
// One label class of a project: its name (unique in the project), its colour as "#rrggbb"
// (core has no QtGui, so no QColor) and the key that applies it in the GUI (one character,
// "1".."9" by default, may be empty).
#include <QString>

namespace fl {

struct LabelClass {
    QString name;
    QString color;    // "#rrggbb", lowercase
    QString shortcut; // one key, "1".."9" by default; may be empty

    bool operator==(const LabelClass&) const = default;
};

} // namespace fl
