#pragma once

#include <QObject>
#include <QVariantList>

class QAbstractItemView;

namespace assay {

// Keeps a view's selected and current rows, and where it was scrolled to, across resets of its
// model. Models reload from core whenever a commit touches them, here or in another process
// sharing the file, which resets them; the user's place should survive that, so the selection
// is remembered by the id each row carries in idRole (column 0) and put back once the rows are
// there again, and the scroll bars return to where they were.
class SelectionKeeper : public QObject {
    Q_OBJECT

public:
    // Install after view->setModel(); the keeper belongs to the view.
    SelectionKeeper(QAbstractItemView* view, int idRole);

private:
    void remember();
    void restore();
    void restoreScroll();

    QAbstractItemView* m_view;
    int m_idRole;
    QVariantList m_selected;
    QVariant m_current;
    int m_verticalScroll = 0;
    int m_horizontalScroll = 0;
};

} // namespace assay
