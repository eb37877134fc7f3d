#include "analysis/FfmpegChapters.h"

#include "project/FileBytes.h"

#include <cmath>

namespace fl {

namespace {

qint64 microsecondsAt(const std::vector<double>& frameTimesMs, qint64 frame, double durationMs)
{
    const double ms = frame >= 0 && frame < qint64(frameTimesMs.size()) ? frameTimesMs[size_t(frame)] : durationMs;
    // Round up, with a little slack for times that are whole microseconds already.
    return qint64(std::ceil(ms * 1000.0 - 1e-6));
}

QString escaped(const QString& s)
{
    QString out;
    for (const QChar c : s) {
        if (c == QLatin1Char('=') || c == QLatin1Char(';') || c == QLatin1Char('#') || c == QLatin1Char('\\')
            || c == QLatin1Char('\n'))
            out += QLatin1Char('\\');
        if (c == QLatin1Char('\r')) continue;
        out += c;
    }
    return out;
}

} // namespace

std::vector<Chapter> chaptersFor(const std::vector<FrameSegment>& segments, const std::vector<double>& frameTimesMs,
                                 double durationMs)
{
    std::vector<Chapter> out;
    for (const FrameSegment& s : segments) {
        Chapter c;
        c.startUs = microsecondsAt(frameTimesMs, s.start, durationMs);
        c.endUs = microsecondsAt(frameTimesMs, s.end, durationMs);
        c.title = s.label;
        if (c.endUs > c.startUs) out.push_back(c);
    }
    return out;
}

QByteArray ffmpegChapters(const std::vector<Chapter>& chapters, const QString& title)
{
    QString out = QStringLiteral(";FFMETADATA1\n");
    if (!title.isEmpty()) out += QStringLiteral("title=%1\n").arg(escaped(title));
    for (const Chapter& c : chapters) {
        out += QStringLiteral("\n[CHAPTER]\nTIMEBASE=1/1000000\nSTART=%1\nEND=%2\n").arg(c.startUs).arg(c.endUs);
        if (!c.title.isEmpty()) out += QStringLiteral("title=%1\n").arg(escaped(c.title));
    }
    return out.toUtf8();
}

Status writeFfmpegChapters(const QString& file, const std::vector<Chapter>& chapters, const QString& title)
{
    for (size_t i = 0; i < chapters.size(); ++i)
        if (chapters[i].endUs <= chapters[i].startUs || chapters[i].startUs < 0)
            return Status::failure(QStringLiteral("%1: chapter %2 ends (%3 us) before it starts (%4 us)")
                                       .arg(file)
                                       .arg(i + 1)
                                       .arg(chapters[i].endUs)
                                       .arg(chapters[i].startUs));
    return writeFileAtomically(file, ffmpegChapters(chapters, title));
}

} // namespace fl
