#pragma once
// A FragmentLab project: a folder with project.json (fragment spec, classes, videos by
// relative path with size/content hash, labels), models/, cache/ and predictions/.
// A value type: edit a copy, assign it back when everything succeeded.
//
// User-caused problems (bad file, unknown class, range outside a video, ...) come back as
// Status/Result values whose one-line message names the file and the problem.
#include "Result.h"
#include "fragments/FragmentSpec.h"
#include "project/LabelClass.h"
#include "project/LabelTrack.h"
#include "project/ProjectVideo.h"

#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace fl {

struct FileFingerprint;

class Project {
public:
    static constexpr int kSchemaVersion = 1;  // the newest schema this program reads and writes
    static constexpr int kMaxRelinkDepth = 8; // folder levels relink() searches below its folder

    static QString projectFileName() { return QStringLiteral("project.json"); }
    static QString autosaveFileName() { return QStringLiteral("project.autosave.json"); }

    Project() = default; // an empty project with no folder (isNull())

    // Makes `dir` (if needed) with project.json, models/, cache/, predictions/. Refuses a
    // folder that already holds a project. Classes get palette colours and keys "1".."9".
    static Result<Project> create(const QString& dir, const FragmentSpec& spec, const QStringList& classNames);
    // A project folder, or a project.json (or autosave) file in it. Validates everything.
    static Result<Project> load(const QString& dirOrJsonPath);

    // Atomic (QSaveFile) write of projectFile(); removes a stale autosave file.
    Status save() const;
    // Saves a copy into `newDir` (made if needed, must not hold a project yet; models/ cache/
    // predictions/ created) with video paths recomputed to point at the same files; on
    // success this object becomes that project.
    Status saveAs(const QString& newDir);

    // Autosave beside project.json (load() it to recover; save() removes it).
    QString autosaveFile() const;
    Status saveAutosave() const;
    // The autosave file of the project in `dir` when it is newer than its project.json.
    static std::optional<QString> pendingAutosave(const QString& dir);

    bool isNull() const { return m_dir.isEmpty(); }
    const QString& name() const { return m_name; }
    void setName(const QString& name) { m_name = name; }

    QString dir() const { return m_dir; }
    QString projectFile() const;
    QString modelsDir() const;
    QString cacheDir() const;
    QString predictionsDir() const;
    QString indexCacheDir() const; // cache/index

    const FragmentSpec& spec() const { return m_spec; }

    // ---- classes ----
    const std::vector<LabelClass>& classes() const { return m_classes; }
    QStringList classNames() const;
    int classIndex(const QString& name) const; // -1 if none
    bool hasClass(const QString& name) const { return classIndex(name) >= 0; }
    // Empty colour: the first unused palette colour; no shortcut given: the first unused of
    // "1".."9" (or none); an explicit empty shortcut means none.
    Status addClass(const QString& name, const QString& color = QString(),
                    std::optional<QString> shortcut = std::nullopt);
    Status renameClass(const QString& oldName, const QString& newName); // labels follow
    Result<int> removeClass(const QString& name);                       // its labels go: ranges removed
    Status moveClass(int from, int to);
    Status setClassColor(const QString& name, const QString& color);
    Status setClassShortcut(const QString& name, const QString& shortcut); // refuses a key in use

    // ---- videos ----
    const std::vector<ProjectVideo>& videos() const { return m_videos; }
    int videoCount() const { return int(m_videos.size()); }
    const ProjectVideo& video(int index) const { return m_videos.at(size_t(index)); }
    int videoIndexByName(const QString& fileName) const; // -1 if none
    QString absoluteVideoPath(int index) const;
    // Computes the file's FileFingerprint. Refuses a file already in the project (same path
    // or same content) and a second video with the same file name (label files name videos
    // by file name).
    Result<int> addVideo(const QString& absolutePath, qint64 frameCount, double fps);
    // Same, with a fingerprint the caller already has (e.g. from the frame index).
    Result<int> addVideo(const QString& absolutePath, qint64 frameCount, double fps,
                         const FileFingerprint& fingerprint);
    Status removeVideo(int index);

    // ---- labels ----
    Status setLabel(int video, qint64 start, qint64 end, const QString& cls);
    Status clearLabel(int video, qint64 start, qint64 end);
    const LabelTrack& labels(int video) const { return m_videos.at(size_t(video)).labels; }
    // The label of fragment `fragment` of video `video` (spec().frames(fragment)); nothing
    // when unlabeled, not in one range, or not a fragment of that video.
    std::optional<QString> fragmentLabel(int video, qint64 fragment) const;
    // Labeled fragments per class (every class present, 0 when none), over all videos or one.
    QMap<QString, qint64> labeledFragmentCounts() const;
    QMap<QString, qint64> labeledFragmentCounts(int video) const;

    // ---- scenes and keyframes (saved with the project) ----
    // Cut frames must ascend strictly within (0, frameCount); nothing: not detected.
    // `kinds`: empty, or one per cut with the same frame (what scene detection found there:
    // kind and transition frames; the score is not kept).
    Status setSceneCuts(int video, std::optional<std::vector<qint64>> cuts, std::vector<SceneCut> kinds = {});
    // Segments: non-empty, within the video, ascending, not overlapping; keyframes within
    // the video, each keyframe's segment -1 or an index into `segments`.
    Status setKeyframes(int video, std::vector<FrameSegment> segments, KeyframeSet keyframes);
    // The scenes the saved cuts make ("scene 1", ...), empty when not detected.
    std::vector<FrameSegment> savedScenes(int video) const;
    // The saved boundaries with their kinds; plain cuts where the project does not know them.
    std::vector<SceneCut> savedSceneCuts(int video) const;

    // ---- models ----
    // The active model: a file name inside modelsDir() (e.g. "20240501-120000-fragnet.flmodel"),
    // empty when none. Stored in project.json as "active_model" (absent when empty, so files
    // without a model read and write as before). Not checked against the folder here.
    const QString& activeModel() const { return m_activeModel; }
    Status setActiveModel(const QString& fileName); // refuses a path with folders; empty clears
    QString activeModelFile() const;                // absolute path, empty when none

    // ---- relinking moved videos ----
    // Videos whose file is not at its path or has a different size.
    std::vector<int> missingVideos() const;
    // Searches `folder` (and subfolders, kMaxRelinkDepth levels) for files with the size of
    // a missing video, confirms by content hash and points the video there. Returns how
    // many videos were found.
    Result<int> relink(const QString& folder);
    // Points one video at `file` after checking its size and content hash.
    Status relinkVideo(int index, const QString& file);

    bool operator==(const Project&) const = default;

private:
    friend class ProjectFormat;
    Status checkVideoIndex(int index) const;
    Status checkRange(int video, qint64 start, qint64 end) const;
    QString relativeToProject(const QString& absolutePath) const;
    Status repointVideo(int index, const QString& absolutePath);

    QString m_dir; // absolute, clean
    QString m_name;
    FragmentSpec m_spec;
    std::vector<LabelClass> m_classes;
    std::vector<ProjectVideo> m_videos;
    QString m_activeModel;
};

} // namespace fl
