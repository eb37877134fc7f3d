#include "labeling/ClassListModel.h"

#include "document/ProjectDocument.h"

#include <QColor>
#include <QPainter>
#include <QPixmap>

namespace fl {

ClassListModel::ClassListModel(ProjectDocument* document, QObject* parent)
    : QAbstractTableModel(parent), m_document(document)
{
    connect(document, &ProjectDocument::projectReplaced, this, [this] {
        m_video = -1;
        reset();
    });
    connect(document, &ProjectDocument::classesChanged, this, &ClassListModel::reset);
    connect(document, &ProjectDocument::videosChanged, this, &ClassListModel::reset);
    connect(document, &ProjectDocument::labelsChanged, this, [this] {
        recount();
        if (m_rows > 0)
            emit dataChanged(index(0, VideoCountColumn), index(m_rows - 1, ProjectCountColumn), {Qt::DisplayRole});
    });
    reset();
}

void ClassListModel::setCurrentVideo(int video)
{
    if (video == m_video) return;
    m_video = video;
    recount();
    if (m_rows > 0)
        emit dataChanged(index(0, VideoCountColumn), index(m_rows - 1, VideoCountColumn), {Qt::DisplayRole});
}

void ClassListModel::reset()
{
    const int rows = m_document->hasProject() ? int(m_document->project().classes().size()) : 0;
    if (m_video >= (m_document->hasProject() ? m_document->project().videoCount() : 0)) m_video = -1;
    if (rows == m_rows && rows > 0) {
        // Same rows (a rename, a new colour or key): no reset, which would destroy the editor
        // that made the change while the view still commits it ("commitData called with an
        // editor that does not belong to this view").
        recount();
        emit dataChanged(index(0, 0), index(rows - 1, columnCount() - 1));
        return;
    }
    beginResetModel();
    m_rows = rows;
    recount();
    endResetModel();
}

void ClassListModel::recount()
{
    m_videoCounts.clear();
    m_projectCounts.clear();
    if (!m_document->hasProject()) return;
    const Project& p = m_document->project();
    m_projectCounts = p.labeledFragmentCounts();
    if (m_video >= 0 && m_video < p.videoCount()) m_videoCounts = p.labeledFragmentCounts(m_video);
}

int ClassListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : m_rows;
}

int ClassListModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ClassListModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows || !m_document->hasProject()) return {};
    const LabelClass& c = m_document->project().classes()[size_t(index.row())];
    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole:
        switch (index.column()) {
        case NameColumn: return c.name;
        case KeyColumn: return c.shortcut;
        case VideoCountColumn:
            return m_video >= 0 ? QVariant(m_videoCounts.value(c.name)) : QVariant(QStringLiteral("-"));
        case ProjectCountColumn: return m_projectCounts.value(c.name);
        }
        return {};
    case Qt::DecorationRole:
        if (index.column() == NameColumn) {
            QPixmap swatch(14, 14);
            swatch.fill(Qt::transparent);
            QPainter p(&swatch);
            p.setRenderHint(QPainter::Antialiasing);
            p.setBrush(QColor(c.color));
            p.setPen(QColor(c.color).darker(140));
            p.drawRoundedRect(QRectF(0.5, 0.5, 13, 13), 3, 3);
            return swatch;
        }
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == KeyColumn) return int(Qt::AlignCenter);
        if (index.column() >= VideoCountColumn) return int(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::ToolTipRole:
        switch (index.column()) {
        case NameColumn: return tr("%1 (colour %2). Double-click to rename.").arg(c.name, c.color);
        case KeyColumn:
            return c.shortcut.isEmpty()
                ? tr("No key. Double-click to set one.")
                : tr("Press %1 to label the selection as %2. Double-click to change.").arg(c.shortcut, c.name);
        case VideoCountColumn: return tr("Fragments labeled %1 in the current video").arg(c.name);
        case ProjectCountColumn: return tr("Fragments labeled %1 in all videos").arg(c.name);
        }
        return {};
    case ColorRole: return QColor(c.color);
    case ClassNameRole: return c.name;
    }
    return {};
}

QVariant ClassListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount) return {};
    if (role == Qt::DisplayRole) {
        switch (section) {
        case NameColumn: return tr("Class");
        case KeyColumn: return tr("Key");
        case VideoCountColumn: return tr("Video");
        case ProjectCountColumn: return tr("All");
        }
    }
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case NameColumn: return tr("Class name and colour");
        case KeyColumn: return tr("The key that labels with this class");
        case VideoCountColumn: return tr("Labeled fragments in the current video");
        case ProjectCountColumn: return tr("Labeled fragments in the whole project");
        }
    }
    return {};
}

Qt::ItemFlags ClassListModel::flags(const QModelIndex& index) const
{
    if (!index.isValid()) return Qt::NoItemFlags;
    Qt::ItemFlags f = Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren;
    if (index.column() == NameColumn || index.column() == KeyColumn) f |= Qt::ItemIsEditable;
    return f;
}

bool ClassListModel::setData(const QModelIndex& index, const QVariant& value, int role)
{
    if (!index.isValid() || role != Qt::EditRole || index.row() >= m_rows) return false;
    const QString name = m_document->project().classes()[size_t(index.row())].name;
    Status status;
    if (index.column() == NameColumn)
        status = m_document->renameClass(name, value.toString());
    else if (index.column() == KeyColumn) {
        const QString key = value.toString().trimmed();
        if (const QString conflict = keyConflict && !key.isEmpty() ? keyConflict(key) : QString(); !conflict.isEmpty())
            status = Status::failure(conflict);
        else
            status = m_document->setClassShortcut(name, key);
    } else
        return false;
    if (!status) {
        emit editRefused(status.error());
        return false;
    }
    return true;
}

} // namespace fl
