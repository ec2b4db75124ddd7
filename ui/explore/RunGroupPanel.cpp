#include "RunGroupPanel.h"

#include "RunGroupModel.h"
#include "core/base/AssayError.h"
#include "core/tracking/RunQuery.h"
#include "ui/session/WorkspaceSession.h"
#include "ui/widgets/MetricDirection.h"

#include <QComboBox>
#include <QHeaderView>
#include <QLabel>
#include <QTableView>
#include <QVBoxLayout>

namespace assay {

RunGroupPanel::RunGroupPanel(WorkspaceSession& session, QWidget* parent)
    : QWidget(parent)
    , m_session(session)
    , m_model(new RunGroupModel(this))
    , m_view(new QTableView)
    , m_metricCombo(new QComboBox) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto* metricRow = new QHBoxLayout;
    metricRow->setContentsMargins(6, 0, 6, 0);
    metricRow->addWidget(new QLabel(tr("Best of:")));
    m_metricCombo->setObjectName(QStringLiteral("groupMetricCombo"));
    m_metricCombo->setToolTip(tr("The metric whose best latest value each group shows; lower is better for "
                                 "losses and errors, higher for the rest"));
    metricRow->addWidget(m_metricCombo, 1);
    layout->addLayout(metricRow);

    m_view->setObjectName(QStringLiteral("groupTable"));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setAlternatingRowColors(true);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setToolTip(tr("Choose a group to show only its runs; click it again with Ctrl to show all"));
    layout->addWidget(m_view, 1);

    connect(m_metricCombo, &QComboBox::currentTextChanged, this, &RunGroupPanel::refresh);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &RunGroupPanel::onSelectionChanged);
    // A reset drops the selection without a selectionChanged for what was selected.
    connect(m_model, &QAbstractItemModel::modelReset, this, &RunGroupPanel::onSelectionChanged);
}

void RunGroupPanel::setGrouping(RunGrouping::Kind kind, const QString& key) {
    m_grouping.kind = kind;
    m_grouping.key = key;
    refresh();
}

void RunGroupPanel::setScope(const RunScope& scope) {
    m_scope = scope;
    if (isVisible())
        refresh();
}

void RunGroupPanel::setMetricKeys(const QStringList& metricKeys) {
    const QString current = m_metricCombo->currentText();
    QSignalBlocker blocker(m_metricCombo);
    m_metricCombo->clear();
    m_metricCombo->addItem(tr("(none)"), QString());
    for (const QString& key : metricKeys)
        m_metricCombo->addItem(key, key);
    // Keep the choice; else a metric teams rank by, when there is one.
    int index = m_metricCombo->findData(current);
    for (const QString& preferred :
         {QStringLiteral("val_auc"), QStringLiteral("auc"), QStringLiteral("val_rmse")}) {
        if (index <= 0)
            index = m_metricCombo->findData(preferred);
    }
    m_metricCombo->setCurrentIndex(std::max(0, index));
}

QString RunGroupPanel::keyExpression() const {
    const QString prefix =
        m_grouping.kind == RunGrouping::Kind::Param ? QStringLiteral("params") : QStringLiteral("tags");
    return QStringLiteral("%1.`%2`").arg(prefix, m_grouping.key);
}

void RunGroupPanel::refresh() {
    // The chosen group stays chosen when the groups are counted again, if it is still there.
    const QString chosen = m_condition;
    QList<RunGroup> groups;
    if (m_session.workspace() && !m_grouping.key.isEmpty()) {
        m_grouping.metricKey = m_metricCombo->currentData().toString();
        m_grouping.higherIsBetter = !MetricDirection::lowerIsBetterByDefault(m_grouping.metricKey);
        try {
            groups = RunQuery(*m_session.workspace()).groups(m_scope, m_grouping);
        } catch (const AssayError&) {
            // The filter bar reports a bad filter; the groups stay empty meanwhile.
        }
    }
    {
        // The reset clears the selection; what that means is decided below, once.
        const QSignalBlocker blocker(m_view->selectionModel());
        m_model->setGroups(groups, keyExpression(), m_grouping.metricKey);
    }
    m_view->resizeColumnsToContents();
    for (int row = 0; row < m_model->rowCount(); ++row) {
        if (!chosen.isEmpty() &&
            m_model->index(row, 0).data(RunGroupModel::ConditionRole).toString() == chosen) {
            m_view->selectRow(row);
            return;
        }
    }
    onSelectionChanged();
}

void RunGroupPanel::selectGroup(int row) {
    m_view->selectRow(row);
}

void RunGroupPanel::onSelectionChanged() {
    const QModelIndexList rows =
        m_view->selectionModel() ? m_view->selectionModel()->selectedRows() : QModelIndexList{};
    const QString condition =
        rows.isEmpty() ? QString() : rows.first().data(RunGroupModel::ConditionRole).toString();
    if (condition == m_condition)
        return;
    m_condition = condition;
    emit groupConditionChanged(m_condition);
}

} // namespace assay
