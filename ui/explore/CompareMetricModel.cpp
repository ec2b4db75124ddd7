#include "CompareMetricModel.h"

#include "CompareRunReader.h"
#include "ModelCsvWriter.h"
#include "RunHeaderStyle.h"
#include "core/tracking/RunListFormat.h"
#include "ui/widgets/MetricDirection.h"
#include "ui/widgets/RunValueFormat.h"

#include <QColor>
#include <QFont>

#include <cmath>

namespace assay {
namespace {

// A translucent green reads on light and dark palettes alike, over the view's own base colour.
QColor bestBackground() {
    return QColor(46, 160, 67, 70);
}

} // namespace

CompareMetricModel::CompareMetricModel(QObject* parent)
    : QAbstractTableModel(parent) {}

void CompareMetricModel::setRuns(const QList<CompareRun>& runs) {
    beginResetModel();
    m_runs = runs;
    m_keys = CompareRunReader::metricKeys(m_runs);
    m_best.clear();
    for (int row = 0; row < m_keys.size(); ++row) {
        m_best.append(std::nullopt);
        computeBest(row);
    }
    endResetModel();
}

bool CompareMetricModel::lowerIsBetter(const QString& key) const {
    return m_lowerIsBetter.value(key, MetricDirection::lowerIsBetterByDefault(key));
}

void CompareMetricModel::setLowerIsBetter(const QString& key, bool lower) {
    if (lowerIsBetter(key) == lower)
        return;
    m_lowerIsBetter.insert(key, lower);
    const int row = rowOf(key);
    if (row < 0)
        return;
    computeBest(row);
    emit headerDataChanged(Qt::Vertical, row, row);
    if (!m_runs.isEmpty())
        emit dataChanged(index(row, 0), index(row, columnCount() - 1));
}

void CompareMetricModel::flipDirection(int row) {
    if (row >= 0 && row < m_keys.size())
        setLowerIsBetter(m_keys.at(row), !lowerIsBetter(m_keys.at(row)));
}

std::optional<double> CompareMetricModel::bestValue(int row) const {
    return m_best.value(row);
}

std::optional<double> CompareMetricModel::valueAt(int row, int column) const {
    const CompareRun& run = m_runs.at(column);
    const auto found = run.metrics.constFind(m_keys.at(row));
    if (found == run.metrics.cend())
        return std::nullopt;
    return found->latest;
}

void CompareMetricModel::computeBest(int row) {
    const bool lower = lowerIsBetter(m_keys.at(row));
    std::optional<double> best;
    for (int column = 0; column < m_runs.size(); ++column) {
        const std::optional<double> value = valueAt(row, column);
        if (!value || !std::isfinite(*value))
            continue;
        if (!best || (lower ? *value < *best : *value > *best))
            best = *value;
    }
    m_best[row] = best;
}

bool CompareMetricModel::isBest(int row, int column) const {
    const std::optional<double> value = valueAt(row, column);
    const std::optional<double>& best = m_best.at(row);
    // Ties are all best; a single run has nothing to beat.
    return value && best && m_runs.size() > 1 && *value == *best;
}

int CompareMetricModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_keys.size());
}

int CompareMetricModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_runs.size());
}

QVariant CompareMetricModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const int row = index.row();
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole: {
        const std::optional<double> value = valueAt(row, column);
        return value ? QVariant(RunValueFormat::metric(*value)) : QVariant();
    }
    case ValueRole: {
        const std::optional<double> value = valueAt(row, column);
        return value ? QVariant(*value) : QVariant();
    }
    case ModelCsvWriter::ExportRole: {
        // Every digit, and NaN/inf spelt as the CLI's CSV spells them.
        const std::optional<double> value = valueAt(row, column);
        return value ? RunListFormat::formatValue(*value) : QString();
    }
    case Qt::TextAlignmentRole:
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    case Qt::FontRole: {
        if (!isBest(row, column))
            return {};
        QFont font;
        font.setBold(true);
        return font;
    }
    case Qt::BackgroundRole:
        return isBest(row, column) ? QVariant(bestBackground()) : QVariant();
    case IsBestRole:
        return isBest(row, column);
    case Qt::ToolTipRole: {
        const CompareRun& run = m_runs.at(column);
        const auto found = run.metrics.constFind(m_keys.at(row));
        if (found == run.metrics.cend())
            return tr("%1 has no metric “%2”.").arg(run.label(), m_keys.at(row));
        QString text = tr("%1: %2 at step %3\nmin %4 · max %5 · %6 points")
                           .arg(m_keys.at(row), RunValueFormat::metricExact(found->latest))
                           .arg(found->latestStep)
                           .arg(found->min ? RunValueFormat::metricExact(*found->min) : QStringLiteral("—"),
                                found->max ? RunValueFormat::metricExact(*found->max) : QStringLiteral("—"))
                           .arg(found->count);
        if (isBest(row, column))
            text += QLatin1Char('\n') +
                    (lowerIsBetter(m_keys.at(row)) ? tr("Best (lowest)") : tr("Best (highest)"));
        return text;
    }
    default:
        return {};
    }
}

QVariant CompareMetricModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation == Qt::Horizontal) {
        if (section < 0 || section >= m_runs.size())
            return {};
        return RunHeaderStyle::headerData(m_runs.at(section), role, RunIdRole);
    }
    if (section < 0 || section >= m_keys.size())
        return {};
    const QString& key = m_keys.at(section);
    const bool lower = lowerIsBetter(key);
    switch (role) {
    case Qt::DisplayRole:
        // The arrow says which way wins; clicking the header flips it.
        return QStringLiteral("%1  %2").arg(key, lower ? QStringLiteral("↓") : QStringLiteral("↑"));
    case Qt::ToolTipRole:
        return lower ? tr("Lower is better for “%1”. Click to make higher better.").arg(key)
                     : tr("Higher is better for “%1”. Click to make lower better.").arg(key);
    case LowerIsBetterRole:
        return lower;
    case ModelCsvWriter::ExportRole:
        return key;
    default:
        return {};
    }
}

} // namespace assay
