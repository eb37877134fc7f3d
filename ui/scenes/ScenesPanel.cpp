#include "scenes/ScenesPanel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QListWidget>
#include <QPixmap>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace fl {

namespace {
constexpr int kThumb = ScenesPanel::kThumbnailWidth;
}

ScenesPanel::ScenesPanel(QWidget* parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("scenesPanel"));
    auto* layout = new QVBoxLayout(this);
    auto* detect = new QGroupBox(tr("Scene cuts"), this);
    auto* dform = new QFormLayout(detect);
    m_threshold = new QDoubleSpinBox(detect);
    m_threshold->setObjectName(QStringLiteral("sceneThresholdBox"));
    m_threshold->setRange(1, 255);
    m_threshold->setValue(27);
    m_threshold->setToolTip(tr("Content change (0-255) between frames that makes a cut; lower finds more cuts"));
    dform->addRow(tr("Threshold"), m_threshold);
    m_minScene = new QSpinBox(detect);
    m_minScene->setObjectName(QStringLiteral("minSceneBox"));
    m_minScene->setRange(1, 100000);
    m_minScene->setValue(15);
    m_minScene->setSuffix(tr(" frames"));
    m_minScene->setToolTip(tr("No scene is shorter than this"));
    dform->addRow(tr("Minimum scene"), m_minScene);
    m_fades = new QCheckBox(tr("Detect fades to and from black"), detect);
    m_fades->setObjectName(QStringLiteral("fadeBox"));
    m_fades->setChecked(SceneDetectorOptions().fadeAware); // transitions through black: on by default
    dform->addRow(m_fades);
    m_dissolves = new QCheckBox(tr("Detect dissolves (cross-fades)"), detect);
    m_dissolves->setObjectName(QStringLiteral("dissolveBox"));
    m_dissolves->setToolTip(tr("One boundary in the middle of each gradual blend from one shot to the next"));
    m_dissolves->setChecked(SceneDetectorOptions().dissolves);
    dform->addRow(m_dissolves);
    auto* detectButton = new QPushButton(tr("Detect scenes"), detect);
    connect(detectButton, &QPushButton::clicked, this, &ScenesPanel::detectRequested);
    dform->addRow(detectButton);
    m_cuts = new QListWidget(detect);
    m_cuts->setObjectName(QStringLiteral("sceneCutList"));
    m_cuts->setToolTip(tr("Scenes of the current video: click one to go to its first frame"));
    dform->addRow(m_cuts);
    connect(m_cuts, &QListWidget::itemClicked, this,
            [this](QListWidgetItem* item) { emit frameActivated(item->data(Qt::UserRole).toLongLong()); });
    m_exportClips = new QPushButton(tr("Export clips..."), detect);
    m_exportClips->setObjectName(QStringLiteral("exportClipsButton"));
    m_exportClips->setToolTip(tr("Each scene as a video file (VIDEO-Scene-001.mp4, ...) in a folder: stream copy "
                                 "where a scene starts on a keyframe, else re-encoded"));
    m_exportClips->setEnabled(false);
    connect(m_exportClips, &QPushButton::clicked, this, &ScenesPanel::exportClipsRequested);
    dform->addRow(m_exportClips);
    layout->addWidget(detect, 1);

    auto* keys = new QGroupBox(tr("Keyframes"), this);
    auto* kform = new QFormLayout(keys);
    m_source = new QComboBox(keys);
    m_source->setObjectName(QStringLiteral("keyframeSourceBox"));
    m_source->setToolTip(tr("Pick keyframes in each scene, or in each run of fragments predicted as a class"));
    kform->addRow(tr("In"), m_source);
    m_perSegment = new QSpinBox(keys);
    m_perSegment->setObjectName(QStringLiteral("keyframesPerSegmentBox"));
    m_perSegment->setRange(1, 50);
    m_perSegment->setValue(3);
    kform->addRow(tr("Per segment"), m_perSegment);
    m_minConfidence = new QDoubleSpinBox(keys);
    m_minConfidence->setObjectName(QStringLiteral("keyframeMinConfidenceBox"));
    m_minConfidence->setRange(0, 1);
    m_minConfidence->setSingleStep(0.05);
    m_minConfidence->setValue(0.5);
    m_minConfidence->setToolTip(tr("For runs of a class: fragments below this confidence end a run"));
    kform->addRow(tr("Minimum confidence"), m_minConfidence);
    auto* pick = new QPushButton(tr("Pick keyframes"), keys);
    connect(pick, &QPushButton::clicked, this, &ScenesPanel::pickRequested);
    kform->addRow(pick);
    m_strip = new QListWidget(keys);
    m_strip->setObjectName(QStringLiteral("keyframeStrip"));
    m_strip->setViewMode(QListView::IconMode);
    m_strip->setFlow(QListView::LeftToRight);
    m_strip->setWrapping(true);
    m_strip->setResizeMode(QListView::Adjust);
    m_strip->setIconSize(QSize(kThumb, kThumb * 9 / 16));
    // A fixed cell for every keyframe, thumbnail or not yet: items laid out before their
    // thumbnails arrived would otherwise keep their small size and overlap once drawn.
    m_strip->setMovement(QListView::Static);
    m_strip->setUniformItemSizes(true);
    m_strip->setGridSize(QSize(kThumb + 12, kThumb * 9 / 16 + 2 * m_strip->fontMetrics().lineSpacing() + 12));
    m_strip->setMinimumHeight(m_strip->gridSize().height() + 8);
    m_strip->setToolTip(tr("Keyframes of the current video: click to go there, Delete removes one"));
    kform->addRow(m_strip);
    connect(m_strip, &QListWidget::itemClicked, this,
            [this](QListWidgetItem* item) { emit frameActivated(item->data(Qt::UserRole).toLongLong()); });
    auto* exportRow = new QHBoxLayout;
    auto* exportKeys = new QPushButton(tr("Export keyframes..."), keys);
    exportKeys->setToolTip(tr("Images, a CSV, an EDL of the segments and FFmpeg chapters, into a folder"));
    connect(exportKeys, &QPushButton::clicked, this, &ScenesPanel::exportKeyframesRequested);
    auto* exportPred = new QPushButton(tr("Export predictions..."), keys);
    exportPred->setToolTip(tr("Every video's predictions as CSV or JSON"));
    connect(exportPred, &QPushButton::clicked, this, &ScenesPanel::exportPredictionsRequested);
    exportRow->addWidget(exportKeys);
    exportRow->addWidget(exportPred);
    kform->addRow(exportRow);
    layout->addWidget(keys, 2);
    setSegmentClasses({});
}

