// libFuzzer target: the training report reader (TrainingReport::fromJson, what the models list,
// the report window and `models` run on models/<name>.report.json), including the model
// selection part the default training writes. Properties checked on every input:
//  - never a crash, hang, leak or undefined behaviour (ASan + UBSan);
//  - a refusal is a message that names the file;
//  - an accepted report written back reads back to the same JSON (what is saved loads back).
#include "training/TrainingReport.h"

#include <QJsonDocument>

#include <cstdint>
#include <cstdio>
#include <cstdlib>

namespace {

const QString kFile = QStringLiteral("fuzz/model.report.json");

[[noreturn]] void failure(const char* what, const QString& detail)
{
    std::fprintf(stderr, "fuzz_training_report: %s: %s\n", what, qUtf8Printable(detail));
    std::abort();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char*>(data), qsizetype(size));
    auto report = fl::TrainingReport::fromJson(bytes, kFile);
    if (!report) {
        if (!report.error().contains(kFile)) failure("message does not name the file", report.error());
        return 0;
    }
    const QByteArray written = QJsonDocument(report->toJson()).toJson(QJsonDocument::Compact);
    auto again = fl::TrainingReport::fromJson(written, kFile);
    if (!again)
        failure("a written report does not load", again.error() + QStringLiteral("\n") + QString::fromUtf8(written));
    const QByteArray rewritten = QJsonDocument(again->toJson()).toJson(QJsonDocument::Compact);
    if (rewritten != written)
        failure("write -> read changed the report",
                QString::fromUtf8(written) + QStringLiteral("\n") + QString::fromUtf8(rewritten));
    if (again->selection.used != report->selection.used)
        failure("the selection came and went", QString::fromUtf8(written));
    return 0;
}
