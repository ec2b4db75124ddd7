#pragma once

#include "core/drift/DriftMonitorSpec.h"
#include "core/drift/DriftReference.h"

#include <QDialog>

class QComboBox;
class QDialogButtonBox;
class QGroupBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;
class QVBoxLayout;

namespace assay {

class DriftColumnChoiceModel;
class DriftTask;
class DriftThresholdsForm;
class WorkspaceSession;

// Sets up a drift monitor on a model version: its name, the reference file, which of its
// columns are features (and key features, and their types), how current data becomes windows,
// the performance to follow and the thresholds. The header is read as soon as a file is
// chosen; on OK the whole reference is read on a worker (with progress and Cancel) and the
// monitor is created in one transaction. A refusal is shown and the dialog keeps the input.
class NewDriftMonitorDialog : public QDialog {
    Q_OBJECT

public:
    // Throws AssayError when the model has no version to monitor.
    NewDriftMonitorDialog(WorkspaceSession& session, qint64 modelId, QWidget* parent = nullptr);
    ~NewDriftMonitorDialog() override;

    // Reads the file's header and offers its columns; false (with the reason shown) when the
    // file cannot be read.
    bool setReferencePath(const QString& path);

    QComboBox* versionCombo() const { return m_version; }
    QLineEdit* nameEdit() const { return m_name; }
    QLineEdit* referenceEdit() const { return m_reference; }
    QLabel* referenceStatus() const { return m_referenceStatus; }
    DriftColumnChoiceModel* columnModel() const { return m_columns; }
    QTableView* columnTable() const { return m_table; }
    QComboBox* periodCombo() const { return m_period; }
    QComboBox* timestampCombo() const { return m_timestamp; }
    QComboBox* labelCombo() const { return m_label; }
    QComboBox* predictionCombo() const { return m_prediction; }
    QComboBox* metricCombo() const { return m_metric; }
    DriftThresholdsForm* thresholdsForm() const { return m_thresholds; }
    QPushButton* okButton() const;
    DriftTask* task() const { return m_task; }
    // The monitor made, once accepted.
    qint64 monitorId() const { return m_monitorId; }

    // The monitor as the choices stand.
    DriftMonitorSpec spec() const;

    void accept() override;
    void reject() override;

signals:
    void created(qint64 monitorId);

private:
    QWidget* createSourceForm(qint64 modelId);
    QWidget* createWindowsBox();
    QGroupBox* createFeaturesBox();
    QVBoxLayout* createSideColumn();
    void chooseReference();
    void updateColumnRoles();
    void updateOkButton();
    void create(const DriftMonitorSpec& spec, const DriftReference& reference);
    void setBusy(bool busy);

    WorkspaceSession& m_session;
    qint64 m_monitorId = 0;
    QStringList m_headerColumns;

    QComboBox* m_version = nullptr;
    QLineEdit* m_name = nullptr;
    QLineEdit* m_reference = nullptr;
    QLabel* m_referenceStatus = nullptr;
    DriftColumnChoiceModel* m_columns = nullptr;
    QTableView* m_table = nullptr;
    QComboBox* m_period = nullptr;
    QComboBox* m_timestamp = nullptr;
    QComboBox* m_label = nullptr;
    QComboBox* m_prediction = nullptr;
    QComboBox* m_metric = nullptr;
    DriftThresholdsForm* m_thresholds = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
    DriftTask* m_task = nullptr;
};

} // namespace assay
