#include "RunTableModel.h"

#include "RunStatusStyle.h"
#include "core/base/AssayError.h"
#include "core/tracking/RunQuery.h"
#include "core/workspace/ChangeSet.h"
#include "core/workspace/Workspace.h"
#include "ui/session/WorkspaceSession.h"
#include "ui/widgets/PaletteTone.h"
#include "ui/widgets/RunValueFormat.h"

#include <QBrush>
#include <QFont>
#include <QPainter>
#include <QPixmap>
#include <QRegularExpression>

#include <functional>
#include <iterator>
#include <optional>

namespace assay {
namespace {

bool sameScope(const RunScope& a, const RunScope& b) {
    return a.experimentIds == b.experimentIds && a.includeDeleted == b.includeDeleted && a.filter == b.filter;
}

bool sameSort(const RunSort& a, const RunSort& b) {
    return a.field == b.field && a.key == b.key && a.order == b.order;
}

bool isNumber(const QString& text) {
    bool ok = false;
    text.toDouble(&ok);
    return ok;
}

// A small lettered tag for param ("P") and metric ("M") headers: a demo workspace logs
// learning_rate both as a param and as a metric, and the two columns must not look alike.
QIcon headerBadge(const QString& letter, const QColor& fill) {
    QPixmap pixmap(32, 32);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(Qt::NoPen);
    painter.setBrush(fill);
    painter.drawRoundedRect(QRectF(2, 4, 28, 24), 6, 6);
    QFont font = painter.font();
    font.setBold(true);
    font.setPixelSize(18);
    painter.setFont(font);
    painter.setPen(Qt::white);
    painter.drawText(QRectF(2, 4, 28, 24), Qt::AlignCenter, letter);
    painter.end();
    pixmap.setDevicePixelRatio(2.0);
    return QIcon(pixmap);
}

const QIcon& paramBadge() {
    static const QIcon icon = headerBadge(QStringLiteral("P"), QColor(0x7c, 0x5c, 0xc4));
    return icon;
}

// The run attributes, in column order (RunTableModel::Column).
struct AttributeColumn {
    RunSort::Field field;
    const char* key; // as `assay-cli runs --order-by` names it
    const char* title;
};

constexpr AttributeColumn attributeColumns[] = {
    {RunSort::Field::Name, "name", QT_TRANSLATE_NOOP("assay::RunTableModel", "Name")},
    {RunSort::Field::Experiment, "experiment", QT_TRANSLATE_NOOP("assay::RunTableModel", "Experiment")},
    {RunSort::Field::Status, "status", QT_TRANSLATE_NOOP("assay::RunTableModel", "Status")},
    {RunSort::Field::User, "user", QT_TRANSLATE_NOOP("assay::RunTableModel", "User")},
    {RunSort::Field::StartTime, "start_time", QT_TRANSLATE_NOOP("assay::RunTableModel", "Start")},
    {RunSort::Field::Duration, "duration", QT_TRANSLATE_NOOP("assay::RunTableModel", "Duration")},
};
static_assert(std::size(attributeColumns) == RunTableModel::attributeColumnCount);

const QIcon& metricBadge() {
    static const QIcon icon = headerBadge(QStringLiteral("M"), QColor(0x1a, 0x8a, 0x8a));
    return icon;
}

} // namespace

RunTableModel::RunTableModel(WorkspaceSession& session, QObject* parent)
    : QAbstractTableModel(parent)
    , m_session(session) {
    connect(&m_session, &WorkspaceSession::workspaceChanged, this, &RunTableModel::onWorkspaceChanged);
    connect(&m_session, &WorkspaceSession::changed, this, &RunTableModel::onChanged);
    reload();
}

void RunTableModel::setScope(const RunScope& scope) {
    if (sameScope(scope, m_scope))
        return;
    m_scope = scope;
    reloadFromTop();
}

void RunTableModel::setRunSort(const RunSort& sort) {
    if (sameSort(sort, m_sort))
        return;
    m_sort = sort;
    if (sortColumn() < 0)
        m_sort = {};
    reloadRows();
}

QString RunTableModel::sortText(const RunSort& sort) {
    const auto quoted = [](const QString& key) {
        static const QRegularExpression plain(QStringLiteral("^[A-Za-z_][A-Za-z0-9_.\\-]*$"));
        return plain.match(key).hasMatch() ? key : QLatin1Char('`') + key + QLatin1Char('`');
    };
    QString column;
    switch (sort.field) {
    case RunSort::Field::Param:
        column = QStringLiteral("params.") + quoted(sort.key);
        break;
    case RunSort::Field::Tag:
        column = QStringLiteral("tags.") + quoted(sort.key);
        break;
    case RunSort::Field::Metric:
        column = QStringLiteral("metrics.") + quoted(sort.key);
        break;
    case RunSort::Field::MetricMin:
        column = QStringLiteral("metrics.min(%1)").arg(quoted(sort.key));
        break;
    case RunSort::Field::MetricMax:
        column = QStringLiteral("metrics.max(%1)").arg(quoted(sort.key));
        break;
    case RunSort::Field::EndTime:
        column = QStringLiteral("end_time");
        break;
    default:
        for (const AttributeColumn& attribute : attributeColumns) {
            if (attribute.field == sort.field)
                column = QLatin1String(attribute.key);
        }
        break;
    }
    return column + (sort.order == Qt::AscendingOrder ? QStringLiteral(" ASC") : QStringLiteral(" DESC"));
}

int RunTableModel::columnOfKey(const QString& key) const {
    for (int column = 0; column < columnCount(); ++column) {
        if (headerData(column, Qt::Horizontal, ColumnKeyRole).toString() == key)
            return column;
    }
    return -1;
}

void RunTableModel::onWorkspaceChanged() {
    m_scope = {};
    m_sort = {};
    reloadFromTop();
}

void RunTableModel::onChanged(const ChangeSet& changes) {
    for (EntityKind kind : {EntityKind::Workspace, EntityKind::Experiment, EntityKind::Run, EntityKind::Param,
                            EntityKind::Metric}) {
        if (changes.touches(kind)) {
            reload();
            return;
        }
    }
}

void RunTableModel::reload() {
    // As many rows as were loaded: a view scrolled far down, or with a selected run there, finds
    // its rows again after the reset (SelectionKeeper puts selection and scroll position back).
    reloadKeeping(static_cast<int>(m_rows.size()));
}

void RunTableModel::reloadFromTop() {
    reloadKeeping(0);
}

void RunTableModel::reloadKeeping(int loadedRows) {
    resetWith([this, loadedRows] {
        m_total = 0;
        m_paramKeys.clear();
        m_metricKeys.clear();
        if (!m_session.workspace())
            return;
        loadKeysAndCount();
        // A sort by a key that this scope lacks would order nothing; fall back to the default.
        if (sortColumn() < 0)
            m_sort = {};
        m_rows = loadPage(0, std::max(loadedRows, pageSize));
    });
}

void RunTableModel::reloadRows() {
    // The columns and the count stay: only the order changed. The key queries scan every param
    // of the scope, which a click on a header should not pay for.
    resetWith([this] {
        if (m_session.workspace())
            m_rows = loadPage(0, pageSize);
    });
}

void RunTableModel::resetWith(const std::function<void()>& load) {
    std::optional<QString> error;
    // No fetching while the reset is announced: rows inserted from one receiver's slot would
    // reach receivers that have not heard of the reset yet.
    m_changing = true;
    beginResetModel();
    m_rows.clear();
    try {
        load();
    } catch (const AssayError& failure) {
        m_rows.clear();
        m_total = 0;
        error = failure.message();
    }
    endResetModel();
    m_changing = false;
    // Emitted after the reset, so that a receiver that shows a dialog sees a consistent model.
    if (error)
        emit loadFailed(*error);
}

void RunTableModel::loadKeysAndCount() {
    const RunQuery query(*m_session.workspace());
    m_total = query.count(m_scope);
    m_paramKeys = query.paramKeys(m_scope);
    m_metricKeys = query.metricKeys(m_scope);
}

QList<RunRow> RunTableModel::loadPage(qint64 offset, int limit) const {
    return RunQuery(*m_session.workspace()).page(m_scope, m_sort, offset, limit);
}

int RunTableModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int RunTableModel::columnCount(const QModelIndex& parent) const {
    if (parent.isValid())
        return 0;
    return attributeColumnCount + static_cast<int>(m_paramKeys.size() + metricVariants * m_metricKeys.size());
}

bool RunTableModel::canFetchMore(const QModelIndex& parent) const {
    return !parent.isValid() && !m_changing && m_rows.size() < m_total;
}

void RunTableModel::fetchMore(const QModelIndex& parent) {
    if (!canFetchMore(parent))
        return;
    QList<RunRow> page;
    try {
        page = loadPage(m_rows.size(), pageSize);
    } catch (const AssayError& failure) {
        // Stop asking: the view would call fetchMore again at once and fail the same way.
        m_total = m_rows.size();
        emit loadFailed(failure.message());
        return;
    }
    if (page.isEmpty()) {
        // Runs were deleted by another connection since the count; what is loaded is all there is.
        m_total = m_rows.size();
        return;
    }
    // A receiver of the insert signals may ask for more (item views and model testers do): it
    // must not load the same page again before this one is in.
    m_changing = true;
    const int first = static_cast<int>(m_rows.size());
    beginInsertRows({}, first, first + static_cast<int>(page.size()) - 1);
    m_rows.append(page);
    endInsertRows();
    m_changing = false;
}

RunTableModel::ColumnKind RunTableModel::columnKind(int column) const {
    if (column < attributeColumnCount)
        return ColumnKind::Attribute;
    // Metrics before params: they are what runs are compared by, and a workspace with several
    // model families has dozens of params that would push the metrics out of sight. A metric's
    // minimum and maximum follow its latest value, so that a column shown sits beside it.
    const qsizetype offset = column - attributeColumnCount;
    if (offset >= metricVariants * m_metricKeys.size())
        return ColumnKind::Param;
    switch (offset % metricVariants) {
    case 1:
        return ColumnKind::MetricMin;
    case 2:
        return ColumnKind::MetricMax;
    default:
        return ColumnKind::Metric;
    }
}

QString RunTableModel::columnKey(int column) const {
    switch (columnKind(column)) {
    case ColumnKind::Metric:
    case ColumnKind::MetricMin:
    case ColumnKind::MetricMax:
        return m_metricKeys.at((column - attributeColumnCount) / metricVariants);
    case ColumnKind::Param:
        return m_paramKeys.at(column - attributeColumnCount - metricVariants * m_metricKeys.size());
    case ColumnKind::Attribute:
        break;
    }
    return {};
}

RunSort RunTableModel::sortFor(int column, Qt::SortOrder order) const {
    RunSort result;
    result.order = order;
    switch (columnKind(column)) {
    case ColumnKind::Attribute:
        result.field = attributeColumns[column].field;
        break;
    case ColumnKind::Param:
        result.field = RunSort::Field::Param;
        result.key = columnKey(column);
        break;
    case ColumnKind::Metric:
        result.field = RunSort::Field::Metric;
        result.key = columnKey(column);
        break;
    case ColumnKind::MetricMin:
        result.field = RunSort::Field::MetricMin;
        result.key = columnKey(column);
        break;
    case ColumnKind::MetricMax:
        result.field = RunSort::Field::MetricMax;
        result.key = columnKey(column);
        break;
    }
    return result;
}

int RunTableModel::sortColumn() const {
    for (int column = 0; column < columnCount(); ++column) {
        const RunSort candidate = sortFor(column, m_sort.order);
        if (candidate.field == m_sort.field && candidate.key == m_sort.key)
            return column;
    }
    return -1;
}

void RunTableModel::sort(int column, Qt::SortOrder order) {
    // -1 is the view asking for the natural order: newest first.
    const RunSort wanted = column >= 0 && column < columnCount() ? sortFor(column, order) : RunSort{};
    if (sameSort(wanted, m_sort))
        return;
    m_sort = wanted;
    reloadRows();
}

qint64 RunTableModel::runIdAt(int row) const {
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).run.id : 0;
}

