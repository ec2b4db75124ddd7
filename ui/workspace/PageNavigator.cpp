#include "PageNavigator.h"

#include "ui/session/UiSettings.h"

#include <QAction>
#include <QListWidget>
#include <QMenu>
#include <QScopedValueRollback>
#include <QStackedWidget>

namespace assay {
namespace {

constexpr int navigationWidth = 168;

} // namespace

PageNavigator::PageNavigator(UiSettings& settings, QAction* back, QAction* forward, QMenu* goMenu,
                             QObject* parent)
    : QObject(parent)
    , m_settings(settings)
    , m_back(back)
    , m_forward(forward)
    , m_goMenu(goMenu)
    , m_list(new QListWidget)
    , m_stack(new QStackedWidget)
    , m_history(new NavigationHistory(this)) {
    connect(m_history, &NavigationHistory::changed, this, &PageNavigator::updateHistoryActions);
    connect(m_back, &QAction::triggered, this, &PageNavigator::goBack);
    connect(m_forward, &QAction::triggered, this, &PageNavigator::goForward);
    m_list->setObjectName(QStringLiteral("navigation"));
    m_list->setFixedWidth(navigationWidth);
    m_list->setFrameShape(QFrame::NoFrame);
    m_list->setIconSize(QSize(20, 20));
    m_list->setSpacing(2);
    // A sidebar, not a document: it takes the window's colour rather than the base colour.
    m_list->viewport()->setBackgroundRole(QPalette::Window);
    connect(m_list, &QListWidget::currentRowChanged, this, &PageNavigator::showRow);
    // A click on the highlighted entry leaves a sub-page for its page (the model page for Models).
    connect(m_list, &QListWidget::itemClicked, this,
            [this](QListWidgetItem* item) { showRow(m_list->row(item)); });
}

void PageNavigator::showRow(int row) {
    if (row >= 0 && row < m_pages.size())
        m_stack->setCurrentWidget(m_pages.at(row));
}

void PageNavigator::addPage(const QIcon& icon, const QString& title, QWidget* page) {
    Q_ASSERT(!page->objectName().isEmpty());
    m_stack->addWidget(page);
    m_pages.append(page);
    auto* item = new QListWidgetItem(icon, title, m_list);
    item->setSizeHint(QSize(0, m_list->fontMetrics().height() + 18));
    if (m_list->currentRow() < 0)
        m_list->setCurrentRow(0);

    auto* go = new QAction(icon, title, this);
    go->setObjectName(QStringLiteral("go:") + page->objectName());
    const auto number = static_cast<int>(m_pageActions.size()) + 1;
    if (number <= 9)
        go->setShortcut(
            QKeySequence(QKeyCombination(Qt::ControlModifier, static_cast<Qt::Key>(Qt::Key_0 + number))));
    go->setStatusTip(tr("Go to the %1 page").arg(title));
    connect(go, &QAction::triggered, this, [this, page] { goTo(page); });
    m_goMenu->addAction(go);
    m_pageActions.append(go);
}

void PageNavigator::addSubPage(QWidget* page, QWidget* navigationPage) {
    m_stack->addWidget(page);
    m_parents.insert(page, navigationPage);
}

void PageNavigator::rememberAs(QWidget* page, QWidget* rememberedPage) {
    m_rememberedAs.insert(page, rememberedPage);
}

void PageNavigator::setTitle(QWidget* page, const QString& title) {
    if (QListWidgetItem* item = m_list->item(static_cast<int>(m_pages.indexOf(page))))
        item->setText(title);
}

QWidget* PageNavigator::currentPage() const {
    return m_stack->currentWidget();
}

void PageNavigator::switchTo(QWidget* page) {
    if (m_stack->indexOf(page) < 0)
        return;
    m_stack->setCurrentWidget(page);
    const int row = static_cast<int>(m_pages.indexOf(m_parents.value(page, page)));
    const QSignalBlocker blocker(m_list);
    m_list->setCurrentRow(row);
}

void PageNavigator::goTo(QWidget* page, const std::function<void()>& restore) {
    if (m_stack->indexOf(page) < 0)
        return;
    if (restore)
        restore();
    {
        // The place is recorded below, with what restores it.
        const QScopedValueRollback<bool> placing(m_placing, true);
        switchTo(page);
    }
    m_history->visit({page, restore});
}

void PageNavigator::goBack() {
    returnTo(m_history->back());
}

void PageNavigator::goForward() {
    returnTo(m_history->forward());
}

void PageNavigator::returnTo(const NavigationHistory::Place& place) {
    if (!place.page)
        return;
    if (place.restore)
        place.restore();
    // A place taken from the history is not visited anew.
    const QScopedValueRollback<bool> placing(m_placing, true);
    switchTo(place.page);
}

void PageNavigator::updateHistoryActions() {
    m_back->setEnabled(m_history->canGoBack());
    m_forward->setEnabled(m_history->canGoForward());
}

void PageNavigator::restoreLastPage() {
    for (QWidget* page : std::as_const(m_pages)) {
        if (page->objectName() == m_settings.lastPage())
            switchTo(page);
    }
    connect(m_stack, &QStackedWidget::currentChanged, this, &PageNavigator::rememberPage);
}

void PageNavigator::rememberPage() {
    QWidget* page = currentPage();
    QWidget* remembered = m_rememberedAs.value(page, m_parents.value(page, page));
    m_settings.setLastPage(remembered->objectName());
    // A page chosen in the navigation list (or shown by a widget of a page) is a place too.
    if (!m_placing)
        m_history->visit({page, {}});
}

void PageNavigator::startOver() {
    m_history->clear();
    m_history->visit({currentPage(), {}});
}

} // namespace assay
