#include "RequestListModel.h"

#include "ReviewStatusStyle.h"
#include "core/base/AssayError.h"
#include "core/governance/PromotionRequests.h"
#include "core/workspace/ChangeSet.h"
#include "core/workspace/Workspace.h"
#include "ui/session/WorkspaceSession.h"
#include "ui/widgets/RunValueFormat.h"

namespace assay {

RequestListModel::RequestListModel(WorkspaceSession& session, QObject* parent)
    : QAbstractTableModel(parent)
    , m_session(session) {
    connect(&m_session, &WorkspaceSession::workspaceChanged, this, &RequestListModel::reload);
    connect(&m_session, &WorkspaceSession::changed, this, &RequestListModel::onChanged);
    reload();
}

void RequestListModel::onChanged(const ChangeSet& changes) {
    // Titles carry model names; statuses change with requests and decisions.
    if (changes.touches(EntityKind::PromotionRequest) || changes.touches(EntityKind::Decision) ||
        changes.touches(EntityKind::RegisteredModel) || changes.touches(EntityKind::Workspace))
        reload();
}

void RequestListModel::setStatusFilter(std::optional<PromotionRequest::Status> status) {
    if (status == m_statusFilter)
        return;
    m_statusFilter = status;
    reload();
}

void RequestListModel::reload() {
    std::optional<QString> error;
    beginResetModel();
    m_requests.clear();
    try {
        if (const Workspace* workspace = m_session.workspace()) {
            for (const PromotionRequest& request : PromotionRequests(*workspace).requests()) {
                if (!m_statusFilter || request.status == *m_statusFilter)
                    m_requests.append(request);
            }
        }
    } catch (const AssayError& failure) {
        m_requests.clear();
        error = failure.message();
    }
    endResetModel();
    if (error)
        emit loadFailed(*error);
}

qint64 RequestListModel::requestIdAt(int row) const {
    return row >= 0 && row < m_requests.size() ? m_requests.at(row).id : 0;
}

int RequestListModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_requests.size());
}

int RequestListModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RequestListModel::display(const PromotionRequest& request, int column) const {
    switch (column) {
    case IdColumn:
        return request.id;
    case RequestColumn:
        return request.title();
    case TierColumn:
        return tr("Tier %1").arg(request.tier);
    case StatusColumn:
        return PromotionRequest::statusLabel(request.status);
    case SubmittedByColumn:
        return request.submittedBy;
    case SubmittedColumn:
        return RunValueFormat::dateTime(request.submittedAt);
    case ClosedColumn:
        return RunValueFormat::dateTime(request.closedAt);
    default:
        return {};
    }
}

QVariant RequestListModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const PromotionRequest& request = m_requests.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return display(request, index.column());
    case Qt::DecorationRole:
        if (index.column() == StatusColumn)
            return ReviewStatusStyle::dot(ReviewStatusStyle::requestColor(request.status));
        return {};
    case Qt::ToolTipRole:
        if (index.column() == RequestColumn && !request.justification.isEmpty())
            return request.justification;
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == IdColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case RequestIdRole:
        return request.id;
    default:
        return {};
    }
}

QVariant RequestListModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case IdColumn:
        return tr("#");
    case RequestColumn:
        return tr("Request");
    case TierColumn:
        return tr("Tier");
    case StatusColumn:
        return tr("Status");
    case SubmittedByColumn:
        return tr("Submitted by");
    case SubmittedColumn:
        return tr("Submitted");
    case ClosedColumn:
        return tr("Closed");
    default:
        return {};
    }
}

} // namespace assay
