#include "document/ProjectFiles.h"

#include "document/DemoProject.h"
#include "document/ProjectDocument.h"
#include "document/ProjectPrompts.h"
#include "player/VideoPlayer.h"
#include "settings/AppSettings.h"
#include "shell/ActionRegistry.h"
#include "shell/Workbench.h"

#include "fragments/FragmentCacheBuild.h"
#include "jobs/FunctionJob.h"
#include "jobs/JobRunner.h"
#include "project/LabelExchange.h"
#include "project/VideoProbe.h"
#include "video/PreviewStore.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QFileInfo>
#include <QMenu>
#include <QStyle>
#include <QUrl>

#include <algorithm>

#include <memory>

namespace fl {

ProjectFiles::ProjectFiles(Workbench* workbench, ProjectPrompts* prompts, QObject* parent)
    : QObject(parent), m_workbench(workbench), m_document(workbench->document()), m_settings(workbench->settings()),
      m_prompts(prompts)
{
    connect(m_document, &ProjectDocument::locationChanged, this, [this](const QString& dir) {
        m_settings->setLastProject(dir);
        m_settings->addRecentProject(dir);
        rebuildRecentMenu();
    });
}

void ProjectFiles::registerActions(ActionRegistry* actions)
{
    const QString file = tr("File");
    const QStyle* s = QApplication::style();
    auto icon = [s](const char* name, QStyle::StandardPixmap fallback) {
        return QIcon::fromTheme(QLatin1String(name), s->standardIcon(fallback));
    };
    auto on = [this](QAction* a, auto slot) {
        connect(a, &QAction::triggered, this, slot);
        return a;
    };
    using N = ActionRegistry::Needs;
    on(actions->make(QStringLiteral("newProject"), tr("&New Project..."), {QKeySequence::New},
                     tr("Create a project in a new folder"), file),
       [this] { newProject(); })
        ->setIcon(icon("document-new", QStyle::SP_FileDialogNewFolder));
    on(actions->make(QStringLiteral("openProject"), tr("&Open Project..."), {QKeySequence::Open},
                     tr("Open a project folder"), file),
       [this] { openProjectDialog(); })
        ->setIcon(icon("document-open", QStyle::SP_DialogOpenButton));
    on(actions->make(QStringLiteral("openDemo"), tr("Open &Demo Project"),
                     {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_D)}, tr("Open (a copy of) the bundled demo project"),
                     file),
       [this] { (void)openDemoProject(); });
    on(actions->make(QStringLiteral("save"), tr("&Save"), {QKeySequence::Save}, tr("Save the project"), file,
                     N::Project),
       [this] { saveProject(); })
        ->setIcon(icon("document-save", QStyle::SP_DialogSaveButton));
    on(actions->make(QStringLiteral("saveAs"), tr("Save &As..."), {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S)},
                     tr("Save the project into another folder and continue there"), file, N::Project),
       [this] { saveProjectAs(); });
    on(actions->make(QStringLiteral("addVideos"), tr("Add &Videos..."), {QKeySequence(Qt::CTRL | Qt::Key_I)},
                     tr("Add video files to the project (or drop them on the window)"), file, N::Project),
       [this] { addVideosDialog(); })
        ->setIcon(icon("list-add", QStyle::SP_FileDialogNewFolder));
    on(actions->make(QStringLiteral("relink"), tr("&Relink Missing Videos..."),
                     {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_L)},
                     tr("Find videos that moved, by content, in a folder you choose"), file, N::Project),
       [this] { relinkDialog(); });
    on(actions->make(QStringLiteral("importLabels"), tr("&Import Labels..."),
                     {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_I)},
                     tr("Import labels from a CSV or JSON file (undoable)"), file, N::Project),
       [this] { importLabelsDialog(); });
    on(actions->make(QStringLiteral("exportLabels"), tr("&Export Labels..."),
                     {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E)}, tr("Export all labels to a CSV or JSON file"),
                     file, N::Project),
       [this] { exportLabelsDialog(); });
}

void ProjectFiles::registerToolActions(ActionRegistry* actions)
{
    QAction* cache =
        actions->make(QStringLiteral("buildCache"), tr("Build &Fragment Cache"), {QKeySequence(Qt::CTRL | Qt::Key_B)},
                      tr("Decode every video once into the fragment cache that training and prediction read"),
                      tr("Tools"), ActionRegistry::Needs::Project);
    connect(cache, &QAction::triggered, this, [this] { buildFragmentCache(); });
}

void ProjectFiles::setRecentMenu(QMenu* menu)
{
    m_recentMenu = menu;
    m_recentMenu->setToolTipsVisible(true);
    rebuildRecentMenu();
}

