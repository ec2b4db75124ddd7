#include "TierOverrideModel.h"

#include "core/base/AssayError.h"
#include "core/governance/RiskAssessments.h"
#include "core/registry/Registry.h"
#include "core/workspace/ChangeSet.h"
#include "core/workspace/Workspace.h"
#include "ui/session/WorkspaceSession.h"
#include "ui/widgets/RelativeTimeFormat.h"
#include "ui/widgets/RunValueFormat.h"

#include <algorithm>
#include <optional>

namespace assay {

TierOverrideModel::TierOverrideModel(WorkspaceSession& session, QObject* parent)
    : QAbstractTableModel(parent)
    , m_session(session) {
    connect(&m_session, &WorkspaceSession::workspaceChanged, this, &TierOverrideModel::reload);
    connect(&m_session, &WorkspaceSession::changed, this, &TierOverrideModel::onChanged);
    reload();
}

void TierOverrideModel::onChanged(const ChangeSet& changes) {
    if (changes.touches(EntityKind::RiskAssessment) || changes.touches(EntityKind::RegisteredModel) ||
        changes.touches(EntityKind::Workspace))
        reload();
}

void TierOverrideModel::reload() {
    std::optional<QString> error;
    beginResetModel();
    m_items.clear();
    try {
        if (const Workspace* workspace = m_session.workspace()) {
            m_actor = workspace->actor();
            m_now = workspace->now();
            const Registry registry(*workspace);
            for (const RiskAssessment& assessment : RiskAssessments(*workspace).pendingOverrides()) {
                const std::optional<RegisteredModel> model = registry.model(assessment.modelId);
                m_items.append({assessment, model ? model->name : QString::number(assessment.modelId)});
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

qint64 TierOverrideModel::assessmentIdAt(int row) const {
    return row >= 0 && row < m_items.size() ? m_items.at(row).assessment.id : 0;
}

int TierOverrideModel::decidableCount() const {
    return static_cast<int>(std::count_if(m_items.cbegin(), m_items.cend(), [this](const Item& item) {
        return item.assessment.assessedBy != m_actor;
    }));
}

int TierOverrideModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_items.size());
}

int TierOverrideModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant TierOverrideModel::display(const Item& item, int column) const {
    const RiskAssessment& assessment = item.assessment;
    switch (column) {
    case ModelColumn:
        return item.modelName;
    case TierColumn:
        return tr("Tier %1 → Tier %2").arg(assessment.computedTier).arg(assessment.overrideTier.value_or(0));
    case ReasonColumn:
        return assessment.overrideReason;
    case ProposedByColumn:
        return assessment.assessedBy;
    case WaitingColumn:
        return RelativeTimeFormat::elapsed(assessment.assessedAt, m_now);
    default:
        return {};
    }
}

QVariant TierOverrideModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Item& item = m_items.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return display(item, index.column());
    case Qt::ToolTipRole:
        if (index.column() == ReasonColumn)
            return item.assessment.overrideReason;
        if (index.column() == TierColumn)
            return tr("Computed Tier %1 (%2); Tier %3 proposed instead.")
                .arg(item.assessment.computedTier)
                .arg(item.assessment.rule)
                .arg(item.assessment.overrideTier.value_or(0));
        if (index.column() == WaitingColumn)
            return tr("Proposed %1").arg(RunValueFormat::dateTimeLong(item.assessment.assessedAt));
        return {};
    case AssessmentIdRole:
        return item.assessment.id;
    case OwnProposalRole:
        return item.assessment.assessedBy == m_actor;
    default:
        return {};
    }
}

QVariant TierOverrideModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case ModelColumn:
        return tr("Model");
    case TierColumn:
        return tr("Tier override");
    case ReasonColumn:
        return tr("Reason");
    case ProposedByColumn:
        return tr("Proposed by");
    case WaitingColumn:
        return tr("Waiting");
    default:
        return {};
    }
}

} // namespace assay
