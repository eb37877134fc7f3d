// fragmentlab-cli: the headless face of FragmentLab's core.
#include "CliOutput.h"
#include "Commands.h"
#include "video/VideoSource.h"

#if FL_CLI_WITH_MODELS
#include "ml/TorchRuntime.h"
#endif

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <functional>
#include <map>
#include <set>

#include <unistd.h>

namespace {

const char* kHelp =
    "fragmentlab-cli " FRAGMENTLAB_VERSION " - headless FragmentLab\n"
    "\n"
    "Videos:\n"
    "  info VIDEO [--json]                        metadata from a full frame index\n"
    "  frame VIDEO INDEX -o OUT.png               write the INDEX-th decoded frame (0-based)\n"
    "  fragments VIDEO [--length T] [--stride S] [--step K] [--json]\n"
    "                                             list the fragments of a video\n"
    "Scenes and keyframes:\n"
    "  scenes VIDEO [--threshold X] [--min-scene-len N] [--fade] [-o cuts.csv] [--json] [--stats FILE]\n"
    "                                             first frame of each new scene, one per line\n"
    "  keyframes DIR|VIDEO -o OUTDIR [--per-scene N] [--format png|jpg] [--edl FILE] [--csv FILE]\n"
    "            [--chapters FILE] [scene options] best frames per scene as images (+ EDL, CSV, chapters)\n"
    "  clips VIDEO|PROJECT -o DIR [--scenes | --class NAME | --ranges CSV] [--copy | --reencode]\n"
    "                                             video clips of the scenes, a class's bouts or frame ranges\n"
    "Projects:\n"
    "  project create DIR [--length T] [--stride S] [--step K] [--classes a,b,...]\n"
    "  project add DIR VIDEO...                   index the videos and add them\n"
    "  project relink DIR FOLDER [--json]         find moved videos in FOLDER by content hash\n"
    "  labels import DIR FILE.csv|FILE.json [--create-classes]\n"
    "  labels export DIR FILE.csv|FILE.json\n"
    "Models:\n"
    "  train DIR [--arch NAME] [--epochs N] [--device auto|cpu|cuda] [--seed S] [--json]\n"
    "      [--fusion tconv|concat|gru] [--input-size PX] [--batch-size N] [--lr X] [--validation F] [--no-activate]\n"
    "                                             train on the project's labels; the model becomes active\n"
    "  evaluate DIR --truth FILE.csv [--model NAME] [--json]\n"
    "                                             score the active model against ground-truth labels\n"
    "  models DIR [--activate NAME] [--json]      list trained models; pick the active one\n"
    "Predictions:\n"
    "  predict DIR [--video NAME] [--model NAME] [-o predictions.csv|.json] [--json]\n"
    "                                             run the active model over every fragment; stored in predictions/\n"
    "  predict DIR --folder PATH [-o OUTDIR] [--json]\n"
    "                                             predict the videos of a folder (not in the project), one CSV each\n"
    "  suggest DIR [-n N] [--measure margin|entropy] [--json]\n"
    "                                             fragments to label next (uncertain and diverse), from stored predictions\n"
    "Hardware decoding (any command): --hwdec none|auto|vaapi|vdpau|cuda|... (default none, or FRAGMENTLAB_HWDEC);\n"
    "  a device that cannot be opened falls back to software decoding with one line\n"
    "Benchmarks:\n"
    "  bench decode VIDEO [--json] [--runs N] [--seeks N] [--no-ffmpeg]\n"
    "  bench scenes VIDEO [--json] [--runs N] [--no-ffmpeg]\n"
    "  bench cache VIDEO [--size PX] [--runs N] [--json] [--no-ffmpeg]\n"

