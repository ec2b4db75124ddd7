#include "ConditionDelegate.h"

#include "ConditionTableModel.h"
#include "core/governance/Finding.h"

#include <QComboBox>
#include <QDateEdit>

namespace assay {

ConditionDelegate::ConditionDelegate(const QList<User>& users, const QDate& earliestDueDate, QObject* parent)
    : QStyledItemDelegate(parent)
    , m_users(users)
    , m_earliestDueDate(earliestDueDate) {}

QWidget* ConditionDelegate::createEditor(QWidget* parent, const QStyleOptionViewItem& option,
                                         const QModelIndex& index) const {
    switch (index.column()) {
    case ConditionTableModel::OwnerColumn: {
        auto* combo = new QComboBox(parent);
        for (const User& user : m_users) {
            combo->addItem(user.displayName.isEmpty() ? user.login
                                                      : tr("%1 (%2)").arg(user.login, user.displayName),
                           user.login);
        }
        return combo;
    }
    case ConditionTableModel::DueDateColumn: {
        auto* edit = new QDateEdit(parent);
        edit->setCalendarPopup(true);
        edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
        edit->setMinimumDate(m_earliestDueDate);
        return edit;
    }
    case ConditionTableModel::SeverityColumn: {
        auto* combo = new QComboBox(parent);
        for (const QString& severity : Finding::severities())
            combo->addItem(severity, severity);
        return combo;
    }
    default:
        return QStyledItemDelegate::createEditor(parent, option, index);
    }
}

void ConditionDelegate::setEditorData(QWidget* editor, const QModelIndex& index) const {
    const QVariant value = index.data(Qt::EditRole);
    if (auto* combo = qobject_cast<QComboBox*>(editor)) {
        combo->setCurrentIndex(std::max(0, combo->findData(value.toString())));
        return;
    }
    if (auto* edit = qobject_cast<QDateEdit*>(editor)) {
        edit->setDate(value.toDate());
        return;
    }
    QStyledItemDelegate::setEditorData(editor, index);
}

void ConditionDelegate::setModelData(QWidget* editor, QAbstractItemModel* model,
                                     const QModelIndex& index) const {
    if (auto* combo = qobject_cast<QComboBox*>(editor)) {
        model->setData(index, combo->currentData());
        return;
    }
    if (auto* edit = qobject_cast<QDateEdit*>(editor)) {
        model->setData(index, edit->date());
        return;
    }
    QStyledItemDelegate::setModelData(editor, model, index);
}

} // namespace assay
