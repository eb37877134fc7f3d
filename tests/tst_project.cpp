// Project: create / save / load, validation of project.json, atomic saves, classes, videos,
// fragment labels, relinking moved videos.
#include "project/Project.h"
#include "project/ProjectFormat.h"
#include "video/FileFingerprint.h"

#include <QDir>
#include <QFile>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <set>

using namespace fl;

namespace {

void writeBytes(const QString& path, int size, quint32 seed)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    QVERIFY2(f.open(QIODevice::WriteOnly), qPrintable(path));
    QRandomGenerator rng(seed);
    QByteArray bytes(size, Qt::Uninitialized);
    for (char& c : bytes) c = char(rng.bounded(256));
    f.write(bytes);
}

QByteArray readAll(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

bool writeText(const QString& path, const QByteArray& text)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(text) == text.size();
}

QStringList twoClasses()
{
    return {QStringLiteral("motion"), QStringLiteral("static")};
}

Project createOrDie(const QString& dir, const QStringList& classes = twoClasses(), FragmentSpec spec = {})
{
    auto p = Project::create(dir, spec, classes);
    if (!p) qFatal("%s", qPrintable(p.error()));
    return *p;
}

int addOrDie(Project& p, const QString& path, qint64 frames, int size, quint32 seed)
{
    writeBytes(path, size, seed);
    auto added = p.addVideo(path, frames, 25.0);
    if (!added) qFatal("%s", qPrintable(added.error()));
    return *added;
}

QStringList entries(const QString& dir)
{
    return QDir(dir).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden, QDir::Name);
}

// A valid project.json for the validation tests; rows replace one piece of it.
const char* const kValidProject = R"({
  "format": "fragmentlab-project",
  "schema": 1,
  "name": "demo",
  "fragment": {"length": 4, "stride": 4, "step": 1},
  "classes": [
    {"name": "motion", "color": "#1f77b4", "shortcut": "1"},
    {"name": "static", "color": "#ff7f0e", "shortcut": "2"}
  ],
  "videos": [
    {
      "path": "media/a.mp4",
      "size": 1000,
      "hash": "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
      "frames": 100,
      "fps": 25,
      "labels": [
        {"start": 0, "end": 40, "class": "motion"},
        {"start": 50, "end": 60, "class": "static"}
      ]
    },
    {
      "path": "media/b.mp4",
      "size": 2000,
      "hash": "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb",
      "frames": 50,
      "fps": 29.97,
      "labels": []
    }
  ]
}
)";

} // namespace

class TestProject : public QObject {
    Q_OBJECT
    // project.json holding `text` is refused with one line that names the file and says `phrase`.
    static void expectLoadFailure(const QString& text, const QString& phrase)
    {
        QTemporaryDir tmp;
        const QString file = tmp.filePath(QStringLiteral("project.json"));
        QVERIFY(writeText(file, text.toUtf8()));
        auto p = Project::load(tmp.path());
        QVERIFY2(!p.ok(), qPrintable(text));
        QVERIFY2(p.error().startsWith(file + QStringLiteral(": ")), qPrintable(p.error()));
        QVERIFY2(p.error().contains(phrase), qPrintable(p.error()));
        QVERIFY2(!p.error().contains(QLatin1Char('\n')), qPrintable(p.error()));
    }

private slots:
    // ------------------------------------------------------------------ create / save / load
    void createMakesFolders()
    {
        QTemporaryDir tmp;
        const QString dir = tmp.filePath(QStringLiteral("new/deeper/proj"));
        Project p = createOrDie(dir);
        QCOMPARE(p.dir(), QDir::cleanPath(dir));
        QCOMPARE(p.name(), QStringLiteral("proj"));
        QCOMPARE(p.projectFile(), dir + QStringLiteral("/project.json"));
        QVERIFY(QFileInfo(p.projectFile()).isFile());
        QVERIFY(QFileInfo(p.modelsDir()).isDir());
        QVERIFY(QFileInfo(p.cacheDir()).isDir());
        QVERIFY(QFileInfo(p.predictionsDir()).isDir());
        QCOMPARE(p.modelsDir(), dir + QStringLiteral("/models"));
        QCOMPARE(p.predictionsDir(), dir + QStringLiteral("/predictions"));
        QCOMPARE(p.indexCacheDir(), dir + QStringLiteral("/cache/index"));
        QCOMPARE(entries(dir), (QStringList{"cache", "models", "predictions", "project.json"}));
    }

    void createRefusals_data()
    {
        QTest::addColumn<int>("length");
        QTest::addColumn<QStringList>("classes");
        QTest::addColumn<bool>("existing");
        QTest::addColumn<QString>("phrase");
        QTest::newRow("existing project") << 4 << twoClasses() << true << "a project already exists";
        QTest::newRow("bad spec") << 1 << twoClasses() << false << "invalid fragment spec";
        QTest::newRow("duplicate class") << 4 << QStringList{"a", "b", "a"} << false << "class \"a\" already exists";
        QTest::newRow("empty class") << 4 << QStringList{"a", " "} << false << "empty class name";
    }
    void createRefusals()
    {
        QFETCH(int, length);
        QFETCH(QStringList, classes);
        QFETCH(bool, existing);
        QFETCH(QString, phrase);
        QTemporaryDir tmp;
        const QString dir = tmp.filePath(QStringLiteral("p"));
        if (existing) createOrDie(dir);
        const QByteArray before = readAll(dir + QStringLiteral("/project.json"));
        FragmentSpec spec;
        spec.length = length;
        auto p = Project::create(dir, spec, classes);
        QVERIFY(!p.ok());
        QVERIFY2(p.error().contains(dir + QStringLiteral("/project.json")), qPrintable(p.error()));
        QVERIFY2(p.error().contains(phrase), qPrintable(p.error()));
        QCOMPARE(readAll(dir + QStringLiteral("/project.json")), before); // untouched / still absent
    }

    void defaultColoursAndShortcuts()
    {
        QTemporaryDir tmp;
        QStringList names;
        for (int i = 0; i < 14; ++i) names << QStringLiteral("c%1").arg(i);
        Project p = createOrDie(tmp.filePath(QStringLiteral("p")), names);
        QCOMPARE(int(p.classes().size()), 14);
        std::set<QString> colors;
        for (int i = 0; i < 14; ++i) {
            const LabelClass& c = p.classes()[size_t(i)];
            QCOMPARE(c.name, names[i]);
            QCOMPARE(c.shortcut, i < 9 ? QString::number(i + 1) : QString());
            QVERIFY2(QRegularExpression(QStringLiteral("^#[0-9a-f]{6}$")).match(c.color).hasMatch(),
                     qPrintable(c.color));
            colors.insert(c.color);
        }
        QCOMPARE(int(colors.size()), 14);
        // Determinism: same names, same colours.
        Project q = createOrDie(tmp.filePath(QStringLiteral("q")), names);
        QCOMPARE(q.classes(), p.classes());
    }

