#pragma once

#include "CsvColumn.h"

#include <QList>
#include <QString>

namespace assay {

// A CSV file as CsvReader returns it: its columns in header order.
struct CsvTable {
    QString path;
    QList<CsvColumn> columns;
    qint64 rows = 0;

    const CsvColumn* column(const QString& name) const {
        for (const CsvColumn& c : columns) {
            if (c.name == name)
                return &c;
        }
        return nullptr;
    }
};

} // namespace assay
