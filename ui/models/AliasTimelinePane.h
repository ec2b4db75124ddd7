#pragma once

#include <QWidget>

class QComboBox;
class QDate;
class QDateEdit;
class QLabel;
class QTableView;

namespace assay {

class AliasHistoryModel;
class AliasTimelineChart;
class WorkspaceSession;

// The model page's Alias timeline tab: "which version was in production on date D" answered
// from the registry's alias history, a chart of every alias over time and the table of every
// move with who made it and why.
class AliasTimelinePane : public QWidget {
    Q_OBJECT

public:
    explicit AliasTimelinePane(WorkspaceSession& session, QWidget* parent = nullptr);

    void setModelId(qint64 modelId);
    // Asks which version the chosen alias pointed at when the day ended.
    void askAbout(const QDate& day);

    AliasHistoryModel* historyModel() const { return m_model; }
    AliasTimelineChart* chart() const { return m_chart; }
    QDateEdit* dateEdit() const { return m_date; }
    QComboBox* aliasCombo() const { return m_alias; }
    QLabel* answerLabel() const { return m_answer; }
    QTableView* table() const { return m_table; }

private:
    QWidget* createQueryRow();
    void onHistoryReloaded();
    void answer();

    WorkspaceSession& m_session;
    AliasHistoryModel* m_model;
    AliasTimelineChart* m_chart = nullptr;
    QDateEdit* m_date = nullptr;
    QComboBox* m_alias = nullptr;
    QLabel* m_answer = nullptr;
    QTableView* m_table = nullptr;
};

} // namespace assay
