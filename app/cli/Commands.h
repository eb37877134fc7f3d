#pragma once
// fragmentlab-cli subcommands. Each takes its own arguments (program name first, as
// QCommandLineParser expects) and returns the process exit code.
#include <QStringList>

namespace fl::cli {

int runInfo(const QStringList& args);
int runFrame(const QStringList& args);
int runFragments(const QStringList& args);
int runProjectCreate(const QStringList& args);
int runProjectAdd(const QStringList& args);
int runProjectRelink(const QStringList& args);
int runLabelsImport(const QStringList& args);
int runLabelsExport(const QStringList& args);
int runBenchDecode(const QStringList& args);
int runBenchScenes(const QStringList& args);
int runBenchCache(const QStringList& args);
int runScenes(const QStringList& args);
int runKeyframes(const QStringList& args);
int runClips(const QStringList& args);

int runTrain(const QStringList& args);
int runEvaluate(const QStringList& args);
int runModels(const QStringList& args);
int runBenchTrain(const QStringList& args);
int runBenchLong(const QStringList& args);
int runBenchAccuracy(const QStringList& args);

int runPredict(const QStringList& args);
int runSuggest(const QStringList& args);
int runBenchPredict(const QStringList& args);

} // namespace fl::cli
