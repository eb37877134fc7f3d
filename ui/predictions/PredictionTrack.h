#pragma once
// The timeline's prediction row: each fragment coloured by its predicted class (after the
// display threshold and minimum-bout smoothing), opacity by the model's confidence; uncertain
// fragments (below the threshold) in a faint grey; fragments not predicted yet left empty,
// so a running prediction job fills the row as it goes. Per pixel column the fragment
// covering most of it is drawn: O(visible fragments + width).
#include "analysis/PredictionSmoothing.h"
#include "analysis/VideoPredictions.h"
#include "timeline/TimelineTrack.h"

#include <QColor>
#include <QCoreApplication>

#include <vector>

namespace fl {

class PredictionTrack : public TimelineTrack {
    Q_DECLARE_TR_FUNCTIONS(PredictionTrack)
public:
    // predictions: null = nothing to show. colors: one per class of the predictions.
    void setPredictions(const VideoPredictions* predictions, std::vector<QColor> colors);
    void setSmoothing(const SmoothingOptions& options);
    // Call after the predictions' rows changed (streaming).
    void refresh();

    const std::vector<int>& shownClasses() const { return m_shown; }

    QString title() const override;
    int height() const override { return 18; }
    void paint(QPainter& painter, const QRect& row, const TimelineMapping& mapping) const override;
    QString toolTipAt(qint64 frame) const override;

private:
    const VideoPredictions* m_predictions = nullptr;
    std::vector<QColor> m_colors;
    SmoothingOptions m_smoothing;
    std::vector<int> m_shown;
};

} // namespace fl
