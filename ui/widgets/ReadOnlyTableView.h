#pragma once

#include <QTableView>

namespace assay {

// The table the governance pages show records in: whole rows selected, nothing edited in place,
// one line per row, no row numbers, left-aligned headers and the last column taking the rest.
// Pages add what is theirs (sorting, single selection, row height, delegates).
class ReadOnlyTableView : public QTableView {
    Q_OBJECT

public:
    ReadOnlyTableView(QAbstractItemModel* model, const QString& objectName, QWidget* parent = nullptr);

    // resizeColumnsToContents(), after which the last column still stretches to the right edge:
    // sized to its contents it would otherwise keep that width when the view grows.
    void fitColumnsToContents();
};

} // namespace assay
