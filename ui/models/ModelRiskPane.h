#pragma once

#include <QWidget>

class QFormLayout;
class QLabel;
class QPushButton;
class QTableView;

namespace assay {

class RiskAssessmentHistoryModel;
class RiskScoreModel;
class TierBadgeLabel;
class WorkspaceSession;
struct RiskAssessment;

// The model page's Risk tab: the assessment chosen in the history (the latest by default) with
// its tier, the rule that decided it, the EU AI Act category, each dimension's score in the
// words of the policy it was made under and any override; below, every assessment of the model.
// "Assess Risk…" asks for the assessment wizard.
class ModelRiskPane : public QWidget {
    Q_OBJECT

public:
    explicit ModelRiskPane(WorkspaceSession& session, QWidget* parent = nullptr);

    void setModelId(qint64 modelId);

    RiskAssessmentHistoryModel* historyModel() const { return m_history; }
    RiskScoreModel* scoreModel() const { return m_scores; }
    QTableView* historyTable() const { return m_historyTable; }
    QPushButton* assessButton() const { return m_assess; }
    // The text of a summary field by its object name ("riskRule", "riskEuCategory", ...).
    QString field(const QString& name) const;

signals:
    void assessmentRequested(qint64 modelId);

private:
    QWidget* createSummary();
    QLabel* addField(QFormLayout* form, const QString& objectName, const QString& title);
    void showSelected();
    void showAssessment(const RiskAssessment* assessment, bool latest);

    WorkspaceSession& m_session;
    qint64 m_modelId = 0;
    RiskAssessmentHistoryModel* m_history;
    RiskScoreModel* m_scores;
    QLabel* m_heading = nullptr;
    TierBadgeLabel* m_tier = nullptr;
    QList<QLabel*> m_fields;
    QWidget* m_details = nullptr;
    QWidget* m_scoresPane = nullptr;
    QWidget* m_historyPane = nullptr;
    QTableView* m_scoreTable = nullptr;
    QTableView* m_historyTable = nullptr;
    QPushButton* m_assess = nullptr;
};

} // namespace assay
