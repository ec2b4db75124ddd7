#pragma once

#include "core/tracking/RunGrouping.h"
#include "core/tracking/RunScope.h"

#include <QWidget>

class QComboBox;
class QTableView;

namespace assay {

class RunGroupModel;
class WorkspaceSession;

// The groups of the runs in scope by a param's or tag's value, each with its run count and the
// best value of a chosen metric. Choosing a group narrows the runs table to it; the page adds
// groupCondition() to the user's filter.
class RunGroupPanel : public QWidget {
    Q_OBJECT

public:
    explicit RunGroupPanel(WorkspaceSession& session, QWidget* parent = nullptr);

    // keyExpression: "params.`model`" or "tags.`team`"; kind and key say the same for core.
    void setGrouping(RunGrouping::Kind kind, const QString& key);
    // The runs to group: the page's scope with the user's filter, without the group condition.
    void setScope(const RunScope& scope);
    void setMetricKeys(const QStringList& metricKeys);
    void refresh();

    RunGroupModel* model() const { return m_model; }
    QTableView* view() const { return m_view; }
    QComboBox* metricCombo() const { return m_metricCombo; }
    const QString& groupCondition() const { return m_condition; }
    // Selects the group at row, as a click would.
    void selectGroup(int row);

signals:
    void groupConditionChanged(const QString& condition);

private:
    QString keyExpression() const;
    void onSelectionChanged();

    WorkspaceSession& m_session;
    RunGroupModel* m_model = nullptr;
    QTableView* m_view = nullptr;
    QComboBox* m_metricCombo = nullptr;
    RunGrouping m_grouping;
    RunScope m_scope;
    QString m_condition;
};

} // namespace assay
