#include "PolicyHistoryModel.h"

#include "core/base/AssayError.h"
#include "core/governance/Policies.h"
#include "core/workspace/ChangeSet.h"
#include "core/workspace/Workspace.h"
#include "ui/session/WorkspaceSession.h"
#include "ui/widgets/RunValueFormat.h"

namespace assay {

PolicyHistoryModel::PolicyHistoryModel(WorkspaceSession& session, QObject* parent)
    : QAbstractTableModel(parent)
    , m_session(session) {
    connect(&m_session, &WorkspaceSession::changed, this, &PolicyHistoryModel::onChanged);
    connect(&m_session, &WorkspaceSession::workspaceChanged, this, &PolicyHistoryModel::reload);
    reload();
}

void PolicyHistoryModel::reload() {
    QList<PolicyVersion> versions;
    if (m_session.isOpen()) {
        try {
            versions = Policies(*m_session.workspace()).history();
        } catch (const AssayError& error) {
            emit loadFailed(error.message());
        }
    }
    beginResetModel();
    m_versions = versions;
    endResetModel();
}

void PolicyHistoryModel::onChanged(const ChangeSet& changes) {
    if (changes.touches(EntityKind::Policy))
        reload();
}

int PolicyHistoryModel::rowOf(int version) const {
    for (qsizetype row = 0; row < m_versions.size(); ++row) {
        if (m_versions.at(row).version == version)
            return static_cast<int>(row);
    }
    return -1;
}

int PolicyHistoryModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_versions.size());
}

int PolicyHistoryModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant PolicyHistoryModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const PolicyVersion& version = m_versions.at(index.row());
    if (role == VersionRole)
        return version.version;
    if (role == Qt::ToolTipRole) {
        if (index.column() == CreatedAtColumn)
            return RunValueFormat::dateTimeLong(version.createdAt);
        if (index.column() == NoteColumn)
            return version.note;
        if (index.column() == VersionColumn)
            return tr("SHA-256 %1").arg(version.sha256);
        return {};
    }
    if (role == Qt::TextAlignmentRole && index.column() == VersionColumn)
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case VersionColumn:
        return version.version;
    case CreatedAtColumn:
        return RunValueFormat::dateTime(version.createdAt);
    case CreatedByColumn:
        return version.createdBy;
    case NoteColumn:
        return version.note;
    default:
        return {};
    }
}

QVariant PolicyHistoryModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case VersionColumn:
        return tr("Version");
    case CreatedAtColumn:
        return tr("Published");
    case CreatedByColumn:
        return tr("By");
    case NoteColumn:
        return tr("Note");
    default:
        return {};
    }
}

} // namespace assay