void ProjectFiles::rebuildRecentMenu()
{
    if (!m_recentMenu) return;
    m_recentMenu->clear();
    const QStringList recent = m_settings->recentProjects();
    for (int i = 0; i < recent.size(); ++i) {
        const QString dir = recent[i];
        QAction* a = m_recentMenu->addAction(QStringLiteral("&%1 %2").arg(i + 1).arg(QDir::toNativeSeparators(dir)));
        a->setToolTip(tr("Open %1").arg(dir));
        connect(a, &QAction::triggered, this, [this, dir] { (void)openProject(dir); });
    }
    if (!recent.isEmpty()) m_recentMenu->addSeparator();
    QAction* clear = m_recentMenu->addAction(tr("Clear Recent Projects"));
    clear->setToolTip(tr("Forget the list of recent projects"));
    clear->setEnabled(!recent.isEmpty());
    connect(clear, &QAction::triggered, this, [this] {
        m_settings->clearRecentProjects();
        rebuildRecentMenu();
    });
}

bool ProjectFiles::maybeSave()
{
    if (!m_document->isModified()) return true;
    switch (m_prompts->askUnsavedChanges()) {
    case ProjectPrompts::UnsavedChoice::Save: return saveProject();
    case ProjectPrompts::UnsavedChoice::Discard: m_document->discardAutosave(); return true;
    case ProjectPrompts::UnsavedChoice::Cancel: return false;
    }
    return false;
}

Status ProjectFiles::openProject(const QString& requested)
{
    if (!maybeSave()) return Status::failure(tr("cancelled"));
    QString dir = requested;
    if (QFileInfo(dir).isFile()) dir = QFileInfo(dir).absolutePath();
    if (!m_demoSource.isEmpty() && DemoProject::isShipped(dir, m_demoSource)) {
        auto copy = DemoProject::ensureCopy(m_demoSource, DemoProject::writableDir());
        if (!copy) {
            m_prompts->showError(tr("Demo Project"), copy.error());
            return copy.status();
        }
        dir = *copy;
    }
    m_workbench->releaseVideo();
    Status status;
    bool opened = false;
    if (const auto pending = Project::pendingAutosave(dir)) {
        if (m_prompts->askRecoverAutosave(*pending, QFileInfo(*pending).lastModified())) {
            status = m_document->openRecovered(dir);
            if (status)
                opened = true;
            else
                m_prompts->showError(tr("Recovery Failed"),
                                     tr("%1\nThe project opens as it was last saved.").arg(status.error()));
        } else {
            QFile::remove(*pending);
        }
    }
    if (!opened) {
        status = m_document->open(dir);
        if (!status) {
            m_prompts->showError(tr("Cannot Open Project"), status.error());
            m_settings->removeRecentProject(dir);
            rebuildRecentMenu();
            return status;
        }
    }
    afterProjectOpened();
    return Status::success();
}

void ProjectFiles::afterProjectOpened()
{
    const Project& p = m_document->project();
    m_settings->setLastProject(p.dir());
    m_settings->addRecentProject(p.dir());
    rebuildRecentMenu();
    emit projectOpened();
    if (p.videoCount() > 0) m_workbench->selectVideo(0);
    if (const auto missing = p.missingVideos(); !missing.empty())
        m_workbench->showStatus(
            tr("Videos missing from this project: %1. File > Relink Missing Videos finds moved files.")
                .arg(missing.size()),
            15000);
}

Status ProjectFiles::openDemoProject()
{
    if (m_demoSource.isEmpty()) return Status::failure(tr("no demo project in this installation"));
    if (!maybeSave()) return Status::failure(tr("cancelled"));
    auto copy = DemoProject::ensureCopy(m_demoSource, DemoProject::writableDir());
    if (!copy) {
        m_prompts->showError(tr("Demo Project"), copy.error());
        return copy.status();
    }
    return openProject(*copy);
}

void ProjectFiles::newProject()
{
    if (!maybeSave()) return;
    const auto request = m_prompts->askNewProject();
    if (!request) return;
    m_workbench->player()->close();
    if (auto status = m_document->create(request->folder, request->spec, request->classNames); !status) {
        m_prompts->showError(tr("Cannot Create Project"), status.error());
        return;
    }
    afterProjectOpened();
}

void ProjectFiles::openProjectDialog()
{
    const QString dir = m_prompts->askProjectFolder(tr("Open Project Folder"), true);
    if (!dir.isEmpty()) (void)openProject(dir);
}

bool ProjectFiles::saveProject()
{
    if (!m_document->hasProject()) return false;
    if (auto status = m_document->save(); !status) {
        m_prompts->showError(tr("Cannot Save"), status.error());
        return false;
    }
    m_workbench->showStatus(tr("Saved %1").arg(m_document->project().projectFile()), 4000);
    return true;
}

