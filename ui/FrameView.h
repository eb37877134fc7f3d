#pragma once
// Shows one decoded frame, scaled to fit with its aspect ratio kept, plus a caption
// (the current fragment's label) in the corner.
#include <QImage>
#include <QWidget>

namespace fl {

class FrameView : public QWidget {
    Q_OBJECT
public:
    explicit FrameView(QWidget* parent = nullptr);
    void setImage(const QImage& image);
    void setCaption(const QString& text, const QColor& color);
    void setMessage(const QString& text); // shown instead of a frame (errors, "no video")
    const QImage& image() const { return m_image; }

protected:
    void paintEvent(QPaintEvent*) override;

private:
    QImage m_image;
    QString m_caption;
    QColor m_captionColor;
    QString m_message;
};

} // namespace fl
