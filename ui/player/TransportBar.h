#pragma once
// The controls under the video: step/play buttons (the window's actions), speed, the frame
// number (type one to go there), the timecode and the fragment under the playhead.
#include <QWidget>

class QAction;
class QComboBox;
class QLabel;
class QSpinBox;

namespace fl {

class VideoPlayer;

class TransportBar : public QWidget {
    Q_OBJECT
public:
    struct Actions {
        QAction* previousFragment = nullptr;
        QAction* previousFrame = nullptr;
        QAction* playPause = nullptr;
        QAction* nextFrame = nullptr;
        QAction* nextFragment = nullptr;
        QAction* paintWhilePlaying = nullptr;
    };
    TransportBar(VideoPlayer* player, const Actions& actions, QWidget* parent = nullptr);

    // Shown right of the timecode, e.g. "fragment 12 of 180 · motion".
    void setFragmentText(const QString& text);
    void refresh(); // after the video changed

signals:
    // Enter pressed in the frame box: the window gives the keys back to the timeline.
    void editingDone();

private:
    void showPosition(qint64 frame);
    VideoPlayer* m_player;
    QComboBox* m_speed;
    QSpinBox* m_frame;
    QLabel* m_total;
    QLabel* m_time;
    QLabel* m_fragment;
};

} // namespace fl
