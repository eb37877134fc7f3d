// FragmentSpec: enumeration of fragments by length T, stride S and step K.
#include "fragments/FragmentSpec.h"

#include <QTest>

using fl::FragmentSpec;

class TestFragmentSpec : public QObject {
    Q_OBJECT
private slots:
    void count_data()
    {
        QTest::addColumn<int>("length");
        QTest::addColumn<int>("stride");
        QTest::addColumn<int>("step");
        QTest::addColumn<qint64>("frames");
        QTest::addColumn<qint64>("expected");
        QTest::newRow("default 4/4/1, exact") << 4 << 4 << 1 << qint64(100) << qint64(25);
        QTest::newRow("default, tail dropped") << 4 << 4 << 1 << qint64(103) << qint64(25);
        QTest::newRow("too short") << 4 << 4 << 1 << qint64(3) << qint64(0);
        QTest::newRow("just one") << 4 << 4 << 1 << qint64(4) << qint64(1);
        QTest::newRow("empty video") << 4 << 4 << 1 << qint64(0) << qint64(0);
        QTest::newRow("overlapping S=1") << 4 << 1 << 1 << qint64(10) << qint64(7);
        QTest::newRow("gapped S=6") << 3 << 6 << 1 << qint64(20) << qint64(3);       // starts 0,6,12 (18+3>20)
        QTest::newRow("step 2: span 7") << 4 << 4 << 2 << qint64(15) << qint64(3);   // starts 0,4,8 (8+7=15)
        QTest::newRow("step 3, stride 2") << 3 << 2 << 3 << qint64(11) << qint64(3); // span 7: starts 0,2,4 (4+7=11)
        QTest::newRow("max length") << 64 << 64 << 1 << qint64(200) << qint64(3);
    }
    void count()
    {
        QFETCH(int, length);
        QFETCH(int, stride);
        QFETCH(int, step);
        QFETCH(qint64, frames);
        QFETCH(qint64, expected);
        auto spec = FragmentSpec::make(length, stride, step);
        QVERIFY2(spec.ok(), qPrintable(spec.error()));
        QCOMPARE(spec->count(frames), expected);
        // Every enumerated fragment fits, and the next one would not.
        for (qint64 j = 0; j < expected; ++j) {
            const auto frames_j = spec->frames(j);
            QCOMPARE(qint64(frames_j.size()), qint64(length));
            QCOMPARE(frames_j.front(), j * stride);
            for (int t = 1; t < length; ++t) QCOMPARE(frames_j[size_t(t)] - frames_j[size_t(t - 1)], qint64(step));
            QVERIFY(frames_j.back() < frames);
            QCOMPARE(spec->endFrame(j), frames_j.back() + 1);
        }
        if (expected > 0 || frames > 0) QVERIFY(spec->frames(expected).back() >= frames);
    }

    void defaults()
    {
        FragmentSpec spec;
        QCOMPARE(spec.length, 4);
        QCOMPARE(spec.stride, 4);
        QCOMPARE(spec.step, 1);
        auto made = FragmentSpec::make(5);
        QVERIFY(made.ok());
        QCOMPARE(made->stride, 5); // stride defaults to T
    }

    void invalid_data()
    {
        QTest::addColumn<int>("length");
        QTest::addColumn<int>("stride");
        QTest::addColumn<int>("step");
        QTest::addColumn<QString>("phrase");
        QTest::newRow("T=1") << 1 << 1 << 1 << "length 1";
        QTest::newRow("T=65") << 65 << 65 << 1 << "length 65";
        QTest::newRow("K=0") << 4 << 4 << 0 << "step 0";
        QTest::newRow("K<0") << 4 << 4 << -2 << "step -2";
    }
    void invalid()
    {
        QFETCH(int, length);
        QFETCH(int, stride);
        QFETCH(int, step);
        QFETCH(QString, phrase);
        auto spec = FragmentSpec::make(length, stride, step);
        QVERIFY(!spec.ok());
        QVERIFY2(spec.error().contains(phrase), qPrintable(spec.error()));
    }

    void idsAreStable()
    {
        // Same spec and frame count give the same ids and frames, independent of history.
        auto a = *FragmentSpec::make(4, 2, 1);
        auto b = *FragmentSpec::make(4, 2, 1);
        for (qint64 j = 0; j < a.count(1000); ++j) QCOMPARE(a.frames(j), b.frames(j));
        QCOMPARE(a.count(1000), b.count(1000));
    }

    void fragmentAtFrame()
    {
        auto spec = *FragmentSpec::make(4, 4, 1);
        QCOMPARE(spec.fragmentAtFrame(0, 100), qint64(0));
        QCOMPARE(spec.fragmentAtFrame(3, 100), qint64(0));
        QCOMPARE(spec.fragmentAtFrame(4, 100), qint64(1));
        QCOMPARE(spec.fragmentAtFrame(99, 100), qint64(24));
        QCOMPARE(spec.fragmentAtFrame(102, 103), qint64(24)); // tail frames clamp to the last fragment
        QCOMPARE(spec.fragmentAtFrame(0, 2), qint64(-1));
    }

    void fragmentsInside_data()
    {
        QTest::addColumn<int>("stride");
        QTest::addColumn<qint64>("start");
        QTest::addColumn<qint64>("end");
        QTest::addColumn<qint64>("first");
        QTest::addColumn<qint64>("last");
        QTest::newRow("aligned") << 4 << qint64(8) << qint64(16) << qint64(2) << qint64(4);
        QTest::newRow("unaligned start") << 4 << qint64(9) << qint64(16) << qint64(3) << qint64(4);
        QTest::newRow("unaligned end") << 4 << qint64(8) << qint64(15) << qint64(2) << qint64(3);
        QTest::newRow("too small") << 4 << qint64(8) << qint64(11) << qint64(2) << qint64(2);
        QTest::newRow("overlapping") << 2 << qint64(0) << qint64(8) << qint64(0) << qint64(3);
        QTest::newRow("clamped to video") << 4 << qint64(0) << qint64(1000) << qint64(0) << qint64(25);
    }
    void fragmentsInside()
    {
        QFETCH(int, stride);
        QFETCH(qint64, start);
        QFETCH(qint64, end);
        QFETCH(qint64, first);
        QFETCH(qint64, last);
        auto spec = *FragmentSpec::make(4, stride, 1);
        const auto [a, b] = spec.fragmentsInside(start, end, 100);
        QCOMPARE(a, first);
        QCOMPARE(b, last);
        for (qint64 j = a; j < b; ++j) QVERIFY(spec.firstFrame(j) >= start && spec.endFrame(j) <= end);
    }
};

QTEST_GUILESS_MAIN(TestFragmentSpec)
#include "tst_fragmentspec.moc"
