#include "player/TransportBar.h"

#include "player/TimecodeText.h"
#include "player/VideoPlayer.h"

#include <QAction>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPainter>
#include <QSpinBox>
#include <QToolButton>

#include <cmath>

namespace fl {

namespace {

QToolButton* actionButton(QAction* action, QWidget* parent, bool text = false)
{
    auto* b = new QToolButton(parent);
    b->setDefaultAction(action);
    b->setAutoRaise(true);
    b->setFocusPolicy(Qt::NoFocus);
    b->setIconSize(QSize(20, 20));
    b->setToolButtonStyle(text ? Qt::ToolButtonTextBesideIcon : Qt::ToolButtonIconOnly);
    return b;
}

// Gives up its width first when the bar is narrow, ending in "..." instead of cutting.
class ElidedLabel : public QLabel {
public:
    using QLabel::QLabel;
    QSize minimumSizeHint() const override { return {0, QLabel::minimumSizeHint().height()}; }

protected:
    void paintEvent(QPaintEvent*) override
    {
        QPainter p(this);
        p.setPen(palette().color(foregroundRole()));
        const QRect r = contentsRect();
        p.drawText(r, int(Qt::AlignVCenter | Qt::AlignLeft),
                   fontMetrics().elidedText(text(), Qt::ElideRight, r.width()));
    }
};

} // namespace

TransportBar::TransportBar(VideoPlayer* player, const Actions& actions, QWidget* parent)
    : QWidget(parent), m_player(player)
{
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(6, 2, 6, 2);
    layout->setSpacing(4);
    for (QAction* a :
         {actions.previousFragment, actions.previousFrame, actions.playPause, actions.nextFrame, actions.nextFragment})
        if (a) layout->addWidget(actionButton(a, this));
    layout->addSpacing(8);

    m_speed = new QComboBox(this);
    for (double s : {0.25, 0.5, 0.75, 1.0, 1.5, 2.0, 3.0, 4.0}) m_speed->addItem(QStringLiteral("%1×").arg(s), s);
    m_speed->setCurrentIndex(m_speed->findData(1.0));
    m_speed->setToolTip(tr("Playback speed ([ slower, ] faster, \\ normal)"));
    m_speed->setFocusPolicy(Qt::NoFocus);
    layout->addWidget(m_speed);
    layout->addSpacing(8);

    auto* frameLabel = new QLabel(tr("Frame"), this);
    m_frame = new QSpinBox(this);
    m_frame->setKeyboardTracking(false);
    // Not in the tab chain and not focused at start: while it holds the focus, the labeling keys
    // (digits) would type into it. Enter hands the keys back to the window.
    m_frame->setFocusPolicy(Qt::ClickFocus);
    m_frame->setRange(0, 0);
    m_frame->setToolTip(tr("Current frame (0-based, in decoding order); type a number and press Enter to go there"));
    m_frame->setMinimumWidth(m_frame->fontMetrics().horizontalAdvance(QStringLiteral("0000000")) + 30);
    m_total = new QLabel(this);
    m_time = new QLabel(this);
    m_time->setToolTip(tr("Presentation time of the current frame"));
    QFont mono = m_time->font();
    mono.setFamily(QStringLiteral("monospace"));
    mono.setStyleHint(QFont::Monospace);
    m_time->setFont(mono);
    m_fragment = new ElidedLabel(this);
    m_fragment->setToolTip(tr("The fragment under the playhead and its label"));
    m_fragment->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    layout->addWidget(frameLabel);
    layout->addWidget(m_frame);
    layout->addWidget(m_total);
    layout->addSpacing(10);
    layout->addWidget(m_time);
    layout->addSpacing(10);
    layout->addWidget(m_fragment, 1);
    if (actions.paintWhilePlaying) {
        QToolButton* paint = actionButton(actions.paintWhilePlaying, this, true);
        paint->setObjectName(QStringLiteral("paintButton"));
        // On is unmistakable: the button filled with the selection colour.
        paint->setStyleSheet(QStringLiteral("QToolButton#paintButton:checked { background-color: palette(highlight);"
                                            " color: palette(highlighted-text); border-radius: 3px; }"));
        layout->addWidget(paint);
    }

    connect(m_speed, &QComboBox::currentIndexChanged, this,
            [this](int i) { m_player->setSpeed(m_speed->itemData(i).toDouble()); });
    connect(player, &VideoPlayer::speedChanged, this, [this](double s) {
        int best = 0;
        for (int i = 1; i < m_speed->count(); ++i)
            if (std::abs(m_speed->itemData(i).toDouble() - s) < std::abs(m_speed->itemData(best).toDouble() - s))
                best = i;
        const QSignalBlocker block(m_speed);
        m_speed->setCurrentIndex(best);
    });
    connect(m_frame, &QSpinBox::valueChanged, this, [this](int v) { m_player->seek(v); });
    connect(m_frame, &QSpinBox::editingFinished, this, [this] {
        if (m_frame->hasFocus()) emit editingDone();
    });
    connect(player, &VideoPlayer::positionChanged, this, &TransportBar::showPosition);
    refresh();
}

void TransportBar::refresh()
{
    const qint64 frames = m_player->frameCount();
    {
        const QSignalBlocker block(m_frame);
        m_frame->setRange(0, int(std::max<qint64>(0, frames - 1)));
    }
    m_total->setText(tr("of %1").arg(frames));
    showPosition(m_player->position());
    setEnabled(frames > 0);
}

void TransportBar::showPosition(qint64 frame)
{
    {
        const QSignalBlocker block(m_frame);
        m_frame->setValue(int(frame));
    }
    const double total = m_player->frameCount() > 0
        ? m_player->timeMs(m_player->frameCount() - 1) + 1000.0 / m_player->fps()
        : 0;
    const QString end = TimecodeText::format(total);
    m_time->setText(QStringLiteral("%1 / %2").arg(TimecodeText::format(m_player->timeMs(frame)), end));
    // Never cut: as wide as the longest position of this video.
    m_time->setMinimumWidth(m_time->fontMetrics().horizontalAdvance(QStringLiteral("%1 / %1").arg(end)) + 4);
}

void TransportBar::setFragmentText(const QString& text)
{
    m_fragment->setText(text);
}

} // namespace fl
