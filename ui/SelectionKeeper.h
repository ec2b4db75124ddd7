#pragma once

#include <QObject>
#include <QVariantList>

class QAbstractItemView;

namespace assay {

// Keeps a view's selected and current rows across resets of its model. The governance models
// reload from core whenever a commit touches them, which resets them; the user's selection
// should survive that, so it is remembered by the id each row carries in idRole (column 0) and
// put back once the rows are there again.
class SelectionKeeper : public QObject {
    Q_OBJECT

public:
    // Install after view->setModel(); the keeper belongs to the view.
    SelectionKeeper(QAbstractItemView* view, int idRole);

private:
    void remember();
    void restore();

    QAbstractItemView* m_view;
    int m_idRole;
    QVariantList m_selected;
    QVariant m_current;
};

} // namespace assay
