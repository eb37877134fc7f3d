#include "settings/SettingsDialog.h"

#include "settings/AppSettings.h"

#include "video/VideoSource.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QTabWidget>
#include <QVBoxLayout>

namespace fl {

namespace {

QWidget* page(QWidget* parent, QFormLayout** form)
{
    auto* w = new QWidget(parent);
    *form = new QFormLayout(w);
    (*form)->setFieldGrowthPolicy(QFormLayout::FieldsStayAtSizeHint);
    return w;
}

QCheckBox* check(const QString& text, const QString& tip)
{
    auto* box = new QCheckBox(text);
    box->setToolTip(tip);
    return box;
}

} // namespace

SettingsDialog::SettingsDialog(AppSettings* settings, QWidget* parent) : QDialog(parent), m_settings(settings)
{
    setWindowTitle(tr("Settings"));
    auto* tabs = new QTabWidget(this);
    QFormLayout* form = nullptr;

    QWidget* general = page(tabs, &form);
    m_autosave = new QSpinBox;
    m_autosave->setRange(0, 3600);
    m_autosave->setSuffix(tr(" s"));
    m_autosave->setSpecialValueText(tr("Off"));
    m_autosave->setToolTip(tr("How often unsaved changes are written to the recovery file (0: never)"));
    form->addRow(tr("Autosave every"), m_autosave);
    m_reopen = check(tr("Open the last project on start"), tr("Otherwise FragmentLab starts with the demo project"));
    form->addRow(m_reopen);
    tabs->addTab(general, tr("General"));

    QWidget* playback = page(tabs, &form);
    m_speed = new QDoubleSpinBox;
    m_speed->setRange(0.25, 4.0);
    m_speed->setSingleStep(0.25);
    m_speed->setSuffix(tr("×"));
    m_speed->setToolTip(tr("Playback speed when a video opens"));
    form->addRow(tr("Default speed"), m_speed);
    m_readAhead = new QSpinBox;
    m_readAhead->setRange(0, 240);
    m_readAhead->setSuffix(tr(" frames"));
    m_readAhead->setToolTip(tr("Frames decoded ahead of a paused playhead, so stepping forward is instant"));
    form->addRow(tr("Read ahead"), m_readAhead);
    m_cacheMb = new QSpinBox;
    m_cacheMb->setRange(32, 8192);
    m_cacheMb->setSuffix(tr(" MB"));
    m_cacheMb->setToolTip(tr("Memory for decoded frames"));
    form->addRow(tr("Frame memory"), m_cacheMb);
    m_previews =
        check(tr("Build scrub previews"),
              tr("Keep a small copy of every frame in the project cache, so seeking anywhere shows the frame at once "
                 "while the full frame decodes"));
    form->addRow(m_previews);
    m_previewHeight = new QSpinBox;
    m_previewHeight->setRange(144, 1080);
    m_previewHeight->setSuffix(tr(" px"));
    m_previewHeight->setToolTip(tr("Height of scrub preview frames"));
    form->addRow(tr("Preview height"), m_previewHeight);
    m_hardware = new QComboBox;
    m_hardware->setObjectName(QStringLiteral("hardwareDecoding"));
    m_hardware->addItem(tr("Off (software)"), QStringLiteral("none"));
    m_hardware->addItem(tr("Automatic"), QStringLiteral("auto"));
    for (const QString& type : VideoSource::hardwareDecoderTypes()) m_hardware->addItem(type.toUpper(), type);
    m_hardware->setToolTip(tr("Decode videos on the graphics card (VAAPI, VDPAU, NVDEC, ...) when it can; "
                              "without the device, videos decode in software as before. Frames are the same "
                              "either way; applies to videos opened from now on"));
    form->addRow(tr("Hardware decoding"), m_hardware);
    tabs->addTab(playback, tr("Playback"));

    QWidget* labeling = page(tabs, &form);
    m_paint = check(tr("Paint while playing"),
                    tr("Holding a class key during playback labels every fragment the playhead passes"));
    m_advance = check(tr("Move to the next fragment after labeling one"),
                      tr("A class key on the current fragment (nothing selected) labels it and steps to the next"));
    m_snap = check(tr("Snap dragged label edges to fragment boundaries"),
                   tr("Hold Alt while dragging to move edges frame by frame"));
    form->addRow(m_paint);
    form->addRow(m_advance);
    form->addRow(m_snap);
    tabs->addTab(labeling, tr("Labeling"));

    QWidget* timeline = page(tabs, &form);
    m_boundaries = check(tr("Show fragment boundaries"), tr("Thin lines between fragments when zoomed in far enough"));
    m_keyframes = check(tr("Show keyframes"), tr("Marks under the ruler where the video has keyframes"));
    m_follow = check(tr("Follow the playhead"), tr("Scroll the timeline when the playhead leaves it"));
    form->addRow(m_boundaries);
    form->addRow(m_keyframes);
    form->addRow(m_follow);
    tabs->addTab(timeline, tr("Timeline"));

    QWidget* appearance = page(tabs, &form);
    m_theme = new QComboBox;
    m_theme->addItem(tr("Follow the system"), int(AppSettings::Theme::System));
    m_theme->addItem(tr("Light"), int(AppSettings::Theme::Light));
    m_theme->addItem(tr("Dark"), int(AppSettings::Theme::Dark));
    m_theme->setToolTip(tr("Colours of the whole application"));
    form->addRow(tr("Theme"), m_theme);
    tabs->addTab(appearance, tr("Appearance"));

    auto* buttons =
        new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel | QDialogButtonBox::RestoreDefaults, this);
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        apply();
        accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(buttons->button(QDialogButtonBox::RestoreDefaults), &QPushButton::clicked, this, [this] { load(true); });

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(tabs);
    layout->addWidget(buttons);
    load(false);
}

