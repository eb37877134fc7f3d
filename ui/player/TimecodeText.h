#pragma once
// Timecodes as the GUI shows and accepts them: "hh:mm:ss.mmm" from milliseconds, and what a
// user types to go somewhere: a frame number ("120"), seconds ("65.2s"), or a timecode
// ("1:05.2", "00:01:05.200").
#include "Result.h"

#include <QString>

#include <optional>

namespace fl {

class TimecodeText {
public:
    static QString format(double ms);      // "00:01:05.200"
    static QString formatShort(double ms); // "1:05" or "1:02:03" (ruler labels)

    struct Target {
        std::optional<qint64> frame; // a frame number was typed
        std::optional<double> ms;    // a time was typed
    };
    // Fails with a message naming the text when it is neither.
    static Result<Target> parse(const QString& text);
};

} // namespace fl