    void saveLoadRoundTrip_data()
    {
        QTest::addColumn<bool>("byFile");
        QTest::newRow("load folder") << false;
        QTest::newRow("load project.json") << true;
    }
    void saveLoadRoundTrip()
    {
        QFETCH(bool, byFile);
        QTemporaryDir tmp;
        const QString dir = tmp.filePath(QStringLiteral("proj"));
        Project p = createOrDie(dir, twoClasses(), *FragmentSpec::make(3, 2, 2));
        p.setName(QStringLiteral("Demo \"project\" ü"));
        QVERIFY(p.addClass(QStringLiteral("jump"), QStringLiteral("#ABCDEF"), QString()));
        QVERIFY(p.setClassShortcut(QStringLiteral("motion"), QStringLiteral("m")));
        QVERIFY(p.setClassColor(QStringLiteral("static"), QStringLiteral("#102030")));
        const int a = addOrDie(p, dir + QStringLiteral("/media/a.mp4"), 300, 5000, 1);
        const int b = addOrDie(p, tmp.filePath(QStringLiteral("outside/b c.mp4")), 77, 6000, 2);
        p.video(b); // accessor works
        QVERIFY(p.setLabel(a, 0, 40, QStringLiteral("motion")));
        QVERIFY(p.setLabel(a, 40, 45, QStringLiteral("jump")));
        QVERIFY(p.setLabel(b, 10, 77, QStringLiteral("static")));
        // Detected scenes and keyframes (picked and by hand) are part of the project.
        SceneCut fade;
        fade.frame = 30;
        fade.kind = SceneCut::Kind::Fade;
        fade.darkStart = 24;
        fade.darkEnd = 30;
        SceneCut dissolve;
        dissolve.frame = 181;
        dissolve.kind = SceneCut::Kind::Dissolve;
        dissolve.spanStart = 170;
        dissolve.spanEnd = 192;
        QVERIFY(!p.setSceneCuts(a, std::vector<qint64>{30, 181}, {fade}));           // one kind per cut
        QVERIFY(!p.setSceneCuts(a, std::vector<qint64>{31, 181}, {fade, dissolve})); // for its frame
        QVERIFY(p.setSceneCuts(a, std::vector<qint64>{30, 181}, {fade, dissolve}));
        QCOMPARE(p.savedSceneCuts(a), (std::vector<SceneCut>{fade, dissolve}));
        QVERIFY(p.setSceneCuts(b, std::vector<qint64>{})); // detected: one scene
        Keyframe picked{12, 0, QStringLiteral("scene 1"), 0.75, 0.5, 1.0, -1, false};
        Keyframe byHand{200, 2, QStringLiteral("scene 3"), 0, 0, 0, -1, true};
        QVERIFY(p.setKeyframes(a, p.savedScenes(a), KeyframeSet({picked, byHand})));
        QCOMPARE(p.savedScenes(a).size(), size_t(3));
        QCOMPARE(p.savedScenes(b).size(), size_t(1));
        QVERIFY(!p.setSceneCuts(a, std::vector<qint64>{300}));    // not inside the video
        QVERIFY(!p.setSceneCuts(a, std::vector<qint64>{40, 40})); // not ascending
        QVERIFY(!p.setKeyframes(a, {}, KeyframeSet({picked})));   // names a segment there is not
        QCOMPARE(p.video(a).sceneCuts, std::optional<std::vector<qint64>>(std::vector<qint64>{30, 181}));
        QCOMPARE(p.video(a).relativePath, QStringLiteral("media/a.mp4"));
        QCOMPARE(p.video(b).relativePath, QStringLiteral("../outside/b c.mp4"));
        QCOMPARE(p.absoluteVideoPath(b), tmp.filePath(QStringLiteral("outside/b c.mp4")));
        QCOMPARE(p.video(a).hash.size(), 64);
        QCOMPARE(p.video(a).size, qint64(5000));
        QVERIFY(p.save());

        auto loaded = Project::load(byFile ? p.projectFile() : dir);
        QVERIFY2(loaded.ok(), qPrintable(loaded.error()));
        QVERIFY(*loaded == p);
        QCOMPARE(loaded->name(), p.name());
        QCOMPARE(loaded->spec(), p.spec());
        QCOMPARE(loaded->classes(), p.classes());
        QCOMPARE(loaded->classes()[2].color, QStringLiteral("#abcdef"));
        QCOMPARE(loaded->classes()[2].shortcut, QString());
        QCOMPARE(loaded->videos(), p.videos());
        QCOMPARE(loaded->dir(), p.dir());
        QCOMPARE(loaded->savedSceneCuts(a), p.savedSceneCuts(a)); // kinds and transitions kept
        QCOMPARE(loaded->savedSceneCuts(a)[1].kind, SceneCut::Kind::Dissolve);

        // The recovery file keeps them too (an unsaved keyframe edit survives a crash).
        QVERIFY(p.setKeyframes(a, p.savedScenes(a), KeyframeSet({byHand})));
        QVERIFY(p.saveAutosave());
        QCOMPARE(Project::pendingAutosave(dir), std::optional<QString>(p.autosaveFile()));
        auto recovered = Project::load(p.autosaveFile());
        QVERIFY2(recovered.ok(), qPrintable(recovered.error()));
        QCOMPARE(recovered->video(a).keyframes, p.video(a).keyframes);
        QCOMPARE(recovered->video(a).sceneCuts, p.video(a).sceneCuts);
        QCOMPARE(recovered->video(a).keyframes.size(), 1);
        QVERIFY(p.setKeyframes(a, p.savedScenes(a), KeyframeSet({picked, byHand})));
        QFile::remove(p.autosaveFile());

        // Deterministic output: saving the loaded project gives the same bytes.
        const QByteArray first = readAll(p.projectFile());
        QVERIFY(loaded->save());
        QCOMPARE(readAll(p.projectFile()), first);
    }

