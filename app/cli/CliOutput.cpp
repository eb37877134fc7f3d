#include "CliOutput.h"

#include <QElapsedTimer>

#include <cstdio>
#include <unistd.h>

namespace fl::cli {

int fail(const QString& message)
{
    QString oneLine = message;
    oneLine.replace(QLatin1Char('\n'), QLatin1String("; "));
    endProgress();
    std::fprintf(stderr, "fragmentlab-cli: %s\n", qUtf8Printable(oneLine));
    return Failure;
}

int usageError(const QString& message, const QString& usage)
{
    endProgress();
    std::fprintf(stderr, "fragmentlab-cli: %s (usage: %s)\n", qUtf8Printable(message), qUtf8Printable(usage));
    return Usage;
}

void printLine(const QString& text)
{
    std::fprintf(stdout, "%s\n", qUtf8Printable(text));
}

void printJson(const QJsonObject& object)
{
    std::fputs(QJsonDocument(object).toJson(QJsonDocument::Indented).constData(), stdout);
}

namespace {
bool g_progressShown = false;
}

ProgressFn stderrProgress()
{
    if (!isatty(STDERR_FILENO)) return {};
    auto timer = std::make_shared<QElapsedTimer>();
    timer->start();
    return [timer](std::int64_t done, std::int64_t total, const QString& what) {
        if (timer->elapsed() < 100 && done != total) return;
        timer->restart();
        if (total > 0)
            std::fprintf(stderr, "\r%s: %lld/%lld (%d%%)   ", qUtf8Printable(what), static_cast<long long>(done),
                         static_cast<long long>(total), int(100.0 * double(done) / double(total)));
        else
            std::fprintf(stderr, "\r%s: %lld   ", qUtf8Printable(what), static_cast<long long>(done));
        g_progressShown = true;
    };
}

void endProgress()
{
    if (g_progressShown) std::fputs("\n", stderr);
    g_progressShown = false;
}

} // namespace fl::cli
