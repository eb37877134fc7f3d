// libFuzzer target: the label CSV importer (importLabelsCsvText, what `labels import` and the
// GUI run on a file's bytes) into a fixed project with two videos and two classes.
// Properties checked on every input:
//  - never a crash, hang, leak or undefined behaviour (ASan + UBSan);
//  - all or nothing: a refused file leaves the project exactly as it was, and the message
//    names the file;
//  - an accepted file's labels, exported and imported into the original project, come back
//    the same (export -> import round trip).
#include "project/LabelExchange.h"
#include "project/Project.h"
#include "project/ProjectFormat.h"

#include <cstdint>
#include <cstdio>
#include <cstdlib>

namespace {

const QString kFile = QStringLiteral("fuzz/labels.csv");

[[noreturn]] void failure(const char* what, const QString& detail)
{
    std::fprintf(stderr, "fuzz_labels_csv: %s: %s\n", what, qUtf8Printable(detail));
    std::abort();
}

const fl::Project& baseProject()
{
    static const fl::Project project = [] {
        const QByteArray json = R"({"format": "fragmentlab-project", "schema": 1, "name": "fuzz",
          "fragment": {"length": 4, "stride": 2, "step": 1},
          "classes": [{"name": "motion", "color": "#1f77b4", "shortcut": "1"},
                      {"name": "static", "color": "#ff7f0e", "shortcut": "2"}],
          "videos": [
            {"path": "a.mp4", "size": 1000, "hash": "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
             "frames": 300, "fps": 25, "labels": []},
            {"path": "media/b.avi", "size": 2000, "hash": "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb",
             "frames": 100, "fps": 30, "labels": [{"start": 10, "end": 20, "class": "static"}]}]})";
        auto p = fl::ProjectFormat::read(json, QStringLiteral("fuzz/project.json"), QStringLiteral("/fuzz/project"));
        if (!p) failure("the base project does not load", p.error());
        return *p;
    }();
    return project;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char*>(data), qsizetype(size));
    const fl::Project& base = baseProject();
    fl::LabelImportOptions options;
    options.createMissingClasses = size % 2 == 0; // both modes, chosen by the input

    fl::Project project = base;
    auto imported = fl::importLabelsCsvText(project, bytes, kFile, options);
    if (!imported) {
        if (!(project == base)) failure("a refused import changed the project", imported.error());
        if (!imported.error().contains(kFile)) failure("message does not name the file", imported.error());
        return 0;
    }
    if (*imported < 0) failure("negative import count", QString::number(*imported));

    // Round trip: export what is there now, import it into the original project.
    const QByteArray exported = fl::labelsCsvText(project);
    fl::Project again = base;
    fl::LabelImportOptions create;
    create.createMissingClasses = true;
    auto reimported = fl::importLabelsCsvText(again, exported, kFile, create);
    if (!reimported)
        failure("exported labels do not import",
                reimported.error() + QStringLiteral("\n") + QString::fromUtf8(exported));
    for (int v = 0; v < project.videoCount(); ++v) {
        if (!(again.labels(v) == project.labels(v)))
            failure("export -> import changed the labels", QString::fromUtf8(exported));
    }
    return 0;
}
