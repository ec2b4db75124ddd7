#include "RegisterVersionDialog.h"

#include "core/base/AssayError.h"
#include "core/registry/Registry.h"
#include "core/tracking/Tracking.h"
#include "core/workspace/Workspace.h"
#include "core/workspace/WriteTransaction.h"
#include "ui/session/WorkspaceSession.h"
#include "ui/widgets/ErrorBox.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace assay {

RegisterVersionDialog::RegisterVersionDialog(WorkspaceSession& session, qint64 runId, QWidget* parent)
    : QDialog(parent)
    , m_session(session)
    , m_runId(runId) {
    setObjectName(QStringLiteral("registerVersionDialog"));
    setWindowTitle(tr("Register as Model Version"));
    setMinimumWidth(460);
    const Workspace& workspace = *m_session.workspace();
    const std::optional<Run> run = Tracking(workspace).run(runId);
    auto* intro = new QLabel(
        tr("Run <b>%1</b> becomes the next version of the model you name. A new name registers a new "
           "model.")
            .arg(run ? (run->name.isEmpty() ? run->uid : run->name).toHtmlEscaped()
                     : QString::number(runId)));
    intro->setWordWrap(true);

    m_model = new QComboBox;
    m_model->setObjectName(QStringLiteral("modelNameCombo"));
    m_model->setEditable(true);
    m_model->setInsertPolicy(QComboBox::NoInsert);
    m_model->setMinimumContentsLength(28);
    for (const RegisteredModel& model : Registry(workspace).models())
        m_model->addItem(model.name);
    m_model->setCurrentIndex(-1);
    m_model->lineEdit()->setPlaceholderText(tr("An existing model, or a new name"));
    m_description = new QPlainTextEdit;
    m_description->setObjectName(QStringLiteral("versionDescriptionEdit"));
    m_description->setPlaceholderText(tr("What changed in this version (optional)"));
    m_description->setTabChangesFocus(true);
    m_description->setFixedHeight(fontMetrics().lineSpacing() * 4 + 12);
    m_hint = new QLabel;
    m_hint->setObjectName(QStringLiteral("registerHint"));
    m_hint->setWordWrap(true);
    m_hint->setForegroundRole(QPalette::PlaceholderText);

    auto* form = new QFormLayout;
    form->addRow(tr("&Model"), m_model);
    form->addRow(tr("&Description"), m_description);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Cancel);
    m_register = m_buttons->addButton(tr("&Register"), QDialogButtonBox::AcceptRole);
    m_register->setObjectName(QStringLiteral("registerButton"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &RegisterVersionDialog::registerVersion);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_model, &QComboBox::currentTextChanged, this, &RegisterVersionDialog::updateHint);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_hint);
    layout->addWidget(m_buttons);
    updateHint();
}

void RegisterVersionDialog::updateHint() {
    const QString name = m_model->currentText().trimmed();
    m_register->setEnabled(!name.isEmpty());
    if (name.isEmpty()) {
        m_hint->setText(tr("Name the model this run is a version of."));
        return;
    }
    const Registry registry(*m_session.workspace());
    const std::optional<RegisteredModel> model = registry.modelByName(name);
    if (!model) {
        m_hint->setText(tr("Registers the new model “%1” with this run as version 1.").arg(name));
        return;
    }
    const QList<ModelVersion> versions = registry.versions(model->id);
    const int next = versions.isEmpty() ? 1 : versions.first().version + 1;
    m_hint->setText(versions.isEmpty()
                        ? tr("Becomes version 1 of “%1”.").arg(name)
                        : tr("Becomes version %1 of “%2”; its model card starts as a copy of v%3's.")
                              .arg(next)
                              .arg(name)
                              .arg(versions.first().version));
}

bool RegisterVersionDialog::registerVersion() {
    Workspace* workspace = m_session.workspace();
    const QString name = m_model->currentText().trimmed();
    if (!workspace || name.isEmpty())
        return false;
    const QString description = m_description->toPlainText().trimmed();
    ModelVersionRef registered;
    try {
        workspace->write([&](WriteTransaction& tx) {
            registered = Registry::registerRun(tx, name, m_runId, description);
        });
    } catch (const AssayError& error) {
        ErrorBox::show(this, tr("Cannot register the version"), error.message());
        return false;
    }
    m_registered = registered;
    emit versionRegistered(registered.modelId, registered.version);
    accept();
    return true;
}

} // namespace assay
