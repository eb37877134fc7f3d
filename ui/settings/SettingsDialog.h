#pragma once
// Preferences, one tab per AppSettings group. OK writes everything back; Restore Defaults
// resets the form (written on OK).
#include <QDialog>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QSpinBox;

namespace fl {

class AppSettings;

class SettingsDialog : public QDialog {
    Q_OBJECT
public:
    explicit SettingsDialog(AppSettings* settings, QWidget* parent = nullptr);
    void apply(); // writes the form into the settings

private:
    void load(bool defaults);
    AppSettings* m_settings;
    QSpinBox* m_autosave;
    QCheckBox* m_reopen;
    QDoubleSpinBox* m_speed;
    QSpinBox* m_readAhead;
    QComboBox* m_hardware;
    QSpinBox* m_cacheMb;
    QCheckBox* m_previews;
    QSpinBox* m_previewHeight;
    QCheckBox* m_paint;
    QCheckBox* m_advance;
    QCheckBox* m_snap;
    QCheckBox* m_boundaries;
    QCheckBox* m_keyframes;
    QCheckBox* m_follow;
    QComboBox* m_theme;
};

} // namespace fl
