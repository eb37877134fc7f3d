#include "document/ProjectPrompts.h"

#include "document/NewProjectDialog.h"
#include "document/ProjectDocument.h"
#include "settings/AppSettings.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QLocale>
#include <QMessageBox>

namespace fl {

void DialogPrompts::setPromptContext(QWidget* parent, const ProjectDocument* document, AppSettings* settings)
{
    m_parent = parent;
    m_document = document;
    m_settings = settings;
}

ProjectPrompts::UnsavedChoice DialogPrompts::askUnsavedChanges()
{
    const auto answer =
        QMessageBox::warning(m_parent, tr("Unsaved Changes"),
                             tr("The project \"%1\" has changes that are not saved.").arg(m_document->project().name()),
                             QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
    if (answer == QMessageBox::Save) return UnsavedChoice::Save;
    if (answer == QMessageBox::Discard) return UnsavedChoice::Discard;
    return UnsavedChoice::Cancel;
}

bool DialogPrompts::askRecoverAutosave(const QString& file, const QDateTime& written)
{
    return QMessageBox::question(
               m_parent, tr("Recover Unsaved Changes"),
               tr("FragmentLab did not close normally, and unsaved changes to this project were kept in %1 (%2).\n\n"
                  "Recover them? (No opens the project as it was last saved and deletes the recovery file.)")
                   .arg(QFileInfo(file).fileName(), QLocale().toString(written, QLocale::ShortFormat)),
               QMessageBox::Yes | QMessageBox::No, QMessageBox::Yes)
        == QMessageBox::Yes;
}

void DialogPrompts::showError(const QString& title, const QString& message)
{
    QMessageBox::warning(m_parent, title, message);
}

QString DialogPrompts::askProjectFolder(const QString& title, bool mustExist)
{
    QString start = m_settings->lastFolder(QStringLiteral("projects"));
    if (start.isEmpty())
        start = m_document->hasProject() ? QFileInfo(m_document->project().dir()).absolutePath() : QDir::homePath();
    const QString dir = mustExist
        ? QFileDialog::getExistingDirectory(m_parent, title, start)
        : QFileDialog::getSaveFileName(m_parent, title, start, QString(), nullptr, QFileDialog::ShowDirsOnly);
    if (!dir.isEmpty()) // the next dialog starts where this one was left: the folder holding the project
        m_settings->setLastFolder(QStringLiteral("projects"), QFileInfo(dir).absolutePath());
    return dir;
}

std::optional<NewProjectRequest> DialogPrompts::askNewProject()
{
    NewProjectDialog dialog(QDir(QDir::homePath()).filePath(tr("FragmentLab project")), m_parent);
    if (dialog.exec() != QDialog::Accepted) return std::nullopt;
    return NewProjectRequest{dialog.folder(), dialog.spec(), dialog.classNames()};
}

QStringList DialogPrompts::askVideoFiles()
{
    const QString last = m_settings->lastFolder(QStringLiteral("videos"));
    const QStringList files = QFileDialog::getOpenFileNames(
        m_parent, tr("Add Videos"), last.isEmpty() ? m_document->project().dir() : last,
        tr("Videos (*.mp4 *.m4v *.mov *.mkv *.webm *.avi *.mpg *.mpeg *.mts *.m2ts *.ts *.wmv *.flv *.ogv *.3gp *.mxf *.dv *.y4m);;All files (*)"));
    if (!files.isEmpty()) m_settings->setLastFolder(QStringLiteral("videos"), QFileInfo(files.front()).absolutePath());
    return files;
}

QString DialogPrompts::askFolderToSearch()
{
    return QFileDialog::getExistingDirectory(m_parent, tr("Folder to Search for Moved Videos"),
                                             m_document->project().dir());
}

QString DialogPrompts::askLabelFileToImport()
{
    return QFileDialog::getOpenFileName(m_parent, tr("Import Labels"), m_document->project().dir(),
                                        tr("Label files (*.csv *.json);;All files (*)"));
}

QString DialogPrompts::askLabelFileToExport()
{
    return QFileDialog::getSaveFileName(m_parent, tr("Export Labels"),
                                        QDir(m_document->project().dir()).filePath(QStringLiteral("labels.csv")),
                                        tr("CSV (*.csv);;JSON (*.json)"));
}

} // namespace fl
