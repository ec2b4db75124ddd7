#pragma once

#include "core/governance/RiskAssessment.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>

namespace assay {

class ChangeSet;
class WorkspaceSession;

// Every risk assessment of one model, newest first: when and by whom, under which policy
// version, the computed tier, any override and its decision, and the tier that applies.
class RiskAssessmentHistoryModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column {
        AssessedColumn,
        ByColumn,
        PolicyColumn,
        ComputedColumn,
        OverrideColumn,
        TierColumn,
        ColumnCount
    };
    enum Role {
        AssessmentIdRole = Qt::UserRole + 1,
        SortRole,
    };

    explicit RiskAssessmentHistoryModel(WorkspaceSession& session, QObject* parent = nullptr);

    void setModelId(qint64 modelId);
    qint64 modelId() const { return m_modelId; }
    void reload();
    const RiskAssessment* assessmentAt(int row) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // "Tier 2 proposed · pending", "Tier 2 · approved by rita", or empty without an override.
    static QString overrideText(const RiskAssessment& assessment);

signals:
    void loadFailed(const QString& message);

private:
    void onChanged(const ChangeSet& changes);
    QVariant display(const RiskAssessment& assessment, int column) const;

    WorkspaceSession& m_session;
    qint64 m_modelId = 0;
    QList<RiskAssessment> m_assessments;
    QHash<QString, QString> m_displayNames;
};

} // namespace assay
