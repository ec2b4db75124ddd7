#include "DriftDataReader.h"

#include "CsvReader.h"
#include "core/base/AssayError.h"

#include <algorithm>
#include <charconv>

namespace assay {

namespace {

// The calendar date at the start of an ISO 8601 timestamp: "2026-03-02", "2026-03-02T10:00Z",
// "2026-03-02 10:00:00". Time zones are not converted: a record counts on the date it carries.
QDate leadingDate(const std::string& text) {
    std::size_t begin = 0;
    while (begin < text.size() && (text[begin] == ' ' || text[begin] == '\t'))
        ++begin;
    if (text.size() - begin < 10 || text[begin + 4] != '-' || text[begin + 7] != '-')
        return {};
    if (text.size() - begin > 10 && text[begin + 10] != 'T' && text[begin + 10] != ' ')
        return {};
    const auto number = [&](std::size_t from, std::size_t length) {
        int value = -1;
        const char* first = text.data() + begin + from;
        const auto result = std::from_chars(first, first + length, value);
        return result.ec == std::errc() && result.ptr == first + length ? value : -1;
    };
    return QDate(number(0, 4), number(5, 2), number(8, 2));
}

} // namespace

DriftDataReader::DriftDataReader(const QString& sourceName, DriftDataLayout layout)
    : m_source(sourceName)
    , m_layout(std::move(layout)) {}

QList<DriftDataWindow> DriftDataReader::read(const QString& path, const DriftDataLayout& layout,
                                             const CsvReadOptions& options) {
    DriftDataReader reader(path, layout);
    CsvReader::readRows(path, reader, options);
    return reader.takeWindows();
}

qsizetype DriftDataReader::requireColumn(const QStringList& names, const QString& column,
                                         const QString& role) const {
    const qsizetype index = names.indexOf(column);
    if (index < 0)
        throw AssayError(QStringLiteral("%1:1: there is no column \"%2\" (the %3); the header has %4.")
                             .arg(m_source, column, role, names.join(QStringLiteral(", "))));
    return index;
}

void DriftDataReader::header(const QStringList& names) {
    const bool byDate = m_layout.period != DriftPeriod::File;
    if (byDate)
        m_timestampIndex = requireColumn(names, m_layout.timestampColumn, QStringLiteral("timestamp column"));
    if (m_layout.metric != PerformanceMetric::None) {
        m_labelIndex = requireColumn(names, m_layout.labelColumn, QStringLiteral("label column"));
        m_predictionIndex =
            requireColumn(names, m_layout.predictionColumn, QStringLiteral("prediction column"));
    }
    if (m_layout.features.isEmpty()) {
        for (const QString& name : names) {
            if (name != m_layout.timestampColumn && name != m_layout.labelColumn &&
                name != m_layout.predictionColumn)
                m_layout.features.append(name);
        }
        if (m_layout.features.isEmpty())
            throw AssayError(QStringLiteral("%1:1: there are no feature columns to monitor.").arg(m_source));
    }
    for (const QString& feature : std::as_const(m_layout.features))
        m_featureIndexes.append(requireColumn(names, feature, QStringLiteral("feature")));
    if (!byDate)
        newWindow({QString(), QDate(), QDate()});
}

DriftDataReader::Window& DriftDataReader::newWindow(const DriftWindowSpan& span) {
    Window window;
    window.data.span = span;
    window.data.performance = PerformanceTally(m_layout.metric);
    for (const QString& feature : std::as_const(m_layout.features)) {
        const auto forced = m_layout.types.constFind(feature);
        window.builders.append(CsvColumnBuilder(
            feature, forced != m_layout.types.constEnd() ? std::optional(forced.value()) : std::nullopt));
    }
    m_windowByLabel.insert(span.label, m_windows.size());
    m_windows.push_back(std::move(window));
    return m_windows.back();
}

DriftDataReader::Window& DriftDataReader::windowOf(qint64 line, const std::string& cell, qint64 column) {
    if (m_timestampIndex < 0)
        return m_windows.front();
    if (cell == m_lastDateText && !m_windows.empty())
        return m_windows[m_lastWindow];
    const QDate date = leadingDate(cell);
    if (!date.isValid())
        throw CsvReader::error(
            m_source, line, column,
            QStringLiteral("\"%1\" in the timestamp column \"%2\" is not a date (YYYY-MM-DD, optionally "
                           "followed by a time)")
                .arg(QString::fromStdString(cell), m_layout.timestampColumn));
    const DriftWindowSpan span = driftWindowSpan(m_layout.period, date);
    const auto found = m_windowByLabel.constFind(span.label);
    m_lastWindow =
        found != m_windowByLabel.constEnd() ? found.value() : (newWindow(span), m_windows.size() - 1);
    m_lastDateText = cell;
    return m_windows[m_lastWindow];
}

void DriftDataReader::row(qint64 line, const std::vector<std::string>& fields,
                          const std::vector<qint64>& columns) {
    const auto timestamp = static_cast<std::size_t>(std::max<qsizetype>(m_timestampIndex, 0));
    Window& window = windowOf(line, fields[timestamp], columns[timestamp]);
    ++window.data.rows;
    for (qsizetype i = 0; i < m_featureIndexes.size(); ++i) {
        const auto index = static_cast<std::size_t>(m_featureIndexes[i]);
        const std::string& cell = fields[index];
        if (!window.builders[i].add(cell.data(), cell.data() + cell.size()))
            throw CsvReader::error(m_source, line, columns[index],
                                   QStringLiteral("feature \"%1\" is numerical but this cell is not a number")
                                       .arg(m_layout.features[i]));
    }
    if (m_labelIndex < 0)
        return;
    const auto labelIndex = static_cast<std::size_t>(m_labelIndex);
    const auto predictionIndex = static_cast<std::size_t>(m_predictionIndex);
    const std::string& label = fields[labelIndex];
    const std::string& prediction = fields[predictionIndex];
    const PerformanceTally::Cell cell = window.data.performance.add(
        label.data(), label.data() + label.size(), prediction.data(), prediction.data() + prediction.size());
    if (cell == PerformanceTally::Cell::LabelNotNumber)
        throw CsvReader::error(
            m_source, line, columns[labelIndex],
            QStringLiteral("the label must be a number for %1").arg(performanceMetricLabel(m_layout.metric)));
    if (cell == PerformanceTally::Cell::PredictionNotNumber)
        throw CsvReader::error(m_source, line, columns[predictionIndex],
                               QStringLiteral("the prediction must be a number for %1")
                                   .arg(performanceMetricLabel(m_layout.metric)));
}

QList<DriftDataWindow> DriftDataReader::takeWindows() {
    if (m_windows.empty() || (m_timestampIndex >= 0 && m_windows.front().data.rows == 0))
        throw AssayError(QStringLiteral("%1 has no data rows.").arg(m_source));
    QList<DriftDataWindow> result;
    for (Window& window : m_windows) {
        if (window.data.rows == 0)
            throw AssayError(QStringLiteral("%1 has no data rows.").arg(m_source));
        for (qsizetype i = 0; i < window.builders.size(); ++i) {
            CsvColumn column = window.builders[i].take();
            if (column.size() == 0)
                throw AssayError(
                    QStringLiteral("%1: feature \"%2\" has no values%3 (every cell is empty, NaN or inf).")
                        .arg(m_source, column.name,
                             window.data.span.label.isEmpty()
                                 ? QString()
                                 : QStringLiteral(" in window %1").arg(window.data.span.label)));
            window.data.columns.append(std::move(column));
        }
        result.append(std::move(window.data));
    }
    std::sort(result.begin(), result.end(),
              [](const DriftDataWindow& a, const DriftDataWindow& b) { return a.span.first < b.span.first; });
    m_windows.clear();
    m_windowByLabel.clear();
    return result;
}

} // namespace assay
