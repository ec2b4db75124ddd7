#pragma once

#include <QObject>
#include <QVariant>

class QAbstractItemView;

namespace assay {

// Keeps a view's selected row across a reset of its model, by an id the model gives in idRole:
// models reload whole after a commit, and the user's place must not be lost to someone
// else's change.
class SelectionKeeper : public QObject {
    Q_OBJECT

public:
    SelectionKeeper(QAbstractItemView* view, int idRole);

private:
    void remember();
    void restore();

    QAbstractItemView* m_view;
    int m_idRole;
    QVariant m_selectedId;
};

} // namespace assay
