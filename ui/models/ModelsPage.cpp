#include "ModelsPage.h"

#include "ModelOverviewModel.h"
#include "ui/session/WorkspaceSession.h"
#include "ui/widgets/PageTitleLabel.h"
#include "ui/widgets/ReadOnlyTableView.h"
#include "ui/widgets/SelectionKeeper.h"
#include "ui/widgets/TierBadgeDelegate.h"

#include <QFontMetrics>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QSortFilterProxyModel>
#include <QStackedWidget>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>

namespace assay {
namespace {

QLabel* placeholder(const QString& objectName, const QString& text) {
    auto* label = new QLabel(text);
    label->setObjectName(objectName);
    label->setAlignment(Qt::AlignCenter);
    label->setWordWrap(true);
    label->setForegroundRole(QPalette::PlaceholderText);
    label->setMargin(24);
    return label;
}

} // namespace

ModelsPage::ModelsPage(WorkspaceSession& session, QWidget* parent)
    : QWidget(parent)
    , m_session(session)
    , m_model(new ModelOverviewModel(session, this))
    , m_proxy(new QSortFilterProxyModel(this)) {
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(ModelOverviewModel::SortRole);
    m_proxy->setFilterRole(ModelOverviewModel::SearchRole);
    m_proxy->setFilterKeyColumn(ModelOverviewModel::NameColumn);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);

    m_table = new ReadOnlyTableView(m_proxy, QStringLiteral("modelTable"));
    m_table->setItemDelegateForColumn(ModelOverviewModel::TierColumn, new TierBadgeDelegate(m_table));
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setShowGrid(false);
    m_table->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 12);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(ModelOverviewModel::NameColumn, Qt::AscendingOrder);
    new SelectionKeeper(m_table, ModelOverviewModel::ModelIdRole);
    connect(m_table, &QTableView::activated, this, [this](const QModelIndex& index) {
        emit modelActivated(index.siblingAtColumn(0).data(ModelOverviewModel::ModelIdRole).toLongLong());
    });

    m_emptyState = placeholder(
        QStringLiteral("modelsEmptyState"),
        tr("No model is registered in this workspace yet.\n\nRegister a version from a run's page: open a "
           "run and choose “Register as Model Version…”."));
    m_noMatch = placeholder(QStringLiteral("modelsNoMatch"), QString());
    m_stack = new QStackedWidget;
    m_stack->addWidget(m_table);
    m_stack->addWidget(m_emptyState);
    m_stack->addWidget(m_noMatch);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(createHeader());
    layout->addWidget(m_stack, 1);

    connect(m_search, &QLineEdit::textChanged, m_proxy, &QSortFilterProxyModel::setFilterFixedString);
    connect(m_search, &QLineEdit::textChanged, this, &ModelsPage::update);
    connect(m_model, &QAbstractItemModel::modelReset, this, &ModelsPage::update);
    connect(m_model, &QAbstractItemModel::modelReset, this, &ModelsPage::fitColumns);
    connect(m_model, &ModelOverviewModel::loadFailed, this, &ModelsPage::loadFailed);
    update();
    fitColumns();
}

