#include "ChoiceDelegate.h"

#include <QComboBox>

namespace assay {

QWidget* ChoiceDelegate::createEditor(QWidget* parent, const QStyleOptionViewItem& option,
                                      const QModelIndex& index) const {
    const QStringList values = index.data(ValuesRole).toStringList();
    if (values.isEmpty())
        return QStyledItemDelegate::createEditor(parent, option, index);
    const QStringList labels = index.data(LabelsRole).toStringList();
    auto* combo = new QComboBox(parent);
    for (qsizetype i = 0; i < values.size(); ++i)
        combo->addItem(labels.value(i, values[i]), values[i]);
    // A choice takes effect when picked, not when the cell loses focus.
    // (commitData is a signal, and signals are not const.)
    auto* self = const_cast<ChoiceDelegate*>(this);
    connect(combo, &QComboBox::activated, self, [self, combo] { emit self->commitData(combo); });
    return combo;
}

void ChoiceDelegate::setEditorData(QWidget* editor, const QModelIndex& index) const {
    if (auto* combo = qobject_cast<QComboBox*>(editor)) {
        combo->setCurrentIndex(std::max(0, combo->findData(index.data(Qt::EditRole).toString())));
        return;
    }
    QStyledItemDelegate::setEditorData(editor, index);
}

void ChoiceDelegate::setModelData(QWidget* editor, QAbstractItemModel* model,
                                  const QModelIndex& index) const {
    if (auto* combo = qobject_cast<QComboBox*>(editor)) {
        model->setData(index, combo->currentData(), Qt::EditRole);
        return;
    }
    QStyledItemDelegate::setModelData(editor, model, index);
}

} // namespace assay
