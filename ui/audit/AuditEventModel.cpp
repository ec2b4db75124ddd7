#include "AuditEventModel.h"

#include "core/audit/AuditTrail.h"
#include "core/base/AssayError.h"
#include "core/workspace/Workspace.h"
#include "ui/session/WorkspaceSession.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>

namespace assay {
namespace {

constexpr int summaryLength = 160;

QString valueText(const QJsonValue& value) {
    if (value.isString())
        return value.toString();
    if (value.isArray())
        return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
    if (value.isObject())
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    return value.toVariant().toString();
}

} // namespace

AuditEventModel::AuditEventModel(WorkspaceSession& session, QObject* parent)
    : QAbstractTableModel(parent)
    , m_session(session) {
    connect(&m_session, &WorkspaceSession::workspaceChanged, this, &AuditEventModel::onWorkspaceChanged);
    connect(&m_session, &WorkspaceSession::changed, this, &AuditEventModel::reload);
    reload();
}

void AuditEventModel::setFilter(const AuditFilter& filter) {
    m_filter = filter;
    if (m_parked)
        markStale(pageSize);
    else
        load(pageSize);
}

void AuditEventModel::setParked(bool parked) {
    m_parked = parked;
    if (!parked)
        loadIfStale();
}

void AuditEventModel::loadIfStale() {
    if (m_stale)
        load(m_staleRows);
}

void AuditEventModel::markStale(int rows) {
    // A new filter asks for the first page; a commit keeps what was loaded.
    m_staleRows = m_stale ? std::min(m_staleRows, rows) : rows;
    m_stale = true;
}

void AuditEventModel::onWorkspaceChanged() {
    if (!m_parked) {
        reload();
        return;
    }
    markStale(pageSize);
    beginResetModel();
    m_events.clear();
    m_matchCount = 0;
    m_complete = true;
    m_resetting = true;
    endResetModel();
    m_resetting = false;
}

std::optional<QList<AuditEvent>> AuditEventModel::page(qint64 beforeSeq, int limit) {
    try {
        const Workspace* workspace = m_session.workspace();
        if (!workspace) {
            m_complete = true;
            return QList<AuditEvent>{};
        }
        // One more than asked for tells whether there is more without counting.
        QList<AuditEvent> events = AuditTrail(*workspace).events(m_filter, limit + 1, beforeSeq);
        m_complete = events.size() <= limit;
        events.resize(std::min<qsizetype>(events.size(), limit));
        return events;
    } catch (const AssayError& error) {
        m_complete = true;
        emit loadFailed(error.message());
        return std::nullopt;
    }
}

void AuditEventModel::reload() {
    const int rows = std::max(pageSize, static_cast<int>(m_events.size()));
    if (m_parked)
        markStale(rows);
    else
        load(rows);
}

void AuditEventModel::load(int rows) {
    m_stale = false;
    std::optional<QList<AuditEvent>> events = page(0, rows);
    qint64 matchCount = 0;
    if (events && m_session.workspace()) {
        try {
            matchCount = AuditTrail(*m_session.workspace()).count(m_filter);
        } catch (const AssayError& error) {
            emit loadFailed(error.message());
        }
    }
    beginResetModel();
    m_events = events.value_or(QList<AuditEvent>{});
    m_matchCount = matchCount;
    // Views and QAbstractItemModelTester ask for more while modelReset is being emitted; rows
    // inserted then would nest inside the reset.
    m_resetting = true;
    endResetModel();
    m_resetting = false;
}

bool AuditEventModel::canFetchMore(const QModelIndex& parent) const {
    return !parent.isValid() && !m_complete && !m_resetting;
}

void AuditEventModel::fetchMore(const QModelIndex& parent) {
    if (!canFetchMore(parent) || m_events.isEmpty())
        return;
    const std::optional<QList<AuditEvent>> more = page(m_events.constLast().seq, pageSize);
    if (!more || more->isEmpty())
        return;
    const int first = static_cast<int>(m_events.size());
    beginInsertRows({}, first, first + static_cast<int>(more->size()) - 1);
    m_events.append(*more);
    endInsertRows();
}

int AuditEventModel::rowOf(qint64 seq) {
    loadIfStale();
    for (;;) {
        for (int row = 0; row < m_events.size(); ++row) {
            if (m_events.at(row).seq == seq)
                return row;
        }
        if (m_complete || (!m_events.isEmpty() && m_events.constLast().seq < seq))
            return -1;
        fetchMore({});
    }
}

QString AuditEventModel::summary(const QJsonObject& payload) {
    QStringList parts;
    for (auto it = payload.constBegin(); it != payload.constEnd(); ++it)
        parts << QStringLiteral("%1: %2").arg(it.key(), valueText(it.value()).simplified());
    QString text = parts.join(QStringLiteral(" · "));
    if (text.size() > summaryLength)
        text = text.left(summaryLength - 1) + QStringLiteral("…");
    return text;
}

int AuditEventModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_events.size());
}

int AuditEventModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AuditEventModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case SeqColumn:
        return tr("Seq");
    case TimeColumn:
        return tr("Time");
    case ActorColumn:
        return tr("Actor");
    case ActionColumn:
        return tr("Action");
    case EntityColumn:
        return tr("Entity");
    case SummaryColumn:
        return tr("Summary");
    default:
        return {};
    }
}

QVariant AuditEventModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const AuditEvent& event = m_events.at(index.row());
    if (role == SeqRole)
        return event.seq;
    if (role == Qt::TextAlignmentRole && index.column() == SeqColumn)
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::ToolTipRole && index.column() == SummaryColumn)
        return QString::fromUtf8(QJsonDocument(event.payload).toJson(QJsonDocument::Indented));
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case SeqColumn:
        return event.seq;
    case TimeColumn:
        return QDateTime::fromMSecsSinceEpoch(event.at).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    case ActorColumn:
        return event.actor;
    case ActionColumn:
        return event.action;
    case EntityColumn:
        return event.entity;
    case SummaryColumn:
        return summary(event.payload);
    default:
        return {};
    }
}

} // namespace assay
