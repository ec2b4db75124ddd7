#include "RunTableView.h"

#include "RunTableModel.h"

#include <QApplication>
#include <QClipboard>
#include <QDataStream>
#include <QHeaderView>
#include <QKeyEvent>
#include <QMenu>
#include <QScrollBar>

#include <algorithm>

namespace assay {
namespace {

// The version of saveColumnLayout()'s bytes.
constexpr quint8 layoutFormat = 1;

QStringList sorted(const QSet<QString>& keys) {
    QStringList list(keys.cbegin(), keys.cend());
    list.sort();
    return list;
}

bool isExtremeColumn(const QString& group) {
    return group == QLatin1String("metrics.min") || group == QLatin1String("metrics.max");
}

// Tabs and line breaks inside a cell would break the TSV's rows and columns.
QString tsvField(QString text) {
    text.replace(QLatin1Char('\t'), QLatin1Char(' '));
    text.replace(QLatin1Char('\r'), QLatin1Char(' '));
    text.replace(QLatin1Char('\n'), QLatin1Char(' '));
    return text;
}

} // namespace

RunTableView::RunTableView(QWidget* parent)
    : QTableView(parent) {
    setAlternatingRowColors(true);
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setSelectionMode(QAbstractItemView::ExtendedSelection);
    setShowGrid(false);
    setWordWrap(false);
    setHorizontalScrollMode(QAbstractItemView::ScrollPerPixel);
    setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    verticalHeader()->hide();
    // Fixed row height: no per-row size hints to compute while scrolling through thousands.
    verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 10);
    QHeaderView* header = horizontalHeader();
    header->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    header->setHighlightSections(false);
    header->setSectionsMovable(true);
    header->setStretchLastSection(false);
    header->setSortIndicatorShown(true);
    header->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(header, &QHeaderView::customContextMenuRequested, this, &RunTableView::showHeaderMenu);
    connect(header, &QHeaderView::sectionMoved, this, &RunTableView::onSectionMoved);
    connect(header, &QHeaderView::sectionResized, this, &RunTableView::onSectionResized);
    connect(header, &QHeaderView::sectionResized, this, &RunTableView::updatePinnedView);
    connect(this, &QAbstractItemView::doubleClicked, this, &RunTableView::activate);
}

void RunTableView::setRunModel(RunTableModel* model) {
    m_model = model;
    m_fittedKeys.clear();
    setModel(model);
    connect(model, &QAbstractItemModel::modelReset, this, &RunTableView::onModelReset);
    setUpPinnedView();
    onModelReset();
    // Enabled after the indicator matches the model's sort, so that enabling sorts nothing.
    setSortingEnabled(true);
}

void RunTableView::setUpPinnedView() {
    delete m_frozen;
    m_frozen = new QTableView(this);
    m_frozen->setObjectName(QStringLiteral("pinnedRunTable"));
    m_frozen->setModel(m_model);
    m_frozen->setSelectionModel(selectionModel());
    m_frozen->setFocusPolicy(Qt::NoFocus);
    m_frozen->setFrameShape(QFrame::NoFrame);
    m_frozen->setAlternatingRowColors(true);
    m_frozen->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_frozen->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_frozen->setShowGrid(false);
    m_frozen->setWordWrap(false);
    m_frozen->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_frozen->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_frozen->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_frozen->verticalHeader()->hide();
    m_frozen->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_frozen->verticalHeader()->setDefaultSectionSize(verticalHeader()->defaultSectionSize());
    QHeaderView* header = m_frozen->horizontalHeader();
    header->setDefaultAlignment(horizontalHeader()->defaultAlignment());
    header->setHighlightSections(false);
    header->setSectionResizeMode(QHeaderView::Fixed);
    header->setSortIndicatorShown(true);
    header->setSectionsClickable(true);
    header->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(header, &QHeaderView::customContextMenuRequested, this, [this](const QPoint& position) {
        showHeaderMenu(m_frozen->horizontalHeader()->mapTo(horizontalHeader(), position));
    });
    // A click on a pinned header sorts as a click on the main header would.
    connect(header, &QHeaderView::sectionClicked, this, [this](int column) {
        const bool same = horizontalHeader()->sortIndicatorSection() == column;
        const Qt::SortOrder order = same && horizontalHeader()->sortIndicatorOrder() == Qt::DescendingOrder
                                        ? Qt::AscendingOrder
                                        : Qt::DescendingOrder;
        sortByColumn(column, order);
    });
    connect(horizontalHeader(), &QHeaderView::sortIndicatorChanged, m_frozen->horizontalHeader(),
            &QHeaderView::setSortIndicator);
    connect(m_frozen, &QAbstractItemView::doubleClicked, this, &RunTableView::activate);
    // Both tables scroll as one.
    connect(m_frozen->verticalScrollBar(), &QAbstractSlider::valueChanged, verticalScrollBar(),
            &QAbstractSlider::setValue);
    connect(verticalScrollBar(), &QAbstractSlider::valueChanged, m_frozen->verticalScrollBar(),
            &QAbstractSlider::setValue);
    viewport()->stackUnder(m_frozen);
}

