// ProjectDocument: every edit is one undo step that restores the project exactly; gestures
// (drags, paint strokes) merge into one step; unsaved-changes tracking; autosave and recovery
// after a simulated crash. No media needed: videos are entries with made-up fingerprints.
#include "UiFixtures.h"
#include "document/LabelPatchCommand.h"
#include "document/ProjectDocument.h"
#include "project/LabelExchange.h"

#include <QDir>
#include <QFile>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

using namespace fl;
using fl::test::fakeVideo;

class TestUiDocument : public QObject {
    Q_OBJECT

    QTemporaryDir m_tmp;
    int m_n = 0;

    // A project with classes a, b, c and two videos of 400 and 250 frames.
    void makeDocument(ProjectDocument& doc)
    {
        const QString dir = m_tmp.filePath(QStringLiteral("p%1").arg(m_n++));
        QVERIFY2(doc.create(dir, FragmentSpec{}, {QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")}),
                 "create");
        QVERIFY(doc.addVideos({fakeVideo(dir, QStringLiteral("one.mp4"), 400, '1'),
                               fakeVideo(dir, QStringLiteral("two.mp4"), 250, '2')}));
        QVERIFY(doc.save());
    }

private slots:
    void randomEditsUndoAndRedoExactly()
    {
        ProjectDocument doc;
        makeDocument(doc);
        QRandomGenerator rng(7);
        const int baseline = doc.undoStack()->count();
        std::vector<Project> states{doc.project()};
        const QStringList classes{QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")};
        for (int i = 0; i < 300; ++i) {
            const int video = int(rng.bounded(2));
            const qint64 frames = doc.project().video(video).frameCount;
            const qint64 start = rng.bounded(int(frames - 1));
            const qint64 end = std::min<qint64>(frames, start + 1 + rng.bounded(60));
            const int op = int(rng.bounded(10));
            const int before = doc.undoStack()->count();
            if (op < 7)
                QVERIFY(doc.setLabel(video, start, end, classes[int(rng.bounded(3))]));
            else
                QVERIFY(doc.clearLabels(video, start, end));
            if (doc.undoStack()->count() != before) // no-op edits leave no step
                states.push_back(doc.project());
            QCOMPARE(doc.project(), states.back());
        }
        QVERIFY(states.size() > 200);
        QCOMPARE(doc.undoStack()->count(), baseline + int(states.size()) - 1);
        for (int i = int(states.size()) - 2; i >= 0; --i) {
            doc.undoStack()->undo();
            QVERIFY2(doc.project() == states[size_t(i)], qPrintable(QStringLiteral("after undo to state %1").arg(i)));
        }
        QVERIFY(!doc.isModified());
        for (size_t i = 1; i < states.size(); ++i) {
            doc.undoStack()->redo();
            QVERIFY2(doc.project() == states[i], qPrintable(QStringLiteral("after redo to state %1").arg(i)));
        }
    }

    void gestureIsOneUndoStep()
    {
        ProjectDocument doc;
        makeDocument(doc);
        QVERIFY(doc.setLabel(0, 100, 140, QStringLiteral("a")));
        QVERIFY(doc.setLabel(0, 140, 200, QStringLiteral("b")));
        const Project before = doc.project();
        const int steps = doc.undoStack()->count();
        // A drag of the a|b boundary from 140 right to 180, then back left to 120, in steps.
        const int gesture = doc.newGestureId();
        qint64 at = 140;
        for (qint64 to : {148, 160, 172, 180, 168, 150, 132, 120}) {
            if (to > at)
                QVERIFY(doc.setLabel(0, at, to, QStringLiteral("a"), gesture));
            else
                QVERIFY(doc.setLabel(0, to, at, QStringLiteral("b"), gesture));
            at = to;
        }
        QCOMPARE(doc.undoStack()->count(), steps + 1);
        const auto& r = doc.project().labels(0).ranges();
        QCOMPARE(int(r.size()), 2);
        QCOMPARE(r[0], (LabelRange{100, 120, QStringLiteral("a")}));
        QCOMPARE(r[1], (LabelRange{120, 200, QStringLiteral("b")}));
        const Project after = doc.project();
        doc.undoStack()->undo();
        QCOMPARE(doc.project(), before);
        doc.undoStack()->redo();
        QCOMPARE(doc.project(), after);
    }

    void paintStrokeGrowingIsOneStep()
    {
        ProjectDocument doc;
        makeDocument(doc);
        QVERIFY(doc.setLabel(0, 8, 20, QStringLiteral("b")));
        QVERIFY(doc.setLabel(0, 30, 34, QStringLiteral("c")));
        const Project before = doc.project();
        const int steps = doc.undoStack()->count();
        const int gesture = doc.newGestureId();
        for (qint64 end = 4; end <= 48; end += 4) QVERIFY(doc.setLabel(0, 0, end, QStringLiteral("a"), gesture));
        QCOMPARE(doc.undoStack()->count(), steps + 1);
        QCOMPARE(doc.project().labels(0).ranges().front(), (LabelRange{0, 48, QStringLiteral("a")}));
        // The step is named for the whole stroke (12 fragments), not for its first step.
        QCOMPARE(doc.undoStack()->undoText(), QStringLiteral("Label 12 fragments as a"));
        doc.undoStack()->undo();
        QCOMPARE(doc.project(), before);
    }

    void dragBackToStartLeavesNoStep()
    {
        ProjectDocument doc;
        makeDocument(doc);
        QVERIFY(doc.setLabel(0, 0, 40, QStringLiteral("a")));
        const int steps = doc.undoStack()->count();
        const int gesture = doc.newGestureId();
        QVERIFY(doc.setLabel(0, 40, 52, QStringLiteral("a"), gesture));
        QVERIFY(doc.clearLabels(0, 40, 52, gesture));
        QCOMPARE(doc.undoStack()->count(), steps);
    }

    void classEditsUndo()
    {
        ProjectDocument doc;
        makeDocument(doc);
        QVERIFY(doc.setLabel(0, 0, 40, QStringLiteral("a")));
        QVERIFY(doc.setLabel(0, 40, 80, QStringLiteral("b")));
        QVERIFY(doc.setLabel(1, 0, 12, QStringLiteral("a")));
        std::vector<Project> states{doc.project()};
        QSignalSpy classes(&doc, &ProjectDocument::classesChanged);
        QVERIFY(doc.addClass(QStringLiteral("d"), QStringLiteral("#123456")));
        states.push_back(doc.project());
        QVERIFY(doc.renameClass(QStringLiteral("a"), QStringLiteral("alpha")));
        QCOMPARE(doc.project().labels(0).ranges().front().label, QStringLiteral("alpha"));
        states.push_back(doc.project());
        QVERIFY(doc.setClassColor(QStringLiteral("b"), QStringLiteral("#abcdef")));
        states.push_back(doc.project());
        QVERIFY(doc.setClassShortcut(QStringLiteral("b"), QStringLiteral("x")));
        states.push_back(doc.project());
        QVERIFY(!doc.setClassShortcut(QStringLiteral("c"), QStringLiteral("x"))); // in use
        QVERIFY(doc.moveClass(0, 2));
        states.push_back(doc.project());
        auto removed = doc.removeClass(QStringLiteral("alpha"));
        QVERIFY(removed);
        QCOMPARE(*removed, qint64(10 + 3));
        QCOMPARE(doc.project().labels(0).size(), 1);
        QVERIFY(!doc.project().hasClass(QStringLiteral("alpha")));
        states.push_back(doc.project());
        QVERIFY(!doc.renameClass(QStringLiteral("b"), QStringLiteral("c"))); // exists
        QCOMPARE(doc.undoStack()->count(), 1 + 3 + 6); // adding the videos, three labels, six class edits
        QCOMPARE(classes.count(), 6);
        for (int i = int(states.size()) - 2; i >= 0; --i) {
            doc.undoStack()->undo();
            QCOMPARE(doc.project(), states[size_t(i)]);
        }
    }

    void videoEditsUndo()
    {
        ProjectDocument doc;
        makeDocument(doc);
        const QString dir = doc.project().dir();
        QVERIFY(doc.setLabel(0, 0, 40, QStringLiteral("a")));
        QVERIFY(doc.setLabel(1, 8, 16, QStringLiteral("b")));
        QVERIFY(doc.addVideos({fakeVideo(dir, QStringLiteral("three.mp4"), 100, '3')}));
        QVERIFY(doc.setLabel(2, 4, 8, QStringLiteral("c")));
        const Project full = doc.project();
        QVERIFY(doc.removeVideo(0));
        QCOMPARE(doc.project().videoCount(), 2);
        QCOMPARE(doc.project().video(0).fileName(), QStringLiteral("two.mp4"));
        doc.undoStack()->undo();
        QCOMPARE(doc.project(), full);
        // Adding a duplicate is refused and leaves nothing.
        QVERIFY(!doc.addVideos({fakeVideo(dir, QStringLiteral("four.mp4"), 100, '4'),
                                fakeVideo(dir, QStringLiteral("one.mp4"), 10, '5')}));
        QCOMPARE(doc.project(), full);
        doc.undoStack()->undo(); // the label on three
        doc.undoStack()->undo(); // adding three
        QCOMPARE(doc.project().videoCount(), 2);
    }

    void importIsOneStep()
    {
        ProjectDocument doc;
        makeDocument(doc);
        QVERIFY(doc.setLabel(0, 0, 40, QStringLiteral("a")));
        const Project before = doc.project();
        const QString csv = m_tmp.filePath(QStringLiteral("labels.csv"));
        QFile f(csv);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("video,start_frame,end_frame,label\none.mp4,20,60,b\ntwo.mp4,0,8,new\n");
        f.close();
        LabelImportOptions options;
        options.createMissingClasses = true;
        auto count = doc.importLabels(csv, options);
        QVERIFY2(count, qPrintable(count.error()));
        QCOMPARE(*count, 2);
        QVERIFY(doc.project().hasClass(QStringLiteral("new")));
        QCOMPARE(doc.project().labels(0).classAt(30), std::optional<QString>(QStringLiteral("b")));
        doc.undoStack()->undo();
        QCOMPARE(doc.project(), before);
        // A bad file changes nothing and adds no step.
        f.open(QIODevice::WriteOnly);
        f.write("video,start_frame,end_frame,label\nnone.mp4,0,8,a\n");
        f.close();
        const int steps = doc.undoStack()->count();
        QVERIFY(!doc.importLabels(csv, options));
        QCOMPARE(doc.undoStack()->count(), steps);
    }

    void modifiedTracksSaveAndUndo()
    {
        ProjectDocument doc;
        makeDocument(doc);
        QSignalSpy modified(&doc, &ProjectDocument::modifiedChanged);
        QVERIFY(!doc.isModified());
        QVERIFY(doc.setLabel(0, 0, 8, QStringLiteral("a")));
        QVERIFY(doc.isModified());
        QVERIFY(doc.save());
        QVERIFY(!doc.isModified());
        doc.undoStack()->undo();
        QVERIFY(doc.isModified()); // now differs from the saved file
        doc.undoStack()->redo();
        QVERIFY(!doc.isModified());
        QCOMPARE(modified.count(), 4);
        auto reloaded = Project::load(doc.project().dir());
        QVERIFY(reloaded);
        QCOMPARE(*reloaded, doc.project());
    }

    void autosaveAndRecoveryAfterCrash()
    {
        QString dir;
        Project edited;
        {
            auto* doc = new ProjectDocument;
            makeDocument(*doc);
            dir = doc->project().dir();
            doc->setAutosaveInterval(0);
            QVERIFY(doc->setLabel(0, 0, 40, QStringLiteral("a")));
            QVERIFY(doc->setLabel(1, 100, 120, QStringLiteral("c")));
            QVERIFY(doc->autosaveNow());
            QVERIFY(QFile::exists(doc->project().autosaveFile()));
            edited = doc->project();
            delete doc; // "crash": the document goes away without saving
        }
        const auto pending = Project::pendingAutosave(dir);
        QVERIFY(pending);
        // The saved project does not have the labels; the recovery does.
        auto saved = Project::load(dir);
        QVERIFY(saved);
        QVERIFY(saved->labels(0).isEmpty());
        ProjectDocument doc;
        QVERIFY(doc.openRecovered(dir));
        QCOMPARE(doc.project(), edited);
        QVERIFY(doc.isModified());
        QVERIFY(doc.save());
        QVERIFY(!Project::pendingAutosave(dir));
        QVERIFY(!doc.isModified());
        auto reloaded = Project::load(dir);
        QCOMPARE(*reloaded, edited);
    }

    void autosaveTimerWritesAndDiscardRemoves()
    {
        ProjectDocument doc;
        makeDocument(doc);
        QSignalSpy autosaved(&doc, &ProjectDocument::autosaved);
        doc.setAutosaveInterval(1);
        QVERIFY(autosaved.wait(100) == false); // nothing to save yet
        QVERIFY(doc.setLabel(0, 0, 8, QStringLiteral("b")));
        QVERIFY(autosaved.wait(5000));
        QVERIFY(Project::pendingAutosave(doc.project().dir()));
        // Undone back to the saved state: the recovery file goes.
        doc.undoStack()->undo();
        QVERIFY(doc.autosaveNow());
        QVERIFY(!QFile::exists(doc.project().autosaveFile()));
        QVERIFY(doc.setLabel(0, 0, 8, QStringLiteral("c")));
        QVERIFY(doc.autosaveNow());
        QVERIFY(QFile::exists(doc.project().autosaveFile()));
        doc.discardAutosave();
        QVERIFY(!QFile::exists(doc.project().autosaveFile()));
    }

    void saveAsMovesAndKeepsUndo()
    {
        ProjectDocument doc;
        makeDocument(doc);
        QVERIFY(doc.setLabel(0, 0, 8, QStringLiteral("b")));
        QVERIFY(doc.autosaveNow());
        const QString old = doc.project().dir();
        const QString target = m_tmp.filePath(QStringLiteral("moved"));
        QVERIFY(doc.saveAs(target));
        QCOMPARE(doc.project().dir(), QDir(target).absolutePath());
        QVERIFY(!QFile::exists(QDir(old).filePath(Project::autosaveFileName())));
        QVERIFY(!doc.isModified());
        doc.undoStack()->undo();
        QVERIFY(doc.project().labels(0).isEmpty());
        QCOMPARE(doc.project().dir(), QDir(target).absolutePath());
    }
};

QTEST_GUILESS_MAIN(TestUiDocument)
#include "tst_ui_document.moc"
