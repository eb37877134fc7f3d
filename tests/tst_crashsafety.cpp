// Crash safety, full disks and read-only project folders.
//
// Kills (SIGKILL) child processes at random moments (seeded) while they save a project, write
// an autosave, write stored predictions, write a checkpoint, train (fragmentlab-cli train) and
// predict (a PredictionJob in tests/crashwriter), and checks every time that the project opens,
// that what is on disk is exactly one complete version of each file (the last one reported
// written or the one after it), and that no half-written checkpoint or prediction file is
// taken as valid. Full disks are simulated with a file size limit (setrlimit RLIMIT_FSIZE,
// SIGXFSZ ignored, so writes fail with EFBIG) in the child: the CLI and the stores must fail
// with one line naming the file and saying the disk is full, and leave the previous files as
// they were.
//
// Cost: 45 s wall / 36 s CPU (load average 5-7 on 2 cores); 147 s under ctest -j2 at load
// ~10. About 40 child processes (each loads LibTorch), one complete 2-epoch training at 32 px
// and three killed ones. Under the sanitizers the kill rounds are halved.
#include "BadMedia.h"
#include "CliRun.h"
#include "CrashVersions.h"
#include "MotionProject.h"
#include "TestMedia.h"

#include "ml/FragmentModel.h"
#include "project/FileBytes.h"
#include "project/Project.h"
#include "training/ModelStore.h"
#include "training/PredictionStore.h"

#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QThread>
#include <QtTest>

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <functional>
#include <random>

#include <grp.h>
#include <sys/resource.h>
#include <unistd.h>

using namespace fl;

namespace {

const QString kWriter = QStringLiteral(FL_CRASH_WRITER_PATH);

const QStringList kFastTraining = {QStringLiteral("--input-size"), QStringLiteral("32"),
                                   QStringLiteral("--epochs"),     QStringLiteral("2"),
                                   QStringLiteral("--batch-size"), QStringLiteral("16"),
                                   QStringLiteral("--seed"),       QStringLiteral("7"),
                                   QStringLiteral("--device"),     QStringLiteral("cpu")};

struct ChildRun {
    int exitCode = -1;
    bool killed = false; // we killed it (it was still running)
    QByteArray out;
    QByteArray err;
    int lastSaved = 0; // the last "saved N" line (0: none)

    QString describe() const
    {
        return QStringLiteral("exit %1%2\nstdout: %3\nstderr: %4")
            .arg(exitCode)
            .arg(killed ? QStringLiteral(" (killed)") : QString())
            .arg(QString::fromUtf8(out.right(300)), QString::fromUtf8(err.left(2000)));
    }
    QStringList errLines() const { return QString::fromUtf8(err).split(QLatin1Char('\n'), Qt::SkipEmptyParts); }
};

int lastSavedVersion(const QByteArray& out)
{
    int last = 0;
    for (const QByteArray& line : out.split('\n'))
        if (line.startsWith("saved ")) last = line.mid(6).toInt();
    return last;
}

// Every file under `dir` whose name ends with `suffix`.
QStringList filesEndingWith(const QString& dir, const QString& suffix)
{
    QStringList found;
    QDirIterator it(dir, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString f = it.next();
        if (f.endsWith(suffix)) found << f;
    }
    return found;
}

QStringList folderListing(const QString& dir)
{
    return QDir(dir).entryList(QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
}

} // namespace

class TestCrashSafety : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_tmp;
    std::mt19937 m_rng{20261125};
    QProcessEnvironment m_env;
    test::MotionProject m_motion;
    bool m_haveMotion = false;
    double m_trainSeconds = 0;

    int randomMs(int low, int high) { return std::uniform_int_distribution<int>(low, high)(m_rng); }

    // Kill rounds per case: half under the sanitizers (every child runs ~3x slower there).
    static int rounds(int normal)
    {
        return qEnvironmentVariableIsSet("ASAN_OPTIONS") ? std::max(2, normal / 2) : normal;
    }

