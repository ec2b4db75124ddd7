#include "CompareParamModel.h"

#include "CompareRunReader.h"
#include "RunHeaderStyle.h"

#include <QFont>

namespace assay {

CompareParamModel::CompareParamModel(QObject* parent)
    : QAbstractTableModel(parent) {}

void CompareParamModel::setRuns(const QList<CompareRun>& runs) {
    beginResetModel();
    m_runs = runs;
    m_allKeys = CompareRunReader::paramKeys(m_runs);
    rebuildRows();
    endResetModel();
}

void CompareParamModel::setOnlyDifferences(bool only) {
    if (only == m_onlyDifferences)
        return;
    beginResetModel();
    m_onlyDifferences = only;
    rebuildRows();
    endResetModel();
}

void CompareParamModel::rebuildRows() {
    m_rows.clear();
    for (const QString& key : m_allKeys) {
        if (!m_onlyDifferences || differs(key))
            m_rows.append(key);
    }
}

bool CompareParamModel::differs(const QString& key) const {
    if (m_runs.isEmpty())
        return false;
    const auto first = m_runs.first().params.constFind(key);
    const bool firstHas = first != m_runs.first().params.cend();
    for (const CompareRun& run : m_runs) {
        const auto found = run.params.constFind(key);
        const bool has = found != run.params.cend();
        if (has != firstHas || (has && *found != *first))
            return true;
    }
    return false;
}

int CompareParamModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int CompareParamModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_runs.size());
}

QVariant CompareParamModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const QString& key = m_rows.at(index.row());
    const CompareRun& run = m_runs.at(index.column());
    const auto found = run.params.constFind(key);
    switch (role) {
    case Qt::DisplayRole:
        return found == run.params.cend() ? QVariant() : QVariant(*found);
    case Qt::ToolTipRole:
        return found == run.params.cend() ? tr("%1 has no param “%2”.").arg(run.label(), key)
                                          : QStringLiteral("%1 = %2").arg(key, *found);
    case DiffersRole:
        return differs(key);
    default:
        return {};
    }
}

QVariant CompareParamModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation == Qt::Horizontal) {
        if (section < 0 || section >= m_runs.size())
            return {};
        return RunHeaderStyle::headerData(m_runs.at(section), role, RunIdRole);
    }
    if (section < 0 || section >= m_rows.size())
        return {};
    const QString& key = m_rows.at(section);
    switch (role) {
    case Qt::DisplayRole:
        return key;
    case Qt::FontRole: {
        // Without the filter on, the rows that differ stand out.
        if (m_onlyDifferences || !differs(key))
            return {};
        QFont font;
        font.setBold(true);
        return font;
    }
    case Qt::ToolTipRole:
        return differs(key) ? tr("The runs differ in “%1”.").arg(key)
                            : tr("Every run has the same “%1”.").arg(key);
    default:
        return {};
    }
}

} // namespace assay
