#pragma once
// Live loss and accuracy curves of a training run (QCustomPlot): the running training loss
// and accuracy per batch, and per epoch the training and validation loss, accuracy and
// validation macro-F1. The x axis is in epochs (a batch at step s of n in epoch e sits at
// e - 1 + s/n). The plots are named "lossPlot" and "accuracyPlot" (findChild).
#include "jobs/TrainingJob.h"

#include <QVector>
#include <QWidget>

class QCustomPlot;
class QCPGraph;

namespace fl {

class TrainingCurves : public QWidget {
    Q_OBJECT
public:
    enum Curve {
        BatchLoss,
        BatchAccuracy,
        TrainLoss,
        ValidationLoss,
        TrainAccuracy,
        ValidationAccuracy,
        ValidationMacroF1,
        CurveCount
    };

    explicit TrainingCurves(QWidget* parent = nullptr);

    void clear();
    void addBatch(const ml::BatchProgress& progress);
    void addEpoch(const EpochRecord& epoch);
    // Replaces everything with a finished run's history (report view).
    void setHistory(const QVector<EpochRecord>& history);

    int pointCount(Curve curve) const;

private:
    void replotSoon();
    void replotNow();
    QCustomPlot* m_loss = nullptr;
    QCustomPlot* m_accuracy = nullptr;
    QCPGraph* m_graphs[CurveCount] = {};
    bool m_replotPending = false;
};

} // namespace fl