    // Starts `program`; when `waitForSaved`, waits until it reports its first completed write.
    // Then, after a random delay in [0, maxDelayMs], kills it with SIGKILL (if still running).
    ChildRun runAndKill(const QString& program, const QStringList& args, bool waitForSaved, int maxDelayMs)
    {
        QProcess p;
        p.setProcessEnvironment(m_env);
        p.start(program, args);
        ChildRun r;
        if (!p.waitForStarted(30000)) {
            r.err = "did not start: " + p.errorString().toUtf8();
            return r;
        }
        if (waitForSaved) {
            QElapsedTimer waited;
            waited.start();
            while (!r.out.contains("saved ") && p.state() == QProcess::Running && waited.elapsed() < 60000) {
                p.waitForReadyRead(200);
                r.out += p.readAllStandardOutput();
            }
        }
        QThread::msleep(ulong(randomMs(0, maxDelayMs)));
        if (p.state() == QProcess::Running) {
            ::kill(pid_t(p.processId()), SIGKILL);
            r.killed = true;
        }
        p.waitForFinished(60000);
        r.out += p.readAllStandardOutput();
        r.err += p.readAllStandardError();
        r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
        r.lastSaved = lastSavedVersion(r.out);
        return r;
    }

    // Runs `program` to the end with writes limited to `fileSizeLimit` bytes per file
    // (0: no limit).
    // `asUser` > 0: the child drops to that user and group id first (root only).
    ChildRun runLimited(const QString& program, const QStringList& args, qint64 fileSizeLimit = 0, uid_t asUser = 0)
    {
        QProcess p;
        p.setProcessEnvironment(m_env);
        if (fileSizeLimit > 0 || asUser > 0) {
            p.setChildProcessModifier([fileSizeLimit, asUser] {
                if (fileSizeLimit > 0) {
                    ::signal(SIGXFSZ, SIG_IGN); // a write past the limit fails with EFBIG instead of killing
                    rlimit limit{rlim_t(fileSizeLimit), rlim_t(fileSizeLimit)};
                    ::setrlimit(RLIMIT_FSIZE, &limit);
                }
                if (asUser > 0
                    && (::setgroups(0, nullptr) != 0 || ::setgid(gid_t(asUser)) != 0 || ::setuid(asUser) != 0))
                    ::_exit(126);
            });
        }
        p.start(program, args);
        ChildRun r;
        if (!p.waitForFinished(300000)) {
            p.kill();
            p.waitForFinished();
            r.killed = true;
        }
        r.out = p.readAllStandardOutput();
        r.err = p.readAllStandardError();
        r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
        r.lastSaved = lastSavedVersion(r.out);
        return r;
    }

    // Every checkpoint under models/ loads; the active model, if any, is one of them.
    void verifyModels(const Project& project)
    {
        for (const QString& file : filesEndingWith(project.modelsDir(), ModelStore::modelSuffix())) {
            auto model = ml::FragmentModel::load(QFile::encodeName(file).toStdString());
            QVERIFY2(model, model.error().c_str());
        }
        for (const ModelEntry& entry : ModelStore::list(project)) {
            QVERIFY2(entry.fileName.endsWith(ModelStore::modelSuffix()), qPrintable(entry.fileName));
            QVERIFY2(QFileInfo::exists(entry.file), qPrintable(entry.file));
        }
        if (!project.activeModel().isEmpty()) {
            auto active = ml::FragmentModel::load(QFile::encodeName(project.activeModelFile()).toStdString());
            QVERIFY2(active, active.error().c_str());
        }
    }

    // Every .flpred under predictions/ reads as a whole, valid file.
    void verifyPredictionFiles(const Project& project)
    {
        for (const QString& file : filesEndingWith(project.predictionsDir(), PredictionStore::suffix())) {
            auto stored = PredictionStore::read(file);
            QVERIFY2(stored, qPrintable(stored.error()));
            QVERIFY2(stored->predictions.validate(), qPrintable(file));
        }
    }

    Result<Project> freshCrashProject(const QString& name) { return test::makeCrashProject(m_tmp.filePath(name)); }

