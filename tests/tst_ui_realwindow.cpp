// The program in a real X window, as a person starts it: `fragmentlab --layout-report` under
// Xvfb (started here, on its own display, stopped whatever happens) at a laptop's 1366x768
// and at 1920x1080, on the bundled demo. First start, a restart (the layout the first run
// saved) and View > Reset Layout must each show the video, the transport bar and the whole
// timeline, no panel over another, no minimum size larger than the screen, no text cut.
// Offscreen tests at one size hid all of this. Skips when Xvfb is not installed.
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRect>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

namespace {

QRect rect(const QJsonValue& v)
{
    const QJsonArray a = v.toArray();
    return a.size() == 4 ? QRect(a[0].toInt(), a[1].toInt(), a[2].toInt(), a[3].toInt()) : QRect();
}

class XServer {
public:
    ~XServer() { stop(); }
    bool start(const QString& xvfb, const QSize& size, QString* why)
    {
        for (int n = 87; n < 120; ++n) {
            if (QFile::exists(QStringLiteral("/tmp/.X%1-lock").arg(n))
                || QFile::exists(QStringLiteral("/tmp/.X11-unix/X%1").arg(n)))
                continue;
            m_display = QStringLiteral(":%1").arg(n);
            m_process.setProcessChannelMode(QProcess::MergedChannels);
            m_process.start(xvfb,
                            {m_display, QStringLiteral("-screen"), QStringLiteral("0"),
                             QStringLiteral("%1x%2x24").arg(size.width()).arg(size.height()),
                             QStringLiteral("-nolisten"), QStringLiteral("tcp")});
            if (!m_process.waitForStarted(5000)) break;
            for (int i = 0; i < 100; ++i) {
                if (QFile::exists(QStringLiteral("/tmp/.X11-unix/X%1").arg(n))) return true;
                if (m_process.waitForFinished(100)) break; // taken meanwhile, or cannot start: try the next display
            }
            stop();
        }
        *why = QStringLiteral("Xvfb did not start: ") + QString::fromLocal8Bit(m_process.readAll());
        return false;
    }
    void stop()
    {
        if (m_process.state() == QProcess::NotRunning) return;
        m_process.terminate();
        if (!m_process.waitForFinished(5000)) {
            m_process.kill();
            m_process.waitForFinished(5000);
        }
    }
    QString display() const { return m_display; }

private:
    QProcess m_process;
    QString m_display;
};

} // namespace

class TestUiRealWindow : public QObject {
    Q_OBJECT

    QString m_xvfb;

