#include "ExperimentListModel.h"

#include "core/base/AssayError.h"
#include "core/tracking/Tracking.h"
#include "core/workspace/ChangeSet.h"
#include "core/workspace/Workspace.h"
#include "ui/session/WorkspaceSession.h"

#include <QFont>

#include <optional>

namespace assay {

ExperimentListModel::ExperimentListModel(WorkspaceSession& session, QObject* parent)
    : QAbstractListModel(parent)
    , m_session(session) {
    connect(&m_session, &WorkspaceSession::workspaceChanged, this, &ExperimentListModel::reload);
    connect(&m_session, &WorkspaceSession::changed, this, &ExperimentListModel::onChanged);
    reload();
}

void ExperimentListModel::onChanged(const ChangeSet& changes) {
    // Run counts change with runs, names with experiments.
    if (changes.touches(EntityKind::Experiment) || changes.touches(EntityKind::Run) ||
        changes.touches(EntityKind::Workspace))
        reload();
}

void ExperimentListModel::reload() {
    std::optional<QString> error;
    beginResetModel();
    m_experiments.clear();
    try {
        if (m_session.workspace())
            m_experiments = Tracking(*m_session.workspace()).experiments();
    } catch (const AssayError& failure) {
        error = failure.message();
    }
    endResetModel();
    if (error)
        emit loadFailed(*error);
}

int ExperimentListModel::rowCount(const QModelIndex& parent) const {
    // No "All" row without a workspace: there is nothing to show at all.
    if (parent.isValid() || !m_session.workspace())
        return 0;
    return static_cast<int>(m_experiments.size()) + 1;
}

const Experiment* ExperimentListModel::experimentAt(int row) const {
    return row >= 1 && row <= m_experiments.size() ? &m_experiments.at(row - 1) : nullptr;
}

qint64 ExperimentListModel::totalRunCount() const {
    qint64 total = 0;
    for (const Experiment& experiment : m_experiments)
        total += experiment.runCount;
    return total;
}

QVariant ExperimentListModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Experiment* experiment = experimentAt(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return experiment ? experiment->name : tr("All experiments");
    case Qt::ToolTipRole:
        if (!experiment)
            return tr("The runs of every experiment");
        return experiment->deleted ? tr("Deleted. %1").arg(experiment->description) : experiment->description;
    case Qt::FontRole:
        if (experiment && experiment->deleted) {
            QFont font;
            font.setItalic(true);
            return font;
        }
        return {};
    case ExperimentIdRole:
        return experiment ? experiment->id : qint64(0);
    case RunCountRole:
        return experiment ? experiment->runCount : totalRunCount();
    case DeletedRole:
        return experiment && experiment->deleted;
    default:
        return {};
    }
}

RunScope ExperimentListModel::scopeAt(const QModelIndex& index) const {
    RunScope scope;
    if (const Experiment* experiment = index.isValid() ? experimentAt(index.row()) : nullptr)
        scope.experimentIds = {experiment->id};
    return scope;
}

int ExperimentListModel::rowOf(qint64 experimentId) const {
    for (int i = 0; i < m_experiments.size(); ++i) {
        if (m_experiments.at(i).id == experimentId)
            return i + 1;
    }
    return 0;
}

QString ExperimentListModel::scopeTitle(const QModelIndex& index) const {
    const Experiment* experiment = index.isValid() ? experimentAt(index.row()) : nullptr;
    return experiment ? experiment->name : tr("all experiments");
}

} // namespace assay