    "  bench train DIR [--epochs N] [--arch NAME] [--input-size PX] [--json]\n"
    "  bench predict VIDEO [--runs N] [--input-size PX] [--arch NAME] [--batch-size N] [--json]\n"
    "  bench long [--minutes M] [--fps F] [--size WxH] [--input-size PX] [--work DIR] [--no-predict] [--json]\n"
    "                                             a generated long video through index, cache, train, predict\n"
    "  bench accuracy [--media DIR] [--tasks LIST] [--settings LIST] [--budgets LIST] [--seeds LIST] [--quick]\n"
    "                 [--jobs N] [--json FILE] [--markdown FILE]\n"
    "                                             the default training vs classical detectors on real footage\n"
    "\n"
    "  --version, --help\n"
    "Exit status: 0 success, 1 failure (one line on stderr), 2 bad usage.\n";

#if !FL_CLI_WITH_MODELS
// The commands that train or run a model: the light fragmentlab-cli (no LibTorch) hands them
// to fragmentlab-cli-ml (app/CMakeLists.txt).
bool needsModels(const QStringList& args)
{
    static const std::set<QString> single = {QStringLiteral("train"),   QStringLiteral("evaluate"),
                                             QStringLiteral("models"),  QStringLiteral("predict"),
                                             QStringLiteral("suggest"), QStringLiteral("--version")};
    static const std::set<QString> bench = {QStringLiteral("train"), QStringLiteral("predict"), QStringLiteral("long"),
                                            QStringLiteral("accuracy")};
    if (args.size() < 2) return false;
    if (single.count(args[1])) return true;
    return args[1] == QLatin1String("bench") && args.size() >= 3 && bench.count(args[2]);
}

// Replaces this process with fragmentlab-cli-ml (next to this program in a build, in
// ../lib/fragmentlab/ when installed), with the same arguments. Returns only on failure.
int runWithModels(char** argv)
{
    const QDir here(QCoreApplication::applicationDirPath());
    const QStringList candidates = {here.filePath(QStringLiteral("fragmentlab-cli-ml")),
                                    here.filePath(QStringLiteral("../lib/fragmentlab/fragmentlab-cli-ml"))};
    for (const QString& candidate : candidates) {
        if (!QFileInfo(candidate).isExecutable()) continue;
        // LibTorch's OpenMP threads should sleep, not spin, while they wait (docs/PERFORMANCE.md);
        // libgomp reads this once when it loads, so it is set before the program starts.
        setenv("OMP_WAIT_POLICY", "PASSIVE", 0);
        const QByteArray path = QFile::encodeName(candidate);
        execv(path.constData(), argv);
        return fl::cli::fail(
            QStringLiteral("%1: cannot start it: %2").arg(candidate, QString::fromLocal8Bit(std::strerror(errno))));
    }
    return fl::cli::fail(QStringLiteral("%1: not found (it runs the model commands; is FragmentLab fully installed?)")
                             .arg(candidates.constLast()));
}
#endif

} // namespace

int main(int argc, char** argv)
{
#if FL_CLI_WITH_MODELS
    fl::ml::preferPassiveOpenMpWait(argc, argv); // first: may re-execute the program
#endif
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("fragmentlab"));
    QCoreApplication::setOrganizationName(QStringLiteral("FragmentLab"));
    QCoreApplication::setApplicationVersion(QStringLiteral(FRAGMENTLAB_VERSION));

    QStringList args = app.arguments();
    // --hwdec TYPE (anywhere on the line) or FRAGMENTLAB_HWDEC: hardware decoding for every
    // video the command opens ("none", "auto", "vaapi", "vdpau", "cuda", ...).
    QString hwdec = qEnvironmentVariable("FRAGMENTLAB_HWDEC");
    for (qsizetype k = 1; k < args.size(); ++k) {
        if (args[k] == QLatin1String("--hwdec")) {
            if (k + 1 >= args.size())
                return fl::cli::usageError(QStringLiteral("--hwdec needs a value"),
                                           QStringLiteral("--hwdec none|auto|%1")
                                               .arg(fl::VideoSource::hardwareDecoderTypes().join(QLatin1Char('|'))));
            hwdec = args[k + 1];
            args.remove(k, 2);
            --k;
        } else if (args[k].startsWith(QLatin1String("--hwdec="))) {
            hwdec = args[k].mid(8);
            args.removeAt(k);
            --k;
        }
    }
    if (!hwdec.isEmpty()) fl::VideoSource::setDefaultHardwareDecoding(hwdec);
