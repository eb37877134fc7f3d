#include "player/PlaybackActions.h"

#include "player/TimecodeText.h"
#include "player/VideoPlayer.h"
#include "shell/ActionRegistry.h"
#include "shell/Workbench.h"

#include <QAction>
#include <QInputDialog>

namespace fl {

PlaybackActions::PlaybackActions(Workbench* workbench, ActionRegistry* actions, QWidget* dialogParent)
    : QObject(actions), m_workbench(workbench), m_dialogParent(dialogParent)
{
    const QString playback = tr("Playback");
    VideoPlayer* player = workbench->player();
    using N = ActionRegistry::Needs;
    auto add = [&](const char* name, const QString& text, const QList<QKeySequence>& keys, const QString& tip,
                   auto slot) {
        connect(actions->make(QLatin1String(name), text, keys, tip, playback, N::Video), &QAction::triggered, this,
                slot);
    };
    add("playPause", tr("&Play / Pause"), {QKeySequence(Qt::Key_Space)}, tr("Start or stop playback"),
        [player] { player->togglePlayback(); });
    add("nextFrame", tr("Next &Frame"), {QKeySequence(Qt::Key_Right)}, tr("Step one frame forward"),
        [player] { player->stepFrames(1); });
    add("previousFrame", tr("Previous F&rame"), {QKeySequence(Qt::Key_Left)}, tr("Step one frame back"),
        [player] { player->stepFrames(-1); });
    add("nextFragment", tr("Next Fra&gment"), {QKeySequence(Qt::SHIFT | Qt::Key_Right)},
        tr("Jump to the first frame of the next fragment"), [workbench] { workbench->stepFragments(1); });
    add("previousFragment", tr("Previous Fragm&ent"), {QKeySequence(Qt::SHIFT | Qt::Key_Left)},
        tr("Jump to the first frame of this or the previous fragment"), [workbench] { workbench->stepFragments(-1); });
    add("forward1s", tr("Forward 1 Second"), {QKeySequence(Qt::CTRL | Qt::Key_Right)}, tr("Jump one second ahead"),
        [player] { player->stepSeconds(1); });
    add("back1s", tr("Back 1 Second"), {QKeySequence(Qt::CTRL | Qt::Key_Left)}, tr("Jump one second back"),
        [player] { player->stepSeconds(-1); });
    add("forward10s", tr("Forward 10 Seconds"), {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Right)},
        tr("Jump ten seconds ahead"), [player] { player->stepSeconds(10); });
    add("back10s", tr("Back 10 Seconds"), {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Left)},
        tr("Jump ten seconds back"), [player] { player->stepSeconds(-10); });
    add("firstFrame", tr("First Frame"), {QKeySequence(Qt::Key_Home)}, tr("Go to the first frame"),
        [workbench] { workbench->seek(0); });
    add("lastFrame", tr("Last Frame"), {QKeySequence(Qt::Key_End)}, tr("Go to the last frame"),
        [workbench, player] { workbench->seek(player->frameCount() - 1); });
    // Speed steps: the faster/slower actions move to the next one (no video needed).
    auto speed = [&](const char* name, const QString& text, Qt::Key key, const QString& tip, auto slot) {
        connect(actions->make(QLatin1String(name), text, {QKeySequence(key)}, tip, playback), &QAction::triggered, this,
                slot);
    };
    speed("faster", tr("Faster"), Qt::Key_BracketRight, tr("Play faster (up to 4×)"), [player] {
        static const double steps[] = {0.25, 0.5, 0.75, 1.0, 1.5, 2.0, 3.0, 4.0};
        for (double v : steps)
            if (v > player->speed() + 1e-9) {
                player->setSpeed(v);
                return;
            }
    });
    speed("slower", tr("Slower"), Qt::Key_BracketLeft, tr("Play slower (down to 0.25×)"), [player] {
        static const double steps[] = {4.0, 3.0, 2.0, 1.5, 1.0, 0.75, 0.5, 0.25};
        for (double v : steps)
            if (v < player->speed() - 1e-9) {
                player->setSpeed(v);
                return;
            }
    });
    speed("normalSpeed", tr("Normal Speed"), Qt::Key_Backslash, tr("Play at 1×"), [player] { player->setSpeed(1.0); });
    add("goTo", tr("&Go To Frame or Time..."), {QKeySequence(Qt::CTRL | Qt::Key_G)},
        tr("Jump to a frame number or a time"), [this] { goToDialog(); });
    add("nextUnlabeled", tr("Next &Unlabeled Fragment"), {QKeySequence(Qt::Key_U)},
        tr("Jump to the next fragment without a label"), [workbench] { workbench->jumpToUnlabeled(1); });
    add("previousUnlabeled", tr("Previous Unlabeled Fragment"), {QKeySequence(Qt::SHIFT | Qt::Key_U)},
        tr("Jump to the previous fragment without a label"), [workbench] { workbench->jumpToUnlabeled(-1); });
    auto video = [&](const char* name, const QString& text, const QKeySequence& key, const QString& tip, int step) {
        connect(actions->make(QLatin1String(name), text, {key}, tip, playback), &QAction::triggered, this,
                [workbench, step] { workbench->selectVideo(workbench->currentVideo() + step); });
    };
    video("nextVideo", tr("Next &Video"), QKeySequence(Qt::CTRL | Qt::Key_PageDown),
          tr("Show the next video of the project"), 1);
    video("previousVideo", tr("Previous V&ideo"), QKeySequence(Qt::CTRL | Qt::Key_PageUp),
          tr("Show the previous video of the project"), -1);
}

void PlaybackActions::goToDialog()
{
    VideoPlayer* player = m_workbench->player();
    if (player->frameCount() <= 0) return;
    bool ok = false;
    const QString text = QInputDialog::getText(
        m_dialogParent, tr("Go To"),
        tr("Frame number (0-%1) or time (e.g. 65.2s, 1:05.2, 00:01:05.200):").arg(player->frameCount() - 1),
        QLineEdit::Normal, QString::number(player->position()), &ok);
    if (!ok) return;
    auto target = TimecodeText::parse(text);
    if (!target) {
        m_workbench->reportError(tr("Go To"), target.error());
        return;
    }
    if (target->frame)
        m_workbench->seek(*target->frame);
    else
        m_workbench->seek(player->index().empty() ? qint64(*target->ms / 1000.0 * player->fps())
                                                  : player->index().frameAtTime(*target->ms + 0.5));
    m_workbench->revealFrame(player->position());
    emit goToDone();
}

} // namespace fl
