#include "document/VideosPanel.h"

#include "document/ProjectDocument.h"
#include "document/VideoListModel.h"

#include <QAction>
#include <QApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QMessageBox>
#include <QPainter>
#include <QStyle>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

namespace fl {

namespace {

// Paints the Labeled column as a thin progress bar under its "12 / 40" text.
class ProgressDelegate : public QStyledItemDelegate {
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    void paint(QPainter* p, const QStyleOptionViewItem& option, const QModelIndex& index) const override
    {
        QStyledItemDelegate::paint(p, option, index);
        const double fraction = std::clamp(index.data(VideoListModel::ProgressRole).toDouble(), 0.0, 1.0);
        const QRect track = option.rect.adjusted(4, option.rect.height() - 6, -4, -3);
        p->save();
        p->setRenderHint(QPainter::Antialiasing);
        p->setPen(Qt::NoPen);
        QColor bg = option.palette.color(QPalette::Text);
        bg.setAlpha(40);
        p->setBrush(bg);
        p->drawRoundedRect(track, 1.5, 1.5);
        p->setBrush(QColor(67, 160, 71));
        p->drawRoundedRect(QRectF(track.left(), track.top(), track.width() * fraction, track.height()), 1.5, 1.5);
        p->restore();
    }
};

} // namespace

VideosPanel::VideosPanel(ProjectDocument* document, QAction* addVideos, QWidget* parent)
    : QWidget(parent), m_document(document), m_model(new VideoListModel(document, this))
{
    m_view = new QTableView(this);
    m_view->setObjectName(QStringLiteral("videoTable"));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 14);
    m_view->horizontalHeader()->setSectionResizeMode(VideoListModel::NameColumn, QHeaderView::Stretch);
    for (int c = VideoListModel::FramesColumn; c < VideoListModel::ColumnCount; ++c)
        m_view->horizontalHeader()->setSectionResizeMode(c, QHeaderView::ResizeToContents);
    m_view->setItemDelegateForColumn(VideoListModel::ProgressColumn, new ProgressDelegate(m_view));
    m_view->setShowGrid(false);
    m_view->setAlternatingRowColors(true);
    m_view->setToolTip(tr("Videos of the project; select one to show it. Drop video files on the window to add them."));

    auto* add = new QToolButton(this);
    add->setDefaultAction(addVideos);
    add->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    add->setAutoRaise(true);
    m_remove = new QToolButton(this);
    m_remove->setIcon(style()->standardIcon(QStyle::SP_TrashIcon));
    m_remove->setToolTip(tr("Remove the selected video and its labels from the project (the file stays; undoable)"));
    m_remove->setAutoRaise(true);
    auto* buttons = new QHBoxLayout;
    buttons->setContentsMargins(0, 0, 0, 0);
    buttons->addWidget(add);
    buttons->addStretch();
    buttons->addWidget(m_remove);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_view);
    layout->addLayout(buttons);

    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex& current) {
                m_remove->setEnabled(current.isValid());
                if (!m_syncing && current.isValid()) emit videoActivated(current.row());
            });
    connect(m_remove, &QToolButton::clicked, this, &VideosPanel::removeSelected);
    m_remove->setEnabled(false);
}

void VideosPanel::setCurrentVideo(int video)
{
    m_syncing = true;
    if (video >= 0 && video < m_model->rowCount())
        m_view->selectRow(video);
    else
        m_view->clearSelection();
    m_syncing = false;
}

void VideosPanel::removeSelected()
{
    const QModelIndex current = m_view->currentIndex();
    if (!current.isValid()) return;
    const int video = current.row();
    const QString name = m_document->project().video(video).fileName();
    const qint64 labeled = m_document->labeledFragments(video);
    if (QMessageBox::question(
            this, tr("Remove Video"),
            tr("Remove %1 from the project? Its labels (%2 labeled fragments) go with it; the file itself stays. "
               "Edit > Undo brings it back.")
                .arg(name)
                .arg(labeled),
            QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel)
        != QMessageBox::Yes)
        return;
    if (auto status = m_document->removeVideo(video); !status) emit problem(status.error());
}

} // namespace fl
