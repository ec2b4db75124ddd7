#include "MlflowImporter.h"

#include "MlflowStoreReader.h"
#include "core/base/AssayError.h"
#include "core/base/SqlQuery.h"
#include "core/registry/Registry.h"
#include "core/tracking/MetricStore.h"
#include "core/tracking/Tracking.h"
#include "core/workspace/Workspace.h"
#include "core/workspace/WriteTransaction.h"

#include <QJsonObject>

#include <algorithm>
#include <memory>

namespace assay {
namespace {

// Thrown inside a write to roll it back: the user cancelled, or nothing in the experiment or
// model differs from what the workspace holds already (so an import of an unchanged store leaves
// no trace, not even an audit event).
struct Cancelled {};
struct NothingChanged {};

// MLflow's system tags (mlflow/utils/mlflow_tags.py).
const QString runNameTag = QStringLiteral("mlflow.runName");
const QString userTag = QStringLiteral("mlflow.user");
const QString gitCommitTag = QStringLiteral("mlflow.source.git.commit");
const QString sourceNameTag = QStringLiteral("mlflow.source.name");
const QString parentRunTag = QStringLiteral("mlflow.parentRunId");
const QString noteTag = QStringLiteral("mlflow.note.content");

QString firstNonEmpty(const QString& first, const QString& second) {
    return first.isEmpty() ? second : first;
}

bool usableKey(const QString& key) {
    return !key.trimmed().isEmpty();
}

// The entries of wanted that stored lacks or holds with another value.
QMap<QString, QString> changedEntries(const QMap<QString, QString>& wanted,
                                      const QMap<QString, QString>& stored, const QString& location,
                                      const QString& what, QList<MlflowSkippedItem>& skipped) {
    QMap<QString, QString> changed;
    for (auto it = wanted.cbegin(); it != wanted.cend(); ++it) {
        if (!usableKey(it.key())) {
            skipped.append({location, QStringLiteral("a %1 with an empty key was left out").arg(what)});
            continue;
        }
        const auto found = stored.constFind(it.key());
        if (found == stored.cend() || *found != it.value())
            changed.insert(it.key(), it.value());
    }
    return changed;
}

} // namespace

MlflowImporter::MlflowImporter(Workspace& workspace, MlflowStoreReader& reader, const Progress& progress)
    : m_workspace(workspace)
    , m_reader(reader)
    , m_progress(progress) {}

MlflowImportSummary MlflowImporter::importStore(Workspace& workspace, const QString& path,
                                                const Progress& progress) {
    const std::unique_ptr<MlflowStoreReader> reader = MlflowStoreReader::open(path);
    return importStore(workspace, *reader, progress);
}

MlflowImportSummary MlflowImporter::importStore(Workspace& workspace, MlflowStoreReader& reader,
                                                const Progress& progress) {
    return MlflowImporter(workspace, reader, progress).run();
}

MlflowImportSummary MlflowImporter::run() {
    m_summary.source = m_reader.path();
    m_summary.description = m_reader.description();
    const QList<MlflowExperiment> experiments = m_reader.experiments();
    const QList<MlflowRegisteredModel> models = m_reader.registeredModels();
    m_summary.skipped += m_reader.takeSkipped();
    for (const MlflowExperiment& experiment : experiments)
        m_total += experiment.runCount;
    m_total += static_cast<int>(models.size());

    for (const MlflowExperiment& experiment : experiments) {
        if (!importExperiment(experiment)) {
            m_summary.cancelled = true;
            return m_summary;
        }
    }
    // After the runs, so that each version finds the run it came from.
    for (const MlflowRegisteredModel& model : models) {
        if (!importModel(model)) {
            m_summary.cancelled = true;
            return m_summary;
        }
    }
    return m_summary;
}

void MlflowImporter::advance() {
    ++m_done;
    if (m_progress && !m_progress(m_done, m_total))
        throw Cancelled{};
}

bool MlflowImporter::importExperiment(const MlflowExperiment& experiment) {
    Tally tally;
    try {
        m_workspace.write([&](WriteTransaction& tx) {
            const qint64 experimentId = experimentFor(tx, experiment, tally);
            m_reader.readRuns(experiment, [&](MlflowRun& run) {
                importRun(tx, experimentId, experiment, run, tally);
                advance();
            });
            resolveParents(tx, tally);
            tally.skipped += m_reader.takeSkipped();
            if (!tally.changedAnything())
                throw NothingChanged{};
            tx.audit(QStringLiteral("import.mlflow"), QStringLiteral("experiment:") + experiment.name,
                     {{QStringLiteral("source"), m_reader.path()},
                      {QStringLiteral("store"), m_reader.description()},
                      {QStringLiteral("mlflow_experiment_id"), experiment.id},
                      {QStringLiteral("runs_added"), static_cast<qint64>(tally.runsAdded.size())},
                      {QStringLiteral("runs_updated"), static_cast<qint64>(tally.runsUpdated.size())},
                      {QStringLiteral("points_added"), tally.points},
                      {QStringLiteral("skipped"), static_cast<qint64>(tally.skipped.size())}});
        });
    } catch (const NothingChanged&) {
        // Rolled back an empty transaction; the skipped items still stand.
    } catch (const Cancelled&) {
        m_reader.takeSkipped();
        return false;
    } catch (const AssayError& error) {
        throw AssayError(
            QStringLiteral("Importing experiment \"%1\" of %2 failed, and nothing of it was written "
                           "(experiments imported before it are kept): %3")
                .arg(experiment.name, m_reader.path(), error.message()));
    }
    if (tally.experimentCreated)
        ++m_summary.experimentsAdded;
    else if (tally.changedAnything())
        ++m_summary.experimentsUpdated;
    m_summary.runsAdded += static_cast<int>(tally.runsAdded.size());
    m_summary.runsUpdated += static_cast<int>(tally.runsUpdated.size());
    m_summary.pointsAdded += tally.points;
    m_summary.skipped += tally.skipped;
    return true;
}

qint64 MlflowImporter::experimentFor(WriteTransaction& tx, const MlflowExperiment& experiment, Tally& tally) {
    std::optional<qint64> id;
    bool created = false;
    QSqlQuery& mapped = tx.cached(QStringLiteral(
        "SELECT m.experiment_id, m.created FROM mlflow_experiment_imports m JOIN experiments e "
        "ON e.id = m.experiment_id WHERE m.source = ? AND m.mlflow_experiment_id = ?"));
    SqlQuery::bind(mapped, m_reader.path());
    SqlQuery::bind(mapped, experiment.id);
    SqlQuery::exec(mapped);
    if (mapped.next()) {
        id = mapped.value(0).toLongLong();
        created = mapped.value(1).toBool();
    }
    mapped.finish();

    if (!id) {
        // First import from this store: an experiment of the same name takes the runs in (two
        // stores' "Default" experiments become one); otherwise the import creates it.
        const QVariant byName = SqlQuery::scalar(
            tx.database(), QStringLiteral("SELECT id FROM experiments WHERE name = ?"), {experiment.name});
        if (!byName.isNull()) {
            id = byName.toLongLong();
        } else {
            id = Tracking::createExperiment(tx, experiment.name, experiment.tags.value(noteTag),
                                            experiment.createdAt);
            created = true;
            tally.experimentCreated = true;
        }
        tx.run(
            QStringLiteral("INSERT OR REPLACE INTO mlflow_experiment_imports (source, mlflow_experiment_id, "
                           "experiment_id, created) VALUES (?, ?, ?, ?)"),
            {m_reader.path(), experiment.id, *id, created ? 1 : 0});
    }

    // The lifecycle of an experiment that the import created follows MLflow's (deleted, restored);
    // one merged by name keeps its own.
    if (created) {
        const bool deleted =
            SqlQuery::scalar(tx.database(), QStringLiteral("SELECT lifecycle FROM experiments WHERE id = ?"),
                             {*id})
                .toString() == QLatin1String("deleted");
        if (deleted != experiment.deleted) {
            Tracking::setExperimentDeleted(tx, *id, experiment.deleted);
            tally.experimentChanged = true;
        }
    }
    const QMap<QString, QString> tags =
        changedEntries(experiment.tags, Tracking(m_workspace).experimentTags(*id), experiment.location,
                       QStringLiteral("tag"), tally.skipped);
    if (!tags.isEmpty()) {
        Tracking::setExperimentTags(tx, *id, tags);
        tally.experimentChanged = true;
    }
    return *id;
}

std::optional<qint64> MlflowImporter::runIdOf(WriteTransaction& tx, const QString& uid) {
    QSqlQuery& find = tx.cached(QStringLiteral("SELECT id FROM runs WHERE uid = ?"));
    SqlQuery::bind(find, uid);
    SqlQuery::exec(find);
    const std::optional<qint64> id =
        find.next() ? std::optional<qint64>(find.value(0).toLongLong()) : std::nullopt;
    find.finish();
    return id;
}

// The run's attributes as MLflow has them, with MLflow's system tags read as its UI reads them.
Run MlflowImporter::runFrom(qint64 experimentId, const MlflowExperiment& experiment,
                            const MlflowRun& source) {
    Run run;
    run.uid = source.uid;
    run.experimentId = experimentId;
    run.name = firstNonEmpty(source.name, source.tags.value(runNameTag));
    run.status = source.status;
    // MLflow's UI shows the mlflow.user tag before the run's user_id; so does Assay.
    run.user = firstNonEmpty(source.tags.value(userTag), source.user);
    run.startTime = source.startTime;
    run.endTime = source.endTime;
    run.sourceCommit = firstNonEmpty(source.tags.value(gitCommitTag), source.sourceVersion);
    run.sourceName = firstNonEmpty(source.tags.value(sourceNameTag), source.sourceName);
    // Runs of a deleted experiment are hidden with it, even where their own meta.yaml still says
    // active (older file stores only moved the experiment folder to .trash/).
    run.deleted = source.deleted || experiment.deleted;
    return run;
}

void MlflowImporter::importRun(WriteTransaction& tx, qint64 experimentId, const MlflowExperiment& experiment,
                               MlflowRun& source, Tally& tally) {
    Run run = runFrom(experimentId, experiment, source);
    const QString parentUid = source.tags.value(parentRunTag);
    const std::optional<qint64> parentId =
        parentUid.isEmpty() || parentUid == source.uid ? std::nullopt : runIdOf(tx, parentUid);
    const auto [runId, isNew] = storeRun(tx, run, parentId, tally);
    // A run imported before counts as updated when anything of it changed.
    const bool paramsChanged = importParams(tx, runId, isNew, source, tally);
    const bool tagsChanged = importTags(tx, runId, isNew, source, tally);
    const bool inputsChanged = importInputs(tx, runId, isNew, source, tally);
    if (!isNew && (paramsChanged || tagsChanged || inputsChanged))
        tally.runsUpdated.insert(runId);
    importMetrics(tx, runId, isNew, source, tally);
}

// Creates the run, or updates the one imported before (which keeps the experiment it is in);
// returns its id and whether it is new.
std::pair<qint64, bool> MlflowImporter::storeRun(WriteTransaction& tx, Run& run,
                                                 std::optional<qint64> parentId, Tally& tally) {
    QSqlQuery& find = tx.cached(QStringLiteral("SELECT id, parent_run_id FROM runs WHERE uid = ?"));
    SqlQuery::bind(find, run.uid);
    SqlQuery::exec(find);
    std::optional<qint64> existingId;
    std::optional<qint64> storedParent;
    if (find.next()) {
        existingId = find.value(0).toLongLong();
        if (!find.value(1).isNull())
            storedParent = find.value(1).toLongLong();
    }
    find.finish();

    if (!existingId) {
        run.parentRunId = parentId;
        const qint64 runId = Tracking::createRun(tx, run);
        tally.runsAdded.insert(runId);
        return {runId, true};
    }
    // A run imported before keeps the experiment it is in; its attributes follow MLflow's.
    run.id = *existingId;
    run.parentRunId = parentId ? parentId : storedParent;
    if (Tracking::updateRun(tx, run))
        tally.runsUpdated.insert(run.id);
    return {run.id, false};
}

bool MlflowImporter::importParams(WriteTransaction& tx, qint64 runId, bool isNew, const MlflowRun& source,
                                  Tally& tally) {
    // Params cannot change, in MLflow as in Assay: a value that differs is reported, not written.
    const QMap<QString, QString> storedParams =
        isNew ? QMap<QString, QString>() : Tracking(m_workspace).params(runId);
    QMap<QString, QString> params =
        changedEntries(source.params, storedParams, source.location, QStringLiteral("param"), tally.skipped);
    for (auto it = params.begin(); it != params.end();) {
        if (storedParams.contains(it.key())) {
            tally.skipped.append(
                {source.location, QStringLiteral("param \"%1\" is \"%2\" in MLflow but \"%3\" in the "
                                                 "workspace; params cannot change, so the "
                                                 "workspace's value was kept")
                                      .arg(it.key(), it.value(), storedParams.value(it.key()))});
            it = params.erase(it);
        } else {
            ++it;
        }
    }
    if (params.isEmpty())
        return false;
    Tracking::logParams(tx, runId, params);
    return true;
}

bool MlflowImporter::importTags(WriteTransaction& tx, qint64 runId, bool isNew, const MlflowRun& source,
                                Tally& tally) {
    const QMap<QString, QString> tags =
        changedEntries(source.tags, isNew ? QMap<QString, QString>() : Tracking(m_workspace).tags(runId),
                       source.location, QStringLiteral("tag"), tally.skipped);
    if (tags.isEmpty())
        return false;
    Tracking::setTags(tx, runId, tags);
    return true;
}

// Dataset inputs MLflow logged that the workspace does not have yet; one without a name or digest
// cannot be told apart from another and is left out, with a note.
bool MlflowImporter::importInputs(WriteTransaction& tx, qint64 runId, bool isNew, const MlflowRun& source,
                                  Tally& tally) {
    const QList<DatasetInput> storedInputs =
        isNew ? QList<DatasetInput>() : Tracking(m_workspace).inputs(runId);
    QList<DatasetInput> inputs;
    for (const DatasetInput& input : source.inputs) {
        if (input.name.isEmpty() || input.digest.isEmpty()) {
            tally.skipped.append(
                {source.location, QStringLiteral("a dataset input without a name or digest was "
                                                 "left out")});
            continue;
        }
        const bool known =
            std::any_of(storedInputs.cbegin(), storedInputs.cend(), [&](const DatasetInput& stored) {
                return stored.name == input.name && stored.digest == input.digest &&
                       stored.source == input.source && stored.context == input.context;
            });
        if (!known)
            inputs.append(input);
    }
    if (inputs.isEmpty())
        return false;
    Tracking::logInputs(tx, runId, inputs);
    return true;
}

void MlflowImporter::importMetrics(WriteTransaction& tx, qint64 runId, bool isNew, MlflowRun& source,
                                   Tally& tally) {
    QHash<QString, qint64> imported;
    if (!isNew) {
        QSqlQuery& query =
            tx.cached(QStringLiteral("SELECT key, points FROM mlflow_metric_imports WHERE run_id = ?"));
        SqlQuery::bind(query, runId);
        SqlQuery::exec(query);
        while (query.next())
            imported.insert(query.value(0).toString(), query.value(1).toLongLong());
        query.finish();
    }
    std::map<QString, MetricSeries> batch;
    for (auto& [key, series] : source.metrics) {
        if (!usableKey(key)) {
            tally.skipped.append(
                {source.location, QStringLiteral("a metric with an empty key was left out")});
            continue;
        }
        const qint64 before = imported.value(key, 0);
        const auto count = static_cast<qint64>(series.size());
        if (count < before) {
            tally.skipped.append(
                {source.location, QStringLiteral("metric \"%1\" has %2 points in MLflow, fewer than "
                                                 "the %3 imported before; it was left as it is")
                                      .arg(key)
                                      .arg(count)
                                      .arg(before)});
            continue;
        }
        if (count == before)
            continue;
        if (before == 0) {
            batch.emplace(key, std::move(series));
            continue;
        }
        MetricSeries& tail = batch[key];
        const auto from = static_cast<std::ptrdiff_t>(before);
        tail.steps.assign(series.steps.begin() + from, series.steps.end());
        tail.timestamps.assign(series.timestamps.begin() + from, series.timestamps.end());
        tail.values.assign(series.values.begin() + from, series.values.end());
    }
    if (batch.empty())
        return;
    MetricStore::log(tx, runId, batch);
    QSqlQuery& record = tx.cached(QStringLiteral(
        "INSERT OR REPLACE INTO mlflow_metric_imports (run_id, key, points) VALUES (?, ?, ?)"));
    for (const auto& [key, tail] : batch) {
        const auto added = static_cast<qint64>(tail.size());
        SqlQuery::bind(record, runId);
        SqlQuery::bind(record, key);
        SqlQuery::bind(record, imported.value(key, 0) + added);
        SqlQuery::exec(record);
        tally.points += added;
    }
    if (!isNew)
        tally.runsUpdated.insert(runId);
}

void MlflowImporter::resolveParents(WriteTransaction& tx, Tally& tally) {
    QList<std::pair<qint64, qint64>> links;
    {
        QSqlQuery query = SqlQuery::run(
            tx.database(),
            QStringLiteral(
                "SELECT r.id, p.id FROM tags t JOIN runs r ON r.id = t.run_id JOIN runs p ON p.uid = "
                "t.value WHERE t.key = ? AND p.id != r.id AND (r.parent_run_id IS NULL OR "
                "r.parent_run_id != p.id)"),
            {parentRunTag});
        while (query.next())
            links.append({query.value(0).toLongLong(), query.value(1).toLongLong()});
    }
    const Tracking tracking(m_workspace);
    for (const auto& [childId, parentId] : links) {
        std::optional<Run> child = tracking.run(childId);
        child->parentRunId = parentId;
        if (Tracking::updateRun(tx, *child) && !tally.runsAdded.contains(childId))
            tally.runsUpdated.insert(childId);
    }
}

bool MlflowImporter::importModel(const MlflowRegisteredModel& source) {
    Tally tally;
    try {
        m_workspace.write([&](WriteTransaction& tx) {
            const Registry registry(m_workspace);
            const qint64 modelId = modelFor(tx, registry, source, tally);
            importModelTags(tx, registry, modelId, source, tally);
            importModelVersions(tx, registry, modelId, source, tally);
            importModelAliases(tx, registry, modelId, source, tally);
            advance();
            if (!tally.changedAnything())
                throw NothingChanged{};
            tx.audit(QStringLiteral("import.mlflow"), QStringLiteral("model:") + source.name,
                     {{QStringLiteral("source"), m_reader.path()},
                      {QStringLiteral("store"), m_reader.description()},
                      {QStringLiteral("versions_added"), tally.versionsAdded},
                      {QStringLiteral("skipped"), static_cast<qint64>(tally.skipped.size())}});
        });
    } catch (const NothingChanged&) {
    } catch (const Cancelled&) {
        return false;
    } catch (const AssayError& error) {
        throw AssayError(
            QStringLiteral("Importing registered model \"%1\" of %2 failed, and nothing of it was "
                           "written (what was imported before it is kept): %3")
                .arg(source.name, m_reader.path(), error.message()));
    }
    if (tally.modelCreated)
        ++m_summary.modelsAdded;
    else if (tally.changedAnything())
        ++m_summary.modelsUpdated;
    m_summary.versionsAdded += tally.versionsAdded;
    m_summary.skipped += tally.skipped;
    return true;
}

qint64 MlflowImporter::modelFor(WriteTransaction& tx, const Registry& registry,
                                const MlflowRegisteredModel& source, Tally& tally) {
    if (const std::optional<RegisteredModel> existing = registry.modelByName(source.name))
        return existing->id;
    const qint64 modelId = Registry::createModel(tx, source.name, source.description, source.createdAt);
    tally.modelCreated = true;
    return modelId;
}

void MlflowImporter::importModelTags(WriteTransaction& tx, const Registry& registry, qint64 modelId,
                                     const MlflowRegisteredModel& source, Tally& tally) {
    const QMap<QString, QString> tags = changedEntries(source.tags, registry.modelTags(modelId),
                                                       source.location, QStringLiteral("tag"), tally.skipped);
    if (!tags.isEmpty()) {
        Registry::setModelTags(tx, modelId, tags);
        tally.modelChanged = true;
    }
}

void MlflowImporter::importModelVersions(WriteTransaction& tx, const Registry& registry, qint64 modelId,
                                         const MlflowRegisteredModel& source, Tally& tally) {
    QHash<int, ModelVersion> stored;
    for (const ModelVersion& version : registry.versions(modelId))
        stored.insert(version.version, version);
    for (const MlflowModelVersion& version : source.versions) {
        const auto existing = stored.constFind(version.version);
        if (existing == stored.cend()) {
            std::optional<qint64> runId;
            if (!version.runUid.isEmpty()) {
                runId = runIdOf(tx, version.runUid);
                if (!runId)
                    tally.skipped.append(
                        {version.location, QStringLiteral("run %1 is not in the workspace; the version was "
                                                          "registered without its run")
                                               .arg(version.runUid)});
            }
            Registry::createNumberedVersion(tx, modelId, version.version, runId, version.stage,
                                            version.description, version.createdAt);
            ++tally.versionsAdded;
        } else if (existing->stage != version.stage) {
            Registry::setStage(tx, modelId, version.version, version.stage);
            tally.modelChanged = true;
        }
    }
}

void MlflowImporter::importModelAliases(WriteTransaction& tx, const Registry& registry, qint64 modelId,
                                        const MlflowRegisteredModel& source, Tally& tally) {
    for (auto it = source.aliases.cbegin(); it != source.aliases.cend(); ++it) {
        if (registry.aliasVersion(modelId, it.key()) == it.value())
            continue;
        try {
            // setAlias checks the alias and the version before it writes anything.
            Registry::setAlias(tx, modelId, it.key(), it.value(), QStringLiteral("imported from MLflow"));
            tally.modelChanged = true;
        } catch (const AssayError& error) {
            tally.skipped.append(
                {source.location,
                 QStringLiteral("alias \"%1\" was left out: %2").arg(it.key(), error.message())});
        }
    }
}

} // namespace assay
