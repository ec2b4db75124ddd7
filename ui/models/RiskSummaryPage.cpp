#include "RiskSummaryPage.h"

#include "core/governance/PromotionGates.h"
#include "core/governance/SignOff.h"
#include "ui/widgets/PaletteTone.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QVBoxLayout>

#include <algorithm>

namespace assay {
namespace {

constexpr int reasonLines = 3;
constexpr int rationaleLines = 4;
QString refusalStyle(const QWidget* label) {
    return QStringLiteral("color: %1;").arg(PaletteTone::problem(PaletteTone::surroundings(label)).name());
}

QLabel* wrappingLabel(const QString& objectName) {
    auto* label = new QLabel;
    label->setObjectName(objectName);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

QPlainTextEdit* textEdit(const QString& objectName, const QString& placeholder, int lines) {
    auto* edit = new QPlainTextEdit;
    edit->setObjectName(objectName);
    edit->setPlaceholderText(placeholder);
    edit->setTabChangesFocus(true);
    edit->setFixedHeight(edit->fontMetrics().lineSpacing() * lines + 14);
    return edit;
}

QString listText(const QStringList& items) {
    return items.join(RiskSummaryPage::tr(", "));
}

} // namespace

RiskSummaryPage::RiskSummaryPage(const TierPolicy& policy, QWidget* parent)
    : QWizardPage(parent)
    , m_policy(policy) {
    setObjectName(QStringLiteral("summaryPage"));
    setTitle(tr("Risk tier"));
    setSubTitle(tr("The tier the policy gives these scores. Finish records the assessment."));
    m_tier = wrappingLabel(QStringLiteral("computedTier"));
    QFont big = m_tier->font();
    big.setBold(true);
    big.setPointSizeF(big.pointSizeF() * 1.5);
    m_tier->setFont(big);
    m_score = wrappingLabel(QStringLiteral("weightedScore"));
    m_rule = wrappingLabel(QStringLiteral("tierRule"));
    m_requirements = wrappingLabel(QStringLiteral("tierRequirements"));
    m_requirements->setForegroundRole(QPalette::PlaceholderText);
    m_rationale = textEdit(QStringLiteral("rationale"),
                           tr("Optional: what you looked at and whom you asked, so that a reviewer can "
                              "follow your scores."),
                           rationaleLines);
    m_error = wrappingLabel(QStringLiteral("submitError"));
    m_error->setStyleSheet(refusalStyle(m_error));
    m_error->hide();

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_tier);
    layout->addWidget(m_score);
    layout->addWidget(m_rule);
    layout->addWidget(m_requirements);
    layout->addSpacing(8);
    layout->addWidget(createOverride());
    layout->addSpacing(8);
    layout->addWidget(new QLabel(tr("Rationale")));
    layout->addWidget(m_rationale);
    layout->addWidget(m_error);
    layout->addStretch(1);
    // The message of a refused Finish applies to the input it was refused for.
    for (QPlainTextEdit* edit : {m_overrideReason, m_rationale})
        connect(edit, &QPlainTextEdit::textChanged, m_error, &QWidget::hide);
    updateOverride();
}

QWidget* RiskSummaryPage::createOverride() {
    auto* box = new QWidget;
    auto* layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    m_overrideCheck = new QCheckBox(tr("Propose a different tier (override)"));
    m_overrideCheck->setObjectName(QStringLiteral("overrideCheck"));
    m_overrideTier = new QComboBox;
    m_overrideTier->setObjectName(QStringLiteral("overrideTier"));
    for (int tier = 1; tier <= 3; ++tier)
        m_overrideTier->addItem(tr("Tier %1 — %2").arg(tier).arg(m_policy.requirements(tier).label), tier);
    m_overrideReason = textEdit(QStringLiteral("overrideReason"),
                                tr("Why the computed tier does not fit this model (at least %1 characters).")
                                    .arg(minimumReasonLength),
                                reasonLines);
    m_overrideHint = wrappingLabel(QStringLiteral("overrideHint"));
    auto* form = new QFormLayout;
    form->setContentsMargins(24, 0, 0, 0);
    form->addRow(tr("Tier:"), m_overrideTier);
    form->addRow(tr("Reason:"), m_overrideReason);
    form->addRow(QString(), m_overrideHint);
    layout->addWidget(m_overrideCheck);
    layout->addLayout(form);
    connect(m_overrideCheck, &QCheckBox::toggled, this, &RiskSummaryPage::updateOverride);
    connect(m_overrideTier, &QComboBox::currentIndexChanged, this, &RiskSummaryPage::updateOverride);
    connect(m_overrideReason, &QPlainTextEdit::textChanged, this, &RiskSummaryPage::updateOverride);
    return box;
}

void RiskSummaryPage::showAssessment(const std::optional<TierAssessment>& computed, const QString& missing) {
    m_computed = computed;
    if (!computed) {
        m_tier->setText(tr("No tier yet"));
        m_tier->setStyleSheet({});
        m_score->setText(missing);
        m_rule->clear();
        m_requirements->clear();
    } else {
        const TierAssessment& a = *computed;
        m_tier->setText(a.blocked ? tr("Blocked — promotion is not possible")
                                  : tr("Tier %1 — %2").arg(a.tier).arg(m_policy.requirements(a.tier).label));
        m_tier->setStyleSheet(a.blocked ? refusalStyle(m_tier) : QString());
        m_score->setText(tr("Weighted score %1 (Tier %2 band); worst dimension %3 = %4 (Tier %5 band).")
                             .arg(QString::number(a.weightedScore, 'f', 2))
                             .arg(a.weightedScoreTier)
                             .arg(a.worstDimension)
                             .arg(a.worstScore)
                             .arg(a.worstDimensionTier));
        m_rule->setText(a.rule);
        m_requirements->setText(a.blocked ? QString() : requirementsText(a.tier));
    }
    if (computed && computed->blocked)
        m_overrideCheck->setChecked(false);
    m_overrideCheck->setEnabled(!computed || !computed->blocked);
    m_overrideCheck->setToolTip(m_overrideCheck->isEnabled()
                                    ? QString()
                                    : tr("A use the EU AI Act prohibits cannot be overridden to a tier."));
    updateOverride();
}

QString RiskSummaryPage::requirementsText(int tier) const {
    const TierRequirements& requirements = m_policy.requirements(tier);
    QStringList signOffs;
    for (const QString& key : requirements.signOffs)
        signOffs << SignOff::labelOf(key).toLower();
    QStringList evidence;
    for (const QString& key : requirements.evidence)
        evidence << PromotionGates::evidenceLabel(key);
    return tr("Tier %1 needs sign-offs from the %2; evidence: %3; a periodic review every %4 months.")
        .arg(tier)
        .arg(listText(signOffs), listText(evidence))
        .arg(requirements.reviewMonths);
}

void RiskSummaryPage::updateOverride() {
    const bool on = m_overrideCheck->isChecked();
    m_overrideTier->setEnabled(on);
    m_overrideReason->setEnabled(on);
    m_overrideHint->setEnabled(on);
    const qsizetype written = m_overrideReason->toPlainText().trimmed().size();
    QStringList hints;
    if (m_computed && m_overrideTier->currentData().toInt() == m_computed->tier)
        hints << tr("Tier %1 is the computed tier already; choose another.").arg(m_computed->tier);
    if (written < minimumReasonLength)
        hints << tr("%1 of at least %2 characters.").arg(written).arg(minimumReasonLength);
    hints << tr("An override counts only once a risk officer other than you approves it; until then the "
                "computed tier applies.");
    m_overrideHint->setText(hints.join(QLatin1Char(' ')));
    emit completeChanged();
}

std::optional<RiskAssessments::Override> RiskSummaryPage::tierOverride() const {
    if (!m_overrideCheck->isChecked())
        return std::nullopt;
    return RiskAssessments::Override{m_overrideTier->currentData().toInt(), m_overrideReason->toPlainText()};
}

void RiskSummaryPage::setOverride(int tier, const QString& reason) {
    m_overrideTier->setCurrentIndex(std::max(0, m_overrideTier->findData(tier)));
    m_overrideReason->setPlainText(reason);
    m_overrideCheck->setChecked(true);
}

QString RiskSummaryPage::rationale() const {
    return m_rationale->toPlainText();
}

void RiskSummaryPage::setRationale(const QString& text) {
    m_rationale->setPlainText(text);
}

void RiskSummaryPage::showError(const QString& message) {
    m_error->setText(message);
    m_error->setVisible(!message.isEmpty());
}

bool RiskSummaryPage::isComplete() const {
    if (!m_computed)
        return false;
    if (!m_overrideCheck->isChecked())
        return true;
    return m_overrideTier->currentData().toInt() != m_computed->tier &&
           m_overrideReason->toPlainText().trimmed().size() >= minimumReasonLength;
}

bool RiskSummaryPage::validatePage() {
    return m_submit && m_submit();
}

} // namespace assay
