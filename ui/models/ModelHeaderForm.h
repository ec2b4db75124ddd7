#pragma once

#include "core/identity/User.h"
#include "core/registry/RegisteredModel.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace assay {

class WorkspaceSession;

// The editable facts at the top of a model's page: its owner (a user of the workspace, who signs
// as model owner), the business owner, and the primary metric that promotion gates compare with
// the champion's, with its direction. Each group is saved by core in one write; core's refusal
// shows in a message box and the unsaved edit stays, marked as unsaved.
class ModelHeaderForm : public QWidget {
    Q_OBJECT

public:
    explicit ModelHeaderForm(WorkspaceSession& session, QWidget* parent = nullptr);

    // Shows the stored values; a group the user is editing keeps the user's values.
    void setModel(const RegisteredModel& model, const QList<User>& users, const QStringList& metricKeys);
    void clear();

    // Write through core; false, after showing core's refusal, when it refused.
    bool saveOwners();
    bool saveMetric();

    QComboBox* ownerCombo() const { return m_owner; }
    QLineEdit* businessOwnerEdit() const { return m_businessOwner; }
    QComboBox* metricCombo() const { return m_metric; }
    QComboBox* directionCombo() const { return m_direction; }
    QPushButton* saveOwnersButton() const { return m_saveOwners; }
    QPushButton* saveMetricButton() const { return m_saveMetric; }

private:
    bool ownersEdited() const;
    bool metricEdited() const;
    void fillOwners(const QList<User>& users);
    void fillMetrics(const QStringList& metricKeys);
    void showOwners();
    void showMetric();
    void onMetricEdited(const QString& key);
    void updateButtons();
    QString ownerLogin() const;
    bool higherIsBetter() const;

    WorkspaceSession& m_session;
    RegisteredModel m_model;
    bool m_canEdit = false;
    QComboBox* m_owner = nullptr;
    QLineEdit* m_businessOwner = nullptr;
    QComboBox* m_metric = nullptr;
    QComboBox* m_direction = nullptr;
    QPushButton* m_saveOwners = nullptr;
    QPushButton* m_saveMetric = nullptr;
};

} // namespace assay
