#pragma once

#include "core/governance/PolicyVersion.h"

#include <QDialog>

class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTabWidget;
class QTableView;

namespace assay {

class ChangeSet;
class PolicyDocumentView;
class PolicyHistoryModel;
class WorkspaceSession;

// The admin's view of the tier policy: the current version and its history, the policy laid
// out for reading, and its JSON to edit, validate and publish as the next version. Everyone
// may look; only an admin may publish (core decides; the dialog says so up front).
class PolicyEditorDialog : public QDialog {
    Q_OBJECT

public:
    enum Tab { PolicyTab, JsonTab };

    // Throws AssayError when no workspace is open.
    explicit PolicyEditorDialog(WorkspaceSession& session, QWidget* parent = nullptr);

    bool mayPublish() const { return m_mayPublish; }
    // Checks the edited JSON; the error, naming the JSON path, shows under the editor.
    bool validate();
    // Publishes the edited JSON as the next version; false, with the reason shown, when refused.
    bool publish(const QString& note);

    QPlainTextEdit* editor() const { return m_editor; }
    QLabel* validationLabel() const { return m_validation; }
    QLabel* titleLabel() const { return m_title; }
    QLabel* noticeLabel() const { return m_notice; }
    QPushButton* publishButton() const { return m_publish; }
    QPushButton* validateButton() const { return m_validate; }
    PolicyHistoryModel* historyModel() const { return m_history; }
    QTableView* historyView() const { return m_historyView; }
    PolicyDocumentView* documentView() const { return m_document; }
    QTabWidget* tabs() const { return m_tabs; }

private:
    QWidget* createHistoryPane();
    QWidget* createJsonTab();
    void loadCurrent(bool replaceEdit);
    void showSelectedVersion();
    void showValidation(const QString& message, bool ok);
    void onChanged(const ChangeSet& changes);
    void onEdited();
    void revert();
    void askAndPublish();

    WorkspaceSession& m_session;
    PolicyVersion m_current;
    bool m_mayPublish = false;
    bool m_publishing = false; // this dialog's own commit is not news from elsewhere

    QLabel* m_title = nullptr;
    QLabel* m_subtitle = nullptr;
    QLabel* m_notice = nullptr;
    PolicyHistoryModel* m_history = nullptr;
    QTableView* m_historyView = nullptr;
    QTabWidget* m_tabs = nullptr;
    PolicyDocumentView* m_document = nullptr;
    QPlainTextEdit* m_editor = nullptr;
    QLabel* m_validation = nullptr;
    QPushButton* m_validate = nullptr;
    QPushButton* m_revert = nullptr;
    QPushButton* m_publish = nullptr;
};

} // namespace assay
