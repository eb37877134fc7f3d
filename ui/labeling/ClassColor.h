#pragma once
// The colour a label class is drawn with in the labeling views (badge, status counts, class
// keys): its own, grey when it has none.
#include "project/LabelClass.h"

#include <QString>

namespace fl {

inline QString classDisplayColor(const LabelClass& c)
{
    return c.color.isEmpty() ? QStringLiteral("#888888") : c.color;
}

} // namespace fl
