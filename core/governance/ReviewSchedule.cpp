#include "ReviewSchedule.h"

#include "core/base/SqlQuery.h"
#include "core/workspace/Workspace.h"
#include "core/workspace/WriteTransaction.h"

#include <QDateTime>
#include <QJsonObject>
#include <QTimeZone>

namespace assay {
namespace {

QList<ReviewDate> query(const QSqlDatabase& db, const QString& where,
                        std::initializer_list<QVariant> values) {
    QSqlQuery query = SqlQuery::run(
        db,
        QStringLiteral("SELECT model_id, next_review_at, last_reviewed_at, scheduled_by_request FROM "
                       "review_schedule %1 ORDER BY next_review_at")
            .arg(where),
        values);
    QList<ReviewDate> result;
    while (query.next()) {
        ReviewDate date;
        date.modelId = query.value(0).toLongLong();
        date.nextReviewAt = query.value(1).toLongLong();
        if (!query.value(2).isNull())
            date.lastReviewedAt = query.value(2).toLongLong();
        if (!query.value(3).isNull())
            date.scheduledByRequest = query.value(3).toLongLong();
        result.append(date);
    }
    return result;
}

} // namespace

qint64 ReviewSchedule::addMonths(qint64 at, int months) {
    return QDateTime::fromMSecsSinceEpoch(at, QTimeZone::utc()).addMonths(months).toMSecsSinceEpoch();
}

void ReviewSchedule::schedule(WriteTransaction& tx, qint64 modelId, int months, qint64 requestId) {
    const qint64 next = addMonths(tx.now(), months);
    tx.run(
        QStringLiteral("INSERT OR REPLACE INTO review_schedule (model_id, next_review_at, last_reviewed_at, "
                       "scheduled_by_request) VALUES (?, ?, ?, ?)"),
        {modelId, next, tx.now(), requestId});
    const QString name =
        SqlQuery::scalar(tx.database(), QStringLiteral("SELECT name FROM registered_models WHERE id = ?"),
                         {modelId})
            .toString();
    tx.audit(QStringLiteral("review.schedule"), QStringLiteral("model:") + name,
             {{QStringLiteral("next_review_at"),
               QDateTime::fromMSecsSinceEpoch(next, QTimeZone::utc()).toString(Qt::ISODate)},
              {QStringLiteral("months"), months},
              {QStringLiteral("request"), requestId}});
    tx.changes().add(EntityKind::ReviewSchedule, modelId);
}

std::optional<ReviewDate> ReviewSchedule::next(qint64 modelId) const {
    const QList<ReviewDate> found =
        query(m_workspace.database(), QStringLiteral("WHERE model_id = ?"), {modelId});
    return found.isEmpty() ? std::nullopt : std::optional<ReviewDate>(found.first());
}

QList<ReviewDate> ReviewSchedule::overdue(qint64 now) const {
    return query(m_workspace.database(), QStringLiteral("WHERE next_review_at < ?"), {now});
}

} // namespace assay
