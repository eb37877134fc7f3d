#pragma once
// Argument parsing shared by the subcommands: QCommandLineParser without its exit() on
// error, so a bad argument is our one-line usage error with exit code 2.
#include <QCommandLineParser>
#include <QString>
#include <QStringList>

#include <optional>

namespace fl::cli {

struct ArgParser {
    QCommandLineParser parser;
    QString usage;

    explicit ArgParser(QString usageLine);
    void addFlag(const QString& name, const QString& description);
    void addValue(const QString& name, const QString& valueName, const QString& description,
                  const QString& shortName = {}, const QString& defaultValue = {});
    // Parses; on failure returns the exit code to return (Usage), else nullopt.
    std::optional<int> parse(const QStringList& args, int minPositional, int maxPositional);
    QStringList positional() const { return parser.positionalArguments(); }
    bool isSet(const QString& name) const { return parser.isSet(name); }
    QString value(const QString& name) const { return parser.value(name); }
    // An integer option within [min, max]; `error` receives the exit code on a bad value.
    std::optional<qint64> integer(const QString& name, qint64 fallback, qint64 min, qint64 max, int* error) const;
};

} // namespace fl::cli

#include "fragments/FragmentSpec.h"
namespace fl::cli {
// --length/--stride/--step, shared by `fragments` and `project create`.
void addSpecOptions(ArgParser& args);
std::optional<FragmentSpec> parseSpec(const ArgParser& args, int* exit);
} // namespace fl::cli
