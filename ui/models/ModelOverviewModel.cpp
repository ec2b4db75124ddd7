#include "ModelOverviewModel.h"

#include "core/base/AssayError.h"
#include "core/governance/ModelCatalog.h"
#include "core/identity/Identity.h"
#include "core/workspace/ChangeSet.h"
#include "core/workspace/Workspace.h"
#include "ui/session/WorkspaceSession.h"
#include "ui/widgets/DriftStyle.h"
#include "ui/widgets/GovernanceFormat.h"
#include "ui/widgets/PaletteTone.h"
#include "ui/widgets/TierBadgeDelegate.h"
#include "ui/widgets/TierStyle.h"

#include <QColor>
#include <QFont>

#include <limits>
#include <optional>

namespace assay {
namespace {

// Red that reads on light and dark palettes, as RunStatusStyle's "failed".
const QColor overdueColor(0xda, 0x36, 0x33);

// Nothing open reads as a dash, so that the rows that need attention stand out.
QString openCount(int count) {
    return count ? ModelOverviewModel::tr("%1 open").arg(count) : QStringLiteral("—");
}

bool isNumeric(int column) {
    return column == ModelOverviewModel::VersionsColumn || column == ModelOverviewModel::RequestsColumn ||
           column == ModelOverviewModel::FindingsColumn;
}

} // namespace

ModelOverviewModel::ModelOverviewModel(WorkspaceSession& session, QObject* parent)
    : QAbstractTableModel(parent)
    , m_session(session) {
    connect(&m_session, &WorkspaceSession::workspaceChanged, this, &ModelOverviewModel::reload);
    connect(&m_session, &WorkspaceSession::changed, this, &ModelOverviewModel::onChanged);
    reload();
}

void ModelOverviewModel::onChanged(const ChangeSet& changes) {
    for (EntityKind kind : {EntityKind::RegisteredModel, EntityKind::ModelVersion, EntityKind::Alias,
                            EntityKind::RiskAssessment, EntityKind::PromotionRequest, EntityKind::Decision,
                            EntityKind::Finding, EntityKind::ReviewSchedule, EntityKind::DriftMonitor}) {
        if (changes.touches(kind)) {
            reload();
            return;
        }
    }
}

void ModelOverviewModel::reload() {
    std::optional<QString> error;
    beginResetModel();
    m_overviews.clear();
    m_displayNames.clear();
    try {
        if (const Workspace* workspace = m_session.workspace()) {
            m_overviews = ModelCatalog(*workspace).overviews(workspace->now());
            m_displayNames = GovernanceFormat::displayNames(Identity(*workspace).users());
        }
    } catch (const AssayError& failure) {
        m_overviews.clear();
        error = failure.message();
    }
    endResetModel();
    if (error)
        emit loadFailed(*error);
}

const ModelOverview* ModelOverviewModel::overviewAt(int row) const {
    return row >= 0 && row < m_overviews.size() ? &m_overviews.at(row) : nullptr;
}

int ModelOverviewModel::rowOf(qint64 modelId) const {
    for (int row = 0; row < m_overviews.size(); ++row) {
        if (m_overviews.at(row).model.id == modelId)
            return row;
    }
    return -1;
}

int ModelOverviewModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_overviews.size());
}

int ModelOverviewModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ModelOverviewModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation == Qt::Horizontal && role == Qt::ToolTipRole) {
        if (section == RequestsColumn)
            return tr("Promotion and periodic review requests awaiting sign-off");
        if (section == FindingsColumn)
            return tr("Findings not closed yet");
        if (section == DriftColumn)
            return tr("Whether the latest window of a drift monitor recommends retraining");
        return {};
    }
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case NameColumn:
        return tr("Name");
    case OwnerColumn:
        return tr("Owner");
    case BusinessOwnerColumn:
        return tr("Business owner");
    case TierColumn:
        return tr("Tier");
    case ProductionColumn:
        return tr("Production");
    case VersionsColumn:
        return tr("Versions");
    // Short headers keep the table within a 1280-pixel window; the cells say "2 open".
    case RequestsColumn:
        return tr("Requests");
    case FindingsColumn:
        return tr("Findings");
    case DriftColumn:
        return tr("Retraining"); // "Retraining: recommended", short enough to keep the review date in view
    case ReviewColumn:
        return tr("Next review");
    default:
        return {};
    }
}

