#pragma once
// A strip showing one video's labeled ranges in class colours, fragment boundaries when
// zoomed in far enough, and the playhead; clicking or dragging seeks.
#include <QColor>
#include <QMap>
#include <QWidget>

#include "project/LabelTrack.h"

namespace fl {

class LabelStrip : public QWidget {
    Q_OBJECT
public:
    explicit LabelStrip(QWidget* parent = nullptr);
    void setVideo(qint64 frameCount, qint64 fragmentStride);
    void setLabels(const LabelTrack& labels, const QMap<QString, QColor>& colors);
    void setPlayhead(qint64 frame);
    qint64 frameAtX(int x) const;
    int xAtFrame(qint64 frame) const;

signals:
    void seekRequested(qint64 frame);

protected:
    void paintEvent(QPaintEvent*) override;
    void mousePressEvent(QMouseEvent*) override;
    void mouseMoveEvent(QMouseEvent*) override;

private:
    qint64 m_frames = 0;
    qint64 m_stride = 1;
    qint64 m_playhead = 0;
    LabelTrack m_labels;
    QMap<QString, QColor> m_colors;
};

} // namespace fl
