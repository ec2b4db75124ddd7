#include "EvidenceFileModel.h"

#include "core/base/AssayError.h"
#include "core/governance/EvidenceFiles.h"
#include "core/workspace/ChangeSet.h"
#include "core/workspace/Workspace.h"
#include "ui/session/WorkspaceSession.h"
#include "ui/widgets/RunValueFormat.h"

#include <QLocale>

namespace assay {

EvidenceFileModel::EvidenceFileModel(WorkspaceSession& session, QObject* parent)
    : QAbstractTableModel(parent)
    , m_session(session) {
    connect(&m_session, &WorkspaceSession::changed, this, &EvidenceFileModel::onChanged);
    connect(&m_session, &WorkspaceSession::workspaceChanged, this, [this] { setVersion(0); });
}

void EvidenceFileModel::setVersion(qint64 versionId) {
    m_versionId = versionId;
    reload();
}

void EvidenceFileModel::reload() {
    QList<EvidenceFile> files;
    if (m_session.isOpen() && m_versionId != 0) {
        try {
            files = EvidenceFiles(*m_session.workspace()).files(m_versionId);
        } catch (const AssayError& error) {
            emit loadFailed(error.message());
        }
    }
    beginResetModel();
    m_files = files;
    endResetModel();
}

void EvidenceFileModel::onChanged(const ChangeSet& changes) {
    if (m_versionId != 0 && changes.touches(EntityKind::Evidence, m_versionId))
        reload();
}

int EvidenceFileModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_files.size());
}

int EvidenceFileModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant EvidenceFileModel::display(const EvidenceFile& file, int column) const {
    switch (column) {
    case KindColumn:
        return EvidenceFiles::kindLabel(file.kind);
    case NameColumn:
        return file.name;
    case SizeColumn:
        return QLocale().formattedDataSize(file.size, 1, QLocale::DataSizeTraditionalFormat);
    case Sha256Column:
        return file.sha256.left(sha256PrefixLength);
    case AddedByColumn:
        return file.addedBy;
    case AddedAtColumn:
        return RunValueFormat::dateTime(file.addedAt);
    default:
        return {};
    }
}

QVariant EvidenceFileModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const EvidenceFile& file = m_files.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return display(file, index.column());
    case Qt::ToolTipRole:
        if (index.column() == Sha256Column)
            return tr("SHA-256 %1").arg(file.sha256);
        if (index.column() == NameColumn)
            return tr("%1 (%2)").arg(file.name, file.mediaType);
        if (index.column() == SizeColumn)
            return tr("%1 bytes").arg(QLocale().toString(file.size));
        if (index.column() == AddedAtColumn)
            return RunValueFormat::dateTimeLong(file.addedAt);
        return {};
    case Qt::TextAlignmentRole:
        return index.column() == SizeColumn ? QVariant(Qt::AlignRight | Qt::AlignVCenter) : QVariant();
    case FileIdRole:
        return file.id;
    default:
        return {};
    }
}

QVariant EvidenceFileModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case KindColumn:
        return tr("Kind");
    case NameColumn:
        return tr("Name");
    case SizeColumn:
        return tr("Size");
    case Sha256Column:
        return tr("SHA-256");
    case AddedByColumn:
        return tr("Added by");
    case AddedAtColumn:
        return tr("Added");
    default:
        return {};
    }
}

} // namespace assay
