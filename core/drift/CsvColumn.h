#pragma once

#include "CsvColumnType.h"

#include <QString>
#include <QStringList>

#include <cstdint>
#include <vector>

namespace assay {

// One parsed CSV column. Only the non-missing values are kept, in file order: doubles for a
// numerical column, interned category ids for a categorical one, so that a file of several GB
// costs memory in proportion to its values and not to its text.
struct CsvColumn {
    QString name;
    CsvColumnType type = CsvColumnType::Numerical;
    std::vector<double> numbers;            // numerical: the values
    std::vector<std::uint32_t> categoryIds; // categorical: indices into categories
    QStringList categories;                 // categorical: distinct labels, first-seen order
    qint64 missing = 0;                     // empty, NaN and infinite cells

    qint64 size() const {
        return type == CsvColumnType::Numerical ? static_cast<qint64>(numbers.size())
                                                : static_cast<qint64>(categoryIds.size());
    }
};

} // namespace assay
