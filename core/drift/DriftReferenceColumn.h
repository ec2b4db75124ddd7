#pragma once

#include "CsvColumnType.h"

#include <QString>

#include <map>
#include <vector>

namespace assay {

// One feature of a monitor's reference data, in the form the statistics need: sorted values of a
// numerical feature, counts per label of a categorical one.
struct DriftReferenceColumn {
    QString name;
    CsvColumnType type = CsvColumnType::Numerical;
    std::vector<double> sorted;
    std::map<QString, double> counts;

    qint64 count() const;
    qint64 distinct() const;
};

} // namespace assay
