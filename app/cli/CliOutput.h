#pragma once
// How fragmentlab-cli talks: results on stdout (text, or JSON with --json), progress and
// the one-line error on stderr, exit code 0 on success, 1 on failure, 2 on bad usage.
#include <QJsonDocument>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include "Cancellation.h"

namespace fl::cli {

// Skipped (77, as Automake and CTest use it): a benchmark whose input is not on this machine.
enum ExitCode { Ok = 0, Failure = 1, Usage = 2, Skipped = 77 };

int fail(const QString& message);                             // prints "fragmentlab-cli: message", returns Failure
int usageError(const QString& message, const QString& usage); // prints message + usage hint, returns Usage
void printLine(const QString& text);                          // stdout
void printJson(const QJsonObject& object);                    // stdout, indented
// A progress reporter for stderr: a single updating line when stderr is a terminal,
// silent otherwise (so scripts and tests see only the final line).
ProgressFn stderrProgress();
void endProgress();

} // namespace fl::cli
