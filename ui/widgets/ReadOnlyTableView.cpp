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

void ReadOnlyTableView::fitColumnsToContents() {
    resizeColumnsToContents();
    QHeaderView* header = horizontalHeader();
    if (header->stretchLastSection()) {
        header->setStretchLastSection(false);
        header->setStretchLastSection(true);
    }
}

} // namespace assay
