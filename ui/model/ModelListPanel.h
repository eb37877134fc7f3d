#pragma once
// The models list: all trained models of the project with their validation scores; "Make
// active" (or checking a row) picks the active model, "Show report" opens its training
// report. The panel does not own the project: it reads it through the getter and emits
// activeModelChosen; the owner sets it (Project::setActiveModel + save) and calls refresh().
// The table is named "modelTable" (findChild).
#include <QWidget>

#include <functional>

class QPushButton;
class QTableView;

namespace fl {

class ModelListModel;
class Project;

class ModelListPanel : public QWidget {
    Q_OBJECT
public:
    using ProjectGetter = std::function<Project()>;
    explicit ModelListPanel(ProjectGetter project, QWidget* parent = nullptr);

    ModelListModel* model() const { return m_model; }

public slots:
    void refresh();

signals:
    void activeModelChosen(const QString& fileName);

private:
    void updateButtons();
    ProjectGetter m_project;
    ModelListModel* m_model = nullptr;
    QTableView* m_view = nullptr;
    QPushButton* m_activate = nullptr;
    QPushButton* m_report = nullptr;
};

} // namespace fl
