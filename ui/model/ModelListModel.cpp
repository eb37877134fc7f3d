#include "model/ModelListModel.h"

#include "project/Project.h"

#include <QDateTime>
#include <QFont>

namespace fl {

ModelListModel::ModelListModel(QObject* parent) : QAbstractTableModel(parent) {}

void ModelListModel::setModels(std::vector<ModelEntry> models)
{
    beginResetModel();
    m_models = std::move(models);
    endResetModel();
}

void ModelListModel::refresh(const Project& project)
{
    setModels(project.isNull() ? std::vector<ModelEntry>{} : ModelStore::list(project));
}

int ModelListModel::activeRow() const
{
    for (size_t i = 0; i < m_models.size(); ++i)
        if (m_models[i].active) return int(i);
    return -1;
}

void ModelListModel::setActiveModel(const QString& fileName)
{
    for (size_t i = 0; i < m_models.size(); ++i) {
        const bool active = m_models[i].fileName == fileName;
        if (active != m_models[i].active) {
            m_models[i].active = active;
            emit dataChanged(index(int(i), 0), index(int(i), ColumnCount - 1));
        }
    }
}

int ModelListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_models.size());
}

int ModelListModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ModelListModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= int(m_models.size()) || index.column() >= ColumnCount) return {};
    const ModelEntry& m = m_models[size_t(index.row())];
    const auto score = [](double v) { return v < 0 ? QStringLiteral("–") : QString::number(v, 'f', 3); };
    switch (role) {
    case Qt::DisplayRole:
        switch (Column(index.column())) {
        case Name: return m.fileName;
        case Created: {
            const QDateTime t = QDateTime::fromString(m.created, Qt::ISODate);
            return t.isValid() ? t.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm")) : m.created;
        }
        case Architecture: return m.architecture;
        case MacroF1: return score(m.macroF1);
        case Accuracy: return score(m.accuracy);
        case TrainFragments: return m.trainFragments;
        case ValidationFragments: return m.validationFragments;
        case ColumnCount: break;
        }
        return {};
    case Qt::CheckStateRole:
        return index.column() == Name ? QVariant(m.active ? Qt::Checked : Qt::Unchecked) : QVariant();
    case Qt::FontRole:
        if (m.active) {
            QFont f;
            f.setBold(true);
            return f;
        }
        return {};
    case Qt::ToolTipRole:
        if (!m.problem.isEmpty()) return m.problem;
        return tr("%1\nclasses: %2").arg(m.file, m.classes.join(QStringLiteral(", ")));
    case Qt::TextAlignmentRole:
        return index.column() >= MacroF1 ? QVariant(Qt::AlignRight | Qt::AlignVCenter) : QVariant();
    case FileRole: return m.file;
    case ReportFileRole: return m.hasReport ? m.reportFile : QString();
    default: return {};
    }
}

bool ModelListModel::setData(const QModelIndex& index, const QVariant& value, int role)
{
    if (!index.isValid() || index.column() != Name || role != Qt::CheckStateRole || index.row() >= int(m_models.size()))
        return false;
    if (value.value<Qt::CheckState>() != Qt::Checked) return false; // one model is active; pick another instead
    const QString name = m_models[size_t(index.row())].fileName;
    setActiveModel(name);
    emit activeModelChosen(name);
    return true;
}

Qt::ItemFlags ModelListModel::flags(const QModelIndex& index) const
{
    if (!index.isValid()) return Qt::NoItemFlags;
    Qt::ItemFlags f = Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren;
    if (index.column() == Name) f |= Qt::ItemIsUserCheckable;
    return f;
}

QVariant ModelListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case Name: return tr("Model");
    case Created: return tr("Trained");
    case Architecture: return tr("Architecture");
    case MacroF1: return tr("Macro-F1");
    case Accuracy: return tr("Accuracy");
    case TrainFragments: return tr("Train");
    case ValidationFragments: return tr("Validation");
    case ColumnCount: break;
    }
    return {};
}

} // namespace fl
