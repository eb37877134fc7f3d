#pragma once
// The trained models of a project as a table: name, created, architecture, validation
// macro-F1 and accuracy, training/validation fragments. Column 0 is checkable: the checked
// row is the active model; checking another row emits activeModelChosen (the owner makes it
// active in the project and saves).
#include "training/ModelStore.h"

#include <QAbstractTableModel>

#include <vector>

namespace fl {

class ModelListModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Name, Created, Architecture, MacroF1, Accuracy, TrainFragments, ValidationFragments, ColumnCount };
    enum Role { FileRole = Qt::UserRole + 1, ReportFileRole };

    explicit ModelListModel(QObject* parent = nullptr);

    void setModels(std::vector<ModelEntry> models);
    void refresh(const Project& project);
    const std::vector<ModelEntry>& models() const { return m_models; }
    int activeRow() const;
    // Marks the row of `fileName` active (no signal); empty: none.
    void setActiveModel(const QString& fileName);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

signals:
    void activeModelChosen(const QString& fileName);

private:
    std::vector<ModelEntry> m_models;
};

} // namespace fl
