// libFuzzer target: the accuracy benchmark's cache manifest reader (parseAccuracyManifest,
// <cache>/<task>/manifest.json). The recipe the reader is asked for is the input's own, so
// everything past it is exercised. Properties checked on every input:
//  - never a crash, hang, leak or undefined behaviour (ASan + UBSan);
//  - an accepted manifest names files inside the task's folder only, with positive frame
//    counts and ordered ground-truth segments inside their video, of the task's classes.
#include "training/AccuracyTasks.h"

#include <QDir>
#include <QJsonDocument>

#include <cstdint>
#include <cstdio>
#include <cstdlib>

namespace {

const QString kDir = QStringLiteral("/fuzz/task");

[[noreturn]] void failure(const char* what, const QString& detail)
{
    std::fprintf(stderr, "fuzz_accuracy_manifest: %s: %s\n", what, qUtf8Printable(detail));
    std::abort();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char*>(data), qsizetype(size));
    const QJsonObject recipe = QJsonDocument::fromJson(bytes).object().value(QStringLiteral("recipe")).toObject();
    const auto videos = fl::parseAccuracyManifest(bytes, kDir, recipe, 2);
    if (!videos) return 0;
    for (const fl::DerivedVideo& v : *videos) {
        if (QDir::cleanPath(v.file).section(QLatin1Char('/'), 0, -2) != kDir)
            failure("a file outside the task folder", v.file);
        if (v.frames <= 0) failure("no frames", v.file);
        qint64 end = 0;
        for (const fl::TruthSegment& s : v.truth) {
            if (s.start < end || s.end <= s.start || s.end > v.frames || s.label < 0 || s.label >= 2)
                failure("a ground-truth segment out of order or range", v.file);
            end = s.end;
        }
    }
    return 0;
}
