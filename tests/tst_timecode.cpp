// SMPTE timecodes: rate detection, drop-frame labels at minute boundaries, parse round trips.
#include "analysis/Timecode.h"

#include <QTest>

using namespace fl;

class TestTimecode : public QObject {
    Q_OBJECT
private slots:
    void forRate_data()
    {
        QTest::addColumn<double>("fps");
        QTest::addColumn<bool>("preferDrop");
        QTest::addColumn<int>("base");
        QTest::addColumn<bool>("drop");
        QTest::newRow("25") << 25.0 << true << 25 << false;
        QTest::newRow("29.97") << 30000.0 / 1001.0 << true << 30 << true;
        QTest::newRow("29.97 rounded") << 29.97 << true << 30 << true;
        QTest::newRow("29.97 non-drop") << 30000.0 / 1001.0 << false << 30 << false;
        QTest::newRow("59.94") << 60000.0 / 1001.0 << true << 60 << true;
        QTest::newRow("23.976") << 24000.0 / 1001.0 << true << 24 << false;
        QTest::newRow("30") << 30.0 << true << 30 << false;
        QTest::newRow("10") << 10.0 << true << 10 << false;
        QTest::newRow("12.5") << 12.5 << true << 13 << false;
        QTest::newRow("unknown") << 0.0 << true << 25 << false;
    }
    void forRate()
    {
        QFETCH(double, fps);
        QFETCH(bool, preferDrop);
        QFETCH(int, base);
        QFETCH(bool, drop);
        const TimecodeFormat f = TimecodeFormat::forRate(fps, preferDrop);
        QCOMPARE(f.base, base);
        QCOMPARE(f.dropFrame, drop);
    }

    void format_data()
    {
        QTest::addColumn<int>("base");
        QTest::addColumn<bool>("drop");
        QTest::addColumn<qint64>("frame");
        QTest::addColumn<QString>("timecode");
        QTest::newRow("25 start") << 25 << false << qint64(0) << "00:00:00:00";
        QTest::newRow("25 1 s") << 25 << false << qint64(25) << "00:00:01:00";
        QTest::newRow("25 1 h") << 25 << false << qint64(90000) << "01:00:00:00";
        QTest::newRow("25 wraps at 24 h") << 25 << false << qint64(24 * 90000 + 3) << "00:00:00:03";
        QTest::newRow("30 NDF 1 min") << 30 << false << qint64(1800) << "00:01:00:00";
        // 29.97 drop-frame: labels ;00 and ;01 are skipped at every minute but each tenth.
        QTest::newRow("DF 59;29") << 30 << true << qint64(1799) << "00:00:59;29";
        QTest::newRow("DF minute 1") << 30 << true << qint64(1800) << "00:01:00;02";
        QTest::newRow("DF 1:59;29") << 30 << true << qint64(3597) << "00:01:59;29";
        QTest::newRow("DF minute 2") << 30 << true << qint64(3598) << "00:02:00;02";
        QTest::newRow("DF 9:59;29") << 30 << true << qint64(17981) << "00:09:59;29";
        QTest::newRow("DF minute 10") << 30 << true << qint64(17982) << "00:10:00;00";
        QTest::newRow("DF minute 11") << 30 << true << qint64(17982 + 1800) << "00:11:00;02";
        QTest::newRow("DF 1 h") << 30 << true << qint64(107892) << "01:00:00;00";
        // 59.94 drop-frame skips four labels.
        QTest::newRow("60 DF minute 1") << 60 << true << qint64(3600) << "00:01:00;04";
        QTest::newRow("60 DF minute 10") << 60 << true << qint64(35964) << "00:10:00;00";
    }
    void format()
    {
        QFETCH(int, base);
        QFETCH(bool, drop);
        QFETCH(qint64, frame);
        QFETCH(QString, timecode);
        const TimecodeFormat f{base, drop};
        QCOMPARE(f.format(frame), timecode);
        if (frame < qint64(base) * 86400) QCOMPARE(f.parse(timecode), std::optional<qint64>(frame));
    }

    void roundTrip_data()
    {
        QTest::addColumn<int>("base");
        QTest::addColumn<bool>("drop");
        QTest::newRow("24") << 24 << false;
        QTest::newRow("25") << 25 << false;
        QTest::newRow("30 DF") << 30 << true;
        QTest::newRow("60 DF") << 60 << true;
    }
    void roundTrip()
    {
        QFETCH(int, base);
        QFETCH(bool, drop);
        const TimecodeFormat f{base, drop};
        QString previous;
        // Every frame of the first 25 minutes, then every 997th up to 23 hours: labels
        // increase strictly and parse back to the same frame.
        for (qint64 n = 0; n < qint64(base) * 3600 * 23; n += n < qint64(base) * 1500 ? 1 : 997) {
            const QString tc = f.format(n);
            QVERIFY2(tc > previous, qPrintable(tc));
            previous = tc;
            const auto back = f.parse(tc);
            QVERIFY2(back && *back == n, qPrintable(QStringLiteral("%1 -> %2").arg(n).arg(tc)));
        }
    }

    void parseRejects_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("skipped label 1") << "00:01:00;00";
        QTest::newRow("skipped label 2") << "00:01:00;01";
        QTest::newRow("short") << "1:00:00:00";
        QTest::newRow("minutes") << "00:60:00:00";
        QTest::newRow("frames") << "00:00:00:30";
        QTest::newRow("hours") << "24:00:00:00";
        QTest::newRow("words") << "one o'clock";
    }
    void parseRejects()
    {
        QFETCH(QString, text);
        const TimecodeFormat dropFrame{30, true};
        const TimecodeFormat nonDrop{30, false};
        QVERIFY(!dropFrame.parse(text).has_value());
        QVERIFY(dropFrame.parse(QStringLiteral("00:10:00;00")).has_value());
        QVERIFY(nonDrop.parse(QStringLiteral("00:01:00:00")).has_value());
    }
};

QTEST_GUILESS_MAIN(TestTimecode)
#include "tst_timecode.moc"
