#pragma once

#include "MlflowImportSummary.h"

#include <QSet>
#include <QString>

#include <functional>
#include <optional>
#include <utility>

namespace assay {

class MlflowStoreReader;
class Registry;
class Workspace;
class WriteTransaction;
struct MlflowExperiment;
struct MlflowRegisteredModel;
struct MlflowRun;
struct Run;

// Brings an MLflow store (an mlruns/ folder or an MLflow SQLite database) into a workspace:
// experiments with their tags, runs with params, tags, metric histories and dataset inputs, and
// the model registry. MLflow's run ids become run uids; system tags fill the run's fields
// (mlflow.runName, mlflow.user, mlflow.source.git.commit, mlflow.source.name,
// mlflow.parentRunId); deleted runs and experiments are kept as deleted.
//
// Importing the same store again adds only what is new there: runs, metric points after those
// imported before (a history is append-only in the source's order, duplicates and all), new or
// changed tags, params, inputs, run attributes, versions, stages and alias moves. Each
// experiment is one write transaction, then each registered model, with an "import.mlflow" audit
// event beside the events of the writes themselves; an experiment in which nothing changed writes
// nothing at all.
class MlflowImporter {
public:
    // Called after each run and each registered model with (done, total); returning false
    // cancels: the experiment in progress is rolled back, those before it stay imported.
    using Progress = std::function<bool(int done, int total)>;

    // Refuses, before writing anything, a path that is not an MLflow store (AssayError naming
    // it). A failure while writing rolls back the experiment at hand and is thrown; what was
    // imported before it stays.
    static MlflowImportSummary importStore(Workspace& workspace, const QString& path,
                                           const Progress& progress = {});
    static MlflowImportSummary importStore(Workspace& workspace, MlflowStoreReader& reader,
                                           const Progress& progress = {});

private:
    // What one transaction changed; added to the summary once it commits.
    struct Tally {
        bool experimentCreated = false;
        bool experimentChanged = false;
        QSet<qint64> runsAdded;
        QSet<qint64> runsUpdated;
        qint64 points = 0;
        bool modelCreated = false;
        bool modelChanged = false;
        int versionsAdded = 0;
        QList<MlflowSkippedItem> skipped;

        bool changedAnything() const {
            return experimentCreated || experimentChanged || !runsAdded.isEmpty() || !runsUpdated.isEmpty() ||
                   points > 0 || modelCreated || modelChanged || versionsAdded > 0;
        }
    };

    MlflowImporter(Workspace& workspace, MlflowStoreReader& reader, const Progress& progress);

    MlflowImportSummary run();
    // Each returns false when the progress callback cancelled.
    bool importExperiment(const MlflowExperiment& experiment);
    bool importModel(const MlflowRegisteredModel& model);
    qint64 experimentFor(WriteTransaction& tx, const MlflowExperiment& experiment, Tally& tally);
    void importRun(WriteTransaction& tx, qint64 experimentId, const MlflowExperiment& experiment,
                   MlflowRun& source, Tally& tally);
    static Run runFrom(qint64 experimentId, const MlflowExperiment& experiment, const MlflowRun& source);
    static std::pair<qint64, bool> storeRun(WriteTransaction& tx, Run& run, std::optional<qint64> parentId,
                                            Tally& tally);
    // Each writes what the workspace lacks and returns whether it wrote anything.
    bool importParams(WriteTransaction& tx, qint64 runId, bool isNew, const MlflowRun& source, Tally& tally);
    bool importTags(WriteTransaction& tx, qint64 runId, bool isNew, const MlflowRun& source, Tally& tally);
    bool importInputs(WriteTransaction& tx, qint64 runId, bool isNew, const MlflowRun& source, Tally& tally);
    // Appends the points after those imported before, moving them out of source.
    void importMetrics(WriteTransaction& tx, qint64 runId, bool isNew, MlflowRun& source, Tally& tally);
    // Links runs to parents named by their mlflow.parentRunId tag: a parent may come after its
    // children, or in another experiment.
    void resolveParents(WriteTransaction& tx, Tally& tally);
    std::optional<qint64> runIdOf(WriteTransaction& tx, const QString& uid);
    // The workspace's model of that name, created if there is none.
    static qint64 modelFor(WriteTransaction& tx, const Registry& registry,
                           const MlflowRegisteredModel& source, Tally& tally);
    static void importModelTags(WriteTransaction& tx, const Registry& registry, qint64 modelId,
                                const MlflowRegisteredModel& source, Tally& tally);
    // Adds the versions the workspace lacks and moves those it has to MLflow's stage.
    void importModelVersions(WriteTransaction& tx, const Registry& registry, qint64 modelId,
                             const MlflowRegisteredModel& source, Tally& tally);
    static void importModelAliases(WriteTransaction& tx, const Registry& registry, qint64 modelId,
                                   const MlflowRegisteredModel& source, Tally& tally);
    void advance();

    Workspace& m_workspace;
    MlflowStoreReader& m_reader;
    Progress m_progress;
    MlflowImportSummary m_summary;
    int m_done = 0;
    int m_total = 0;
};

} // namespace assay
