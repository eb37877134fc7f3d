#include "document/ProjectDocument.h"

#include "document/LabelPatchCommand.h"
#include "document/ProjectEditCommand.h"

#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QUndoStack>

#include <algorithm>

Q_LOGGING_CATEGORY(lcDocument, "fragmentlab.ui.document", QtInfoMsg)

namespace fl {

ProjectDocument::ProjectDocument(QObject* parent) : QObject(parent), m_undo(new QUndoStack(this))
{
    connect(m_undo, &QUndoStack::cleanChanged, this, [this] { updateModified(); });
    connect(&m_autosaveTimer, &QTimer::timeout, this, [this] {
        if (auto status = autosaveNow(); !status) emit autosaveFailed(status.error());
    });
    setAutosaveInterval(m_autosaveSeconds);
}

ProjectDocument::~ProjectDocument() = default;

// ---------------------------------------------------------------------------------------
// Files

void ProjectDocument::replaceProject(Project project, bool recovered)
{
    m_undo->clear();
    m_project = std::move(project);
    m_recovered = recovered;
    m_undo->setClean();
    m_changeSerial = m_autosavedSerial = 0;
    updateModified();
    emit projectReplaced();
}

Status ProjectDocument::open(const QString& dirOrFile)
{
    auto loaded = Project::load(dirOrFile);
    if (!loaded) return loaded.status();
    replaceProject(std::move(*loaded), false);
    return Status::success();
}

Status ProjectDocument::openRecovered(const QString& dir)
{
    const auto pending = Project::pendingAutosave(dir);
    if (!pending) return Status::failure(tr("%1: no recovery file to open").arg(dir));
    auto loaded = Project::load(*pending);
    if (!loaded) return loaded.status();
    replaceProject(std::move(*loaded), true);
    m_autosavedSerial = m_changeSerial; // the autosave file holds exactly this
    return Status::success();
}

Status ProjectDocument::create(const QString& dir, const FragmentSpec& spec, const QStringList& classNames)
{
    auto created = Project::create(dir, spec, classNames);
    if (!created) return created.status();
    replaceProject(std::move(*created), false);
    return Status::success();
}

Status ProjectDocument::save()
{
    if (auto status = m_project.save(); !status) return status;
    m_recovered = false;
    m_autosavedSerial = m_changeSerial;
    m_undo->setClean();
    updateModified();
    emit saved();
    return Status::success();
}

Status ProjectDocument::saveAs(const QString& dir)
{
    const QString oldAutosave = m_project.isNull() ? QString() : m_project.autosaveFile();
    const QString oldDir = m_project.dir();
    if (auto status = m_project.saveAs(dir); !status) return status;
    if (m_project.dir() != oldDir && !oldAutosave.isEmpty() && QFileInfo::exists(oldAutosave))
        QFile::remove(oldAutosave); // the changes it held are saved, elsewhere
    m_recovered = false;
    m_autosavedSerial = m_changeSerial;
    m_undo->setClean();
    updateModified();
    emit locationChanged(m_project.dir());
    emit saved();
    return Status::success();
}

void ProjectDocument::close()
{
    replaceProject(Project(), false);
}

void ProjectDocument::discardAutosave()
{
    if (m_project.isNull()) return;
    const QString file = m_project.autosaveFile();
    if (QFileInfo::exists(file)) QFile::remove(file);
    m_autosavedSerial = m_changeSerial;
}

bool ProjectDocument::isModified() const
{
    return !m_project.isNull() && (m_recovered || !m_undo->isClean());
}

void ProjectDocument::updateModified()
{
    const bool modified = isModified();
    if (modified != m_lastModified) {
        m_lastModified = modified;
        emit modifiedChanged(modified);
    }
}

// ---------------------------------------------------------------------------------------
// Autosave

void ProjectDocument::setAutosaveInterval(int seconds)
{
    m_autosaveSeconds = std::max(0, seconds);
    if (m_autosaveSeconds == 0)
        m_autosaveTimer.stop();
    else
        m_autosaveTimer.start(m_autosaveSeconds * 1000);
}

Status ProjectDocument::autosaveNow()
{
    if (m_project.isNull() || m_changeSerial == m_autosavedSerial) return Status::success();
    if (!isModified()) {
        // Undone back to the saved state: the recovery file would only repeat project.json.
        discardAutosave();
        return Status::success();
    }
    if (auto status = m_project.saveAutosave(); !status) return status;
    m_autosavedSerial = m_changeSerial;
    qCDebug(lcDocument) << "autosaved" << m_project.autosaveFile();
    emit autosaved(m_project.autosaveFile());
    return Status::success();
}

// ---------------------------------------------------------------------------------------
// Changes

void ProjectDocument::markChanged()
{
    ++m_changeSerial;
    updateModified();
}

void ProjectDocument::notify(Changes changes)
{
    markChanged();
    if (changes & Videos) emit videosChanged();
    if (changes & Classes) emit classesChanged();
    if (changes & Labels) emit labelsChanged(-1, 0, 0);
    if (changes & Models) emit activeModelChanged(m_project.activeModel());
    if (changes & Scenes) emit scenesChanged();
}

void ProjectDocument::applyLabelPatch(int video, qint64 lo, qint64 hi, const std::vector<LabelRange>& ranges)
{
    if (auto cleared = m_project.clearLabel(video, lo, hi); !cleared)
        qCWarning(lcDocument) << "label patch:" << cleared.error();
    for (const LabelRange& r : ranges)
        if (auto set = m_project.setLabel(video, r.start, r.end, r.label); !set)
            qCWarning(lcDocument) << "label patch:" << set.error();
    markChanged();
    emit labelsChanged(video, lo, hi);
}

Status ProjectDocument::pushEdit(const QString& text, const std::function<Status(Project&)>& redo,
                                 const std::function<Status(Project&)>& undo, Changes changes)
{
    if (m_project.isNull()) return Status::failure(tr("no project is open"));
    if (auto status = redo(m_project); !status) return status;
    m_undo->push(new ProjectEditCommand(this, text, redo, undo, changes));
    return Status::success();
}

// ---------------------------------------------------------------------------------------
// Labels

Status ProjectDocument::pushLabelEdit(int video, qint64 start, qint64 end, const QString* cls, int gesture,
                                      const QString& text)
{
    if (m_project.isNull()) return Status::failure(tr("no project is open"));
    if (video < 0 || video >= m_project.videoCount())
        return Status::failure(tr("no video %1 in the project").arg(video));
    const LabelTrack& track = m_project.labels(video);
    // The region: the edit plus every range it touches (neighbours it may merge with), so
    // no range crosses the region's ends before or after the edit.
    qint64 lo = start, hi = end;
    const auto touched = track.rangesIn(std::max<qint64>(0, start - 1), end + 1);
    if (!touched.empty()) {
        lo = std::min(lo, touched.front().start);
        hi = std::max(hi, touched.back().end);
    }
    // A gesture's later step covers the earlier steps' regions, so the steps merge.
    if (gesture != 0 && m_undo->index() > 0) {
        const auto* top = dynamic_cast<const LabelPatchCommand*>(m_undo->command(m_undo->index() - 1));
        if (top && top->gesture() == gesture && top->video() == video) {
            lo = std::min(lo, top->regionStart());
            hi = std::max(hi, top->regionEnd());
        }
    }
    std::vector<LabelRange> before = track.rangesIn(lo, hi);
    const Status status = cls ? m_project.setLabel(video, start, end, *cls) : m_project.clearLabel(video, start, end);
    if (!status) return status;
    std::vector<LabelRange> after = m_project.labels(video).rangesIn(lo, hi);
    if (before == after) return Status::success(); // nothing changed: no undo step
    m_undo->push(new LabelPatchCommand(this, video, lo, hi, std::move(before), std::move(after), gesture, text));
    return Status::success();
}

qint64 ProjectDocument::fragmentsInside(int video, qint64 start, qint64 end) const
{
    if (!hasProject() || video < 0 || video >= m_project.videoCount()) return 0;
    const auto [first, last] = m_project.spec().fragmentsInside(start, end, m_project.video(video).frameCount);
    return std::max<qint64>(0, last - first);
}

Status ProjectDocument::setLabel(int video, qint64 start, qint64 end, const QString& cls, int gesture)
{
    const qint64 fragments = fragmentsInside(video, start, end);
    const QString text = fragments == 1 ? tr("Label 1 fragment as %1").arg(cls)
        : fragments > 1                 ? tr("Label %1 fragments as %2").arg(fragments).arg(cls)
                                        : tr("Label frames %1-%2 as %3").arg(start).arg(end - 1).arg(cls);
    return pushLabelEdit(video, start, end, &cls, gesture, text);
}

Status ProjectDocument::clearLabels(int video, qint64 start, qint64 end, int gesture)
{
    return pushLabelEdit(video, start, end, nullptr, gesture,
                         tr("Clear labels of frames %1-%2").arg(start).arg(end - 1));
}

Result<int> ProjectDocument::importLabels(const QString& file, const LabelImportOptions& options)
{
    if (m_project.isNull()) return Status::failure(tr("no project is open"));
    Project imported = m_project;
    auto count = fl::importLabels(imported, file, options);
    if (!count) return count;
    const Project before = m_project;
    auto replaceAll = [](const Project& source) {
        return [source](Project& p) {
            // Only classes and labels change on import; videos stay where they are.
            for (const LabelClass& c : source.classes())
                if (!p.hasClass(c.name))
                    if (auto added = p.addClass(c.name, c.color, c.shortcut); !added) return added;
            for (const LabelClass& c : p.classes())
                if (!source.hasClass(c.name))
                    if (auto removed = p.removeClass(c.name); !removed) return removed.status();
            for (int v = 0; v < p.videoCount(); ++v) {
                if (p.video(v).frameCount > 0)
                    if (auto cleared = p.clearLabel(v, 0, p.video(v).frameCount); !cleared) return cleared;
                for (const LabelRange& r : source.labels(v).ranges())
                    if (auto set = p.setLabel(v, r.start, r.end, r.label); !set) return set;
            }
            return Status::success();
        };
    };
    const auto status = pushEdit(tr("Import labels from %1 (%2 ranges)").arg(QFileInfo(file).fileName()).arg(*count),
                                 replaceAll(imported), replaceAll(before), Labels | Classes);
    if (!status) return status;
    return count;
}

// ---------------------------------------------------------------------------------------
// Models

Status ProjectDocument::setActiveModel(const QString& fileName)
{
    const QString before = m_project.activeModel();
    if (fileName == before) return Status::success();
    return pushEdit(
        fileName.isEmpty() ? tr("Clear the active model") : tr("Make %1 the active model").arg(fileName),
        [fileName](Project& p) { return p.setActiveModel(fileName); },
        [before](Project& p) { return p.setActiveModel(before); }, Models);
}

// ---------------------------------------------------------------------------------------
// Scenes and keyframes

Status ProjectDocument::setSceneCuts(int video, std::optional<std::vector<qint64>> cuts, const QString& text,
                                     std::vector<SceneCut> kinds)
{
    if (m_project.isNull() || video < 0 || video >= m_project.videoCount())
        return Status::failure(tr("no video %1 in the project").arg(video));
    const auto before = m_project.video(video).sceneCuts;
    const auto kindsBefore = m_project.video(video).sceneCutKinds;
    if (before == cuts && kindsBefore == kinds) return Status::success();
    return pushEdit(
        text, [video, cuts, kinds](Project& p) { return p.setSceneCuts(video, cuts, kinds); },
        [video, before, kindsBefore](Project& p) { return p.setSceneCuts(video, before, kindsBefore); }, Scenes);
}

Status ProjectDocument::setKeyframes(int video, std::vector<FrameSegment> segments, KeyframeSet keyframes,
                                     const QString& text)
{
    if (m_project.isNull() || video < 0 || video >= m_project.videoCount())
        return Status::failure(tr("no video %1 in the project").arg(video));
    const ProjectVideo& v = m_project.video(video);
    if (v.keyframeSegments == segments && v.keyframes == keyframes) return Status::success();
    return pushEdit(
        text, [video, segments, keyframes](Project& p) { return p.setKeyframes(video, segments, keyframes); },
        [video, s = v.keyframeSegments, k = v.keyframes](Project& p) { return p.setKeyframes(video, s, k); }, Scenes);
}

// ---------------------------------------------------------------------------------------
// Classes

Status ProjectDocument::addClass(const QString& name, const QString& color)
{
    const QString n = name.trimmed();
    return pushEdit(
        tr("Add class %1").arg(n), [n, color](Project& p) { return p.addClass(n, color); },
        [n](Project& p) { return p.removeClass(n).status(); }, Classes);
}

Status ProjectDocument::renameClass(const QString& name, const QString& newName)
{
    const QString n = newName.trimmed();
    if (n == name) return Status::success();
    return pushEdit(
        tr("Rename class %1 to %2").arg(name, n), [name, n](Project& p) { return p.renameClass(name, n); },
        [name, n](Project& p) { return p.renameClass(n, name); }, Classes | Labels);
}

Status ProjectDocument::setClassField(const QString& name, QString LabelClass::*field, const QString& value,
                                      Status (Project::*set)(const QString&, const QString&), const QString& text,
                                      Changes changes)
{
    const int i = m_project.classIndex(name);
    if (i < 0) return Status::failure(tr("no class \"%1\"").arg(name));
    const QString old = m_project.classes()[size_t(i)].*field;
    if (old == value) return Status::success();
    return pushEdit(
        text, [name, value, set](Project& p) { return (p.*set)(name, value); },
        [name, old, set](Project& p) { return (p.*set)(name, old); }, changes);
}

Status ProjectDocument::setClassColor(const QString& name, const QString& color)
{
    return setClassField(name, &LabelClass::color, color.toLower(), &Project::setClassColor,
                         tr("Recolour class %1").arg(name), Classes | Labels);
}

Status ProjectDocument::setClassShortcut(const QString& name, const QString& key)
{
    return setClassField(name, &LabelClass::shortcut, key, &Project::setClassShortcut,
                         tr("Set key of class %1 to %2").arg(name, key.isEmpty() ? tr("none") : key), Classes);
}

Status ProjectDocument::moveClass(int from, int to)
{
    if (from == to) return Status::success();
    const int n = int(m_project.classes().size());
    if (from < 0 || from >= n || to < 0 || to >= n)
        return Status::failure(
            tr("cannot move class %1 to position %2 (there are %3 classes)").arg(from).arg(to).arg(n));
    return pushEdit(
        tr("Move class %1").arg(m_project.classes()[size_t(from)].name),
        [from, to](Project& p) { return p.moveClass(from, to); },
        [from, to](Project& p) { return p.moveClass(to, from); }, Classes);
}

Result<qint64> ProjectDocument::removeClass(const QString& name)
{
    const int index = m_project.classIndex(name);
    if (index < 0) return Status::failure(tr("no class \"%1\"").arg(name));
    const LabelClass removed = m_project.classes()[size_t(index)];
    const qint64 fragments = m_project.labeledFragmentCounts().value(name);
    // Its ranges per video, to put back on undo.
    std::vector<std::vector<LabelRange>> ranges(size_t(m_project.videoCount()));
    for (int v = 0; v < m_project.videoCount(); ++v)
        for (const LabelRange& r : m_project.labels(v).ranges())
            if (r.label == name) ranges[size_t(v)].push_back(r);
    auto status = pushEdit(
        tr("Delete class %1 (labeled fragments: %2)").arg(name).arg(fragments),
        [name](Project& p) { return p.removeClass(name).status(); },
        [removed, index, ranges](Project& p) {
            if (auto added = p.addClass(removed.name, removed.color, removed.shortcut); !added) return added;
            if (auto moved = p.moveClass(int(p.classes().size()) - 1, index); !moved) return moved;
            for (size_t v = 0; v < ranges.size() && int(v) < p.videoCount(); ++v)
                for (const LabelRange& r : ranges[v])
                    if (auto set = p.setLabel(int(v), r.start, r.end, r.label); !set) return set;
            return Status::success();
        },
        Classes | Labels);
    if (!status) return status;
    return fragments;
}

// ---------------------------------------------------------------------------------------
// Videos

Status ProjectDocument::addVideos(const std::vector<NewVideo>& videos)
{
    if (videos.empty()) return Status::success();
    auto add = [videos](Project& p) {
        const int before = p.videoCount();
        for (const NewVideo& v : videos) {
            if (auto added = p.addVideo(v.path, v.frameCount, v.fps, v.fingerprint); !added) {
                while (p.videoCount() > before) (void)p.removeVideo(p.videoCount() - 1);
                return added.status();
            }
        }
        return Status::success();
    };
    const int count = int(videos.size());
    auto remove = [count](Project& p) {
        for (int i = 0; i < count; ++i)
            if (auto removed = p.removeVideo(p.videoCount() - 1); !removed) return removed;
        return Status::success();
    };
    const QString text = count == 1 ? tr("Add video %1").arg(QFileInfo(videos.front().path).fileName())
                                    : tr("Add %1 videos").arg(count);
    return pushEdit(text, add, remove, Videos | Labels);
}

namespace {

// Everything needed to put a video back where it was: Project has no insert, so the videos
// after it are taken off and added again in order.
struct VideoSnapshot {
    QString absolutePath;
    ProjectVideo video;
};

VideoSnapshot snapshotVideo(const Project& p, int index)
{
    return {p.absoluteVideoPath(index), p.video(index)};
}

Status addSnapshot(Project& p, const VideoSnapshot& s)
{
    FileFingerprint fingerprint;
    fingerprint.size = s.video.size;
    fingerprint.hash = s.video.hash.toLatin1();
    auto added = p.addVideo(s.absolutePath, s.video.frameCount, s.video.fps, fingerprint);
    if (!added) return added.status();
    for (const LabelRange& r : s.video.labels.ranges())
        if (auto set = p.setLabel(*added, r.start, r.end, r.label); !set) return set;
    return Status::success();
}

} // namespace

namespace {

std::vector<VideoSnapshot> snapshotVideos(const Project& p)
{
    std::vector<VideoSnapshot> all;
    for (int i = 0; i < p.videoCount(); ++i) all.push_back(snapshotVideo(p, i));
    return all;
}

// Puts the project's videos back exactly as snapshotted (order, paths, labels).
Status restoreVideos(Project& p, const std::vector<VideoSnapshot>& videos)
{
    while (p.videoCount() > 0)
        if (auto r = p.removeVideo(p.videoCount() - 1); !r) return r;
    for (const VideoSnapshot& v : videos)
        if (auto s = addSnapshot(p, v); !s) return s;
    return Status::success();
}

} // namespace

Status ProjectDocument::removeVideo(int index)
{
    if (index < 0 || index >= m_project.videoCount())
        return Status::failure(tr("no video %1 in the project").arg(index));
    const auto before = snapshotVideos(m_project);
    return pushEdit(
        tr("Remove video %1").arg(m_project.video(index).fileName()),
        [index](Project& p) { return p.removeVideo(index); }, [before](Project& p) { return restoreVideos(p, before); },
        Videos | Labels);
}

Result<int> ProjectDocument::relinkVideos(const QString& folder)
{
    if (m_project.isNull()) return Status::failure(tr("no project is open"));
    Project relinked = m_project;
    auto found = relinked.relink(folder);
    if (!found || *found == 0) return found;
    const auto before = snapshotVideos(m_project);
    const auto after = snapshotVideos(relinked);
    auto status = pushEdit(
        tr("Relink moved videos (%1)").arg(*found), [after](Project& p) { return restoreVideos(p, after); },
        [before](Project& p) { return restoreVideos(p, before); }, Videos);
    if (!status) return status;
    return found;
}

// ---------------------------------------------------------------------------------------
// Derived

qint64 ProjectDocument::fragmentCount(int video) const
{
    if (video < 0 || video >= m_project.videoCount()) return 0;
    return m_project.spec().count(m_project.video(video).frameCount);
}

qint64 ProjectDocument::labeledFragments(int video) const
{
    qint64 n = 0;
    const auto counts = m_project.labeledFragmentCounts(video);
    for (auto it = counts.begin(); it != counts.end(); ++it) n += it.value();
    return n;
}

} // namespace fl