void RunTableView::onModelReset() {
    syncSortIndicator();
    // The header forgot hidden and moved sections with the reset; put the user's layout back.
    applyLayout();
    fitColumnsIfChanged();
    updatePinnedView();
}

void RunTableView::syncSortIndicator() {
    // The model may fall back to its default sort (a new scope lacks the sorted key); the arrow
    // must show the order the rows are really in. Setting the same sort again is a no-op.
    horizontalHeader()->setSortIndicator(m_model->sortColumn(), m_model->runSort().order);
}

QStringList RunTableView::columnKeys() const {
    QStringList keys;
    if (!m_model)
        return keys;
    for (int column = 0; column < m_model->columnCount(); ++column)
        keys << m_model->headerData(column, Qt::Horizontal, RunTableModel::ColumnKeyRole).toString();
    return keys;
}

QStringList RunTableView::visibleColumnKeys() const {
    QStringList keys;
    const QHeaderView* header = horizontalHeader();
    for (int visual = 0; visual < header->count(); ++visual) {
        const int logical = header->logicalIndex(visual);
        if (!header->isSectionHidden(logical))
            keys << m_model->headerData(logical, Qt::Horizontal, RunTableModel::ColumnKeyRole).toString();
    }
    return keys;
}

bool RunTableView::isColumnKeyVisible(const QString& key) const {
    const int column = m_model->columnOfKey(key);
    return column >= 0 && !isColumnHidden(column);
}

bool RunTableView::isHiddenByLayout(const QString& key) const {
    if (m_hidden.contains(key))
        return true;
    if (m_shown.contains(key))
        return false;
    if (m_hiddenByDefault.contains(key))
        return true;
    const int column = m_model->columnOfKey(key);
    return isExtremeColumn(
        m_model->headerData(column, Qt::Horizontal, RunTableModel::ColumnGroupRole).toString());
}

void RunTableView::setColumnKeyVisible(const QString& key, bool visible) {
    if (visible) {
        m_hidden.remove(key);
        m_shown.insert(key);
    } else {
        m_shown.remove(key);
        m_hidden.insert(key);
        m_pinned.removeAll(key);
    }
    applyLayout();
    fitColumnsIfChanged();
    updatePinnedView();
    emit columnLayoutChanged();
}

void RunTableView::setVisibleColumnKeys(const QStringList& keys) {
    m_order = keys;
    m_shown = QSet<QString>(keys.cbegin(), keys.cend());
    m_hidden.clear();
    for (const QString& key : columnKeys()) {
        if (!m_shown.contains(key))
            m_hidden.insert(key);
    }
    m_pinned.erase(std::remove_if(m_pinned.begin(), m_pinned.end(),
                                  [this](const QString& key) { return m_hidden.contains(key); }),
                   m_pinned.end());
    applyLayout();
    updatePinnedView();
    emit columnLayoutChanged();
}

void RunTableView::resetColumns() {
    m_order.clear();
    m_hidden.clear();
    m_shown.clear();
    m_pinned = {QStringLiteral("attributes.name")};
    m_widths.clear();
    m_fittedKeys.clear();
    applyLayout();
    fitColumnsIfChanged();
    updatePinnedView();
    emit columnLayoutChanged();
}

void RunTableView::setColumnKeyHiddenByDefault(const QString& key, bool hidden) {
    if (hidden == m_hiddenByDefault.contains(key))
        return;
    if (hidden)
        m_hiddenByDefault.insert(key);
    else
        m_hiddenByDefault.remove(key);
    applyLayout();
    updatePinnedView();
}

void RunTableView::setColumnKeyPinned(const QString& key, bool pinned) {
    m_pinned.removeAll(key);
    if (pinned) {
        m_pinned << key;
        m_hidden.remove(key);
        m_shown.insert(key);
    }
    applyLayout();
    updatePinnedView();
    emit columnLayoutChanged();
}

