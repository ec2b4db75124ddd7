#pragma once

#include "core/audit/AuditFilter.h"
#include "core/workspace/AuditEvent.h"

#include <QAbstractTableModel>
#include <QList>

#include <optional>

namespace assay {

class WorkspaceSession;

// The audit events matching a filter, newest first, read from core a page at a time as the view
// scrolls (canFetchMore/fetchMore). Every commit appends events, so any change reloads it,
// keeping as many rows as were loaded. While parked (its page is out of sight) it reads nothing:
// counting the matches walks the whole trail, hundreds of thousands of events in a big workspace.
class AuditEventModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column {
        SeqColumn,
        TimeColumn,
        ActorColumn,
        ActionColumn,
        EntityColumn,
        SummaryColumn,
        ColumnCount
    };
    enum Role { SeqRole = Qt::UserRole + 1 };
    static constexpr int pageSize = 200;

    explicit AuditEventModel(WorkspaceSession& session, QObject* parent = nullptr);

    void setFilter(const AuditFilter& filter);
    const AuditFilter& filter() const { return m_filter; }
    // Reads the list again, as many rows as were loaded (any commit appends events); while
    // parked, once unparked.
    void reload();
    // A parked model leaves a new filter or a commit for later, and empties itself when another
    // workspace opens, so that no event of the previous file stays. Unparking reads what it missed.
    void setParked(bool parked);
    bool isParked() const { return m_parked; }
    // Whether the rows and the count miss something that happened while parked.
    bool isStale() const { return m_stale; }
    // Reads now what the model missed while parked, for a caller that needs the rows.
    void loadIfStale();
    // How many events match the filter, loaded or not.
    qint64 matchCount() const { return m_matchCount; }
    const AuditEvent& event(int row) const { return m_events.at(row); }
    // The row of event seq, loading pages until it is reached; -1 when the filter hides it.
    int rowOf(qint64 seq);
    // "owner: bea · name: churn", shortened: what a row says about its payload.
    static QString summary(const QJsonObject& payload);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex& parent) const override;
    void fetchMore(const QModelIndex& parent) override;

signals:
    void loadFailed(const QString& message);

private:
    // Up to limit events older than beforeSeq (0: the newest) and whether more remain; none after
    // telling why the read failed.
    std::optional<QList<AuditEvent>> page(qint64 beforeSeq, int limit);
    // Reads the newest rows again.
    void load(int rows);
    void onWorkspaceChanged();
    // While parked: what to read on unparking, rows as load() takes them.
    void markStale(int rows);

    WorkspaceSession& m_session;
    AuditFilter m_filter;
    QList<AuditEvent> m_events;
    qint64 m_matchCount = 0;
    bool m_complete = true;
    bool m_resetting = false;
    bool m_parked = false;
    bool m_stale = false;
    int m_staleRows = pageSize;
};

} // namespace assay
