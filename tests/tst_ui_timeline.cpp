// TimelineView: x <-> frame mapping at several zoom levels, zoom around an anchor, click /
// Shift+click / drag selection, dragging label edges (one undo step, snapping), extra rows,
// and that what it paints in the label row is the right class colour.
#include "UiFixtures.h"
#include "document/ProjectDocument.h"
#include "player/TimecodeText.h"
#include "timeline/TimelineTrack.h"
#include "timeline/TimelineView.h"

#include <QApplication>
#include <QDir>
#include <QImage>
#include <QMouseEvent>
#include <QPainter>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

using namespace fl;

namespace {

void send(QWidget* w, QEvent::Type type, QPointF pos, Qt::MouseButtons buttons,
          Qt::KeyboardModifiers mods = Qt::NoModifier)
{
    const Qt::MouseButton button = type == QEvent::MouseMove ? Qt::NoButton : Qt::LeftButton;
    QMouseEvent e(type, pos, w->mapToGlobal(pos), button, buttons, mods);
    QApplication::sendEvent(w, &e);
}

void press(QWidget* w, QPointF p, Qt::KeyboardModifiers m = Qt::NoModifier)
{
    send(w, QEvent::MouseButtonPress, p, Qt::LeftButton, m);
}
void move(QWidget* w, QPointF p, Qt::KeyboardModifiers m = Qt::NoModifier)
{
    send(w, QEvent::MouseMove, p, Qt::LeftButton, m);
}
void release(QWidget* w, QPointF p)
{
    send(w, QEvent::MouseButtonRelease, p, Qt::NoButton);
}

class RecordingTrack : public TimelineTrack {
public:
    QString title() const override { return QStringLiteral("Predictions"); }
    int height() const override { return 22; }
    void paint(QPainter& p, const QRect& row, const TimelineMapping& m) const override
    {
        ++paints;
        lastRow = row;
        lastMapping = m;
        p.fillRect(QRectF(m.xAt(10), row.top(), m.xAt(20) - m.xAt(10), row.height()), Qt::magenta);
    }
    mutable int paints = 0;
    mutable QRect lastRow;
    mutable TimelineMapping lastMapping;
};

} // namespace

class TestUiTimeline : public QObject {
    Q_OBJECT

    QTemporaryDir m_tmp;
    int m_n = 0;

    // One video of `frames` frames, classes a (red) b (blue), spec T = S = 4.
    void makeDocument(ProjectDocument& doc, qint64 frames)
    {
        const QString dir = m_tmp.filePath(QStringLiteral("p%1").arg(m_n++));
        QVERIFY(doc.create(dir, FragmentSpec{}, {QStringLiteral("a"), QStringLiteral("b")}));
        QVERIFY(doc.setClassColor(QStringLiteral("a"), QStringLiteral("#ff0000")));
        QVERIFY(doc.setClassColor(QStringLiteral("b"), QStringLiteral("#0000ff")));
        QVERIFY(doc.addVideos({fl::test::fakeVideo(dir, QStringLiteral("v.mp4"), frames, 'a')}));
    }

    // Shows the document's first video on the timeline, `width` pixels wide (header included).
    static void attach(TimelineView& t, ProjectDocument& doc, int width)
    {
        t.setDocument(&doc);
        t.resize(width, t.sizeHint().height());
        t.setVideo(0);
    }

private slots:
    void mapping_data()
    {
        QTest::addColumn<double>("pixelsPerFrame");
        QTest::addColumn<double>("first");
        QTest::newRow("whole video") << 0.0 << 0.0;
        QTest::newRow("2 frames per px") << 0.5 << 37.0;
        QTest::newRow("1 px per frame") << 1.0 << 1037.0;
        QTest::newRow("2.5 px per frame, fractional scroll") << 2.5 << 2101.3;
        QTest::newRow("7 px per frame") << 7.0 << 3250.0;
        QTest::newRow("single frames, 48 px, at the end") << 48.0 << 3990.0;
    }

