#pragma once
// Timeline paint time on a long video: a project with one video of N fragments, every
// fragment labeled and neighbours in different classes (the worst case: N label ranges),
// keyframes every 250 frames; the real TimelineView rendered into an image at several zoom
// levels. Used by `fragmentlab --bench-timeline`.
#include "Result.h"

#include <QJsonObject>
#include <QString>

#include <vector>

namespace fl {

class TimelinePaintBenchmark {
public:
    struct Options {
        qint64 fragments = 100000;
        int width = 1600;
        int repeats = 60;
    };
    struct Level {
        QString name;
        double framesPerPixel = 0;
        std::vector<double> ms;
    };
    struct Report {
        qint64 fragments = 0;
        qint64 frames = 0;
        int labelRanges = 0;
        int width = 0;
        std::vector<Level> levels;
        QJsonObject toJson() const;
        QString toText() const;
    };
    static Result<Report> run(const Options& options);
};

} // namespace fl
