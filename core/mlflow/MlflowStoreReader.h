#pragma once

#include "MlflowExperiment.h"
#include "MlflowRegisteredModel.h"
#include "MlflowRun.h"
#include "MlflowSkippedItem.h"

#include <QList>
#include <QString>

#include <functional>
#include <memory>

namespace assay {

// Reads an MLflow tracking store and its model registry, never writing to it. What cannot be
// read (a malformed meta.yaml, a bad metric line, an unknown status) is left out and noted as a
// skipped item with its location; everything else is read. A reader is used on the thread that
// opened it (a database reader holds its own connection), like a Workspace.
class MlflowStoreReader {
public:
    using RunSink = std::function<void(MlflowRun& run)>;

    virtual ~MlflowStoreReader() = default;
    MlflowStoreReader(const MlflowStoreReader&) = delete;
    MlflowStoreReader& operator=(const MlflowStoreReader&) = delete;

    // An mlruns/ folder (or a folder holding one) gives an MlflowFileStoreReader, an SQLite file
    // an MlflowSqliteReader; "file:" and "sqlite:///" URIs are accepted. Anything else, and an
    // SQLite file that is not an MLflow store, is refused with an AssayError naming the file.
    static std::unique_ptr<MlflowStoreReader> open(const QString& path);

    // The canonical path of the store.
    const QString& path() const { return m_path; }
    virtual QString description() const = 0;

    // Experiments, live ones first, each in MLflow's id order.
    virtual QList<MlflowExperiment> experiments() = 0;
    // Reads the runs of one experiment, complete with params, tags, metric histories and dataset
    // inputs, and hands each to sink in a stable order.
    virtual void readRuns(const MlflowExperiment& experiment, const RunSink& sink) = 0;
    virtual QList<MlflowRegisteredModel> registeredModels() = 0;

    // The items skipped since the last call.
    QList<MlflowSkippedItem> takeSkipped();

protected:
    explicit MlflowStoreReader(const QString& path)
        : m_path(path) {}
    void skip(const QString& location, const QString& reason);

private:
    QString m_path;
    QList<MlflowSkippedItem> m_skipped;
};

} // namespace assay
