#include "DriftReferenceColumn.h"

namespace assay {

qint64 DriftReferenceColumn::count() const {
    if (type == CsvColumnType::Numerical)
        return static_cast<qint64>(sorted.size());
    double total = 0;
    for (const auto& [label, n] : counts)
        total += n;
    return static_cast<qint64>(total);
}

qint64 DriftReferenceColumn::distinct() const {
    if (type == CsvColumnType::Categorical)
        return static_cast<qint64>(counts.size());
    qint64 n = 0;
    for (std::size_t i = 0; i < sorted.size(); ++i)
        n += (i == 0 || sorted[i] != sorted[i - 1]) ? 1 : 0;
    return n;
}

} // namespace assay
