#include "document/ProjectEditCommand.h"

#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcEdit, "fragmentlab.ui.edit", QtInfoMsg)

namespace fl {

ProjectEditCommand::ProjectEditCommand(ProjectDocument* document, const QString& text, Edit redo, Edit undo,
                                       ProjectDocument::Changes changes)
    : QUndoCommand(text), m_document(document), m_redo(std::move(redo)), m_undo(std::move(undo)), m_changes(changes)
{}

void ProjectEditCommand::run(const Edit& edit)
{
    if (auto status = edit(m_document->m_project); !status)
        qCWarning(lcEdit) << text() << "could not be replayed:" << status.error();
    m_document->notify(m_changes);
}

void ProjectEditCommand::redo()
{
    if (m_applied) { // pushed after the document applied it
        m_applied = false;
        m_document->notify(m_changes);
        return;
    }
    run(m_redo);
}

void ProjectEditCommand::undo()
{
    run(m_undo);
}

} // namespace fl
