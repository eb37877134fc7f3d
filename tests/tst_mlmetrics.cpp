// Classification metrics (core/ml/Metrics) against hand-computed values, and their Qt form
// (ClassScores) through JSON. Cost: milliseconds.
#include "ml/Metrics.h"
#include "training/ClassScores.h"

#include <QtTest>

using namespace fl;

class TestMlMetrics : public QObject {
    Q_OBJECT

private slots:
    void handComputedReport()
    {
        // truth a a a b b c / predicted a b a b c c
        const auto r = ml::classificationReport({0, 0, 0, 1, 1, 2}, {0, 1, 0, 1, 2, 2}, {"a", "b", "c"});
        QCOMPARE(r.total, std::int64_t(6));
        QCOMPARE(r.accuracy, 4.0 / 6.0);
        const std::vector<std::vector<std::int64_t>> confusion = {{2, 1, 0}, {0, 1, 1}, {0, 0, 1}};
        QVERIFY(r.confusion == confusion);
        QCOMPARE(r.classes[0].precision, 1.0);
        QCOMPARE(r.classes[0].recall, 2.0 / 3.0);
        QCOMPARE(r.classes[0].f1, 0.8);
        QCOMPARE(r.classes[0].support, std::int64_t(3));
        QCOMPARE(r.classes[0].predicted, std::int64_t(2));
        QCOMPARE(r.classes[1].precision, 0.5);
        QCOMPARE(r.classes[1].recall, 0.5);
        QCOMPARE(r.classes[1].f1, 0.5);
        QCOMPARE(r.classes[2].precision, 0.5);
        QCOMPARE(r.classes[2].recall, 1.0);
        QCOMPARE(r.classes[2].f1, 2.0 / 3.0);
        QCOMPARE(r.macro.precision, 2.0 / 3.0);
        QCOMPARE(r.macro.recall, (2.0 / 3.0 + 0.5 + 1.0) / 3.0);
        QCOMPARE(r.macro.f1, (0.8 + 0.5 + 2.0 / 3.0) / 3.0);
        QCOMPARE(r.weighted.precision, 0.75);
        QCOMPARE(r.weighted.recall, 4.0 / 6.0);
        QCOMPARE(r.weighted.f1, (3 * 0.8 + 2 * 0.5 + 2.0 / 3.0) / 6.0);
    }

    void absentClassesLeaveTheMacroAverage()
    {
        // c neither occurs nor is predicted: macro over a and b only.
        const auto r = ml::classificationReport({0, 1, 1}, {0, 1, 1}, {"a", "b", "c"});
        QCOMPARE(r.macro.f1, 1.0);
        QCOMPARE(r.classes[2].f1, 0.0);
        QCOMPARE(r.classes[2].support, std::int64_t(0));
    }

    void zeroDivisionGivesZero()
    {
        // b predicted once but never true: precision 0, recall 0 (no support), F1 0; it counts in
        // the macro average. a: P 1, R 1/2.
        const auto r = ml::classificationReport({0, 0}, {0, 1}, {"a", "b"});
        QCOMPARE(r.classes[1].precision, 0.0);
        QCOMPARE(r.classes[1].recall, 0.0);
        QCOMPARE(r.classes[1].f1, 0.0);
        QCOMPARE(r.macro.f1, (2.0 / 3.0) / 2.0);
        QCOMPARE(r.weighted.f1, 2.0 / 3.0);
    }

    void outOfRangePairsAreIgnored()
    {
        const auto r = ml::classificationReport({0, -1, 1, 5}, {0, 1, 1, 0}, {"a", "b"});
        QCOMPARE(r.total, std::int64_t(2));
        QCOMPARE(r.accuracy, 1.0);
        const auto empty = ml::classificationReport({}, {}, {"a", "b"});
        QCOMPARE(empty.total, std::int64_t(0));
        QCOMPARE(empty.macro.f1, 0.0);
    }

    void textAndJson()
    {
        const auto r = ml::classificationReport({0, 0, 0, 1, 1, 2}, {0, 1, 0, 1, 2, 2}, {"a", "b", "c"});
        const QString text = QString::fromStdString(ml::formatReport(r));
        QVERIFY(text.contains(QStringLiteral("macro avg")));
        QVERIFY(text.contains(QStringLiteral("weighted avg")));
        QVERIFY(text.contains(QStringLiteral("confusion matrix")));
        const ClassScores scores = ClassScores::fromReport(r);
        QCOMPARE(scores.toText(), text);
        QCOMPARE(scores.classNames(), (QStringList{QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")}));
        ClassScores back;
        QString error;
        QVERIFY(ClassScores::fromJson(scores.toJson(), &back, &error));
        QCOMPARE(back, scores);
        QJsonObject broken = scores.toJson();
        broken.remove(QStringLiteral("confusion"));
        QVERIFY(!ClassScores::fromJson(broken, &back, &error));
        QVERIFY(!error.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestMlMetrics)
#include "tst_mlmetrics.moc"
