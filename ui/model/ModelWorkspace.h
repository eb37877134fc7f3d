#pragma once
// The model side of the window: the Training ("trainingDock") and Models ("modelsDock")
// docks, the predictions (PredictionWorkspace: the Predictions dock, the timeline row and the
// probability plot), the Model Check ("modelCheckDock"), the Inspector ("inspectorDock") and
// the Embedding Map ("embeddingDock"), kept in step with the open project. It works on a
// Workbench and puts its docks and the "trainModel" action (Tools menu) where a WindowParts
// says. Scenes and keyframes are not part of it (they need no model): ScenesController.
//
// Choosing the active model goes through the ProjectDocument (one undo step); the training
// panel trains on a snapshot of the document's project, so labeling goes on while it trains.
// Its panels are reached by name (findChild): "trainingPanel", "modelListPanel",
// "predictionsPanel", "modelCheckPanel", "inspectorPanel", "embeddingPanel".
#include <QObject>

namespace fl {

class EmbeddingPanel;
class InspectorPanel;
class ModelCheckPanel;
class ModelListPanel;
class PredictionWorkspace;
class TrainingPanel;
class WindowParts;
class Workbench;

class ModelWorkspace : public QObject {
    Q_OBJECT
public:
    ModelWorkspace(Workbench* workbench, WindowParts* parts, QObject* parent = nullptr);

    PredictionWorkspace* predictions() const { return m_predictions; }

private:
    void chooseActiveModel(const QString& fileName);

    Workbench* m_bench = nullptr;
    TrainingPanel* m_training = nullptr;
    ModelListPanel* m_models = nullptr;
    PredictionWorkspace* m_predictions = nullptr;
    ModelCheckPanel* m_check = nullptr;
    InspectorPanel* m_inspector = nullptr;
    EmbeddingPanel* m_embedding = nullptr;
};

} // namespace fl
