// The main window on a generated video whose frames show their own number: the view shows
// exactly the frame asked for; class keys label the right fragments; Del clears; undo/redo
// from the keyboard restore exactly; dragging a label edge is one undo step; paint while
// playing; dropping a video adds it (indexed in a job); autosave + recovery after a simulated
// crash; closing with unsaved changes asks; save and reopen keep everything; every action
// has a shortcut (no two the same) and a tooltip; the theme setting recolours the window. (~8 s)
#include "TestMedia.h"
#include "UiFixtures.h"

#include "document/ProjectDocument.h"
#include "document/ProjectFiles.h"
#include "jobs/JobRunner.h"
#include "labeling/ClassListModel.h"
#include "labeling/ClassesPanel.h"
#include "labeling/LabelingController.h"
#include "player/FrameView.h"
#include "player/VideoPlayer.h"
#include "project/Project.h"
#include "settings/AppSettings.h"
#include "settings/AppearanceTheme.h"
#include "settings/ShortcutsDialog.h"
#include "shell/ActionRegistry.h"
#include "shell/Features.h"
#include "shell/MainWindow.h"
#include "shell/Workbench.h"
#include "timeline/TimelineView.h"
#include "video/VideoSource.h"

#include <opencv2/core.hpp>

#include <functional>

#include <QAction>
#include <QApplication>
#include <QDateTime>
#include <QDir>
#include <QDockWidget>
#include <QFile>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QMimeData>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QUndoStack>
#include <QUrl>

using namespace fl;

namespace {

// A window whose questions are answered by the test.
class ScriptedWindow : public MainWindow {
public:
    using MainWindow::MainWindow;
    UnsavedChoice unsavedAnswer = UnsavedChoice::Cancel;
    bool recoverAnswer = true;
    int unsavedAsked = 0;
    int recoverAsked = 0;
    QStringList errors;

protected:
    UnsavedChoice askUnsavedChanges() override
    {
        ++unsavedAsked;
        return unsavedAnswer;
    }
    bool askRecoverAutosave(const QString&, const QDateTime&) override
    {
        ++recoverAsked;
        return recoverAnswer;
    }
    void showError(const QString& title, const QString& message) override
    {
        errors << title + QStringLiteral(": ") + message;
    }
};

int shownNumber(const FrameView* view)
{
    return fl::test::imageNumber(view->image());
}

} // namespace

class TestUiMainWindow : public QObject {
    Q_OBJECT

    QTemporaryDir m_tmp;
    QString m_video;       // 120 frames, each showing its number
    QString m_secondVideo; // 40 frames
    QString m_template;    // a saved project holding m_video, classes motion / static
    int m_n = 0;

    QString freshProject()
    {
        const QString dir = m_tmp.filePath(QStringLiteral("project%1").arg(m_n++));
        QDir().mkpath(dir);
        for (const QString& f : QDir(m_template).entryList(QDir::Files))
            QFile::copy(QDir(m_template).filePath(f), QDir(dir).filePath(f));
        return dir;
    }

    std::unique_ptr<AppSettings> settings()
    {
        return test::quietSettings(m_tmp.filePath(QStringLiteral("settings%1.ini").arg(m_n++)));
    }

    // Shows the window, opens the project and waits for frame 0 on screen.
    void openAndWait(ScriptedWindow& w, const QString& dir)
    {
        w.resize(1200, 800);
        w.show();
        QVERIFY(QTest::qWaitForWindowActive(&w));
        QSignalSpy opened(w.workbench(), &Workbench::videoOpened);
        QVERIFY(w.files()->openProject(dir));
        QVERIFY(opened.wait(20000));
        waitForFrame(w, 0);
    }

    void waitForFrame(MainWindow& w, qint64 frame)
    {
        QTRY_VERIFY_WITH_TIMEOUT(w.frameView()->frame() == frame && w.frameView()->isFullResolution(), 15000);
    }

    void key(QWidget* w, Qt::Key k, Qt::KeyboardModifiers m = Qt::NoModifier) { QTest::keyClick(w, k, m); }

    const LabelTrack& labels(MainWindow& w) { return w.workbench()->document()->project().labels(0); }

private slots:
    void initTestCase()
    {
        if (!fl::test::ffmpegAvailable()) QSKIP("ffmpeg/ffprobe not found");
        fl::test::NumberedVideoOptions o;
        o.baseName = QStringLiteral("numbers");
        o.frames = 120;
        auto made = fl::test::makeNumberedVideo(m_tmp.path(), o);
        QVERIFY2(made, qPrintable(made.error()));
        m_video = *made;
        o.baseName = QStringLiteral("second");
        o.frames = 40;
        o.firstNumber = 500;
        QDir().mkpath(m_tmp.filePath(QStringLiteral("drop")));
        auto second = fl::test::makeNumberedVideo(m_tmp.filePath(QStringLiteral("drop")), o);
        QVERIFY2(second, qPrintable(second.error()));
        m_secondVideo = *second;

        m_template = m_tmp.filePath(QStringLiteral("template"));
        auto project = Project::create(m_template, FragmentSpec{},
                                       {QStringLiteral("motion"), QStringLiteral("static")});
        QVERIFY(project);
        auto source = VideoSource::open(m_video, {});
        QVERIFY(source);
        QVERIFY(project->addVideo(m_video, (*source)->info().frameCount, 25.0));
        QVERIFY(project->save());
    }

