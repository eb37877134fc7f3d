#pragma once
// One detected scene boundary: `frame` is the first frame of the new scene (0-based decode
// order, as VideoSource counts frames).
#include <QString>

namespace fl {

struct SceneCut {
    enum class Kind {
        Content, // "cut": abrupt content change between frame-1 and frame
        Fade,    // "fade": a transition through black (fade or cut to black, then fade or cut in)
        Dissolve // "dissolve": a cross-fade from one shot to the next (the cut is inside it)
    };
    qint64 frame = 0;
    Kind kind = Kind::Content;
    // Content: the content score of `frame`. Fade: the darkest frame's mean brightness.
    // Dissolve: the change (mean absolute luma difference) across the dissolve window.
    double score = 0;
    // Fade: the dark run [darkStart, darkEnd) the boundary belongs to.
    qint64 darkStart = -1;
    qint64 darkEnd = -1;
    // Dissolve: the frames [spanStart, spanEnd) whose windows look like a cross-fade.
    qint64 spanStart = -1;
    qint64 spanEnd = -1;

    static QString kindName(Kind kind)
    {
        switch (kind) {
        case Kind::Fade: return QStringLiteral("fade");
        case Kind::Dissolve: return QStringLiteral("dissolve");
        case Kind::Content: break;
        }
        return QStringLiteral("cut");
    }
    bool operator==(const SceneCut&) const = default;
};

} // namespace fl
