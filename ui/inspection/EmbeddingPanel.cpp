#include "inspection/EmbeddingPanel.h"

#include "analysis/FeatureProjection.h"
#include "fragments/FragmentCache.h"
#include "project/Project.h"

#include <qcustomplot.h>

#include <QTimer>

#include <QComboBox>
#include <QDir>
#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>

#include <cmath>
#include <cstring>
#include <map>

namespace fl {

EmbeddingPanel::EmbeddingPanel(PredictionsOf predictions, QWidget* parent)
    : QWidget(parent), m_predictionsOf(std::move(predictions))
{
    setObjectName(QStringLiteral("embeddingPanel"));
    auto* layout = new QVBoxLayout(this);
    auto* top = new QHBoxLayout;
    m_scope = new QComboBox(this);
    m_scope->setObjectName(QStringLiteral("embeddingScopeBox"));
    m_scope->addItems({tr("This video"), tr("All videos")});
    m_scope->setToolTip(tr("Which fragments the map shows"));
    m_colour = new QComboBox(this);
    m_colour->setObjectName(QStringLiteral("embeddingColourBox"));
    m_colour->addItems({tr("Colour by label"), tr("Colour by prediction")});
    top->addWidget(m_scope);
    top->addWidget(m_colour);
    layout->addLayout(top);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("embeddingStatus"));
    m_status->setWordWrap(true);
    layout->addWidget(m_status);
    m_plot = new QCustomPlot(this);
    m_plot->setObjectName(QStringLiteral("embeddingPlot"));
    m_plot->setMinimumHeight(200);
    m_plot->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    m_plot->legend->setVisible(true);
    m_plot->legend->setFont(QFont(font().family(), 8));
    layout->addWidget(m_plot, 1);
    m_hover = new QLabel(this);
    m_hover->setObjectName(QStringLiteral("embeddingHoverLabel"));
    m_hover->setMinimumHeight(64);
    layout->addWidget(m_hover);
    showHover(-1);

    connect(m_scope, &QComboBox::currentIndexChanged, this, &EmbeddingPanel::optionsChanged);
    connect(m_colour, &QComboBox::currentIndexChanged, this, &EmbeddingPanel::optionsChanged);
    connect(m_plot, &QCustomPlot::mouseMove, this, [this](QMouseEvent* e) { showHover(pointAt(e->position())); });
    connect(m_plot, &QCustomPlot::mousePress, this, [this](QMouseEvent* e) {
        if (e->button() != Qt::LeftButton) return;
        const int i = pointAt(e->position());
        if (i >= 0) emit fragmentActivated(m_points[size_t(i)].video, m_points[size_t(i)].fragment);
    });
}

void EmbeddingPanel::refresh(const Project& project, int currentVideo)
{
    m_points.clear();
    m_hovered = -2;
    showHover(-1);
    m_plot->clearGraphs();
    m_videoHashes.clear();
    m_videoNames.clear();
    if (project.isNull()) {
        m_status->clear();
        m_plot->replot();
        return;
    }
    m_cacheDir = project.cacheDir();
    m_length = project.spec().length;
    m_stride = project.spec().stride;
    m_step = project.spec().step;
    for (int v = 0; v < project.videoCount(); ++v) {
        m_videoHashes.push_back(project.video(v).hash);
        m_videoNames.push_back(project.video(v).fileName());
    }

    // Rows: the feature vectors of every predicted fragment in scope.
    std::vector<float> rows;
    int dims = 0;
    QStringList classes;
    std::vector<int> colourClass; // per point; -1: unlabeled / not predicted
    const bool byPrediction = m_colour->currentIndex() == 1;
    for (int v = 0; v < project.videoCount(); ++v) {
        if (m_scope->currentIndex() == 0 && v != currentVideo) continue;
        const VideoPredictions* p = m_predictionsOf(v);
        if (!p || !p->hasFeatures()) continue;
        if (dims == 0) {
            dims = p->featureSize;
            classes = p->classes;
        }
        if (p->featureSize != dims) continue;
        for (qint64 j = 0; j < p->fragmentCount(); ++j) {
            if (!p->isPredicted(j)) continue;
            const std::vector<float> f = p->feature(j);
            rows.insert(rows.end(), f.begin(), f.end());
            m_points.push_back({v, j, 0, 0});
            if (byPrediction) {
                colourClass.push_back(p->predictedClass(j));
            } else {
                const auto label = project.fragmentLabel(v, j);
                colourClass.push_back(label ? int(classes.indexOf(*label)) : -1);
            }
        }
    }
    if (m_points.size() < 3) {
        m_points.clear();
        m_status->setText(tr("No fragment features to map yet: predict first."));
        m_plot->replot();
        return;
    }
    const auto projection = projectPca(rows, dims);
    if (!projection) {
        m_points.clear();
        m_status->setText(projection.error());
        m_plot->replot();
        return;
    }
    for (size_t i = 0; i < m_points.size(); ++i) {
        m_points[i].x = projection->x(qint64(i));
        m_points[i].y = projection->y(qint64(i));
    }
    m_status->setText(tr("%1 fragments; PCA: the two axes explain %2% and %3% of the variance.")
                          .arg(m_points.size())
                          .arg(100.0 * projection->explainedVariance[0], 0, 'f', 1)
                          .arg(100.0 * projection->explainedVariance[1], 0, 'f', 1));

    // One graph per class (+ unlabeled), coloured by the project's class colours.
    std::map<int, QCPGraph*> graphs;
    auto graphFor = [&](int cls) {
        auto it = graphs.find(cls);
        if (it != graphs.end()) return it->second;
        QCPGraph* g = m_plot->addGraph();
        g->setLineStyle(QCPGraph::lsNone);
        QColor colour(160, 160, 160);
        QString name = byPrediction ? tr("not predicted") : tr("unlabeled");
        if (cls >= 0) {
            name = classes.value(cls);
            const int pc = project.classIndex(name);
            if (pc >= 0) colour = QColor(project.classes()[size_t(pc)].color);
        }
        g->setName(name);
        g->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, colour, cls >= 0 ? 6 : 4));
        graphs[cls] = g;
        return g;
    };
    for (size_t i = 0; i < m_points.size(); ++i) graphFor(colourClass[i])->addData(m_points[i].x, m_points[i].y);
    m_plot->rescaleAxes();
    m_plot->xAxis->scaleRange(1.1);
    m_plot->yAxis->scaleRange(1.1);
    m_plot->xAxis->setLabel(tr("PC 1"));
    m_plot->yAxis->setLabel(tr("PC 2"));
    m_plot->replot(); // lays the axis rect out
    equalAxes();
}