    void expectDiskFull(const ChildRun& run, const QString& file)
    {
        QVERIFY2(run.exitCode == 1, qPrintable(run.describe()));
        QCOMPARE(run.errLines().size(), 1);
        const QString line = run.errLines().first();
        QVERIFY2(line.contains(file), qPrintable(line));
        QVERIFY2(line.contains(QStringLiteral("the disk is full")), qPrintable(line));
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_tmp.isValid());
        QVERIFY2(QFileInfo(kWriter).isExecutable(), qPrintable(kWriter));
        m_env = test::CliRunner(m_tmp.filePath(QStringLiteral("home"))).environment();
        m_env.insert(QStringLiteral("FRAGMENTLAB_TORCH_THREADS"), QStringLiteral("1"));
        if (!test::ffmpegAvailable()) return; // the training and prediction cases skip
        auto made = test::makeMotionProject(m_tmp.filePath(QStringLiteral("motion")));
        QVERIFY2(made, qPrintable(made.error()));
        m_motion = *made;
        // One complete training: the frame cache, a first model (active) and its duration.
        QElapsedTimer t;
        t.start();
        const ChildRun train = runLimited(test::CliRunner::program(),
                                          QStringList{QStringLiteral("train"), m_motion.dir} + kFastTraining);
        QVERIFY2(train.exitCode == 0, qPrintable(train.describe()));
        m_trainSeconds = double(t.elapsed()) / 1000.0;
        m_haveMotion = true;
    }

    // (a) Project::save killed: project.json is always one complete version.
    void projectSaveKilled()
    {
        auto project = freshCrashProject(QStringLiteral("save"));
        QVERIFY2(project, qPrintable(project.error()));
        for (int round = 0; round < rounds(6); ++round) {
            const ChildRun run = runAndKill(kWriter, {QStringLiteral("project"), project->dir()}, true, 150);
            QVERIFY2(run.lastSaved >= 1, qPrintable(run.describe()));
            auto loaded = Project::load(project->dir());
            QVERIFY2(loaded, qPrintable(loaded.error()));
            QVERIFY2(test::hasLabelVersion(*loaded, run.lastSaved) || test::hasLabelVersion(*loaded, run.lastSaved + 1),
                     qPrintable(QStringLiteral("round %1: the labels are not version %2 or %3")
                                    .arg(round)
                                    .arg(run.lastSaved)
                                    .arg(run.lastSaved + 1)));
        }
    }

    // (b) autosave killed: project.json untouched; the autosave is absent or one complete
    // version no older than the last one reported written (so at most the labeling since the
    // last finished autosave is lost).
    void autosaveKilled()
    {
        auto project = freshCrashProject(QStringLiteral("autosave"));
        QVERIFY2(project, qPrintable(project.error()));
        const QByteArray saved = test::readWholeFile(project->projectFile());
        for (int round = 0; round < rounds(6); ++round) {
            const ChildRun run = runAndKill(kWriter, {QStringLiteral("autosave"), project->dir()}, true, 150);
            QVERIFY2(run.lastSaved >= 1, qPrintable(run.describe()));
            QCOMPARE(test::readWholeFile(project->projectFile()), saved);
            auto main = Project::load(project->dir());
            QVERIFY2(main, qPrintable(main.error()));
            QVERIFY(test::hasLabelVersion(*main, 0));
            const auto pending = Project::pendingAutosave(project->dir());
            QVERIFY2(pending, "a completed autosave must be offered for recovery");
            auto recovered = Project::load(*pending);
            QVERIFY2(recovered, qPrintable(recovered.error()));
            QVERIFY2(test::hasLabelVersion(*recovered, run.lastSaved)
                         || test::hasLabelVersion(*recovered, run.lastSaved + 1),
                     qPrintable(QStringLiteral("round %1: the autosave is not version %2 or %3")
                                    .arg(round)
                                    .arg(run.lastSaved)
                                    .arg(run.lastSaved + 1)));
        }
        // A save supersedes the autosave.
        QVERIFY(project->save());
        QVERIFY(!Project::pendingAutosave(project->dir()));
    }

    // PredictionStore::save killed: the .flpred is one complete version, read() accepts it.
    void predictionSaveKilled()
    {
        auto project = freshCrashProject(QStringLiteral("predsave"));
        QVERIFY2(project, qPrintable(project.error()));
        auto first = PredictionStore::save(*project, test::predictionVersion(*project, 0));
        QVERIFY2(first, qPrintable(first.error()));
        const QString file = *first;
        for (int round = 0; round < rounds(6); ++round) {
            const ChildRun run = runAndKill(kWriter, {QStringLiteral("predictions"), project->dir()}, true, 150);
            QVERIFY2(run.lastSaved >= 1, qPrintable(run.describe()));
            auto stored = PredictionStore::read(file);
            QVERIFY2(stored, qPrintable(stored.error()));
            QVERIFY2(stored->predictions == test::predictionVersion(*project, run.lastSaved)
                         || stored->predictions == test::predictionVersion(*project, run.lastSaved + 1),
                     qPrintable(QStringLiteral("round %1: not version %2 or %3")
                                    .arg(round)
                                    .arg(run.lastSaved)
                                    .arg(run.lastSaved + 1)));
            const auto states = PredictionStore::loadForModel(*project, test::crashModelId());
            QCOMPARE(states.size(), size_t(1));
            QCOMPARE(int(states[0].state), int(PredictionState::Fresh));
            verifyPredictionFiles(*project);
        }
    }

    // FragmentModel::save killed: the checkpoint is one complete version; a leftover
    // "<file>.partial" is not a checkpoint (ModelStore does not list it).
    void checkpointSaveKilled()
    {
        auto project = freshCrashProject(QStringLiteral("ckpt"));
        QVERIFY2(project, qPrintable(project.error()));
        const QString file = QDir(project->modelsDir()).filePath(test::crashModelId());
        auto model = ml::FragmentModel::create(test::crashModelInfo(0), 1);
        QVERIFY(model);
        QVERIFY(model->save(QFile::encodeName(file).toStdString()));
        for (int round = 0; round < rounds(6); ++round) {
            const ChildRun run = runAndKill(kWriter, {QStringLiteral("model"), file}, true, 60);
            QVERIFY2(run.lastSaved >= 1, qPrintable(run.describe()));
            auto loaded = ml::FragmentModel::load(QFile::encodeName(file).toStdString());
            QVERIFY2(loaded, loaded.error().c_str());
            const auto version = loaded->info().seed;
            QVERIFY2(version == std::uint64_t(run.lastSaved) || version == std::uint64_t(run.lastSaved + 1),
                     qPrintable(QStringLiteral("round %1: version %2, expected %3 or %4")
                                    .arg(round)
                                    .arg(version)
                                    .arg(run.lastSaved)
                                    .arg(run.lastSaved + 1)));
            const auto listed = ModelStore::list(*project);
            QCOMPARE(listed.size(), size_t(1));
            QCOMPARE(listed[0].fileName, test::crashModelId());
        }
    }

    // (c) fragmentlab-cli train killed anywhere (frame preparation, epochs, checkpoint,
    // report, activation): the project opens with its labels, every listed checkpoint loads.
    void trainingKilled()
    {
        if (!m_haveMotion) QSKIP("ffmpeg is not available");
        auto before = Project::load(m_motion.dir);
        QVERIFY2(before, qPrintable(before.error()));
        const int longest = int(m_trainSeconds * 1000) + 300;
        for (int round = 0; round < rounds(3); ++round) {
            const ChildRun run = runAndKill(test::CliRunner::program(),
                                            QStringList{QStringLiteral("train"), m_motion.dir} + kFastTraining, false,
                                            longest);
            QVERIFY2(run.killed || run.exitCode == 0, qPrintable(run.describe()));
            auto after = Project::load(m_motion.dir);
            QVERIFY2(after, qPrintable(after.error()));
            QCOMPARE(after->videos().size(), before->videos().size());
            QVERIFY(after->labels(0) == before->labels(0));
            verifyModels(*after);
        }
    }

    // (d) a prediction run (PredictionJob, saving every second) killed anywhere: the
    // predictions are missing or a complete, valid file (rows not reached are "not predicted").
    void predictionRunKilled()
    {
        if (!m_haveMotion) QSKIP("ffmpeg is not available");
        QElapsedTimer t;
        t.start();
        const ChildRun full = runLimited(kWriter, {QStringLiteral("predict"), m_motion.dir});
        QVERIFY2(full.exitCode == 0 && full.out.contains("done"), qPrintable(full.describe()));
        const int longest = int(t.elapsed()) + 200;
        for (int round = 0; round < rounds(4); ++round) {
            // Start from no predictions, so a file seen afterwards was written by the killed run.
            QDir(QDir(m_motion.dir).filePath(QStringLiteral("predictions"))).removeRecursively();
            const ChildRun run = runAndKill(kWriter, {QStringLiteral("predict"), m_motion.dir}, false, longest);
            QVERIFY2(run.killed || run.exitCode == 0, qPrintable(run.describe()));
            auto project = Project::load(m_motion.dir);
            QVERIFY2(project, qPrintable(project.error()));
            verifyPredictionFiles(*project);
            auto states = PredictionStore::loadActive(*project);
            QVERIFY2(states, qPrintable(states.error()));
            for (const auto& s : *states)
                QVERIFY2(s.state == PredictionState::Missing || s.state == PredictionState::Fresh,
                         qPrintable(s.message));
        }
    }

    // What an interrupted non-atomic write would leave (a prefix of the file) is refused by
    // every loader.
    void truncatedFilesAreRefused()
    {
        auto project = freshCrashProject(QStringLiteral("truncated"));
        QVERIFY2(project, qPrintable(project.error()));
        auto predictions = PredictionStore::save(*project, test::predictionVersion(*project, 3));
        QVERIFY(predictions);
        const QString modelFile = QDir(project->modelsDir()).filePath(test::crashModelId());
        auto model = ml::FragmentModel::create(test::crashModelInfo(3), 1);
        QVERIFY(model && model->save(QFile::encodeName(modelFile).toStdString()));

        const QString cut = m_tmp.filePath(QStringLiteral("cut"));
        QVERIFY(QDir().mkpath(cut));
        const auto prefixes = [](qsizetype size) {
            return QList<qsizetype>{0, 1, 8, size / 3, size / 2, size - 33, size - 1};
        };
        const QByteArray json = test::readWholeFile(project->projectFile()); // ends "}\n": cut before the "}"
        for (qsizetype n : prefixes(json.size() - 1)) {
            QVERIFY(test::writeWholeFile(QDir(cut).filePath(Project::projectFileName()), json.left(n)));
            QVERIFY2(!Project::load(cut),
                     qPrintable(
                         QStringLiteral("project.json cut at %1 of %2 bytes was accepted").arg(n).arg(json.size())));
        }
        const QByteArray pred = test::readWholeFile(*predictions);
        for (qsizetype n : prefixes(pred.size())) {
            const QString file = QDir(cut).filePath(QStringLiteral("clip.mp4.flpred"));
            QVERIFY(test::writeWholeFile(file, pred.left(n)));
            QVERIFY2(!PredictionStore::read(file),
                     qPrintable(QStringLiteral(".flpred cut at %1 of %2 bytes was accepted").arg(n).arg(pred.size())));
        }
        const QByteArray ckpt = test::readWholeFile(modelFile);
        for (qsizetype n : prefixes(ckpt.size())) {
            const QString file = QDir(cut).filePath(QStringLiteral("cut.flmodel"));
            QVERIFY(test::writeWholeFile(file, ckpt.left(n)));
            QVERIFY2(!ml::FragmentModel::load(QFile::encodeName(file).toStdString()),
                     qPrintable(QStringLiteral(".flmodel cut at %1 of %2 bytes was accepted").arg(n).arg(ckpt.size())));
        }
    }

    // ---- full disk (file size limit in the child) ----

    void diskFullProjectSave()
    {
        auto project = freshCrashProject(QStringLiteral("full-save"));
        QVERIFY2(project, qPrintable(project.error()));
        const QByteArray before = test::readWholeFile(project->projectFile());
        const QStringList listing = folderListing(project->dir());
        const QString csv = m_tmp.filePath(QStringLiteral("full-save.csv"));
        QVERIFY(test::writeWholeFile(csv, "video,start_frame,end_frame,label\nclip.mp4,399000,399100,b\n"));
        const ChildRun run = runLimited(test::CliRunner::program(),
                                        {QStringLiteral("labels"), QStringLiteral("import"), project->dir(), csv},
                                        4096);
        expectDiskFull(run, project->projectFile());
        QCOMPARE(test::readWholeFile(project->projectFile()), before);
        QCOMPARE(folderListing(project->dir()), listing); // no temporary file left behind
    }

    void diskFullLabelExport()
    {
        auto project = freshCrashProject(QStringLiteral("full-export"));
        QVERIFY2(project, qPrintable(project.error()));
        const QString out = m_tmp.filePath(QStringLiteral("exported.csv"));
        QVERIFY(test::writeWholeFile(out, "previous export\n"));
        const ChildRun run = runLimited(test::CliRunner::program(),
                                        {QStringLiteral("labels"), QStringLiteral("export"), project->dir(), out},
                                        1024);
        expectDiskFull(run, out);
        QCOMPARE(test::readWholeFile(out), QByteArray("previous export\n"));
    }

    void diskFullCheckpoint()
    {
        if (!m_haveMotion) QSKIP("ffmpeg is not available");
        auto project = Project::load(m_motion.dir);
        QVERIFY2(project, qPrintable(project.error()));
        const QByteArray before = test::readWholeFile(project->projectFile());
        const QStringList models = folderListing(project->modelsDir());
        // The frame cache exists (initTestCase): the first large write is the checkpoint.
        const ChildRun run = runLimited(test::CliRunner::program(),
                                        QStringList{QStringLiteral("train"), m_motion.dir} + kFastTraining, 8192);
        QVERIFY2(run.exitCode == 1, qPrintable(run.describe()));
        const QStringList lines = run.errLines();
        QVERIFY2(!lines.isEmpty(), qPrintable(run.describe()));
        const QString line = lines.last();
        QVERIFY2(line.contains(project->modelsDir()) && line.contains(ModelStore::modelSuffix()), qPrintable(line));
        QVERIFY2(line.contains(QStringLiteral("the disk is full")), qPrintable(line));
        QCOMPARE(folderListing(project->modelsDir()), models); // no partial checkpoint, no report
        QCOMPARE(test::readWholeFile(project->projectFile()), before);
    }

    // Training at an input size with no frame cache yet: the cache build is the first write.
    void diskFullFrameCache()
    {
        if (!m_haveMotion) QSKIP("ffmpeg is not available");
        auto project = Project::load(m_motion.dir);
        QVERIFY2(project, qPrintable(project.error()));
        const QStringList caches = folderListing(QDir(project->cacheDir()).filePath(QStringLiteral("frames")));
        QStringList args = QStringList{QStringLiteral("train"), m_motion.dir} + kFastTraining;
        args[args.indexOf(QStringLiteral("--input-size")) + 1] = QStringLiteral("40");
        const ChildRun run = runLimited(test::CliRunner::program(), args, 8192);
        QVERIFY2(run.exitCode == 1, qPrintable(run.describe()));
        QCOMPARE(run.errLines().size(), 1);
        const QString line = run.errLines().first();
        QVERIFY2(line.contains(QStringLiteral(".flcache")) && line.contains(QStringLiteral("the disk is full")),
                 qPrintable(line));
        QCOMPARE(folderListing(QDir(project->cacheDir()).filePath(QStringLiteral("frames"))), caches);
    }

    void diskFullPredictionSave()
    {
        auto project = freshCrashProject(QStringLiteral("full-pred"));
        QVERIFY2(project, qPrintable(project.error()));
        auto first = PredictionStore::save(*project, test::predictionVersion(*project, 0));
        QVERIFY2(first, qPrintable(first.error()));
        const QByteArray before = test::readWholeFile(*first);
        const ChildRun run =
            runLimited(kWriter, {QStringLiteral("predictions"), project->dir(), QStringLiteral("--once")}, 64 * 1024);
        expectDiskFull(run, *first);
        QCOMPARE(test::readWholeFile(*first), before);
        QCOMPARE(folderListing(QFileInfo(*first).absolutePath()), QStringList{QFileInfo(*first).fileName()});
    }

    void writeFailureWords()
    {
        const auto reason = [](int code) { return writeFailureReason(QString::fromLocal8Bit(std::strerror(code))); };
        QVERIFY(reason(ENOSPC).startsWith(QStringLiteral("the disk is full")));
        QVERIFY(reason(EFBIG).startsWith(QStringLiteral("the disk is full")));
        QVERIFY(reason(EACCES).startsWith(QStringLiteral("permission denied")));
        QVERIFY(reason(EROFS).contains(QStringLiteral("read-only file system")));
        QCOMPARE(writeFailureReason(QStringLiteral("something else")), QStringLiteral("something else"));
        // A checkpoint into a folder that does not exist: the message names the file.
        auto model = ml::FragmentModel::create(test::crashModelInfo(1), 1);
        QVERIFY(model);
        const std::string file =
            QFile::encodeName(m_tmp.filePath(QStringLiteral("no/such/folder/x.flmodel"))).toStdString();
        const auto saved = model->save(file);
        QVERIFY(!saved);
        QVERIFY2(saved.error().rfind(file + ": cannot save the model: ", 0) == 0, saved.error().c_str());
    }

    // ---- read-only project folder ----

    // The project folder and its files lose their write permission; `labels import` must fail
    // naming project.json and leave it as it was. Root ignores permissions, so as root the CLI
    // runs as the unprivileged user 65534 ("nobody"), which they stop.
    void readOnlyProjectFolder()
    {
        auto project = freshCrashProject(QStringLiteral("readonly"));
        QVERIFY2(project, qPrintable(project.error()));
        const QString dir = project->dir();
        const QByteArray before = test::readWholeFile(project->projectFile());
        const uid_t asUser = ::geteuid() == 0 ? uid_t(65534) : uid_t(0);
        const auto readable = QFileDevice::ReadOwner | QFileDevice::ReadGroup | QFileDevice::ReadOther;
        const auto traversable = readable | QFileDevice::ExeOwner | QFileDevice::ExeGroup | QFileDevice::ExeOther;
        if (asUser > 0) {
            // Everything on the way readable by that user (the temporary folder is 0700).
            for (QString d = dir; d.startsWith(m_tmp.path()); d = QFileInfo(d).absolutePath()) {
                QVERIFY(QFile::setPermissions(d, traversable | QFileDevice::WriteOwner));
                if (d == m_tmp.path()) break;
            }
        }
        QDirIterator files(dir, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        std::vector<QString> madeReadOnly;
        while (files.hasNext()) {
            const QString f = files.next();
            QVERIFY(QFile::setPermissions(f, readable));
            madeReadOnly.push_back(f);
        }
        QVERIFY(QFile::setPermissions(dir, traversable));
        const auto restore = qScopeGuard([dir, madeReadOnly] {
            QFile::setPermissions(dir, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
            for (const QString& f : madeReadOnly)
                QFile::setPermissions(f, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        });
        if (asUser == 0) {
            QFile probe(QDir(dir).filePath(QStringLiteral("probe")));
            QVERIFY2(!probe.open(QIODevice::WriteOnly), "the folder stays writable after chmod a-w");
        }
        const QString csv = m_tmp.filePath(QStringLiteral("readonly.csv"));
        QVERIFY(test::writeWholeFile(csv, "video,start_frame,end_frame,label\nclip.mp4,399000,399100,b\n"));
        QVERIFY(QFile::setPermissions(csv, readable));

        // The CLI can run as that user at all (its binary and libraries reachable)?
        if (asUser > 0) {
            const ChildRun help = runLimited(test::CliRunner::program(), {QStringLiteral("--help")}, 0, asUser);
            if (help.exitCode != 0)
                QSKIP(qPrintable(
                    QStringLiteral(
                        "the CLI cannot run as user %1 here (%2): a read-only folder cannot be simulated as root")
                        .arg(asUser)
                        .arg(help.describe().left(200))));
        }
        const ChildRun run = runLimited(test::CliRunner::program(),
                                        {QStringLiteral("labels"), QStringLiteral("import"), dir, csv}, 0, asUser);
        QVERIFY2(run.exitCode == 1, qPrintable(run.describe()));
        QCOMPARE(run.errLines().size(), 1);
        const QString line = run.errLines().first();
        QVERIFY2(line.contains(project->projectFile()), qPrintable(run.describe()));
        QVERIFY2(line.contains(QStringLiteral("cannot save")) || line.contains(QStringLiteral("cannot write")),
                 qPrintable(run.describe()));
        QVERIFY2(line.contains(QStringLiteral("permission denied")), qPrintable(run.describe()));
        QCOMPARE(test::readWholeFile(project->projectFile()), before);
        QVERIFY(Project::load(dir));
        // Nothing left behind in the folder (no temporary file).
        QCOMPARE(QDir(dir).entryList(QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot).size(),
                 int(std::count_if(madeReadOnly.begin(), madeReadOnly.end(), [&dir](const QString& f) {
                     return QFileInfo(f).absolutePath() == QDir(dir).absolutePath();
                 })));
    }
};

QTEST_GUILESS_MAIN(TestCrashSafety)
#include "tst_crashsafety.moc"