#if FL_CLI_WITH_MODELS
    fl::ml::configureTorchRuntime(); // Debian's LibTorch starts with one thread
#else
    if (needsModels(args)) return runWithModels(argv);
#endif
    if (args.size() < 2 || args[1] == QLatin1String("--help") || args[1] == QLatin1String("-h")
        || args[1] == QLatin1String("help")) {
        std::fputs(kHelp, stdout);
        return args.size() < 2 ? fl::cli::Usage : fl::cli::Ok;
    }
#if FL_CLI_WITH_MODELS
    if (args[1] == QLatin1String("--version")) {
        const auto torch = fl::ml::torchRuntimeInfo();
        std::printf("fragmentlab-cli %s (LibTorch %s%s)\n", FRAGMENTLAB_VERSION, torch.torchVersion.c_str(),
                    torch.cudaBuilt ? ", CUDA" : "");
        return fl::cli::Ok;
    }
#endif

    using Command = std::function<int(const QStringList&)>;
    const std::map<QString, Command> single = {
        {QStringLiteral("info"), fl::cli::runInfo},
        {QStringLiteral("frame"), fl::cli::runFrame},
        {QStringLiteral("fragments"), fl::cli::runFragments},
        {QStringLiteral("scenes"), fl::cli::runScenes},
        {QStringLiteral("keyframes"), fl::cli::runKeyframes},
        {QStringLiteral("clips"), fl::cli::runClips},
#if FL_CLI_WITH_MODELS
        {QStringLiteral("train"), fl::cli::runTrain},
        {QStringLiteral("evaluate"), fl::cli::runEvaluate},
        {QStringLiteral("models"), fl::cli::runModels},
        {QStringLiteral("predict"), fl::cli::runPredict},
        {QStringLiteral("suggest"), fl::cli::runSuggest},
#endif
    };
    const std::map<QString, Command> grouped = {
        {QStringLiteral("project create"), fl::cli::runProjectCreate},
        {QStringLiteral("project add"), fl::cli::runProjectAdd},
        {QStringLiteral("project relink"), fl::cli::runProjectRelink},
        {QStringLiteral("labels import"), fl::cli::runLabelsImport},
        {QStringLiteral("labels export"), fl::cli::runLabelsExport},
        {QStringLiteral("bench decode"), fl::cli::runBenchDecode},
        {QStringLiteral("bench scenes"), fl::cli::runBenchScenes},
        {QStringLiteral("bench cache"), fl::cli::runBenchCache},
#if FL_CLI_WITH_MODELS
        {QStringLiteral("bench train"), fl::cli::runBenchTrain},
        {QStringLiteral("bench predict"), fl::cli::runBenchPredict},
        {QStringLiteral("bench long"), fl::cli::runBenchLong},
        {QStringLiteral("bench accuracy"), fl::cli::runBenchAccuracy},
#endif
    };

    const QString name = args[1];
    if (auto it = single.find(name); it != single.end())
        return it->second(QStringList{args[0] + QLatin1Char(' ') + name} + args.mid(2));
    if (args.size() >= 3) {
        const QString pair = name + QLatin1Char(' ') + args[2];
        if (auto it = grouped.find(pair); it != grouped.end())
            return it->second(QStringList{args[0] + QLatin1Char(' ') + pair} + args.mid(3));
    }
    for (const auto& [key, command] : grouped) {
        if (key.startsWith(name + QLatin1Char(' ')))
            return fl::cli::usageError(QStringLiteral("unknown or missing subcommand for '%1'").arg(name),
                                       QStringLiteral("fragmentlab-cli --help"));
    }
    return fl::cli::usageError(QStringLiteral("unknown command '%1'").arg(name),
                               QStringLiteral("fragmentlab-cli --help"));
}
