#include "ModelRequestModel.h"

#include "core/base/AssayError.h"
#include "core/governance/PromotionRequests.h"
#include "core/identity/Identity.h"
#include "core/workspace/ChangeSet.h"
#include "core/workspace/Workspace.h"
#include "ui/session/WorkspaceSession.h"
#include "ui/widgets/GovernanceFormat.h"
#include "ui/widgets/RunValueFormat.h"
#include "ui/widgets/TierBadgeDelegate.h"
#include "ui/widgets/TierStyle.h"

#include <QFont>

#include <algorithm>
#include <optional>

namespace assay {

ModelRequestModel::ModelRequestModel(WorkspaceSession& session, QObject* parent)
    : QAbstractTableModel(parent)
    , m_session(session) {
    connect(&m_session, &WorkspaceSession::workspaceChanged, this, [this] { setModelId(0); });
    connect(&m_session, &WorkspaceSession::changed, this, &ModelRequestModel::onChanged);
}

void ModelRequestModel::setModelId(qint64 modelId) {
    m_modelId = modelId;
    reload();
}

void ModelRequestModel::onChanged(const ChangeSet& changes) {
    if (m_modelId != 0 &&
        (changes.touches(EntityKind::PromotionRequest) || changes.touches(EntityKind::Decision)))
        reload();
}

void ModelRequestModel::reload() {
    std::optional<QString> error;
    beginResetModel();
    m_requests.clear();
    try {
        if (const Workspace* workspace = m_session.workspace(); workspace && m_modelId != 0) {
            m_requests = PromotionRequests(*workspace).requests(m_modelId);
            m_displayNames = GovernanceFormat::displayNames(Identity(*workspace).users());
        }
    } catch (const AssayError& failure) {
        m_requests.clear();
        error = failure.message();
    }
    endResetModel();
    if (error)
        emit loadFailed(*error);
}

int ModelRequestModel::openCount() const {
    return int(std::count_if(m_requests.cbegin(), m_requests.cend(),
                             [](const PromotionRequest& request) { return request.isOpen(); }));
}

int ModelRequestModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_requests.size());
}

int ModelRequestModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ModelRequestModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case IdColumn:
        return tr("#");
    case KindColumn:
        return tr("Kind");
    case VersionColumn:
        return tr("Version");
    case AliasColumn:
        return tr("Alias");
    case TierColumn:
        return tr("Tier");
    case StatusColumn:
        return tr("Status");
    case SubmittedByColumn:
        return tr("Submitted by");
    case SubmittedColumn:
        return tr("Submitted");
    default:
        return {};
    }
}

QVariant ModelRequestModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const PromotionRequest& request = m_requests.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return display(request, index.column());
    case Qt::ToolTipRole:
        if (index.column() == SubmittedColumn)
            return RunValueFormat::dateTimeLong(request.submittedAt);
        return request.justification.isEmpty() ? request.title() : request.justification;
    case Qt::FontRole:
        if (request.isOpen() && index.column() == StatusColumn) {
            QFont font;
            font.setBold(true);
            return font;
        }
        return {};
    case Qt::TextAlignmentRole:
        return index.column() == IdColumn ? QVariant(Qt::AlignRight | Qt::AlignVCenter) : QVariant();
    case RequestIdRole:
        return request.id;
    case SortRole:
        return sortKey(request, index.column());
    case TierBadgeDelegate::TierRole:
        return request.tier;
    default:
        return {};
    }
}

QVariant ModelRequestModel::display(const PromotionRequest& request, int column) const {
    switch (column) {
    case IdColumn:
        return request.id;
    case KindColumn:
        return request.kind == PromotionRequest::Kind::Review ? tr("Periodic review") : tr("Promotion");
    case VersionColumn:
        return GovernanceFormat::version(request.version);
    case AliasColumn:
        return request.alias.isEmpty() ? GovernanceFormat::dash() : request.alias;
    case TierColumn:
        return TierStyle::label(request.tier);
    case StatusColumn:
        return PromotionRequest::statusLabel(request.status);
    case SubmittedByColumn:
        return GovernanceFormat::person(request.submittedBy, m_displayNames);
    case SubmittedColumn:
        return RunValueFormat::dateTime(request.submittedAt);
    default:
        return {};
    }
}

QVariant ModelRequestModel::sortKey(const PromotionRequest& request, int column) const {
    switch (column) {
    case IdColumn:
        return request.id;
    case VersionColumn:
        return request.version;
    case TierColumn:
        return request.tier;
    case SubmittedColumn:
        return request.submittedAt;
    default:
        return display(request, column).toString().toLower();
    }
}

} // namespace assay
