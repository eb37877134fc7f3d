#include "labeling/LabelingActions.h"

#include "document/ProjectDocument.h"
#include "labeling/ClassColor.h"
#include "labeling/ClassesPanel.h"
#include "labeling/LabelingController.h"
#include "player/VideoPlayer.h"
#include "settings/AppSettings.h"
#include "shell/ActionRegistry.h"
#include "shell/Workbench.h"

#include <QAction>
#include <QApplication>
#include <QKeyEvent>
#include <QMenu>
#include <QPixmap>
#include <QStyle>

namespace fl {

LabelingActions::LabelingActions(Workbench* workbench, ActionRegistry* actions, ClassesPanel* classes)
    : QObject(actions), m_workbench(workbench), m_actions(actions)
{
    using N = ActionRegistry::Needs;
    LabelingController* labeling = workbench->labeling();
    AppSettings* settings = workbench->settings();
    QAction* clear = actions->make(QStringLiteral("clearLabels"), tr("&Clear Labels"),
                                   {QKeySequence(Qt::Key_Delete), QKeySequence(Qt::Key_Backspace)},
                                   tr("Remove the labels of the selection or of the fragment under the playhead"),
                                   tr("Edit"), N::Video);
    clear->setIcon(QIcon::fromTheme(QStringLiteral("edit-clear"),
                                    QApplication::style()->standardIcon(QStyle::SP_DialogResetButton)));
    connect(clear, &QAction::triggered, this, [workbench, labeling] {
        if (auto st = labeling->clearLabels(); !st) workbench->showStatus(st.error(), 5000);
    });
    QAction* paint = actions->make(QStringLiteral("paintWhilePlaying"), tr("&Paint While Playing"),
                                   {QKeySequence(Qt::Key_P)},
                                   tr("While playing, holding a class key labels every fragment the playhead passes"),
                                   tr("Labels"));
    paint->setCheckable(true);
    connect(paint, &QAction::toggled, settings, &AppSettings::setPaintWhilePlaying);
    connect(actions->make(QStringLiteral("addClass"), tr("Add &Class..."),
                          {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N)}, tr("Add a label class"), tr("Labels"),
                          N::Project),
            &QAction::triggered, classes, &ClassesPanel::addClass);

    connect(workbench->document(), &ProjectDocument::classesChanged, this, &LabelingActions::rebuildClassKeys);
    connect(workbench->player(), &VideoPlayer::playingChanged, this, [this](bool playing) {
        if (playing) return;
        if (m_workbench->labeling()->isPainting()) {
            m_workbench->labeling()->endStroke();
            m_strokeKey = 0;
        }
        m_heldKey = 0;
        qApp->removeEventFilter(this);
    });
}

void LabelingActions::showClassKeysIn(QMenu* labels, QAction* anchor)
{
    m_labels = labels;
    m_anchor = anchor;
    rebuildClassKeys();
}

void LabelingActions::rebuildClassKeys()
{
    if (!m_labels) return;
    for (QAction* a : m_classActions) {
        m_labels->removeAction(a);
        m_actions->remove(a);
        a->deleteLater();
    }
    m_classActions.clear();
    const ProjectDocument* document = m_workbench->document();
    if (!document->hasProject()) return;
    for (const LabelClass& c : document->project().classes()) {
        QPixmap swatch(16, 16);
        swatch.fill(QColor(classDisplayColor(c)));
        QKeySequence key = c.shortcut.isEmpty() ? QKeySequence() : QKeySequence(c.shortcut);
        if (const QString conflict = key.isEmpty() ? QString() : m_actions->conflict(c.shortcut); !conflict.isEmpty()) {
            // A project made elsewhere may give a class a key the window uses: the window wins.
            m_workbench->showStatus(
                tr("Class %1 has no key: %2. Choose another in the Classes panel.").arg(c.name, conflict), 15000);
            key = QKeySequence();
        }
        auto* a = new QAction(QIcon(swatch), tr("Label as %1").arg(c.name), m_labels);
        a->setObjectName(QStringLiteral("labelAs_") + c.name);
        a->setShortcut(key);
        a->setAutoRepeat(false);
        a->setToolTip(
            tr("Label the selection (or the fragment under the playhead) as %1; hold while playing to paint")
                .arg(c.name)
            + (key.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(key.toString(QKeySequence::NativeText))));
        a->setStatusTip(a->toolTip());
        const QString name = c.name;
        const int keyCode = key.isEmpty() ? 0 : key[0].key();
        connect(a, &QAction::triggered, this, [this, name, keyCode] { onClassKey(name, keyCode); });
        m_labels->insertAction(m_anchor, a);
        m_actions->add(a, tr("Labels"));
        m_classActions.push_back(a);
    }
}

void LabelingActions::onClassKey(const QString& cls, int key)
{
    if (!m_workbench->hasCurrentVideo()) return;
    LabelingController* labeling = m_workbench->labeling();
    if (m_workbench->player()->isPlaying() && key != 0) {
        if (m_workbench->settings()->paintWhilePlaying()) {
            labeling->beginStroke(cls);
            m_strokeKey = key;
            qApp->installEventFilter(this); // to see the key's release wherever the focus is
            return;
        }
        // Without painting one press labels one fragment. A held key repeats, on some systems
        // as plain presses: they are ignored until the key is released (or playback stops).
        if (m_heldKey == key) return;
        m_heldKey = key;
        qApp->installEventFilter(this);
    }
    if (auto status = labeling->applyClass(cls); !status) m_workbench->showStatus(status.error(), 5000);
}

bool LabelingActions::eventFilter(QObject* watched, QEvent* e)
{
    if ((m_strokeKey != 0 || m_heldKey != 0) && e->type() == QEvent::KeyRelease) {
        auto* key = static_cast<QKeyEvent*>(e);
        if (!key->isAutoRepeat() && key->key() == m_strokeKey) {
            m_workbench->labeling()->endStroke();
            m_strokeKey = 0;
        }
        if (!key->isAutoRepeat() && key->key() == m_heldKey) m_heldKey = 0;
        if (m_strokeKey == 0 && m_heldKey == 0) qApp->removeEventFilter(this);
    }
    return QObject::eventFilter(watched, e);
}

} // namespace fl