    // One start of the program with its own home (settings, demo copy); returns the report.
    QJsonObject start(const XServer& x, const QString& home, const QString& name, bool reset, QString* error)
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("DISPLAY"), x.display());
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("xcb"));
        env.insert(QStringLiteral("HOME"), home);
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), home + QStringLiteral("/config"));
        env.insert(QStringLiteral("XDG_DATA_HOME"), home + QStringLiteral("/data"));
        env.insert(QStringLiteral("XDG_CACHE_HOME"), home + QStringLiteral("/cache"));
        env.insert(QStringLiteral("XDG_RUNTIME_DIR"), home + QStringLiteral("/run"));
        QDir().mkpath(home + QStringLiteral("/run"));
        QFile::setPermissions(home + QStringLiteral("/run"),
                              QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
        const QString file = home + QLatin1Char('/') + name + QStringLiteral(".json");
        QProcess p;
        p.setProcessEnvironment(env);
        p.setProcessChannelMode(QProcess::MergedChannels);
        QStringList args{QStringLiteral("--layout-report"), file};
        if (reset) args << QStringLiteral("--reset-layout");
        p.start(QStringLiteral(FL_GUI_PATH), args);
        if (!p.waitForFinished(180000) || p.exitCode() != 0) {
            p.kill();
            *error =
                QStringLiteral("%1: exit %2: %3").arg(name).arg(p.exitCode()).arg(QString::fromLocal8Bit(p.readAll()));
            return {};
        }
        QFile f(file);
        if (!f.open(QIODevice::ReadOnly)) {
            *error = name + QStringLiteral(": no report");
            return {};
        }
        return QJsonDocument::fromJson(f.readAll()).object();
    }

    // Everything a person needs in view, nothing over anything else.
    static QString problems(const QJsonObject& r, const QString& when)
    {
        QStringList out;
        const QRect screen = rect(r[QStringLiteral("available")]);
        const QRect window = rect(r[QStringLiteral("window")]);
        const QJsonArray min = r[QStringLiteral("minimumSize")].toArray();
        if (!screen.contains(window))
            out << QStringLiteral("window %1,%2 %3x%4 is not within the screen %5x%6")
                       .arg(window.x())
                       .arg(window.y())
                       .arg(window.width())
                       .arg(window.height())
                       .arg(screen.width())
                       .arg(screen.height());
        if (min.size() == 2 && (min[0].toInt() > screen.width() || min[1].toInt() > screen.height()))
            out << QStringLiteral("minimum size %1x%2 is larger than the screen")
                       .arg(min[0].toInt())
                       .arg(min[1].toInt());
        const QRect timeline = rect(r[QStringLiteral("timeline")]);
        const QRect video = rect(r[QStringLiteral("video")]);
        if (!r[QStringLiteral("timelineVisible")].toBool() || timeline.height() < 40 || !window.contains(timeline)
            || !screen.contains(timeline))
            out << QStringLiteral("timeline %1,%2 %3x%4 not wholly in view")
                       .arg(timeline.x())
                       .arg(timeline.y())
                       .arg(timeline.width())
                       .arg(timeline.height());
        if (video.width() < 320 || video.height() < 180 || !window.contains(video))
            out << QStringLiteral("video %1x%2 too small or out of the window").arg(video.width()).arg(video.height());
        const QJsonArray panels = r[QStringLiteral("panels")].toArray();
        for (int i = 0; i < panels.size(); ++i) {
            const QJsonObject a = panels[i].toObject();
            const QRect ra = rect(a[QStringLiteral("rect")]);
            if (!window.contains(ra))
                out << a[QStringLiteral("name")].toString() + QStringLiteral(" reaches out of the window");
            // The Videos panel shows several videos (it showed two rows).
            if (a[QStringLiteral("name")].toString() == QLatin1String("videosDock") && ra.height() < 150)
                out << QStringLiteral("videosDock is %1 px high").arg(ra.height());
            if (ra.intersects(video) || ra.intersects(timeline))
                out << a[QStringLiteral("name")].toString() + QStringLiteral(" covers the video or the timeline");
            for (int j = i + 1; j < panels.size(); ++j) {
                const QJsonObject b = panels[j].toObject();
                if (ra.intersects(rect(b[QStringLiteral("rect")])))
                    out << a[QStringLiteral("name")].toString() + QStringLiteral(" overlaps ")
                            + b[QStringLiteral("name")].toString();
            }
        }
        if (panels.isEmpty()) out << QStringLiteral("no panel in view");
        for (const QJsonValue& t : r[QStringLiteral("cutTexts")].toArray())
            out << QStringLiteral("text cut: \"%1\"").arg(t.toString());
        return out.isEmpty() ? QString() : when + QStringLiteral(": ") + out.join(QStringLiteral("; "));
    }

    void startRestartReset(const QSize& size)
    {
        XServer x;
        QString why;
        if (!x.start(m_xvfb, size, &why)) QFAIL(qPrintable(why));
        QTemporaryDir home;
        QString error;
        QStringList found;
        const QJsonObject first = start(x, home.path(), QStringLiteral("first"), false, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(rect(first[QStringLiteral("screen")]).size(), size);
        found << problems(first, QStringLiteral("first start"));
        const QJsonObject again = start(x, home.path(), QStringLiteral("restart"), false, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        found << problems(again, QStringLiteral("restart"));
        const QJsonObject reset = start(x, home.path(), QStringLiteral("reset"), true, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        found << problems(reset, QStringLiteral("reset layout"));
        found.removeAll(QString());
        if (!qEnvironmentVariableIsEmpty("FL_REALWINDOW_KEEP")) { // to look at the screenshots
            const QString keep = qEnvironmentVariable("FL_REALWINDOW_KEEP");
            QDir().mkpath(keep);
            for (const char* n : {"first", "restart", "reset"}) {
                const QString tag =
                    QStringLiteral("%1x%2-%3").arg(size.width()).arg(size.height()).arg(QLatin1String(n));
                QFile::remove(keep + QLatin1Char('/') + tag + QStringLiteral(".png"));
                QFile::copy(home.filePath(QLatin1String(n) + QStringLiteral(".json.png")),
                            keep + QLatin1Char('/') + tag + QStringLiteral(".png"));
                QFile::remove(keep + QLatin1Char('/') + tag + QStringLiteral(".json"));
                QFile::copy(home.filePath(QLatin1String(n) + QStringLiteral(".json")),
                            keep + QLatin1Char('/') + tag + QStringLiteral(".json"));
            }
        }
        QVERIFY2(found.isEmpty(), qPrintable(found.join(QLatin1Char('\n'))));
    }

private slots:
    void initTestCase()
    {
        m_xvfb = QStandardPaths::findExecutable(QStringLiteral("Xvfb"));
        if (m_xvfb.isEmpty()) QSKIP("Xvfb is not installed (scripts/setup-deps.sh installs it)");
    }

    void laptop() { startRestartReset(QSize(1366, 768)); }
    void fullHd() { startRestartReset(QSize(1920, 1080)); }
};

QTEST_GUILESS_MAIN(TestUiRealWindow)
#include "tst_ui_realwindow.moc"