QVariant RunTableModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const RunRow& row = m_rows.at(index.row());
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
        return displayData(row, column);
    case Qt::ToolTipRole:
        return toolTipData(row, column);
    case Qt::TextAlignmentRole:
        return alignmentData(row, column);
    case Qt::DecorationRole:
        return column == StatusColumn ? QVariant(RunStatusStyle::dot(row.run.status)) : QVariant();
    case Qt::ForegroundRole: {
        const QColor color = column == StatusColumn
                                 ? PaletteTone::asText(RunStatusStyle::textColor(row.run.status))
                                 : QColor();
        return color.isValid() ? QVariant(QBrush(color)) : QVariant();
    }
    case RunIdRole:
        return row.run.id;
    case CopyTextRole: {
        if (columnKind(column) == ColumnKind::Attribute || columnKind(column) == ColumnKind::Param)
            return displayData(row, column);
        const QHash<QString, double>& values = metricValues(row, columnKind(column));
        const auto found = values.constFind(columnKey(column));
        return found == values.constEnd() ? QString() : RunValueFormat::metricExact(*found);
    }
    default:
        return {};
    }
}

QVariant RunTableModel::displayData(const RunRow& row, int column) const {
    switch (columnKind(column)) {
    case ColumnKind::Param:
        return row.params.value(columnKey(column));
    case ColumnKind::Metric:
    case ColumnKind::MetricMin:
    case ColumnKind::MetricMax: {
        const QHash<QString, double>& values = metricValues(row, columnKind(column));
        const auto found = values.constFind(columnKey(column));
        return found == values.constEnd() ? QString() : RunValueFormat::metric(*found);
    }
    case ColumnKind::Attribute:
        break;
    }
    switch (column) {
    case NameColumn:
        return row.run.name;
    case ExperimentColumn:
        return row.experimentName;
    case StatusColumn:
        return RunValueFormat::statusLabel(runStatusName(row.run.status));
    case UserColumn:
        return row.run.user;
    case StartColumn:
        return RunValueFormat::dateTime(row.run.startTime);
    case DurationColumn:
        return RunValueFormat::duration(row.run.startTime, row.run.endTime);
    default:
        return {};
    }
}

