#pragma once
// Icons drawn in the palette's text colour (so they read on light and dark themes alike, at
// any device pixel ratio) for the controls the platform's icon theme may lack.
#include <QIcon>
#include <QPalette>

namespace fl {

class PaintedIcons {
public:
    enum class Kind {
        Play,
        Pause,
        StepForward,
        StepBack,
        NextFragment,
        PreviousFragment,
        ZoomIn,
        ZoomOut,
        ZoomFit,
        Paint
    };
    static QIcon icon(Kind kind, const QPalette& palette);
};

} // namespace fl
