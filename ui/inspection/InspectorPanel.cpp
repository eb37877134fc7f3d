#include "inspection/InspectorPanel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QPainter>
#include <QScrollArea>
#include <QSlider>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <cmath>

namespace fl {

namespace {
constexpr int kFrameTile = 112;  // px per input frame in the strip
constexpr int kChannelTile = 56; // px per channel in the grid
constexpr int kMaxChannels = 64;
} // namespace

InspectorPanel::InspectorPanel(QWidget* parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("inspectorPanel"));
    auto* layout = new QVBoxLayout(this);
    m_title = new QLabel(tr("No fragment"), this);
    m_title->setWordWrap(true);
    layout->addWidget(m_title);
    m_follow = new QCheckBox(tr("Follow the playhead"), this);
    m_follow->setObjectName(QStringLiteral("inspectorFollowBox"));
    m_follow->setChecked(true);
    m_follow->setToolTip(tr("Inspect the fragment under the playhead; off: keep the one shown"));
    layout->addWidget(m_follow);

    auto* saliency = new QGroupBox(tr("Frames and saliency (Grad-CAM)"), this);
    auto* sform = new QFormLayout(saliency);
    m_saliencyClass = new QComboBox(saliency);
    m_saliencyClass->setObjectName(QStringLiteral("saliencyClassBox"));
    m_saliencyClass->setToolTip(tr("The class whose evidence the overlay shows"));
    sform->addRow(tr("Class"), m_saliencyClass);
    m_opacity = new QSlider(Qt::Horizontal, saliency);
    m_opacity->setObjectName(QStringLiteral("saliencyOpacitySlider"));
    m_opacity->setRange(0, 100);
    m_opacity->setValue(60);
    m_opacity->setToolTip(tr("Opacity of the saliency overlay"));
    sform->addRow(tr("Opacity"), m_opacity);
    m_frames = new QLabel(saliency);
    m_frames->setMinimumHeight(kFrameTile);
    sform->addRow(m_frames);
    m_probabilities = new QLabel(saliency);
    m_probabilities->setWordWrap(true);
    sform->addRow(m_probabilities);
    layout->addWidget(saliency);

    auto* maps = new QGroupBox(tr("Feature maps"), this);
    auto* mlayout = new QVBoxLayout(maps);
    auto* mform = new QFormLayout;
    m_layer = new QComboBox(maps);
    m_layer->setObjectName(QStringLiteral("inspectorLayerBox"));
    m_layer->setToolTip(tr("The layer whose activations are shown"));
    mform->addRow(tr("Layer"), m_layer);
    m_frame = new QSpinBox(maps);
    m_frame->setObjectName(QStringLiteral("inspectorFrameBox"));
    m_frame->setToolTip(tr("Which frame of the fragment (time step of the layer)"));
    mform->addRow(tr("Frame"), m_frame);
    mlayout->addLayout(mform);
    m_grid = new QLabel(maps);
    m_grid->setObjectName(QStringLiteral("channelGrid"));
    m_grid->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    auto* scroll = new QScrollArea(maps);
    scroll->setWidget(m_grid);
    scroll->setWidgetResizable(true);
    scroll->setMinimumHeight(2 * kChannelTile + 10);
    mlayout->addWidget(scroll, 2);
    m_stats = new QTableWidget(0, 4, maps);
    m_stats->setObjectName(QStringLiteral("channelStatsTable"));
    m_stats->setHorizontalHeaderLabels({tr("Channel"), tr("Mean"), tr("Max"), tr("Active")});
    m_stats->horizontalHeaderItem(3)->setToolTip(tr("Share of positions with a positive activation"));
    m_stats->verticalHeader()->hide();
    m_stats->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_stats->setSortingEnabled(true);
    mlayout->addWidget(m_stats, 1);
    layout->addWidget(maps, 1);

