#include "ShortcutModel.h"

#include <QAction>
#include <QMenu>
#include <QMenuBar>
#include <QWidget>

namespace assay {
namespace {

QString keysText(const QList<QKeySequence>& keys) {
    QStringList texts;
    for (const QKeySequence& key : keys)
        texts << key.toString(QKeySequence::NativeText);
    return texts.join(QStringLiteral(", "));
}

} // namespace

ShortcutModel::ShortcutModel(QObject* parent)
    : QAbstractTableModel(parent) {}

QString ShortcutModel::plainText(const QString& text) {
    QString plain;
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text.at(i) == QLatin1Char('&') && i + 1 < text.size())
            ++i; // "&&" keeps one &, "&O" keeps the O
        plain += text.at(i);
    }
    return plain;
}

void ShortcutModel::read(const QMenuBar* menuBar, const QList<QPair<QString, const QWidget*>>& pages) {
    beginResetModel();
    m_shortcuts.clear();
    for (QAction* menuAction : menuBar->actions()) {
        if (menuAction->menu())
            readMenu(menuAction->menu()->actions(), plainText(menuAction->text()));
    }
    for (const auto& [title, page] : pages) {
        for (const QAction* action : page->findChildren<QAction*>()) {
            if (!action->shortcuts().isEmpty())
                m_shortcuts.append({plainText(action->text()), action->shortcuts(), title});
        }
    }
    endResetModel();
}

void ShortcutModel::readMenu(const QList<QAction*>& actions, const QString& where) {
    for (const QAction* action : actions) {
        if (action->menu())
            readMenu(action->menu()->actions(), where + QStringLiteral(" › ") + plainText(action->text()));
        else if (!action->isSeparator() && !action->shortcuts().isEmpty())
            m_shortcuts.append({plainText(action->text()), action->shortcuts(), where});
    }
}

int ShortcutModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_shortcuts.size());
}

int ShortcutModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ShortcutModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= m_shortcuts.size())
        return {};
    if (role != Qt::DisplayRole)
        return {};
    const Shortcut& shortcut = m_shortcuts.at(index.row());
    switch (index.column()) {
    case CommandColumn:
        return shortcut.command;
    case ShortcutColumn:
        return keysText(shortcut.keys);
    case WhereColumn:
        return shortcut.where;
    default:
        return {};
    }
}

QVariant ShortcutModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case CommandColumn:
        return tr("Command");
    case ShortcutColumn:
        return tr("Shortcut");
    case WhereColumn:
        return tr("Menu or page");
    default:
        return {};
    }
}

} // namespace assay
