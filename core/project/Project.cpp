#include "project/Project.h"

#include "project/ClassPalette.h"
#include "project/FileBytes.h"
#include "project/ProjectFormat.h"
#include "video/FileFingerprint.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>

#include <algorithm>
#include <cmath>

namespace fl {

namespace {

QString absoluteClean(const QString& path)
{
    return QDir::cleanPath(QFileInfo(path).absoluteFilePath());
}

Status makeFolders(const QString& dir, const QStringList& subdirs)
{
    for (const QString& sub : subdirs) {
        const QString path = sub.isEmpty() ? dir : QDir(dir).filePath(sub);
        if (QFileInfo(path).isDir()) continue;
        if (QFileInfo::exists(path)) return Status::failure(QStringLiteral("%1: exists and is not a folder").arg(path));
        if (!QDir().mkpath(path)) return Status::failure(QStringLiteral("%1: cannot create the folder").arg(path));
    }
    return Status::success();
}

const QStringList& projectSubfolders()
{
    static const QStringList subs = {QStringLiteral("models"), QStringLiteral("cache"), QStringLiteral("predictions")};
    return subs;
}

} // namespace

// ---------------------------------------------------------------------------------------
// Files

Result<Project> Project::create(const QString& dir, const FragmentSpec& spec, const QStringList& classNames)
{
    if (dir.trimmed().isEmpty()) return Status::failure(QStringLiteral("no project folder given"));
    const QString root = absoluteClean(dir);
    const QString file = QDir(root).filePath(projectFileName());
    if (QFileInfo::exists(file))
        return Status::failure(QStringLiteral("%1: a project already exists in this folder").arg(file));
    if (QFileInfo::exists(root) && !QFileInfo(root).isDir())
        return Status::failure(QStringLiteral("%1: exists and is not a folder").arg(root));
    if (auto valid = spec.validate(); !valid)
        return Status::failure(QStringLiteral("%1: invalid fragment spec: %2").arg(file, valid.error()));

    Project p;
    p.m_dir = root;
    p.m_name = QFileInfo(root).fileName();
    p.m_spec = spec;
    for (const QString& name : classNames) {
        if (auto added = p.addClass(name); !added)
            return Status::failure(QStringLiteral("%1: %2").arg(file, added.error()));
    }
    if (auto made = makeFolders(root, QStringList{QString()} + projectSubfolders()); !made) return made;
    if (auto saved = p.save(); !saved) return saved;
    return p;
}

Result<Project> Project::load(const QString& dirOrJsonPath)
{
    if (dirOrJsonPath.trimmed().isEmpty()) return Status::failure(QStringLiteral("no project folder given"));
    const QString path = absoluteClean(dirOrJsonPath);
    QString file = path;
    if (QFileInfo(path).isDir()) {
        file = QDir(path).filePath(projectFileName());
        if (!QFileInfo::exists(file))
            return Status::failure(QStringLiteral("%1: not found (not a FragmentLab project folder)").arg(file));
    }
    auto bytes = readFileBytes(file);
    if (!bytes) return bytes.status();
    return ProjectFormat::read(*bytes, file, QFileInfo(file).absolutePath());
}

Status Project::save() const
{
    if (isNull()) return Status::failure(QStringLiteral("the project has no folder to save to"));
    if (auto written = writeFileAtomically(projectFile(), ProjectFormat::write(*this)); !written) return written;
    if (QFileInfo::exists(autosaveFile())) QFile::remove(autosaveFile());
    return Status::success();
}

Status Project::saveAs(const QString& newDir)
{
    if (newDir.trimmed().isEmpty()) return Status::failure(QStringLiteral("no project folder given"));
    const QString root = absoluteClean(newDir);
    if (root == m_dir) return save();
    const QString file = QDir(root).filePath(projectFileName());
    if (QFileInfo::exists(file))
        return Status::failure(QStringLiteral("%1: a project already exists in this folder").arg(file));
    if (QFileInfo::exists(root) && !QFileInfo(root).isDir())
        return Status::failure(QStringLiteral("%1: exists and is not a folder").arg(root));

    Project copy = *this;
    copy.m_dir = root;
    for (size_t i = 0; i < copy.m_videos.size(); ++i)
        copy.m_videos[i].relativePath = copy.relativeToProject(absoluteVideoPath(int(i)));
    if (auto made = makeFolders(root, QStringList{QString()} + projectSubfolders()); !made) return made;
    if (auto saved = copy.save(); !saved) return saved;
    *this = std::move(copy);
    return Status::success();
}

QString Project::autosaveFile() const
{
    return QDir(m_dir).filePath(autosaveFileName());
}

Status Project::saveAutosave() const
{
    if (isNull()) return Status::failure(QStringLiteral("the project has no folder to save to"));
    return writeFileAtomically(autosaveFile(), ProjectFormat::write(*this));
}

std::optional<QString> Project::pendingAutosave(const QString& dir)
{
    const QDir d(absoluteClean(dir));
    const QFileInfo autosave(d.filePath(autosaveFileName()));
    const QFileInfo main(d.filePath(projectFileName()));
    if (!autosave.isFile()) return std::nullopt;
    if (main.isFile() && main.lastModified() > autosave.lastModified()) return std::nullopt;
    return autosave.absoluteFilePath();
}

QString Project::projectFile() const
{
    return QDir(m_dir).filePath(projectFileName());
}
QString Project::modelsDir() const
{
    return QDir(m_dir).filePath(QStringLiteral("models"));
}
QString Project::cacheDir() const
{
    return QDir(m_dir).filePath(QStringLiteral("cache"));
}
QString Project::predictionsDir() const
{
    return QDir(m_dir).filePath(QStringLiteral("predictions"));
}
QString Project::indexCacheDir() const
{
    return QDir(m_dir).filePath(QStringLiteral("cache/index"));
}

// ---------------------------------------------------------------------------------------
// Classes

QStringList Project::classNames() const
{
    QStringList names;
    for (const LabelClass& c : m_classes) names << c.name;
    return names;
}

int Project::classIndex(const QString& name) const
{
    for (size_t i = 0; i < m_classes.size(); ++i)
        if (m_classes[i].name == name) return int(i);
    return -1;
}

Status Project::addClass(const QString& name, const QString& color, std::optional<QString> shortcut)
{
    const QString n = name.trimmed();
    if (n.isEmpty()) return Status::failure(QStringLiteral("empty class name"));
    if (classIndex(n) >= 0) return Status::failure(QStringLiteral("class \"%1\" already exists").arg(n));
    QStringList colors, keys;
    for (const LabelClass& c : m_classes) {
        colors << c.color;
        keys << c.shortcut;
    }
    LabelClass c;
    c.name = n;
    if (color.isEmpty()) {
        c.color = ClassPalette::firstUnusedColor(colors);
    } else {
        if (!ClassPalette::isValidColor(color))
            return Status::failure(QStringLiteral("class \"%1\": bad colour \"%2\" (expected #rrggbb)").arg(n, color));
        c.color = color.toLower();
    }
    if (!shortcut) {
        c.shortcut = ClassPalette::firstUnusedShortcut(keys);
    } else {
        if (!ClassPalette::isValidShortcut(*shortcut))
            return Status::failure(
                QStringLiteral("class \"%1\": bad shortcut \"%2\" (expected one key or nothing)").arg(n, *shortcut));
        if (!shortcut->isEmpty() && keys.contains(*shortcut, Qt::CaseInsensitive))
            return Status::failure(QStringLiteral("class \"%1\": shortcut \"%2\" is already in use").arg(n, *shortcut));
        c.shortcut = *shortcut;
    }
    m_classes.push_back(std::move(c));
    return Status::success();
}

Status Project::renameClass(const QString& oldName, const QString& newName)
{
    const int i = classIndex(oldName);
    if (i < 0) return Status::failure(QStringLiteral("no class \"%1\"").arg(oldName));
    const QString n = newName.trimmed();
    if (n.isEmpty()) return Status::failure(QStringLiteral("empty class name"));
    if (n == oldName) return Status::success();
    if (classIndex(n) >= 0) return Status::failure(QStringLiteral("class \"%1\" already exists").arg(n));
    m_classes[size_t(i)].name = n;
    for (ProjectVideo& v : m_videos) v.labels.renameClass(oldName, n);
    return Status::success();
}

Result<int> Project::removeClass(const QString& name)
{
    const int i = classIndex(name);
    if (i < 0) return Status::failure(QStringLiteral("no class \"%1\"").arg(name));
    m_classes.erase(m_classes.begin() + i);
    int removed = 0;
    for (ProjectVideo& v : m_videos) removed += v.labels.removeClass(name);
    return removed;
}

Status Project::moveClass(int from, int to)
{
    const int n = int(m_classes.size());
    if (from < 0 || from >= n || to < 0 || to >= n)
        return Status::failure(
            QStringLiteral("cannot move class %1 to position %2 (there are %3 classes)").arg(from).arg(to).arg(n));
    if (from == to) return Status::success();
    LabelClass c = std::move(m_classes[size_t(from)]);
    m_classes.erase(m_classes.begin() + from);
    m_classes.insert(m_classes.begin() + to, std::move(c));
    return Status::success();
}

Status Project::setClassColor(const QString& name, const QString& color)
{
    const int i = classIndex(name);
    if (i < 0) return Status::failure(QStringLiteral("no class \"%1\"").arg(name));
    if (!ClassPalette::isValidColor(color))
        return Status::failure(QStringLiteral("class \"%1\": bad colour \"%2\" (expected #rrggbb)").arg(name, color));
    m_classes[size_t(i)].color = color.toLower();
    return Status::success();
}

Status Project::setClassShortcut(const QString& name, const QString& shortcut)
{
    const int i = classIndex(name);
    if (i < 0) return Status::failure(QStringLiteral("no class \"%1\"").arg(name));
    if (!ClassPalette::isValidShortcut(shortcut))
        return Status::failure(
            QStringLiteral("class \"%1\": bad shortcut \"%2\" (expected one key or nothing)").arg(name, shortcut));
    if (!shortcut.isEmpty()) {
        for (size_t j = 0; j < m_classes.size(); ++j)
            if (int(j) != i && m_classes[j].shortcut.compare(shortcut, Qt::CaseInsensitive) == 0)
                return Status::failure(QStringLiteral("class \"%1\": shortcut \"%2\" is already used by \"%3\"")
                                           .arg(name, shortcut, m_classes[j].name));
    }
    m_classes[size_t(i)].shortcut = shortcut;
    return Status::success();
}

// ---------------------------------------------------------------------------------------
// Videos

int Project::videoIndexByName(const QString& fileName) const
{
    for (size_t i = 0; i < m_videos.size(); ++i)
        if (m_videos[i].fileName() == fileName) return int(i);
    return -1;
}

QString Project::absoluteVideoPath(int index) const
{
    const QString& rel = m_videos.at(size_t(index)).relativePath;
    return QDir::cleanPath(QDir(m_dir).absoluteFilePath(rel));
}

QString Project::relativeToProject(const QString& absolutePath) const
{
    return QDir::fromNativeSeparators(QDir(m_dir).relativeFilePath(absolutePath));
}

Result<int> Project::addVideo(const QString& absolutePath, qint64 frameCount, double fps)
{
    const QString path = absoluteClean(absolutePath);
    if (!QFileInfo(path).isFile()) return Status::failure(QStringLiteral("%1: not found").arg(path));
    auto fingerprint = FileFingerprint::of(path);
    if (!fingerprint) return fingerprint.status();
    return addVideo(path, frameCount, fps, *fingerprint);
}

Result<int> Project::addVideo(const QString& absolutePath, qint64 frameCount, double fps,
                              const FileFingerprint& fingerprint)
{
    const QString path = absoluteClean(absolutePath);
    if (frameCount < 0) return Status::failure(QStringLiteral("%1: negative frame count %2").arg(path).arg(frameCount));
    if (!(fps > 0) || !std::isfinite(fps))
        return Status::failure(QStringLiteral("%1: frame rate %2 is not positive").arg(path).arg(fps));
    const QString hash = QString::fromLatin1(fingerprint.hash);
    const QString fileName = QFileInfo(path).fileName();
    for (size_t i = 0; i < m_videos.size(); ++i) {
        const ProjectVideo& v = m_videos[i];
        if (absoluteVideoPath(int(i)) == path)
            return Status::failure(QStringLiteral("%1: already in the project").arg(path));
        if (v.size == fingerprint.size && v.hash == hash)
            return Status::failure(
                QStringLiteral("%1: same content as %2, already in the project").arg(path, v.relativePath));
        if (v.fileName() == fileName)
            return Status::failure(
                QStringLiteral(
                    "%1: the project already has a video named %2 (%3); label files name videos by file name")
                    .arg(path, fileName, v.relativePath));
    }
    ProjectVideo v;
    v.relativePath = relativeToProject(path);
    v.size = fingerprint.size;
    v.hash = hash;
    v.frameCount = frameCount;
    v.fps = fps;
    m_videos.push_back(std::move(v));
    return int(m_videos.size()) - 1;
}

Status Project::checkVideoIndex(int index) const
{
    if (index < 0 || index >= int(m_videos.size()))
        return Status::failure(
            QStringLiteral("no video %1 in the project (it has %2)").arg(index).arg(m_videos.size()));
    return Status::success();
}

Status Project::removeVideo(int index)
{
    if (auto ok = checkVideoIndex(index); !ok) return ok;
    m_videos.erase(m_videos.begin() + index);
    return Status::success();
}

// ---------------------------------------------------------------------------------------
// Labels

Status Project::checkRange(int video, qint64 start, qint64 end) const
{
    if (auto ok = checkVideoIndex(video); !ok) return ok;
    const ProjectVideo& v = m_videos[size_t(video)];
    if (start >= end)
        return Status::failure(QStringLiteral("%1: empty range [%2, %3) (start must be less than end)")
                                   .arg(v.fileName())
                                   .arg(start)
                                   .arg(end));
    if (start < 0 || end > v.frameCount)
        return Status::failure(QStringLiteral("%1: range [%2, %3) outside the video (%4 frames)")
                                   .arg(v.fileName())
                                   .arg(start)
                                   .arg(end)
                                   .arg(v.frameCount));
    return Status::success();
}

Status Project::setSceneCuts(int video, std::optional<std::vector<qint64>> cuts, std::vector<SceneCut> kinds)
{
    if (auto ok = checkVideoIndex(video); !ok) return ok;
    ProjectVideo& v = m_videos[size_t(video)];
    if (cuts)
        for (size_t i = 0; i < cuts->size(); ++i)
            if (auto problem = v.sceneCutProblem((*cuts)[i], i > 0 ? &(*cuts)[i - 1] : nullptr))
                return Status::failure(*problem);
    if (!kinds.empty()) {
        if (!cuts || kinds.size() != cuts->size())
            return Status::failure(QStringLiteral("%1 scene boundary kinds for %2 scene cuts")
                                       .arg(kinds.size())
                                       .arg(cuts ? cuts->size() : 0));
        for (size_t i = 0; i < kinds.size(); ++i)
            if (kinds[i].frame != (*cuts)[i])
                return Status::failure(QStringLiteral("the kind of scene cut %1 is given for frame %2")
                                           .arg((*cuts)[i])
                                           .arg(kinds[i].frame));
    }
    for (SceneCut& c : kinds) c.score = 0; // the kind and the transition's frames are kept, not the score
    v.sceneCuts = std::move(cuts);
    v.sceneCutKinds = std::move(kinds);
    return Status::success();
}

Status Project::setKeyframes(int video, std::vector<FrameSegment> segments, KeyframeSet keyframes)
{
    if (auto ok = checkVideoIndex(video); !ok) return ok;
    ProjectVideo& v = m_videos[size_t(video)];
    for (size_t i = 0; i < segments.size(); ++i)
        if (auto problem = v.keyframeSegmentProblem(segments[i], i > 0 ? &segments[i - 1] : nullptr))
            return Status::failure(*problem);
    for (const Keyframe& k : keyframes.keyframes()) {
        auto problem = v.keyframeFrameProblem(k.frame);
        if (!problem) problem = ProjectVideo::keyframeSegmentIndexProblem(k.segment, segments.size());
        if (problem) return Status::failure(QStringLiteral("keyframe at frame %1: %2").arg(k.frame).arg(*problem));
    }
    v.keyframeSegments = std::move(segments);
    v.keyframes = std::move(keyframes);
    return Status::success();
}

std::vector<FrameSegment> Project::savedScenes(int video) const
{
    if (video < 0 || video >= videoCount() || !m_videos[size_t(video)].sceneCuts) return {};
    const ProjectVideo& v = m_videos[size_t(video)];
    SceneDetection d;
    d.frameCount = v.frameCount;
    for (qint64 c : *v.sceneCuts) {
        SceneCut cut;
        cut.frame = c;
        d.cuts.push_back(cut);
    }
    return d.scenes();
}

std::vector<SceneCut> Project::savedSceneCuts(int video) const
{
    if (video < 0 || video >= videoCount() || !m_videos[size_t(video)].sceneCuts) return {};
    const ProjectVideo& v = m_videos[size_t(video)];
    if (v.sceneCutKinds.size() == v.sceneCuts->size()) return v.sceneCutKinds;
    std::vector<SceneCut> out;
    for (qint64 c : *v.sceneCuts) {
        SceneCut cut;
        cut.frame = c;
        out.push_back(cut);
    }
    return out;
}

Status Project::setLabel(int video, qint64 start, qint64 end, const QString& cls)
{
    if (auto ok = checkRange(video, start, end); !ok) return ok;
    if (classIndex(cls) < 0) return Status::failure(QStringLiteral("unknown class \"%1\"").arg(cls));
    m_videos[size_t(video)].labels.set(start, end, cls);
    return Status::success();
}

Status Project::clearLabel(int video, qint64 start, qint64 end)
{
    if (auto ok = checkRange(video, start, end); !ok) return ok;
    m_videos[size_t(video)].labels.clear(start, end);
    return Status::success();
}

std::optional<QString> Project::fragmentLabel(int video, qint64 fragment) const
{
    if (video < 0 || video >= int(m_videos.size())) return std::nullopt;
    const ProjectVideo& v = m_videos[size_t(video)];
    if (fragment < 0 || fragment >= m_spec.count(v.frameCount)) return std::nullopt;
    return v.labels.labelForFrames(m_spec.frames(fragment));
}

QMap<QString, qint64> Project::labeledFragmentCounts(int video) const
{
    QMap<QString, qint64> counts;
    for (const LabelClass& c : m_classes) counts.insert(c.name, 0);
    if (video < 0 || video >= int(m_videos.size())) return counts;
    const ProjectVideo& v = m_videos[size_t(video)];
    // Ranges are maximal (same-class neighbours merged), so a fragment lies in one range
    // exactly when its first..last frames do.
    for (const LabelRange& r : v.labels.ranges()) {
        const auto [first, last] = m_spec.fragmentsInside(r.start, r.end, v.frameCount);
        counts[r.label] += std::max<qint64>(0, last - first);
    }
    return counts;
}

QMap<QString, qint64> Project::labeledFragmentCounts() const
{
    QMap<QString, qint64> counts;
    for (const LabelClass& c : m_classes) counts.insert(c.name, 0);
    for (int i = 0; i < int(m_videos.size()); ++i) {
        const auto one = labeledFragmentCounts(i);
        for (auto it = one.begin(); it != one.end(); ++it) counts[it.key()] += it.value();
    }
    return counts;
}

// ---------------------------------------------------------------------------------------
// Models

Status Project::setActiveModel(const QString& fileName)
{
    if (fileName.contains(QLatin1Char('/')) || fileName.contains(QLatin1Char('\\')) || fileName == QLatin1String(".")
        || fileName == QLatin1String(".."))
        return Status::failure(QStringLiteral("%1: the active model must be a file name inside models/, not \"%2\"")
                                   .arg(projectFile(), fileName));
    m_activeModel = fileName;
    return Status::success();
}

QString Project::activeModelFile() const
{
    return m_activeModel.isEmpty() ? QString() : QDir(modelsDir()).filePath(m_activeModel);
}

// ---------------------------------------------------------------------------------------
// Relinking

std::vector<int> Project::missingVideos() const
{
    std::vector<int> missing;
    for (size_t i = 0; i < m_videos.size(); ++i) {
        const QFileInfo info(absoluteVideoPath(int(i)));
        if (!info.isFile() || info.size() != m_videos[i].size) missing.push_back(int(i));
    }
    return missing;
}

Status Project::relinkVideo(int index, const QString& file)
{
    if (auto ok = checkVideoIndex(index); !ok) return ok;
    ProjectVideo& v = m_videos[size_t(index)];
    const QString path = absoluteClean(file);
    const QFileInfo info(path);
    if (!info.isFile()) return Status::failure(QStringLiteral("%1: not found").arg(path));
    if (info.size() != v.size)
        return Status::failure(QStringLiteral("%1: not the same file as %2 (%3 bytes, expected %4)")
                                   .arg(path, v.relativePath)
                                   .arg(info.size())
                                   .arg(v.size));
    auto fingerprint = FileFingerprint::of(path);
    if (!fingerprint) return fingerprint.status();
    if (QString::fromLatin1(fingerprint->hash) != v.hash)
        return Status::failure(
            QStringLiteral("%1: not the same file as %2 (different content)").arg(path, v.relativePath));
    return repointVideo(index, path);
}

Status Project::repointVideo(int index, const QString& absolutePath)
{
    const QString name = QFileInfo(absolutePath).fileName();
    for (size_t i = 0; i < m_videos.size(); ++i)
        if (int(i) != index && m_videos[i].fileName() == name)
            return Status::failure(QStringLiteral("%1: the project already has a video named %2 (%3)")
                                       .arg(absolutePath, name, m_videos[i].relativePath));
    m_videos[size_t(index)].relativePath = relativeToProject(absolutePath);
    return Status::success();
}

Result<int> Project::relink(const QString& folder)
{
    const QString root = absoluteClean(folder);
    if (!QFileInfo(root).isDir()) return Status::failure(QStringLiteral("%1: not a folder").arg(root));
    std::vector<int> missing = missingVideos();
    if (missing.empty()) return 0;
    QHash<qint64, std::vector<int>> bySize;
    for (int i : missing) bySize[m_videos[size_t(i)].size].push_back(i);

    constexpr int kMaxFolders = 20000;
    int foldersSeen = 0;
    int found = 0;
    // Breadth first, so a copy near the top wins; symlinked folders are not followed.
    std::vector<std::pair<QString, int>> queue{{root, 0}};
    for (size_t q = 0; q < queue.size() && !bySize.isEmpty() && foldersSeen < kMaxFolders; ++q) {
        const auto [dir, depth] = queue[q];
        ++foldersSeen;
        const QFileInfoList entries =
            QDir(dir).entryInfoList(QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot | QDir::Hidden, QDir::Name);
        for (const QFileInfo& e : entries) {
            if (e.isDir()) {
                if (!e.isSymLink() && depth < kMaxRelinkDepth) queue.push_back({e.absoluteFilePath(), depth + 1});
                continue;
            }
            auto candidates = bySize.find(e.size());
            if (candidates == bySize.end()) continue;
            auto fingerprint = FileFingerprint::of(e.absoluteFilePath());
            if (!fingerprint) continue; // unreadable: not ours
            const QString hash = QString::fromLatin1(fingerprint->hash);
            std::vector<int>& list = candidates.value();
            for (auto it = list.begin(); it != list.end(); ++it) {
                if (m_videos[size_t(*it)].hash != hash) continue;
                if (repointVideo(*it, e.absoluteFilePath())) {
                    ++found;
                    list.erase(it);
                }
                break;
            }
            if (list.empty()) bySize.erase(candidates);
            if (bySize.isEmpty()) break;
        }
    }
    return found;
}

} // namespace fl
