#pragma once
// The main window: a project's videos, the current frame (decoded off the GUI thread),
// the video's labels on a strip, frame-exact navigation from the keyboard.
#include <QMainWindow>

#include "Result.h"
#include "project/Project.h"

#include <optional>

class QLabel;
class QListWidget;
class QSlider;
class QSpinBox;
class QProgressBar;

namespace fl {

class FrameDecoder;
class FrameView;
class LabelStrip;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    Status openProject(const QString& dir);
    const Project* project() const { return m_project ? &*m_project : nullptr; }
    int currentVideo() const { return m_video; }
    qint64 currentFrame() const { return m_frame; }
    FrameView* frameView() const { return m_view; }

public slots:
    void selectVideo(int index);
    void seek(qint64 frame);
    void stepFrames(qint64 delta);
    void stepFragments(qint64 delta);

signals:
    void frameShown(qint64 frame); // a decoded frame reached the view

private:
    void buildActions();
    void showOpenDialog();
    void showAbout();
    void refreshClasses();
    void updateStatus();
    QColor classColor(const QString& name) const;

    std::optional<Project> m_project;
    int m_video = -1;
    qint64 m_frame = 0;
    qint64 m_frameCount = 0;
    double m_fps = 25.0;

    FrameDecoder* m_decoder = nullptr;
    FrameView* m_view = nullptr;
    LabelStrip* m_strip = nullptr;
    QSlider* m_slider = nullptr;
    QSpinBox* m_frameBox = nullptr;
    QLabel* m_timeLabel = nullptr;
    QListWidget* m_videoList = nullptr;
    QListWidget* m_classList = nullptr;
    QLabel* m_statusLabel = nullptr;
    QProgressBar* m_progress = nullptr;
};

} // namespace fl
