#pragma once

#include "core/governance/RiskAssessments.h"
#include "core/governance/TierAssessment.h"
#include "core/governance/TierPolicy.h"

#include <QWizardPage>

#include <functional>
#include <optional>

class QCheckBox;
class QComboBox;
class QLabel;
class QPlainTextEdit;

namespace assay {

// The last page of the risk assessment: the tier the scores give under the policy, the rule
// that decided it and what the tier requires, kept current as scores change; an optional
// override of the tier with its reason, and the assessor's rationale.
class RiskSummaryPage : public QWizardPage {
    Q_OBJECT

public:
    static constexpr int minimumReasonLength = 20;

    explicit RiskSummaryPage(const TierPolicy& policy, QWidget* parent = nullptr);

    // The tier computed from the current choices, or why there is none yet.
    void showAssessment(const std::optional<TierAssessment>& computed, const QString& missing);
    // Called by Finish; returns whether the assessment was written.
    void setSubmit(std::function<bool()> submit) { m_submit = std::move(submit); }
    void showError(const QString& message);

    std::optional<RiskAssessments::Override> tierOverride() const;
    void setOverride(int tier, const QString& reason);
    QString rationale() const;
    void setRationale(const QString& text);

    QLabel* tierLabel() const { return m_tier; }
    QLabel* scoreLabel() const { return m_score; }
    QLabel* ruleLabel() const { return m_rule; }
    QCheckBox* overrideCheck() const { return m_overrideCheck; }
    QComboBox* overrideTierCombo() const { return m_overrideTier; }
    QPlainTextEdit* overrideReasonEdit() const { return m_overrideReason; }
    QPlainTextEdit* rationaleEdit() const { return m_rationale; }
    QLabel* errorLabel() const { return m_error; }

    bool isComplete() const override;
    bool validatePage() override;

private:
    QWidget* createOverride();
    void fillOverrideTiers();
    void updateOverride();
    QString requirementsText(int tier) const;

    const TierPolicy& m_policy;
    std::optional<TierAssessment> m_computed;
    std::function<bool()> m_submit;

    QLabel* m_tier = nullptr;
    QLabel* m_score = nullptr;
    QLabel* m_rule = nullptr;
    QLabel* m_requirements = nullptr;
    QCheckBox* m_overrideCheck = nullptr;
    QComboBox* m_overrideTier = nullptr;
    QPlainTextEdit* m_overrideReason = nullptr;
    QLabel* m_overrideHint = nullptr;
    QPlainTextEdit* m_rationale = nullptr;
    QLabel* m_error = nullptr;
};

} // namespace assay
