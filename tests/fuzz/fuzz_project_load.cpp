// libFuzzer target: the project file loader (ProjectFormat::read, what Project::load runs on
// the bytes of project.json). Properties checked on every input:
//  - never a crash, hang, leak or undefined behaviour (ASan + UBSan);
//  - a refusal is a message that names the file;
//  - an accepted project survives write -> read unchanged (what is saved loads back);
//  - the label queries the GUI and trainer run on it stay in range.
#include "project/Project.h"
#include "project/ProjectFormat.h"

#include <cstdint>
#include <cstdio>
#include <cstdlib>

namespace {

const QString kFile = QStringLiteral("fuzz/project.json");
const QString kDir = QStringLiteral("/fuzz/project");

[[noreturn]] void failure(const char* what, const QString& detail)
{
    std::fprintf(stderr, "fuzz_project_load: %s: %s\n", what, qUtf8Printable(detail));
    std::abort();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char*>(data), qsizetype(size));
    auto project = fl::ProjectFormat::read(bytes, kFile, kDir);
    if (!project) {
        if (!project.error().contains(kFile)) failure("message does not name the file", project.error());
        return 0;
    }

    const QByteArray written = fl::ProjectFormat::write(*project);
    auto again = fl::ProjectFormat::read(written, kFile, kDir);
    if (!again)
        failure("a written project does not load", again.error() + QStringLiteral("\n") + QString::fromUtf8(written));
    if (!(*again == *project)) failure("write -> read changed the project", QString::fromUtf8(written));

    const fl::FragmentSpec& spec = project->spec();
    for (int v = 0; v < project->videoCount(); ++v) {
        const qint64 count = spec.count(project->video(v).frameCount);
        if (count < 0) failure("negative fragment count", QString::number(count));
        // The first and last fragments (and a few between) carry a label or none, never crash.
        for (qint64 j : {qint64(0), count / 2, count - 1, count}) {
            if (j < 0) continue;
            const auto label = project->fragmentLabel(v, j);
            if (label && !project->hasClass(*label)) failure("fragment label of no class", *label);
        }
    }
    const auto counts = project->labeledFragmentCounts();
    for (auto it = counts.begin(); it != counts.end(); ++it)
        if (it.value() < 0) failure("negative labeled fragment count", it.key());
    return 0;
}