    void showsExactFramesAndSteps()
    {
        auto s = settings();
        ScriptedWindow w(s.get());
        openAndWait(w, freshProject());
        QCOMPARE(shownNumber(w.frameView()), 0);
        for (qint64 f : {57, 13, 119, 64, 3}) {
            w.workbench()->seek(f);
            waitForFrame(w, f);
            QCOMPARE(shownNumber(w.frameView()), int(f));
            QCOMPARE(w.timeline()->playhead(), f);
        }
        key(&w, Qt::Key_Right);
        waitForFrame(w, 4);
        QCOMPARE(shownNumber(w.frameView()), 4);
        key(&w, Qt::Key_Left);
        key(&w, Qt::Key_Left);
        waitForFrame(w, 2);
        key(&w, Qt::Key_Right, Qt::ShiftModifier); // next fragment: 4
        waitForFrame(w, 4);
        key(&w, Qt::Key_Right, Qt::ShiftModifier);
        waitForFrame(w, 8);
        key(&w, Qt::Key_Left, Qt::ShiftModifier);
        waitForFrame(w, 4);
        key(&w, Qt::Key_Right, Qt::ControlModifier); // +1 s at 25 fps
        waitForFrame(w, 29);
        QCOMPARE(shownNumber(w.frameView()), 29);
        key(&w, Qt::Key_End);
        waitForFrame(w, 119);
        key(&w, Qt::Key_Left, Qt::ControlModifier | Qt::ShiftModifier); // -10 s: clamps at 0
        waitForFrame(w, 0);
        QCOMPARE(shownNumber(w.frameView()), 0);
        QVERIFY(w.frameView()->badge(FrameView::LabelBadge).text.contains(QStringLiteral("unlabeled")));
    }

    void keysLabelTheRightFragments()
    {
        auto s = settings();
        ScriptedWindow w(s.get());
        openAndWait(w, freshProject());
        w.workbench()->seek(10); // fragment 2: frames 8-11
        waitForFrame(w, 10);
        key(&w, Qt::Key_1);
        QCOMPARE(labels(w).ranges(), (std::vector<LabelRange>{{8, 12, QStringLiteral("motion")}}));
        QCOMPARE(w.workbench()->document()->project().fragmentLabel(0, 2),
                 std::optional<QString>(QStringLiteral("motion")));
        QCOMPARE(w.frameView()->badge(FrameView::LabelBadge).text, QStringLiteral("motion"));
        // A selection: fragments 5-9 (frames 20-39).
        w.timeline()->setSelection(5, 9);
        key(&w, Qt::Key_2);
        QCOMPARE(labels(w).ranges(),
                 (std::vector<LabelRange>{{8, 12, QStringLiteral("motion")}, {20, 40, QStringLiteral("static")}}));
        QCOMPARE(w.workbench()->document()->project().labeledFragmentCounts(0).value(QStringLiteral("static")),
                 qint64(5));
        // Relabel part of it, then Del clears the selection's labels.
        w.timeline()->setSelection(7, 8);
        key(&w, Qt::Key_1);
        QCOMPARE(labels(w).classAt(30), std::optional<QString>(QStringLiteral("motion")));
        key(&w, Qt::Key_Delete);
        QCOMPARE(labels(w).ranges(),
                 (std::vector<LabelRange>{{8, 12, QStringLiteral("motion")},
                                          {20, 28, QStringLiteral("static")},
                                          {36, 40, QStringLiteral("static")}}));
        // Esc drops the selection: Backspace then clears the fragment under the playhead.
        key(&w, Qt::Key_Escape);
        QVERIFY(w.timeline()->selection().isEmpty());
        key(&w, Qt::Key_Backspace);
        QCOMPARE(labels(w).ranges(),
                 (std::vector<LabelRange>{{20, 28, QStringLiteral("static")}, {36, 40, QStringLiteral("static")}}));
        QVERIFY(w.isWindowModified());
    }

