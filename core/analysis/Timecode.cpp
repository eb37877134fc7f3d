#include "analysis/Timecode.h"

#include <QRegularExpression>

#include <cmath>

namespace fl {

TimecodeFormat TimecodeFormat::forRate(double fps, bool preferDropFrame)
{
    TimecodeFormat f;
    if (!std::isfinite(fps) || fps <= 0) return f;
    auto near = [fps](double rate) { return std::abs(fps - rate) <= rate * 0.001; };
    if (near(30000.0 / 1001.0)) {
        f.base = 30;
        f.dropFrame = preferDropFrame;
    } else if (near(60000.0 / 1001.0)) {
        f.base = 60;
        f.dropFrame = preferDropFrame;
    } else if (near(24000.0 / 1001.0)) {
        f.base = 24;
    } else {
        f.base = std::max(1, int(std::lround(fps)));
    }
    return f;
}

int TimecodeFormat::droppedPerMinute() const
{
    if (!dropFrame) return 0;
    if (base == 30) return 2;
    if (base == 60) return 4;
    return 0;
}

QString TimecodeFormat::format(qint64 frame) const
{
    const qint64 b = std::max(1, base);
    const qint64 drop = droppedPerMinute();
    qint64 n = std::max<qint64>(0, frame);
    if (drop > 0) {
        // Frames per 10 minutes and per (dropping) minute in real frames.
        const qint64 per10 = b * 600 - 9 * drop;
        const qint64 perMinute = b * 60 - drop;
        n %= per10 * 6 * 24;
        const qint64 tens = n / per10;
        const qint64 rest = n % per10;
        // Minute 0 of each ten keeps all its labels; minutes 1..9 skip `drop` labels each.
        n += 9 * drop * tens + (rest >= drop ? drop * ((rest - drop) / perMinute) : 0);
    } else {
        n %= b * 3600 * 24;
    }
    const qint64 ff = n % b;
    const qint64 totalSeconds = n / b;
    const qint64 ss = totalSeconds % 60;
    const qint64 mm = (totalSeconds / 60) % 60;
    const qint64 hh = (totalSeconds / 3600) % 24;
    const int fieldWidth = b > 100 ? 3 : 2;
    return QStringLiteral("%1:%2:%3%4%5")
        .arg(hh, 2, 10, QLatin1Char('0'))
        .arg(mm, 2, 10, QLatin1Char('0'))
        .arg(ss, 2, 10, QLatin1Char('0'))
        .arg(drop > 0 ? QLatin1Char(';') : QLatin1Char(':'))
        .arg(ff, fieldWidth, 10, QLatin1Char('0'));
}

std::optional<qint64> TimecodeFormat::parse(const QString& timecode) const
{
    static const QRegularExpression re(QStringLiteral("^(\\d{2}):(\\d{2}):(\\d{2})[:;.,](\\d{2,3})$"));
    const auto m = re.match(timecode.trimmed());
    if (!m.hasMatch()) return std::nullopt;
    const qint64 hh = m.captured(1).toLongLong(), mm = m.captured(2).toLongLong(), ss = m.captured(3).toLongLong(),
                 ff = m.captured(4).toLongLong();
    const qint64 b = std::max(1, base);
    if (hh >= 24 || mm >= 60 || ss >= 60 || ff >= b) return std::nullopt;
    const qint64 drop = droppedPerMinute();
    const qint64 totalMinutes = hh * 60 + mm;
    if (drop > 0 && ss == 0 && ff < drop && mm % 10 != 0) return std::nullopt; // a skipped label
    qint64 n = ((hh * 3600) + mm * 60 + ss) * b + ff;
    n -= drop * (totalMinutes - totalMinutes / 10);
    return n;
}

} // namespace fl
