#pragma once

#include "core/identity/User.h"

#include <QDate>
#include <QList>
#include <QStyledItemDelegate>

namespace assay {

// Editors for the conditions table: a combo of the workspace's users for the owner, a date
// editor with a calendar for the due date, a combo of severities; plain text otherwise.
class ConditionDelegate : public QStyledItemDelegate {
    Q_OBJECT

public:
    ConditionDelegate(const QList<User>& users, const QDate& earliestDueDate, QObject* parent = nullptr);

    QWidget* createEditor(QWidget* parent, const QStyleOptionViewItem& option,
                          const QModelIndex& index) const override;
    void setEditorData(QWidget* editor, const QModelIndex& index) const override;
    void setModelData(QWidget* editor, QAbstractItemModel* model, const QModelIndex& index) const override;

private:
    QList<User> m_users;
    QDate m_earliestDueDate;
};

} // namespace assay
