#include "ReadOnlyTableView.h"

#include <QHeaderView>

namespace assay {

ReadOnlyTableView::ReadOnlyTableView(QAbstractItemModel* model, const QString& objectName, QWidget* parent)
    : QTableView(parent) {
    setObjectName(objectName);
    setModel(model);
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setAlternatingRowColors(true);
    setWordWrap(false);
    verticalHeader()->hide();
    horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    horizontalHeader()->setStretchLastSection(true);
}

} // namespace assay
