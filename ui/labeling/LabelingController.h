#pragma once
// What the labeling keys do, apart from any widget: a class key labels the selected
// fragments, or the fragment under the playhead when nothing is selected; Del clears them.
// While playing, holding a class key paints: every fragment the playhead passes gets the
// label, as one undo step per stroke. The window feeds it the video, the playhead and the
// timeline's selection, and forwards key presses and releases.
#include "Result.h"

#include <QObject>
#include <QString>

namespace fl {

class ProjectDocument;

class LabelingController : public QObject {
    Q_OBJECT
public:
    explicit LabelingController(ProjectDocument* document, QObject* parent = nullptr);

    void setVideo(int video);
    void setPosition(qint64 frame);                               // extends a stroke in progress
    void setSelection(qint64 firstFragment, qint64 lastFragment); // -1: none
    void setAdvanceAfterLabel(bool on) { m_advance = on; }

    // The fragments a key acts on: the selection, else the fragment under the playhead.
    // first < 0 when there is none.
    std::pair<qint64, qint64> targetFragments() const;

    Status applyClass(const QString& cls);
    Status clearLabels();

    void beginStroke(const QString& cls);
    void endStroke();
    bool isPainting() const { return !m_strokeClass.isEmpty(); }
    QString strokeClass() const { return m_strokeClass; }

signals:
    // advanceAfterLabel: go to the first frame of the next fragment.
    void seekRequested(qint64 frame);

private:
    Status labelFragments(qint64 first, qint64 last, const QString* cls, int gesture);
    ProjectDocument* m_document;
    int m_video = -1;
    qint64 m_position = 0;
    qint64 m_selFirst = -1, m_selLast = -1;
    bool m_advance = false;
    QString m_strokeClass;
    qint64 m_strokeStart = -1;
    int m_strokeGesture = 0;
};

} // namespace fl
