#pragma once
// The open project as the GUI edits it: owns the fl::Project value, sends every change
// through a QUndoStack (one undo step per user action; one per drag or paint stroke through
// gesture ids), tells views what changed, tracks unsaved changes and autosaves to the
// project's recovery file (Project::autosaveFile) every N seconds.
//
// Views read project() and listen to the signals; they never change the Project themselves.
// Closing without saving, or a crash, leaves the autosave file for the next open to offer
// (Project::pendingAutosave); discardAutosave() removes it when the user chose to discard.
#include "Result.h"
#include "fragments/FragmentSpec.h"
#include "project/LabelExchange.h"
#include "project/Project.h"
#include "project/VideoProbe.h"
#include "video/FileFingerprint.h"

#include <QObject>
#include <QStringList>
#include <QTimer>

#include <functional>
#include <optional>
#include <vector>

class QUndoStack;

namespace fl {

class ProjectDocument : public QObject {
    Q_OBJECT
public:
    // What a change touched (views refresh what they show of it).
    enum Change { Labels = 1, Classes = 2, Videos = 4, Models = 8, Scenes = 16 };
    Q_DECLARE_FLAGS(Changes, Change)

    // A video ready to add: indexed (frame count, rate) and fingerprinted, e.g. by a job.
    using NewVideo = ProbedVideo; // a video file as probeNewVideo found it

    explicit ProjectDocument(QObject* parent = nullptr);
    ~ProjectDocument() override; // keeps the autosave file (as a crash would)

    bool hasProject() const { return !m_project.isNull(); }
    const Project& project() const { return m_project; }
    QUndoStack* undoStack() const { return m_undo; }

    // ---- files ----
    Status open(const QString& dirOrFile);    // project.json as saved
    Status openRecovered(const QString& dir); // its autosave file; counts as unsaved changes
    Status create(const QString& dir, const FragmentSpec& spec, const QStringList& classNames);
    Status save();
    Status saveAs(const QString& dir);
    void close();           // forgets the project (the autosave file stays)
    void discardAutosave(); // removes the project's autosave file
    bool isModified() const;

    // ---- autosave ----
    void setAutosaveInterval(int seconds); // 0 = off
    int autosaveInterval() const { return m_autosaveSeconds; }
    // Writes the autosave file now when there are changes it does not hold yet.
    Status autosaveNow();

    // ---- label edits (each one undo step; consecutive edits with the same non-zero gesture
    //      id on the same video merge into one step: a drag, a paint stroke) ----
    int newGestureId() { return ++m_lastGesture; }
    // How many whole fragments of video lie inside frames [start, end).
    qint64 fragmentsInside(int video, qint64 start, qint64 end) const;
    Status setLabel(int video, qint64 start, qint64 end, const QString& cls, int gesture = 0);
    Status clearLabels(int video, qint64 start, qint64 end, int gesture = 0);
    // Imports a CSV/JSON label file (LabelExchange) as one undo step.
    Result<int> importLabels(const QString& file, const LabelImportOptions& options = {});

    // ---- classes ----
    Status addClass(const QString& name, const QString& color = QString());
    Status renameClass(const QString& name, const QString& newName);
    Status setClassColor(const QString& name, const QString& color);
    Status setClassShortcut(const QString& name, const QString& key);
    Status moveClass(int from, int to);
    // Removes the class and every label of it (undoable). Returns the number of labeled
    // fragments that lose their label.
    Result<qint64> removeClass(const QString& name);

    // ---- videos ----
    Status addVideos(const std::vector<NewVideo>& videos); // all or nothing, one undo step
    Status removeVideo(int index);                         // with its labels (undoable)
    // Finds moved videos in `folder` (Project::relink); returns how many were found.
    Result<int> relinkVideos(const QString& folder);

    // ---- models ----
    // Picks the model (a file name in models/; empty: none) whose predictions the views show
    // and the prediction job uses (one undo step).
    Status setActiveModel(const QString& fileName);
    // ---- scenes and keyframes (undoable, saved with the project) ----
    Status setSceneCuts(int video, std::optional<std::vector<qint64>> cuts, const QString& text,
                        std::vector<SceneCut> kinds = {});
    Status setKeyframes(int video, std::vector<FrameSegment> segments, KeyframeSet keyframes, const QString& text);
    // ---- derived ----
    qint64 fragmentCount(int video) const;    // fragments of one video under the spec
    qint64 labeledFragments(int video) const; // fragments of it that carry a label

signals:
    // A project was opened, created or closed: everything may have changed.
    void projectReplaced();
    // Labels of `video` in frames [start, end) changed; video -1: any video, anywhere.
    void labelsChanged(int video, qint64 start, qint64 end);
    void classesChanged();
    void videosChanged();
    void activeModelChanged(const QString& fileName);
    // Scene cuts or keyframes of a video changed (edit, undo, redo).
    void scenesChanged();
    void modifiedChanged(bool modified);
    void locationChanged(const QString& dir); // after save as
    void saved();
    void autosaved(const QString& file);
    void autosaveFailed(const QString& message);

private:
    friend class LabelPatchCommand;
    friend class ProjectEditCommand;
    void replaceProject(Project project, bool recovered);
    // Called by commands after they changed m_project.
    void applyLabelPatch(int video, qint64 lo, qint64 hi, const std::vector<LabelRange>& ranges);
    void notify(Changes changes);
    void markChanged();
    Status pushEdit(const QString& text, const std::function<Status(Project&)>& redo,
                    const std::function<Status(Project&)>& undo, Changes changes);
    Status pushLabelEdit(int video, qint64 start, qint64 end, const QString* cls, int gesture, const QString& text);
    Status setClassField(const QString& name, QString LabelClass::*field, const QString& value,
                         Status (Project::*set)(const QString&, const QString&), const QString& text, Changes changes);
    void updateModified();

    Project m_project;
    QUndoStack* m_undo = nullptr;
    QTimer m_autosaveTimer;
    int m_autosaveSeconds = 60;
    int m_lastGesture = 0;
    bool m_recovered = false; // opened from an autosave file and not saved since
    bool m_lastModified = false;
    quint64 m_changeSerial = 0; // bumps on every change (do, undo, redo)
    quint64 m_autosavedSerial = 0;
};

} // namespace fl

Q_DECLARE_OPERATORS_FOR_FLAGS(fl::ProjectDocument::Changes)
