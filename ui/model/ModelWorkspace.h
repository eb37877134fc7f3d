#pragma once
// The model side of the main window: attaches the Training and Models docks (and, through
// PredictionWorkspace, the predictions, inspector and embedding views) to a MainWindow via its
// extension points, and keeps them in step with the open project.
//
// Choosing the active model goes through the ProjectDocument (one undo step); the training
// panel trains on a snapshot of the document's project, so labeling goes on while it trains.
#include <QObject>

namespace fl {

class MainWindow;
class EmbeddingPanel;
class InspectorPanel;
class ModelCheckPanel;
class ModelListPanel;
class PredictionWorkspace;
class ScenesPanel;
class TrainingPanel;

class ModelWorkspace : public QObject {
    Q_OBJECT
public:
    explicit ModelWorkspace(MainWindow* window);

    TrainingPanel* trainingPanel() const { return m_training; }
    ModelListPanel* modelList() const { return m_models; }
    PredictionWorkspace* predictions() const { return m_predictions; }
    ModelCheckPanel* modelCheck() const { return m_check; }
    InspectorPanel* inspector() const { return m_inspector; }
    ScenesPanel* scenes() const { return m_scenes; }
    EmbeddingPanel* embedding() const { return m_embedding; }

private:
    void chooseActiveModel(const QString& fileName);

    MainWindow* m_window = nullptr;
    TrainingPanel* m_training = nullptr;
    ModelListPanel* m_models = nullptr;
    PredictionWorkspace* m_predictions = nullptr;
    ModelCheckPanel* m_check = nullptr;
    InspectorPanel* m_inspector = nullptr;
    ScenesPanel* m_scenes = nullptr;
    EmbeddingPanel* m_embedding = nullptr;
};

} // namespace fl
