#pragma once
// Seek-to-display latency, measured on the real widgets: a click at a random spot of the
// timeline (a synthesized mouse press on TimelineView) until the FrameView has painted that
// exact frame — first as a scrub preview (when previews are on), then at full resolution.
// Used by `fragmentlab --bench-seek VIDEO`; numbers go in docs/PERFORMANCE.md.
#include "Result.h"

#include <QJsonObject>
#include <QString>

#include <vector>

namespace fl {

class SeekBenchmark {
public:
    struct Options {
        int seeks = 100;
        bool previews = true;
        int pauseMs = 250; // between clicks, as a user looks at the frame
        int width = 1400;  // window size
        int height = 860;
        quint64 seed = 42;
    };
    struct Report {
        QString video;
        qint64 frames = 0;
        double indexSeconds = 0;            // first open: the frame index pass
        double previewBuildSeconds = 0;     // building the scrub preview (0 when off)
        std::vector<double> firstPictureMs; // click -> the exact frame painted (preview or full)
        std::vector<double> fullMs;         // click -> the exact frame painted at full resolution
        int cacheHits = 0;                  // clicks whose frame was already decoded
        int timeouts = 0;
        QJsonObject toJson() const;
        QString toText() const;
    };
    static Result<Report> run(const QString& video, const Options& options);

    static double median(std::vector<double> v);
    static double percentile(std::vector<double> v, double p);
};

} // namespace fl
