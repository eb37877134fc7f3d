#pragma once
// The GUI's screenshot tooling, for docs/USER_GUIDE.md (scripts/guide-screenshots.sh) and the
// layout checks: `fragmentlab --screenshot FILE [--panel NAME]` opens a project, lets its first
// video arrive, shows one view filled with content (a trained model, an inspection, scenes and
// keyframes...) and grabs the window; `--layout-report FILE` writes what a person sees after
// starting the program (the window, every panel in view, the timeline, texts cut short) as
// JSON. The window is assembled by main.cpp; these only drive it.
#include "Result.h"
#include "shell/Features.h"

#include <QSize>
#include <QString>
#include <QStringList>

namespace fl {

class MainWindow;

namespace screenshots {

// The docks each --panel view shows (labeling, training, models, predictions, check,
// inspector, embedding, scenes); empty: no such view.
QStringList docksOfPanel(const QString& panel);
// Shows the docks of `panel` alone, every other dock hidden so the view gets the room. Before
// the window is shown (so that hidden docks do not make it grow).
void arrangeDocks(MainWindow& window, const QString& panel);
// Shows the docks of `panel` and waits until the view has content: a trained model
// (training, whose report window is saved next to `file` as NAME-report.png), an inspection
// (inspector), scenes and keyframes (scenes). Fails with a message when the content does not
// arrive.
Status showPanel(MainWindow& window, const Features& features, const QString& panel, const QString& file,
                 const QSize& size);
// Opens `project`, lets the first video and its frame arrive, labels and selects a few
// fragments, shows the view `panel` asks for (all docks when empty), then writes the window
// to `file` and prints its name and size.
Status screenshot(MainWindow& window, const Features& features, const QString& project, const QString& file,
                  const QSize& size, const QString& panel);
// --layout-report: the screen, the window, its minimum size, every panel in view and the
// timeline, in screen coordinates, as JSON in `file`; the screen itself as FILE.png (after
// View > Reset Layout with `resetLayout`). Then the window closes as when a user quits (the
// layout is saved).
Status layoutReport(MainWindow& window, const QString& project, const QString& file, bool resetLayout);

} // namespace screenshots
} // namespace fl
