#pragma once
// The features of the window beyond labeling, attached in one place: ModelWorkspace (training,
// models, predictions, model check, inspector, embedding map) and ScenesController (scenes and
// keyframes, with the predicted runs as a second source of segments) and ClipExportController
// (the scenes and the predicted bouts as video clips, from both panels). The app and the tests
// that want the whole window build it with attachFeatures, so they build the same thing.
namespace fl {

class ClipExportController;
class MainWindow;
class ModelWorkspace;
class ScenesController;

struct Features {
    ModelWorkspace* models = nullptr;
    ScenesController* scenes = nullptr;
    ClipExportController* clips = nullptr;
};

// Attaches them to `window` (owned by it) on its workbench and in its parts.
Features attachFeatures(MainWindow& window);

} // namespace fl