    void undoAndRedoFromTheKeyboard()
    {
        auto s = settings();
        ScriptedWindow w(s.get());
        openAndWait(w, freshProject());
        std::vector<Project> states{w.workbench()->document()->project()};
        for (qint64 f : {0, 17, 33, 50}) {
            w.workbench()->seek(f);
            key(&w, f % 2 ? Qt::Key_2 : Qt::Key_1);
            states.push_back(w.workbench()->document()->project());
        }
        w.timeline()->setSelection(2, 10);
        key(&w, Qt::Key_Delete);
        states.push_back(w.workbench()->document()->project());
        for (int i = int(states.size()) - 2; i >= 0; --i) {
            key(&w, Qt::Key_Z, Qt::ControlModifier);
            QCOMPARE(w.workbench()->document()->project(), states[size_t(i)]);
        }
        QVERIFY(!w.isWindowModified());
        for (size_t i = 1; i < states.size(); ++i) {
            if (i % 2)
                key(&w, Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
            else
                key(&w, Qt::Key_Y, Qt::ControlModifier);
            QCOMPARE(w.workbench()->document()->project(), states[i]);
        }
    }

    void draggingALabelEdgeInTheWindow()
    {
        auto s = settings();
        ScriptedWindow w(s.get());
        openAndWait(w, freshProject());
        w.timeline()->setSelection(0, 9); // frames 0-39
        key(&w, Qt::Key_1);
        const Project before = w.workbench()->document()->project();
        TimelineView* t = w.timeline();
        const QPoint from(int(t->xAtFrame(40)), t->labelRowRect().center().y());
        const QPoint to(int(t->xAtFrame(60)) + 1, from.y());
        QTest::mousePress(t, Qt::LeftButton, {}, from);
        for (int x = from.x(); x <= to.x(); x += 3) {
            QMouseEvent move(QEvent::MouseMove, QPointF(x, from.y()), t->mapToGlobal(QPointF(x, from.y())),
                             Qt::NoButton, Qt::LeftButton, Qt::NoModifier);
            QApplication::sendEvent(t, &move);
        }
        QTest::mouseRelease(t, Qt::LeftButton, {}, to);
        QCOMPARE(labels(w).ranges(), (std::vector<LabelRange>{{0, 60, QStringLiteral("motion")}}));
        key(&w, Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(w.workbench()->document()->project(), before);
    }

    void paintWhilePlaying()
    {
        auto s = settings();
        ScriptedWindow w(s.get());
        openAndWait(w, freshProject());
        QVERIFY(!s->paintWhilePlaying()); // off at first start, as the guide says: P turns it on
        key(&w, Qt::Key_P);
        QVERIFY(s->paintWhilePlaying());
        QVERIFY(w.actions()->find(QStringLiteral("paintWhilePlaying"))->isChecked());
        const int steps = w.workbench()->document()->undoStack()->count();
        key(&w, Qt::Key_Space);
        QTRY_VERIFY_WITH_TIMEOUT(w.workbench()->player()->isPlaying(), 2000);
        QTest::keyPress(&w, Qt::Key_1);
        QVERIFY(w.workbench()->labeling()->isPainting());
        QTRY_VERIFY_WITH_TIMEOUT(w.workbench()->player()->position() >= 40, 15000);
        QTest::keyRelease(&w, Qt::Key_1);
        QVERIFY(!w.workbench()->labeling()->isPainting());
        const qint64 releasedAt = w.workbench()->player()->position();
        QTest::qWait(200); // playing on without the key labels nothing more
        key(&w, Qt::Key_Space);
        QVERIFY(!w.workbench()->player()->isPlaying());
        QCOMPARE(labels(w).size(), 1);
        const LabelRange painted = labels(w).ranges().front();
        QCOMPARE(painted.start, qint64(0));
        QCOMPARE(painted.label, QStringLiteral("motion"));
        QVERIFY2(painted.end >= 44 && painted.end % 4 == 0 && painted.end <= releasedAt + 4,
                 qPrintable(QStringLiteral("painted to %1, released at %2").arg(painted.end).arg(releasedAt)));
        QCOMPARE(w.workbench()->document()->undoStack()->count(), steps + 1);
    }

    void heldClassKeyWithoutPaintingLabelsOneFragment()
    {
        // Paint While Playing off (the default): a class key held during playback labels the
        // fragment under the playhead once, however often the key repeats as a plain press.
        auto s = settings();
        ScriptedWindow w(s.get());
        openAndWait(w, freshProject());
        QVERIFY(!s->paintWhilePlaying());
        const int steps = w.workbench()->document()->undoStack()->count();
        key(&w, Qt::Key_Space);
        QTRY_VERIFY_WITH_TIMEOUT(w.workbench()->player()->isPlaying(), 2000);
        QTest::keyPress(&w, Qt::Key_1);
        QTRY_VERIFY_WITH_TIMEOUT(w.workbench()->player()->position() >= 16, 15000);
        QTest::keyPress(&w, Qt::Key_1); // repeats of the held key
        QTRY_VERIFY_WITH_TIMEOUT(w.workbench()->player()->position() >= 28, 15000);
        QTest::keyPress(&w, Qt::Key_1);
        QTest::keyRelease(&w, Qt::Key_1);
        QCOMPARE(labels(w).size(), 1);
        QCOMPARE(labels(w).ranges().front().length(), qint64(4));
        QCOMPARE(w.workbench()->document()->undoStack()->count(), steps + 1);
        // A new press after the release labels again.
        QTRY_VERIFY_WITH_TIMEOUT(w.workbench()->player()->position() >= 36, 15000);
        QTest::keyPress(&w, Qt::Key_1);
        QTest::keyRelease(&w, Qt::Key_1);
        key(&w, Qt::Key_Space);
        QCOMPARE(labels(w).size(), 2);
        QCOMPARE(w.workbench()->document()->undoStack()->count(), steps + 2);
    }

    void droppingAVideoAddsIt()
    {
        auto s = settings();
        ScriptedWindow w(s.get());
        openAndWait(w, freshProject());
        QMimeData notAVideo;
        notAVideo.setUrls({QUrl::fromLocalFile(m_tmp.filePath(QStringLiteral("settings0.ini")))});
        QDragEnterEvent refused(QPoint(100, 100), Qt::CopyAction, &notAVideo, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(&w, &refused);
        QVERIFY(!refused.isAccepted());

        QMimeData mime;
        mime.setUrls({QUrl::fromLocalFile(m_secondVideo)});
        QDragEnterEvent enter(QPoint(100, 100), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(&w, &enter);
        QVERIFY(enter.isAccepted());
        QSignalSpy added(w.files(), &ProjectFiles::videosAdded);
        QSignalSpy opened(w.workbench(), &Workbench::videoOpened);
        QDropEvent drop(QPointF(100, 100), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(&w, &drop);
        QVERIFY(added.wait(20000));
        QCOMPARE(added.first().at(0).toInt(), 1);
        QVERIFY(w.errors.isEmpty());
        QCOMPARE(w.workbench()->document()->project().videoCount(), 2);
        QCOMPARE(w.workbench()->document()->project().video(1).frameCount, qint64(40));
        QCOMPARE(w.workbench()->currentVideo(), 1);
        QVERIFY(opened.count() > 0 || opened.wait(20000));
        waitForFrame(w, 0);
        QCOMPARE(shownNumber(w.frameView()), 500);
        // Dropping it again is refused with a message naming the file.
        QDragEnterEvent enterAgain(QPoint(100, 100), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(&w, &enterAgain);
        QDropEvent again(QPointF(100, 100), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(&w, &again);
        QVERIFY(added.wait(20000));
        QCOMPARE(added.last().at(0).toInt(), 0);
        QCOMPARE(w.errors.size(), 1);
        QVERIFY(w.errors.front().contains(QStringLiteral("second.mp4")));
        // Adding is undoable.
        key(&w, Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(w.workbench()->document()->project().videoCount(), 1);
        QCOMPARE(w.workbench()->currentVideo(), 0);
        // Without videos the window says what to do; undo brings the video back.
        QVERIFY(w.workbench()->document()->removeVideo(0));
        QCOMPARE(w.workbench()->currentVideo(), -1);
        QVERIFY(w.frameView()->message().contains(QStringLiteral("no videos")));
        key(&w, Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(w.workbench()->currentVideo(), 0);
        waitForFrame(w, 0);
        QCOMPARE(shownNumber(w.frameView()), 0);
    }

    void recoveryAfterACrash()
    {
        const QString dir = freshProject();
        Project edited;
        {
            auto s = settings();
            auto* w = new ScriptedWindow(s.get());
            openAndWait(*w, dir);
            w->timeline()->setSelection(3, 6);
            key(w, Qt::Key_2);
            QSignalSpy autosaved(w->workbench()->document(), &ProjectDocument::autosaved);
            s->setAutosaveIntervalSeconds(1);
            QVERIFY(autosaved.wait(5000));
            edited = w->workbench()->document()->project();
            delete w; // gone without closing: as after a crash
        }
        QVERIFY(Project::pendingAutosave(dir));
        {
            auto s = settings();
            ScriptedWindow w(s.get());
            w.recoverAnswer = true;
            openAndWait(w, dir);
            QCOMPARE(w.recoverAsked, 1);
            QCOMPARE(w.workbench()->document()->project(), edited);
            QVERIFY(w.isWindowModified());
            // Closing: the user discards; the recovery file goes, the saved project stays.
            w.unsavedAnswer = MainWindow::UnsavedChoice::Discard;
            QVERIFY(w.close());
            QCOMPARE(w.unsavedAsked, 1);
        }
        QVERIFY(!Project::pendingAutosave(dir));
        QVERIFY(Project::load(dir)->labels(0).isEmpty());
        // Declining a recovery opens the saved project and removes the file.
        {
            auto s = settings();
            auto* w = new ScriptedWindow(s.get());
            openAndWait(*w, dir);
            key(w, Qt::Key_1);
            QVERIFY(w->workbench()->document()->autosaveNow());
            delete w;
        }
        QVERIFY(Project::pendingAutosave(dir));
        auto s = settings();
        ScriptedWindow w(s.get());
        w.recoverAnswer = false;
        openAndWait(w, dir);
        QVERIFY(labels(w).isEmpty());
        QVERIFY(!Project::pendingAutosave(dir));
        QVERIFY(!w.isWindowModified());
    }

    void closingWithUnsavedChangesAsks()
    {
        const QString dir = freshProject();
        auto s = settings();
        ScriptedWindow w(s.get());
        openAndWait(w, dir);
        QVERIFY(w.close()); // nothing to save: no question
        QCOMPARE(w.unsavedAsked, 0);
        openAndWait(w, dir);
        key(&w, Qt::Key_1);
        w.unsavedAnswer = MainWindow::UnsavedChoice::Cancel;
        QVERIFY(!w.close());
        QVERIFY(w.isVisible());
        w.unsavedAnswer = MainWindow::UnsavedChoice::Save;
        QVERIFY(w.close());
        QCOMPARE(w.unsavedAsked, 2);
        QCOMPARE(Project::load(dir)->labels(0).size(), 1);
    }

    void saveAndReopenKeepEverything()
    {
        const QString dir = freshProject();
        Project saved;
        {
            auto s = settings();
            ScriptedWindow w(s.get());
            openAndWait(w, dir);
            w.timeline()->setSelection(0, 4);
            key(&w, Qt::Key_1);
            w.timeline()->setSelection(20, 29);
            key(&w, Qt::Key_2);
            QVERIFY(w.workbench()->document()->addClass(QStringLiteral("third")));
            key(&w, Qt::Key_S, Qt::ControlModifier);
            QVERIFY(!w.isWindowModified());
            saved = w.workbench()->document()->project();
            QVERIFY(w.close());
            QCOMPARE(w.unsavedAsked, 0);
        }
        auto s = settings();
        ScriptedWindow w(s.get());
        openAndWait(w, dir);
        QCOMPARE(w.workbench()->document()->project(), saved);
        QVERIFY(w.actions()->find(QStringLiteral("labelAs_third")));
        QCOMPARE(w.actions()->find(QStringLiteral("labelAs_third"))->shortcut(), QKeySequence(Qt::Key_3));
        QCOMPARE(s->recentProjects().front(), QDir(dir).absolutePath());
    }

    // A project with videos replaced while a fragment is selected: File > New, Open, and
    // Open with recovery. It crashed (std::out_of_range) when a receiver of projectReplaced
    // read the old current video against the new project's videos.
    void replacingAProjectWithAFragmentSelected()
    {
        auto s = settings();
        ScriptedWindow w(s.get());
        const QString first = freshProject();
        openAndWait(w, first);
        auto select = [&] {
            w.workbench()->seek(21);
            waitForFrame(w, 21);
            w.timeline()->setSelection(5, 7);
            QCOMPARE(w.workbench()->currentFragment(), qint64(5));
        };
        select();
        // New (as File > New Project does once the dialog is accepted): no videos.
        QVERIFY(w.workbench()->document()->create(m_tmp.filePath(QStringLiteral("new%1").arg(m_n++)), FragmentSpec{},
                                                  {QStringLiteral("a")}));
        QCOMPARE(w.workbench()->currentVideo(), -1);
        QCOMPARE(w.workbench()->currentFragment(), qint64(-1));
        QVERIFY(w.errors.isEmpty());
        // Open another project with videos, then one with fewer videos than the current index.
        QVERIFY(w.files()->openProject(freshProject()));
        QTRY_COMPARE_WITH_TIMEOUT(w.workbench()->currentVideo(), 0, 5000);
        waitForFrame(w, 0);
        select();
        QVERIFY(w.workbench()->document()->create(m_tmp.filePath(QStringLiteral("new%1").arg(m_n++)), FragmentSpec{},
                                                  {QStringLiteral("a")}));
        QCOMPARE(w.workbench()->currentFragment(), qint64(-1));
        // Open with recovery: a pending autosave of another project.
        const QString recovered = freshProject();
        {
            auto p = Project::load(recovered);
            QVERIFY(p);
            QVERIFY(p->setLabel(0, 0, 8, QStringLiteral("motion")));
            QVERIFY(p->saveAutosave());
            QFile f(p->autosaveFile());
            QVERIFY(f.open(QIODevice::ReadWrite));
            QVERIFY(f.setFileTime(QDateTime::currentDateTime().addSecs(5), QFileDevice::FileModificationTime));
        }
        QVERIFY(w.files()->openProject(first));
        QTRY_COMPARE_WITH_TIMEOUT(w.workbench()->currentVideo(), 0, 5000);
        waitForFrame(w, 0);
        select();
        w.recoverAnswer = true;
        QVERIFY(w.files()->openProject(recovered));
        QCOMPARE(w.recoverAsked, 1);
        QCOMPARE(w.workbench()->document()->project().fragmentLabel(0, 0),
                 std::optional<QString>(QStringLiteral("motion")));
        waitForFrame(w, 0);
        QCOMPARE(w.workbench()->currentFragment(), qint64(0));
        QVERIFY2(w.errors.isEmpty(), qPrintable(w.errors.join(QLatin1Char('\n'))));
    }

    // "Go to video V, fragment F" from another video lands on F's first frame once V is
    // open (it stayed at frame 0: the seek was issued while the video was still opening).
    // The label of the fragment under the playhead is on the frame from the first frame on,
    // and again right after each change of video (found by a walk in a real window).
    void labelBadgeAtStartAndAfterAVideoChange()
    {
        auto s = settings();
        ScriptedWindow w(s.get());
        openAndWait(w, freshProject());
        auto badgeText = [&w] { return w.frameView()->badge(FrameView::LabelBadge).detail; };
        QTRY_COMPARE(badgeText(), QStringLiteral("fragment 0 · frames 0-3"));
        QSignalSpy added(w.files(), &ProjectFiles::videosAdded);
        w.files()->addVideoFiles({m_secondVideo});
        QVERIFY(added.wait(20000));
        QCOMPARE(w.workbench()->currentVideo(), 1);
        waitForFrame(w, 0);
        QTRY_COMPARE(badgeText(), QStringLiteral("fragment 0 · frames 0-3"));
        QCOMPARE(w.frameView()->badge(FrameView::LabelBadge).text, QStringLiteral("unlabeled"));
        w.workbench()->selectVideo(0);
        waitForFrame(w, 0);
        QTRY_COMPARE(badgeText(), QStringLiteral("fragment 0 · frames 0-3"));
    }

    void goingToAFragmentOfAnotherVideo()
    {
        auto s = settings();
        ScriptedWindow w(s.get());
        openAndWait(w, freshProject());
        QSignalSpy added(w.files(), &ProjectFiles::videosAdded);
        w.files()->addVideoFiles({m_secondVideo});
        QVERIFY(added.wait(20000));
        QCOMPARE(w.workbench()->document()->project().videoCount(), 2);
        w.workbench()->selectVideo(0);
        waitForFrame(w, 0);
        QCOMPARE(shownNumber(w.frameView()), 0);
        QSignalSpy fragment(w.workbench(), &Workbench::currentFragmentChanged);
        w.workbench()->goToFragment(1, 3); // frames 12-15 of the 40-frame video numbered from 500
        QCOMPARE(w.workbench()->currentVideo(), 1);
        waitForFrame(w, 12);
        QCOMPARE(shownNumber(w.frameView()), 512);
        QCOMPARE(w.workbench()->player()->position(), qint64(12));
        QCOMPARE(w.workbench()->currentFragment(), qint64(3));
        QCOMPARE(w.timeline()->selection().first, qint64(3));
        QVERIFY(!fragment.isEmpty());
        QCOMPARE(fragment.last().at(0).toInt(), 1);
        QCOMPARE(fragment.last().at(1).toLongLong(), qint64(3));
        QVERIFY(w.frameView()
                    ->badge(FrameView::LabelBadge)
                    .text.contains(QStringLiteral("unlabeled"))); // the overlay follows
        // And back, to a fragment far from frame 0.
        w.workbench()->goToFragment(0, 25);
        waitForFrame(w, 100);
        QCOMPARE(shownNumber(w.frameView()), 100);
    }

    // Right after start-up, with no click first, the labeling keys label: the keyboard focus is
    // not in a text field (it was in the Frame box, which took the digits).
    void keysWorkRightAfterStartUp()
    {
        auto s = settings();
        ScriptedWindow w(s.get());
        openAndWait(w, freshProject());
        QWidget* focus = QApplication::focusWidget();
        QVERIFY(focus);
        QVERIFY2(!qobject_cast<QAbstractSpinBox*>(focus) && !qobject_cast<QLineEdit*>(focus),
                 focus->metaObject()->className());
        QTest::keyClick(focus, Qt::Key_1); // where a key press goes: the focus widget
        QCOMPARE(w.workbench()->document()->project().fragmentLabel(0, 0),
                 std::optional<QString>(QStringLiteral("motion")));
        // The Frame box takes the focus only when clicked; Enter gives the keys back.
        auto* frameBox = w.findChild<QSpinBox*>();
        QVERIFY(frameBox);
        QCOMPARE(frameBox->focusPolicy(), Qt::ClickFocus);
        frameBox->setFocus();
        QTest::keyClick(frameBox, Qt::Key_Return);
        QTRY_VERIFY(!frameBox->hasFocus());
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Right, Qt::ShiftModifier);
        waitForFrame(w, 4);
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_2);
        QCOMPARE(w.workbench()->document()->project().fragmentLabel(0, 1),
                 std::optional<QString>(QStringLiteral("static")));
    }

    // After Go To (Ctrl+G) the labeling keys work at once (the focus went back to the Frame box).
    void keysWorkAfterGoTo()
    {
        auto s = settings();
        ScriptedWindow w(s.get());
        openAndWait(w, freshProject());
        bool answered = false;
        QTimer::singleShot(0, &w, [&] {
            auto* dialog = qobject_cast<QInputDialog*>(QApplication::activeModalWidget());
            if (!dialog) return;
            dialog->setTextValue(QStringLiteral("57"));
            answered = true;
            dialog->accept();
        });
        w.actions()->find(QStringLiteral("goTo"))->trigger();
        QVERIFY(answered);
        waitForFrame(w, 57);
        QWidget* focus = w.focusWidget(); // the window's focus child (the window may not be active yet)
        QVERIFY(focus);
        QVERIFY2(!qobject_cast<QAbstractSpinBox*>(focus) && !qobject_cast<QLineEdit*>(focus),
                 focus->metaObject()->className());
        w.activateWindow();
        QTRY_VERIFY(w.isActiveWindow());
        const int steps = w.workbench()->document()->undoStack()->count();
        QTest::keyClick(w.focusWidget(), Qt::Key_1);
        QCOMPARE(w.workbench()->document()->undoStack()->count(), steps + 1); // the key labeled
        QCOMPARE(w.workbench()->document()->project().fragmentLabel(0, w.workbench()->currentFragment()),
                 std::optional<QString>(QStringLiteral("motion")));
    }

    // Renaming a class in the Classes table: the rename happens and Qt warns nothing (the
    // model's reset destroyed the editor while the view still committed it).
    void renamingAClassInTheTable()
    {
        auto s = settings();
        ScriptedWindow w(s.get());
        openAndWait(w, freshProject());
        QTest::failOnWarning(QRegularExpression(QStringLiteral("commitData|editor")));
        auto* view = w.classesPanel()->findChild<QTableView*>(QStringLiteral("classTable"));
        QTRY_VERIFY(view->isVisible());
        const QModelIndex name = view->model()->index(0, ClassListModel::NameColumn);
        view->setCurrentIndex(name);
        view->edit(name);
        auto* editor = qobject_cast<QLineEdit*>(QApplication::focusWidget());
        QVERIFY(editor);
        editor->selectAll();
        QTest::keyClicks(editor, QStringLiteral("moving"));
        QTest::keyClick(editor, Qt::Key_Return);
        QTRY_COMPARE(w.workbench()->document()->project().classes().front().name, QStringLiteral("moving"));
        QTest::qWait(50);
        QCOMPARE(view->model()->index(0, ClassListModel::NameColumn).data().toString(), QStringLiteral("moving"));
    }

    // Undo has Ctrl+Z only (the platform list added F14 on X11: "Ctrl+Z, F14" in the menus).
    void undoIsCtrlZOnly()
    {
        auto s = settings();
        ScriptedWindow w(s.get());
        QAction* undo = w.actions()->find(QStringLiteral("undo"));
        QVERIFY(undo);
        QCOMPARE(undo->shortcuts(), QList<QKeySequence>{QKeySequence(Qt::CTRL | Qt::Key_Z)});
    }

    // Alt+number brings a panel that sits behind another tab to the front (it hid it).
    void panelShortcutsBringTabbedPanelsForward()
    {
        auto s = settings();
        ScriptedWindow w(s.get());
        openAndWait(w, freshProject());
        auto* classes = w.findChild<QDockWidget*>(QStringLiteral("classesDock"));
        auto* history = w.findChild<QDockWidget*>(QStringLiteral("historyDock"));
        QVERIFY(classes && history);
        QVERIFY(w.tabifiedDockWidgets(classes).contains(history)); // one tab group, Classes in front
        QTRY_VERIFY(DockLayout::isDockInView(classes));
        QVERIFY(!DockLayout::isDockInView(history));
        key(&w, Qt::Key_3, Qt::AltModifier);
        QTRY_VERIFY(DockLayout::isDockInView(history));
        QVERIFY(!DockLayout::isDockInView(classes));
        QVERIFY(w.actions()->find(QStringLiteral("toggle_historyDock"))->isChecked());
        QVERIFY(w.actions()->find(QStringLiteral("toggle_classesDock"))->isChecked()); // still there, behind
        key(&w, Qt::Key_2, Qt::AltModifier);
        QTRY_VERIFY(DockLayout::isDockInView(classes));
        key(&w, Qt::Key_2, Qt::AltModifier); // in front: the same key hides it
        QTRY_VERIFY(classes->isHidden());
        QVERIFY(!w.actions()->find(QStringLiteral("toggle_classesDock"))->isChecked());
        key(&w, Qt::Key_2, Qt::AltModifier);
        QTRY_VERIFY(DockLayout::isDockInView(classes));
        // Reset Layout: every panel back in its group, the first of each in front.
        history->setFloating(true);
        w.actions()->find(QStringLiteral("resetLayout"))->trigger();
        QVERIFY(!history->isFloating());
        QVERIFY(w.tabifiedDockWidgets(classes).contains(history));
        QTRY_VERIFY(DockLayout::isDockInView(classes));
        QVERIFY(DockLayout::isDockInView(w.findChild<QDockWidget*>(QStringLiteral("videosDock"))));
    }

    void extensionPoints()
    {
        auto s = settings();
        ScriptedWindow w(s.get());
        openAndWait(w, freshProject());
        // A dock with a View-menu toggle that has a shortcut and is on the shortcuts page.
        auto* panel = new QLabel(QStringLiteral("training"));
        QDockWidget* dock = w.addPanelDock(panel,
                                           QStringLiteral("trainingDock")); // title, side and key from the dock table
        QTRY_VERIFY(dock->isVisible());
        QAction* toggle = w.actions()->find(QStringLiteral("toggle_trainingDock"));
        QVERIFY(toggle);
        QCOMPARE(toggle->shortcut(), QKeySequence(Qt::ALT | Qt::Key_4));
        QVERIFY(!toggle->toolTip().isEmpty());
        key(&w, Qt::Key_4, Qt::AltModifier);
        QVERIFY(!dock->isVisible());
        // A panel under the timeline, aligned with it, with room made for it.
        auto* plot = new QLabel(QStringLiteral("plot"));
        plot->setMinimumHeight(120);
        w.addBottomPanel(plot);
        QTRY_VERIFY(plot->isVisible());
        QTRY_VERIFY(plot->height() >= 100);
        QVERIFY(plot->mapTo(&w, QPoint(0, 0)).y() > w.timeline()->mapTo(&w, QPoint(0, 0)).y());
        // The fragment under the playhead is announced (for a prediction badge).
        QSignalSpy fragment(w.workbench(), &Workbench::currentFragmentChanged);
        w.workbench()->seek(50);
        QTRY_VERIFY(!fragment.isEmpty());
        QCOMPARE(fragment.last().at(1).toLongLong(), qint64(12));
        w.frameView()->setBadge(FrameView::PredictionBadge, {QStringLiteral("static 0.93"), Qt::darkGreen, {}});
        QCOMPARE(w.frameView()->badge(FrameView::PredictionBadge).text, QStringLiteral("static 0.93"));
        // The layout is saved on close and restored, for docks added later too.
        // Hide the undo history: the first Alt+3 brings it in front of Classes, the second hides it.
        QDockWidget* shownHistory = w.findChild<QDockWidget*>(QStringLiteral("historyDock"));
        key(&w, Qt::Key_3, Qt::AltModifier);
        QTRY_VERIFY(DockLayout::isDockInView(shownHistory));
        key(&w, Qt::Key_3, Qt::AltModifier);
        QVERIFY(shownHistory->isHidden());
        QVERIFY(w.close());
        ScriptedWindow again(s.get());
        again.show();
        QVERIFY(QTest::qWaitForWindowExposed(&again));
        QDockWidget* history = again.findChild<QDockWidget*>(QStringLiteral("historyDock"));
        QVERIFY(history && !history->isVisible());
        QDockWidget* videos = again.findChild<QDockWidget*>(QStringLiteral("videosDock"));
        QVERIFY(videos && videos->isVisible());
        QDockWidget* training = again.addPanelDock(new QLabel(QStringLiteral("training")),
                                                   QStringLiteral("trainingDock"));
        QVERIFY(!training->isVisible());
    }

    void themeFollowsTheSetting()
    {
        AppearanceTheme::captureSystem();
        const QColor systemWindow = QApplication::palette().color(QPalette::Window);
        auto s = settings();
        ScriptedWindow w(s.get());
        w.show();
        s->setTheme(AppSettings::Theme::Dark);
        QVERIFY(QApplication::palette().color(QPalette::Window).lightnessF() < 0.3);
        QTRY_VERIFY(w.timeline()->palette().color(QPalette::Window).lightnessF() < 0.3);
        QImage dark(w.timeline()->size(), QImage::Format_ARGB32);
        w.timeline()->render(&dark);
        QVERIFY(dark.pixelColor(2, 2).lightnessF() < 0.4);
        s->setTheme(AppSettings::Theme::Light);
        QVERIFY(QApplication::palette().color(QPalette::Window).lightnessF() > 0.7);
        s->setTheme(AppSettings::Theme::System);
        QCOMPARE(QApplication::palette().color(QPalette::Window), systemWindow);
    }

    // The shortcuts page's "Menu" column names a menu the action is in (submenus count for
    // their menu), with every feature attached as the app does.
    void shortcutPageNamesTheMenuOfEachAction()
    {
        auto s = settings();
        ScriptedWindow w(s.get());
        attachFeatures(w);
        openAndWait(w, freshProject());
        QHash<const QAction*, QStringList> menusOf;
        std::function<void(const QMenu*, const QString&)> walk = [&](const QMenu* menu, const QString& top) {
            for (QAction* a : menu->actions()) {
                if (a->menu())
                    walk(a->menu(), top);
                else if (!a->isSeparator())
                    menusOf[a] << top;
            }
        };
        for (QAction* a : w.menuBar()->actions())
            if (a->menu()) walk(a->menu(), ShortcutTableModel::plainText(a));
        int inMenus = 0;
        for (const auto& e : w.actions()->entries()) {
            if (!menusOf.contains(e.action)) continue;
            ++inMenus;
            QVERIFY2(menusOf.value(e.action).contains(e.category),
                     qPrintable(QStringLiteral("%1 is listed under %2 but is in %3")
                                    .arg(ShortcutTableModel::plainText(e.action), e.category,
                                         menusOf.value(e.action).join(QStringLiteral(", ")))));
        }
        QVERIFY(inMenus > 50);
    }

    void everyActionHasAShortcutAndATooltip()
    {
        auto s = settings();
        ScriptedWindow w(s.get());
        openAndWait(w, freshProject());
        const auto entries = w.actions()->entries();
        QVERIFY(entries.size() > 40);
        QHash<QString, QString> owner;
        for (const auto& e : entries) {
            const QString name = ShortcutTableModel::plainText(e.action);
            QVERIFY2(!e.action->shortcuts().isEmpty(), qPrintable(name + QStringLiteral(" has no shortcut")));
            QVERIFY2(!e.action->toolTip().isEmpty() && e.action->toolTip() != name,
                     qPrintable(name + QStringLiteral(" has no tooltip")));
            QVERIFY(!e.category.isEmpty());
            for (const QKeySequence& k : e.action->shortcuts()) {
                const QString text = k.toString(QKeySequence::PortableText);
                QVERIFY2(!owner.contains(text),
                         qPrintable(QStringLiteral("%1 is used by %2 and %3").arg(text, owner.value(text), name)));
                owner.insert(text, name);
            }
        }
        // The help page lists exactly these.
        ShortcutsDialog dialog(entries, &w);
        QCOMPARE(dialog.model()->rowCount(), int(entries.size()));
        // A class cannot take a key an action uses.
        ClassListModel* classes = w.classesPanel()->model();
        QVERIFY(!classes->setData(classes->index(0, ClassListModel::KeyColumn), QStringLiteral("p")));
        QVERIFY(classes->setData(classes->index(0, ClassListModel::KeyColumn), QStringLiteral("m")));
        QVERIFY(w.actions()->find(QStringLiteral("labelAs_motion")));
        QCOMPARE(w.actions()->find(QStringLiteral("labelAs_motion"))->shortcut(), QKeySequence(Qt::Key_M));
        key(&w, Qt::Key_M);
        QCOMPARE(w.workbench()->document()->project().fragmentLabel(0, 0),
                 std::optional<QString>(QStringLiteral("motion")));
    }
};

QTEST_MAIN(TestUiMainWindow)
#include "tst_ui_mainwindow.moc"
