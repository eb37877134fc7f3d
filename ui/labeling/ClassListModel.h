#pragma once
// The project's classes as a table: name (with its colour), key, labeled fragments in the
// current video and in the whole project. Name and key are editable (through the document,
// so undoable); a refused edit (duplicate name, key in use) is reported by editRefused().
#include <QAbstractTableModel>
#include <QMap>

#include <functional>

namespace fl {

class ProjectDocument;

class ClassListModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { NameColumn, KeyColumn, VideoCountColumn, ProjectCountColumn, ColumnCount };
    enum Role { ColorRole = Qt::UserRole + 1, ClassNameRole };

    explicit ClassListModel(ProjectDocument* document, QObject* parent = nullptr);

    void setCurrentVideo(int video);
    // Says why a key cannot be a class key (e.g. another action uses it); empty: it can.
    std::function<QString(const QString& key)> keyConflict;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;

signals:
    void editRefused(const QString& message);

private:
    void reset();
    void recount();
    ProjectDocument* m_document;
    int m_video = -1;
    int m_rows = 0;
    QMap<QString, qint64> m_videoCounts;
    QMap<QString, qint64> m_projectCounts;
};

} // namespace fl
