#pragma once

#include <QString>
#include <QStringList>
#include <QWidget>

class QMenu;
class QToolButton;

namespace assay {

class RunFilterEdit;
class RunFilterErrorView;
class UiSettings;

// The filter bar above the runs table: the expression editor with colouring and key
// completion, a history button, and the parse error under the text. Enter applies the filter
// when it parses and otherwise shows the error, keeping what was applied before; Esc clears.
class RunFilterBar : public QWidget {
    Q_OBJECT

public:
    explicit RunFilterBar(UiSettings& settings, QWidget* parent = nullptr);

    RunFilterEdit* editor() const { return m_edit; }
    RunFilterErrorView* errorView() const { return m_errorView; }
    QToolButton* historyButton() const { return m_historyButton; }
    QMenu* historyMenu() const { return m_historyMenu; }

    QString text() const;
    void setText(const QString& text);
    // The filter in force: the last one that parsed and was applied.
    const QString& appliedFilter() const { return m_applied; }
    // Applies the text; returns false, showing the error, when it does not parse.
    bool apply();
    // Sets and applies a filter without touching the history (a saved view).
    void applyFilter(const QString& filter);
    void clear();

    // The keys to complete, as RunQuery lists them for the current scope.
    void setKeys(const QStringList& metricKeys, const QStringList& paramKeys, const QStringList& tagKeys);

    bool hasError() const;
    // The 1-based column of the shown error; 0 without one.
    int errorColumn() const { return m_errorColumn; }
    QString errorMessage() const;

signals:
    void filterApplied(const QString& filter);

protected:
    void resizeEvent(QResizeEvent* event) override;

private:
    void showError(const QString& reason, int column);
    void clearError();
    void placeCaret();
    void onTextChanged();
    void stepHistory(int step);
    void rebuildHistoryMenu();
    void commit(const QString& filter, bool remember);

    UiSettings& m_settings;
    RunFilterEdit* m_edit = nullptr;
    RunFilterErrorView* m_errorView = nullptr;
    QToolButton* m_historyButton = nullptr;
    QMenu* m_historyMenu = nullptr;
    QString m_applied;
    QString m_errorReason;
    int m_errorColumn = 0;
    // -1 while editing a fresh line; otherwise the history entry shown (0 = most recent).
    int m_historyIndex = -1;
    QString m_draft;
    bool m_settingText = false;
};

} // namespace assay
