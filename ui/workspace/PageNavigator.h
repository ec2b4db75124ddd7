#pragma once

#include "NavigationHistory.h"

#include <QHash>
#include <QList>
#include <QObject>

#include <functional>

class QAction;
class QIcon;
class QListWidget;
class QMenu;
class QStackedWidget;
class QWidget;

namespace assay {

class UiSettings;

// The window's pages and the ways between them: the navigation list on the left, the stack of
// pages, one Go menu action per page (Ctrl+1 … in order), Back and Forward through the places
// shown (a run, a model, a request…), and the page shown last, which the window opens on.
class PageNavigator : public QObject {
    Q_OBJECT

public:
    PageNavigator(UiSettings& settings, QAction* back, QAction* forward, QMenu* goMenu, QObject* parent);

    // The navigation list and the page stack, for the window to lay out.
    QListWidget* list() const { return m_list; }
    QStackedWidget* stack() const { return m_stack; }

    // Pages are added in navigation order; each needs an object name, under which the settings
    // remember it as the last page shown, and gets a Go menu action.
    void addPage(const QIcon& icon, const QString& title, QWidget* page);
    // A page without an entry of its own, reached from another page (the model page from the
    // Models page); the navigation highlights that page while it shows.
    void addSubPage(QWidget* page, QWidget* navigationPage);
    // A page that shows what was chosen on another (a run, runs to compare) opens empty, so the
    // page it is chosen on is remembered as the last page instead.
    void rememberAs(QWidget* page, QWidget* rememberedPage);
    // The navigation entry's text (the Reviews page's count).
    void setTitle(QWidget* page, const QString& title);

    QWidget* currentPage() const;
    QList<QWidget*> pages() const { return m_pages; }
    QList<QWidget*> subPages() const { return m_parents.keys(); }
    QList<QAction*> pageActions() const { return m_pageActions; }

    // Shows page after restore (which puts content back on it, may be empty), and records the
    // place for Go > Back.
    void goTo(QWidget* page, const std::function<void()>& restore = {});
    void goBack();
    void goForward();
    // Shows the page the settings remember, then starts remembering.
    void restoreLastPage();
    // Another workspace: its places are not this one's.
    void startOver();

private:
    // Shows page, with its entry highlighted in the navigation list.
    void switchTo(QWidget* page);
    void returnTo(const NavigationHistory::Place& place);
    void rememberPage();
    void updateHistoryActions();
    void showRow(int row);

    UiSettings& m_settings;
    QAction* m_back;
    QAction* m_forward;
    QMenu* m_goMenu;
    QListWidget* m_list;
    QStackedWidget* m_stack;
    NavigationHistory* m_history;
    QList<QWidget*> m_pages;             // the page of each navigation row
    QHash<QWidget*, QWidget*> m_parents; // sub-page → the page it is reached from
    QHash<QWidget*, QWidget*> m_rememberedAs;
    QList<QAction*> m_pageActions;
    bool m_placing = false; // set while goTo() and Back/Forward switch pages: they record the place
};

} // namespace assay
