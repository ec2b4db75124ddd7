#include "ReviewInboxModel.h"

#include "ReviewStatusStyle.h"
#include "core/base/AssayError.h"
#include "core/governance/PromotionRequests.h"
#include "core/workspace/ChangeSet.h"
#include "core/workspace/Workspace.h"
#include "ui/session/WorkspaceSession.h"
#include "ui/widgets/PaletteTone.h"
#include "ui/widgets/RelativeTimeFormat.h"
#include "ui/widgets/RunValueFormat.h"

#include <optional>

namespace assay {

ReviewInboxModel::ReviewInboxModel(WorkspaceSession& session, QObject* parent)
    : QAbstractTableModel(parent)
    , m_session(session) {
    connect(&m_session, &WorkspaceSession::workspaceChanged, this, &ReviewInboxModel::reload);
    connect(&m_session, &WorkspaceSession::changed, this, &ReviewInboxModel::onChanged);
    reload();
}

bool ReviewInboxModel::isAffectedBy(const ChangeSet& changes) {
    for (EntityKind kind :
         {EntityKind::Workspace, EntityKind::PromotionRequest, EntityKind::Decision,
          EntityKind::RiskAssessment, EntityKind::Evidence, EntityKind::ModelCard,
          EntityKind::RegisteredModel, EntityKind::ModelVersion, EntityKind::Alias, EntityKind::Policy,
          EntityKind::Run, EntityKind::Param, EntityKind::Metric, EntityKind::Attachment}) {
        if (changes.touches(kind))
            return true;
    }
    return false;
}

void ReviewInboxModel::onChanged(const ChangeSet& changes) {
    if (isAffectedBy(changes))
        reload();
}

void ReviewInboxModel::reload() {
    std::optional<QString> error;
    beginResetModel();
    m_items.clear();
    try {
        if (const Workspace* workspace = m_session.workspace()) {
            const PromotionRequests requests(*workspace);
            const QString actor = workspace->actor();
            m_now = workspace->now();
            for (const PromotionRequest& request : requests.inbox(actor)) {
                Item item{request, SignOff::labelOf(requests.eligibility(request, actor).signOff), {}};
                for (const Decision& decision : requests.decisions(request)) {
                    if (decision.decidedBy == actor && decision.status == Decision::Status::Stale)
                        item.staleDetail = decision.statusDetail;
                }
                m_items.append(item);
            }
        }
    } catch (const AssayError& failure) {
        m_items.clear();
        error = failure.message();
    }
    endResetModel();
    if (error)
        emit loadFailed(*error);
}

qint64 ReviewInboxModel::requestIdAt(int row) const {
    return row >= 0 && row < m_items.size() ? m_items.at(row).request.id : 0;
}

int ReviewInboxModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_items.size());
}

int ReviewInboxModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ReviewInboxModel::display(const Item& item, int column) const {
    const PromotionRequest& request = item.request;
    switch (column) {
    case IdColumn:
        return request.id;
    case RequestColumn:
        return request.title();
    case TierColumn:
        return tr("Tier %1").arg(request.tier);
    case SignOffColumn:
        return tr("as %1").arg(item.signOffLabel);
    case SubmittedByColumn:
        return request.submittedBy;
    case WaitingColumn:
        return RelativeTimeFormat::elapsed(request.submittedAt, m_now);
    case StaleColumn:
        return item.staleDetail.isEmpty() ? QString() : tr("Your decision went stale");
    default:
        return {};
    }
}

QVariant ReviewInboxModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Item& item = m_items.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return display(item, index.column());
    case Qt::ToolTipRole:
        if (index.column() == WaitingColumn)
            return tr("Submitted %1").arg(RunValueFormat::dateTimeLong(item.request.submittedAt));
        if (index.column() == StaleColumn && !item.staleDetail.isEmpty())
            return tr("%1 Decide again: only a decision on the evidence as it is now counts.")
                .arg(item.staleDetail);
        if (index.column() == RequestColumn && !item.request.justification.isEmpty())
            return item.request.justification;
        return {};
    case Qt::DecorationRole:
        if (index.column() == StaleColumn && !item.staleDetail.isEmpty())
            return ReviewStatusStyle::dot(ReviewStatusStyle::warning());
        return {};
    case Qt::ForegroundRole:
        if (index.column() == StaleColumn && !item.staleDetail.isEmpty())
            return PaletteTone::asText(ReviewStatusStyle::warning());
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == IdColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case RequestIdRole:
        return item.request.id;
    case StaleRole:
        return !item.staleDetail.isEmpty();
    default:
        return {};
    }
}

QVariant ReviewInboxModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case IdColumn:
        return tr("#");
    case RequestColumn:
        return tr("Request");
    case TierColumn:
        return tr("Tier");
    case SignOffColumn:
        return tr("Your sign-off");
    case SubmittedByColumn:
        return tr("Submitted by");
    case WaitingColumn:
        return tr("Waiting");
    case StaleColumn:
        return tr("Note");
    default:
        return {};
    }
}

} // namespace assay
