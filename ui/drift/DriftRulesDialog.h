#pragma once

#include <QDialog>

class QDialogButtonBox;
class QPushButton;
class QTableView;

namespace assay {

class DriftRuleModel;
class DriftThresholdsForm;
class WorkspaceSession;

// A monitor's rules: its thresholds, and per feature the method it is judged by, an own
// threshold and the key flag. Saved with DriftMonitors::setRules in one transaction, which judges
// every stored window again; core's refusal is shown and the dialog keeps the input.
class DriftRulesDialog : public QDialog {
    Q_OBJECT

public:
    // Throws AssayError when there is no such monitor.
    DriftRulesDialog(WorkspaceSession& session, qint64 monitorId, QWidget* parent = nullptr);

    DriftThresholdsForm* thresholdsForm() const { return m_thresholds; }
    DriftRuleModel* ruleModel() const { return m_rules; }
    QTableView* ruleTable() const { return m_table; }
    QPushButton* okButton() const;

    void accept() override;

signals:
    void rulesChanged(qint64 monitorId);

private:
    WorkspaceSession& m_session;
    qint64 m_monitorId = 0;

    DriftThresholdsForm* m_thresholds = nullptr;
    DriftRuleModel* m_rules = nullptr;
    QTableView* m_table = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
};

} // namespace assay
