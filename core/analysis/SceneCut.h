#pragma once
// One detected scene boundary: `frame` is the first frame of the new scene (0-based decode
// order, as VideoSource counts frames).
#include <QString>

namespace fl {

struct SceneCut {
    enum class Kind {
        Content, // abrupt content change between frame-1 and frame
        Fade     // a run of dark frames (fade or cut to black, then fade or cut in)
    };
    qint64 frame = 0;
    Kind kind = Kind::Content;
    // Content: the content score of `frame`. Fade: the darkest frame's mean brightness.
    double score = 0;
    // Fade: the dark run [darkStart, darkEnd) the cut sits in (the cut is its middle frame).
    qint64 darkStart = -1;
    qint64 darkEnd = -1;

    static QString kindName(Kind kind) { return kind == Kind::Fade ? QStringLiteral("fade") : QStringLiteral("cut"); }
    bool operator==(const SceneCut&) const = default;
};

} // namespace fl
