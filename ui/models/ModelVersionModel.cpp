#include "ModelVersionModel.h"

#include "core/base/AssayError.h"
#include "core/base/VersionLock.h"
#include "core/identity/Identity.h"
#include "core/registry/ModelCards.h"
#include "core/registry/Registry.h"
#include "core/workspace/ChangeSet.h"
#include "core/workspace/Workspace.h"
#include "ui/session/WorkspaceSession.h"
#include "ui/widgets/GovernanceFormat.h"
#include "ui/widgets/RunValueFormat.h"

#include <QFont>
#include <QGuiApplication>
#include <QPalette>

#include <optional>

namespace assay {

ModelVersionModel::ModelVersionModel(WorkspaceSession& session, QObject* parent)
    : QAbstractTableModel(parent)
    , m_session(session) {
    connect(&m_session, &WorkspaceSession::workspaceChanged, this, [this] { setModelId(0); });
    connect(&m_session, &WorkspaceSession::changed, this, &ModelVersionModel::onChanged);
}

void ModelVersionModel::setModelId(qint64 modelId) {
    m_modelId = modelId;
    reload();
}

void ModelVersionModel::onChanged(const ChangeSet& changes) {
    if (m_modelId == 0)
        return;
    // A promotion executing approves a version; a decision may execute one.
    for (EntityKind kind : {EntityKind::ModelVersion, EntityKind::Alias, EntityKind::ModelCard,
                            EntityKind::Run, EntityKind::PromotionRequest, EntityKind::Decision}) {
        if (changes.touches(kind)) {
            reload();
            return;
        }
    }
}

void ModelVersionModel::reload() {
    std::optional<QString> error;
    beginResetModel();
    m_rows.clear();
    try {
        if (const Workspace* workspace = m_session.workspace(); workspace && m_modelId != 0) {
            const ModelCards cards(*workspace);
            for (const ModelVersion& version : Registry(*workspace).versions(m_modelId))
                m_rows.append({version, cards.card(version.id).missingSections(),
                               VersionLock::isApproved(workspace->database(), version.id)});
            m_displayNames = GovernanceFormat::displayNames(Identity(*workspace).users());
        }
    } catch (const AssayError& failure) {
        m_rows.clear();
        error = failure.message();
    }
    endResetModel();
    if (error)
        emit loadFailed(*error);
}

const ModelVersion* ModelVersionModel::versionAt(int row) const {
    return row >= 0 && row < m_rows.size() ? &m_rows.at(row).version : nullptr;
}

int ModelVersionModel::rowOfVersion(int version) const {
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows.at(row).version.version == version)
            return row;
    }
    return -1;
}

int ModelVersionModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int ModelVersionModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ModelVersionModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case VersionColumn:
        return tr("Version");
    case AliasesColumn:
        return tr("Aliases");
    case RunColumn:
        return tr("Source run");
    case CreatedByColumn:
        return tr("Created by");
    case RunByColumn:
        return tr("Run by");
    case CreatedColumn:
        return tr("Created");
    case CardColumn:
        return tr("Card");
    case ApprovedColumn:
        return tr("Approved");
    default:
        return {};
    }
}

QVariant ModelVersionModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row& row = m_rows.at(index.row());
    const int column = index.column();
    const bool isLink = column == RunColumn && row.version.runId;
    switch (role) {
    case Qt::DisplayRole:
        return display(row, column);
    case Qt::ToolTipRole:
        return toolTip(row, column);
    case Qt::ForegroundRole:
        if (isLink)
            return QGuiApplication::palette().color(QPalette::Link);
        if (column == CardColumn && !row.missingSections.isEmpty())
            return QGuiApplication::palette().color(QPalette::PlaceholderText);
        return {};
    case Qt::FontRole:
        if (isLink || column == VersionColumn) {
            QFont font;
            font.setUnderline(isLink);
            font.setBold(column == VersionColumn);
            return font;
        }
        return {};
    case VersionIdRole:
        return row.version.id;
    case VersionRole:
        return row.version.version;
    case RunIdRole:
        return row.version.runId.value_or(0);
    case SortRole:
        return sortKey(row, column);
    default:
        return {};
    }
}

QVariant ModelVersionModel::display(const Row& row, int column) const {
    const ModelVersion& version = row.version;
    switch (column) {
    case VersionColumn:
        return GovernanceFormat::version(version.version);
    case AliasesColumn:
        return version.aliases.join(QStringLiteral(", "));
    case RunColumn:
        return version.runUid.isEmpty() ? GovernanceFormat::dash() : version.runUid;
    case CreatedByColumn:
        return GovernanceFormat::person(version.createdBy, m_displayNames);
    case RunByColumn:
        return version.runUser.isEmpty() ? GovernanceFormat::dash()
                                         : GovernanceFormat::person(version.runUser, m_displayNames);
    case CreatedColumn:
        return RunValueFormat::dateTime(version.createdAt);
    case CardColumn:
        return row.missingSections.isEmpty() ? tr("complete")
                                             : tr("%n missing", nullptr, int(row.missingSections.size()));
    case ApprovedColumn:
        return row.approved ? tr("✓ approved") : GovernanceFormat::dash();
    default:
        return {};
    }
}

QVariant ModelVersionModel::toolTip(const Row& row, int column) const {
    switch (column) {
    case RunColumn:
        return row.version.runId ? tr("Open run %1 on the Run page").arg(row.version.runUid)
                                 : tr("This version has no source run.");
    case CreatedByColumn:
        return row.version.createdBy;
    case RunByColumn:
        return tr("%1 created the source run, so may not approve this version.").arg(row.version.runUser);
    case CreatedColumn:
        return RunValueFormat::dateTimeLong(row.version.createdAt);
    case CardColumn:
        return row.missingSections.isEmpty()
                   ? tr("Every section of the model card is filled in.")
                   : tr("Still empty: %1").arg(row.missingSections.join(QStringLiteral(", ")));
    case ApprovedColumn:
        return row.approved ? tr("A promotion of this version executed; its card and evidence are frozen.")
                            : tr("Not approved by an executed promotion yet.");
    default:
        return row.version.description.isEmpty() ? QVariant() : QVariant(row.version.description);
    }
}

QVariant ModelVersionModel::sortKey(const Row& row, int column) const {
    switch (column) {
    case VersionColumn:
        return row.version.version;
    case CreatedColumn:
        return row.version.createdAt;
    case CardColumn:
        return int(row.missingSections.size());
    case ApprovedColumn:
        return row.approved;
    default:
        return display(row, column).toString().toLower();
    }
}

} // namespace assay