    void mapping()
    {
        QFETCH(double, pixelsPerFrame);
        QFETCH(double, first);
        ProjectDocument doc;
        makeDocument(doc, 4000);
        TimelineView t;
        attach(t, doc, 1092 + t.headerWidth());
        if (pixelsPerFrame > 0) t.setView(first, 1.0 / pixelsPerFrame);
        const TimelineMapping m = t.mapping();
        QCOMPARE(m.left, t.headerWidth());
        QCOMPARE(m.width, 1092);
        if (pixelsPerFrame == 0) {
            QCOMPARE(m.firstFrame, 0.0);
            QVERIFY(qAbs(m.framesPerPixel - 4000.0 / 1092) < 1e-9);
        } else {
            QCOMPARE(m.framesPerPixel, 1.0 / pixelsPerFrame);
            QVERIFY(qAbs(m.firstFrame - std::min(first, 4000 - 1092 / pixelsPerFrame)) < 1e-9);
        }
        // Every visible frame: its column maps back to it, at the left edge and inside.
        int checked = 0;
        for (qint64 f = m.visibleBegin(); f < m.visibleEnd(); ++f) {
            const double x0 = t.xAtFrame(f), x1 = t.xAtFrame(f + 1);
            QVERIFY(qAbs((x1 - x0) - pixelsPerFrame) < 1e-6 || pixelsPerFrame == 0);
            if (x0 >= m.left && x0 < m.left + m.width) {
                QCOMPARE(t.frameAtX(x0 + 1e-6), f);
                QCOMPARE(t.frameAtX((x0 + x1) / 2), f);
                ++checked;
            }
        }
        QVERIFY(checked > 20);
        // Every pixel column maps to the frame whose span holds it.
        for (int x = m.left; x < m.left + m.width; x += 3) {
            const qint64 f = t.frameAtX(x);
            QVERIFY(t.xAtFrame(f) <= x + 1e-9);
            QVERIFY(x < t.xAtFrame(f + 1) || f == 3999);
        }
        // Beyond the video it clamps.
        QCOMPARE(t.frameAtX(-1e7), qint64(0));
        QCOMPARE(t.frameAtX(1e7), qint64(3999));
    }

    void zoomKeepsTheFrameUnderTheCursor()
    {
        ProjectDocument doc;
        makeDocument(doc, 4000);
        TimelineView t;
        attach(t, doc, 1000);
        const double x = 600.3;
        const qint64 under = t.frameAtX(x);
        QSignalSpy view(&t, &TimelineView::viewChanged);
        for (int i = 0; i < 20; ++i) {
            t.zoomAt(1.5, x);
            QVERIFY(qAbs(t.frameAtX(x) - under) <= 1);
        }
        QCOMPARE(t.framesPerPixel(), t.minFramesPerPixel()); // stops at 48 px per frame
        QVERIFY(view.count() > 5);
        for (int i = 0; i < 30; ++i) t.zoomAt(1 / 1.5, x);
        QCOMPARE(t.framesPerPixel(), t.maxFramesPerPixel());
        QCOMPARE(t.firstVisibleFrame(), 0.0);
        t.zoomIn();
        t.zoomToFit();
        QCOMPARE(t.framesPerPixel(), t.maxFramesPerPixel());
    }

    void clickSeeksAndSelects()
    {
        ProjectDocument doc;
        makeDocument(doc, 400);
        TimelineView t;
        attach(t, doc, 400 * 2 + t.headerWidth()); // 2 px per frame
        QSignalSpy seek(&t, &TimelineView::seekRequested);
        QSignalSpy selection(&t, &TimelineView::selectionChanged);
        const int y = t.labelRowRect().center().y();
        press(&t, {t.xAtFrame(45) + 1, double(y)});
        release(&t, {t.xAtFrame(45) + 1, double(y)});
        QCOMPARE(seek.count(), 1);
        QCOMPARE(seek.last().at(0).toLongLong(), qint64(45));
        QCOMPARE(t.selection(), (TimelineView::Selection{11, 11}));
        // Shift+click extends from the anchor, without seeking.
        press(&t, {t.xAtFrame(90) + 1, double(y)}, Qt::ShiftModifier);
        release(&t, {t.xAtFrame(90) + 1, double(y)});
        QCOMPARE(t.selection(), (TimelineView::Selection{11, 22}));
        QCOMPARE(seek.count(), 1);
        press(&t, {t.xAtFrame(20) + 1, double(y)}, Qt::ShiftModifier);
        release(&t, {t.xAtFrame(20) + 1, double(y)});
        QCOMPARE(t.selection(), (TimelineView::Selection{5, 11}));
        // Dragging selects the fragments passed and scrubs.
        press(&t, {t.xAtFrame(200) + 1, double(y)});
        move(&t, {t.xAtFrame(230) + 1, double(y)});
        move(&t, {t.xAtFrame(260) + 1, double(y)});
        release(&t, {t.xAtFrame(260) + 1, double(y)});
        QCOMPARE(t.selection(), (TimelineView::Selection{50, 65}));
        QCOMPARE(seek.last().at(0).toLongLong(), qint64(260));
        // Dragging in the ruler scrubs without touching the selection.
        const int ruler = t.rulerRect().center().y();
        press(&t, {t.xAtFrame(300) + 1, double(ruler)});
        move(&t, {t.xAtFrame(310) + 1, double(ruler)});
        release(&t, {t.xAtFrame(310) + 1, double(ruler)});
        QCOMPARE(seek.last().at(0).toLongLong(), qint64(310));
        QCOMPARE(t.selection(), (TimelineView::Selection{50, 65}));
        t.clearSelection();
        QVERIFY(t.selection().isEmpty());
        t.selectAll();
        QCOMPARE(t.selection(), (TimelineView::Selection{0, 99}));
    }

