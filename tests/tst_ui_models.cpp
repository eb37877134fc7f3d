// The item models pass QAbstractItemModelTester through resets, edits and label changes, and
// show what the project holds: classes with keys and labeled-fragment counts, videos with
// their labeling progress, actions with their shortcuts.
#include "UiFixtures.h"
#include "document/ProjectDocument.h"
#include "document/VideoListModel.h"
#include "labeling/ClassListModel.h"
#include "settings/ShortcutTableModel.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QDir>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

using namespace fl;

class TestUiModels : public QObject {
    Q_OBJECT

    QTemporaryDir m_tmp;
    int m_n = 0;

    void makeDocument(ProjectDocument& doc)
    {
        const QString dir = m_tmp.filePath(QStringLiteral("p%1").arg(m_n++));
        QVERIFY(doc.create(dir, FragmentSpec{}, {QStringLiteral("motion"), QStringLiteral("static")}));
        QVERIFY(doc.addVideos({fl::test::fakeVideo(dir, QStringLiteral("v0.mp4"), 100, 'a'),
                               fl::test::fakeVideo(dir, QStringLiteral("v1.mp4"), 200, 'b')}));
    }

private slots:
    void classListModel()
    {
        ProjectDocument doc;
        ClassListModel model(&doc);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 0);
        makeDocument(doc);
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.columnCount(), int(ClassListModel::ColumnCount));
        QCOMPARE(model.index(0, ClassListModel::NameColumn).data().toString(), QStringLiteral("motion"));
        QCOMPARE(model.index(1, ClassListModel::KeyColumn).data().toString(), QStringLiteral("2"));
        QVERIFY(model.index(0, ClassListModel::NameColumn).data(Qt::DecorationRole).isValid());
        QCOMPARE(model.index(0, ClassListModel::VideoCountColumn).data().toString(), QStringLiteral("-"));
        model.setCurrentVideo(1);
        QVERIFY(doc.setLabel(1, 0, 40, QStringLiteral("motion"))); // 10 fragments
        QVERIFY(doc.setLabel(0, 0, 8, QStringLiteral("motion")));  // 2 more in the project
        QCOMPARE(model.index(0, ClassListModel::VideoCountColumn).data().toLongLong(), qint64(10));
        QCOMPARE(model.index(0, ClassListModel::ProjectCountColumn).data().toLongLong(), qint64(12));
        // Editing goes through the document (undoable); refusals are reported.
        QSignalSpy refused(&model, &ClassListModel::editRefused);
        QVERIFY(model.setData(model.index(0, ClassListModel::NameColumn), QStringLiteral("moving")));
        QCOMPARE(doc.project().classes()[0].name, QStringLiteral("moving"));
        QVERIFY(!model.setData(model.index(0, ClassListModel::NameColumn), QStringLiteral("static")));
        QCOMPARE(refused.count(), 1);
        QVERIFY(model.setData(model.index(1, ClassListModel::KeyColumn), QStringLiteral("s")));
        QCOMPARE(doc.project().classes()[1].shortcut, QStringLiteral("s"));
        QVERIFY(!model.setData(model.index(0, ClassListModel::VideoCountColumn), 5));
        QVERIFY(doc.addClass(QStringLiteral("third")));
        QCOMPARE(model.rowCount(), 3);
        QVERIFY(doc.moveClass(2, 0));
        QCOMPARE(model.index(0, 0).data().toString(), QStringLiteral("third"));
        QVERIFY(doc.removeClass(QStringLiteral("moving")));
        QCOMPARE(model.rowCount(), 2);
        while (doc.undoStack()->canUndo()) doc.undoStack()->undo();
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.index(0, 0).data().toString(), QStringLiteral("motion"));
        doc.close();
        QCOMPARE(model.rowCount(), 0);
    }

    void videoListModel()
    {
        ProjectDocument doc;
        VideoListModel model(&doc);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        makeDocument(doc);
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.index(1, VideoListModel::NameColumn).data().toString(), QStringLiteral("v1.mp4"));
        QCOMPARE(model.index(1, VideoListModel::FramesColumn).data().toLongLong(), qint64(200));
        QCOMPARE(model.index(1, VideoListModel::DurationColumn).data().toString(), QStringLiteral("0:08"));
        QCOMPARE(model.index(1, VideoListModel::ProgressColumn).data().toString(), QStringLiteral("0 / 50"));
        // The files do not exist: the model says so.
        QVERIFY(model.index(0, 0).data(Qt::ToolTipRole).toString().contains(QStringLiteral("missing")));
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QVERIFY(doc.setLabel(1, 0, 100, QStringLiteral("static")));
        QCOMPARE(changed.count(), 1);
        QCOMPARE(model.index(1, VideoListModel::ProgressColumn).data().toString(), QStringLiteral("25 / 50"));
        QCOMPARE(model.index(1, VideoListModel::ProgressColumn).data(VideoListModel::ProgressRole).toDouble(), 0.5);
        QVERIFY(doc.removeVideo(0));
        QCOMPARE(model.rowCount(), 1);
        doc.undoStack()->undo();
        QCOMPARE(model.rowCount(), 2);
        QVERIFY(doc.removeClass(QStringLiteral("static"))); // labels of every video change
        QCOMPARE(model.index(1, VideoListModel::ProgressColumn).data(VideoListModel::ProgressRole).toDouble(), 0.0);
    }

    void shortcutTableModel()
    {
        QAction open(QStringLiteral("&Open Project..."));
        open.setShortcuts({QKeySequence(Qt::CTRL | Qt::Key_O), QKeySequence(Qt::Key_F3)});
        open.setToolTip(QStringLiteral("Open a project folder"));
        auto* gone = new QAction(QStringLiteral("Gone"));
        ShortcutTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setEntries({{QStringLiteral("File"), &open}, {QStringLiteral("Edit"), gone}});
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.index(0, ShortcutTableModel::ActionColumn).data().toString(), QStringLiteral("Open Project"));
        QCOMPARE(model.index(0, ShortcutTableModel::ShortcutColumn).data().toString(),
                 QKeySequence(Qt::CTRL | Qt::Key_O).toString(QKeySequence::NativeText) + QStringLiteral(", F3"));
        QCOMPARE(model.index(0, ShortcutTableModel::CategoryColumn).data().toString(), QStringLiteral("File"));
        QCOMPARE(model.index(0, ShortcutTableModel::DescriptionColumn).data().toString(),
                 QStringLiteral("Open a project folder"));
        delete gone; // a deleted action shows nothing, without crashing
        QVERIFY(!model.index(1, 0).data().isValid());
    }
};

QTEST_MAIN(TestUiModels)
#include "tst_ui_models.moc"
