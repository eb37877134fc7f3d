#include "player/TimecodeText.h"

#include <QObject>
#include <QRegularExpression>

#include <cmath>

namespace fl {

QString TimecodeText::format(double ms)
{
    const qint64 total = qint64(std::llround(std::max(0.0, ms)));
    return QStringLiteral("%1:%2:%3.%4")
        .arg(total / 3600000, 2, 10, QLatin1Char('0'))
        .arg(total / 60000 % 60, 2, 10, QLatin1Char('0'))
        .arg(total / 1000 % 60, 2, 10, QLatin1Char('0'))
        .arg(total % 1000, 3, 10, QLatin1Char('0'));
}

QString TimecodeText::formatShort(double ms)
{
    const qint64 s = qint64(std::floor(std::max(0.0, ms) / 1000.0 + 1e-6));
    if (s >= 3600)
        return QStringLiteral("%1:%2:%3")
            .arg(s / 3600)
            .arg(s / 60 % 60, 2, 10, QLatin1Char('0'))
            .arg(s % 60, 2, 10, QLatin1Char('0'));
    return QStringLiteral("%1:%2").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0'));
}

Result<TimecodeText::Target> TimecodeText::parse(const QString& input)
{
    const QString text = input.trimmed();
    Target target;
    static const QRegularExpression frame(QStringLiteral("^\\d+$"));
    static const QRegularExpression seconds(QStringLiteral("^(\\d+(?:\\.\\d*)?)\\s*s$"),
                                            QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression clock(QStringLiteral("^(?:(\\d+):)?(\\d+):(\\d+(?:\\.\\d*)?)$"));
    if (frame.match(text).hasMatch()) {
        bool ok = false;
        const qint64 f = text.toLongLong(&ok);
        if (ok) {
            target.frame = f;
            return target;
        }
    }
    if (const auto m = seconds.match(text); m.hasMatch()) {
        target.ms = m.captured(1).toDouble() * 1000.0;
        return target;
    }
    if (const auto m = clock.match(text); m.hasMatch()) {
        const double h = m.captured(1).isEmpty() ? 0 : m.captured(1).toDouble();
        const double min = m.captured(2).toDouble();
        const double s = m.captured(3).toDouble();
        if (s >= 60 || (!m.captured(1).isEmpty() && min >= 60))
            return Result<Target>::failure(QObject::tr("\"%1\": minutes and seconds must be below 60").arg(text));
        target.ms = ((h * 60 + min) * 60 + s) * 1000.0;
        return target;
    }
    return Result<Target>::failure(
        QObject::tr("\"%1\" is neither a frame number (120) nor a time (65.2s, 1:05.2, 00:01:05.200)").arg(text));
}

} // namespace fl