QVariant ModelOverviewModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ModelOverview& overview = m_overviews.at(index.row());
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
        return display(overview, column);
    case Qt::ToolTipRole:
        return toolTip(overview, column);
    case Qt::TextAlignmentRole:
        return isNumeric(column) ? QVariant(Qt::AlignRight | Qt::AlignVCenter) : QVariant();
    case Qt::ForegroundRole:
        if (column == DriftColumn && overview.drift.retrainingRecommended)
            return PaletteTone::asText(DriftStyle::fill(DriftStyle::Level::Drifted));
        return column == ReviewColumn && overview.reviewOverdue ? QVariant(PaletteTone::asText(overdueColor))
                                                                : QVariant();
    case Qt::FontRole:
        if ((column == ReviewColumn && overview.reviewOverdue) || column == NameColumn ||
            (column == DriftColumn && overview.drift.retrainingRecommended)) {
            QFont font;
            font.setBold(true);
            return font;
        }
        return {};
    case ModelIdRole:
        return overview.model.id;
    case SortRole:
        return sortKey(overview, column);
    case SearchRole:
        return QStringList{overview.model.name, overview.model.owner,
                           m_displayNames.value(overview.model.owner), overview.model.businessOwner}
            .join(QLatin1Char('\n'));
    case TierBadgeDelegate::TierRole:
        return overview.tier ? QVariant(*overview.tier) : QVariant();
    case TierBadgeDelegate::BlockedRole:
        return overview.blocked;
    case TierBadgeDelegate::NoteRole:
        return overview.tierOverridePending ? TierStyle::overridePendingNote() : QString();
    default:
        return {};
    }
}

QVariant ModelOverviewModel::display(const ModelOverview& overview, int column) const {
    switch (column) {
    case NameColumn:
        return overview.model.name;
    case OwnerColumn:
        return overview.model.owner.isEmpty()
                   ? GovernanceFormat::dash()
                   : GovernanceFormat::person(overview.model.owner, m_displayNames);
    case BusinessOwnerColumn:
        return overview.model.businessOwner.isEmpty() ? GovernanceFormat::dash()
                                                      : overview.model.businessOwner;
    case TierColumn:
        return TierStyle::fullLabel(overview.tier, overview.blocked, overview.tierOverridePending);
    case ProductionColumn:
        return GovernanceFormat::version(overview.productionVersion);
    case VersionsColumn:
        return overview.versionCount;
    case RequestsColumn:
        return openCount(overview.openRequests);
    case FindingsColumn:
        return openCount(overview.openFindings);
    case DriftColumn:
        if (overview.drift.monitors == 0)
            return GovernanceFormat::dash();
        if (overview.drift.retrainingRecommended)
            return tr("recommended");
        return overview.drift.windows == 0 ? tr("no drift data yet") : tr("not needed");
    case ReviewColumn:
        if (!overview.review)
            return GovernanceFormat::dash();
        return overview.reviewOverdue
                   ? tr("overdue since %1").arg(GovernanceFormat::date(overview.review->nextReviewAt))
                   : GovernanceFormat::date(overview.review->nextReviewAt);
    default:
        return {};
    }
}

QVariant ModelOverviewModel::sortKey(const ModelOverview& overview, int column) const {
    switch (column) {
    case NameColumn:
        return overview.model.name.toLower();
    case TierColumn:
        return TierStyle::sortKey(overview.tier, overview.blocked);
    case ProductionColumn:
        return overview.productionVersion.value_or(-1);
    case ReviewColumn:
        // Models without a review date sort after every dated one.
        return overview.review ? overview.review->nextReviewAt : std::numeric_limits<qint64>::max();
    case VersionsColumn:
        return overview.versionCount;
    case RequestsColumn:
        return overview.openRequests;
    case FindingsColumn:
        return overview.openFindings;
    case DriftColumn:
        // Retraining recommended sorts above the monitored models, which sort above the others.
        return overview.drift.retrainingRecommended ? 2 : overview.drift.monitors > 0 ? 1 : 0;
    default:
        return display(overview, column).toString().toLower();
    }
}

QVariant ModelOverviewModel::toolTip(const ModelOverview& overview, int column) const {
    switch (column) {
    case NameColumn:
        return overview.model.description.isEmpty() ? overview.model.name : overview.model.description;
    case OwnerColumn:
        return overview.model.owner.isEmpty() ? tr("No model owner has been named yet.")
                                              : overview.model.owner;
    case BusinessOwnerColumn:
        return overview.model.businessOwner;
    case TierColumn:
        return overview.tierOverridePending
                   ? tr("A tier override waits for a risk officer's decision; the computed tier applies "
                        "until then.")
                   : TierStyle::label(overview.tier, overview.blocked);
    case DriftColumn:
        return overview.drift.retrainingRecommended ? overview.drift.reasons.join(QLatin1Char('\n'))
                                                    : overview.drift.summary();
    case ReviewColumn:
        if (!overview.review)
            return tr("Scheduled when a promotion to production executes.");
        return overview.reviewOverdue ? tr("The periodic review was due on %1.")
                                            .arg(GovernanceFormat::date(overview.review->nextReviewAt))
                                      : tr("Next periodic review due on %1.")
                                            .arg(GovernanceFormat::date(overview.review->nextReviewAt));
    default:
        return {};
    }
}

} // namespace assay