// Every column should be in view, the review date and the drift flag especially: when the
// contents are wider than the table, the columns that tolerate it give way, first the business
// owner (free text), then the tier's note ("override pending", elided beside its badge), then the
// model owner's name. Their full text is in the tooltips.
void ModelsPage::fitColumns() {
    m_table->resizeColumnsToContents();
    constexpr int businessOwnerWidth = 150;
    if (m_table->columnWidth(ModelOverviewModel::BusinessOwnerColumn) > businessOwnerWidth)
        m_table->setColumnWidth(ModelOverviewModel::BusinessOwnerColumn, businessOwnerWidth);
    const QHeaderView* header = m_table->horizontalHeader();
    const QAbstractItemView* view = m_table; // sizeHintForColumn is public here, protected in QTableView
    // Short values under long headers ("v3" under Production): the header's own text sets the
    // width, not the room every section keeps for a sort arrow only the sorted one shows.
    const QFontMetrics headerMetrics(header->font());
    for (const int column :
         {int(ModelOverviewModel::ProductionColumn), int(ModelOverviewModel::VersionsColumn),
          int(ModelOverviewModel::RequestsColumn), int(ModelOverviewModel::FindingsColumn)}) {
        const int text =
            headerMetrics.horizontalAdvance(m_table->model()->headerData(column, Qt::Horizontal).toString()) +
            (header->sortIndicatorSection() == column ? 32 : 16);
        m_table->setColumnWidth(column, std::max(view->sizeHintForColumn(column), text));
    }
    // The last section stretches to the viewport, so the width it needs is asked of its contents.
    const int last = ModelOverviewModel::ColumnCount - 1;
    int needed = std::max(view->sizeHintForColumn(last), header->sectionSizeHint(last));
    for (int column = 0; column < last; ++column)
        needed += m_table->columnWidth(column);
    int excess = needed - m_table->viewport()->width();
    const std::pair<int, int> yielding[] = {{ModelOverviewModel::BusinessOwnerColumn, 60},
                                            {ModelOverviewModel::TierColumn, 110},
                                            {ModelOverviewModel::OwnerColumn, 60}};
    for (const auto& [column, minimum] : yielding) {
        const int width = m_table->columnWidth(column);
        const int give = std::clamp(excess, 0, std::max(width - minimum, 0));
        m_table->setColumnWidth(column, width - give);
        excess -= give;
    }
}

void ModelsPage::resizeEvent(QResizeEvent* event) {
    QWidget::resizeEvent(event);
    fitColumns();
}

QWidget* ModelsPage::createHeader() {
    m_title = new PageTitleLabel(QStringLiteral("modelsTitle"), 1.25);
    m_search = new QLineEdit;
    m_search->setObjectName(QStringLiteral("modelSearch"));
    m_search->setPlaceholderText(tr("Search by name or owner"));
    m_search->setClearButtonEnabled(true);
    m_search->setMinimumWidth(260);
    m_search->setMaximumWidth(360);
    auto* header = new QWidget;
    auto* layout = new QHBoxLayout(header);
    layout->setContentsMargins(12, 10, 12, 8);
    layout->addWidget(m_title, 1);
    layout->addWidget(m_search);
    return header;
}

void ModelsPage::update() {
    const int total = m_model->rowCount();
    const int shown = m_proxy->rowCount();
    if (m_search->text().isEmpty())
        m_title->setText(total == 1 ? tr("1 registered model") : tr("%1 registered models").arg(total));
    else
        m_title->setText(tr("%1 of %2 models match “%3”").arg(shown).arg(total).arg(m_search->text()));
    m_search->setEnabled(total > 0 || !m_search->text().isEmpty());
    if (total == 0) {
        m_stack->setCurrentWidget(m_emptyState);
    } else if (shown == 0) {
        m_noMatch->setText(tr("No model's name or owner contains “%1”.").arg(m_search->text()));
        m_stack->setCurrentWidget(m_noMatch);
    } else {
        m_stack->setCurrentWidget(m_table);
    }
}

qint64 ModelsPage::selectedModelId() const {
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    return rows.isEmpty() ? 0 : rows.first().data(ModelOverviewModel::ModelIdRole).toLongLong();
}

void ModelsPage::selectModel(qint64 modelId) {
    const int row = m_model->rowOf(modelId);
    if (row < 0)
        return;
    const QModelIndex index = m_proxy->mapFromSource(m_model->index(row, 0));
    if (index.isValid())
        m_table->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect |
                                                              QItemSelectionModel::Rows);
}

void ModelsPage::showEvent(QShowEvent* event) {
    // A review falls overdue with the passing of time, not with a commit.
    if (m_session.isOpen())
        m_model->reload();
    QWidget::showEvent(event);
}

} // namespace assay