    void dragLabelEdgeIsOneUndoStep()
    {
        ProjectDocument doc;
        makeDocument(doc, 400);
        QVERIFY(doc.setLabel(0, 0, 40, QStringLiteral("a")));
        QVERIFY(doc.setLabel(0, 40, 80, QStringLiteral("b")));
        const Project before = doc.project();
        const int steps = doc.undoStack()->count();
        TimelineView t;
        attach(t, doc, 400 * 3 + t.headerWidth()); // 3 px per frame
        const double y = t.labelRowRect().center().y();
        QSignalSpy seek(&t, &TimelineView::seekRequested);
        press(&t, {t.xAtFrame(40) + 1, y});
        for (qint64 f : {44, 50, 57, 63, 70, 61}) move(&t, {t.xAtFrame(f) + 1, y});
        release(&t, {t.xAtFrame(61) + 1, y});
        QCOMPARE(seek.count(), 0); // an edge drag does not seek
        const auto& r = doc.project().labels(0).ranges();
        QCOMPARE(int(r.size()), 2);
        QCOMPARE(r[0], (LabelRange{0, 60, QStringLiteral("a")})); // 61 snaps to the fragment boundary 60
        QCOMPARE(r[1], (LabelRange{60, 80, QStringLiteral("b")}));
        QCOMPARE(doc.undoStack()->count(), steps + 1);
        QCOMPARE(doc.undoStack()->undoText(), QStringLiteral("Label 5 fragments as a")); // frames 40-59
        // The b range keeps at least a frame however far the edge goes.
        press(&t, {t.xAtFrame(60) + 1, y});
        move(&t, {t.xAtFrame(200) + 1, y});
        release(&t, {t.xAtFrame(200) + 1, y});
        QCOMPARE(doc.project().labels(0).ranges()[1], (LabelRange{79, 80, QStringLiteral("b")}));
        QCOMPARE(doc.undoStack()->undoText(), QStringLiteral("Label 4 fragments as a")); // frames 60-78
        doc.undoStack()->undo();
        doc.undoStack()->undo();
        QCOMPARE(doc.project(), before);
    }

    void dragEdgeIntoUnlabeledFramesExactlyWithAlt()
    {
        ProjectDocument doc;
        makeDocument(doc, 400);
        QVERIFY(doc.setLabel(0, 40, 80, QStringLiteral("b")));
        QVERIFY(doc.setLabel(0, 0, 12, QStringLiteral("a")));
        TimelineView t;
        attach(t, doc, 400 * 3 + t.headerWidth());
        const double y = t.labelRowRect().center().y();
        // Left edge of b, to the left with Alt: frame-exact, stops at the end of a.
        press(&t, {t.xAtFrame(40), y});
        move(&t, {t.xAtFrame(31), y}, Qt::AltModifier);
        release(&t, {t.xAtFrame(31), y});
        QCOMPARE(doc.project().labels(0).ranges()[1], (LabelRange{31, 80, QStringLiteral("b")}));
        press(&t, {t.xAtFrame(31), y});
        move(&t, {t.xAtFrame(2), y}, Qt::AltModifier);
        release(&t, {t.xAtFrame(2), y});
        QCOMPARE(doc.project().labels(0).ranges()[1], (LabelRange{12, 80, QStringLiteral("b")}));
        // Right edge of b to the left, snapped: the frames it leaves become unlabeled.
        press(&t, {t.xAtFrame(80), y});
        move(&t, {t.xAtFrame(65), y});
        release(&t, {t.xAtFrame(65), y});
        QCOMPARE(doc.project().labels(0).ranges()[1], (LabelRange{12, 64, QStringLiteral("b")}));
        QVERIFY(!doc.project().labels(0).classAt(70));
    }

    void doubleClickSelectsALabeledRange()
    {
        ProjectDocument doc;
        makeDocument(doc, 400);
        QVERIFY(doc.setLabel(0, 40, 80, QStringLiteral("b")));
        TimelineView t;
        attach(t, doc, 400 * 2 + t.headerWidth());
        QTest::mouseDClick(&t, Qt::LeftButton, {}, QPoint(int(t.xAtFrame(60)), t.labelRowRect().center().y()));
        QCOMPARE(t.selection(), (TimelineView::Selection{10, 19}));
    }

