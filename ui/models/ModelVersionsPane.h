#pragma once

#include "ui/widgets/ReadOnlyTableView.h"

#include <QWidget>

class QPushButton;
class QTableView;

namespace assay {

class ModelVersionModel;
class WorkspaceSession;

// The model page's Versions tab: the versions table, and what can be done with the selected
// version (open its run, request its promotion, edit its model card). The dialogs for the last
// two live elsewhere; this pane only asks for them.
class ModelVersionsPane : public QWidget {
    Q_OBJECT

public:
    explicit ModelVersionsPane(WorkspaceSession& session, QWidget* parent = nullptr);

    void setModelId(qint64 modelId);
    void selectVersion(int version);
    // Selects the newest version, if there is one.
    void selectNewest();
    // The selected version's number, or 0.
    int selectedVersion() const;

    ModelVersionModel* versionModel() const { return m_model; }
    QTableView* table() const { return m_table; }
    QPushButton* openRunButton() const { return m_openRun; }
    QPushButton* requestPromotionButton() const { return m_requestPromotion; }
    QPushButton* editCardButton() const { return m_editCard; }

signals:
    void runActivated(qint64 runId);
    void promotionRequested(qint64 modelId, int version);
    void cardEditRequested(qint64 versionId);

private:
    QWidget* createButtons();
    QModelIndex selectedRow() const;
    void openRunOf(const QModelIndex& index);
    void updateButtons();

    ModelVersionModel* m_model;
    ReadOnlyTableView* m_table = nullptr;
    QPushButton* m_openRun = nullptr;
    QPushButton* m_requestPromotion = nullptr;
    QPushButton* m_editCard = nullptr;
};

} // namespace assay
