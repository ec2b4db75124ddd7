#include "DriftComputation.h"

#include "DriftDataReader.h"
#include "DriftMonitor.h"
#include "DriftMonitorSpec.h"
#include "DriftStatistics.h"
#include "core/base/AssayError.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>

namespace assay {

namespace {

DriftReferenceColumn referenceColumn(CsvColumn column) {
    DriftReferenceColumn reference;
    reference.name = column.name;
    reference.type = column.type;
    if (column.type == CsvColumnType::Numerical) {
        reference.sorted = std::move(column.numbers);
        DriftStatistics::sort(reference.sorted);
    } else {
        std::vector<double> counts(static_cast<std::size_t>(column.categories.size()));
        for (const std::uint32_t id : column.categoryIds)
            counts[id] += 1;
        for (qsizetype i = 0; i < column.categories.size(); ++i)
            reference.counts[column.categories[i]] += counts[static_cast<std::size_t>(i)];
    }
    return reference;
}

DriftColumnResult compareColumn(const DriftReferenceColumn& reference, const CsvColumn& current,
                                const DriftThresholds& thresholds) {
    if (reference.type == CsvColumnType::Numerical)
        return DriftStatistics::numerical(reference.name, reference.sorted, current.numbers, thresholds);
    std::map<QString, std::pair<double, double>> counts;
    for (const auto& [label, n] : reference.counts)
        counts[label].first = n;
    std::vector<double> currentCounts(static_cast<std::size_t>(current.categories.size()));
    for (const std::uint32_t id : current.categoryIds)
        currentCounts[id] += 1;
    for (qsizetype i = 0; i < current.categories.size(); ++i)
        counts[current.categories[i]].second += currentCounts[static_cast<std::size_t>(i)];
    return DriftStatistics::categoricalCounts(reference.name, counts, thresholds);
}

} // namespace

DriftDataLayout DriftComputation::layoutOf(const DriftMonitorSpec& spec) {
    DriftDataLayout layout;
    layout.features = spec.features;
    layout.types = spec.typeOverrides;
    layout.timestampColumn = spec.timestampColumn;
    layout.period = spec.period;
    layout.labelColumn = spec.labelColumn;
    layout.predictionColumn = spec.predictionColumn;
    layout.metric = spec.metric;
    return layout;
}

DriftDataLayout DriftComputation::layoutOf(const DriftMonitor& monitor) {
    DriftDataLayout layout;
    for (const DriftFeature& feature : monitor.features) {
        layout.features.append(feature.name);
        layout.types.insert(feature.name, feature.type);
    }
    layout.timestampColumn = monitor.timestampColumn;
    layout.period = monitor.period;
    layout.labelColumn = monitor.labelColumn;
    layout.predictionColumn = monitor.predictionColumn;
    layout.metric = monitor.metric;
    return layout;
}

QString DriftComputation::sha256(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        throw AssayError(QStringLiteral("Cannot read %1: %2").arg(path, file.errorString()));
    QCryptographicHash hash(QCryptographicHash::Sha256);
    if (!hash.addData(&file))
        throw AssayError(QStringLiteral("Cannot read %1: %2").arg(path, file.errorString()));
    return QString::fromLatin1(hash.result().toHex());
}

DriftReference DriftComputation::readReference(const DriftMonitorSpec& spec, const CsvReadOptions& options) {
    // The reference is one window whatever the monitor's period: it is compared as a whole.
    DriftDataLayout layout = layoutOf(spec);
    layout.period = DriftPeriod::File;
    QList<DriftDataWindow> windows = DriftDataReader::read(spec.referencePath, layout, options);
    DriftDataWindow& whole = windows.first();
    DriftReference reference;
    reference.name = QFileInfo(spec.referencePath).fileName();
    reference.sha256 = sha256(spec.referencePath);
    reference.rows = whole.rows;
    reference.performance = whole.performance.value();
    for (CsvColumn& column : whole.columns)
        reference.columns.append(referenceColumn(std::move(column)));
    return reference;
}

QList<DriftComputedWindow> DriftComputation::computeWindows(const DriftMonitor& monitor,
                                                            const DriftReference& reference,
                                                            const QString& path, const QString& label,
                                                            const CsvReadOptions& options) {
    const QList<DriftDataWindow> windows = DriftDataReader::read(path, layoutOf(monitor), options);
    QList<DriftComputedWindow> computed;
    for (const DriftDataWindow& window : windows) {
        DriftComputedWindow out;
        out.span = window.span;
        if (monitor.period == DriftPeriod::File)
            out.span.label = label.isEmpty() ? QFileInfo(path).completeBaseName() : label;
        out.rows = window.rows;
        out.performance = window.performance.value();
        out.results = DriftStatistics::computeColumns(window.columns.size(), [&](qsizetype i) {
            const CsvColumn& current = window.columns[i];
            const DriftReferenceColumn* referenceColumn = reference.column(current.name);
            if (!referenceColumn)
                throw AssayError(QStringLiteral("The reference of monitor \"%1\" has no feature \"%2\".")
                                     .arg(monitor.name, current.name));
            return compareColumn(*referenceColumn, current, monitor.thresholds);
        });
        computed.append(std::move(out));
    }
    return computed;
}

} // namespace assay
