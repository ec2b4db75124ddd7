#pragma once

#include <QHash>
#include <QObject>
#include <QPointer>

class QAction;
class QStackedWidget;

namespace assay {

// A menu command whose meaning depends on the page in view (Find, Export…, Decide…): one
// window-wide action with one shortcut, and for each page that offers the command the widget
// that carries it out there. A button or an action is triggered; any other widget (a filter
// field) gets the keyboard focus, with its text selected.
//
// The action is enabled while the page in view offers the command. Whether it can be done there
// right now (the button enabled and shown) is checked when it is triggered: the shortcut then
// does what the button would, or commandUnavailable() says why nothing happened.
class PageCommand : public QObject {
    Q_OBJECT

public:
    PageCommand(QAction* action, QStackedWidget* pages);

    QAction* action() const { return m_action; }
    void addTarget(QWidget* page, QWidget* target);
    void addTarget(QWidget* page, QAction* target);
    // Whether the page in view offers the command and it can be done there now.
    bool isAvailable() const;

signals:
    void commandUnavailable(const QString& commandName);

private:
    struct Target {
        QPointer<QWidget> widget;
        QPointer<QAction> action;
    };

    void updateEnabled();
    void run();

    QAction* m_action;
    QStackedWidget* m_pages;
    QHash<QWidget*, Target> m_targets;
};

} // namespace assay