void RunTableView::applyLayout() {
    if (!m_model)
        return;
    m_applying = true;
    const QStringList keys = columnKeys();
    QHeaderView* header = horizontalHeader();
    for (int column = 0; column < keys.size(); ++column)
        setColumnHidden(column, isHiddenByLayout(keys.at(column)));
    // Pinned first, then the user's order, then new columns in the model's order.
    QStringList target;
    for (const QString& key : m_pinned) {
        if (keys.contains(key))
            target << key;
    }
    for (const QString& key : m_order) {
        if (keys.contains(key) && !target.contains(key))
            target << key;
    }
    const QSet<QString> placed(target.cbegin(), target.cend());
    for (const QString& key : keys) {
        if (!placed.contains(key))
            target << key;
    }
    for (int visual = 0; visual < target.size(); ++visual) {
        const int logical = static_cast<int>(keys.indexOf(target.at(visual)));
        if (header->visualIndex(logical) != visual)
            header->moveSection(header->visualIndex(logical), visual);
    }
    m_applying = false;
}

void RunTableView::onSectionMoved() {
    if (m_applying)
        return;
    QStringList order;
    const QHeaderView* header = horizontalHeader();
    for (int visual = 0; visual < header->count(); ++visual)
        order << m_model
                     ->headerData(header->logicalIndex(visual), Qt::Horizontal, RunTableModel::ColumnKeyRole)
                     .toString();
    m_order = order;
    // A column dragged in among the pinned ones goes back behind them: pinning is explicit.
    applyLayout();
    updatePinnedView();
    emit columnLayoutChanged();
}

void RunTableView::onSectionResized(int column, int oldSize, int newSize) {
    // Hiding a column resizes it to 0 and showing it resizes it back: neither is a drag.
    if (m_applying || oldSize == 0 || newSize == 0 || !m_model)
        return;
    m_widths.insert(m_model->headerData(column, Qt::Horizontal, RunTableModel::ColumnKeyRole).toString(),
                    newSize);
    emit columnLayoutChanged();
}

QByteArray RunTableView::saveColumnLayout() const {
    QByteArray bytes;
    QDataStream out(&bytes, QIODevice::WriteOnly);
    out.setVersion(QDataStream::Qt_6_0);
    QMap<QString, int> widths;
    for (auto it = m_widths.cbegin(); it != m_widths.cend(); ++it)
        widths.insert(it.key(), it.value());
    out << layoutFormat << m_order << sorted(m_hidden) << sorted(m_shown) << m_pinned << widths;
    return bytes;
}

void RunTableView::restoreColumnLayout(const QByteArray& state) {
    QDataStream in(state);
    in.setVersion(QDataStream::Qt_6_0);
    quint8 format = 0;
    QStringList order;
    QStringList hidden;
    QStringList shown;
    QStringList pinned;
    QMap<QString, int> widths;
    in >> format >> order >> hidden >> shown >> pinned >> widths;
    if (in.status() != QDataStream::Ok || format != layoutFormat)
        return;
    m_order = order;
    m_hidden = QSet<QString>(hidden.cbegin(), hidden.cend());
    m_shown = QSet<QString>(shown.cbegin(), shown.cend());
    m_pinned = pinned;
    m_widths.clear();
    for (auto it = widths.cbegin(); it != widths.cend(); ++it)
        m_widths.insert(it.key(), it.value());
    m_fittedKeys.clear();
    applyLayout();
    fitColumnsIfChanged();
    updatePinnedView();
}

void RunTableView::showHeaderMenu(const QPoint& position) {
    const int column = horizontalHeader()->logicalIndexAt(position);
    if (column < 0)
        return;
    const QString key = m_model->headerData(column, Qt::Horizontal, RunTableModel::ColumnKeyRole).toString();
    const QString title = m_model->headerData(column, Qt::Horizontal).toString();
    QMenu menu(this);
    const bool pinned = m_pinned.contains(key);
    menu.addAction(pinned ? tr("Unpin “%1”").arg(title) : tr("Pin “%1” to the Left").arg(title), this,
                   [this, key, pinned] { setColumnKeyPinned(key, !pinned); });
    menu.addAction(tr("Hide “%1”").arg(title), this, [this, key] { setColumnKeyVisible(key, false); });
    menu.addSeparator();
    menu.addAction(tr("Reset Columns"), this, &RunTableView::resetColumns);
    menu.exec(horizontalHeader()->mapToGlobal(position));
}

void RunTableView::updatePinnedView() {
    if (!m_frozen || !m_model)
        return;
    const QStringList keys = columnKeys();
    QHeaderView* header = m_frozen->horizontalHeader();
    int shown = 0;
    for (int column = 0; column < keys.size(); ++column) {
        const bool pinned = m_pinned.contains(keys.at(column)) && !isColumnHidden(column);
        m_frozen->setColumnHidden(column, !pinned);
        if (pinned) {
            header->resizeSection(column, columnWidth(column));
            ++shown;
        }
    }
    // The same visual order as the main table, so that the overlay lies exactly over the columns.
    for (int visual = 0; visual < horizontalHeader()->count(); ++visual) {
        const int logical = horizontalHeader()->logicalIndex(visual);
        if (header->visualIndex(logical) != visual)
            header->moveSection(header->visualIndex(logical), visual);
    }
    m_frozen->setVisible(shown > 0);
    updatePinnedGeometry();
}

