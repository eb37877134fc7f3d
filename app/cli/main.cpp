// fragmentlab-cli: the headless face of FragmentLab's core.
#include "CliOutput.h"
#include "Commands.h"

#include "ml/TorchRuntime.h"

#include <QCoreApplication>

#include <cstdio>
#include <functional>
#include <map>

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
    "Benchmarks:\n"
    "  bench decode VIDEO [--json] [--runs N] [--seeks N] [--no-ffmpeg]\n"
    "  bench scenes VIDEO [--json] [--runs N] [--no-ffmpeg]\n"

    "  bench train DIR [--epochs N] [--arch NAME] [--input-size PX] [--json]\n"
    "  bench long [--minutes M] [--fps F] [--size WxH] [--input-size PX] [--work DIR] [--no-predict] [--json]\n"
    "                                             a generated long video through index, cache, train, predict\n"
    "\n"
    "  --version, --help\n"
    "Exit status: 0 success, 1 failure (one line on stderr), 2 bad usage.\n";

} // namespace

int main(int argc, char** argv)
{
    fl::ml::preferPassiveOpenMpWait(argc, argv); // first: may re-execute the program
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("fragmentlab"));
    QCoreApplication::setOrganizationName(QStringLiteral("FragmentLab"));
    QCoreApplication::setApplicationVersion(QStringLiteral(FRAGMENTLAB_VERSION));

    fl::ml::configureTorchRuntime(); // Debian's LibTorch starts with one thread

    const QStringList args = app.arguments();
    if (args.size() < 2 || args[1] == QLatin1String("--help") || args[1] == QLatin1String("-h")
        || args[1] == QLatin1String("help")) {
        std::fputs(kHelp, stdout);
        return args.size() < 2 ? fl::cli::Usage : fl::cli::Ok;
    }
    if (args[1] == QLatin1String("--version")) {
        const auto torch = fl::ml::torchRuntimeInfo();
        std::printf("fragmentlab-cli %s (LibTorch %s%s)\n", FRAGMENTLAB_VERSION, torch.torchVersion.c_str(),
                    torch.cudaBuilt ? ", CUDA" : "");
        return fl::cli::Ok;
    }

    using Command = std::function<int(const QStringList&)>;
    const std::map<QString, Command> single = {
        {QStringLiteral("info"), fl::cli::runInfo},
        {QStringLiteral("frame"), fl::cli::runFrame},
        {QStringLiteral("fragments"), fl::cli::runFragments},
        {QStringLiteral("scenes"), fl::cli::runScenes},
        {QStringLiteral("keyframes"), fl::cli::runKeyframes},

        {QStringLiteral("train"), fl::cli::runTrain},
        {QStringLiteral("evaluate"), fl::cli::runEvaluate},
        {QStringLiteral("models"), fl::cli::runModels},
    };
    const std::map<QString, Command> grouped = {
        {QStringLiteral("project create"), fl::cli::runProjectCreate},
        {QStringLiteral("project add"), fl::cli::runProjectAdd},
        {QStringLiteral("project relink"), fl::cli::runProjectRelink},
        {QStringLiteral("labels import"), fl::cli::runLabelsImport},
        {QStringLiteral("labels export"), fl::cli::runLabelsExport},
        {QStringLiteral("bench decode"), fl::cli::runBenchDecode},
        {QStringLiteral("bench scenes"), fl::cli::runBenchScenes},

        {QStringLiteral("bench train"), fl::cli::runBenchTrain},
        {QStringLiteral("bench long"), fl::cli::runBenchLong},
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
    return fl::cli::usageError(QStringLiteral("unknown command '%1'").arg(name), QStringLiteral("fragmentlab-cli --help"));
}