QVariant RunTableModel::toolTipData(const RunRow& row, int column) const {
    switch (columnKind(column)) {
    case ColumnKind::Param: {
        const QString key = columnKey(column);
        return row.params.contains(key) ? QStringLiteral("%1 = %2").arg(key, row.params.value(key))
                                        : QVariant();
    }
    case ColumnKind::Metric:
    case ColumnKind::MetricMin:
    case ColumnKind::MetricMax: {
        const QString key = columnKey(column);
        const QHash<QString, double>& values = metricValues(row, columnKind(column));
        const auto found = values.constFind(key);
        return found == values.constEnd() ? QVariant()
                                          : QVariant(QStringLiteral("%1 (%2) = %3")
                                                         .arg(key, variantName(columnKind(column)),
                                                              RunValueFormat::metricExact(*found)));
    }
    case ColumnKind::Attribute:
        break;
    }
    switch (column) {
    case NameColumn:
        return tr("%1\nRun id: %2").arg(row.run.name, row.run.uid);
    case StatusColumn:
        return runStatusName(row.run.status);
    case StartColumn:
        return RunValueFormat::dateTimeLong(row.run.startTime);
    case DurationColumn:
        return row.run.endTime ? tr("Ended %1").arg(RunValueFormat::dateTimeLong(row.run.endTime))
                               : tr("Not ended");
    default:
        return {};
    }
}

