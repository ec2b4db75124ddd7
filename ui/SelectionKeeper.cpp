#include "SelectionKeeper.h"

#include <QAbstractItemView>

namespace assay {

SelectionKeeper::SelectionKeeper(QAbstractItemView* view, int idRole)
    : QObject(view)
    , m_view(view)
    , m_idRole(idRole) {
    connect(view->model(), &QAbstractItemModel::modelAboutToBeReset, this, &SelectionKeeper::remember);
    connect(view->model(), &QAbstractItemModel::modelReset, this, &SelectionKeeper::restore);
}

void SelectionKeeper::remember() {
    const QModelIndex current =
        m_view->selectionModel() ? m_view->selectionModel()->currentIndex() : QModelIndex();
    m_selectedId = current.isValid() && m_view->selectionModel()->isRowSelected(current.row(), {})
                       ? current.siblingAtColumn(0).data(m_idRole)
                       : QVariant();
}

void SelectionKeeper::restore() {
    if (!m_selectedId.isValid())
        return;
    const QAbstractItemModel* model = m_view->model();
    for (int row = 0; row < model->rowCount(); ++row) {
        const QModelIndex index = model->index(row, 0);
        if (index.data(m_idRole) == m_selectedId) {
            m_view->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect |
                                                                 QItemSelectionModel::Rows);
            return;
        }
    }
}

} // namespace assay
