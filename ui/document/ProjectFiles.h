#pragma once
// Project files from the window's side: open (with recovery and the demo copy), new, save,
// save as, add videos (probed in a job), relink, import and export labels, the fragment cache
// and the scrub previews, and the File menu's actions and recent projects. Every question to
// the user goes through ProjectPrompts (tests answer them); errors are shown there and
// returned. The work itself is core's (video/VideoProbe.h, fragments/FragmentCache.h,
// video/PreviewStore.h), run as jobs on the Workbench.
#include "Result.h"

#include <QList>
#include <QObject>
#include <QStringList>

class QMenu;
class QUrl;

namespace fl {

class ActionRegistry;
class AppSettings;
class ProjectDocument;
class ProjectPrompts;
class Workbench;

class ProjectFiles : public QObject {
    Q_OBJECT
public:
    ProjectFiles(Workbench* workbench, ProjectPrompts* prompts, QObject* parent = nullptr);

    // The shipped demo project (opened as a writable copy; see DemoProject).
    void setDemoSource(const QString& shippedDir) { m_demoSource = shippedDir; }
    QString demoSource() const { return m_demoSource; }

    // Asks about unsaved changes and about a recovery file first. Errors are shown and returned.
    Status openProject(const QString& dir);
    Status openDemoProject();
    // Asks for the folder, spec and classes, then creates the project.
    void newProject();
    void openProjectDialog();
    bool saveProject(); // false when it failed or was cancelled
    bool saveProjectAs();
    // Asks what to do with unsaved changes; false: the user cancelled.
    bool maybeSave();
    // Indexes the files in a job (progress, cancel) and adds the ones that open as one undo step.
    void addVideoFiles(const QStringList& paths);
    void addVideosDialog();
    void relinkDialog();
    void importLabelsDialog();
    void exportLabelsDialog();
    void buildFragmentCache();
    // The current video's scrub preview: loaded when built, else built in a job (setting).
    void ensurePreview();
    static bool isVideoFile(const QString& path);
    // Whether a dropped path is a project (its folder or its project.json).
    static bool isProjectPath(const QString& path);
    // Files dropped on the window: a project among them opens, else the videos are added.
    static bool canOpenDropped(const QList<QUrl>& urls);
    void openDropped(const QList<QUrl>& urls);

    // The File actions, in the registry.
    void registerActions(ActionRegistry* actions);
    // Tools > Build Fragment Cache, in the registry.
    void registerToolActions(ActionRegistry* actions);
    // File > Open Recent: filled now and whenever the list changes.
    void setRecentMenu(QMenu* menu);

signals:
    // A project was opened or created (before its first video is selected).
    void projectOpened();
    // The result of addVideoFiles(): how many were added and the problems with the others.
    void videosAdded(int added, const QStringList& problems);

private:
    void afterProjectOpened();
    void rebuildRecentMenu();

    Workbench* m_workbench;
    ProjectDocument* m_document;
    AppSettings* m_settings;
    ProjectPrompts* m_prompts;
    QString m_demoSource;
    QMenu* m_recentMenu = nullptr;
};

} // namespace fl
