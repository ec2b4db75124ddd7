#include "ModelHeaderForm.h"

#include "core/base/AssayError.h"
#include "core/identity/Identity.h"
#include "core/registry/Registry.h"
#include "core/workspace/Workspace.h"
#include "core/workspace/WriteTransaction.h"
#include "ui/session/WorkspaceSession.h"
#include "ui/widgets/ErrorBox.h"
#include "ui/widgets/MetricDirection.h"

#include <QComboBox>
#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>

namespace assay {
namespace {

QLabel* buddyLabel(const QString& text, QWidget* buddy) {
    auto* label = new QLabel(text);
    label->setBuddy(buddy);
    return label;
}

} // namespace

ModelHeaderForm::ModelHeaderForm(WorkspaceSession& session, QWidget* parent)
    : QWidget(parent)
    , m_session(session) {
    m_owner = new QComboBox;
    m_owner->setObjectName(QStringLiteral("ownerCombo"));
    m_owner->setToolTip(tr("The user who signs promotions as model owner"));
    m_owner->setMinimumContentsLength(18);
    m_businessOwner = new QLineEdit;
    m_businessOwner->setObjectName(QStringLiteral("businessOwnerEdit"));
    m_businessOwner->setPlaceholderText(tr("Who answers for the business use"));
    m_saveOwners = new QPushButton(tr("Save Owners"));
    m_saveOwners->setObjectName(QStringLiteral("saveOwnersButton"));

    m_metric = new QComboBox;
    m_metric->setObjectName(QStringLiteral("primaryMetricCombo"));
    m_metric->setEditable(true);
    m_metric->setInsertPolicy(QComboBox::NoInsert);
    m_metric->setMinimumContentsLength(18);
    m_metric->setToolTip(tr("The metric promotion gates compare with the production version's"));
    m_direction = new QComboBox;
    m_direction->setObjectName(QStringLiteral("metricDirectionCombo"));
    m_direction->addItem(tr("Higher is better"), true);
    m_direction->addItem(tr("Lower is better"), false);
    m_saveMetric = new QPushButton(tr("Save Metric"));
    m_saveMetric->setObjectName(QStringLiteral("saveMetricButton"));

    auto* layout = new QGridLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setHorizontalSpacing(8);
    layout->setVerticalSpacing(6);
    layout->addWidget(buddyLabel(tr("&Owner"), m_owner), 0, 0);
    layout->addWidget(m_owner, 0, 1);
    layout->addWidget(buddyLabel(tr("&Business owner"), m_businessOwner), 0, 2);
    layout->addWidget(m_businessOwner, 0, 3);
    layout->addWidget(m_saveOwners, 0, 4);
    layout->addWidget(buddyLabel(tr("Primary &metric"), m_metric), 1, 0);
    layout->addWidget(m_metric, 1, 1);
    layout->addWidget(buddyLabel(tr("Better when"), m_direction), 1, 2);
    layout->addWidget(m_direction, 1, 3, Qt::AlignLeft);
    layout->addWidget(m_saveMetric, 1, 4);
    // The fields take what a name needs, not the whole width of a wide window.
    for (QWidget* field : std::initializer_list<QWidget*>{m_owner, m_businessOwner, m_metric})
        field->setMaximumWidth(360);
    layout->setColumnStretch(1, 1);
    layout->setColumnStretch(3, 1);
    layout->setColumnStretch(5, 1);

    connect(m_owner, &QComboBox::currentIndexChanged, this, &ModelHeaderForm::updateButtons);
    connect(m_businessOwner, &QLineEdit::textChanged, this, &ModelHeaderForm::updateButtons);
    connect(m_metric, &QComboBox::currentTextChanged, this, &ModelHeaderForm::onMetricEdited);
    connect(m_direction, &QComboBox::currentIndexChanged, this, &ModelHeaderForm::updateButtons);
    connect(m_saveOwners, &QPushButton::clicked, this, &ModelHeaderForm::saveOwners);
    connect(m_saveMetric, &QPushButton::clicked, this, &ModelHeaderForm::saveMetric);
    connect(m_businessOwner, &QLineEdit::returnPressed, this, [this] {
        if (m_saveOwners->isEnabled())
            saveOwners();
    });
    clear();
}

void ModelHeaderForm::clear() {
    m_model = {};
    m_canEdit = false;
    fillOwners({});
    fillMetrics({});
    showOwners();
    showMetric();
    updateButtons();
}

void ModelHeaderForm::setModel(const RegisteredModel& model, const QList<User>& users,
                               const QStringList& metricKeys) {
    const bool sameModel = model.id == m_model.id;
    const bool keepOwners = sameModel && ownersEdited();
    const bool keepMetric = sameModel && metricEdited();
    const QString owner = ownerLogin();
    const QString businessOwner = m_businessOwner->text();
    const QString metric = m_metric->currentText();
    const bool higher = higherIsBetter();

    m_model = model;
    fillOwners(users);
    fillMetrics(metricKeys);
    showOwners();
    showMetric();
    if (keepOwners) {
        m_owner->setCurrentIndex(std::max(0, m_owner->findData(owner)));
        m_businessOwner->setText(businessOwner);
    }
    if (keepMetric) {
        m_metric->setCurrentText(metric);
        m_direction->setCurrentIndex(m_direction->findData(higher));
    }
    const Workspace* workspace = m_session.workspace();
    const Identity identity(*workspace);
    m_canEdit = identity.has(workspace->actor(), Role::Admin) ||
                identity.has(workspace->actor(), Role::DataScientist);
    const QString reason = m_canEdit
                               ? QString()
                               : tr("Only an admin or a data scientist may change these; %1 is neither.")
                                     .arg(workspace->actor());
    m_saveOwners->setToolTip(reason);
    m_saveMetric->setToolTip(reason);
    updateButtons();
}

void ModelHeaderForm::fillOwners(const QList<User>& users) {
    const QSignalBlocker blocker(m_owner);
    m_owner->clear();
    m_owner->addItem(tr("(no owner yet)"), QString());
    for (const User& user : users) {
        const QString name = user.displayName.trimmed();
        m_owner->addItem(name.isEmpty() ? user.login : tr("%1 (%2)").arg(name, user.login), user.login);
    }
    // An owner who is no longer a user still shows, so that saving does not silently drop them.
    if (!m_model.owner.isEmpty() && m_owner->findData(m_model.owner) < 0)
        m_owner->addItem(m_model.owner, m_model.owner);
}

void ModelHeaderForm::fillMetrics(const QStringList& metricKeys) {
    const QSignalBlocker blocker(m_metric);
    m_metric->clear();
    m_metric->addItems(metricKeys);
}

void ModelHeaderForm::showOwners() {
    const QSignalBlocker ownerBlocker(m_owner);
    const QSignalBlocker businessBlocker(m_businessOwner);
    m_owner->setCurrentIndex(std::max(0, m_owner->findData(m_model.owner)));
    m_businessOwner->setText(m_model.businessOwner);
}

void ModelHeaderForm::showMetric() {
    const QSignalBlocker metricBlocker(m_metric);
    const QSignalBlocker directionBlocker(m_direction);
    m_metric->setCurrentText(m_model.primaryMetric);
    m_direction->setCurrentIndex(m_direction->findData(m_model.higherIsBetter));
}

void ModelHeaderForm::onMetricEdited(const QString& key) {
    // A newly chosen metric starts with the direction its name suggests (loss: lower is better).
    if (key.trimmed() != m_model.primaryMetric && !key.trimmed().isEmpty()) {
        const QSignalBlocker blocker(m_direction);
        m_direction->setCurrentIndex(m_direction->findData(!MetricDirection::lowerIsBetterByDefault(key)));
    }
    updateButtons();
}

QString ModelHeaderForm::ownerLogin() const {
    return m_owner->currentData().toString();
}

bool ModelHeaderForm::higherIsBetter() const {
    return m_direction->currentData().toBool();
}

bool ModelHeaderForm::ownersEdited() const {
    return m_model.id != 0 &&
           (ownerLogin() != m_model.owner || m_businessOwner->text().trimmed() != m_model.businessOwner);
}

bool ModelHeaderForm::metricEdited() const {
    return m_model.id != 0 && (m_metric->currentText().trimmed() != m_model.primaryMetric ||
                               higherIsBetter() != m_model.higherIsBetter);
}

void ModelHeaderForm::updateButtons() {
    setEnabled(m_model.id != 0);
    m_saveOwners->setEnabled(m_canEdit && ownersEdited());
    m_saveMetric->setEnabled(m_canEdit && metricEdited());
}

bool ModelHeaderForm::saveOwners() {
    Workspace* workspace = m_session.workspace();
    if (!workspace || m_model.id == 0)
        return false;
    const QString owner = ownerLogin();
    const QString businessOwner = m_businessOwner->text().trimmed();
    try {
        workspace->write(
            [&](WriteTransaction& tx) { Registry::setOwners(tx, m_model.id, owner, businessOwner); });
    } catch (const AssayError& error) {
        ErrorBox::show(this, tr("Cannot save the owners"), error.message());
        return false;
    }
    return true;
}

bool ModelHeaderForm::saveMetric() {
    Workspace* workspace = m_session.workspace();
    if (!workspace || m_model.id == 0)
        return false;
    const QString metric = m_metric->currentText().trimmed();
    const bool higher = higherIsBetter();
    try {
        workspace->write(
            [&](WriteTransaction& tx) { Registry::setPrimaryMetric(tx, m_model.id, metric, higher); });
    } catch (const AssayError& error) {
        ErrorBox::show(this, tr("Cannot save the primary metric"), error.message());
        return false;
    }
    return true;
}

} // namespace assay
