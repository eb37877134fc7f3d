#pragma once
// A structural edit of the project (classes, videos, imports) as an undo step: two functions
// that change the Project one way and back. The document has already applied the change when
// it pushes the command, so the first redo() only notifies.
#include "document/ProjectDocument.h"

#include <QUndoCommand>

#include <functional>

namespace fl {

class ProjectEditCommand : public QUndoCommand {
public:
    using Edit = std::function<Status(Project&)>;
    ProjectEditCommand(ProjectDocument* document, const QString& text, Edit redo, Edit undo,
                       ProjectDocument::Changes changes);

    void undo() override;
    void redo() override;

private:
    void run(const Edit& edit);
    ProjectDocument* m_document;
    Edit m_redo;
    Edit m_undo;
    ProjectDocument::Changes m_changes;
    bool m_applied = true;
};

} // namespace fl
