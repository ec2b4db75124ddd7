#include "RunLog.h"

#include "MetricStore.h"
#include "Tracking.h"
#include "core/base/AssayError.h"
#include "core/workspace/Workspace.h"
#include "core/workspace/WriteTransaction.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QSet>

#include <cmath>
#include <limits>

namespace assay {
namespace {

// A problem on one line; parse() and commit() turn it into "SOURCE:LINE: reason".
struct LineError {
    QString reason;
};

const QSet<QString> knownFields{
    QStringLiteral("experiment"), QStringLiteral("run"),           QStringLiteral("name"),
    QStringLiteral("status"),     QStringLiteral("user"),          QStringLiteral("start_time"),
    QStringLiteral("end_time"),   QStringLiteral("source_commit"), QStringLiteral("source_name"),
    QStringLiteral("parent_run"), QStringLiteral("params"),        QStringLiteral("tags"),
    QStringLiteral("metrics"),    QStringLiteral("inputs"),
};

std::optional<QString> optionalString(const QJsonObject& object, const QString& field) {
    if (!object.contains(field))
        return std::nullopt;
    if (!object.value(field).isString())
        throw LineError{QStringLiteral("field \"%1\" must be a string").arg(field)};
    return object.value(field).toString();
}

qint64 integer(const QJsonValue& value, const QString& what) {
    const double number = value.toDouble(std::numeric_limits<double>::quiet_NaN());
    if (!value.isDouble() || !std::isfinite(number) || number != std::floor(number) ||
        std::abs(number) > 9.0e15)
        throw LineError{QStringLiteral("%1 must be a whole number").arg(what)};
    return static_cast<qint64>(number);
}

std::optional<qint64> optionalInteger(const QJsonObject& object, const QString& field) {
    if (!object.contains(field))
        return std::nullopt;
    return integer(object.value(field), QStringLiteral("field \"%1\"").arg(field));
}

// JSON has no NaN or infinity, so they come as the strings MLflow writes: "nan", "inf", "-inf".
double metricValue(const QJsonValue& value, const QString& what) {
    if (value.isDouble())
        return value.toDouble();
    const QString text = value.toString().toLower();
    if (text == QLatin1String("nan"))
        return std::numeric_limits<double>::quiet_NaN();
    if (text == QLatin1String("inf") || text == QLatin1String("+inf") || text == QLatin1String("infinity"))
        return std::numeric_limits<double>::infinity();
    if (text == QLatin1String("-inf") || text == QLatin1String("-infinity"))
        return -std::numeric_limits<double>::infinity();
    throw LineError{QStringLiteral("%1 must be a number, \"nan\", \"inf\" or \"-inf\"").arg(what)};
}

QMap<QString, QString> stringMap(const QJsonObject& object, const QString& field) {
    QMap<QString, QString> result;
    if (!object.contains(field))
        return result;
    if (!object.value(field).isObject())
        throw LineError{QStringLiteral("field \"%1\" must be an object").arg(field)};
    const QJsonObject map = object.value(field).toObject();
    for (auto it = map.begin(); it != map.end(); ++it) {
        if (it.key().trimmed().isEmpty())
            throw LineError{QStringLiteral("\"%1\" has an empty key").arg(field)};
        const QJsonValue value = it.value();
        if (value.isString())
            result.insert(it.key(), value.toString());
        else if (value.isDouble())
            result.insert(it.key(), QString::number(value.toDouble(), 'g', 17));
        else if (value.isBool())
            result.insert(it.key(), value.toBool() ? QStringLiteral("true") : QStringLiteral("false"));
        else
            throw LineError{QStringLiteral("%1.%2 must be a string, number or boolean").arg(field, it.key())};
    }
    return result;
}

// A point is [step, value], [step, value, timestamp] or {"step", "value", "timestamp"}.
void appendPoint(MetricSeries& series, const QJsonValue& point, const QString& what,
                 qint64 defaultTimestamp) {
    if (point.isArray()) {
        const QJsonArray fields = point.toArray();
        if (fields.size() < 2 || fields.size() > 3)
            throw LineError{QStringLiteral("%1 must be [step, value] or [step, value, timestamp]").arg(what)};
        series.append(integer(fields[0], what + QStringLiteral(" step")),
                      fields.size() == 3 ? integer(fields[2], what + QStringLiteral(" timestamp"))
                                         : defaultTimestamp,
                      metricValue(fields[1], what + QStringLiteral(" value")));
    } else if (point.isObject()) {
        const QJsonObject fields = point.toObject();
        if (!fields.contains(QStringLiteral("value")))
            throw LineError{QStringLiteral("%1 has no \"value\"").arg(what)};
        series.append(
            fields.contains(QStringLiteral("step"))
                ? integer(fields.value(QStringLiteral("step")), what + QStringLiteral(" step"))
                : 0,
            fields.contains(QStringLiteral("timestamp"))
                ? integer(fields.value(QStringLiteral("timestamp")), what + QStringLiteral(" timestamp"))
                : defaultTimestamp,
            metricValue(fields.value(QStringLiteral("value")), what + QStringLiteral(" value")));
    } else {
        series.append(0, defaultTimestamp, metricValue(point, what));
    }
}

std::map<QString, MetricSeries> metrics(const QJsonObject& object, qint64 defaultTimestamp) {
    std::map<QString, MetricSeries> result;
    if (!object.contains(QStringLiteral("metrics")))
        return result;
    if (!object.value(QStringLiteral("metrics")).isObject())
        throw LineError{QStringLiteral("field \"metrics\" must be an object of key: [points]")};
    const QJsonObject map = object.value(QStringLiteral("metrics")).toObject();
    for (auto it = map.begin(); it != map.end(); ++it) {
        if (it.key().trimmed().isEmpty())
            throw LineError{QStringLiteral("\"metrics\" has an empty key")};
        MetricSeries& series = result[it.key()];
        const QJsonArray points = it.value().isArray() ? it.value().toArray() : QJsonArray{it.value()};
        for (qsizetype i = 0; i < points.size(); ++i)
            appendPoint(series, points[i], QStringLiteral("metrics.%1[%2]").arg(it.key()).arg(i),
                        defaultTimestamp);
    }
    return result;
}

QList<DatasetInput> inputs(const QJsonObject& object) {
    QList<DatasetInput> result;
    if (!object.contains(QStringLiteral("inputs")))
        return result;
    if (!object.value(QStringLiteral("inputs")).isArray())
        throw LineError{QStringLiteral("field \"inputs\" must be an array")};
    const QJsonArray array = object.value(QStringLiteral("inputs")).toArray();
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QJsonObject input = array[i].toObject();
        const QString name = input.value(QStringLiteral("name")).toString();
        const QString digest = input.value(QStringLiteral("digest")).toString();
        if (name.isEmpty() || digest.isEmpty())
            throw LineError{QStringLiteral("inputs[%1] needs a \"name\" and a \"digest\"").arg(i)};
        result.append({name, digest, input.value(QStringLiteral("source")).toString(),
                       input.value(QStringLiteral("context")).toString()});
    }
    return result;
}

RunLogEntry parseLine(const QByteArray& text, int line, qint64 now) {
    QJsonParseError error{};
    const QJsonDocument document = QJsonDocument::fromJson(text, &error);
    if (error.error != QJsonParseError::NoError)
        throw LineError{QStringLiteral("not valid JSON at character %1: %2")
                            .arg(error.offset + 1)
                            .arg(error.errorString())};
    if (!document.isObject())
        throw LineError{QStringLiteral("each line must be a JSON object")};
    const QJsonObject object = document.object();
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (!knownFields.contains(it.key()))
            throw LineError{QStringLiteral("unknown field \"%1\"").arg(it.key())};
    }
    RunLogEntry entry;
    entry.line = line;
    entry.experiment = optionalString(object, QStringLiteral("experiment")).value_or(QString());
    entry.runUid = optionalString(object, QStringLiteral("run")).value_or(QString());
    if (entry.runUid.isEmpty() && entry.experiment.isEmpty())
        throw LineError{
            QStringLiteral("a line needs \"experiment\" (for a new run) or \"run\" (for an existing one)")};
    entry.name = optionalString(object, QStringLiteral("name"));
    if (const auto status = optionalString(object, QStringLiteral("status"))) {
        entry.status = runStatusFromName(*status);
        if (!entry.status)
            throw LineError{
                QStringLiteral(
                    "\"status\" must be RUNNING, SCHEDULED, FINISHED, FAILED or KILLED, not \"%1\"")
                    .arg(*status)};
    }
    entry.user = optionalString(object, QStringLiteral("user"));
    entry.startTime = optionalInteger(object, QStringLiteral("start_time"));
    entry.endTime = optionalInteger(object, QStringLiteral("end_time"));
    entry.sourceCommit = optionalString(object, QStringLiteral("source_commit"));
    entry.sourceName = optionalString(object, QStringLiteral("source_name"));
    entry.parentRunUid = optionalString(object, QStringLiteral("parent_run"));
    entry.params = stringMap(object, QStringLiteral("params"));
    entry.tags = stringMap(object, QStringLiteral("tags"));
    entry.metrics = metrics(object, entry.startTime.value_or(now));
    entry.inputs = inputs(object);
    return entry;
}

