#include "DriftDataFileModel.h"

#include <QDir>
#include <QFileInfo>

#include <algorithm>

namespace assay {

DriftDataFileModel::DriftDataFileModel(bool perFile, const QString& splitText, QObject* parent)
    : QAbstractTableModel(parent)
    , m_perFile(perFile)
    , m_splitText(splitText) {}

void DriftDataFileModel::addFiles(const QStringList& paths) {
    QList<File> added;
    for (const QString& path : paths) {
        const bool listed =
            std::any_of(m_files.cbegin(), m_files.cend(), [&](const File& f) { return f.path == path; }) ||
            std::any_of(added.cbegin(), added.cend(), [&](const File& f) { return f.path == path; });
        if (!listed)
            added.append(File{path, QFileInfo(path).completeBaseName()});
    }
    if (added.isEmpty())
        return;
    const int first = static_cast<int>(m_files.size());
    beginInsertRows({}, first, first + static_cast<int>(added.size()) - 1);
    m_files << added;
    endInsertRows();
}

void DriftDataFileModel::removeFile(int row) {
    if (row < 0 || row >= m_files.size())
        return;
    beginRemoveRows({}, row, row);
    m_files.removeAt(row);
    endRemoveRows();
}

int DriftDataFileModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_files.size());
}

int DriftDataFileModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant DriftDataFileModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= m_files.size())
        return {};
    const File& file = m_files[index.row()];
    if (index.column() == FileColumn) {
        if (role == Qt::DisplayRole)
            return QFileInfo(file.path).fileName();
        if (role == Qt::ToolTipRole)
            return QDir::toNativeSeparators(file.path);
    } else if (index.column() == WindowColumn) {
        if (role == Qt::DisplayRole)
            return m_perFile ? file.label : m_splitText;
        if (role == Qt::EditRole)
            return file.label;
    }
    return {};
}

bool DriftDataFileModel::setData(const QModelIndex& index, const QVariant& value, int role) {
    if (role != Qt::EditRole || !(flags(index) & Qt::ItemIsEditable))
        return false;
    const QString label = value.toString().trimmed();
    if (label.isEmpty())
        return false;
    m_files[index.row()].label = label;
    emit dataChanged(index, index);
    return true;
}

Qt::ItemFlags DriftDataFileModel::flags(const QModelIndex& index) const {
    if (!index.isValid() || index.row() >= m_files.size())
        return Qt::NoItemFlags;
    Qt::ItemFlags flags = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    if (index.column() == WindowColumn && m_perFile)
        flags |= Qt::ItemIsEditable;
    return flags;
}

QVariant DriftDataFileModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    if (section == FileColumn)
        return tr("File");
    if (section == WindowColumn)
        return m_perFile ? tr("Window label") : tr("Windows");
    return {};
}

} // namespace assay
