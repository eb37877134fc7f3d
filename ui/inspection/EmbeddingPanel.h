#pragma once
// The embedding map: the fragment feature vectors of the current video (or of every video)
// projected to 2D by PCA, as a QCustomPlot scatter coloured by label or by prediction.
// Clicking a point goes to that fragment; hovering shows its frames' thumbnail (from the
// frame cache the prediction job built). The owner recomputes it (refresh) when
// optionsChanged says the scope or the colouring changed; colourByLabels() says whether label
// changes matter. Its widgets are named "embeddingScopeBox", "embeddingColourBox",
// "embeddingStatus", "embeddingPlot" (a QCustomPlot) and "embeddingHoverLabel" (findChild).
#include "analysis/VideoPredictions.h"

#include <QWidget>

#include <functional>
#include <vector>

class QComboBox;
class QCustomPlot;
class QLabel;

namespace fl {

class Project;

class EmbeddingPanel : public QWidget {
    Q_OBJECT
public:
    using PredictionsOf = std::function<const VideoPredictions*(int video)>;
    explicit EmbeddingPanel(PredictionsOf predictions, QWidget* parent = nullptr);

    // Recomputes the map for `project`, centred on `currentVideo` when the scope is one video.
    void refresh(const Project& project, int currentVideo);

    struct Point {
        int video = 0;
        qint64 fragment = 0;
        double x = 0, y = 0;
    };
    const std::vector<Point>& points() const { return m_points; }
    // The points are coloured by the project's labels (else by the predictions).
    bool colourByLabels() const;
    // The point nearest to widget position `pos` of the plot within `radius` px; -1: none.
    int pointAt(const QPointF& pos, double radius = 8) const;
    // Shows point i's fragment frames under the plot (-1: the hint).
    void showHover(int i);

signals:
    void fragmentActivated(int video, qint64 fragment);
    void optionsChanged();

protected:
    void resizeEvent(QResizeEvent* e) override;

private:
    void equalAxes();
    QImage thumbnail(int video, qint64 fragment) const;

    PredictionsOf m_predictionsOf;
    QComboBox* m_scope = nullptr;
    QComboBox* m_colour = nullptr;
    QLabel* m_status = nullptr;
    QCustomPlot* m_plot = nullptr;
    QLabel* m_hover = nullptr;
    int m_hovered = -2;
    std::vector<Point> m_points;
    QString m_cacheDir;
    std::vector<QString> m_videoHashes;
    std::vector<QString> m_videoNames;
    int m_spanFrames = 4;
    int m_length = 4;
    int m_stride = 4;
    int m_step = 1;
};

} // namespace fl
