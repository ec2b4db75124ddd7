#pragma once

#include <QStyledItemDelegate>

namespace assay {

// A combo box editor for cells whose model lists the choices: ValuesRole gives the values
// (written back as the cell's EditRole), LabelsRole what the combo shows for each. Cells without
// choices get the usual editor.
class ChoiceDelegate : public QStyledItemDelegate {
    Q_OBJECT

public:
    enum Role { ValuesRole = Qt::UserRole + 100, LabelsRole };

    using QStyledItemDelegate::QStyledItemDelegate;

    QWidget* createEditor(QWidget* parent, const QStyleOptionViewItem& option,
                          const QModelIndex& index) const override;
    void setEditorData(QWidget* editor, const QModelIndex& index) const override;
    void setModelData(QWidget* editor, QAbstractItemModel* model, const QModelIndex& index) const override;
};

} // namespace assay