qint64 runIdFor(const QString& uid, const Tracking& tracking) {
    const std::optional<Run> run = tracking.runByUid(uid);
    if (!run)
        throw LineError{QStringLiteral("there is no run \"%1\"").arg(uid)};
    return run->id;
}

// Creates the run a line names, or returns the one that exists; reports whether it created one.
std::pair<qint64, bool> resolveRun(WriteTransaction& tx, const RunLogEntry& entry, const Tracking& tracking,
                                   const QString& defaultUser) {
    if (!entry.runUid.isEmpty()) {
        if (const std::optional<Run> existing = tracking.runByUid(entry.runUid)) {
            if (!entry.experiment.isEmpty()) {
                const std::optional<Experiment> experiment = tracking.experimentByName(entry.experiment);
                if (!experiment || experiment->id != existing->experimentId)
                    throw LineError{
                        QStringLiteral("run \"%1\" belongs to another experiment").arg(entry.runUid)};
            }
            if (entry.status)
                Tracking::setRunStatus(tx, existing->id, *entry.status, entry.endTime);
            return {existing->id, false};
        }
        if (entry.experiment.isEmpty())
            throw LineError{QStringLiteral("run \"%1\" does not exist; give \"experiment\" to create it")
                                .arg(entry.runUid)};
    }
    Run run;
    run.uid = entry.runUid;
    run.experimentId = Tracking::ensureExperiment(tx, entry.experiment);
    run.name = entry.name.value_or(QString());
    run.status = entry.status.value_or(RunStatus::Finished);
    run.user = entry.user.value_or(defaultUser);
    run.startTime = entry.startTime.value_or(tx.now());
    run.endTime = entry.endTime;
    run.sourceCommit = entry.sourceCommit.value_or(QString());
    run.sourceName = entry.sourceName.value_or(QString());
    if (entry.parentRunUid)
        run.parentRunId = runIdFor(*entry.parentRunUid, tracking);
    return {Tracking::createRun(tx, run), true};
}

} // namespace

