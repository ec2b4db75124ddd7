#pragma once

namespace assay {

// How a CSV column's cells are compared: as numbers or as category labels.
enum class CsvColumnType { Numerical, Categorical };

} // namespace assay
