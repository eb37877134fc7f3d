// crashsafety_writer: the child process tst_crashsafety kills (SIGKILL) at random moments.
// It writes numbered versions (tests/support/CrashVersions.h) of one kind of file in a loop
// and prints "saved N" after each completed write, or runs a real prediction job.
//
//   crashsafety_writer project DIR        project.json (Project::save), versions 1, 2, ...
//   crashsafety_writer autosave DIR       project.autosave.json (Project::saveAutosave)
//   crashsafety_writer predictions DIR    predictions/crash/clip.mp4.flpred (PredictionStore::save)
//   crashsafety_writer model FILE         a checkpoint (FragmentModel::save)
//   crashsafety_writer predict DIR        PredictionJob over the project with its active model,
//                                         saving every second; prints "done" at the end
// --once: write version 1 only; on failure print the one-line message on stderr, exit 1
// (the disk-full tests run it under a file size limit).
#include "CrashVersions.h"

#include "jobs/PredictionJob.h"
#include "ml/FragmentModel.h"
#include "project/Project.h"
#include "training/PredictionStore.h"

#include <QCoreApplication>
#include <QFile>
#include <QStringList>

#include <cstdio>

using namespace fl;

namespace {

int failWith(const QString& message)
{
    std::fprintf(stderr, "crashsafety_writer: %s\n", qUtf8Printable(message));
    return 1;
}

void reportSaved(int version)
{
    std::printf("saved %d\n", version);
    std::fflush(stdout);
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QStringList args = app.arguments().mid(1);
    const bool once = args.removeAll(QStringLiteral("--once")) > 0;
    if (args.size() != 2)
        return failWith(
            QStringLiteral("usage: crashsafety_writer project|autosave|predictions|model|predict DIR|FILE [--once]"));
    const QString mode = args[0];
    const QString target = args[1];
    const int last = once ? 1 : 1000000;

    if (mode == QLatin1String("model")) {
        auto model = ml::FragmentModel::create(test::crashModelInfo(0), 1);
        if (!model) return failWith(QString::fromStdString(model.error()));
        for (int v = 1; v <= last; ++v) {
            model->setInfo(test::crashModelInfo(v));
            if (auto saved = model->save(QFile::encodeName(target).toStdString()); !saved)
                return failWith(QString::fromStdString(saved.error()));
            reportSaved(v);
        }
        return 0;
    }

    auto project = Project::load(target);
    if (!project) return failWith(project.error());
    if (mode == QLatin1String("predict")) {
        PredictionRequest request;
        request.saveIntervalSeconds = 1;
        request.batchSize = 8;
        PredictionJob job(*project, request);
        if (Status s = job.runHere(); !s) return failWith(s.error());
        std::printf("done\n");
        return 0;
    }
    for (int v = 1; v <= last; ++v) {
        Status status;
        if (mode == QLatin1String("project") || mode == QLatin1String("autosave")) {
            if (Status s = test::applyLabelVersion(*project, v); !s) return failWith(s.error());
            status = mode == QLatin1String("project") ? project->save() : project->saveAutosave();
        } else if (mode == QLatin1String("predictions")) {
            auto saved = PredictionStore::save(*project, test::predictionVersion(*project, v));
            status = saved.status();
        } else {
            return failWith(QStringLiteral("unknown mode '%1'").arg(mode));
        }
        if (!status) return failWith(status.error());
        reportSaved(v);
    }
    return 0;
}