    void extraTrackRow()
    {
        ProjectDocument doc;
        makeDocument(doc, 400);
        TimelineView t;
        attach(t, doc, 1000);
        const int before = t.height();
        RecordingTrack track;
        t.addTrack(&track);
        QCOMPARE(t.height(), before + 22);
        const QRect row = t.trackRect(&track);
        QCOMPARE(row.top(), t.labelRowRect().bottom() + 1);
        QImage image(t.size(), QImage::Format_ARGB32_Premultiplied);
        t.render(&image);
        QVERIFY(track.paints > 0);
        QCOMPARE(track.lastMapping.framesPerPixel, t.mapping().framesPerPixel);
        QCOMPARE(track.lastRow.left(), t.headerWidth());
        QCOMPARE(image.pixelColor(int(t.xAtFrame(15)), row.center().y()), QColor(Qt::magenta));
        t.removeTrack(&track);
        QCOMPARE(t.height(), before);
    }

    void paintsTheRightClassColours()
    {
        // 100,000 fragments, neighbours in different classes: the worst case for painting.
        ProjectDocument doc;
        const qint64 fragments = 100000;
        makeDocument(doc, fragments * 4);
        {
            Project p = doc.project();
            for (qint64 j = 0; j < fragments; ++j)
                QVERIFY(p.setLabel(0, j * 4, j * 4 + 4, j % 2 ? QStringLiteral("b") : QStringLiteral("a")));
            QVERIFY(p.save());
            QVERIFY(doc.open(p.dir()));
        }
        TimelineView t;
        attach(t, doc, 1600);
        t.setShowFragmentBoundaries(false);
        QImage image(t.size(), QImage::Format_ARGB32_Premultiplied);
        const int y = t.labelRowRect().center().y();
        t.render(&image); // whole video: must not take long or crash
        for (double pixelsPerFrame : {0.5, 2.0, 48.0}) {
            t.setView(200000, 1.0 / pixelsPerFrame);
            t.render(&image);
            for (int x = t.headerWidth() + 2; x < t.width() - 2; x += 37) {
                const TimelineMapping m = t.mapping();
                // Only columns that lie inside one fragment have a single colour.
                const double f0 = m.firstFrame + (x - m.left) * m.framesPerPixel, f1 = f0 + m.framesPerPixel;
                if (qint64(f0) / 4 != qint64(f1 - 1e-9) / 4) continue;
                const QColor expected = (qint64(f0) / 4) % 2 ? QColor(0, 0, 255) : QColor(255, 0, 0);
                QCOMPARE(image.pixelColor(x, y), expected);
            }
        }
    }

    void timecodes_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<qint64>("frame"); // -1: a time
        QTest::addColumn<double>("ms");    // -1: a frame; -2: refused
        QTest::newRow("frame") << "120" << qint64(120) << -1.0;
        QTest::newRow("seconds") << "65.2s" << qint64(-1) << 65200.0;
        QTest::newRow("seconds, space, upper case") << " 3 S " << qint64(-1) << 3000.0;
        QTest::newRow("m:ss.s") << "1:05.2" << qint64(-1) << 65200.0;
        QTest::newRow("hh:mm:ss.mmm") << "01:02:03.250" << qint64(-1) << 3723250.0;
        QTest::newRow("seconds over 59") << "1:75" << qint64(-1) << -2.0;
        QTest::newRow("words") << "soon" << qint64(-1) << -2.0;
        QTest::newRow("negative") << "-5" << qint64(-1) << -2.0;
    }

    void timecodes()
    {
        QFETCH(QString, text);
        QFETCH(qint64, frame);
        QFETCH(double, ms);
        const auto parsed = TimecodeText::parse(text);
        if (ms == -2) {
            QVERIFY(!parsed);
            QVERIFY(parsed.error().contains(text.trimmed()));
            return;
        }
        QVERIFY2(parsed, qPrintable(parsed.error()));
        if (frame >= 0) {
            QCOMPARE(parsed->frame, std::optional<qint64>(frame));
            QVERIFY(!parsed->ms);
        } else {
            QVERIFY(parsed->ms);
            QVERIFY(qAbs(*parsed->ms - ms) < 1e-6);
        }
        QCOMPARE(TimecodeText::format(3723250.4), QStringLiteral("01:02:03.250"));
        QCOMPARE(TimecodeText::formatShort(65200), QStringLiteral("1:05"));
        QCOMPARE(TimecodeText::formatShort(3723250), QStringLiteral("1:02:03"));
    }

    void playheadFollowsWhenZoomed()
    {
        ProjectDocument doc;
        makeDocument(doc, 4000);
        TimelineView t;
        attach(t, doc, 1000);
        t.setView(0, 0.5);
        t.setPlayhead(3000);
        QVERIFY(t.firstVisibleFrame() <= 3000 && 3000 < t.mapping().lastVisibleFrame());
        t.setFollowPlayhead(false);
        t.setPlayhead(100);
        QVERIFY(t.firstVisibleFrame() > 100);
        t.setKeyframes({0, 250, 500});
        QCOMPARE(int(t.keyframes().size()), 3);
    }
};

QTEST_MAIN(TestUiTimeline)
#include "tst_ui_timeline.moc"