    void savedFormat()
    {
        QTemporaryDir tmp;
        const QString dir = tmp.filePath(QStringLiteral("proj"));
        Project p = createOrDie(dir);
        writeBytes(dir + QStringLiteral("/media/a.mp4"), 1000, 7);
        auto fp = FileFingerprint::of(dir + QStringLiteral("/media/a.mp4"));
        QVERIFY2(fp.ok(), qPrintable(fp.error()));
        auto added = p.addVideo(dir + QStringLiteral("/media/a.mp4"), 100, 29.97);
        QVERIFY2(added.ok(), qPrintable(added.error()));
        QVERIFY(p.setLabel(0, 0, 40, QStringLiteral("motion")));
        QVERIFY(p.setLabel(0, 50, 60, QStringLiteral("static")));
        QVERIFY(p.save());
        const QString expected = QStringLiteral(R"({
  "format": "fragmentlab-project",
  "schema": 1,
  "name": "proj",
  "fragment": {"length": 4, "stride": 4, "step": 1},
  "classes": [
    {"name": "motion", "color": "#1f77b4", "shortcut": "1"},
    {"name": "static", "color": "#ff7f0e", "shortcut": "2"}
  ],
  "videos": [
    {
      "path": "media/a.mp4",
      "size": 1000,
      "hash": "%1",
      "frames": 100,
      "fps": 29.97,
      "labels": [
        {"start": 0, "end": 40, "class": "motion"},
        {"start": 50, "end": 60, "class": "static"}
      ]
    }
  ]
}
)")
                                     .arg(QString::fromLatin1(fp->hash));
        QCOMPARE(QString::fromUtf8(readAll(p.projectFile())), expected);
    }

    void emptyProjectFormat()
    {
        QTemporaryDir tmp;
        Project p = createOrDie(tmp.filePath(QStringLiteral("e")), {});
        QCOMPARE(
            QString::fromUtf8(readAll(p.projectFile())),
            QStringLiteral(
                "{\n  \"format\": \"fragmentlab-project\",\n  \"schema\": 1,\n  \"name\": \"e\",\n"
                "  \"fragment\": {\"length\": 4, \"stride\": 4, \"step\": 1},\n  \"classes\": [],\n  \"videos\": []\n}\n"));
        auto loaded = Project::load(p.dir());
        QVERIFY2(loaded.ok(), qPrintable(loaded.error()));
        QVERIFY(*loaded == p);
    }

    // ------------------------------------------------------------------ validation on load
    // A byte order mark inside a name or path survives writing and reading: Qt's JSON reader
    // drops one written raw inside a string, so the writer escapes it (found by fuzz_project_load).
    void byteOrderMarkSurvivesARoundTrip()
    {
        const QString bom(QChar(0xFEFF));
        const QByteArray file =
            "{\"format\": \"fragmentlab-project\", \"schema\": 1, \"fragment\": {\"length\": 4, \"stride\": 4, \"step\": 1}, \"classes\": [{\"name\": \""
            "\\ufeffa\", \"color\": \"#abcdef\"}], \"videos\": [{\"path\": \"\\ufeffclip one.mkv\", "
            "\"size\": 0, \"hash\": \""
            + QByteArray(64, 'a') + "\", \"frames\": 10, \"fps\": 25, \"labels\": []}]}";
        auto read = ProjectFormat::read(file, QStringLiteral("p/project.json"), QStringLiteral("/p"));
        QVERIFY2(read.ok(), qPrintable(read.error()));
        QCOMPARE(read->classes().at(0).name, bom + QStringLiteral("a"));
        QCOMPARE(read->video(0).relativePath, bom + QStringLiteral("clip one.mkv"));
        const QByteArray written = ProjectFormat::write(*read);
        QVERIFY(written.contains("\\ufeff"));
        auto again = ProjectFormat::read(written, QStringLiteral("p/project.json"), QStringLiteral("/p"));
        QVERIFY2(again.ok(), qPrintable(again.error()));
        QVERIFY(*again == *read);
    }

    void loadValid()
    {
        QTemporaryDir tmp;
        QVERIFY(writeText(tmp.filePath(QStringLiteral("project.json")), kValidProject));
        auto p = Project::load(tmp.path());
        QVERIFY2(p.ok(), qPrintable(p.error()));
        QCOMPARE(p->name(), QStringLiteral("demo"));
        QCOMPARE(p->videoCount(), 2);
        QCOMPARE(p->video(1).fps, 29.97);
        QCOMPARE(p->labels(0).size(), 2);
        QCOMPARE(p->videoIndexByName(QStringLiteral("b.mp4")), 1);
        QCOMPARE(p->videoIndexByName(QStringLiteral("nope.mp4")), -1);
    }

    void loadFailures_data()
    {
        QTest::addColumn<QString>("from");   // replaced in kValidProject ...
        QTest::addColumn<QString>("to");     // ... by this
        QTest::addColumn<QString>("phrase"); // the message must contain this
        auto row = [](const char* tag, const char* from, const char* to, const char* phrase) {
            QTest::newRow(tag) << QString::fromUtf8(from) << QString::fromUtf8(to) << QString::fromUtf8(phrase);
        };
        const char* hashA = "\"hash\": \"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\"";
        row("malformed: missing comma", "\"schema\": 1,", "\"schema\": 1", "malformed JSON at line 4");
        row("malformed: truncated", "\"labels\": []", "\"labels\": [", "malformed JSON at line");
        row("malformed: trailing garbage", "\"name\": \"demo\",", "\"name\": \"demo\" x,",
            "malformed JSON at line 4, column");
        row("not an object", "*", "[1, 2]", "not a JSON object");
        row("empty file", "*", "", "malformed JSON at line 1, column 1");
        row("missing format", "\"format\": \"fragmentlab-project\",", "", "missing field \"format\"");
        row("wrong format", "\"format\": \"fragmentlab-project\"", "\"format\": \"fragmentlab-labels\"",
            "not a FragmentLab project file");
        row("format not string", "\"format\": \"fragmentlab-project\"", "\"format\": 1",
            "format: must be a string (found a number)");
        row("missing schema", "\"schema\": 1,", "", "missing field \"schema\"");
        row("schema as string", "\"schema\": 1", "\"schema\": \"1\"", "schema: must be an integer (found a string)");
        row("newer schema", "\"schema\": 1", "\"schema\": 3",
            "written by a newer FragmentLab (schema 3, this one reads up to 1)");
        row("schema 0", "\"schema\": 1", "\"schema\": 0", "invalid schema 0");
        row("name not string", "\"name\": \"demo\"", "\"name\": []", "name: must be a string (found an array)");
        row("missing fragment", "\"fragment\": {\"length\": 4, \"stride\": 4, \"step\": 1},", "",
            "missing field \"fragment\"");
        row("fragment not object", "\"fragment\": {\"length\": 4, \"stride\": 4, \"step\": 1}", "\"fragment\": 4",
            "fragment: must be an object (found a number)");
        row("fragment length string", "\"length\": 4", "\"length\": \"4\"",
            "fragment.length: must be an integer (found a string)");
        row("fragment missing step", ", \"step\": 1}", "}", "missing field \"fragment.step\"");
        row("fragment length 1", "\"length\": 4", "\"length\": 1",
            "fragment: invalid fragment spec: fragment length 1 is outside 2..64");
        row("fragment length 65", "\"length\": 4", "\"length\": 65", "invalid fragment spec");
        row("fragment stride 0", "\"stride\": 4", "\"stride\": 0", "invalid fragment spec");
        row("fragment step -1", "\"step\": 1", "\"step\": -1", "invalid fragment spec");
        row("fragment length huge", "\"length\": 4", "\"length\": 1e12",
            "fragment.length: 1000000000000 is out of range");
        row("classes missing", "\"classes\": [", "\"klasses\": [", "missing field \"classes\"");
        row("classes not array", "\"classes\": [", "\"classes\": {}, \"x\": [",
            "classes: must be an array (found an object)");
        row("class not object", "{\"name\": \"static\", \"color\": \"#ff7f0e\", \"shortcut\": \"2\"}", "\"static\"",
            "classes[1]: must be an object (found a string)");
        row("class without name", "{\"name\": \"motion\", ", "{", "missing field \"classes[0].name\"");
        row("class name not string", "{\"name\": \"motion\"", "{\"name\": true",
            "classes[0].name: must be a string (found a boolean)");
        row("empty class name", "{\"name\": \"static\"", "{\"name\": \"\"", "classes[1].name: empty class name");
        row("blank class name", "{\"name\": \"static\"", "{\"name\": \"  \"", "classes[1].name: empty class name");
        row("duplicate class", "{\"name\": \"static\"", "{\"name\": \"motion\"",
            "classes[1].name: duplicate class name \"motion\" (also classes[0])");
        row("missing colour", "\"color\": \"#1f77b4\", ", "", "missing field \"classes[0].color\"");
        row("bad colour name", "\"#1f77b4\"", "\"red\"", "classes[0].color: bad colour \"red\"");
        row("bad colour digit", "\"#ff7f0e\"", "\"#ff7f0g\"", "classes[1].color: bad colour");
        row("bad colour short", "\"#ff7f0e\"", "\"#fff\"", "classes[1].color: bad colour");
        row("duplicate shortcut", "\"shortcut\": \"2\"", "\"shortcut\": \"1\"",
            "classes[1].shortcut: duplicate shortcut \"1\" (also classes[0])");
        // Found by fuzz_project_load: a lone surrogate escape was saved as "?" (not the same project).
        row("class name with an unpaired surrogate", "{\"name\": \"static\"", "{\"name\": \"\\ude2dstatic\"",
            "classes[1].name: not valid Unicode text");
        row("video path with an unpaired surrogate", "\"path\": \"", "\"path\": \"\\ud800",
            "path: not valid Unicode text");
        row("duplicate shortcut case", "\"shortcut\": \"1\"",
            "\"shortcut\": \"M\"},{\"name\": \"x\", \"color\": \"#000000\", \"shortcut\": \"m\"",
            "classes[1].shortcut: duplicate shortcut \"m\"");
        row("shortcut two keys", "\"shortcut\": \"2\"", "\"shortcut\": \"23\"", "classes[1].shortcut: bad shortcut");
        row("shortcut not string", "\"shortcut\": \"2\"", "\"shortcut\": 2", "classes[1].shortcut: must be a string");
        row("videos missing", "\"videos\": [", "\"vids\": [", "missing field \"videos\"");
        row("video not object", "\"videos\": [", "\"videos\": [1, ", "videos[0]: must be an object (found a number)");
        row("video path missing", "\"path\": \"media/b.mp4\",", "", "missing field \"videos[1].path\"");
        row("video path empty", "\"path\": \"media/b.mp4\"", "\"path\": \"\"", "videos[1].path: empty video path");
        row("duplicate path", "\"path\": \"media/b.mp4\"", "\"path\": \"media/a.mp4\"",
            "videos[1].path: duplicate video path \"media/a.mp4\" (also videos[0])");
        row("duplicate path, uncleaned", "\"path\": \"media/b.mp4\"", "\"path\": \"media/./x/../a.mp4\"",
            "videos[1].path: duplicate video path");
        row("duplicate file name", "\"path\": \"media/b.mp4\"", "\"path\": \"other/a.mp4\"",
            "videos[1].path: duplicate video file name \"a.mp4\"");
        row("size missing", "\"size\": 2000,", "", "missing field \"videos[1].size\"");
        row("size negative", "\"size\": 2000", "\"size\": -2", "videos[1].size: negative size");
        row("size string", "\"size\": 2000", "\"size\": \"2000\"",
            "videos[1].size: must be an integer (found a string)");
        row("hash missing", (QByteArray(hashA) + ",").constData(), "", "missing field \"videos[0].hash\"");
        row("hash short", hashA, "\"hash\": \"abc\"", "videos[0].hash: bad content hash");
        row("hash uppercase", hashA, "\"hash\": \"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\"",
            "videos[0].hash: bad content hash");
        row("frames missing", "\"frames\": 50,", "", "missing field \"videos[1].frames\"");
        row("frames fractional", "\"frames\": 50", "\"frames\": 50.5",
            "videos[1].frames: must be an integer (found 50.5)");
        row("frames negative", "\"frames\": 50", "\"frames\": -1", "videos[1].frames: negative frame count");
        row("fps missing", "\"fps\": 25,", "", "missing field \"videos[0].fps\"");
        row("fps zero", "\"fps\": 25", "\"fps\": 0", "videos[0].fps: frame rate 0 is not positive");
        row("fps null", "\"fps\": 25", "\"fps\": null", "videos[0].fps: must be a number (found null)");
        row("labels not array", "\"labels\": []", "\"labels\": {}",
            "videos[1].labels: must be an array (found an object)");
        row("label not object", "{\"start\": 50, \"end\": 60, \"class\": \"static\"}", "[50, 60]",
            "videos[0].labels[1]: must be an object (found an array)");
        row("label end missing", "\"end\": 60, ", "", "missing field \"videos[0].labels[1].end\"");
        row("label end string", "\"end\": 60", "\"end\": \"60\"",
            "videos[0].labels[1].end: must be an integer (found a string)");
        row("label start fractional", "\"start\": 50", "\"start\": 50.25",
            "videos[0].labels[1].start: must be an integer");
        row("label class missing", ", \"class\": \"static\"", "", "missing field \"videos[0].labels[1].class\"");
        row("unknown class", "\"class\": \"static\"", "\"class\": \"jump\"",
            "videos[0].labels[1].class: unknown class \"jump\"");
        row("start equals end", "\"start\": 50, \"end\": 60", "\"start\": 60, \"end\": 60",
            "videos[0].labels[1]: empty range [60, 60)");
        row("start after end", "\"start\": 50, \"end\": 60", "\"start\": 61, \"end\": 60",
            "videos[0].labels[1]: empty range");
        row("negative start", "\"start\": 0, \"end\": 40", "\"start\": -5, \"end\": 40",
            "videos[0].labels[0]: range [-5, 40) outside the video (100 frames)");
        row("end past the video", "\"start\": 50, \"end\": 60", "\"start\": 50, \"end\": 101",
            "videos[0].labels[1]: range [50, 101) outside the video");
        row("label on second video outside", "\"labels\": []",
            "\"labels\": [{\"start\": 0, \"end\": 51, \"class\": \"motion\"}]",
            "videos[1].labels[0]: range [0, 51) outside the video (50 frames)");
        row("overlapping ranges", "\"start\": 50, \"end\": 60", "\"start\": 30, \"end\": 60",
            "videos[0].labels[1]: range [30, 60) overlaps videos[0].labels[0] [0, 40)");
        row("overlapping, out of order", "\"labels\": []",
            "\"labels\": [{\"start\": 20, \"end\": 30, \"class\": \"motion\"}, {\"start\": 0, \"end\": 21, \"class\": \"motion\"}]",
            "videos[1].labels[0]: range [20, 30) overlaps videos[1].labels[1] [0, 21)");
    }
    void loadFailuresOfScenesAndKeyframes_data()
    {
        QTest::addColumn<QString>("to"); // replaces the second video's "labels": []
        QTest::addColumn<QString>("phrase");
        auto row = [](const char* tag, const char* to, const char* phrase) {
            QTest::newRow(tag) << QString::fromUtf8(to) << QString::fromUtf8(phrase);
        };
        row("cut at 0", "\"labels\": [], \"scene_cuts\": [0]",
            "videos[1].scene_cuts[0]: scene cut 0 is not a frame in (0, 50)");
        row("cut past the end", "\"labels\": [], \"scene_cuts\": [10, 50]",
            "videos[1].scene_cuts[1]: scene cut 50 is not a frame in (0, 50)");
        row("cut not a number", "\"labels\": [], \"scene_cuts\": [\"10\"]",
            "videos[1].scene_cuts[0]: scene cut a string");
        row("cut fraction", "\"labels\": [], \"scene_cuts\": [10.5]",
            "videos[1].scene_cuts[0]: scene cut 10.5 is not a frame");
        row("cuts descending", "\"labels\": [], \"scene_cuts\": [20, 10]",
            "videos[1].scene_cuts[1]: scene cuts must ascend (10 after 20)");
        row("kinds not one per cut",
            "\"labels\": [], \"scene_cuts\": [10, 20], \"scene_cut_kinds\": [{\"kind\": \"cut\"}]",
            "videos[1].scene_cut_kinds: 1 kinds for 2 scene cuts");
        row("kind unknown", "\"labels\": [], \"scene_cuts\": [10], \"scene_cut_kinds\": [{\"kind\": \"wipe\"}]",
            "videos[1].scene_cut_kinds[0].kind: \"wipe\" is not cut, fade or dissolve");
        row("fade frames outside",
            "\"labels\": [], \"scene_cuts\": [10], \"scene_cut_kinds\": [{\"kind\": \"fade\", \"from\": 5, \"to\": 60}]",
            "videos[1].scene_cut_kinds[0]: transition frames 5 to 60 are not in 0..50");
        row("segment outside", "\"labels\": [], \"keyframe_segments\": [{\"start\": 0, \"end\": 51, \"label\": \"s\"}]",
            "videos[1].keyframe_segments[0]: segment [0, 51) is empty or outside the video (50 frames)");
        row("segments overlap",
            "\"labels\": [], \"keyframe_segments\": [{\"start\": 0, \"end\": 20, \"label\": \"a\"}, {\"start\": 10, \"end\": 30, \"label\": \"b\"}]",
            "videos[1].keyframe_segments[1]: segment [10, 30) overlaps the one before");
        const char* key =
            "\"labels\": [], \"keyframes\": [{\"frame\": %1, \"segment\": %2, \"label\": \"\", \"manual\": %3, \"score\": %4, "
            "\"sharpness\": 0, \"representativeness\": 0, \"confidence\": -1}]";
        QTest::newRow("keyframe outside")
            << QString::fromUtf8(key).arg(50).arg(-1).arg(QStringLiteral("true")).arg(0)
            << QStringLiteral("videos[1].keyframes[0].frame: frame 50 is outside the video (50 frames)");
        QTest::newRow("keyframe segment")
            << QString::fromUtf8(key).arg(5).arg(0).arg(QStringLiteral("true")).arg(0)
            << QStringLiteral("videos[1].keyframes[0].segment: segment 0 of 0 keyframe segments");
        QTest::newRow("manual not bool") << QString::fromUtf8(key).arg(5).arg(-1).arg(QStringLiteral("1")).arg(0)
                                         << QStringLiteral("videos[1].keyframes[0].manual: expected true or false");
        QTest::newRow("score above 1") << QString::fromUtf8(key).arg(5).arg(-1).arg(QStringLiteral("false")).arg(2)
                                       << QStringLiteral("videos[1].keyframes[0].score: 2 is outside [0, 1]");
    }
    void loadFailuresOfScenesAndKeyframes()
    {
        QFETCH(QString, to);
        QFETCH(QString, phrase);
        QString text = QString::fromUtf8(kValidProject);
        const QString from = QStringLiteral("\"labels\": []");
        QVERIFY(text.contains(from));
        text.replace(text.indexOf(from), from.size(), to);
        expectLoadFailure(text, phrase);
    }

    void loadFailures()
    {
        QFETCH(QString, from);
        QFETCH(QString, to);
        QFETCH(QString, phrase);
        QString text = QString::fromUtf8(kValidProject);
        if (from == QLatin1String("*")) {
            text = to;
        } else {
            QVERIFY2(text.contains(from), qPrintable(from));
            text.replace(text.indexOf(from), from.size(), to);
        }
        expectLoadFailure(text, phrase);
    }

    void loadFileProblems()
    {
        QTemporaryDir tmp;
        // A folder without a project.
        auto none = Project::load(tmp.path());
        QVERIFY(!none.ok());
        QVERIFY2(none.error().contains(tmp.filePath(QStringLiteral("project.json")))
                     && none.error().contains(QStringLiteral("not found")),
                 qPrintable(none.error()));
        // A path that does not exist.
        const QString missing = tmp.filePath(QStringLiteral("nowhere/project.json"));
        auto gone = Project::load(missing);
        QVERIFY(!gone.ok());
        QVERIFY2(gone.error().contains(missing) && gone.error().contains(QStringLiteral("not found")),
                 qPrintable(gone.error()));
        // project.json that is a folder.
        QVERIFY(QDir().mkpath(tmp.filePath(QStringLiteral("p/project.json"))));
        auto folder = Project::load(tmp.filePath(QStringLiteral("p")));
        QVERIFY(!folder.ok());
        QVERIFY2(folder.error().contains(QStringLiteral("is a folder")), qPrintable(folder.error()));
        // An empty file.
        QVERIFY(writeText(tmp.filePath(QStringLiteral("e/project.json")), QByteArray()));
        auto empty = Project::load(tmp.filePath(QStringLiteral("e")));
        QVERIFY(!empty.ok());
        QVERIFY2(empty.error().contains(QStringLiteral("malformed JSON at line 1")), qPrintable(empty.error()));
        // Unreadable (not when root can read anything).
        const QString locked = tmp.filePath(QStringLiteral("l/project.json"));
        QVERIFY(writeText(locked, kValidProject));
        QFile::setPermissions(locked, QFileDevice::WriteOwner);
        QFile probe(locked);
        if (!probe.open(QIODevice::ReadOnly)) {
            auto unreadable = Project::load(locked);
            QVERIFY(!unreadable.ok());
            QVERIFY2(unreadable.error().contains(locked) && unreadable.error().contains(QStringLiteral("cannot read")),
                     qPrintable(unreadable.error()));
        }
        probe.close();
        QFile::setPermissions(locked, QFileDevice::WriteOwner | QFileDevice::ReadOwner);
    }

    void loadMergesTouchingRangesAndAcceptsOptionalFields()
    {
        QString text = QString::fromUtf8(kValidProject);
        text.replace(
            QStringLiteral("\"labels\": []"),
            QStringLiteral(
                "\"labels\": [{\"start\": 10, \"end\": 20, \"class\": \"motion\"}, {\"start\": 0, \"end\": 10, \"class\": \"motion\"}]"));
        text.replace(QStringLiteral(", \"shortcut\": \"2\""), QString()); // shortcut is optional
        text.replace(QStringLiteral("\"name\": \"demo\",\n"), QString()); // so is the name
        QTemporaryDir tmp;
        QVERIFY(writeText(tmp.filePath(QStringLiteral("proj/project.json")), text.toUtf8()));
        auto p = Project::load(tmp.filePath(QStringLiteral("proj")));
        QVERIFY2(p.ok(), qPrintable(p.error()));
        QCOMPARE(p->labels(1).ranges(), (std::vector<LabelRange>{{0, 20, QStringLiteral("motion")}}));
        QCOMPARE(p->classes()[1].shortcut, QString());
        QCOMPARE(p->name(), QStringLiteral("proj"));
    }

    // ------------------------------------------------------------------ atomic saves
    void saveLeavesNoTemporaryFile()
    {
        QTemporaryDir tmp;
        const QString dir = tmp.filePath(QStringLiteral("p"));
        Project p = createOrDie(dir);
        for (int i = 0; i < 3; ++i) {
            QVERIFY(p.addClass(QStringLiteral("extra%1").arg(i)));
            const Status s = p.save();
            QVERIFY2(s.ok(), qPrintable(s.error()));
            QCOMPARE(entries(dir), (QStringList{"cache", "models", "predictions", "project.json"}));
            auto loaded = Project::load(dir);
            QVERIFY2(loaded.ok(), qPrintable(loaded.error()));
            QVERIFY(*loaded == p);
        }
    }

    void saveFailures_data()
    {
        QTest::addColumn<QString>("how");
        QTest::newRow("read-only folder") << "readonly";
        QTest::newRow("folder in the way") << "folder";
        QTest::newRow("project folder gone") << "gone";
    }
    void saveFailures()
    {
        QFETCH(QString, how);
        QTemporaryDir tmp;
        const QString dir = tmp.filePath(QStringLiteral("p"));
        Project p = createOrDie(dir);
        const QByteArray before = readAll(p.projectFile());
        QVERIFY(p.addClass(QStringLiteral("new")));
        if (how == QLatin1String("readonly")) {
            QFile::setPermissions(dir, QFileDevice::ReadOwner | QFileDevice::ExeOwner);
            QFile probe(dir + QStringLiteral("/probe"));
            if (probe.open(QIODevice::WriteOnly)) {
                probe.close();
                probe.remove();
                QFile::setPermissions(dir, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
                QSKIP("this user can write into a read-only folder (root)");
            }
        } else if (how == QLatin1String("folder")) {
            QVERIFY(QFile::remove(p.projectFile()));
            QVERIFY(QDir().mkdir(p.projectFile()));
        } else {
            QVERIFY(QDir(dir).removeRecursively());
        }
        const Status s = p.save();
        QFile::setPermissions(dir, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
        QVERIFY(!s.ok());
        QVERIFY2(s.error().contains(p.projectFile()), qPrintable(s.error()));
        QVERIFY2(s.error().contains(QStringLiteral("cannot save")), qPrintable(s.error()));
        if (how == QLatin1String("readonly")) {
            QCOMPARE(readAll(p.projectFile()), before); // old file intact
            QCOMPARE(entries(dir), (QStringList{"cache", "models", "predictions", "project.json"}));
        }
    }

    void autosave()
    {
        QTemporaryDir tmp;
        const QString dir = tmp.filePath(QStringLiteral("p"));
        Project p = createOrDie(dir);
        QVERIFY(!Project::pendingAutosave(dir));
        QVERIFY(p.addClass(QStringLiteral("unsaved")));
        QVERIFY(p.saveAutosave());
        const auto pending = Project::pendingAutosave(dir);
        QVERIFY(pending);
        QCOMPARE(*pending, p.autosaveFile());
        auto recovered = Project::load(*pending);
        QVERIFY2(recovered.ok(), qPrintable(recovered.error()));
        QVERIFY(*recovered == p);
        QCOMPARE(recovered->projectFile(), p.projectFile()); // saving the recovery writes project.json
        QVERIFY(recovered->save());
        QVERIFY(!QFileInfo::exists(p.autosaveFile()));
        QVERIFY(!Project::pendingAutosave(dir));
    }

    // ------------------------------------------------------------------ save as
    void saveAs()
    {
        QTemporaryDir tmp;
        const QString dir = tmp.filePath(QStringLiteral("old"));
        Project p = createOrDie(dir);
        addOrDie(p, dir + QStringLiteral("/media/a.mp4"), 10, 3000, 1);
        addOrDie(p, tmp.filePath(QStringLiteral("shared/b.mp4")), 20, 3001, 2);
        QVERIFY(p.setLabel(0, 0, 5, QStringLiteral("motion")));
        QVERIFY(p.save());
        const QString a = p.absoluteVideoPath(0), b = p.absoluteVideoPath(1);

        const QString newDir = tmp.filePath(QStringLiteral("x/y/new"));
        const Status s = p.saveAs(newDir);
        QVERIFY2(s.ok(), qPrintable(s.error()));
        QCOMPARE(p.dir(), newDir);
        QCOMPARE(p.video(0).relativePath, QStringLiteral("../../../old/media/a.mp4"));
        QCOMPARE(p.video(1).relativePath, QStringLiteral("../../../shared/b.mp4"));
        QCOMPARE(p.absoluteVideoPath(0), a);
        QCOMPARE(p.absoluteVideoPath(1), b);
        QVERIFY(p.missingVideos().empty());
        for (const QString& sub : {QStringLiteral("models"), QStringLiteral("cache"), QStringLiteral("predictions")})
            QVERIFY(QFileInfo(newDir + QLatin1Char('/') + sub).isDir());
        auto loaded = Project::load(newDir);
        QVERIFY2(loaded.ok(), qPrintable(loaded.error()));
        QVERIFY(*loaded == p);
        // The old project is still there, unchanged.
        auto old = Project::load(dir);
        QVERIFY2(old.ok(), qPrintable(old.error()));
        QCOMPARE(old->video(0).relativePath, QStringLiteral("media/a.mp4"));

        // Refuses a folder that already holds a project, and stays as it was.
        const Project before = p;
        const Status again = p.saveAs(dir);
        QVERIFY(!again.ok());
        QVERIFY2(again.error().contains(dir + QStringLiteral("/project.json"))
                     && again.error().contains(QStringLiteral("already exists")),
                 qPrintable(again.error()));
        QVERIFY(p == before);
    }

    // ------------------------------------------------------------------ classes
    void classEdits()
    {
        QTemporaryDir tmp;
        const QString dir = tmp.filePath(QStringLiteral("p"));
        Project p = createOrDie(dir, {QStringLiteral("motion"), QStringLiteral("static"), QStringLiteral("jump")});
        addOrDie(p, dir + QStringLiteral("/a.mp4"), 100, 1000, 1);
        addOrDie(p, dir + QStringLiteral("/b.mp4"), 100, 1001, 2);
        QVERIFY(p.setLabel(0, 0, 10, QStringLiteral("motion")));
        QVERIFY(p.setLabel(0, 10, 20, QStringLiteral("static")));
        QVERIFY(p.setLabel(0, 20, 30, QStringLiteral("motion")));
        QVERIFY(p.setLabel(1, 0, 8, QStringLiteral("static")));
        QVERIFY(p.setLabel(1, 8, 16, QStringLiteral("jump")));

        // Rename: labels follow.
        QVERIFY(p.renameClass(QStringLiteral("static"), QStringLiteral("still")));
        QCOMPARE(p.classIndex(QStringLiteral("still")), 1);
        QCOMPARE(p.classIndex(QStringLiteral("static")), -1);
        QCOMPARE(p.labels(0).classAt(15).value_or(QString()), QStringLiteral("still"));
        QCOMPARE(p.labels(1).classAt(0).value_or(QString()), QStringLiteral("still"));
        // Refused renames.
        QVERIFY(!p.renameClass(QStringLiteral("still"), QStringLiteral("motion")));
        QVERIFY(!p.renameClass(QStringLiteral("nope"), QStringLiteral("x")));
        QVERIFY(!p.renameClass(QStringLiteral("still"), QStringLiteral(" ")));
        QVERIFY(!p.addClass(QStringLiteral("motion")));
        QVERIFY(!p.addClass(QStringLiteral("x"), QStringLiteral("blue")));
        QVERIFY(!p.addClass(QStringLiteral("x"), QString(), QStringLiteral("1"))); // key in use
        QVERIFY(!p.setClassShortcut(QStringLiteral("jump"), QStringLiteral("1")));
        QVERIFY(!p.setClassShortcut(QStringLiteral("jump"), QStringLiteral("ab")));
        QVERIFY(!p.setClassColor(QStringLiteral("jump"), QStringLiteral("#12")));
        QVERIFY(p.setClassShortcut(QStringLiteral("jump"), QString()));
        QCOMPARE(p.classes()[2].shortcut, QString());

        // Remove: its labels go, the count of removed ranges comes back.
        auto removed = p.removeClass(QStringLiteral("still"));
        QVERIFY(removed.ok());
        QCOMPARE(*removed, 2);
        QCOMPARE(p.classIndex(QStringLiteral("still")), -1);
        QCOMPARE(p.labels(0).ranges(),
                 (std::vector<LabelRange>{{0, 10, QStringLiteral("motion")}, {20, 30, QStringLiteral("motion")}}));
        QCOMPARE(p.labels(1).ranges(), (std::vector<LabelRange>{{8, 16, QStringLiteral("jump")}}));
        QVERIFY(!p.removeClass(QStringLiteral("still")).ok());
        QVERIFY(!p.setLabel(0, 0, 5, QStringLiteral("still")));

        // Move.
        QVERIFY(p.moveClass(1, 0));
        QCOMPARE(p.classNames(), (QStringList{"jump", "motion"}));
        QVERIFY(!p.moveClass(0, 2));

        // A new class takes the first unused colour and key.
        QVERIFY(p.addClass(QStringLiteral("fresh")));
        QCOMPARE(p.classes().back().shortcut, QStringLiteral("2"));
        QCOMPARE(p.classes().back().color, QStringLiteral("#ff7f0e")); // static's colour is free again

        // Survives save/load.
        QVERIFY(p.save());
        auto loaded = Project::load(dir);
        QVERIFY2(loaded.ok(), qPrintable(loaded.error()));
        QVERIFY(*loaded == p);
    }

    void labelEdits()
    {
        QTemporaryDir tmp;
        const QString dir = tmp.filePath(QStringLiteral("p"));
        Project p = createOrDie(dir);
        addOrDie(p, dir + QStringLiteral("/a.mp4"), 100, 1000, 1);
        QVERIFY(p.setLabel(0, 0, 100, QStringLiteral("motion")));
        QVERIFY(p.clearLabel(0, 10, 20));
        QCOMPARE(p.labels(0).size(), 2);
        QCOMPARE(p.labels(0).labeledFrames(), qint64(90));
        const Project before = p;
        const struct {
            int video;
            qint64 start, end;
            const char* cls;
            const char* phrase;
        } bad[] = {
            {0, 10, 10, "motion", "empty range"},         {0, 20, 10, "motion", "empty range"},
            {0, -1, 10, "motion", "outside the video"},   {0, 90, 101, "motion", "outside the video"},
            {0, 0, 10, "jump", "unknown class \"jump\""}, {1, 0, 10, "motion", "no video 1"},
            {-1, 0, 10, "motion", "no video -1"},
        };
        for (const auto& b : bad) {
            const Status s = p.setLabel(b.video, b.start, b.end, QString::fromLatin1(b.cls));
            QVERIFY(!s.ok());
            QVERIFY2(s.error().contains(QString::fromLatin1(b.phrase)), qPrintable(s.error()));
        }
        QVERIFY(!p.clearLabel(0, 50, 200));
        QVERIFY(p == before);
    }

    // ------------------------------------------------------------------ fragments
    void fragmentLabel_data()
    {
        QTest::addColumn<int>("length");
        QTest::addColumn<int>("stride");
        QTest::addColumn<int>("step");
        QTest::addColumn<qint64>("frames");
        QTest::addColumn<QString>("labels");       // "start end class|..."
        QTest::addColumn<QStringList>("expected"); // label of fragment 0, 1, ... ("" = none); one past the last too
        // T=4 S=4 K=1, 24 frames: fragments [0,4) [4,8) ... [20,24).
        QTest::newRow("T4 S4 K1") << 4 << 4 << 1 << qint64(24) << "0 8 motion|8 12 static|14 20 motion"
                                  << QStringList{"motion", "motion", "static", "", "motion", "", ""};
        // Partial overlap at the start, and a fragment fully inside a longer range.
        QTest::newRow("T4 S4 K1 offset") << 4 << 4 << 1 << qint64(16) << "2 16 motion"
                                         << QStringList{"", "motion", "motion", "motion", ""};
        // T=3 S=2 K=2: fragment j = {2j, 2j+2, 2j+4}, span 5; 20 frames -> 8 fragments.
        // [5,9) and [9,20) static merge into [5,20).
        QTest::newRow("T3 S2 K2") << 3 << 2 << 2 << qint64(20) << "0 5 motion|5 9 static|9 20 static"
                                  << QStringList{"motion", "",       "",       "static", "static",
                                                 "static", "static", "static", ""};
        // Same spec, a gap at frame 9 that the fragment's frames (6, 8, 10) skip: still two ranges, no label.
        QTest::newRow("T3 S2 K2 gap") << 3 << 2 << 2 << qint64(20) << "0 5 motion|5 9 static|10 20 static"
                                      << QStringList{"motion", "", "", "", "", "static", "static", "static", ""};
        // Overlapping fragments (S=1).
        QTest::newRow("T2 S1 K1") << 2 << 1 << 1 << qint64(6) << "0 3 motion|3 6 static"
                                  << QStringList{"motion", "motion", "", "static", "static", ""};
    }
    void fragmentLabel()
    {
        QFETCH(int, length);
        QFETCH(int, stride);
        QFETCH(int, step);
        QFETCH(qint64, frames);
        QFETCH(QString, labels);
        QFETCH(QStringList, expected);
        QTemporaryDir tmp;
        const QString dir = tmp.filePath(QStringLiteral("p"));
        auto spec = FragmentSpec::make(length, stride, step);
        QVERIFY(spec.ok());
        Project p = createOrDie(dir, twoClasses(), *spec);
        addOrDie(p, dir + QStringLiteral("/v.mp4"), frames, 1000, 1);
        for (const QString& r : labels.split(QLatin1Char('|'))) {
            const QStringList f = r.split(QLatin1Char(' '));
            QVERIFY(p.setLabel(0, f[0].toLongLong(), f[1].toLongLong(), f[2]));
        }
        QCOMPARE(p.spec().count(frames), qint64(expected.size() - 1));
        QMap<QString, qint64> counted{{QStringLiteral("motion"), 0}, {QStringLiteral("static"), 0}};
        for (int j = 0; j < expected.size(); ++j) {
            const auto label = p.fragmentLabel(0, j);
            QCOMPARE(label.value_or(QString()), expected[j]);
            // Same answer as asking the track with the fragment's frames.
            if (j < expected.size() - 1) QCOMPARE(p.labels(0).labelForFrames(p.spec().frames(j)), label);
            if (label) ++counted[*label];
        }
        QVERIFY(!p.fragmentLabel(0, -1));
        QVERIFY(!p.fragmentLabel(1, 0));
        QCOMPARE(p.labeledFragmentCounts(), counted);
        QCOMPARE(p.labeledFragmentCounts(0), counted);
    }

    void labeledFragmentCountsOverVideos()
    {
        QTemporaryDir tmp;
        const QString dir = tmp.filePath(QStringLiteral("p"));
        Project p = createOrDie(dir, {QStringLiteral("motion"), QStringLiteral("static"), QStringLiteral("unused")});
        addOrDie(p, dir + QStringLiteral("/a.mp4"), 40, 1000, 1);
        addOrDie(p, dir + QStringLiteral("/b.mp4"), 40, 1001, 2);
        QVERIFY(p.setLabel(0, 0, 16, QStringLiteral("motion")));  // 4 fragments
        QVERIFY(p.setLabel(0, 16, 22, QStringLiteral("static"))); // 1 (16..19)
        QVERIFY(p.setLabel(1, 2, 40, QStringLiteral("motion")));  // fragments 1..9: 9
        const QMap<QString, qint64> expected{{QStringLiteral("motion"), 13},
                                             {QStringLiteral("static"), 1},
                                             {QStringLiteral("unused"), 0}};
        QCOMPARE(p.labeledFragmentCounts(), expected);
    }

    // ------------------------------------------------------------------ videos
    void addVideoRefusals()
    {
        QTemporaryDir tmp;
        const QString dir = tmp.filePath(QStringLiteral("p"));
        Project p = createOrDie(dir);
        const QString a = dir + QStringLiteral("/media/a.mp4");
        addOrDie(p, a, 100, 5000, 1);
        QCOMPARE(p.video(0).fileName(), QStringLiteral("a.mp4"));
        QCOMPARE(p.videoIndexByName(QStringLiteral("a.mp4")), 0);
        QCOMPARE(p.video(0).frameCount, qint64(100));
        QCOMPARE(p.video(0).fps, 25.0);
        const Project before = p;

        // The same path again (also spelled differently).
        auto again = p.addVideo(a, 100, 25);
        QVERIFY(!again.ok());
        QVERIFY2(again.error().contains(a) && again.error().contains(QStringLiteral("already in the project")),
                 qPrintable(again.error()));
        auto spelled = p.addVideo(dir + QStringLiteral("/media/../media/./a.mp4"), 100, 25);
        QVERIFY(!spelled.ok());
        QVERIFY2(spelled.error().contains(QStringLiteral("already in the project")), qPrintable(spelled.error()));

        // Same content under another name.
        const QString copy = tmp.filePath(QStringLiteral("elsewhere/copy.mp4"));
        QDir().mkpath(QFileInfo(copy).absolutePath());
        QVERIFY(QFile::copy(a, copy));
        auto dup = p.addVideo(copy, 100, 25);
        QVERIFY(!dup.ok());
        QVERIFY2(dup.error().contains(copy) && dup.error().contains(QStringLiteral("same content as media/a.mp4")),
                 qPrintable(dup.error()));

        // Different content, same file name.
        const QString other = tmp.filePath(QStringLiteral("elsewhere/a.mp4"));
        writeBytes(other, 5001, 9);
        auto sameName = p.addVideo(other, 100, 25);
        QVERIFY(!sameName.ok());
        QVERIFY2(sameName.error().contains(QStringLiteral("already has a video named a.mp4")),
                 qPrintable(sameName.error()));

        // Missing file, bad numbers.
        auto missing = p.addVideo(tmp.filePath(QStringLiteral("none.mp4")), 100, 25);
        QVERIFY(!missing.ok());
        QVERIFY2(missing.error().contains(tmp.filePath(QStringLiteral("none.mp4")))
                     && missing.error().contains(QStringLiteral("not found")),
                 qPrintable(missing.error()));
        writeBytes(tmp.filePath(QStringLiteral("c.mp4")), 10, 3);
        QVERIFY(!p.addVideo(tmp.filePath(QStringLiteral("c.mp4")), -1, 25).ok());
        QVERIFY(!p.addVideo(tmp.filePath(QStringLiteral("c.mp4")), 10, 0).ok());
        QVERIFY(p == before);

        // A genuinely new one works, and removeVideo takes it out again.
        auto added = p.addVideo(tmp.filePath(QStringLiteral("c.mp4")), 10, 30);
        QVERIFY2(added.ok(), qPrintable(added.error()));
        QCOMPARE(*added, 1);
        QCOMPARE(p.video(1).relativePath, QStringLiteral("../c.mp4"));
        QVERIFY(p.removeVideo(1));
        QVERIFY(!p.removeVideo(1));
        QVERIFY(p == before);
    }

    // ------------------------------------------------------------------ relinking
    void relinkFindsMovedVideo()
    {
        QTemporaryDir tmp;
        const QString dir = tmp.filePath(QStringLiteral("p"));
        Project p = createOrDie(dir);
        const QString a = dir + QStringLiteral("/media/a.mp4");
        const QString b = dir + QStringLiteral("/media/b.mp4");
        addOrDie(p, a, 100, 70000, 1);
        addOrDie(p, b, 50, 80000, 2);
        QVERIFY(p.setLabel(0, 0, 10, QStringLiteral("motion")));
        QVERIFY(p.missingVideos().empty());

        // a.mp4 moves to another folder, two levels down, under a new name; a decoy of the
        // same size but different content sits where the search meets it first.
        const QString moved = tmp.filePath(QStringLiteral("archive/2024/clips/renamed.mp4"));
        QDir().mkpath(QFileInfo(moved).absolutePath());
        QVERIFY(QFile::copy(a, moved));
        QVERIFY(QFile::remove(a));
        writeBytes(tmp.filePath(QStringLiteral("archive/decoy.mp4")), 70000, 99);
        writeBytes(tmp.filePath(QStringLiteral("archive/2024/other.mp4")), 123, 5);
        QCOMPARE(p.missingVideos(), std::vector<int>{0});

        auto found = p.relink(tmp.filePath(QStringLiteral("archive")));
        QVERIFY2(found.ok(), qPrintable(found.error()));
        QCOMPARE(*found, 1);
        QVERIFY(p.missingVideos().empty());
        QCOMPARE(p.absoluteVideoPath(0), moved);
        QCOMPARE(p.video(0).relativePath, QStringLiteral("../archive/2024/clips/renamed.mp4"));
        QCOMPARE(p.video(0).fileName(), QStringLiteral("renamed.mp4"));
        QCOMPARE(p.labels(0).ranges().size(), size_t(1)); // labels kept
        QCOMPARE(p.absoluteVideoPath(1), b);

        QVERIFY(p.save());
        auto loaded = Project::load(dir);
        QVERIFY2(loaded.ok(), qPrintable(loaded.error()));
        QVERIFY(loaded->missingVideos().empty());
        QCOMPARE(loaded->absoluteVideoPath(0), moved);
    }

    void relinkMissesChangedOrAbsentFiles()
    {
        QTemporaryDir tmp;
        const QString dir = tmp.filePath(QStringLiteral("p"));
        Project p = createOrDie(dir);
        const QString a = dir + QStringLiteral("/media/a.mp4");
        addOrDie(p, a, 100, 4000, 1);
        // Overwritten with different content of a different size: missing.
        writeBytes(a, 4100, 2);
        QCOMPARE(p.missingVideos(), std::vector<int>{0});
        // Only a same-size file with other content in the search folder: nothing found.
        writeBytes(tmp.filePath(QStringLiteral("search/x.mp4")), 4000, 3);
        const Project before = p;
        auto found = p.relink(tmp.filePath(QStringLiteral("search")));
        QVERIFY2(found.ok(), qPrintable(found.error()));
        QCOMPARE(*found, 0);
        QVERIFY(p == before);
        // Not a folder.
        auto bad = p.relink(tmp.filePath(QStringLiteral("nowhere")));
        QVERIFY(!bad.ok());
        QVERIFY2(bad.error().contains(tmp.filePath(QStringLiteral("nowhere"))), qPrintable(bad.error()));
        // Depth bound: a copy too deep is not found.
        QString deep = tmp.filePath(QStringLiteral("deep"));
        for (int i = 0; i <= Project::kMaxRelinkDepth; ++i) deep += QStringLiteral("/d");
        writeBytes(deep + QStringLiteral("/a.mp4"), 4000, 1);
        auto tooDeep = p.relink(tmp.filePath(QStringLiteral("deep")));
        QVERIFY(tooDeep.ok());
        QCOMPARE(*tooDeep, 0);
        // relinkVideo on that file directly works; on a wrong file it says why.
        QVERIFY(p.relinkVideo(0, deep + QStringLiteral("/a.mp4")));
        QVERIFY(p.missingVideos().empty());
        const Status wrong = p.relinkVideo(0, tmp.filePath(QStringLiteral("search/x.mp4")));
        QVERIFY(!wrong.ok());
        QVERIFY2(wrong.error().contains(QStringLiteral("different content")), qPrintable(wrong.error()));
    }
};

QTEST_GUILESS_MAIN(TestProject)
#include "tst_project.moc"
