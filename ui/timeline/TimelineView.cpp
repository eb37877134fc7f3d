#include "timeline/TimelineView.h"

#include "document/ProjectDocument.h"
#include "player/TimecodeText.h"
#include "timeline/TimelineTrack.h"

#include <QHelpEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QScrollBar>
#include <QToolTip>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

namespace fl {

namespace {

QColor mix(const QColor& a, const QColor& b, double t)
{
    return QColor::fromRgbF(float(a.redF() * (1 - t) + b.redF() * t), float(a.greenF() * (1 - t) + b.greenF() * t),
                            float(a.blueF() * (1 - t) + b.blueF() * t));
}

const QColor kPlayhead(229, 57, 53);
const QColor kKeyframe(255, 167, 38);

} // namespace

TimelineView::TimelineView(QWidget* parent) : QWidget(parent)
{
    setMouseTracking(true);
    setFocusPolicy(Qt::ClickFocus);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    setAttribute(Qt::WA_OpaquePaintEvent);
    m_scroll = new QScrollBar(Qt::Horizontal, this);
    m_scroll->setToolTip(tr("Scroll through the video (wheel over the timeline pans too)"));
    m_scroll->setCursor(Qt::ArrowCursor);
    connect(m_scroll, &QScrollBar::valueChanged, this, [this](int value) {
        if (std::abs(value - m_first) < 1.0) return;
        m_first = value;
        m_fitted = false;
        clampView();
        update();
        emitView();
    });
}

void TimelineView::setDocument(ProjectDocument* document)
{
    if (m_document) disconnect(m_document, nullptr, this, nullptr);
    m_document = document;
    if (!document) return;
    connect(document, &ProjectDocument::labelsChanged, this, [this](int video, qint64, qint64) {
        if (video < 0 || video == m_video) update();
    });
    connect(document, &ProjectDocument::classesChanged, this, [this] {
        rebuildColors();
        update();
    });
    connect(document, &ProjectDocument::projectReplaced, this, [this] {
        rebuildColors();
        setVideo(-1);
    });
    rebuildColors();
}

void TimelineView::rebuildColors()
{
    m_classIndex.clear();
    m_classColors.clear();
    if (!m_document || !m_document->hasProject()) return;
    for (const LabelClass& c : m_document->project().classes()) {
        m_classIndex.insert(c.name, int(m_classColors.size()));
        m_classColors.emplace_back(c.color);
    }
}

void TimelineView::setVideo(int video)
{
    const bool valid = m_document && m_document->hasProject() && video >= 0
        && video < m_document->project().videoCount();
    m_video = valid ? video : -1;
    m_frames = valid ? m_document->project().video(video).frameCount : 0;
    m_spec = valid ? m_document->project().spec() : FragmentSpec{};
    m_fps = valid && m_document->project().video(video).fps > 0 ? m_document->project().video(video).fps : 25.0;
    m_keyframes.clear();
    m_playhead = 0;
    m_drag = Drag::None;
    m_selection = {};
    m_anchor = -1;
    zoomToFit();
    emit selectionChanged(-1, -1);
}

void TimelineView::setFrameRate(double fps)
{
    if (fps > 0 && std::isfinite(fps)) {
        m_fps = fps;
        update();
    }
}

void TimelineView::setKeyframes(std::vector<qint64> frames)
{
    std::sort(frames.begin(), frames.end());
    m_keyframes = std::move(frames);
    update();
}

void TimelineView::setPlayhead(qint64 frame)
{
    frame = std::clamp<qint64>(frame, 0, std::max<qint64>(0, m_frames - 1));
    if (frame == m_playhead) return;
    m_playhead = frame;
    if (m_follow && m_drag == Drag::None && !m_fitted) {
        const TimelineMapping m = mapping();
        if (double(frame) < m.firstFrame || double(frame) >= m.lastVisibleFrame()) {
            // Page so the playhead sits a little in from the left.
            setView(double(frame) - 0.1 * m.width * m_fpp, m_fpp);
        }
    }
    update();
}

// ---------------------------------------------------------------------------------------
// Selection

void TimelineView::setSelection(qint64 firstFragment, qint64 lastFragment)
{
    const qint64 count = m_spec.count(m_frames);
    Selection s;
    if (count > 0 && firstFragment >= 0 && lastFragment >= 0) {
        s.first = std::clamp<qint64>(std::min(firstFragment, lastFragment), 0, count - 1);
        s.last = std::clamp<qint64>(std::max(firstFragment, lastFragment), 0, count - 1);
    }
    if (s == m_selection) return;
    m_selection = s;
    if (m_anchor < 0 || s.isEmpty()) m_anchor = s.first;
    update();
    emit selectionChanged(s.first, s.last);
}

void TimelineView::clearSelection()
{
    m_anchor = -1;
    setSelection(-1, -1);
}

void TimelineView::selectAll()
{
    const qint64 count = m_spec.count(m_frames);
    if (count > 0) {
        m_anchor = 0;
        setSelection(0, count - 1);
    }
}

qint64 TimelineView::fragmentAt(qint64 frame) const
{
    return m_spec.fragmentAtFrame(frame, m_frames);
}

void TimelineView::selectTo(qint64 fragment)
{
    if (fragment < 0) return;
    if (m_anchor < 0) m_anchor = fragment;
    const qint64 anchor = m_anchor;
    setSelection(anchor, fragment);
    m_anchor = anchor;
}

// ---------------------------------------------------------------------------------------
// View

TimelineMapping TimelineView::mapping() const
{
    TimelineMapping m;
    m.firstFrame = m_first;
    m.framesPerPixel = m_fpp;
    m.left = kHeaderWidth;
    m.width = std::max(1, width() - kHeaderWidth);
    m.frameCount = m_frames;
    return m;
}

double TimelineView::lastVisibleFrame() const
{
    return mapping().lastVisibleFrame();
}

double TimelineView::maxFramesPerPixel() const
{
    const int w = std::max(1, width() - kHeaderWidth);
    return std::max(minFramesPerPixel(), double(std::max<qint64>(1, m_frames)) / double(w));
}

void TimelineView::clampView()
{
    m_fpp = std::clamp(m_fpp, minFramesPerPixel(), maxFramesPerPixel());
    const double visible = double(std::max(1, width() - kHeaderWidth)) * m_fpp;
    m_first = std::clamp(m_first, 0.0, std::max(0.0, double(m_frames) - visible));
    syncScrollBar();
}

void TimelineView::syncScrollBar()
{
    const double visible = double(std::max(1, width() - kHeaderWidth)) * m_fpp;
    const QSignalBlocker block(m_scroll);
    const int max = int(std::max(0.0, std::ceil(double(m_frames) - visible)));
    m_scroll->setRange(0, max);
    m_scroll->setPageStep(std::max(1, int(visible)));
    m_scroll->setSingleStep(std::max(1, int(visible / 20)));
    m_scroll->setValue(int(std::lround(m_first)));
    m_scroll->setVisible(max > 0);
}

void TimelineView::emitView()
{
    const TimelineMapping m = mapping();
    emit viewChanged(m.firstFrame, m.lastVisibleFrame());
}

void TimelineView::setView(double firstFrame, double framesPerPixel)
{
    const double oldFirst = m_first, oldFpp = m_fpp;
    m_fpp = std::isfinite(framesPerPixel) && framesPerPixel > 0 ? framesPerPixel : m_fpp;
    m_first = std::isfinite(firstFrame) ? firstFrame : m_first;
    clampView();
    m_fitted = m_fpp >= maxFramesPerPixel() * (1 - 1e-9);
    if (oldFirst != m_first || oldFpp != m_fpp) {
        update();
        emitView();
    }
}

void TimelineView::zoomAt(double factor, double x)
{
    if (!(factor > 0) || m_frames <= 0) return;
    const TimelineMapping m = mapping();
    const double anchor = m.firstFrame + (x - m.left) * m_fpp;
    const double fpp = std::clamp(m_fpp / factor, minFramesPerPixel(), maxFramesPerPixel());
    setView(anchor - (x - m.left) * fpp, fpp);
}

void TimelineView::zoomIn()
{
    const TimelineMapping m = mapping();
    const double x = std::clamp(m.xAt(double(m_playhead) + 0.5), double(m.left), double(m.left + m.width));
    zoomAt(1.5, x);
}

void TimelineView::zoomOut()
{
    const TimelineMapping m = mapping();
    const double x = std::clamp(m.xAt(double(m_playhead) + 0.5), double(m.left), double(m.left + m.width));
    zoomAt(1 / 1.5, x);
}

void TimelineView::zoomToFit()
{
    m_first = 0;
    m_fpp = maxFramesPerPixel();
    m_fitted = true;
    clampView();
    update();
    emitView();
}

void TimelineView::ensureVisible(qint64 frame)
{
    const TimelineMapping m = mapping();
    if (double(frame) < m.firstFrame || double(frame) + 1 > m.lastVisibleFrame())
        setView(double(frame) - 0.5 * m.width * m_fpp, m_fpp);
}

// ---------------------------------------------------------------------------------------
// Rows

void TimelineView::addTrack(TimelineTrack* track)
{
    if (!track || std::find(m_tracks.begin(), m_tracks.end(), track) != m_tracks.end()) return;
    m_tracks.push_back(track);
    setFixedHeight(sizeHint().height());
    updateGeometry();
    resizeEvent(nullptr);
    update();
}

void TimelineView::removeTrack(TimelineTrack* track)
{
    m_tracks.erase(std::remove(m_tracks.begin(), m_tracks.end(), track), m_tracks.end());
    setFixedHeight(sizeHint().height());
    updateGeometry();
    resizeEvent(nullptr);
    update();
}

QRect TimelineView::rulerRect() const
{
    return QRect(0, 0, width(), kRulerHeight);
}
QRect TimelineView::labelRowRect() const
{
    return QRect(0, kRulerHeight, width(), kLabelHeight);
}

QRect TimelineView::trackRect(const TimelineTrack* track) const
{
    int y = kRulerHeight + kLabelHeight;
    for (const TimelineTrack* t : m_tracks) {
        if (t == track) return QRect(0, y, width(), t->height());
        y += t->height();
    }
    return {};
}

int TimelineView::rowsBottom() const
{
    int y = kRulerHeight + kLabelHeight;
    for (const TimelineTrack* t : m_tracks) y += t->height();
    return y;
}

QSize TimelineView::sizeHint() const
{
    return QSize(900, rowsBottom() + kScrollHeight + 2);
}

QSize TimelineView::minimumSizeHint() const
{
    return QSize(kHeaderWidth + 100, rowsBottom() + kScrollHeight + 2);
}

void TimelineView::setShowFragmentBoundaries(bool on)
{
    m_showBoundaries = on;
    update();
}

void TimelineView::setShowKeyframes(bool on)
{
    m_showKeyframes = on;
    update();
}

void TimelineView::resizeEvent(QResizeEvent*)
{
    m_scroll->setGeometry(kHeaderWidth, height() - kScrollHeight, std::max(1, width() - kHeaderWidth), kScrollHeight);
    if (m_fitted) m_fpp = maxFramesPerPixel();
    clampView();
    emitView();
}

void TimelineView::changeEvent(QEvent* e)
{
    if (e->type() == QEvent::PaletteChange || e->type() == QEvent::StyleChange) update();
    QWidget::changeEvent(e);
}

// ---------------------------------------------------------------------------------------
// Painting

void TimelineView::paintEvent(QPaintEvent*)
{
    QPainter p(this);
    const QPalette& pal = palette();
    p.fillRect(rect(), pal.color(QPalette::Window));
    const TimelineMapping m = mapping();
    const QRect frameArea(m.left, 0, m.width, rowsBottom());
    p.save();
    p.setClipRect(frameArea);
    paintRuler(p, m);
    paintLabels(p, m, labelRowRect());
    for (const TimelineTrack* t : m_tracks) {
        const QRect row = trackRect(t).adjusted(m.left, 0, 0, 0);
        p.fillRect(row, pal.color(QPalette::Base));
        p.save();
        p.setClipRect(row.intersected(frameArea));
        t->paint(p, row, m);
        p.restore();
        p.setPen(mix(pal.color(QPalette::Base), pal.color(QPalette::Text), 0.15));
        p.drawLine(row.left(), row.bottom(), row.right(), row.bottom());
    }
    if (m_frames > 0) {
        // Selection: over the label row and the tracks.
        if (!m_selection.isEmpty()) {
            const double x0 = m.xAt(double(m_spec.firstFrame(m_selection.first)));
            const double x1 = std::max(x0 + 2, m.xAt(double(std::min(m_frames, m_spec.endFrame(m_selection.last)))));
            const QRectF sel(x0, kRulerHeight, x1 - x0, rowsBottom() - kRulerHeight);
            QColor fill = pal.color(QPalette::Highlight);
            fill.setAlpha(70);
            p.fillRect(sel, fill);
            p.setPen(QPen(pal.color(QPalette::Highlight), 2));
            p.drawRect(sel.adjusted(1, 1, -1, -1));
        }
        // Edge under the mouse.
        if (m_hoverEdge || m_drag == Drag::Edge) {
            const double x = m.xAt(double(m_drag == Drag::Edge ? m_edgeCurrent : *m_hoverEdge));
            p.setPen(QPen(pal.color(QPalette::Text), 3));
            p.drawLine(QPointF(x, kRulerHeight + 2), QPointF(x, kRulerHeight + kLabelHeight - 2));
        }
        // Playhead: a line through every row, a handle in the ruler.
        const double ppf = m.pixelsPerFrame();
        const double x = m.xAt(double(m_playhead)) + (ppf >= 3 ? ppf / 2 : 0);
        if (ppf >= 3) {
            QColor cell = kPlayhead;
            cell.setAlpha(40);
            p.fillRect(QRectF(m.xAt(double(m_playhead)), kRulerHeight, ppf, rowsBottom() - kRulerHeight), cell);
        }
        p.setRenderHint(QPainter::Antialiasing);
        p.setPen(QPen(kPlayhead, 1.5));
        p.drawLine(QPointF(x, 6), QPointF(x, rowsBottom()));
        QPolygonF handle;
        handle << QPointF(x - 6, 0) << QPointF(x + 6, 0) << QPointF(x + 6, 6) << QPointF(x, 12) << QPointF(x - 6, 6);
        p.setBrush(kPlayhead);
        p.setPen(Qt::NoPen);
        p.drawPolygon(handle);
        p.setRenderHint(QPainter::Antialiasing, false);
    }
    p.restore();
    paintHeader(p);
}

void TimelineView::paintHeader(QPainter& p) const
{
    const QPalette& pal = palette();
    const QRect header(0, 0, kHeaderWidth, rowsBottom());
    p.fillRect(header, mix(pal.color(QPalette::Window), pal.color(QPalette::WindowText), 0.06));
    p.setPen(pal.color(QPalette::WindowText));
    QFont f = font();
    f.setPointSizeF(f.pointSizeF() * 0.92);
    p.setFont(f);
    const int pad = 8;
    p.drawText(QRect(pad, 0, kHeaderWidth - pad, kRulerHeight), Qt::AlignVCenter | Qt::AlignLeft,
               m_fps > 0 && 1.0 / m_fpp * m_fps >= 300 ? tr("Frame") : tr("Time"));
    QFont bold = f;
    bold.setBold(true);
    p.setFont(bold);
    p.drawText(QRect(pad, kRulerHeight, kHeaderWidth - pad, kLabelHeight), Qt::AlignVCenter | Qt::AlignLeft,
               tr("Labels"));
    p.setFont(f);
    for (const TimelineTrack* t : m_tracks)
        p.drawText(trackRect(t).adjusted(pad, 0, 0, 0).intersected(header), Qt::AlignVCenter | Qt::AlignLeft,
                   t->title());
    p.setPen(mix(pal.color(QPalette::Window), pal.color(QPalette::WindowText), 0.25));
    p.drawLine(kHeaderWidth - 1, 0, kHeaderWidth - 1, rowsBottom());
    p.drawLine(0, kRulerHeight - 1, kHeaderWidth, kRulerHeight - 1);
    // Bottom-left corner beside the scroll bar.
    p.fillRect(QRect(0, rowsBottom(), kHeaderWidth, height() - rowsBottom()), pal.color(QPalette::Window));
}

void TimelineView::paintRuler(QPainter& p, const TimelineMapping& m) const
{
    const QPalette& pal = palette();
    const QRect r = rulerRect();
    const QColor bg = mix(pal.color(QPalette::Window), pal.color(QPalette::WindowText), 0.04);
    p.fillRect(r, bg);
    const QColor ink = pal.color(QPalette::WindowText);
    const QColor faint = mix(bg, ink, 0.45);
    p.setPen(faint);
    p.drawLine(r.left(), r.bottom(), r.right(), r.bottom());
    if (m_frames <= 0) return;

    const double ppf = m.pixelsPerFrame();
    const double fps = m_fps > 0 ? m_fps : 25;
    const bool frameTicks = ppf * fps >= 300; // a second is wide: count frames
    double major = 0;                         // in frames
    if (frameTicks) {
        for (double s : {1.0, 2.0, 5.0, 10.0, 20.0, 50.0, 100.0, 200.0, 500.0, 1000.0})
            if (s * ppf >= 56) {
                major = s;
                break;
            }
        if (major == 0) major = 1000;
    } else {
        for (double s : {1.0, 2.0, 5.0, 10.0, 15.0, 30.0, 60.0, 120.0, 300.0, 600.0, 900.0, 1800.0, 3600.0, 7200.0,
                         14400.0, 28800.0})
            if (s * fps * ppf >= 64) {
                major = s * fps;
                break;
            }
        if (major == 0) major = 28800 * fps;
    }
    const int minorDivisions = frameTicks ? (major >= 5 ? 5 : int(major)) : 5;
    const double minor = major / std::max(1, minorDivisions);
    QFont f = font();
    f.setPointSizeF(f.pointSizeF() * 0.85);
    p.setFont(f);
    const double first = m.firstFrame, last = m.lastVisibleFrame();
    if (minor * ppf >= 5) {
        p.setPen(faint);
        for (qint64 k = qint64(std::floor(first / minor)); k * minor <= last; ++k) {
            const double x = std::floor(m.xAt(k * minor)) + 0.5;
            p.drawLine(QPointF(x, r.bottom() - 4), QPointF(x, r.bottom()));
        }
    }
    p.setPen(ink);
    for (qint64 k = qint64(std::floor(first / major)); k * major <= last; ++k) {
        const double frame = k * major;
        const double x = std::floor(m.xAt(frame)) + 0.5;
        p.setPen(faint);
        p.drawLine(QPointF(x, r.bottom() - 9), QPointF(x, r.bottom()));
        p.setPen(ink);
        const QString text = frameTicks ? QString::number(qint64(std::llround(frame)))
                                        : TimecodeText::formatShort(frame / fps * 1000.0);
        p.drawText(QRectF(x + 3, r.top(), 120, r.height() - 6), Qt::AlignLeft | Qt::AlignVCenter, text);
    }
    // Keyframes: one mark per pixel column at most.
    if (m_showKeyframes && !m_keyframes.empty()) {
        p.setPen(Qt::NoPen);
        p.setBrush(kKeyframe);
        auto it = std::lower_bound(m_keyframes.begin(), m_keyframes.end(), qint64(std::floor(first)));
        int lastX = -1;
        for (; it != m_keyframes.end() && double(*it) < last; ++it) {
            const int x = int(m.xAt(double(*it)));
            if (x == lastX) continue;
            lastX = x;
            const QPointF tri[3] = {QPointF(x - 3.5, r.bottom() - 5), QPointF(x + 3.5, r.bottom() - 5),
                                    QPointF(x, r.bottom())};
            p.drawPolygon(tri, 3);
        }
        p.setBrush(Qt::NoBrush);
    }
}

void TimelineView::paintLabels(QPainter& p, const TimelineMapping& m, const QRect& row) const
{
    const QPalette& pal = palette();
    const QRect area(m.left, row.top(), m.width, row.height());
    const QColor base = pal.color(QPalette::Base);
    p.fillRect(area, base);
    const QColor grid = mix(base, pal.color(QPalette::Text), 0.14);
    p.setPen(grid);
    p.drawLine(area.left(), area.bottom(), area.right(), area.bottom());
    if (m_frames <= 0 || !m_document || m_video < 0) return;
    const LabelTrack& track = m_document->project().labels(m_video);
    const qint64 vBegin = m.visibleBegin(), vEnd = m.visibleEnd();
    const QRect band = area.adjusted(0, 3, 0, -4);

    // Per pixel column, the class covering most of it.
    ColumnOwners columns(m);
    const auto& ranges = track.ranges();
    auto it = std::upper_bound(ranges.begin(), ranges.end(), vBegin,
                               [](qint64 f, const LabelRange& r) { return f < r.end; });
    const QChar* lastData = nullptr;
    int lastIndex = -1;
    int visibleRanges = 0;
    for (; it != ranges.end() && it->start < vEnd; ++it) {
        ++visibleRanges;
        int index;
        if (it->label.constData() == lastData) {
            index = lastIndex;
        } else {
            index = m_classIndex.value(it->label, -1);
            lastData = it->label.constData();
            lastIndex = index;
        }
        if (index >= 0) columns.offer(double(it->start), double(it->end), index);
    }
    columns.forEachRun([&](int x, int width, qint64 index) {
        p.fillRect(QRect(x, band.top(), width, band.height()), m_classColors[size_t(index)]);
    });

    const double ppf = m.pixelsPerFrame();
    // Fragment boundaries, when they are at least 6 px apart.
    if (m_showBoundaries && double(m_spec.stride) * ppf >= 6) {
        QColor line = pal.color(QPalette::Text);
        line.setAlpha(70);
        p.setPen(line);
        const qint64 count = m_spec.count(m_frames);
        const qint64 j0 = std::max<qint64>(0, vBegin / m_spec.stride - 1);
        for (qint64 j = j0; j < count && m_spec.firstFrame(j) <= vEnd; ++j) {
            const double x = std::floor(m.xAt(double(m_spec.firstFrame(j)))) + 0.5;
            p.drawLine(QPointF(x, band.top()), QPointF(x, band.bottom()));
        }
        if (count > 0) {
            const double x = std::floor(m.xAt(double(m_spec.endFrame(count - 1)))) + 0.5;
            p.drawLine(QPointF(x, band.top()), QPointF(x, band.bottom()));
        }
    }
    // Class names inside ranges wide enough to hold them.
    if (visibleRanges <= 4000) {
        QFont f = font();
        f.setPointSizeF(f.pointSizeF() * 0.9);
        p.setFont(f);
        const QFontMetrics fm(f);
        auto r = std::upper_bound(ranges.begin(), ranges.end(), vBegin,
                                  [](qint64 fr, const LabelRange& x) { return fr < x.end; });
        for (; r != ranges.end() && r->start < vEnd; ++r) {
            const double x0 = std::max(double(m.left), m.xAt(double(r->start)));
            const double x1 = std::min(double(m.left + m.width), m.xAt(double(r->end)));
            if (x1 - x0 < 44) continue;
            const int index = m_classIndex.value(r->label, -1);
            const QColor fill = index >= 0 ? m_classColors[size_t(index)] : QColor(Qt::gray);
            p.setPen(fill.lightnessF() > 0.6 ? QColor(20, 20, 20) : QColor(250, 250, 250));
            const QRectF box(x0 + 5, band.top(), x1 - x0 - 10, band.height());
            p.drawText(box, Qt::AlignVCenter | Qt::AlignLeft,
                       fm.elidedText(r->label, Qt::ElideRight, int(box.width())));
        }
    }
}

// ---------------------------------------------------------------------------------------
// Mouse

std::optional<TimelineView::EdgeHit> TimelineView::edgeAt(const QPoint& pos) const
{
    if (!m_document || m_video < 0 || !labelRowRect().contains(pos) || pos.x() < kHeaderWidth) return std::nullopt;
    const TimelineMapping m = mapping();
    const LabelTrack& track = m_document->project().labels(m_video);
    const qint64 lo = m.frameAt(pos.x() - kEdgeGrabPixels - 1);
    const qint64 hi = m.frameAt(pos.x() + kEdgeGrabPixels + 1) + 1;
    std::optional<qint64> best;
    double bestDistance = kEdgeGrabPixels + 0.5;
    for (const LabelRange& r : track.rangesIn(std::max<qint64>(0, lo - 1), hi + 1)) {
        for (qint64 b : {r.start, r.end}) {
            const double d = std::abs(m.xAt(double(b)) - pos.x());
            if (d < bestDistance) {
                bestDistance = d;
                best = b;
            }
        }
    }
    if (!best) return std::nullopt;
    EdgeHit hit;
    hit.frame = *best;
    hit.left = *best > 0 ? track.classAt(*best - 1) : std::nullopt;
    hit.right = *best < m_frames ? track.classAt(*best) : std::nullopt;
    return hit;
}

qint64 TimelineView::snapFrame(qint64 frame, bool exact) const
{
    if (exact || !m_snap || m_spec.stride <= 1) return frame;
    const qint64 s = m_spec.stride;
    const qint64 snapped = (frame + s / 2) / s * s;
    // The end of the last fragment is a boundary too, and so is the video's end.
    const qint64 count = m_spec.count(m_frames);
    if (count > 0) {
        const qint64 lastEnd = m_spec.endFrame(count - 1);
        if (std::abs(frame - lastEnd) < std::abs(frame - snapped)) return lastEnd;
    }
    if (std::abs(frame - m_frames) < std::abs(frame - snapped)) return m_frames;
    return snapped;
}

void TimelineView::dragEdgeTo(qint64 frame)
{
    frame = std::clamp(frame, m_edgeMin, m_edgeMax);
    if (frame == m_edgeCurrent || !m_document) return;
    // The frames between the old and the new boundary take the label of the side that grows.
    if (frame > m_edgeCurrent) {
        if (m_edge.left)
            (void)m_document->setLabel(m_video, m_edgeCurrent, frame, *m_edge.left, m_gesture);
        else
            (void)m_document->clearLabels(m_video, m_edgeCurrent, frame, m_gesture);
    } else {
        if (m_edge.right)
            (void)m_document->setLabel(m_video, frame, m_edgeCurrent, *m_edge.right, m_gesture);
        else
            (void)m_document->clearLabels(m_video, frame, m_edgeCurrent, m_gesture);
    }
    m_edgeCurrent = frame;
    update();
}

void TimelineView::mousePressEvent(QMouseEvent* e)
{
    if (m_frames <= 0 || e->position().x() < kHeaderWidth || e->position().y() >= rowsBottom()) {
        QWidget::mousePressEvent(e);
        return;
    }
    const QPoint pos = e->position().toPoint();
    m_pressPos = pos;
    const TimelineMapping m = mapping();
    if (e->button() == Qt::MiddleButton) {
        m_drag = Drag::Pan;
        m_panStartFirst = m_first;
        setCursor(Qt::ClosedHandCursor);
        return;
    }
    if (e->button() != Qt::LeftButton) return;
    if (auto edge = edgeAt(pos)) {
        m_drag = Drag::Edge;
        m_edge = *edge;
        m_edgeCurrent = edge->frame;
        m_gesture = m_document->newGestureId();
        // The boundary moves within the ranges on either side (each keeps at least a frame)
        // or, on an unlabeled side, up to the next labeled range.
        const auto& ranges = m_document->project().labels(m_video).ranges();
        auto after = std::upper_bound(ranges.begin(), ranges.end(), edge->frame - 1, [](qint64 f, const LabelRange& r) {
            return f < r.start;
        }); // first range starting >= frame
        if (edge->left) {
            m_edgeMin = (after - 1)->start + 1;
        } else {
            auto before = std::upper_bound(ranges.begin(), ranges.end(), edge->frame,
                                           [](qint64 f, const LabelRange& r) { return f < r.end; });
            m_edgeMin = before == ranges.begin() ? 0 : (before - 1)->end;
        }
        if (edge->right) {
            m_edgeMax = after->end - 1;
        } else {
            m_edgeMax = after == ranges.end() ? m_frames : after->start;
        }
        update();
        return;
    }
    const qint64 frame = m.frameAt(e->position().x());
    if (rulerRect().contains(pos)) {
        m_drag = Drag::Scrub;
        emit seekRequested(frame);
        return;
    }
    m_drag = Drag::Pending;
    const qint64 fragment = fragmentAt(frame);
    if (e->modifiers() & Qt::ShiftModifier) {
        selectTo(fragment);
    } else {
        m_anchor = fragment;
        setSelection(fragment, fragment);
        emit seekRequested(frame);
    }
}

void TimelineView::mouseMoveEvent(QMouseEvent* e)
{
    const QPoint pos = e->position().toPoint();
    const TimelineMapping m = mapping();
    switch (m_drag) {
    case Drag::None: {
        const auto edge = edgeAt(pos);
        const std::optional<qint64> hover = edge ? std::optional<qint64>(edge->frame) : std::nullopt;
        if (hover != m_hoverEdge) {
            m_hoverEdge = hover;
            setCursor(hover ? Qt::SizeHorCursor : Qt::ArrowCursor);
            update();
        }
        return;
    }
    case Drag::Pan: setView(m_panStartFirst - (pos.x() - m_pressPos.x()) * m_fpp, m_fpp); return;
    case Drag::Scrub: emit seekRequested(m.frameAt(e->position().x())); return;
    case Drag::Edge: {
        const double f = m.firstFrame + (e->position().x() - m.left) * m_fpp;
        dragEdgeTo(snapFrame(qint64(std::llround(f)), e->modifiers() & Qt::AltModifier));
        return;
    }
    case Drag::Pending:
        if (std::abs(pos.x() - m_pressPos.x()) < 4) return;
        m_drag = Drag::Select;
        [[fallthrough]];
    case Drag::Select: {
        const qint64 frame = m.frameAt(e->position().x());
        selectTo(fragmentAt(frame));
        emit seekRequested(frame);
        return;
    }
    }
}

void TimelineView::mouseReleaseEvent(QMouseEvent*)
{
    if (m_drag == Drag::Pan || m_drag == Drag::Edge) setCursor(Qt::ArrowCursor);
    m_drag = Drag::None;
    m_gesture = 0;
    update();
}

void TimelineView::mouseDoubleClickEvent(QMouseEvent* e)
{
    const QPoint pos = e->position().toPoint();
    if (!m_document || m_video < 0 || !labelRowRect().contains(pos) || pos.x() < kHeaderWidth) return;
    const qint64 frame = frameAtX(e->position().x());
    for (const LabelRange& r : m_document->project().labels(m_video).rangesIn(frame, frame + 1)) {
        const auto [first, last] = m_spec.fragmentsInside(r.start, r.end, m_frames);
        if (last > first) {
            m_anchor = first;
            setSelection(first, last - 1);
        }
    }
}

void TimelineView::wheelEvent(QWheelEvent* e)
{
    if (m_frames <= 0) return;
    const QPoint delta = e->angleDelta();
    if (e->modifiers() & Qt::ControlModifier) {
        const double steps = delta.y() / 120.0;
        zoomAt(std::pow(1.25, steps), e->position().x());
    } else {
        const int d = delta.x() != 0 ? delta.x() : delta.y();
        const double pixels = -d / 120.0 * std::max(40, mapping().width / 10);
        setView(m_first + pixels * m_fpp, m_fpp);
    }
    e->accept();
}

void TimelineView::leaveEvent(QEvent*)
{
    if (m_hoverEdge) {
        m_hoverEdge.reset();
        setCursor(Qt::ArrowCursor);
        update();
    }
}

bool TimelineView::event(QEvent* e)
{
    if (e->type() == QEvent::ToolTip) {
        auto* help = static_cast<QHelpEvent*>(e);
        const QPoint pos = help->pos();
        if (m_frames <= 0 || pos.x() < kHeaderWidth || pos.y() >= rowsBottom()) {
            QToolTip::hideText();
            e->ignore();
            return true;
        }
        const qint64 frame = frameAtX(pos.x());
        QString text = tr("Frame %1 (%2)").arg(frame).arg(TimecodeText::format(double(frame) * 1000.0 / m_fps));
        for (const TimelineTrack* t : m_tracks)
            if (trackRect(t).contains(pos)) {
                const QString more = t->toolTipAt(frame);
                if (!more.isEmpty()) text += QLatin1Char('\n') + more;
            }
        if (labelRowRect().contains(pos) && m_document && m_video >= 0) {
            const qint64 fragment = fragmentAt(frame);
            if (fragment >= 0) {
                const auto label = m_document->project().fragmentLabel(m_video, fragment);
                text += QLatin1Char('\n')
                    + tr("Fragment %1: frames %2-%3, %4")
                          .arg(fragment)
                          .arg(m_spec.firstFrame(fragment))
                          .arg(m_spec.endFrame(fragment) - 1)
                          .arg(label ? *label : tr("unlabeled"));
            }
            if (edgeAt(pos)) text += QLatin1Char('\n') + tr("Drag to move this label edge (Alt: frame by frame)");
        }
        QToolTip::showText(help->globalPos(), text, this);
        return true;
    }
    return QWidget::event(e);
}

} // namespace fl
