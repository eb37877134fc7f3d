#include "CliRun.h"

#include <QDir>

namespace fl::test {

QStringList CliRun::errLines() const
{
    return QString::fromUtf8(err).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
}

QString CliRun::describe() const
{
    return QStringLiteral("exit %1%2\nstdout: %3\nstderr: %4")
        .arg(exitCode)
        .arg(crashed ? QStringLiteral(" (crashed)") : QString())
        .arg(QString::fromUtf8(out.left(2000)), QString::fromUtf8(err.left(2000)));
}

CliRunner::CliRunner(const QString& homeDir) : m_env(QProcessEnvironment::systemEnvironment())
{
    QDir().mkpath(homeDir);
    m_env.insert(QStringLiteral("HOME"), homeDir);
    m_env.insert(QStringLiteral("XDG_CACHE_HOME"), QDir(homeDir).filePath(QStringLiteral(".cache")));
    m_env.insert(QStringLiteral("XDG_CONFIG_HOME"), QDir(homeDir).filePath(QStringLiteral(".config")));
    m_env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
}

QString CliRunner::program()
{
    return QStringLiteral(FL_CLI_PATH);
}

CliRun CliRunner::run(const QStringList& args, int timeoutMs) const
{
    QProcess p;
    p.setProcessEnvironment(m_env);
    p.setProgram(program());
    p.setArguments(args);
    p.start();
    CliRun r;
    if (!p.waitForStarted(30000)) {
        r.crashed = true;
        r.err = p.errorString().toUtf8();
        return r;
    }
    p.closeWriteChannel();
    const bool finished = p.waitForFinished(timeoutMs);
    if (!finished) {
        p.kill();
        p.waitForFinished(5000);
    }
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    r.crashed = !finished || p.exitStatus() != QProcess::NormalExit;
    r.exitCode = r.crashed ? -1 : p.exitCode();
    return r;
}

} // namespace fl::test
