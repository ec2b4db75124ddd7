#include "DriftHeatmapModel.h"

#include "core/base/AssayError.h"
#include "core/drift/DriftMethod.h"
#include "core/drift/DriftMonitors.h"
#include "core/workspace/Workspace.h"
#include "ui/session/WorkspaceSession.h"
#include "ui/widgets/DriftStyle.h"
#include "ui/widgets/PaletteTone.h"

#include <QLocale>

namespace assay {

DriftHeatmapModel::DriftHeatmapModel(WorkspaceSession& session, QObject* parent)
    : QAbstractTableModel(parent)
    , m_session(session) {}

void DriftHeatmapModel::setMonitorId(qint64 monitorId) {
    m_monitorId = monitorId;
    reload();
}

void DriftHeatmapModel::reload() {
    std::optional<QString> error;
    beginResetModel();
    m_monitor.reset();
    m_windows.clear();
    m_results.clear();
    try {
        const Workspace* workspace = m_session.workspace();
        if (workspace && m_monitorId != 0) {
            const DriftMonitors monitors(*workspace);
            m_monitor = monitors.monitor(m_monitorId);
            if (m_monitor) {
                m_windows = monitors.windows(m_monitorId);
                for (const DriftResult& result : monitors.results(m_monitorId)) {
                    if (result.monitored)
                        m_results[result.windowId].insert(result.feature, result);
                }
            }
        }
    } catch (const AssayError& failure) {
        m_monitor.reset();
        m_windows.clear();
        m_results.clear();
        error = failure.message();
    }
    endResetModel();
    if (error)
        emit loadFailed(*error);
}

QString DriftHeatmapModel::featureAt(int row) const {
    return m_monitor && row >= 0 && row < m_monitor->features.size() ? m_monitor->features.at(row).name
                                                                     : QString();
}

const DriftResult* DriftHeatmapModel::result(const QString& feature, qint64 windowId) const {
    const auto window = m_results.constFind(windowId);
    if (window == m_results.cend())
        return nullptr;
    const auto found = window->constFind(feature);
    return found == window->cend() ? nullptr : &*found;
}

QModelIndex DriftHeatmapModel::indexOf(const QString& feature, qint64 windowId) const {
    if (!m_monitor)
        return {};
    int row = -1;
    for (int i = 0; i < m_monitor->features.size(); ++i) {
        if (m_monitor->features.at(i).name == feature)
            row = i;
    }
    for (int column = 0; row >= 0 && column < m_windows.size(); ++column) {
        if (m_windows.at(column).id == windowId)
            return index(row, column);
    }
    return {};
}

QModelIndex DriftHeatmapModel::worstOfLatest() const {
    if (m_windows.isEmpty() || rowCount() == 0)
        return {};
    const int column = int(m_windows.size()) - 1;
    QModelIndex worst = index(0, column);
    for (int row = 1; row < rowCount(); ++row) {
        const QModelIndex cell = index(row, column);
        if (cell.data(SeverityRole).toDouble() > worst.data(SeverityRole).toDouble())
            worst = cell;
    }
    return worst;
}

int DriftHeatmapModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() || !m_monitor ? 0 : int(m_monitor->features.size());
}

int DriftHeatmapModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() || !m_monitor ? 0 : int(m_windows.size());
}

const DriftResult* DriftHeatmapModel::resultAt(const QModelIndex& index) const {
    return result(featureAt(index.row()), m_windows.at(index.column()).id);
}

double DriftHeatmapModel::severityOf(const DriftResult& result) const {
    const DriftFeature* feature = m_monitor->feature(result.feature);
    const double threshold = result.threshold.value_or(feature ? m_monitor->thresholdOf(*feature) : 0.0);
    return DriftMethod::severity(result.method, result.score(), threshold);
}

