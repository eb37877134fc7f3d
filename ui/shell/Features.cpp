#include "shell/Features.h"

#include "model/ModelWorkspace.h"
#include "scenes/ScenesController.h"
#include "shell/MainWindow.h"

namespace fl {

Features attachFeatures(MainWindow& window)
{
    Features f;
    f.models = new ModelWorkspace(window.workbench(), &window, &window);
    f.scenes = new ScenesController(window.workbench(), &window, f.models->predictions(), &window);
    return f;
}

} // namespace fl