    connect(&m_watcher, &QFutureWatcher<Result<InspectionResult>>::finished, this, &InspectorPanel::onFinished);
    auto recompute = [this] {
        if (!m_updatingBoxes && m_last) start(currentRequest());
    };
    connect(m_layer, &QComboBox::currentIndexChanged, this, recompute);
    connect(m_saliencyClass, &QComboBox::currentIndexChanged, this, recompute);
    connect(m_opacity, &QSlider::valueChanged, this, &InspectorPanel::showFrames);
    connect(m_frame, &QSpinBox::valueChanged, this, &InspectorPanel::showChannels);
    connect(m_follow, &QCheckBox::toggled, this, &InspectorPanel::followChanged);
}

bool InspectorPanel::follows() const
{
    return m_follow->isChecked();
}

void InspectorPanel::setFollow(bool follow)
{
    m_follow->setChecked(follow);
}

InspectorPanel::~InspectorPanel()
{
    m_watcher.waitForFinished();
}

InspectionRequest InspectorPanel::currentRequest() const
{
    InspectionRequest r = m_last ? *m_last : InspectionRequest{};
    r.layer = m_layer->currentText();
    r.saliencyClass = m_saliencyClass->currentIndex() - 1; // 0: "predicted"
    return r;
}

void InspectorPanel::inspect(const InspectionRequest& request, bool force)
{
    if (!force && !m_follow->isChecked()) return;
    InspectionRequest r = request;
    if (r.layer.isEmpty()) r.layer = m_layer->currentText();
    if (r.saliencyClass < 0) r.saliencyClass = m_saliencyClass->currentIndex() - 1;
    if (m_last && m_last->modelFile != r.modelFile) { // another model: its own layers and classes
        r.layer.clear();
        r.saliencyClass = -1;
    }
    start(r);
}

void InspectorPanel::start(const InspectionRequest& request)
{
    m_last = request;
    if (m_watcher.isRunning()) {
        m_pending = request; // only the latest waits
        return;
    }
    m_title->setText(tr("Inspecting fragment %1...").arg(request.fragment));
    m_watcher.setFuture(QtConcurrent::run([this, request] { return m_inspection.compute(request); }));
}

void InspectorPanel::clear(const QString& message)
{
    m_pending.reset();
    m_result.reset();
    m_title->setText(message);
    m_frames->clear();
    m_grid->clear();
    m_stats->setRowCount(0);
    m_probabilities->clear();
}

void InspectorPanel::onFinished()
{
    Result<InspectionResult> r = m_watcher.result();
    if (m_pending) {
        const InspectionRequest next = *m_pending;
        m_pending.reset();
        start(next);
        return;
    }
    if (!r) {
        clear(tr("Cannot inspect: %1").arg(r.error()));
        emit inspected();
        return;
    }
    m_result = std::move(*r);
    showResult();
    emit inspected();
}

void InspectorPanel::showResult()
{
    const InspectionResult& r = *m_result;
    m_updatingBoxes = true;
    if (m_layer->count() != r.layers.size() || (m_layer->count() > 0 && m_layer->itemText(0) != r.layers.front())) {
        m_layer->clear();
        m_layer->addItems(r.layers);
    }
    m_layer->setCurrentText(r.request.layer);
    if (m_saliencyClass->count() != r.classes.size() + 1) {
        m_saliencyClass->clear();
        m_saliencyClass->addItem(tr("Predicted class"));
        m_saliencyClass->addItems(r.classes);
    }
    m_frame->setRange(0, std::max(0, r.activations.frames - 1));
    m_updatingBoxes = false;

    QStringList probs;
    for (int c = 0; c < r.classes.size() && c < int(r.probabilities.size()); ++c)
        probs << QStringLiteral("%1 %2").arg(r.classes[c]).arg(double(r.probabilities[size_t(c)]), 0, 'f', 3);
    m_probabilities->setText(tr("Probabilities: %1").arg(probs.join(QStringLiteral(" · "))));
    m_title->setText(tr("Fragment %1, frames %2-%3")
                         .arg(r.request.fragment)
                         .arg(r.request.spec.firstFrame(r.request.fragment))
                         .arg(r.request.spec.endFrame(r.request.fragment) - 1));
    showFrames();
    showChannels();
}

