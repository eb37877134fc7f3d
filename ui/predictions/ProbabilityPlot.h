#pragma once
// The probability panel under the timeline: one curve per class (the model's probability for
// each fragment, at the fragment's centre frame), the display threshold as a dashed line and
// the playhead as a vertical line. Its x range follows the timeline (setFrameRange from
// TimelineView::viewChanged); a click seeks (seekRequested). Named "probabilityPlot"; its
// QCustomPlot is "probabilityCurves" (findChild).
#include "analysis/VideoPredictions.h"

#include <QColor>
#include <QRect>
#include <QWidget>

#include <utility>

#include <vector>

class QCustomPlot;
class QCPItemStraightLine;

namespace fl {

class ProbabilityPlot : public QWidget {
    Q_OBJECT
public:
    explicit ProbabilityPlot(QWidget* parent = nullptr);

    // predictions null: empty plot. colors: one per class of the predictions.
    void setPredictions(const VideoPredictions* predictions, const std::vector<QColor>& colors);
    // Rows changed (streaming): reloads the curves, throttled to a few times per second.
    void refresh();
    void setThreshold(double threshold);
    void setPlayhead(qint64 frame);
    void setFrameRange(double firstFrame, double lastFrame);

    // Pixels left and right of the plot area, to line frames up with the timeline's tracks.
    void setContentInset(int left, int right);
    // The frames the x axis shows (the timeline's visible frames).
    std::pair<double, double> frameRange() const;
    QRect plotArea() const; // in this widget's coordinates
    int curveCount() const;
    int pointCount(int curve) const;

signals:
    void seekRequested(qint64 frame);

private:
    void reload();

    QCustomPlot* m_plot = nullptr;
    QCPItemStraightLine* m_playhead = nullptr;
    QCPItemStraightLine* m_threshold = nullptr;
    const VideoPredictions* m_predictions = nullptr;
    bool m_reloadPending = false;
};

} // namespace fl
