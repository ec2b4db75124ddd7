#pragma once

#include "MlflowStoreReader.h"

#include <QByteArrayView>
#include <QHash>

#include <optional>

namespace assay {

// MLflow's file store: an mlruns/ folder of experiment folders (meta.yaml, tags/), each holding
// run folders (meta.yaml, params/, tags/, metrics/, inputs/), deleted experiments under .trash/,
// datasets under <experiment>/datasets/, and the model registry under models/. Keys containing
// '/' are nested folders. MLflow 3's logged-model folders (<experiment>/models/) and traces are
// not runs and are not read.
class MlflowFileStoreReader : public MlflowStoreReader {
public:
    explicit MlflowFileStoreReader(const QString& root);

    // Whether folder looks like an mlruns/ folder: it has .trash/ or an experiment folder with a
    // meta.yaml.
    static bool looksLikeStore(const QString& folder);

    struct MetricPoint {
        qint64 timestamp = 0; // ms since the epoch
        double value = 0;
        qint64 step = 0;
    };
    // One line of a metric file, split on single spaces as MLflow does:
    //   "<timestamp> <value>"                    MLflow before 1.0: no step (read as step 0), and
    //                                            the timestamp in seconds (converted to ms here);
    //   "<timestamp> <value> <step>"             MLflow 1.0 and later;
    //   "<timestamp> <value> <step> <dataset name> <dataset digest>"
    //                                            MLflow 3, a metric logged against a dataset (the
    //                                            dataset fields are not kept).
    // The value may be nan, inf or -inf. Returns nothing, with the reason in *error, for a line
    // of any other shape.
    static std::optional<MetricPoint> parseMetricLine(QByteArrayView line, QString* error);

    QString description() const override;
    QList<MlflowExperiment> experiments() override;
    void readRuns(const MlflowExperiment& experiment, const RunSink& sink) override;
    QList<MlflowRegisteredModel> registeredModels() override;

private:
    struct Dataset {
        QString name;
        QString digest;
        QString source;
    };

    std::optional<MlflowExperiment> readExperiment(const QString& folder, bool trashed);
    std::optional<MlflowRun> readRun(const QString& folder, const MlflowExperiment& experiment,
                                     const QHash<QString, Dataset>& datasets);
    QHash<QString, Dataset> readDatasets(const QString& experimentFolder);
    QList<DatasetInput> readInputs(const QString& runFolder, const QHash<QString, Dataset>& datasets);
    void readMetrics(const QString& folder, MlflowRun& run);
    // The files under folder, nested ones included, as key -> content: params and tags.
    QMap<QString, QString> readKeyValues(const QString& folder);
    std::optional<MlflowRegisteredModel> readModel(const QString& folder);
    // The model as its meta.yaml describes it, without tags and versions: nothing, and a skipped
    // item, if that file cannot be used.
    std::optional<MlflowRegisteredModel> readModelMeta(const QString& folder);
    // aliases/<alias> holds the version number; it is what MLflow reads, so it overrides an alias
    // of the same name in meta.yaml.
    void readAliasFiles(const QString& aliasFolder, QMap<QString, int>& aliases);
    // The live versions, by version number.
    QList<MlflowModelVersion> readModelVersions(const QString& modelFolder);

    QString m_root;
};

} // namespace assay