void RunTableView::updatePinnedGeometry() {
    if (!m_frozen)
        return;
    int width = 0;
    for (const QString& key : m_pinned) {
        const int column = m_model ? m_model->columnOfKey(key) : -1;
        if (column >= 0 && !isColumnHidden(column))
            width += columnWidth(column);
    }
    m_frozen->setGeometry(frameWidth(), frameWidth(), width,
                          viewport()->height() + horizontalHeader()->height());
    m_frozen->horizontalHeader()->setFixedHeight(horizontalHeader()->height());
    m_frozen->verticalScrollBar()->setValue(verticalScrollBar()->value());
}

void RunTableView::resizeEvent(QResizeEvent* event) {
    QTableView::resizeEvent(event);
    updatePinnedGeometry();
}

void RunTableView::updateGeometries() {
    QTableView::updateGeometries();
    updatePinnedGeometry();
}

void RunTableView::scrollContentsBy(int dx, int dy) {
    QTableView::scrollContentsBy(dx, dy);
    if (m_frozen && dy != 0)
        m_frozen->verticalScrollBar()->setValue(verticalScrollBar()->value());
}

void RunTableView::keyPressEvent(QKeyEvent* event) {
    if (event->matches(QKeySequence::Copy)) {
        copySelection();
        event->accept();
        return;
    }
    if ((event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) && currentIndex().isValid()) {
        activate(currentIndex());
        event->accept();
        return;
    }
    QTableView::keyPressEvent(event);
}

void RunTableView::activate(const QModelIndex& index) {
    const qint64 runId = index.isValid() ? m_model->runIdAt(index.row()) : 0;
    if (runId > 0)
        emit runActivated(runId);
}

QList<qint64> RunTableView::selectedRunIds() const {
    QModelIndexList rows = selectionModel()->selectedRows();
    std::sort(rows.begin(), rows.end(),
              [](const QModelIndex& a, const QModelIndex& b) { return a.row() < b.row(); });
    QList<qint64> ids;
    for (const QModelIndex& row : rows)
        ids << m_model->runIdAt(row.row());
    return ids;
}

QString RunTableView::selectionAsTsv() const {
    QModelIndexList rows = selectionModel()->selectedRows();
    if (rows.isEmpty())
        return {};
    std::sort(rows.begin(), rows.end(),
              [](const QModelIndex& a, const QModelIndex& b) { return a.row() < b.row(); });
    QList<int> columns;
    const QHeaderView* header = horizontalHeader();
    for (int visual = 0; visual < header->count(); ++visual) {
        if (!header->isSectionHidden(header->logicalIndex(visual)))
            columns << header->logicalIndex(visual);
    }
    QStringList lines;
    QStringList cells;
    for (int column : columns)
        cells << tsvField(m_model->headerData(column, Qt::Horizontal).toString());
    lines << cells.join(QLatin1Char('\t'));
    for (const QModelIndex& row : rows) {
        cells.clear();
        for (int column : columns)
            cells << tsvField(m_model->index(row.row(), column).data(RunTableModel::CopyTextRole).toString());
        lines << cells.join(QLatin1Char('\t'));
    }
    return lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

void RunTableView::copySelection() const {
    const QString text = selectionAsTsv();
    if (!text.isEmpty())
        QApplication::clipboard()->setText(text);
}

void RunTableView::fitColumnsIfChanged() {
    const QStringList keys = columnKeys();
    // Fit once there are rows to measure; an empty table would fit to the headers alone.
    if (keys == m_fittedKeys || m_model->rowCount() == 0)
        return;
    m_fittedKeys = keys;
    m_applying = true;
    for (int column = 0; column < keys.size(); ++column)
        horizontalHeader()->resizeSection(column, m_widths.value(keys.at(column), fittedWidth(column)));
    m_applying = false;
}

int RunTableView::fittedWidth(int column) const {
    const int content = std::max(sizeHintForColumn(column), horizontalHeader()->sectionSizeHint(column));
    const int maximum =
        column < RunTableModel::attributeColumnCount ? maximumAttributeColumnWidth : maximumKeyColumnWidth;
    return std::clamp(content, minimumColumnWidth, maximum);
}

} // namespace assay
