#include "DriftRulesDialog.h"

#include "ChoiceDelegate.h"
#include "DriftRuleModel.h"
#include "DriftThresholdsForm.h"
#include "core/base/AssayError.h"
#include "core/drift/DriftMonitors.h"
#include "core/workspace/Workspace.h"
#include "core/workspace/WriteTransaction.h"
#include "ui/session/WorkspaceSession.h"
#include "ui/widgets/ErrorBox.h"

#include <QDialogButtonBox>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace assay {

DriftRulesDialog::DriftRulesDialog(WorkspaceSession& session, qint64 monitorId, QWidget* parent)
    : QDialog(parent)
    , m_session(session)
    , m_monitorId(monitorId) {
    setObjectName(QStringLiteral("driftRulesDialog"));
    const std::optional<DriftMonitor> monitor = DriftMonitors(*m_session.workspace()).monitor(monitorId);
    if (!monitor)
        throw AssayError(tr("There is no drift monitor with id %1.").arg(monitorId));
    setWindowTitle(tr("Drift Thresholds of %1 v%2 · %3")
                       .arg(monitor->modelName)
                       .arg(monitor->version)
                       .arg(monitor->name));

    auto* layout = new QVBoxLayout(this);
    auto* intro = new QLabel(tr("Every window already added is judged again with the new rules, and the "
                                "model's retraining flag follows."));
    intro->setWordWrap(true);
    layout->addWidget(intro);

    auto* thresholdsBox = new QGroupBox(tr("Monitor thresholds"));
    auto* thresholdsLayout = new QVBoxLayout(thresholdsBox);
    m_thresholds = new DriftThresholdsForm;
    m_thresholds->setThresholds(monitor->thresholds);
    thresholdsLayout->addWidget(m_thresholds);

    m_rules = new DriftRuleModel(this);
    m_rules->setMonitorThresholds(monitor->thresholds);
    m_rules->setFeatures(monitor->features);
    connect(m_thresholds, &DriftThresholdsForm::thresholdsChanged, this,
            [this] { m_rules->setMonitorThresholds(m_thresholds->thresholds()); });
    m_table = new QTableView;
    m_table->setObjectName(QStringLiteral("ruleTable"));
    m_table->setModel(m_rules);
    m_table->setItemDelegate(new ChoiceDelegate(m_table));
    m_table->setEditTriggers(QAbstractItemView::AllEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(DriftRuleModel::FeatureColumn, QHeaderView::Stretch);
    auto* featuresBox = new QGroupBox(tr("Features"));
    auto* featuresLayout = new QVBoxLayout(featuresBox);
    featuresLayout->addWidget(m_table);

    auto* middle = new QHBoxLayout;
    // The thresholds keep their height; the features table takes the rest.
    auto* left = new QVBoxLayout;
    left->addWidget(thresholdsBox);
    left->addStretch(1);
    middle->addLayout(left);
    middle->addWidget(featuresBox, 1);
    layout->addLayout(middle, 1);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    okButton()->setText(tr("Save Rules"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &DriftRulesDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &DriftRulesDialog::reject);
    layout->addWidget(m_buttons);
    resize(980, 520);
}

QPushButton* DriftRulesDialog::okButton() const {
    return m_buttons->button(QDialogButtonBox::Ok);
}

void DriftRulesDialog::accept() {
    if (!m_session.workspace())
        return;
    try {
        m_session.workspace()->write([&](WriteTransaction& tx) {
            DriftMonitors::setRules(tx, m_monitorId, m_thresholds->thresholds(), m_rules->features());
        });
    } catch (const AssayError& error) {
        ErrorBox::show(this, tr("Cannot save the rules"), error.message());
        return;
    }
    emit rulesChanged(m_monitorId);
    QDialog::accept();
}

} // namespace assay
