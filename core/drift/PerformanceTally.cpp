#include "PerformanceTally.h"

#include "CsvColumnBuilder.h"
#include "CsvReader.h"

#include <cmath>
#include <string_view>

namespace assay {

namespace {

std::string_view trimmed(const char* begin, const char* end) {
    while (begin < end && (*begin == ' ' || *begin == '\t'))
        ++begin;
    while (end > begin && (end[-1] == ' ' || end[-1] == '\t'))
        --end;
    return {begin, static_cast<std::size_t>(end - begin)};
}

} // namespace

PerformanceTally::Cell PerformanceTally::add(const char* labelBegin, const char* labelEnd,
                                             const char* predictionBegin, const char* predictionEnd) {
    if (m_metric == PerformanceMetric::None || CsvReader::isMissing(labelBegin, labelEnd) ||
        CsvReader::isMissing(predictionBegin, predictionEnd))
        return Cell::Ok;
    double label = 0, prediction = 0;
    const bool labelIsNumber = CsvColumnBuilder::parseNumber(labelBegin, labelEnd, label);
    const bool predictionIsNumber = CsvColumnBuilder::parseNumber(predictionBegin, predictionEnd, prediction);
    if (m_metric == PerformanceMetric::Accuracy) {
        const bool hit = labelIsNumber && predictionIsNumber
                             ? label == prediction
                             : trimmed(labelBegin, labelEnd) == trimmed(predictionBegin, predictionEnd);
        m_sum += hit ? 1.0 : 0.0;
        ++m_count;
        return Cell::Ok;
    }
    if (!labelIsNumber)
        return Cell::LabelNotNumber;
    if (!predictionIsNumber)
        return Cell::PredictionNotNumber;
    const double error = prediction - label;
    m_sum += m_metric == PerformanceMetric::MeanAbsoluteError ? std::abs(error) : error * error;
    ++m_count;
    return Cell::Ok;
}

std::optional<double> PerformanceTally::value() const {
    if (m_metric == PerformanceMetric::None || m_count == 0)
        return std::nullopt;
    const double mean = m_sum / static_cast<double>(m_count);
    return m_metric == PerformanceMetric::RootMeanSquaredError ? std::sqrt(mean) : mean;
}

} // namespace assay
