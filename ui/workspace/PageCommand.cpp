#include "PageCommand.h"

#include <QAbstractButton>
#include <QAction>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QStackedWidget>

namespace assay {

PageCommand::PageCommand(QAction* action, QStackedWidget* pages)
    : QObject(action)
    , m_action(action)
    , m_pages(pages) {
    connect(m_pages, &QStackedWidget::currentChanged, this, &PageCommand::updateEnabled);
    connect(m_action, &QAction::triggered, this, &PageCommand::run);
    updateEnabled();
}

void PageCommand::addTarget(QWidget* page, QWidget* target) {
    m_targets.insert(page, {target, nullptr});
    updateEnabled();
}

void PageCommand::addTarget(QWidget* page, QAction* target) {
    m_targets.insert(page, {nullptr, target});
    updateEnabled();
}

bool PageCommand::isAvailable() const {
    QWidget* page = m_pages->currentWidget();
    const Target target = m_targets.value(page);
    if (target.action)
        return target.action->isEnabled();
    // isVisibleTo: shown on the page (the request page's Decide… is not while the lists show),
    // whether or not the window itself is on screen.
    return target.widget && target.widget->isEnabled() && target.widget->isVisibleTo(page);
}

void PageCommand::updateEnabled() {
    m_action->setEnabled(m_targets.contains(m_pages->currentWidget()));
}

void PageCommand::run() {
    if (!isAvailable()) {
        emit commandUnavailable(m_action->text().remove(QLatin1Char('&')));
        return;
    }
    const Target target = m_targets.value(m_pages->currentWidget());
    if (target.action) {
        target.action->trigger();
    } else if (auto* button = qobject_cast<QAbstractButton*>(target.widget)) {
        button->click();
    } else {
        target.widget->setFocus(Qt::ShortcutFocusReason);
        if (auto* line = qobject_cast<QLineEdit*>(target.widget))
            line->selectAll();
        else if (auto* text = qobject_cast<QPlainTextEdit*>(target.widget))
            text->selectAll();
    }
}

} // namespace assay
