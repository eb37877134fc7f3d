#include "shell/Features.h"

#include "clips/ClipExportController.h"
#include "model/ModelWorkspace.h"
#include "predictions/PredictionsPanel.h"
#include "scenes/ScenesController.h"
#include "scenes/ScenesPanel.h"
#include "shell/MainWindow.h"

namespace fl {

Features attachFeatures(MainWindow& window)
{
    Features f;
    f.models = new ModelWorkspace(window.workbench(), &window, &window);
    f.scenes = new ScenesController(window.workbench(), &window, f.models->predictions(), &window);
    // The panels' clip buttons: the panels sit in the window's docks, built by the features above.
    f.clips = new ClipExportController(window.workbench(), &window, window.findChild<ScenesPanel*>(),
                                       window.findChild<PredictionsPanel*>(), f.models->predictions(), &window);
    return f;
}

} // namespace fl
