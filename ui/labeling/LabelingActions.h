#pragma once
// The labeling actions: Clear Labels, Paint While Playing (the setting), Add Class, and the
// classes as keys: one "Label as NAME" action per class with the class's key, in the Labels
// menu and on the shortcuts page, rebuilt whenever the classes change. A class key labels the
// selection (or the fragment under the playhead); while playing, with Paint While Playing on,
// holding it paints a stroke until it is released; without it, a held key labels one
// fragment. A class key never takes a key another action uses.
#include <QObject>

#include <vector>

class QAction;
class QMenu;

namespace fl {

class ActionRegistry;
class ClassesPanel;
class Workbench;

class LabelingActions : public QObject {
    Q_OBJECT
public:
    // Add Class asks `classes` for the new class.
    LabelingActions(Workbench* workbench, ActionRegistry* actions, ClassesPanel* classes);

    // The class keys go into `labels` before `anchor`, from now on.
    void showClassKeysIn(QMenu* labels, QAction* anchor);
    void rebuildClassKeys();

protected:
    bool eventFilter(QObject* watched, QEvent* e) override;

private:
    void onClassKey(const QString& cls, int key);

    Workbench* m_workbench;
    ActionRegistry* m_actions;
    QMenu* m_labels = nullptr;
    QAction* m_anchor = nullptr;
    std::vector<QAction*> m_classActions;
    int m_strokeKey = 0; // key held for a paint stroke (0: none)
    int m_heldKey = 0;   // a class key pressed during playback without painting, until released
};

} // namespace fl
