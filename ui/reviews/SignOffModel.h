#pragma once

#include "core/governance/SignOff.h"

#include <QAbstractTableModel>
#include <QList>

namespace assay {

// The sign-offs a request's tier requires (PromotionRequests::signOffs): each with the person
// whose verified decision gives it, or "still needed".
class SignOffModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column { SignOffColumn, GivenByColumn, WhenColumn, ColumnCount };
    enum Role { GivenRole = Qt::UserRole + 1 };

    explicit SignOffModel(QObject* parent = nullptr);

    // open: whether the request still takes decisions; a closed one's missing sign-offs are
    // "not given" rather than "still needed".
    void setSignOffs(const QList<SignOff>& signOffs, bool open = true);
    const QList<SignOff>& signOffs() const { return m_signOffs; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<SignOff> m_signOffs;
    bool m_open = true;
};

} // namespace assay