void InspectorPanel::showFrames()
{
    if (!m_result) return;
    const InspectionResult& r = *m_result;
    const int n = int(r.frames.size());
    QImage strip(n * (kFrameTile + 4), kFrameTile, QImage::Format_RGB32);
    strip.fill(palette().color(QPalette::Window));
    QPainter p(&strip);
    for (int t = 0; t < n; ++t) {
        const QImage shown = saliencyOverlay(r.frames[size_t(t)], r, t, m_opacity->value() / 100.0);
        p.drawImage(QRect(t * (kFrameTile + 4), 0, kFrameTile, kFrameTile), shown);
    }
    p.end();
    m_frames->setPixmap(QPixmap::fromImage(strip));
    m_frames->setToolTip(r.saliency.empty()
                             ? tr("No saliency: %1").arg(r.saliencyNote)
                             : tr("Grad-CAM for %1 at layer %2: warm colours are where the evidence for it is")
                                   .arg(r.classes.value(r.saliencyClass), r.saliencyLayer));
}

void InspectorPanel::showChannels()
{
    if (!m_result) return;
    const ml::LayerActivations& a = m_result->activations;
    const int t = std::clamp(m_frame->value(), 0, std::max(0, a.frames - 1));
    const int shown = std::min(a.channels, kMaxChannels);
    m_stats->setSortingEnabled(false);
    m_stats->setRowCount(a.channels);
    const size_t plane = size_t(std::max(1, a.width)) * std::max(1, a.height);
    for (int c = 0; c < a.channels; ++c) {
        const float* v = a.values.data() + (size_t(t) * a.channels + size_t(c)) * plane;
        double sum = 0, mx = -1e30;
        qint64 positive = 0;
        for (size_t i = 0; i < plane; ++i) {
            sum += v[i];
            mx = std::max(mx, double(v[i]));
            positive += v[i] > 0;
        }
        auto number = [](double x) {
            auto* item = new QTableWidgetItem;
            item->setData(Qt::DisplayRole, std::round(x * 1000) / 1000);
            return item;
        };
        m_stats->setItem(c, 0, number(c));
        m_stats->setItem(c, 1, number(sum / double(plane)));
        m_stats->setItem(c, 2, number(mx));
        m_stats->setItem(c, 3, number(double(positive) / double(plane)));
    }
    m_stats->setSortingEnabled(true);
    if (a.width <= 1 && a.height <= 1) {
        m_grid->setText(
            tr("%1 is a vector layer (%2 values): see the table").arg(QString::fromStdString(a.layer)).arg(a.channels));
        return;
    }
    const int columns = std::max(1, std::min(8, shown));
    const int rows = (shown + columns - 1) / columns;
    QImage grid(columns * (kChannelTile + 2), rows * (kChannelTile + 2), QImage::Format_RGB32);
    grid.fill(palette().color(QPalette::Window));
    QPainter p(&grid);
    for (int c = 0; c < shown; ++c)
        p.drawImage(QRect((c % columns) * (kChannelTile + 2), (c / columns) * (kChannelTile + 2), kChannelTile,
                          kChannelTile),
                    activationImage(a, t, c));
    p.end();
    m_grid->setPixmap(QPixmap::fromImage(grid));
    m_grid->setToolTip(tr("%1: %2 channels of %3 x %4 (first %5 shown), frame %6, each scaled to its own range")
                           .arg(QString::fromStdString(a.layer))
                           .arg(a.channels)
                           .arg(a.width)
                           .arg(a.height)
                           .arg(shown)
                           .arg(t));
}

} // namespace fl
