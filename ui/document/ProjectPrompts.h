#pragma once
// The questions project file work asks the user, behind one small interface so that tests
// answer them (they override these in their window) and ProjectFiles never opens a dialog
// itself. DialogPrompts answers with Qt's dialogs; MainWindow is one, so its hooks stay
// where tests have always found them.
#include "fragments/FragmentSpec.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QString>
#include <QStringList>

#include <optional>

class QWidget;

namespace fl {

class AppSettings;
class ProjectDocument;

struct NewProjectRequest {
    QString folder;
    FragmentSpec spec;
    QStringList classNames;
};

class ProjectPrompts {
public:
    enum class UnsavedChoice { Save, Discard, Cancel };

    virtual ~ProjectPrompts() = default;
    virtual UnsavedChoice askUnsavedChanges() = 0;
    virtual bool askRecoverAutosave(const QString& file, const QDateTime& written) = 0;
    virtual void showError(const QString& title, const QString& message) = 0;
    // A project folder to open (`mustExist`) or to create; empty: cancelled.
    virtual QString askProjectFolder(const QString& title, bool mustExist) = 0;
    // The folder, fragment spec and classes of a new project; nothing: cancelled.
    virtual std::optional<NewProjectRequest> askNewProject() = 0;
    virtual QStringList askVideoFiles() = 0;
    virtual QString askFolderToSearch() = 0; // for moved videos
    virtual QString askLabelFileToImport() = 0;
    virtual QString askLabelFileToExport() = 0;
};

// Qt's dialogs, over a window; the folders start where the last dialog of their kind was left.
class DialogPrompts : public ProjectPrompts {
    Q_DECLARE_TR_FUNCTIONS(fl::DialogPrompts)
public:
    UnsavedChoice askUnsavedChanges() override;
    bool askRecoverAutosave(const QString& file, const QDateTime& written) override;
    void showError(const QString& title, const QString& message) override;
    QString askProjectFolder(const QString& title, bool mustExist) override;
    std::optional<NewProjectRequest> askNewProject() override;
    QStringList askVideoFiles() override;
    QString askFolderToSearch() override;
    QString askLabelFileToImport() override;
    QString askLabelFileToExport() override;

protected:
    // Before the first question: the dialogs' parent, the project they are about, the settings
    // that remember the last folders.
    void setPromptContext(QWidget* parent, const ProjectDocument* document, AppSettings* settings);

private:
    QWidget* m_parent = nullptr;
    const ProjectDocument* m_document = nullptr;
    AppSettings* m_settings = nullptr;
};

} // namespace fl
