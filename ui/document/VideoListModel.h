#pragma once
// The project's videos as a table: file name, frames, duration, and labeling progress
// (labeled / total fragments; ProgressRole gives the fraction for a progress-bar delegate).
// A video whose file is missing says so.
#include <QAbstractTableModel>

#include <vector>

namespace fl {

class ProjectDocument;

class VideoListModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { NameColumn, FramesColumn, DurationColumn, ProgressColumn, ColumnCount };
    enum Role { ProgressRole = Qt::UserRole + 1, PathRole };

    explicit VideoListModel(ProjectDocument* document, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;

private:
    void reset();
    void recount(int video);
    ProjectDocument* m_document;
    struct Row {
        qint64 fragments = 0;
        qint64 labeled = 0;
        bool missing = false;
    };
    std::vector<Row> m_rows;
};

} // namespace fl
