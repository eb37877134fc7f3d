#include "analysis/CmxEdl.h"

#include "project/FileBytes.h"

#include <QRegularExpression>

namespace fl {

std::vector<EdlEvent> edlEvents(const QString& clipName, const std::vector<FrameSegment>& segments)
{
    std::vector<EdlEvent> events;
    for (const FrameSegment& s : segments) {
        if (s.end <= s.start) continue;
        EdlEvent e;
        e.clipName = clipName;
        e.sourceIn = s.start;
        e.sourceOut = s.end;
        e.comment = s.label;
        events.push_back(e);
    }
    return events;
}

namespace {

// Comment text on one line.
QString oneLine(QString s)
{
    s.replace(QLatin1Char('\r'), QLatin1Char(' '));
    s.replace(QLatin1Char('\n'), QLatin1Char(' '));
    return s.trimmed();
}

} // namespace

Result<QByteArray> cmxEdl(const std::vector<EdlEvent>& events, const EdlOptions& options)
{
    static const QRegularExpression reel(QStringLiteral("^[A-Za-z0-9_]{1,8}$"));
    const TimecodeFormat& tc = options.format;
    const qint64 recordStart = options.recordStart.value_or(
        *tc.parse(tc.dropFrame ? QStringLiteral("01:00:00;00") : QStringLiteral("01:00:00:00")));
    QString out;
    out += QStringLiteral("TITLE: %1\n")
               .arg(oneLine(options.title).isEmpty() ? QStringLiteral("FragmentLab") : oneLine(options.title));
    out += tc.dropFrame ? QStringLiteral("FCM: DROP FRAME\n") : QStringLiteral("FCM: NON-DROP FRAME\n");
    qint64 record = recordStart;
    int number = 0;
    for (const EdlEvent& e : events) {
        ++number;
        if (e.sourceIn < 0 || e.sourceOut <= e.sourceIn)
            return Status::failure(QStringLiteral("EDL event %1 (%2): source out %3 is not after source in %4")
                                       .arg(number)
                                       .arg(e.clipName)
                                       .arg(e.sourceOut)
                                       .arg(e.sourceIn));
        if (!reel.match(e.reel).hasMatch())
            return Status::failure(QStringLiteral("EDL event %1: reel name '%2' is not 1 to 8 letters, digits or '_'")
                                       .arg(number)
                                       .arg(e.reel));
        const qint64 length = e.sourceOut - e.sourceIn;
        out += QLatin1Char('\n');
        out += QStringLiteral("%1  %2 %3 %4 %5 %6 %7 %8\n")
                   .arg(number, 3, 10, QLatin1Char('0'))
                   .arg(e.reel, -8)
                   .arg(QStringLiteral("V"), -5)
                   .arg(QStringLiteral("C"), -8)
                   .arg(tc.format(e.sourceIn), tc.format(e.sourceOut), tc.format(record), tc.format(record + length));
        if (!e.clipName.isEmpty()) out += QStringLiteral("* FROM CLIP NAME: %1\n").arg(oneLine(e.clipName));
        if (!e.comment.isEmpty()) out += QStringLiteral("* COMMENT: %1\n").arg(oneLine(e.comment));
        record += length;
    }
    return out.toUtf8();
}

Status writeCmxEdl(const QString& file, const std::vector<EdlEvent>& events, const EdlOptions& options)
{
    auto text = cmxEdl(events, options);
    if (!text) return Status::failure(QStringLiteral("%1: %2").arg(file, text.error()));
    return writeFileAtomically(file, *text);
}

} // namespace fl
