#pragma once
// The Classes dock: the classes with their colours, keys and labeled-fragment counts, and
// buttons to add, recolour, reorder and delete them. Rename and change a key by double-click.
// Every change goes through the document (undoable). The table is "classTable".
#include <QWidget>

#include <functional>

class QTableView;
class QToolButton;

namespace fl {

class ClassListModel;
class ProjectDocument;

class ClassesPanel : public QWidget {
    Q_OBJECT
public:
    explicit ClassesPanel(ProjectDocument* document, QWidget* parent = nullptr);

    ClassListModel* model() const { return m_model; }
    QString selectedClass() const;
    void selectClass(const QString& name);

    // Asked before a class with labels is deleted (default: a message box).
    std::function<bool(const QString& name, qint64 labeledFragments)> confirmDelete;

public slots:
    void addClass();
    void recolourSelected();
    void moveSelected(int delta);
    void deleteSelected();

signals:
    void problem(const QString& message);

private:
    void updateButtons();
    ProjectDocument* m_document;
    ClassListModel* m_model;
    QTableView* m_view;
    QToolButton* m_colour;
    QToolButton* m_up;
    QToolButton* m_down;
    QToolButton* m_delete;
};

} // namespace fl
