#pragma once
// Runs the built fragmentlab-cli (FL_CLI_PATH) for end-to-end tests, with its own cache
// and config folders so a test never touches the user's ~/.cache.
#include <QByteArray>
#include <QProcess>
#include <QString>
#include <QStringList>

namespace fl::test {

struct CliRun {
    int exitCode = -1;
    bool crashed = false; // killed by a signal (segfault, abort, ...) or did not finish
    QByteArray out;
    QByteArray err;

    QStringList errLines() const; // stderr split into non-empty lines
    QString describe() const;     // exit code and both streams, for failure messages
};

class CliRunner {
public:
    // `homeDir`: a scratch folder that becomes HOME / XDG_CACHE_HOME / XDG_CONFIG_HOME.
    explicit CliRunner(const QString& homeDir);
    static QString program(); // FL_CLI_PATH
    CliRun run(const QStringList& args, int timeoutMs = 120000) const;
    // The environment run() gives the CLI (for tests that start it themselves).
    const QProcessEnvironment& environment() const { return m_env; }

private:
    QProcessEnvironment m_env;
};

} // namespace fl::test