SceneDetectorOptions ScenesPanel::detectorOptions() const
{
    SceneDetectorOptions options;
    options.threshold = m_threshold->value();
    options.minSceneLength = m_minScene->value();
    options.fadeAware = m_fades->isChecked();
    options.dissolves = m_dissolves->isChecked();
    return options;
}

QString ScenesPanel::segmentClass() const
{
    return m_source->currentData().toString();
}

int ScenesPanel::keyframesPerSegment() const
{
    return m_perSegment->value();
}

double ScenesPanel::minConfidence() const
{
    return m_minConfidence->value();
}

void ScenesPanel::setSegmentClasses(const QStringList& classes)
{
    const QString current = m_source->currentText();
    m_source->clear();
    m_source->addItem(tr("each scene"));
    for (const QString& c : classes) m_source->addItem(tr("runs predicted as %1").arg(c), c);
    if (const int i = m_source->findText(current); i >= 0) m_source->setCurrentIndex(i);
}

void ScenesPanel::setScenes(const std::vector<FrameSegment>& scenes, const QStringList& timecodes)
{
    m_cuts->clear();
    m_exportClips->setEnabled(!scenes.empty());
    for (size_t i = 0; i < scenes.size(); ++i) {
        auto* item = new QListWidgetItem(tr("Scene %1: frames %2-%3 (%4)")
                                             .arg(i + 1)
                                             .arg(scenes[i].start)
                                             .arg(scenes[i].end - 1)
                                             .arg(timecodes.value(qsizetype(i))),
                                         m_cuts);
        item->setData(Qt::UserRole, scenes[i].start);
    }
}

void ScenesPanel::setKeyframes(const KeyframeSet& keyframes)
{
    m_strip->clear();
    QPixmap placeholder(m_strip->iconSize());
    placeholder.fill(palette().color(QPalette::Mid));
    for (const Keyframe& k : keyframes.keyframes()) {
        auto* item = new QListWidgetItem(QStringLiteral("%1\n%2").arg(k.frame).arg(k.label), m_strip);
        item->setData(Qt::UserRole, k.frame);
        item->setIcon(placeholder);
        item->setToolTip(
            k.manual ? tr("Frame %1, added by hand").arg(k.frame)
                     : tr("Frame %1, score %2 (sharpness %3, representativeness %4%5)")
                           .arg(k.frame)
                           .arg(k.score, 0, 'f', 2)
                           .arg(k.sharpness, 0, 'f', 2)
                           .arg(k.representativeness, 0, 'f', 2)
                           .arg(k.confidence >= 0 ? tr(", confidence %1").arg(k.confidence, 0, 'f', 2) : QString()));
    }
}

void ScenesPanel::setThumbnail(qint64 frame, const QImage& image)
{
    if (image.isNull()) return;
    for (int i = 0; i < m_strip->count(); ++i) {
        QListWidgetItem* item = m_strip->item(i);
        if (item->data(Qt::UserRole).toLongLong() == frame) item->setIcon(QIcon(QPixmap::fromImage(image)));
    }
}

qint64 ScenesPanel::selectedKeyframe() const
{
    QListWidgetItem* item = m_strip->currentItem();
    return item && item->isSelected() ? item->data(Qt::UserRole).toLongLong() : -1;
}

} // namespace fl
