#include "RunFilterBar.h"

#include "RunFilterEdit.h"
#include "RunFilterErrorView.h"
#include "core/search/RunAttribute.h"
#include "core/search/RunFilterError.h"
#include "core/search/RunFilterParser.h"
#include "ui/session/UiSettings.h"

#include <QGridLayout>
#include <QLabel>
#include <QMenu>
#include <QRegularExpression>
#include <QToolButton>

namespace assay {
namespace {

// A key the lexer reads as plain words stays as it is; anything else (spaces, dashes,
// operators) goes in backticks, doubling any backtick inside.
QString quotedKey(const QString& key) {
    static const QRegularExpression plain(QStringLiteral("^[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z0-9_]+)*$"));
    if (plain.match(key).hasMatch())
        return key;
    QString escaped = key;
    escaped.replace(QLatin1Char('`'), QLatin1String("``"));
    return QLatin1Char('`') + escaped + QLatin1Char('`');
}

} // namespace

RunFilterBar::RunFilterBar(UiSettings& settings, QWidget* parent)
    : QWidget(parent)
    , m_settings(settings) {
    m_edit = new RunFilterEdit;
    m_edit->setObjectName(QStringLiteral("filterEdit"));
    m_edit->setPlaceholderText(tr("Filter runs, e.g. metrics.auc > 0.8 and params.model = 'xgb'"));
    m_edit->setToolTip(tr("Run search (MLflow syntax plus OR, NOT, parentheses, IN and "
                          "metrics.min(key) / metrics.max(key)).\nEnter applies, Esc clears, Up and Down "
                          "recall earlier filters, Ctrl+Space completes keys."));
    m_historyButton = new QToolButton;
    m_historyButton->setObjectName(QStringLiteral("filterHistoryButton"));
    m_historyButton->setArrowType(Qt::DownArrow);
    m_historyButton->setToolTip(tr("Recent filters"));
    m_historyButton->setFixedSize(m_edit->sizeHint().height(), m_edit->sizeHint().height());
    // The menu opens on click rather than through setMenu(), which would add a second arrow
    // (the menu indicator) beside the button's own.
    m_historyMenu = new QMenu(m_historyButton);
    connect(m_historyMenu, &QMenu::aboutToShow, this, &RunFilterBar::rebuildHistoryMenu);
    connect(m_historyButton, &QToolButton::clicked, this, [this] {
        m_historyMenu->exec(
            m_historyButton->mapToGlobal(QPoint(m_historyButton->width(), m_historyButton->height())) -
            QPoint(m_historyMenu->sizeHint().width(), 0));
    });
    m_errorView = new RunFilterErrorView;
    m_errorView->setObjectName(QStringLiteral("filterError"));

    auto* label = new QLabel(tr("&Filter"));
    label->setBuddy(m_edit);
    auto* layout = new QGridLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setHorizontalSpacing(4);
    layout->setVerticalSpacing(2);
    layout->addWidget(label, 0, 0);
    layout->addWidget(m_edit, 0, 1);
    layout->addWidget(m_historyButton, 0, 2);
    // The error row spans the editor's column only, so that its x positions match the text's.
    layout->addWidget(m_errorView, 1, 1, 1, 2);
    layout->setColumnStretch(1, 1);

    connect(m_edit, &RunFilterEdit::applyRequested, this, &RunFilterBar::apply);
    connect(m_edit, &RunFilterEdit::clearRequested, this, &RunFilterBar::clear);
    connect(m_edit, &RunFilterEdit::historyStepRequested, this, &RunFilterBar::stepHistory);
    connect(m_edit, &QPlainTextEdit::textChanged, this, &RunFilterBar::onTextChanged);
    connect(m_edit, &RunFilterEdit::scrolled, this, &RunFilterBar::placeCaret);
    rebuildHistoryMenu();
}

QString RunFilterBar::text() const {
    return m_edit->text();
}

void RunFilterBar::setText(const QString& text) {
    m_settingText = true;
    m_edit->setText(text);
    m_settingText = false;
    onTextChanged();
}

bool RunFilterBar::apply() {
    const QString filter = text().trimmed();
    try {
        RunFilterParser::parse(filter);
    } catch (const RunFilterError& error) {
        showError(error.reason(), error.column());
        return false;
    }
    commit(filter, true);
    return true;
}

void RunFilterBar::applyFilter(const QString& filter) {
    setText(filter);
    try {
        RunFilterParser::parse(filter);
    } catch (const RunFilterError& error) {
        showError(error.reason(), error.column());
        return;
    }
    commit(filter.trimmed(), false);
}

void RunFilterBar::commit(const QString& filter, bool remember) {
    clearError();
    m_historyIndex = -1;
    if (remember && !filter.isEmpty())
        m_settings.addFilterHistory(filter);
    if (filter == m_applied)
        return;
    m_applied = filter;
    emit filterApplied(filter);
}

void RunFilterBar::clear() {
    setText({});
    commit({}, false);
}

void RunFilterBar::setKeys(const QStringList& metricKeys, const QStringList& paramKeys,
                           const QStringList& tagKeys) {
    QStringList completions;
    for (const QString& key : metricKeys)
        completions << QStringLiteral("metrics.") + quotedKey(key);
    for (const QString& key : metricKeys) {
        completions << QStringLiteral("metrics.min(%1)").arg(quotedKey(key))
                    << QStringLiteral("metrics.max(%1)").arg(quotedKey(key));
    }
    for (const QString& key : paramKeys)
        completions << QStringLiteral("params.") + quotedKey(key);
    for (const QString& key : tagKeys)
        completions << QStringLiteral("tags.") + quotedKey(key);
    for (const QString& name : RunAttribute::names())
        completions << QStringLiteral("attributes.") + name;
    m_edit->setCompletions(completions);
}

bool RunFilterBar::hasError() const {
    return m_errorColumn > 0;
}

QString RunFilterBar::errorMessage() const {
    return m_errorReason;
}

void RunFilterBar::showError(const QString& reason, int column) {
    m_errorReason = reason;
    m_errorColumn = column;
    m_edit->setErrorColumn(column);
    placeCaret();
}

void RunFilterBar::clearError() {
    m_errorReason.clear();
    m_errorColumn = 0;
    m_edit->setErrorColumn(0);
    m_errorView->clearError();
}

void RunFilterBar::placeCaret() {
    if (!hasError())
        return;
    const QRect character = m_edit->characterRect(m_errorColumn - 1);
    const QPoint centre = m_edit->mapTo(this, character.center());
    m_errorView->setError(tr("%1 (column %2)").arg(m_errorReason).arg(m_errorColumn),
                          centre.x() - m_errorView->x());
}

void RunFilterBar::resizeEvent(QResizeEvent* event) {
    QWidget::resizeEvent(event);
    placeCaret();
}

void RunFilterBar::onTextChanged() {
    if (!m_settingText && m_historyIndex >= 0 && text() != m_settings.filterHistory().value(m_historyIndex))
        m_historyIndex = -1;
    // Once an error shows, it follows the edits: it moves or goes away as the text is fixed.
    if (!hasError())
        return;
    try {
        RunFilterParser::parse(text());
        clearError();
    } catch (const RunFilterError& error) {
        showError(error.reason(), error.column());
    }
}

void RunFilterBar::stepHistory(int step) {
    const QStringList history = m_settings.filterHistory();
    const int next = std::clamp(m_historyIndex + step, -1, static_cast<int>(history.size()) - 1);
    if (next == m_historyIndex)
        return;
    if (m_historyIndex == -1)
        m_draft = text();
    m_historyIndex = next;
    setText(next == -1 ? m_draft : history.at(next));
}

void RunFilterBar::rebuildHistoryMenu() {
    QMenu* menu = m_historyMenu;
    menu->clear();
    const QStringList history = m_settings.filterHistory();
    for (const QString& filter : history) {
        QAction* action = menu->addAction(filter);
        connect(action, &QAction::triggered, this, [this, filter] {
            setText(filter);
            apply();
        });
    }
    if (history.isEmpty())
        menu->addAction(tr("No recent filters"))->setEnabled(false);
}

} // namespace assay
