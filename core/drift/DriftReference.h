#pragma once

#include "DriftReferenceColumn.h"

#include <QList>
#include <QString>

#include <optional>

namespace assay {

// A monitor's reference data: where it came from and its features.
struct DriftReference {
    QString name; // the file's name
    QString sha256;
    qint64 rows = 0;
    QList<DriftReferenceColumn> columns;
    std::optional<double> performance; // where the reference has labels and predictions

    const DriftReferenceColumn* column(const QString& columnName) const {
        for (const DriftReferenceColumn& c : columns) {
            if (c.name == columnName)
                return &c;
        }
        return nullptr;
    }
};

} // namespace assay
