#include "document/VideoListModel.h"

#include "document/ProjectDocument.h"
#include "player/TimecodeText.h"

#include <QBrush>
#include <QColor>
#include <QFileInfo>

#include <algorithm>

namespace fl {

VideoListModel::VideoListModel(ProjectDocument* document, QObject* parent)
    : QAbstractTableModel(parent), m_document(document)
{
    connect(document, &ProjectDocument::projectReplaced, this, &VideoListModel::reset);
    connect(document, &ProjectDocument::videosChanged, this, &VideoListModel::reset);
    connect(document, &ProjectDocument::locationChanged, this, &VideoListModel::reset);
    connect(document, &ProjectDocument::labelsChanged, this, [this](int video, qint64, qint64) {
        if (video >= 0 && video < int(m_rows.size())) {
            recount(video);
            emit dataChanged(index(video, ProgressColumn), index(video, ProgressColumn));
        } else if (!m_rows.empty()) {
            for (int v = 0; v < int(m_rows.size()); ++v) recount(v);
            emit dataChanged(index(0, ProgressColumn), index(int(m_rows.size()) - 1, ProgressColumn));
        }
    });
    reset();
}

void VideoListModel::reset()
{
    beginResetModel();
    m_rows.clear();
    if (m_document->hasProject()) {
        const Project& p = m_document->project();
        m_rows.resize(size_t(p.videoCount()));
        const std::vector<int> missing = p.missingVideos();
        for (int v = 0; v < p.videoCount(); ++v) {
            m_rows[size_t(v)].missing = std::find(missing.begin(), missing.end(), v) != missing.end();
            recount(v);
        }
    }
    endResetModel();
}

void VideoListModel::recount(int video)
{
    Row& row = m_rows[size_t(video)];
    row.fragments = m_document->fragmentCount(video);
    row.labeled = m_document->labeledFragments(video);
}

int VideoListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int VideoListModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant VideoListModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= int(m_rows.size()) || !m_document->hasProject()) return {};
    const ProjectVideo& v = m_document->project().video(index.row());
    const Row& row = m_rows[size_t(index.row())];
    const double fraction = row.fragments > 0 ? double(row.labeled) / double(row.fragments) : 0.0;
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case NameColumn: return v.fileName();
        case FramesColumn: return v.frameCount;
        case DurationColumn: return TimecodeText::formatShort(v.fps > 0 ? double(v.frameCount) / v.fps * 1000.0 : 0.0);
        case ProgressColumn: return tr("%1 / %2").arg(row.labeled).arg(row.fragments);
        }
        return {};
    case Qt::ToolTipRole:
        if (row.missing)
            return tr("%1 is missing (moved or deleted). Use File > Relink Videos to find it.")
                .arg(m_document->project().absoluteVideoPath(index.row()));
        if (index.column() == ProgressColumn)
            return tr("%1 of %2 fragments labeled (%3%)")
                .arg(row.labeled)
                .arg(row.fragments)
                .arg(int(fraction * 100 + 0.5));
        return tr("%1\n%2 frames at %3 fps")
            .arg(m_document->project().absoluteVideoPath(index.row()))
            .arg(v.frameCount)
            .arg(v.fps, 0, 'f', 3);
    case Qt::ForegroundRole:
        if (row.missing) return QBrush(QColor(211, 47, 47));
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() != NameColumn) return int(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case ProgressRole: return fraction;
    case PathRole: return m_document->project().absoluteVideoPath(index.row());
    }
    return {};
}

QVariant VideoListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount || role != Qt::DisplayRole) return {};
    switch (section) {
    case NameColumn: return tr("Video");
    case FramesColumn: return tr("Frames");
    case DurationColumn: return tr("Length");
    case ProgressColumn: return tr("Labeled");
    }
    return {};
}

Qt::ItemFlags VideoListModel::flags(const QModelIndex& index) const
{
    if (!index.isValid()) return Qt::NoItemFlags;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren;
}

} // namespace fl