QVariant RunTableModel::alignmentData(const RunRow& row, int column) const {
    constexpr Qt::Alignment right = Qt::AlignRight | Qt::AlignVCenter;
    constexpr Qt::Alignment left = Qt::AlignLeft | Qt::AlignVCenter;
    switch (columnKind(column)) {
    case ColumnKind::Metric:
    case ColumnKind::MetricMin:
    case ColumnKind::MetricMax:
        return QVariant::fromValue(right);
    case ColumnKind::Param:
        return QVariant::fromValue(isNumber(row.params.value(columnKey(column))) ? right : left);
    case ColumnKind::Attribute:
        break;
    }
    return QVariant::fromValue(column == DurationColumn ? right : left);
}

QVariant RunTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || section < 0 || section >= columnCount())
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (role) {
    case Qt::DisplayRole:
        return headerDisplay(section);
    case Qt::ToolTipRole:
        return headerToolTip(section);
    case Qt::DecorationRole:
        if (columnKind(section) == ColumnKind::Attribute)
            return {};
        return columnKind(section) == ColumnKind::Param ? paramBadge() : metricBadge();
    case ColumnKeyRole:
        switch (columnKind(section)) {
        case ColumnKind::Param:
            return QStringLiteral("params.") + columnKey(section);
        case ColumnKind::Metric:
            return QStringLiteral("metrics.") + columnKey(section);
        case ColumnKind::MetricMin:
            return QStringLiteral("metrics.min(%1)").arg(columnKey(section));
        case ColumnKind::MetricMax:
            return QStringLiteral("metrics.max(%1)").arg(columnKey(section));
        case ColumnKind::Attribute:
            break;
        }
        return QStringLiteral("attributes.") + QLatin1String(attributeColumns[section].key);
    case ColumnGroupRole:
        switch (columnKind(section)) {
        case ColumnKind::Param:
            return QStringLiteral("params");
        case ColumnKind::Metric:
            return QStringLiteral("metrics");
        case ColumnKind::MetricMin:
            return QStringLiteral("metrics.min");
        case ColumnKind::MetricMax:
            return QStringLiteral("metrics.max");
        case ColumnKind::Attribute:
            break;
        }
        return QStringLiteral("attributes");
    default:
        return {};
    }
}

