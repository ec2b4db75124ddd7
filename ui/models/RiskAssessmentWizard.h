#pragma once

#include "core/governance/TierAssessment.h"
#include "core/governance/TierPolicy.h"
#include "core/registry/RegisteredModel.h"

#include <QList>
#include <QMap>
#include <QWizard>

#include <optional>

class QLabel;

namespace assay {

class EuCategoryPage;
class RiskDimensionPage;
class RiskSummaryPage;
class WorkspaceSession;

// Assesses a model's risk under the current tier policy (DESIGN §5): one page per dimension,
// the EU AI Act category, then the computed tier with an optional override. Starts from the
// model's latest assessment when there is one. Finish writes the assessment in one transaction;
// a refusal from core keeps the wizard open with the reason.
class RiskAssessmentWizard : public QWizard {
    Q_OBJECT

public:
    // Throws AssayError when there is no such model or no workspace.
    RiskAssessmentWizard(WorkspaceSession& session, qint64 modelId, QWidget* parent = nullptr);

    qint64 modelId() const { return m_model.id; }
    const TierPolicy& policy() const { return m_policy; }
    int policyVersion() const { return m_policyVersion; }
    QMap<QString, int> scores() const;
    QString euCategory() const;
    // The tier of the current choices; empty until every dimension and the category are chosen.
    std::optional<TierAssessment> computed() const;
    // Whether the choices were filled in from an earlier assessment.
    bool isPrefilled() const { return m_prefilled; }

    // Writes the assessment; false, with the reason shown, when core refuses it.
    bool submit();
    // The assessment Finish wrote; 0 before.
    qint64 assessmentId() const { return m_assessmentId; }

    QList<RiskDimensionPage*> dimensionPages() const { return m_dimensionPages; }
    EuCategoryPage* euCategoryPage() const { return m_euPage; }
    RiskSummaryPage* summaryPage() const { return m_summaryPage; }
    QLabel* contextLabel() const { return m_context; }
    QLabel* progressLabel() const { return m_progress; }

private:
    QWidget* createSidePanel();
    void prefill();
    void recompute();
    QString missingText() const;

    WorkspaceSession& m_session;
    RegisteredModel m_model;
    TierPolicy m_policy;
    int m_policyVersion = 0;
    bool m_prefilled = false;
    qint64 m_assessmentId = 0;

    QList<RiskDimensionPage*> m_dimensionPages;
    EuCategoryPage* m_euPage = nullptr;
    RiskSummaryPage* m_summaryPage = nullptr;
    QLabel* m_context = nullptr;
    QLabel* m_progress = nullptr;
};

} // namespace assay
