#include "AliasHistoryModel.h"

#include "AliasTimeline.h"
#include "core/base/AssayError.h"
#include "core/identity/Identity.h"
#include "core/registry/Registry.h"
#include "core/workspace/ChangeSet.h"
#include "core/workspace/Workspace.h"
#include "ui/session/WorkspaceSession.h"
#include "ui/widgets/GovernanceFormat.h"
#include "ui/widgets/RunValueFormat.h"

#include <optional>

namespace assay {

AliasHistoryModel::AliasHistoryModel(WorkspaceSession& session, QObject* parent)
    : QAbstractTableModel(parent)
    , m_session(session) {
    connect(&m_session, &WorkspaceSession::workspaceChanged, this, [this] { setModelId(0); });
    connect(&m_session, &WorkspaceSession::changed, this, &AliasHistoryModel::onChanged);
}

void AliasHistoryModel::setModelId(qint64 modelId) {
    m_modelId = modelId;
    reload();
}

void AliasHistoryModel::onChanged(const ChangeSet& changes) {
    if (m_modelId != 0 && (changes.touches(EntityKind::Alias) || changes.touches(EntityKind::ModelVersion)))
        reload();
}

void AliasHistoryModel::reload() {
    std::optional<QString> error;
    beginResetModel();
    m_aliases.clear();
    m_history.clear();
    m_rows.clear();
    m_keys.clear();
    try {
        if (const Workspace* workspace = m_session.workspace(); workspace && m_modelId != 0) {
            const Registry registry(*workspace);
            m_aliases = AliasTimeline::ordered(registry.aliasNames(m_modelId));
            for (const QString& alias : std::as_const(m_aliases)) {
                const QList<AliasChange> history = registry.aliasHistory(m_modelId, alias);
                m_history.insert(alias, history);
                m_rows.append(history);
            }
            // Two moves of one alias may share a millisecond (a replayed history): number them.
            QHash<QString, int> seen;
            for (const AliasChange& change : std::as_const(m_rows)) {
                const QString key = QStringLiteral("%1@%2").arg(change.alias).arg(change.changedAt);
                m_keys.append(QStringLiteral("%1#%2").arg(key).arg(seen[key]++));
            }
            m_displayNames = GovernanceFormat::displayNames(Identity(*workspace).users());
        }
    } catch (const AssayError& failure) {
        m_aliases.clear();
        m_history.clear();
        m_rows.clear();
        m_keys.clear();
        error = failure.message();
    }
    endResetModel();
    if (error)
        emit loadFailed(*error);
}

int AliasHistoryModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int AliasHistoryModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AliasHistoryModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case AliasColumn:
        return tr("Alias");
    case WhenColumn:
        return tr("When");
    case VersionColumn:
        return tr("Version");
    case PreviousColumn:
        return tr("Previous");
    case ByColumn:
        return tr("By");
    case ReasonColumn:
        return tr("Reason");
    default:
        return {};
    }
}

QVariant AliasHistoryModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const AliasChange& change = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return display(change, index.column());
    case Qt::ToolTipRole:
        if (index.column() == WhenColumn)
            return RunValueFormat::dateTimeLong(change.changedAt);
        if (index.column() == ByColumn)
            return change.changedBy;
        return index.column() == ReasonColumn ? QVariant(change.reason) : QVariant();
    case KeyRole:
        return m_keys.at(index.row());
    case ChangedAtRole:
        return change.changedAt;
    case SortRole:
        if (index.column() == WhenColumn)
            return change.changedAt;
        if (index.column() == VersionColumn)
            return change.version.value_or(0);
        if (index.column() == PreviousColumn)
            return change.previousVersion.value_or(0);
        return display(change, index.column());
    default:
        return {};
    }
}

QVariant AliasHistoryModel::display(const AliasChange& change, int column) const {
    switch (column) {
    case AliasColumn:
        return change.alias;
    case WhenColumn:
        return RunValueFormat::dateTime(change.changedAt);
    case VersionColumn:
        return change.version ? GovernanceFormat::version(change.version) : tr("removed");
    case PreviousColumn:
        return GovernanceFormat::version(change.previousVersion);
    case ByColumn:
        return GovernanceFormat::person(change.changedBy, m_displayNames);
    case ReasonColumn:
        return change.reason;
    default:
        return {};
    }
}

} // namespace assay
