#include "RiskAssessmentHistoryModel.h"

#include "core/base/AssayError.h"
#include "core/governance/RiskAssessments.h"
#include "core/identity/Identity.h"
#include "core/workspace/ChangeSet.h"
#include "core/workspace/Workspace.h"
#include "ui/session/WorkspaceSession.h"
#include "ui/widgets/GovernanceFormat.h"
#include "ui/widgets/RunValueFormat.h"
#include "ui/widgets/TierBadgeDelegate.h"
#include "ui/widgets/TierStyle.h"

#include <optional>

namespace assay {

RiskAssessmentHistoryModel::RiskAssessmentHistoryModel(WorkspaceSession& session, QObject* parent)
    : QAbstractTableModel(parent)
    , m_session(session) {
    connect(&m_session, &WorkspaceSession::workspaceChanged, this, [this] { setModelId(0); });
    connect(&m_session, &WorkspaceSession::changed, this, &RiskAssessmentHistoryModel::onChanged);
}

void RiskAssessmentHistoryModel::setModelId(qint64 modelId) {
    m_modelId = modelId;
    reload();
}

void RiskAssessmentHistoryModel::onChanged(const ChangeSet& changes) {
    if (m_modelId != 0 && changes.touches(EntityKind::RiskAssessment))
        reload();
}

void RiskAssessmentHistoryModel::reload() {
    std::optional<QString> error;
    beginResetModel();
    m_assessments.clear();
    try {
        if (const Workspace* workspace = m_session.workspace(); workspace && m_modelId != 0) {
            m_assessments = RiskAssessments(*workspace).history(m_modelId);
            m_displayNames = GovernanceFormat::displayNames(Identity(*workspace).users());
        }
    } catch (const AssayError& failure) {
        m_assessments.clear();
        error = failure.message();
    }
    endResetModel();
    if (error)
        emit loadFailed(*error);
}

const RiskAssessment* RiskAssessmentHistoryModel::assessmentAt(int row) const {
    return row >= 0 && row < m_assessments.size() ? &m_assessments.at(row) : nullptr;
}

int RiskAssessmentHistoryModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_assessments.size());
}

int RiskAssessmentHistoryModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RiskAssessmentHistoryModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case AssessedColumn:
        return tr("Assessed");
    case ByColumn:
        return tr("By");
    case PolicyColumn:
        return tr("Policy");
    case ComputedColumn:
        return tr("Computed tier");
    case OverrideColumn:
        return tr("Override");
    case TierColumn:
        return tr("Tier that applies");
    default:
        return {};
    }
}

QString RiskAssessmentHistoryModel::overrideText(const RiskAssessment& assessment) {
    if (!assessment.overrideTier)
        return {};
    const QString tier = tr("Tier %1").arg(*assessment.overrideTier);
    switch (assessment.overrideStatus) {
    case RiskAssessment::OverrideStatus::Pending:
        return tr("%1 proposed · awaiting a risk officer").arg(tier);
    case RiskAssessment::OverrideStatus::Approved:
        return tr("%1 · approved by %2").arg(tier, assessment.overrideDecidedBy);
    case RiskAssessment::OverrideStatus::Rejected:
        return tr("%1 · rejected by %2").arg(tier, assessment.overrideDecidedBy);
    case RiskAssessment::OverrideStatus::None:
        break;
    }
    return tier;
}

QVariant RiskAssessmentHistoryModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const RiskAssessment& assessment = m_assessments.at(index.row());
    const bool tierColumn = index.column() == TierColumn;
    switch (role) {
    case Qt::DisplayRole:
        return display(assessment, index.column());
    case Qt::ToolTipRole:
        if (index.column() == OverrideColumn)
            return assessment.overrideReason;
        if (index.column() == ComputedColumn)
            return assessment.rule;
        return index.column() == AssessedColumn ? RunValueFormat::dateTimeLong(assessment.assessedAt)
                                                : QString();
    case AssessmentIdRole:
        return assessment.id;
    case SortRole:
        if (index.column() == AssessedColumn)
            return assessment.assessedAt;
        if (index.column() == PolicyColumn)
            return assessment.policyVersion;
        if (tierColumn)
            return TierStyle::sortKey(assessment.effectiveTier(), assessment.blocked);
        return display(assessment, index.column());
    case TierBadgeDelegate::TierRole:
        return tierColumn ? QVariant(assessment.effectiveTier()) : QVariant();
    case TierBadgeDelegate::BlockedRole:
        return assessment.blocked;
    case TierBadgeDelegate::NoteRole:
        return tierColumn && assessment.overrideStatus == RiskAssessment::OverrideStatus::Pending
                   ? TierStyle::overridePendingNote()
                   : QString();
    default:
        return {};
    }
}

QVariant RiskAssessmentHistoryModel::display(const RiskAssessment& assessment, int column) const {
    switch (column) {
    case AssessedColumn:
        return RunValueFormat::dateTime(assessment.assessedAt);
    case ByColumn:
        return GovernanceFormat::person(assessment.assessedBy, m_displayNames);
    case PolicyColumn:
        return tr("v%1").arg(assessment.policyVersion);
    case ComputedColumn:
        return TierStyle::label(assessment.computedTier, assessment.blocked);
    case OverrideColumn: {
        const QString text = overrideText(assessment);
        return text.isEmpty() ? GovernanceFormat::dash() : text;
    }
    case TierColumn:
        return TierStyle::fullLabel(assessment.effectiveTier(), assessment.blocked,
                                    assessment.overrideStatus == RiskAssessment::OverrideStatus::Pending);
    default:
        return {};
    }
}

} // namespace assay
