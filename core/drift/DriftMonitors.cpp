#include "DriftMonitors.h"

#include "DriftComputation.h"
#include "DriftMethod.h"
#include "core/base/AssayError.h"
#include "core/base/SqlQuery.h"
#include "core/base/VersionLock.h"
#include "core/identity/Identity.h"
#include "core/workspace/Workspace.h"
#include "core/workspace/WriteTransaction.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>
#include <cstring>
#include <map>

namespace assay {

namespace {

const QString selectMonitors = QStringLiteral(
    "SELECT d.id, d.version_id, v.model_id, m.name, v.version, d.name, d.reference_name, d.reference_sha256, "
    "d.reference_rows, d.timestamp_column, d.period, d.label_column, d.prediction_column, "
    "d.performance_metric, d.reference_performance, d.thresholds, d.after_approval, d.created_at, "
    "d.created_by FROM drift_monitors d JOIN model_versions v ON v.id = d.version_id "
    "JOIN registered_models m ON m.id = v.model_id ");

const QString selectWindows = QStringLiteral(
    "SELECT id, monitor_id, label, first_day, last_day, rows, source_name, source_sha256, performance, "
    "feature_count, drifted_features, dataset_drift, drifted_key_features, retraining, added_at, added_by "
    "FROM drift_windows ");

QVariant optionalReal(const std::optional<double>& value) {
    return value ? QVariant(*value) : QVariant(QMetaType(QMetaType::Double));
}

std::optional<double> realOrNone(const QVariant& value) {
    return value.isNull() ? std::nullopt : std::optional<double>(value.toDouble());
}

QString typeName(CsvColumnType type) {
    return type == CsvColumnType::Numerical ? QStringLiteral("numerical") : QStringLiteral("categorical");
}

void requireMonitorRole(WriteTransaction& tx, const QString& forWhat) {
    if (Identity::actorHas(tx, Role::DataScientist) || Identity::actorHas(tx, Role::Validator) ||
        Identity::actorHas(tx, Role::RiskOfficer))
        return;
    throw AssayError(QStringLiteral("%1 may not %2: that needs the data scientist, validator or risk officer "
                                    "role, and %1 holds none of them in this workspace.")
                         .arg(tx.actor(), forWhat));
}

QString modelEntity(const DriftMonitor& monitor) {
    return QStringLiteral("model:") + monitor.modelName;
}

// Whether the method can judge the feature, and its threshold is in range.
void checkRule(const DriftFeature& f) {
    if (!DriftMethod::isMonitorable(f.method))
        throw AssayError(
            QStringLiteral("Feature \"%1\": there is no drift method \"%2\"; the methods are %3.")
                .arg(f.name, f.method, DriftMethod::monitorable().join(QStringLiteral(", "))));
    const bool numerical = f.type == CsvColumnType::Numerical;
    QString why;
    if ((f.method == QLatin1String("ks") || f.method == QLatin1String("wasserstein_norm")) && !numerical)
        why = QStringLiteral("it compares numbers, and the feature is categorical");
    else if (f.method == QLatin1String("chi_square") && numerical && f.referenceDistinct > 20)
        why = QStringLiteral("it compares categories, and the feature has %1 distinct values")
                  .arg(f.referenceDistinct);
    else if (f.method == QLatin1String("z") && f.referenceDistinct > 2)
        why = QStringLiteral("it compares two categories, and the feature has %1").arg(f.referenceDistinct);
    if (!why.isEmpty())
        throw AssayError(QStringLiteral("Feature \"%1\" cannot use %2: %3.")
                             .arg(f.name, DriftMethod::label(f.method), why));
    if (f.threshold) {
        const double t = *f.threshold;
        if (DriftMethod::isPValue(f.method) ? !(t > 0 && t < 1) : !(t > 0 && std::isfinite(t)))
            throw AssayError(QStringLiteral("Feature \"%1\": threshold %2 for %3 must be %4.")
                                 .arg(f.name)
                                 .arg(t)
                                 .arg(DriftMethod::label(f.method), DriftMethod::isPValue(f.method)
                                                                        ? QStringLiteral("between 0 and 1")
                                                                        : QStringLiteral("positive")));
    }
}

// Every statistic of a column result as rows; thresholds and verdicts come from judge().
QList<DriftResult> resultRows(qint64 windowId, const DriftColumnResult& r) {
    QList<DriftResult> rows;
    const auto add = [&](const char* method, std::optional<double> statistic, std::optional<double> p) {
        if (!statistic && !p)
            return;
        DriftResult row;
        row.windowId = windowId;
        row.feature = r.name;
        row.method = QLatin1String(method);
        row.statistic = statistic;
        row.pValue = p;
        rows.append(row);
    };
    add("ks", r.ksStatistic, r.ksP);
    add("chi_square", std::nullopt, r.chiSquareP);
    add("z", std::nullopt, r.zP);
    add("wasserstein_norm", r.wassersteinNorm, std::nullopt);
    add("wasserstein", r.wasserstein, std::nullopt);
    add("jensen_shannon", r.jensenShannon, std::nullopt);
    add("psi", r.psi, std::nullopt);
    add("kl", r.kl, std::nullopt);
    return rows;
}

struct Verdict {
    int features = 0;
    int drifted = 0;
    bool datasetDrift = false;
    QStringList driftedKey;
    bool retraining = false;
};

// Sets each row's threshold and verdict, marks the row each feature is judged by (its method;
// should a window lack it, as a Z-test does when a third category appears, chi-square, then
// Jensen-Shannon) and returns the window's verdict.
Verdict judge(const DriftMonitor& monitor, QList<DriftResult>& rows) {
    Verdict verdict;
    for (const DriftFeature& feature : monitor.features) {
        DriftResult* judged = nullptr;
        for (const QString& method :
             {feature.method, QStringLiteral("chi_square"), QStringLiteral("jensen_shannon")}) {
            for (DriftResult& row : rows) {
                if (!judged && row.feature == feature.name && row.method == method)
                    judged = &row;
            }
        }
        for (DriftResult& row : rows) {
            if (row.feature != feature.name)
                continue;
            row.monitored = &row == judged;
            if (!DriftMethod::isMonitorable(row.method))
                continue;
            row.threshold = row.monitored && row.method == feature.method
                                ? monitor.thresholdOf(feature)
                                : DriftMethod::threshold(row.method, monitor.thresholds);
            row.drifted = DriftMethod::drifted(row.method, row.score(), *row.threshold);
        }
        if (!judged)
            continue;
        ++verdict.features;
        if (judged->drifted.value_or(false)) {
            ++verdict.drifted;
            if (feature.key)
                verdict.driftedKey << feature.name;
        }
    }
    verdict.datasetDrift = verdict.features > 0 && static_cast<double>(verdict.drifted) >=
                                                       monitor.thresholds.datasetShare * verdict.features;
    verdict.retraining = verdict.datasetDrift || !verdict.driftedKey.isEmpty();
    return verdict;
}

QJsonArray numbers(const std::vector<double>& values) {
    QJsonArray array;
    for (const double v : values)
        array.append(v);
    return array;
}

std::vector<double> numbers(const QJsonArray& array) {
    std::vector<double> values;
    values.reserve(static_cast<std::size_t>(array.size()));
    for (const QJsonValue& v : array)
        values.push_back(v.toDouble());
    return values;
}

QByteArray distributionJson(const DriftColumnResult& r) {
    QJsonObject bins{{QStringLiteral("reference"), numbers(r.referenceCounts)},
                     {QStringLiteral("current"), numbers(r.currentCounts)}};
    if (!r.binEdges.empty())
        bins.insert(QStringLiteral("edges"), numbers(r.binEdges));
    else
        bins.insert(QStringLiteral("labels"), QJsonArray::fromStringList(r.binLabels));
    return QJsonDocument(bins).toJson(QJsonDocument::Compact);
}

QByteArray referenceBlob(const DriftReferenceColumn& column) {
    if (column.type == CsvColumnType::Numerical)
        return QByteArray(reinterpret_cast<const char*>(column.sorted.data()),
                          static_cast<qsizetype>(column.sorted.size() * sizeof(double)));
    QJsonObject counts;
    for (const auto& [label, n] : column.counts)
        counts.insert(label, n);
    return QJsonDocument(counts).toJson(QJsonDocument::Compact);
}

void storeResults(WriteTransaction& tx, const QList<DriftResult>& rows) {
    QSqlQuery& insert = tx.cached(QStringLiteral(
        "INSERT OR REPLACE INTO drift_results (window_id, feature, method, statistic, p_value, "
        "threshold, drifted, monitored) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
    for (const DriftResult& row : rows) {
        for (const QVariant& value :
             {QVariant(row.windowId), QVariant(row.feature), QVariant(row.method),
              optionalReal(row.statistic), optionalReal(row.pValue), optionalReal(row.threshold),
              row.drifted ? QVariant(*row.drifted ? 1 : 0) : QVariant(QMetaType(QMetaType::Int)),
              QVariant(row.monitored ? 1 : 0)})
            SqlQuery::bind(insert, value);
        SqlQuery::exec(insert);
    }
}

void storeVerdict(WriteTransaction& tx, qint64 windowId, const Verdict& verdict) {
    tx.run(
        QStringLiteral("UPDATE drift_windows SET feature_count = ?, drifted_features = ?, dataset_drift = ?, "
                       "drifted_key_features = ?, retraining = ? WHERE id = ?"),
        {verdict.features, verdict.drifted, verdict.datasetDrift ? 1 : 0,
         QString::fromUtf8(
             QJsonDocument(QJsonArray::fromStringList(verdict.driftedKey)).toJson(QJsonDocument::Compact)),
         verdict.retraining ? 1 : 0, windowId});
}

QList<DriftResult> readResults(const QSqlDatabase& db, const QString& where, qint64 id) {
    QSqlQuery query = SqlQuery::run(
        db,
        QStringLiteral(
            "SELECT r.window_id, r.feature, r.method, r.statistic, r.p_value, r.threshold, r.drifted, "
            "r.monitored FROM drift_results r JOIN drift_windows w ON w.id = r.window_id ") +
            where + QStringLiteral(" ORDER BY w.first_day, w.id, r.feature, r.method"),
        {id});
    QList<DriftResult> rows;
    while (query.next()) {
        DriftResult row;
        row.windowId = query.value(0).toLongLong();
        row.feature = query.value(1).toString();
        row.method = query.value(2).toString();
        row.statistic = realOrNone(query.value(3));
        row.pValue = realOrNone(query.value(4));
        row.threshold = realOrNone(query.value(5));
        if (!query.value(6).isNull())
            row.drifted = query.value(6).toInt() != 0;
        row.monitored = query.value(7).toInt() != 0;
        rows.append(row);
    }
    return rows;
}

QList<DriftFeature> readFeatures(const QSqlDatabase& db, qint64 monitorId) {
    QSqlQuery query = SqlQuery::run(
        db,
        QStringLiteral("SELECT name, type, method, threshold, is_key, reference_count, reference_distinct "
                       "FROM drift_features WHERE monitor_id = ? ORDER BY position"),
        {monitorId});
    QList<DriftFeature> features;
    while (query.next()) {
        DriftFeature f;
        f.name = query.value(0).toString();
        f.type = query.value(1).toString() == QLatin1String("numerical") ? CsvColumnType::Numerical
                                                                         : CsvColumnType::Categorical;
        f.method = query.value(2).toString();
        f.threshold = realOrNone(query.value(3));
        f.key = query.value(4).toInt() != 0;
        f.referenceCount = query.value(5).toLongLong();
        f.referenceDistinct = query.value(6).toLongLong();
        features.append(f);
    }
    return features;
}

DriftMonitor requireMonitor(const Workspace& workspace, qint64 monitorId) {
    const std::optional<DriftMonitor> monitor = DriftMonitors(workspace).monitor(monitorId);
    if (!monitor)
        throw AssayError(QStringLiteral("There is no drift monitor with id %1.").arg(monitorId));
    return *monitor;
}

// The feature list of a new monitor with methods, thresholds and key flags from the spec.
QList<DriftFeature> featuresOf(const DriftMonitorSpec& spec, const DriftReference& reference) {
    QList<DriftFeature> features;
    for (const DriftReferenceColumn& column : reference.columns) {
        DriftFeature f;
        f.name = column.name;
        f.type = column.type;
        f.referenceCount = column.count();
        f.referenceDistinct = column.distinct();
        f.method = spec.methods.value(column.name);
        if (f.method.isEmpty())
            f.method = DriftMethod::defaultFor(
                f.type, reference.rows, static_cast<std::size_t>(f.referenceDistinct), spec.thresholds);
        if (spec.featureThresholds.contains(column.name))
            f.threshold = spec.featureThresholds.value(column.name);
        f.key = spec.keyFeatures.contains(column.name);
        checkRule(f);
        features.append(f);
    }
    const auto requireFeature = [&](const QString& name, const QString& what) {
        if (!reference.column(name))
            throw AssayError(
                QStringLiteral("%1 names \"%2\", which is not a feature of the monitor.").arg(what, name));
    };
    for (const QString& name : spec.keyFeatures)
        requireFeature(name, QStringLiteral("A key feature"));
    for (auto it = spec.methods.cbegin(); it != spec.methods.cend(); ++it)
        requireFeature(it.key(), QStringLiteral("A method"));
    for (auto it = spec.featureThresholds.cbegin(); it != spec.featureThresholds.cend(); ++it)
        requireFeature(it.key(), QStringLiteral("A threshold"));
    return features;
}

void checkSpec(WriteTransaction& tx, const DriftMonitorSpec& spec) {
    if (spec.name.trimmed().isEmpty())
        throw AssayError(QStringLiteral("A drift monitor needs a name."));
    if (SqlQuery::scalar(tx.database(), QStringLiteral("SELECT 1 FROM model_versions WHERE id = ?"),
                         {spec.versionId})
            .isNull())
        throw AssayError(QStringLiteral("There is no model version with id %1.").arg(spec.versionId));
    if (!SqlQuery::scalar(tx.database(),
                          QStringLiteral("SELECT 1 FROM drift_monitors WHERE version_id = ? AND name = ?"),
                          {spec.versionId, spec.name.trimmed()})
             .isNull())
        throw AssayError(QStringLiteral("This version already has a drift monitor named \"%1\".")
                             .arg(spec.name.trimmed()));
    if ((spec.period == DriftPeriod::File) != spec.timestampColumn.isEmpty())
        throw AssayError(
            spec.timestampColumn.isEmpty()
                ? QStringLiteral("Windows by %1 need a timestamp column.").arg(driftPeriodName(spec.period))
                : QStringLiteral("A timestamp column needs windows by day, week or month."));
    const bool performance = spec.metric != PerformanceMetric::None;
    if (performance != (!spec.labelColumn.isEmpty() && !spec.predictionColumn.isEmpty()))
        throw AssayError(performance
                             ? QStringLiteral("A performance metric needs a label and a prediction column.")
                             : QStringLiteral("Label and prediction columns need a performance metric "
                                              "(accuracy, mae or rmse)."));
    spec.thresholds.validate();
}

} // namespace

qint64 DriftMonitors::create(WriteTransaction& tx, const DriftMonitorSpec& spec,
                             const DriftReference& reference) {
    requireMonitorRole(tx, QStringLiteral("set up drift monitors"));
    checkSpec(tx, spec);
    const QList<DriftFeature> features = featuresOf(spec, reference);
    const bool afterApproval = VersionLock::isApproved(tx.database(), spec.versionId);
    const qint64 id = tx.insert(
        QStringLiteral("INSERT INTO drift_monitors (version_id, name, reference_name, reference_sha256, "
                       "reference_rows, timestamp_column, period, label_column, prediction_column, "
                       "performance_metric, reference_performance, thresholds, after_approval, created_at, "
                       "created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
        {spec.versionId, spec.name.trimmed(), reference.name, reference.sha256, reference.rows,
         spec.timestampColumn, driftPeriodName(spec.period), spec.labelColumn, spec.predictionColumn,
         performanceMetricName(spec.metric), optionalReal(reference.performance),
         QString::fromUtf8(QJsonDocument(spec.thresholds.toJson()).toJson(QJsonDocument::Compact)),
         afterApproval ? 1 : 0, tx.now(), tx.actor()});
    QJsonArray featureJson;
    for (qsizetype i = 0; i < features.size(); ++i) {
        const DriftFeature& f = features[i];
        tx.run(
            QStringLiteral("INSERT INTO drift_features (monitor_id, position, name, type, method, threshold, "
                           "is_key, reference_count, reference_distinct, reference_values) "
                           "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
            {id, i, f.name, typeName(f.type), f.method, optionalReal(f.threshold), f.key ? 1 : 0,
             f.referenceCount, f.referenceDistinct, referenceBlob(*reference.column(f.name))});
        featureJson.append(QJsonObject{{QStringLiteral("name"), f.name},
                                       {QStringLiteral("type"), typeName(f.type)},
                                       {QStringLiteral("method"), f.method},
                                       {QStringLiteral("key"), f.key}});
    }
    const DriftMonitor monitor = requireMonitor(tx.workspace(), id);
    tx.audit(QStringLiteral("drift.monitor.create"), modelEntity(monitor),
             {{QStringLiteral("monitor"), id},
              {QStringLiteral("name"), monitor.name},
              {QStringLiteral("version"), monitor.version},
              {QStringLiteral("reference"), reference.name},
              {QStringLiteral("reference_sha256"), reference.sha256},
              {QStringLiteral("reference_rows"), reference.rows},
              {QStringLiteral("period"), driftPeriodName(spec.period)},
              {QStringLiteral("features"), featureJson},
              {QStringLiteral("thresholds"), spec.thresholds.toJson()}});
    tx.changes().add(EntityKind::DriftMonitor, monitor.modelId);
    return id;
}

QList<qint64> DriftMonitors::addWindows(WriteTransaction& tx, qint64 monitorId, const QString& sourceName,
                                        const QString& sourceSha256,
                                        const QList<DriftComputedWindow>& windows) {
    requireMonitorRole(tx, QStringLiteral("add data to drift monitors"));
    const DriftMonitor monitor = requireMonitor(tx.workspace(), monitorId);
    QList<qint64> ids;
    QJsonArray labels;
    for (const DriftComputedWindow& window : windows) {
        const QVariant existing = SqlQuery::scalar(
            tx.database(),
            QStringLiteral("SELECT source_name FROM drift_windows WHERE monitor_id = ? AND label = ?"),
            {monitorId, window.span.label});
        if (!existing.isNull())
            throw AssayError(
                QStringLiteral("%1: window %2 of monitor \"%3\" already has data (from %4); a window "
                               "is added once, so nothing from this file was added.")
                    .arg(sourceName, window.span.label, monitor.name, existing.toString()));
        const QVariant noDay(QMetaType(QMetaType::QString));
        const qint64 windowId = tx.insert(
            QStringLiteral(
                "INSERT INTO drift_windows (monitor_id, label, first_day, last_day, rows, source_name, "
                "source_sha256, performance, feature_count, drifted_features, dataset_drift, retraining, "
                "added_at, added_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, 0, 0, 0, ?, ?)"),
            {monitorId, window.span.label,
             window.span.first.isValid() ? QVariant(window.span.first.toString(Qt::ISODate)) : noDay,
             window.span.last.isValid() ? QVariant(window.span.last.toString(Qt::ISODate)) : noDay,
             window.rows, sourceName, sourceSha256, optionalReal(window.performance), tx.now(), tx.actor()});
        QList<DriftResult> rows;
        for (const DriftColumnResult& column : window.results) {
            rows << resultRows(windowId, column);
            tx.run(
                QStringLiteral("INSERT INTO drift_distributions (window_id, feature, bins) VALUES (?, ?, ?)"),
                {windowId, column.name, QString::fromUtf8(distributionJson(column))});
        }
        const Verdict verdict = judge(monitor, rows);
        storeResults(tx, rows);
        storeVerdict(tx, windowId, verdict);
        ids.append(windowId);
        labels.append(QJsonObject{{QStringLiteral("window"), window.span.label},
                                  {QStringLiteral("rows"), window.rows},
                                  {QStringLiteral("drifted_features"), verdict.drifted},
                                  {QStringLiteral("dataset_drift"), verdict.datasetDrift},
                                  {QStringLiteral("retraining_recommended"), verdict.retraining}});
    }
    tx.audit(QStringLiteral("drift.window.add"), modelEntity(monitor),
             {{QStringLiteral("monitor"), monitorId},
              {QStringLiteral("source"), sourceName},
              {QStringLiteral("sha256"), sourceSha256},
              {QStringLiteral("windows"), labels}});
    tx.changes().add(EntityKind::DriftMonitor, monitor.modelId);
    return ids;
}

void DriftMonitors::setRules(WriteTransaction& tx, qint64 monitorId, const DriftThresholds& thresholds,
                             const QList<DriftFeature>& features) {
    requireMonitorRole(tx, QStringLiteral("change drift thresholds"));
    thresholds.validate();
    DriftMonitor monitor = requireMonitor(tx.workspace(), monitorId);
    monitor.thresholds = thresholds;
    QJsonArray featureJson;
    for (const DriftFeature& rule : features) {
        DriftFeature* feature = nullptr;
        for (DriftFeature& f : monitor.features) {
            if (f.name == rule.name)
                feature = &f;
        }
        if (!feature)
            throw AssayError(
                QStringLiteral("Monitor \"%1\" has no feature \"%2\".").arg(monitor.name, rule.name));
        feature->method = rule.method;
        feature->threshold = rule.threshold;
        feature->key = rule.key;
        checkRule(*feature);
        tx.run(QStringLiteral("UPDATE drift_features SET method = ?, threshold = ?, is_key = ? "
                              "WHERE monitor_id = ? AND name = ?"),
               {feature->method, optionalReal(feature->threshold), feature->key ? 1 : 0, monitorId,
                feature->name});
        QJsonObject ruleJson{{QStringLiteral("name"), feature->name},
                             {QStringLiteral("method"), feature->method},
                             {QStringLiteral("key"), feature->key}};
        if (feature->threshold)
            ruleJson.insert(QStringLiteral("threshold"), *feature->threshold);
        featureJson.append(ruleJson);
    }
    tx.run(QStringLiteral("UPDATE drift_monitors SET thresholds = ? WHERE id = ?"),
           {QString::fromUtf8(QJsonDocument(thresholds.toJson()).toJson(QJsonDocument::Compact)), monitorId});
    const QList<DriftResult> all = DriftMonitors(tx.workspace()).results(monitorId);
    for (const DriftWindow& window : DriftMonitors(tx.workspace()).windows(monitorId)) {
        QList<DriftResult> rows;
        for (const DriftResult& row : all) {
            if (row.windowId == window.id)
                rows.append(row);
        }
        const Verdict verdict = judge(monitor, rows);
        storeResults(tx, rows);
        storeVerdict(tx, window.id, verdict);
    }
    tx.audit(QStringLiteral("drift.monitor.rules"), modelEntity(monitor),
             {{QStringLiteral("monitor"), monitorId},
              {QStringLiteral("thresholds"), thresholds.toJson()},
              {QStringLiteral("features"), featureJson}});
    tx.changes().add(EntityKind::DriftMonitor, monitor.modelId);
}

qint64 DriftMonitors::createFromFile(Workspace& workspace, const DriftMonitorSpec& spec) {
    const DriftReference reference = DriftComputation::readReference(spec);
    qint64 id = 0;
    workspace.write([&](WriteTransaction& tx) { id = create(tx, spec, reference); });
    return id;
}

QList<qint64> DriftMonitors::addFile(Workspace& workspace, qint64 monitorId, const QString& path,
                                     const QString& label) {
    const DriftMonitor monitor = requireMonitor(workspace, monitorId);
    const DriftReference reference = DriftMonitors(workspace).reference(monitorId);
    const QList<DriftComputedWindow> windows =
        DriftComputation::computeWindows(monitor, reference, path, label);
    const QString sha256 = DriftComputation::sha256(path);
    QList<qint64> ids;
    workspace.write([&](WriteTransaction& tx) {
        ids = addWindows(tx, monitorId, QFileInfo(path).fileName(), sha256, windows);
    });
    return ids;
}

QList<DriftMonitor> DriftMonitors::query(const QString& where, std::initializer_list<QVariant> values) const {
    const QSqlDatabase& db = m_workspace.database();
    QSqlQuery query = SqlQuery::run(db, selectMonitors + where, values);
    QList<DriftMonitor> monitors;
    while (query.next()) {
        DriftMonitor m;
        m.id = query.value(0).toLongLong();
        m.versionId = query.value(1).toLongLong();
        m.modelId = query.value(2).toLongLong();
        m.modelName = query.value(3).toString();
        m.version = query.value(4).toInt();
        m.name = query.value(5).toString();
        m.referenceName = query.value(6).toString();
        m.referenceSha256 = query.value(7).toString();
        m.referenceRows = query.value(8).toLongLong();
        m.timestampColumn = query.value(9).toString();
        m.period = driftPeriodFromName(query.value(10).toString()).value_or(DriftPeriod::File);
        m.labelColumn = query.value(11).toString();
        m.predictionColumn = query.value(12).toString();
        m.metric = performanceMetricFromName(query.value(13).toString()).value_or(PerformanceMetric::None);
        m.referencePerformance = realOrNone(query.value(14));
        m.thresholds =
            DriftThresholds::fromJson(QJsonDocument::fromJson(query.value(15).toByteArray()).object());
        m.afterApproval = query.value(16).toInt() != 0;
        m.createdAt = query.value(17).toLongLong();
        m.createdBy = query.value(18).toString();
        monitors.append(m);
    }
    for (DriftMonitor& m : monitors)
        m.features = readFeatures(db, m.id);
    return monitors;
}

QList<DriftMonitor> DriftMonitors::monitors(qint64 modelId) const {
    return query(QStringLiteral("WHERE v.model_id = ? ORDER BY v.version DESC, d.name"), {modelId});
}

QList<DriftMonitor> DriftMonitors::monitorsOfVersion(qint64 versionId) const {
    return query(QStringLiteral("WHERE d.version_id = ? ORDER BY d.name"), {versionId});
}

std::optional<DriftMonitor> DriftMonitors::monitor(qint64 monitorId) const {
    const QList<DriftMonitor> found = query(QStringLiteral("WHERE d.id = ?"), {monitorId});
    return found.isEmpty() ? std::nullopt : std::optional(found.first());
}

std::optional<DriftMonitor> DriftMonitors::monitor(qint64 versionId, const QString& name) const {
    const QList<DriftMonitor> found =
        query(QStringLiteral("WHERE d.version_id = ? AND d.name = ?"), {versionId, name});
    return found.isEmpty() ? std::nullopt : std::optional(found.first());
}

DriftReference DriftMonitors::reference(qint64 monitorId) const {
    const DriftMonitor monitor = requireMonitor(m_workspace, monitorId);
    DriftReference reference;
    reference.name = monitor.referenceName;
    reference.sha256 = monitor.referenceSha256;
    reference.rows = monitor.referenceRows;
    reference.performance = monitor.referencePerformance;
    QSqlQuery query = SqlQuery::run(
        m_workspace.database(),
        QStringLiteral(
            "SELECT name, type, reference_values FROM drift_features WHERE monitor_id = ? ORDER BY position"),
        {monitorId});
    while (query.next()) {
        DriftReferenceColumn column;
        column.name = query.value(0).toString();
        const QByteArray blob = query.value(2).toByteArray();
        if (query.value(1).toString() == QLatin1String("numerical")) {
            column.sorted.resize(static_cast<std::size_t>(blob.size()) / sizeof(double));
            std::memcpy(column.sorted.data(), blob.constData(), column.sorted.size() * sizeof(double));
        } else {
            column.type = CsvColumnType::Categorical;
            const QJsonObject counts = QJsonDocument::fromJson(blob).object();
            for (auto it = counts.constBegin(); it != counts.constEnd(); ++it)
                column.counts[it.key()] = it.value().toDouble();
        }
        reference.columns.append(std::move(column));
    }
    return reference;
}

QList<DriftWindow> DriftMonitors::windows(qint64 monitorId) const {
    QSqlQuery query = SqlQuery::run(
        m_workspace.database(), selectWindows + QStringLiteral("WHERE monitor_id = ? ORDER BY first_day, id"),
        {monitorId});
    QList<DriftWindow> windows;
    while (query.next()) {
        DriftWindow w;
        w.id = query.value(0).toLongLong();
        w.monitorId = query.value(1).toLongLong();
        w.label = query.value(2).toString();
        w.first = QDate::fromString(query.value(3).toString(), Qt::ISODate);
        w.last = QDate::fromString(query.value(4).toString(), Qt::ISODate);
        w.rows = query.value(5).toLongLong();
        w.sourceName = query.value(6).toString();
        w.sourceSha256 = query.value(7).toString();
        w.performance = realOrNone(query.value(8));
        w.featureCount = query.value(9).toInt();
        w.driftedFeatures = query.value(10).toInt();
        w.datasetDrift = query.value(11).toInt() != 0;
        for (const QJsonValue& name : QJsonDocument::fromJson(query.value(12).toByteArray()).array())
            w.driftedKeyFeatures << name.toString();
        w.retrainingRecommended = query.value(13).toInt() != 0;
        w.addedAt = query.value(14).toLongLong();
        w.addedBy = query.value(15).toString();
        windows.append(w);
    }
    return windows;
}

QList<DriftResult> DriftMonitors::results(qint64 monitorId) const {
    return readResults(m_workspace.database(), QStringLiteral("WHERE w.monitor_id = ?"), monitorId);
}

std::optional<DriftDistribution> DriftMonitors::distribution(qint64 windowId, const QString& feature) const {
    const QVariant bins = SqlQuery::scalar(
        m_workspace.database(),
        QStringLiteral("SELECT bins FROM drift_distributions WHERE window_id = ? AND feature = ?"),
        {windowId, feature});
    if (bins.isNull())
        return std::nullopt;
    const QJsonObject json = QJsonDocument::fromJson(bins.toByteArray()).object();
    DriftDistribution distribution;
    distribution.edges = numbers(json.value(QStringLiteral("edges")).toArray());
    for (const QJsonValue& label : json.value(QStringLiteral("labels")).toArray())
        distribution.labels << label.toString();
    distribution.referenceCounts = numbers(json.value(QStringLiteral("reference")).toArray());
    distribution.currentCounts = numbers(json.value(QStringLiteral("current")).toArray());
    return distribution;
}

DriftStatus DriftMonitors::statusOf(const QList<DriftMonitor>& monitors) const {
    DriftStatus status;
    status.monitors = static_cast<int>(monitors.size());
    QDate latestDay;
    for (const DriftMonitor& monitor : monitors) {
        const QList<DriftWindow> windows = this->windows(monitor.id);
        status.windows += static_cast<int>(windows.size());
        if (windows.isEmpty())
            continue;
        const DriftWindow& latest = windows.last();
        if (status.latestWindow.isEmpty() || latest.last > latestDay) {
            status.latestWindow = latest.label;
            latestDay = latest.last;
        }
        if (!latest.retrainingRecommended)
            continue;
        status.retrainingRecommended = true;
        QStringList why;
        if (latest.datasetDrift)
            why << QStringLiteral("dataset drift (%1 of %2 features)")
                       .arg(latest.driftedFeatures)
                       .arg(latest.featureCount);
        if (!latest.driftedKeyFeatures.isEmpty())
            why << QStringLiteral("key feature%1 %2 drifted")
                       .arg(latest.driftedKeyFeatures.size() > 1 ? QStringLiteral("s") : QString(),
                            latest.driftedKeyFeatures.join(QStringLiteral(", ")));
        status.reasons << QStringLiteral("Monitor \"%1\" on version %2: %3 in %4.")
                              .arg(monitor.name)
                              .arg(monitor.version)
                              .arg(why.join(QStringLiteral(" and ")), latest.label);
    }
    return status;
}

DriftStatus DriftMonitors::status(qint64 modelId) const {
    return statusOf(monitors(modelId));
}

DriftStatus DriftMonitors::versionStatus(qint64 versionId) const {
    return statusOf(monitorsOfVersion(versionId));
}

QJsonValue DriftMonitors::evidenceSummary(qint64 versionId) const {
    QJsonArray summary;
    for (const DriftMonitor& monitor : monitorsOfVersion(versionId)) {
        if (monitor.afterApproval)
            continue;
        QJsonArray features;
        for (const DriftFeature& f : monitor.features)
            features.append(
                QJsonObject{{QStringLiteral("name"), f.name}, {QStringLiteral("type"), typeName(f.type)}});
        summary.append(QJsonObject{{QStringLiteral("name"), monitor.name},
                                   {QStringLiteral("reference"), monitor.referenceName},
                                   {QStringLiteral("reference_sha256"), monitor.referenceSha256},
                                   {QStringLiteral("reference_rows"), monitor.referenceRows},
                                   {QStringLiteral("period"), driftPeriodName(monitor.period)},
                                   {QStringLiteral("features"), features}});
    }
    return summary.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(summary);
}

} // namespace assay
