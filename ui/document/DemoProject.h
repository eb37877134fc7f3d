#pragma once
// The bundled demo project (resources/demo: two freely licensed clips with a few labels). It
// is never opened where it ships: the GUI works on a writable copy in the user's data folder.
#include "Result.h"

#include <QString>

namespace fl {

class DemoProject {
public:
    // The shipped demo: <binary>/../share/fragmentlab/demo when installed, else `sourceDir`.
    static QString shippedDir(const QString& sourceDir);
    // The per-user copy (AppDataLocation/demo-project).
    static QString writableDir();
    // Copies the shipped demo (without cache/) into `target` unless it already holds a
    // project; returns `target`. Copied files are writable by the user.
    static Result<QString> ensureCopy(const QString& shipped, const QString& target);
    // True when `dir` is the shipped demo itself (the GUI then opens the copy instead).
    static bool isShipped(const QString& dir, const QString& shipped);
};

} // namespace fl