QVariant DriftHeatmapModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const DriftFeature& feature = m_monitor->features.at(index.row());
    const DriftResult* result = resultAt(index);
    switch (role) {
    case Qt::DisplayRole:
        return result ? DriftStyle::shortScore(result->score()) : QStringLiteral("—");
    case Qt::ToolTipRole:
        return toolTip(index);
    case Qt::TextAlignmentRole:
        return QVariant(Qt::AlignCenter);
    case Qt::BackgroundRole:
    case Qt::ForegroundRole:
        if (!result)
            return {};
        return role == Qt::BackgroundRole
                   ? DriftStyle::fill(DriftStyle::level(severityOf(*result), result->drifted.value_or(false)))
                   : DriftStyle::text(
                         DriftStyle::level(severityOf(*result), result->drifted.value_or(false)));
    case FeatureRole:
        return feature.name;
    case WindowIdRole:
        return m_windows.at(index.column()).id;
    case SeverityRole:
        return result ? QVariant(severityOf(*result)) : QVariant();
    case LevelRole:
        return result ? QVariant(int(DriftStyle::level(severityOf(*result), result->drifted.value_or(false))))
                      : QVariant();
    case DriftedRole:
        return result && result->drifted.value_or(false);
    case KeyFeatureRole:
        return feature.key;
    default:
        return {};
    }
}

QString DriftHeatmapModel::toolTip(const QModelIndex& index) const {
    const DriftFeature& feature = m_monitor->features.at(index.row());
    const DriftWindow& window = m_windows.at(index.column());
    const QLocale locale;
    QStringList lines{tr("<b>%1</b> in %2%3")
                          .arg(feature.name.toHtmlEscaped(), window.label.toHtmlEscaped(),
                               feature.key ? tr(" (key feature)") : QString())};
    const DriftResult* result = resultAt(index);
    if (!result) {
        lines << tr("No values of this feature in the window.");
    } else {
        lines << tr("Method: %1").arg(DriftMethod::label(result->method));
        if (result->pValue)
            lines << tr("p-value: %1").arg(DriftStyle::score(*result->pValue));
        if (result->statistic)
            lines << tr("Statistic: %1").arg(DriftStyle::score(*result->statistic));
        if (result->threshold)
            lines << tr("Threshold: %1 (drift %2)")
                         .arg(DriftStyle::score(*result->threshold),
                              DriftMethod::isPValue(result->method) ? tr("below it") : tr("at or above it"));
        const bool drifted = result->drifted.value_or(false);
        lines << (drifted ? tr("Drifted: <b>yes</b>")
                          : tr("Drifted: no (%1)")
                                .arg(DriftStyle::name(DriftStyle::level(severityOf(*result), false))));
    }
    lines << tr("Window rows: %1").arg(locale.toString(window.rows));
    return lines.join(QStringLiteral("<br>"));
}

QVariant DriftHeatmapModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (!m_monitor)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (orientation == Qt::Horizontal && section >= 0 && section < m_windows.size()) {
        const DriftWindow& window = m_windows.at(section);
        if (role == Qt::DisplayRole)
            return DriftStyle::windowLabels(m_windows).value(section);
        if (role == Qt::ToolTipRole) {
            const QString span = window.first.isValid() ? tr("%1 to %2, ")
                                                              .arg(window.first.toString(Qt::ISODate),
                                                                   window.last.toString(Qt::ISODate))
                                                        : QString();
            return tr("%1: %2%3 rows from %4; %5 of %6 features drifted%7")
                .arg(window.label, span, QLocale().toString(window.rows), window.sourceName)
                .arg(window.driftedFeatures)
                .arg(window.featureCount)
                .arg(window.datasetDrift ? tr(" (dataset drift)") : QString());
        }
        if (role == Qt::ForegroundRole && window.datasetDrift)
            return PaletteTone::asText(DriftStyle::fill(DriftStyle::Level::Drifted));
    }
    if (orientation == Qt::Vertical && section >= 0 && section < m_monitor->features.size()) {
        const DriftFeature& feature = m_monitor->features.at(section);
        if (role == Qt::DisplayRole)
            return feature.key ? tr("★ %1").arg(feature.name) : feature.name;
        if (role == Qt::ToolTipRole)
            return tr("%1, judged by %2 against %3%4")
                .arg(feature.name, DriftMethod::label(feature.method),
                     DriftStyle::score(m_monitor->thresholdOf(feature)),
                     feature.key ? tr("; a key feature: its drift alone recommends retraining") : QString());
    }
    return QAbstractTableModel::headerData(section, orientation, role);
}

} // namespace assay