QList<RunLogEntry> RunLog::parse(QIODevice& input, const QString& sourceName) {
    QList<RunLogEntry> entries;
    int line = 0;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    while (!input.atEnd()) {
        const QByteArray text = input.readLine().trimmed();
        ++line;
        if (text.isEmpty())
            continue;
        try {
            entries.append(parseLine(text, line, now));
        } catch (const LineError& error) {
            throw AssayError(QStringLiteral("%1:%2: %3. Nothing was written.")
                                 .arg(sourceName)
                                 .arg(line)
                                 .arg(error.reason));
        }
    }
    if (entries.isEmpty())
        throw AssayError(QStringLiteral("%1: no runs to log (the input is empty).").arg(sourceName));
    return entries;
}

RunLog::Summary RunLog::commit(Workspace& workspace, const QList<RunLogEntry>& entries,
                               const QString& sourceName) {
    Summary summary;
    const Tracking tracking(workspace);
    workspace.write([&](WriteTransaction& tx) {
        for (const RunLogEntry& entry : entries) {
            try {
                const auto [runId, created] = resolveRun(tx, entry, tracking, workspace.actor());
                Tracking::logParams(tx, runId, entry.params);
                Tracking::setTags(tx, runId, entry.tags);
                Tracking::logInputs(tx, runId, entry.inputs);
                MetricStore::log(tx, runId, entry.metrics);
                for (const auto& [key, series] : entry.metrics)
                    summary.points += static_cast<qint64>(series.size());
                ++(created ? summary.runsCreated : summary.runsUpdated);
                summary.runUids << tracking.run(runId)->uid;
                ++summary.lines;
            } catch (const LineError& error) {
                throw AssayError(QStringLiteral("%1:%2: %3. Nothing was written.")
                                     .arg(sourceName)
                                     .arg(entry.line)
                                     .arg(error.reason));
            } catch (const AssayError& error) {
                throw AssayError(QStringLiteral("%1:%2: %3 Nothing was written.")
                                     .arg(sourceName)
                                     .arg(entry.line)
                                     .arg(error.message()));
            }
        }
    });
    return summary;
}

} // namespace assay
