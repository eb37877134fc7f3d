#pragma once
// Applies the Appearance setting: follow the system's palette (light or dark, and changes to
// it while running), or a fixed light or dark palette on the Fusion style. Custom-painted
// widgets draw with palette roles, so they follow too.
#include "settings/AppSettings.h"

#include <QPalette>

namespace fl {

class AppearanceTheme {
public:
    // Call once at start, before any theme is applied: remembers the system's style.
    static void captureSystem();
    static void apply(AppSettings::Theme theme);
    static QPalette darkPalette();
    static QPalette lightPalette();
};

} // namespace fl
