#pragma once

#include "core/audit/IntegrityProblem.h"

#include <QAbstractListModel>
#include <QList>

namespace assay {

// The problems of an integrity check, one a line: "Sequence 3: event 3 was altered after it was
// written" or the entity and what is wrong with it.
class IntegrityProblemModel : public QAbstractListModel {
    Q_OBJECT

public:
    enum Role { SeqRole = Qt::UserRole + 1 };

    explicit IntegrityProblemModel(QObject* parent = nullptr);

    void setProblems(const QList<IntegrityProblem>& problems);
    const QList<IntegrityProblem>& problems() const { return m_problems; }
    static QString text(const IntegrityProblem& problem);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;

private:
    QList<IntegrityProblem> m_problems;
};

} // namespace assay
