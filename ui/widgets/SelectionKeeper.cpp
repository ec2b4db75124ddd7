#include "SelectionKeeper.h"

#include <QAbstractItemView>
#include <QItemSelectionModel>
#include <QScrollBar>

namespace assay {
namespace {

QModelIndex rowWithId(const QAbstractItemModel* model, int role, const QVariant& id) {
    if (!id.isValid() || model->rowCount() == 0)
        return {};
    const QModelIndexList found = model->match(model->index(0, 0), role, id, 1, Qt::MatchExactly);
    return found.isEmpty() ? QModelIndex() : found.first();
}

} // namespace

SelectionKeeper::SelectionKeeper(QAbstractItemView* view, int idRole)
    : QObject(view)
    , m_view(view)
    , m_idRole(idRole) {
    QAbstractItemModel* model = view->model();
    connect(model, &QAbstractItemModel::modelAboutToBeReset, this, &SelectionKeeper::remember);
    connect(model, &QAbstractItemModel::modelReset, this, &SelectionKeeper::restore);
}

void SelectionKeeper::remember() {
    m_selected.clear();
    m_current = {};
    m_verticalScroll = m_view->verticalScrollBar()->value();
    m_horizontalScroll = m_view->horizontalScrollBar()->value();
    const QItemSelectionModel* selection = m_view->selectionModel();
    if (!selection)
        return;
    for (const QModelIndex& row : selection->selectedRows())
        m_selected.append(row.data(m_idRole));
    m_current = selection->currentIndex().siblingAtColumn(0).data(m_idRole);
}

void SelectionKeeper::restore() {
    QItemSelectionModel* selection = m_view->selectionModel();
    const QAbstractItemModel* model = m_view->model();
    if (!selection)
        return;
    QItemSelection rows;
    for (const QVariant& id : std::as_const(m_selected)) {
        const QModelIndex found = rowWithId(model, m_idRole, id);
        if (found.isValid())
            rows.select(found, found.siblingAtColumn(model->columnCount() - 1));
    }
    const QModelIndex current = rowWithId(model, m_idRole, m_current);
    if (current.isValid())
        selection->setCurrentIndex(current, QItemSelectionModel::NoUpdate);
    if (!rows.isEmpty())
        selection->select(rows, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_selected.clear();
    m_current = {};
    restoreScroll();
}

void SelectionKeeper::restoreScroll() {
    // The view has already heard of the reset (it connected first); laying it out now gives the
    // scroll bars the new rows' extent, which otherwise comes only with the next event loop turn
    // and would clamp the values to an empty model's range.
    m_view->doItemsLayout();
    m_view->verticalScrollBar()->setValue(m_verticalScroll);
    m_view->horizontalScrollBar()->setValue(m_horizontalScroll);
}

} // namespace assay
