#pragma once

#include "core/tracking/Experiment.h"
#include "core/tracking/RunScope.h"

#include <QAbstractListModel>
#include <QList>

namespace assay {

class ChangeSet;
class WorkspaceSession;

// The experiments of the current workspace, after an "All experiments" row, with their run
// counts. Each row stands for a RunScope, which is what the runs table needs from a selection.
class ExperimentListModel : public QAbstractListModel {
    Q_OBJECT

public:
    enum Role {
        ExperimentIdRole = Qt::UserRole + 1, // 0 for the "All experiments" row
        RunCountRole,
        DeletedRole,
    };

    explicit ExperimentListModel(WorkspaceSession& session, QObject* parent = nullptr);

    RunScope scopeAt(const QModelIndex& index) const;
    // The row of an experiment id (0, the "All" row, for an unknown id).
    int rowOf(qint64 experimentId) const;
    // "churn-prediction", or "all experiments".
    QString scopeTitle(const QModelIndex& index) const;
    void reload();

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;

signals:
    void loadFailed(const QString& message);

private:
    void onChanged(const ChangeSet& changes);
    const Experiment* experimentAt(int row) const;
    qint64 totalRunCount() const;

    WorkspaceSession& m_session;
    QList<Experiment> m_experiments;
};

} // namespace assay