bool ProjectFiles::saveProjectAs()
{
    if (!m_document->hasProject()) return false;
    const QString dir = m_prompts->askProjectFolder(tr("Save Project As (a new folder)"), false);
    if (dir.isEmpty()) return false;
    if (auto status = m_document->saveAs(dir); !status) {
        m_prompts->showError(tr("Cannot Save"), status.error());
        return false;
    }
    m_workbench->showStatus(tr("Saved as %1").arg(m_document->project().projectFile()), 4000);
    return true;
}

bool ProjectFiles::isVideoFile(const QString& path)
{
    static const QStringList suffixes = {QStringLiteral("mp4"),  QStringLiteral("m4v"),  QStringLiteral("mov"),
                                         QStringLiteral("mkv"),  QStringLiteral("webm"), QStringLiteral("avi"),
                                         QStringLiteral("mpg"),  QStringLiteral("mpeg"), QStringLiteral("mts"),
                                         QStringLiteral("m2ts"), QStringLiteral("ts"),   QStringLiteral("wmv"),
                                         QStringLiteral("flv"),  QStringLiteral("ogv"),  QStringLiteral("3gp"),
                                         QStringLiteral("mxf"),  QStringLiteral("dv"),   QStringLiteral("mjpeg"),
                                         QStringLiteral("y4m")};
    const QFileInfo info(path);
    return info.isFile() && suffixes.contains(info.suffix().toLower());
}

bool ProjectFiles::isProjectPath(const QString& path)
{
    return QFileInfo::exists(QDir(path).filePath(Project::projectFileName()))
        || QFileInfo(path).fileName() == Project::projectFileName();
}

bool ProjectFiles::canOpenDropped(const QList<QUrl>& urls)
{
    return std::any_of(urls.begin(), urls.end(), [](const QUrl& url) {
        return isVideoFile(url.toLocalFile()) || isProjectPath(url.toLocalFile());
    });
}

void ProjectFiles::openDropped(const QList<QUrl>& urls)
{
    QStringList videos;
    QString project;
    for (const QUrl& url : urls) {
        const QString path = url.toLocalFile();
        if (isVideoFile(path))
            videos << path;
        else if (isProjectPath(path))
            project = path;
    }
    if (!project.isEmpty())
        (void)openProject(project);
    else if (!videos.isEmpty())
        addVideoFiles(videos);
}

void ProjectFiles::addVideosDialog()
{
    if (!m_document->hasProject()) return;
    if (const QStringList files = m_prompts->askVideoFiles(); !files.isEmpty()) addVideoFiles(files);
}

void ProjectFiles::addVideoFiles(const QStringList& paths)
{
    if (!m_document->hasProject()) {
        m_prompts->showError(tr("Add Videos"), tr("Open or create a project first (File > New Project)."));
        emit videosAdded(0, {tr("no project is open")});
        return;
    }
    QStringList files;
    for (const QString& p : paths) files << QFileInfo(p).absoluteFilePath();
    const QString indexDir = m_document->project().indexCacheDir();
    auto results = std::make_shared<std::vector<ProjectDocument::NewVideo>>();
    auto problems = std::make_shared<QStringList>();
    auto job = std::make_unique<FunctionJob>(files.size() == 1 ? tr("Adding 1 video")
                                                               : tr("Adding %1 videos").arg(files.size()),
                                             [files, indexDir, results, problems](const WorkControl& control) {
                                                 auto probed = probeNewVideos(files, indexDir, control);
                                                 if (!probed) return probed.status();
                                                 *results = std::move(probed->videos);
                                                 *problems = probed->problems;
                                                 return Status::success();
                                             });
    connect(job.get(), &Job::finished, this, [this, results, problems](Job::State state, const QString& error) {
        if (state == Job::State::Cancelled) {
            emit videosAdded(0, {tr("cancelled")});
            return;
        }
        if (state == Job::State::Failed) *problems << error;
        // Keep the ones the project accepts (not already in it, no clashing file name).
        Project trial = m_document->project();
        std::vector<ProjectDocument::NewVideo> accepted;
        for (const auto& v : *results) {
            if (auto added = trial.addVideo(v.path, v.frameCount, v.fps, v.fingerprint); !added)
                *problems << added.error();
            else
                accepted.push_back(v);
        }
        const int firstNew = m_document->project().videoCount();
        if (!accepted.empty()) {
            if (auto status = m_document->addVideos(accepted); !status) {
                *problems << status.error();
                accepted.clear();
            }
        }
        if (!accepted.empty()) {
            m_workbench->selectVideo(firstNew);
            m_workbench->showStatus(accepted.size() == 1 ? tr("Added 1 video")
                                                         : tr("Added %1 videos").arg(accepted.size()),
                                    5000);
        }
        if (!problems->isEmpty())
            m_prompts->showError(tr("Add Videos"),
                                 tr("Some files were not added:\n\n%1").arg(problems->join(QLatin1Char('\n'))));
        emit videosAdded(int(accepted.size()), *problems);
    });
    m_workbench->startJob(std::move(job));
}

