#include "ModelFindingModel.h"

#include "core/base/AssayError.h"
#include "core/governance/Findings.h"
#include "core/identity/Identity.h"
#include "core/workspace/ChangeSet.h"
#include "core/workspace/Workspace.h"
#include "ui/session/WorkspaceSession.h"
#include "ui/widgets/GovernanceFormat.h"
#include "ui/widgets/PaletteTone.h"

#include <QColor>
#include <QDateTime>
#include <QFont>

#include <algorithm>
#include <limits>
#include <optional>

namespace assay {
namespace {

const QColor overdueColor(0xda, 0x36, 0x33);
const QColor highColor(0xd2, 0x6b, 0x12);

} // namespace

ModelFindingModel::ModelFindingModel(WorkspaceSession& session, QObject* parent)
    : QAbstractTableModel(parent)
    , m_session(session) {
    connect(&m_session, &WorkspaceSession::workspaceChanged, this, [this] { setModelId(0); });
    connect(&m_session, &WorkspaceSession::changed, this, &ModelFindingModel::onChanged);
}

void ModelFindingModel::setModelId(qint64 modelId) {
    m_modelId = modelId;
    reload();
}

void ModelFindingModel::onChanged(const ChangeSet& changes) {
    // Conditions of an approval become findings through the decision that makes them.
    if (m_modelId != 0 && (changes.touches(EntityKind::Finding) || changes.touches(EntityKind::Decision)))
        reload();
}

void ModelFindingModel::reload() {
    std::optional<QString> error;
    beginResetModel();
    m_findings.clear();
    try {
        if (const Workspace* workspace = m_session.workspace(); workspace && m_modelId != 0) {
            m_findings = Findings(*workspace).findings(m_modelId);
            m_displayNames = GovernanceFormat::displayNames(Identity(*workspace).users());
            m_today = QDateTime::fromMSecsSinceEpoch(workspace->now()).date();
        }
    } catch (const AssayError& failure) {
        m_findings.clear();
        error = failure.message();
    }
    endResetModel();
    if (error)
        emit loadFailed(*error);
}

int ModelFindingModel::openCount() const {
    return int(
        std::count_if(m_findings.cbegin(), m_findings.cend(), [](const Finding& f) { return f.open; }));
}

int ModelFindingModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_findings.size());
}

int ModelFindingModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ModelFindingModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case DescriptionColumn:
        return tr("Finding");
    case SeverityColumn:
        return tr("Severity");
    case OwnerColumn:
        return tr("Owner");
    case DueColumn:
        return tr("Due");
    case StatusColumn:
        return tr("Status");
    case ResolutionColumn:
        return tr("Resolution");
    default:
        return {};
    }
}

QVariant ModelFindingModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Finding& finding = m_findings.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return display(finding, index.column());
    case Qt::ToolTipRole:
        if (index.column() == OwnerColumn)
            return finding.owner;
        if (index.column() == StatusColumn && !finding.open)
            return tr("Closed by %1").arg(finding.closedBy);
        return display(finding, index.column());
    case Qt::ForegroundRole: {
        const QVariant colour = foreground(finding, index.column());
        return colour.isValid() ? QVariant(PaletteTone::asText(colour.value<QColor>())) : colour;
    }
    case Qt::FontRole:
        if ((index.column() == DueColumn && finding.isOverdue(m_today)) ||
            (index.column() == SeverityColumn && finding.severity == QLatin1String("critical"))) {
            QFont font;
            font.setBold(true);
            return font;
        }
        return {};
    case FindingIdRole:
        return finding.id;
    case OverdueRole:
        return finding.isOverdue(m_today);
    case SortRole:
        return sortKey(finding, index.column());
    default:
        return {};
    }
}

QVariant ModelFindingModel::display(const Finding& finding, int column) const {
    switch (column) {
    case DescriptionColumn:
        return finding.description;
    case SeverityColumn:
        return finding.severity.left(1).toUpper() + finding.severity.mid(1);
    case OwnerColumn:
        return GovernanceFormat::person(finding.owner, m_displayNames);
    case DueColumn:
        if (!finding.dueDate.isValid())
            return GovernanceFormat::dash();
        return finding.isOverdue(m_today) ? tr("%1 (overdue)").arg(finding.dueDate.toString(Qt::ISODate))
                                          : finding.dueDate.toString(Qt::ISODate);
    case StatusColumn:
        return finding.open ? tr("Open") : tr("Closed %1").arg(GovernanceFormat::date(finding.closedAt));
    case ResolutionColumn:
        return finding.resolution;
    default:
        return {};
    }
}

QVariant ModelFindingModel::foreground(const Finding& finding, int column) const {
    if (column == DueColumn && finding.isOverdue(m_today))
        return overdueColor;
    if (column == SeverityColumn && finding.open) {
        if (finding.severity == QLatin1String("critical"))
            return overdueColor;
        if (finding.severity == QLatin1String("high"))
            return highColor;
    }
    return {};
}

QVariant ModelFindingModel::sortKey(const Finding& finding, int column) const {
    switch (column) {
    case SeverityColumn:
        return Finding::severities().indexOf(finding.severity);
    case DueColumn:
        return finding.dueDate.isValid() ? finding.dueDate.toJulianDay() : std::numeric_limits<qint64>::max();
    case StatusColumn:
        return finding.open ? 0 : 1;
    default:
        return display(finding, column).toString().toLower();
    }
}

} // namespace assay
