#include "CliArgs.h"

#include "CliOutput.h"

namespace fl::cli {

ArgParser::ArgParser(QString usageLine) : usage(std::move(usageLine))
{
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
}

void ArgParser::addFlag(const QString& name, const QString& description)
{
    parser.addOption(QCommandLineOption(name, description));
}

void ArgParser::addValue(const QString& name, const QString& valueName, const QString& description,
                         const QString& shortName, const QString& defaultValue)
{
    QStringList names{name};
    if (!shortName.isEmpty()) names.prepend(shortName);
    parser.addOption(QCommandLineOption(names, description, valueName, defaultValue));
}

std::optional<int> ArgParser::parse(const QStringList& args, int minPositional, int maxPositional)
{
    if (!parser.parse(args)) return usageError(parser.errorText(), usage);
    const auto count = parser.positionalArguments().size();
    if (count < minPositional) return usageError(QStringLiteral("missing argument"), usage);
    if (maxPositional >= 0 && count > maxPositional)
        return usageError(
            QStringLiteral("unexpected argument '%1'").arg(parser.positionalArguments().at(maxPositional)), usage);
    return std::nullopt;
}

std::optional<qint64> ArgParser::integer(const QString& name, qint64 fallback, qint64 min, qint64 max, int* error) const
{
    if (!parser.isSet(name)) return fallback;
    bool ok = false;
    const qint64 v = parser.value(name).toLongLong(&ok);
    if (!ok || v < min || v > max) {
        *error = usageError(QStringLiteral("--%1 must be an integer in %2..%3, got '%4'")
                                .arg(name)
                                .arg(min)
                                .arg(max)
                                .arg(parser.value(name)),
                            usage);
        return std::nullopt;
    }
    return v;
}

} // namespace fl::cli