void ProjectFiles::relinkDialog()
{
    if (!m_document->hasProject()) return;
    const QString folder = m_prompts->askFolderToSearch();
    if (folder.isEmpty()) return;
    auto found = m_document->relinkVideos(folder);
    if (!found)
        m_prompts->showError(tr("Relink Videos"), found.error());
    else
        m_workbench->showStatus(tr("Moved videos found: %1").arg(*found), 6000);
}

void ProjectFiles::importLabelsDialog()
{
    if (!m_document->hasProject()) return;
    const QString file = m_prompts->askLabelFileToImport();
    if (file.isEmpty()) return;
    LabelImportOptions options;
    options.createMissingClasses = true;
    auto count = m_document->importLabels(file, options);
    if (!count)
        m_prompts->showError(tr("Import Labels"), count.error());
    else
        m_workbench->showStatus(tr("Label ranges imported: %1 (Edit > Undo takes them back)").arg(*count), 6000);
}

void ProjectFiles::exportLabelsDialog()
{
    if (!m_document->hasProject()) return;
    const QString file = m_prompts->askLabelFileToExport();
    if (file.isEmpty()) return;
    const Project snapshot = m_document->project();
    auto job = std::make_unique<FunctionJob>(tr("Exporting labels to %1").arg(QFileInfo(file).fileName()),
                                             [snapshot, file](const WorkControl&) {
                                                 return exportLabels(snapshot, file);
                                             });
    connect(job.get(), &Job::finished, this, [this, file](Job::State state, const QString& error) {
        if (state == Job::State::Succeeded)
            m_workbench->showStatus(tr("Exported labels to %1").arg(file), 6000);
        else if (state == Job::State::Failed)
            m_prompts->showError(tr("Export Labels"), error);
    });
    m_workbench->startJob(std::move(job));
}

void ProjectFiles::buildFragmentCache()
{
    if (!m_document->hasProject() || m_document->project().videoCount() == 0) return;
    const Project& p = m_document->project();
    QStringList videos;
    for (int i = 0; i < p.videoCount(); ++i) videos << p.absoluteVideoPath(i);
    const QString cacheDir = p.cacheDir(), indexDir = p.indexCacheDir();
    auto job = std::make_unique<FunctionJob>(tr("Building the fragment cache"),
                                             [videos, cacheDir, indexDir](const WorkControl& control) {
                                                 return buildFragmentCaches(videos, cacheDir, indexDir, control);
                                             });
    connect(job.get(), &Job::finished, this, [this](Job::State state, const QString& error) {
        if (state == Job::State::Succeeded)
            m_workbench->showStatus(tr("The fragment cache is complete"), 5000);
        else if (state == Job::State::Failed)
            m_prompts->showError(tr("Fragment Cache"), error);
    });
    m_workbench->startJob(std::move(job));
}

void ProjectFiles::ensurePreview()
{
    VideoPlayer* player = m_workbench->player();
    if (!m_settings->buildScrubPreviews() || !m_document->hasProject() || player->contentHash().isEmpty()) return;
    const QString cacheDir = m_document->project().cacheDir();
    const int height = m_settings->previewHeight();
    const QString file = PreviewStore::fileFor(cacheDir, player->contentHash(), height);
    if (QFileInfo::exists(file)) {
        if (auto store = PreviewStore::open(file); store && store->contentHash() == player->contentHash()) {
            player->setPreview(*store);
            return;
        }
    }
    for (Job* j : m_workbench->jobRunner()->activeJobs())
        if (j->property("previewFile").toString() == file) return; // already being built
    const QString path = player->path(), indexDir = m_document->project().indexCacheDir(), hash = player->contentHash();
    auto result = std::make_shared<PreviewStore>();
    auto job = std::make_unique<FunctionJob>(tr("Scrub preview of %1").arg(QFileInfo(path).fileName()),
                                             [path, cacheDir, indexDir, height, result](const WorkControl& control) {
                                                 PreviewOptions options;
                                                 options.maxHeight = height;
                                                 VideoOpenOptions open;
                                                 open.indexCacheDir = indexDir;
                                                 auto store = PreviewStore::ensure(path, cacheDir, options, open,
                                                                                   control);
                                                 if (!store) return store.status();
                                                 *result = *store;
                                                 return Status::success();
                                             });
    job->setProperty("previewFile", file);
    connect(job.get(), &Job::finished, this, [player, result, hash](Job::State state) {
        if (state == Job::State::Succeeded && player->contentHash() == hash) player->setPreview(*result);
    });
    m_workbench->startJob(std::move(job));
}

} // namespace fl