QVariant RunTableModel::headerDisplay(int section) const {
    switch (columnKind(section)) {
    case ColumnKind::Attribute:
        return tr(attributeColumns[section].title);
    case ColumnKind::MetricMin:
    case ColumnKind::MetricMax:
        return QStringLiteral("%1 (%2)").arg(columnKey(section), variantName(columnKind(section)));
    case ColumnKind::Metric:
    case ColumnKind::Param:
        break;
    }
    return columnKey(section);
}

QString RunTableModel::variantName(ColumnKind kind) {
    switch (kind) {
    case ColumnKind::MetricMin:
        return tr("min");
    case ColumnKind::MetricMax:
        return tr("max");
    default:
        return tr("latest");
    }
}

const QHash<QString, double>& RunTableModel::metricValues(const RunRow& row, ColumnKind kind) {
    switch (kind) {
    case ColumnKind::MetricMin:
        return row.metricMins;
    case ColumnKind::MetricMax:
        return row.metricMaxes;
    default:
        return row.metrics;
    }
}

QVariant RunTableModel::headerToolTip(int section) const {
    switch (columnKind(section)) {
    case ColumnKind::Param:
        return tr("Parameter %1 (params.%1)").arg(columnKey(section));
    case ColumnKind::Metric:
        return tr("Metric %1, latest value (metrics.%1)").arg(columnKey(section));
    case ColumnKind::MetricMin:
        return tr("Metric %1, smallest value of the series (metrics.min(%1))").arg(columnKey(section));
    case ColumnKind::MetricMax:
        return tr("Metric %1, largest value of the series (metrics.max(%1))").arg(columnKey(section));
    case ColumnKind::Attribute:
        break;
    }
    return {};
}

} // namespace assay
