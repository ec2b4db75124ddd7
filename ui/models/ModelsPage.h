#pragma once

#include <QWidget>

class QLabel;
class QLineEdit;
class QSortFilterProxyModel;
class QStackedWidget;
class QTableView;

namespace assay {

class ModelOverviewModel;
class WorkspaceSession;

// The registry at a glance: every registered model with its owners, risk tier, production
// version, open requests and findings and next review, sortable and searchable by name or
// owner. Double-click or Enter opens the model's page.
class ModelsPage : public QWidget {
    Q_OBJECT

public:
    explicit ModelsPage(WorkspaceSession& session, QWidget* parent = nullptr);

    ModelOverviewModel* overviewModel() const { return m_model; }
    QSortFilterProxyModel* proxyModel() const { return m_proxy; }
    QTableView* table() const { return m_table; }
    QLineEdit* searchEdit() const { return m_search; }
    // The model id of the selected row, or 0.
    qint64 selectedModelId() const;
    void selectModel(qint64 modelId);

signals:
    void modelActivated(qint64 modelId);
    void loadFailed(const QString& message);

protected:
    void showEvent(QShowEvent* event) override;

protected:
    void resizeEvent(QResizeEvent* event) override;

private:
    void fitColumns();
    QWidget* createHeader();
    void update();

    WorkspaceSession& m_session;
    ModelOverviewModel* m_model;
    QSortFilterProxyModel* m_proxy;
    QLabel* m_title = nullptr;
    QLineEdit* m_search = nullptr;
    QTableView* m_table = nullptr;
    QLabel* m_emptyState = nullptr;
    QLabel* m_noMatch = nullptr;
    QStackedWidget* m_stack = nullptr;
};

} // namespace assay
