#include "ModelVersionsPane.h"

#include "ModelVersionModel.h"
#include "ui/widgets/ReadOnlyTableView.h"
#include "ui/widgets/SelectionKeeper.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>

namespace assay {

ModelVersionsPane::ModelVersionsPane(WorkspaceSession& session, QWidget* parent)
    : QWidget(parent)
    , m_model(new ModelVersionModel(session, this)) {
    auto* proxy = new QSortFilterProxyModel(this);
    proxy->setSourceModel(m_model);
    proxy->setSortRole(ModelVersionModel::SortRole);
    m_table = new ReadOnlyTableView(proxy, QStringLiteral("versionTable"));
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setTextElideMode(Qt::ElideMiddle);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(ModelVersionModel::VersionColumn, Qt::DescendingOrder);
    new SelectionKeeper(m_table, ModelVersionModel::VersionIdRole);
    // The source run reads as a link: one click opens it. Enter or a double-click elsewhere
    // on the row opens it too.
    connect(m_table, &QTableView::clicked, this, [this](const QModelIndex& index) {
        if (index.column() == ModelVersionModel::RunColumn)
            openRunOf(index);
    });
    connect(m_table, &QTableView::activated, this, [this](const QModelIndex& index) {
        if (index.column() != ModelVersionModel::RunColumn)
            openRunOf(index);
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &ModelVersionsPane::updateButtons);
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        m_table->fitColumnsToContents();
        updateButtons();
    });

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_table, 1);
    layout->addWidget(createButtons());
    updateButtons();
}

QWidget* ModelVersionsPane::createButtons() {
    m_openRun = new QPushButton(tr("Open Run"));
    m_openRun->setObjectName(QStringLiteral("openRunButton"));
    m_openRun->setToolTip(tr("Show the run this version was registered from"));
    m_requestPromotion = new QPushButton(tr("Request Promotion…"));
    m_requestPromotion->setObjectName(QStringLiteral("requestPromotionButton"));
    m_requestPromotion->setToolTip(tr("Ask reviewers to point an alias such as production at this version"));
    m_editCard = new QPushButton(tr("Edit Model Card…"));
    m_editCard->setObjectName(QStringLiteral("editCardButton"));
    connect(m_openRun, &QPushButton::clicked, this, [this] { openRunOf(selectedRow()); });
    connect(m_requestPromotion, &QPushButton::clicked, this, [this] {
        const QModelIndex row = selectedRow();
        if (row.isValid())
            emit promotionRequested(m_model->modelId(), row.data(ModelVersionModel::VersionRole).toInt());
    });
    connect(m_editCard, &QPushButton::clicked, this, [this] {
        const QModelIndex row = selectedRow();
        if (row.isValid())
            emit cardEditRequested(row.data(ModelVersionModel::VersionIdRole).toLongLong());
    });
    auto* bar = new QWidget;
    auto* layout = new QHBoxLayout(bar);
    layout->setContentsMargins(8, 6, 8, 8);
    layout->addStretch(1);
    layout->addWidget(m_openRun);
    layout->addWidget(m_editCard);
    layout->addWidget(m_requestPromotion);
    return bar;
}

void ModelVersionsPane::setModelId(qint64 modelId) {
    m_model->setModelId(modelId);
}

QModelIndex ModelVersionsPane::selectedRow() const {
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    return rows.isEmpty() ? QModelIndex() : rows.first();
}

int ModelVersionsPane::selectedVersion() const {
    return selectedRow().data(ModelVersionModel::VersionRole).toInt();
}

void ModelVersionsPane::selectVersion(int version) {
    const QModelIndexList found = m_table->model()->match(
        m_table->model()->index(0, 0), ModelVersionModel::VersionRole, version, 1, Qt::MatchExactly);
    if (found.isEmpty())
        return;
    m_table->selectionModel()->setCurrentIndex(found.first(), QItemSelectionModel::ClearAndSelect |
                                                                  QItemSelectionModel::Rows);
    m_table->scrollTo(found.first());
}

void ModelVersionsPane::selectNewest() {
    int highest = 0;
    for (int row = 0; row < m_model->rowCount(); ++row)
        highest = std::max(highest, m_model->versionAt(row)->version);
    if (highest > 0)
        selectVersion(highest);
}

void ModelVersionsPane::openRunOf(const QModelIndex& index) {
    const qint64 runId = index.siblingAtColumn(0).data(ModelVersionModel::RunIdRole).toLongLong();
    if (runId != 0)
        emit runActivated(runId);
}

void ModelVersionsPane::updateButtons() {
    const QModelIndex row = selectedRow();
    const bool selected = row.isValid();
    m_openRun->setEnabled(selected && row.data(ModelVersionModel::RunIdRole).toLongLong() != 0);
    m_requestPromotion->setEnabled(selected);
    m_editCard->setEnabled(selected);
    const QString hint = tr("Select a version first");
    for (QPushButton* button : {m_openRun, m_requestPromotion, m_editCard})
        button->setStatusTip(selected ? QString() : hint);
}

} // namespace assay
