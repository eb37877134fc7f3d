// libFuzzer target: the clip ranges CSV reader (parseClipRangesCsv, what `fragmentlab-cli clips
// --ranges` runs on a file's bytes). Properties checked on every input:
//  - never a crash, hang, leak or undefined behaviour (ASan + UBSan);
//  - a refused file gives one line that names the file;
//  - an accepted file gives at least one range, each with first >= 0 and last > first, and
//    distinct non-empty names that are safe file base names (no '/', no control characters);
//  - the accepted ranges, written back as CSV, read back the same (round trip).
#include "clips/ClipRanges.h"

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <set>

namespace {

const QString kFile = QStringLiteral("fuzz/ranges.csv");

[[noreturn]] void failure(const char* what, const QString& detail)
{
    std::fprintf(stderr, "fuzz_clip_ranges: %s: %s\n", what, qUtf8Printable(detail));
    std::abort();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char*>(data), qsizetype(size));
    auto ranges = fl::parseClipRangesCsv(bytes, kFile, QStringLiteral("v-Clip"));
    if (!ranges) {
        if (!ranges.error().contains(kFile)) failure("message does not name the file", ranges.error());
        if (ranges.error().contains(QLatin1Char('\n'))) failure("message is not one line", ranges.error());
        return 0;
    }
    if (ranges->empty()) failure("accepted with no ranges", QString::fromUtf8(bytes.left(200)));
    std::set<QString> names;
    QByteArray csv = "first,last,name\n";
    for (const fl::ClipRange& r : *ranges) {
        if (r.first < 0 || r.last <= r.first) failure("accepted a bad range", QString::fromUtf8(bytes.left(200)));
        if (r.name.isEmpty() || r.name != fl::clipFileBaseName(r.name))
            failure("a name is not a safe file base name", r.name);
        if (!names.insert(r.name).second) failure("a name is used twice", r.name);
        csv += QByteArray::number(r.first) + ',' + QByteArray::number(r.last) + ",\""
            + r.name.toUtf8().replace('"', "\"\"") + "\"\n";
    }
    auto again = fl::parseClipRangesCsv(csv, kFile, QStringLiteral("v-Clip"));
    if (!again) failure("written ranges do not read back", again.error());
    if (*again != *ranges) failure("written ranges read back differently", QString::fromUtf8(csv.left(400)));
    return 0;
}