bool EmbeddingPanel::colourByLabels() const
{
    return m_colour->currentIndex() == 0;
}

void EmbeddingPanel::equalAxes()
{
    // One unit is as long on both axes: a component with little of the variance looks flat
    // (PC 2 with 1.6 % of it filled the height). The shorter range per pixel widens.
    const QRect r = m_plot->axisRect()->rect();
    if (r.width() <= 0 || r.height() <= 0 || m_plot->graphCount() == 0) return;
    const double x = m_plot->xAxis->range().size() / r.width();
    const double y = m_plot->yAxis->range().size() / r.height();
    if (x < y)
        m_plot->xAxis->setScaleRatio(m_plot->yAxis, 1.0);
    else
        m_plot->yAxis->setScaleRatio(m_plot->xAxis, 1.0);
    m_plot->replot();
}

void EmbeddingPanel::resizeEvent(QResizeEvent* e)
{
    QWidget::resizeEvent(e);
    QTimer::singleShot(0, this, [this] {
        if (m_plot->graphCount() > 0) {
            m_plot->rescaleAxes();
            m_plot->xAxis->scaleRange(1.1);
            m_plot->yAxis->scaleRange(1.1);
            m_plot->replot();
            equalAxes();
        }
    });
}

int EmbeddingPanel::pointAt(const QPointF& pos, double radius) const
{
    int best = -1;
    double bestD = radius * radius;
    for (size_t i = 0; i < m_points.size(); ++i) {
        const double dx = m_plot->xAxis->coordToPixel(m_points[i].x) - pos.x();
        const double dy = m_plot->yAxis->coordToPixel(m_points[i].y) - pos.y();
        const double d = dx * dx + dy * dy;
        if (d <= bestD) {
            bestD = d;
            best = int(i);
        }
    }
    return best;
}

QImage EmbeddingPanel::thumbnail(int video, qint64 fragment) const
{
    if (video < 0 || video >= int(m_videoHashes.size())) return {};
    const QDir frames(QDir(m_cacheDir).filePath(QStringLiteral("frames")));
    const QStringList files = frames.entryList({m_videoHashes[size_t(video)] + QStringLiteral("_*.flcache")},
                                               QDir::Files);
    if (files.isEmpty()) return {};
    auto cache = FragmentCache::open(frames.filePath(files.front()));
    if (!cache) return {};
    // The fragment's frames side by side.
    const FrameSize size = cache->frameSize();
    QImage strip(size.width * m_length, size.height, QImage::Format_RGB888);
    for (int t = 0; t < m_length; ++t) {
        const qint64 f = fragment * m_stride + qint64(t) * m_step;
        if (f >= cache->frameCount()) break;
        const QImage frame(cache->frame(f), size.width, size.height, size.width * 3, QImage::Format_RGB888);
        for (int y = 0; y < size.height; ++y)
            std::memcpy(strip.scanLine(y) + size_t(t) * size.width * 3, frame.constScanLine(y), size_t(size.width) * 3);
    }
    return strip;
}

void EmbeddingPanel::showHover(int i)
{
    if (i == m_hovered) return;
    m_hovered = i;
    if (i < 0) {
        m_hover->clear();
        m_hover->setText(tr("Hover over a point to see its fragment; click to go there."));
        return;
    }
    const Point& p = m_points[size_t(i)];
    const QImage thumb = thumbnail(p.video, p.fragment);
    if (thumb.isNull())
        m_hover->setText(tr("%1, fragment %2").arg(m_videoNames[size_t(p.video)]).arg(p.fragment));
    else
        m_hover->setPixmap(QPixmap::fromImage(thumb));
    m_hover->setToolTip(tr("%1, fragment %2").arg(m_videoNames[size_t(p.video)]).arg(p.fragment));
}

} // namespace fl