void SettingsDialog::load(bool defaults)
{
    const AppSettings& s = defaults ? AppSettings::defaults() : *m_settings;
    m_autosave->setValue(s.autosaveIntervalSeconds());
    m_reopen->setChecked(s.reopenLastProject());
    m_speed->setValue(s.defaultSpeed());
    m_readAhead->setValue(s.readAheadFrames());
    m_cacheMb->setValue(s.frameCacheMegabytes());
    m_previews->setChecked(s.buildScrubPreviews());
    m_previewHeight->setValue(s.previewHeight());
    int hardware = m_hardware->findData(s.hardwareDecoding());
    if (hardware < 0) { // a type this FFmpeg does not offer (settings from another machine)
        m_hardware->addItem(s.hardwareDecoding().toUpper(), s.hardwareDecoding());
        hardware = m_hardware->count() - 1;
    }
    m_hardware->setCurrentIndex(hardware);
    m_paint->setChecked(s.paintWhilePlaying());
    m_advance->setChecked(s.advanceAfterLabel());
    m_snap->setChecked(s.snapEdgesToFragments());
    m_boundaries->setChecked(s.showFragmentBoundaries());
    m_keyframes->setChecked(s.showKeyframes());
    m_follow->setChecked(s.followPlayhead());
    m_theme->setCurrentIndex(m_theme->findData(int(s.theme())));
}

void SettingsDialog::apply()
{
    m_settings->setAutosaveIntervalSeconds(m_autosave->value());
    m_settings->setReopenLastProject(m_reopen->isChecked());
    m_settings->setDefaultSpeed(m_speed->value());
    m_settings->setReadAheadFrames(m_readAhead->value());
    m_settings->setFrameCacheMegabytes(m_cacheMb->value());
    m_settings->setBuildScrubPreviews(m_previews->isChecked());
    m_settings->setPreviewHeight(m_previewHeight->value());
    m_settings->setHardwareDecoding(m_hardware->currentData().toString());
    m_settings->setPaintWhilePlaying(m_paint->isChecked());
    m_settings->setAdvanceAfterLabel(m_advance->isChecked());
    m_settings->setSnapEdgesToFragments(m_snap->isChecked());
    m_settings->setShowFragmentBoundaries(m_boundaries->isChecked());
    m_settings->setShowKeyframes(m_keyframes->isChecked());
    m_settings->setFollowPlayhead(m_follow->isChecked());
    m_settings->setTheme(AppSettings::Theme(m_theme->currentData().toInt()));
    m_settings->sync();
}

} // namespace fl
