#pragma once
// The timeline of the current video, custom-painted: a ruler (time or frame numbers, keyframe
// marks), the label row (one colour per class, fragment boundaries when they are far enough
// apart), extra rows added by others (TimelineTrack: predictions), the selection and the
// playhead. Zooms from the whole video down to single frames; paints only the visible frames
// and aggregates per pixel column, so a video of 100,000 fragments paints as fast as a short one.
//
// Mouse: click seeks and selects the fragment under the cursor; Shift+click extends the
// selection; dragging selects a range; dragging in the ruler scrubs; dragging a label range's
// edge moves it (one undo step per drag; snapped to fragment boundaries unless Alt is held);
// double-click selects a labeled range. Ctrl+wheel zooms around the cursor, wheel or
// Shift+wheel pans, so does the scroll bar and a middle-button drag.
#include "fragments/FragmentSpec.h"
#include "timeline/TimelineMapping.h"

#include <QColor>
#include <QHash>
#include <QWidget>

#include <optional>
#include <vector>

class QScrollBar;

namespace fl {

class ProjectDocument;
class TimelineTrack;

class TimelineView : public QWidget {
    Q_OBJECT
public:
    // Selected fragments [first, last], inclusive; first < 0 when nothing is selected.
    struct Selection {
        qint64 first = -1;
        qint64 last = -1;
        bool isEmpty() const { return first < 0; }
        qint64 count() const { return first < 0 ? 0 : last - first + 1; }
        bool operator==(const Selection&) const = default;
    };

    static constexpr double kMaxPixelsPerFrame = 48.0;

    explicit TimelineView(QWidget* parent = nullptr);

    void setDocument(ProjectDocument* document);
    void setVideo(int video); // -1: none. Frame count and spec from the document.
    int video() const { return m_video; }
    qint64 frameCount() const { return m_frames; }
    void setFrameRate(double fps); // for the ruler's time labels
    void setKeyframes(std::vector<qint64> frames);
    const std::vector<qint64>& keyframes() const { return m_keyframes; }

    void setPlayhead(qint64 frame);
    qint64 playhead() const { return m_playhead; }

    void setSelection(qint64 firstFragment, qint64 lastFragment);
    void clearSelection();
    void selectAll();
    Selection selection() const { return m_selection; }

    // ---- view ----
    TimelineMapping mapping() const;
    qint64 frameAtX(double x) const { return mapping().frameAt(x); }
    double xAtFrame(qint64 frame) const { return mapping().xAt(double(frame)); }
    void setView(double firstFrame, double framesPerPixel);
    double framesPerPixel() const { return m_fpp; }
    double firstVisibleFrame() const { return m_first; }
    double lastVisibleFrame() const; // the right end of the frame area (what viewChanged gives)
    double minFramesPerPixel() const { return 1.0 / kMaxPixelsPerFrame; }
    double maxFramesPerPixel() const;     // the whole video in view
    void zoomAt(double factor, double x); // factor > 1 zooms in, keeping the frame under x
    void zoomIn();                        // around the playhead
    void zoomOut();
    void zoomToFit();
    void ensureVisible(qint64 frame);

    // ---- rows ----
    void addTrack(TimelineTrack* track);
    void removeTrack(TimelineTrack* track);
    QRect rulerRect() const;
    QRect labelRowRect() const;
    QRect trackRect(const TimelineTrack* track) const;
    int headerWidth() const { return kHeaderWidth; }

    // ---- options ----
    void setShowFragmentBoundaries(bool on);
    void setShowKeyframes(bool on);
    void setSnapToFragments(bool on) { m_snap = on; }
    void setFollowPlayhead(bool on) { m_follow = on; }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

signals:
    void seekRequested(qint64 frame);
    void selectionChanged(qint64 firstFragment, qint64 lastFragment);
    // The visible frames changed (zoom, scroll, resize): [firstFrame, lastFrame).
    void viewChanged(double firstFrame, double lastFrame);

protected:
    void paintEvent(QPaintEvent*) override;
    void resizeEvent(QResizeEvent*) override;
    void mousePressEvent(QMouseEvent*) override;
    void mouseMoveEvent(QMouseEvent*) override;
    void mouseReleaseEvent(QMouseEvent*) override;
    void mouseDoubleClickEvent(QMouseEvent*) override;
    void wheelEvent(QWheelEvent*) override;
    void leaveEvent(QEvent*) override;
    bool event(QEvent*) override;
    void changeEvent(QEvent*) override;

private:
    static constexpr int kHeaderWidth = 92;
    static constexpr int kRulerHeight = 24;
    static constexpr int kLabelHeight = 40;
    static constexpr int kScrollHeight = 12;
    static constexpr int kEdgeGrabPixels = 4;

    enum class Drag { None, Pending, Select, Scrub, Edge, Pan };
    struct EdgeHit {
        qint64 frame = -1;                  // the boundary: first frame of the right side
        std::optional<QString> left, right; // labels on each side
    };

    void rebuildColors();
    void clampView();
    void syncScrollBar();
    void emitView();
    qint64 fragmentAt(qint64 frame) const;
    std::optional<EdgeHit> edgeAt(const QPoint& pos) const;
    qint64 snapFrame(qint64 frame, bool exact) const;
    void dragEdgeTo(qint64 frame);
    void selectTo(qint64 fragment);
    int rowsBottom() const;

    void paintRuler(QPainter& p, const TimelineMapping& m) const;
    void paintLabels(QPainter& p, const TimelineMapping& m, const QRect& row) const;
    void paintHeader(QPainter& p) const;

    ProjectDocument* m_document = nullptr;
    int m_video = -1;
    qint64 m_frames = 0;
    FragmentSpec m_spec;
    double m_fps = 25;
    std::vector<qint64> m_keyframes;
    qint64 m_playhead = 0;
    Selection m_selection;
    qint64 m_anchor = -1;

    double m_first = 0;
    double m_fpp = 1;
    bool m_fitted = true; // keep the whole video in view on resize

    std::vector<TimelineTrack*> m_tracks;
    QScrollBar* m_scroll = nullptr;
    QHash<QString, int> m_classIndex;
    std::vector<QColor> m_classColors;

    bool m_showBoundaries = true;
    bool m_showKeyframes = true;
    bool m_snap = true;
    bool m_follow = true;

    Drag m_drag = Drag::None;
    QPoint m_pressPos;
    double m_panStartFirst = 0;
    EdgeHit m_edge;
    qint64 m_edgeCurrent = 0, m_edgeMin = 0, m_edgeMax = 0;
    int m_gesture = 0;
    std::optional<qint64> m_hoverEdge;
};

} // namespace fl
