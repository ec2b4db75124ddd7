#include "MlflowFileStoreReader.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QVarLengthArray>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <limits>
#include <string>
#include <yaml-cpp/yaml.h>

namespace assay {
namespace {

// Folders inside an experiment folder that are not runs (MLflow's FileStore keeps the same list,
// plus models/ for MLflow 3's logged models).
const QStringList reservedExperimentFolders{QStringLiteral("tags"), QStringLiteral("datasets"),
                                            QStringLiteral("traces"), QStringLiteral("models")};

const QString metaFile = QStringLiteral("meta.yaml");

// A meta.yaml that cannot be used, with the place (path or path:line) and the reason.
struct MetaError {
    QString location;
    QString reason;
};

QString at(const QString& path, const YAML::Mark& mark) {
    return mark.is_null() ? path : QStringLiteral("%1:%2").arg(path).arg(mark.line + 1);
}

QByteArray readAll(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        throw MetaError{path, QStringLiteral("cannot read the file (%1)").arg(file.errorString())};
    return file.readAll();
}

// The document of a meta.yaml, which must be a mapping.
YAML::Node loadMeta(const QString& path) {
    const QByteArray bytes = readAll(path);
    YAML::Node node;
    try {
        node = YAML::Load(std::string(bytes.constData(), static_cast<std::size_t>(bytes.size())));
    } catch (const YAML::Exception& error) {
        throw MetaError{at(path, error.mark),
                        QStringLiteral("not valid YAML: %1").arg(QString::fromStdString(error.msg))};
    }
    if (!node.IsMap())
        throw MetaError{path, QStringLiteral("not a YAML mapping of fields")};
    return node;
}

// One field of a meta.yaml: absent and null give nothing; a list or mapping where text belongs
// is an error that names the field and its line.
class Meta {
public:
    Meta(const QString& path, YAML::Node node)
        : m_path(path)
        , m_node(std::move(node)) {}

    const QString& path() const { return m_path; }
    const YAML::Node& node() const { return m_node; }

    std::optional<QString> text(const char* field) const {
        const YAML::Node value = m_node[field];
        if (!value.IsDefined() || value.IsNull())
            return std::nullopt;
        if (!value.IsScalar())
            throw MetaError{at(m_path, value.Mark()),
                            QStringLiteral("\"%1\" is not a single value").arg(QLatin1String(field))};
        return QString::fromStdString(value.Scalar());
    }

    QString textOr(const char* field, const QString& fallback = {}) const {
        return text(field).value_or(fallback);
    }

    std::optional<qint64> integer(const char* field) const {
        const std::optional<QString> value = text(field);
        if (!value)
            return std::nullopt;
        bool ok = false;
        const qint64 number = value->toLongLong(&ok);
        if (!ok)
            throw MetaError{
                at(m_path, m_node[field].Mark()),
                QStringLiteral("\"%1\" is \"%2\", not a whole number").arg(QLatin1String(field), *value)};
        return number;
    }

private:
    QString m_path;
    YAML::Node m_node;
};

// Folder names sorted as MLflow ids: numbers by value, then other names.
bool idLess(const QString& a, const QString& b) {
    bool aNumber = false;
    bool bNumber = false;
    const qulonglong aValue = a.toULongLong(&aNumber);
    const qulonglong bValue = b.toULongLong(&bNumber);
    if (aNumber != bNumber)
        return aNumber;
    if (aNumber && aValue != bValue)
        return aValue < bValue;
    return a < b;
}

QStringList subfolders(const QString& folder) {
    return QDir(folder).entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
}

QStringList runFolders(const QString& experimentFolder) {
    QStringList result;
    for (const QString& name : subfolders(experimentFolder)) {
        if (!reservedExperimentFolders.contains(name))
            result << name;
    }
    return result;
}

std::optional<RunStatus> statusFromMeta(const QString& text) {
    // MLflow's file store writes RunStatus as its protobuf number.
    bool isNumber = false;
    const int code = text.toInt(&isNumber);
    if (!isNumber)
        return runStatusFromName(text);
    switch (code) {
    case 1:
        return RunStatus::Running;
    case 2:
        return RunStatus::Scheduled;
    case 3:
        return RunStatus::Finished;
    case 4:
        return RunStatus::Failed;
    case 5:
        return RunStatus::Killed;
    default:
        return std::nullopt;
    }
}

// Python's int() on the digits MLflow writes: an optional sign and decimal digits.
std::optional<qint64> parseInteger(QByteArrayView text) {
    if (text.startsWith('+'))
        text = text.sliced(1);
    if (text.isEmpty() || text.startsWith('+'))
        return std::nullopt;
    qint64 value = 0;
    const char* end = text.data() + text.size();
    const auto [ptr, ec] = std::from_chars(text.data(), end, value);
    if (ec != std::errc() || ptr != end)
        return std::nullopt;
    return value;
}

// Python's float() on what str(float) writes: decimals, exponents, nan, inf and -inf.
std::optional<double> parseReal(QByteArrayView text) {
    if (text.startsWith('+'))
        text = text.sliced(1);
    if (text.isEmpty() || text.startsWith('+'))
        return std::nullopt;
    double value = 0;
    const char* end = text.data() + text.size();
    const auto [ptr, ec] = std::from_chars(text.data(), end, value);
    if (ptr != end)
        return std::nullopt;
    if (ec == std::errc::result_out_of_range) {
        // Python rounds an overflowing literal to ±inf and an underflowing one to 0.
        const bool negative = text.startsWith('-');
        const QByteArray lower = text.toByteArray().toLower();
        const qsizetype exponent = lower.indexOf('e');
        const bool underflow = exponent >= 0 && lower.indexOf('-', exponent) > exponent;
        if (underflow)
            return negative ? -0.0 : 0.0;
        return negative ? -std::numeric_limits<double>::infinity() : std::numeric_limits<double>::infinity();
    }
    if (ec != std::errc())
        return std::nullopt;
    return value;
}

QString relativeKey(const QString& folder, const QString& file) {
    return QDir(folder).relativeFilePath(file);
}

QStringList filesUnder(const QString& folder) {
    QStringList files;
    QDirIterator it(folder, QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
    while (it.hasNext())
        files << it.next();
    files.sort();
    return files;
}

// A registered model's aliases as meta.yaml lists them, alias -> version; an entry whose version
// is not a number is passed over.
QMap<QString, int> aliasesInMeta(const YAML::Node& aliases) {
    QMap<QString, int> result;
    if (!aliases.IsMap())
        return result;
    for (const auto& entry : aliases) {
        bool ok = false;
        const int version = QString::fromStdString(entry.second.as<std::string>()).toInt(&ok);
        if (ok)
            result.insert(QString::fromStdString(entry.first.as<std::string>()), version);
    }
    return result;
}

// The model version that versionFolder's meta.yaml at path describes, or nothing for a deleted
// one: it stays on disk with the stage Deleted_Internal but is not part of the registry.
std::optional<MlflowModelVersion> liveModelVersion(const QString& path, const QString& versionFolder) {
    const Meta meta(path, loadMeta(path));
    if (meta.textOr("current_stage") == QLatin1String("Deleted_Internal"))
        return std::nullopt;
    MlflowModelVersion version;
    version.location = path;
    const std::optional<qint64> number = meta.integer("version");
    bool ok = false;
    version.version = static_cast<int>(number.value_or(versionFolder.mid(8).toInt(&ok)));
    if (version.version < 1)
        throw MetaError{path, QStringLiteral("no version number")};
    version.runUid = meta.textOr("run_id");
    version.stage = meta.textOr("current_stage", QStringLiteral("None"));
    version.description = meta.textOr("description");
    version.createdAt = meta.integer("creation_timestamp");
    return version;
}

} // namespace

MlflowFileStoreReader::MlflowFileStoreReader(const QString& root)
    : MlflowStoreReader(root)
    , m_root(root) {}

bool MlflowFileStoreReader::looksLikeStore(const QString& folder) {
    const QDir dir(folder);
    if (!dir.exists())
        return false;
    if (QFileInfo(dir.filePath(QStringLiteral(".trash"))).isDir())
        return true;
    for (const QString& name : subfolders(folder)) {
        if (name != QLatin1String("models") &&
            QFileInfo::exists(dir.filePath(name + QLatin1Char('/') + metaFile)))
            return true;
    }
    return false;
}

std::optional<MlflowFileStoreReader::MetricPoint> MlflowFileStoreReader::parseMetricLine(QByteArrayView line,
                                                                                         QString* error) {
    const QByteArrayView text = line.trimmed();
    QVarLengthArray<QByteArrayView, 5> fields;
    qsizetype begin = 0;
    while (fields.size() <= 5) {
        const qsizetype space = text.indexOf(' ', begin);
        fields.append(text.sliced(begin, (space < 0 ? text.size() : space) - begin));
        if (space < 0)
            break;
        begin = space + 1;
    }
    if (fields.size() != 2 && fields.size() != 3 && fields.size() != 5) {
        *error = fields.size() > 5 ? QStringLiteral("expected 2, 3 or 5 fields, found more than 5")
                                   : QStringLiteral("expected 2, 3 or 5 fields, found %1").arg(fields.size());
        return std::nullopt;
    }
    const std::optional<qint64> timestamp = parseInteger(fields[0]);
    if (!timestamp) {
        *error = QStringLiteral("the timestamp \"%1\" is not a whole number")
                     .arg(QString::fromUtf8(fields[0].toByteArray()));
        return std::nullopt;
    }
    const std::optional<double> value = parseReal(fields[1]);
    if (!value) {
        *error = QStringLiteral("the value \"%1\" is not a number")
                     .arg(QString::fromUtf8(fields[1].toByteArray()));
        return std::nullopt;
    }
    MetricPoint point;
    point.value = *value;
    if (fields.size() == 2) {
        // MLflow before 1.0 logged int(time.time()): seconds. Assay keeps milliseconds throughout.
        constexpr qint64 limit = std::numeric_limits<qint64>::max() / 1000;
        if (*timestamp > limit || *timestamp < -limit) {
            *error = QStringLiteral("the timestamp \"%1\" is out of range")
                         .arg(QString::fromUtf8(fields[0].toByteArray()));
            return std::nullopt;
        }
        point.timestamp = *timestamp * 1000;
        point.step = 0;
        return point;
    }
    const std::optional<qint64> step = parseInteger(fields[2]);
    if (!step) {
        *error = QStringLiteral("the step \"%1\" is not a whole number")
                     .arg(QString::fromUtf8(fields[2].toByteArray()));
        return std::nullopt;
    }
    point.timestamp = *timestamp;
    point.step = *step;
    return point;
}

QString MlflowFileStoreReader::description() const {
    return QStringLiteral("MLflow file store");
}

QList<MlflowExperiment> MlflowFileStoreReader::experiments() {
    QList<MlflowExperiment> result;
    for (const bool trashed : {false, true}) {
        const QString parent = trashed ? QDir(m_root).filePath(QStringLiteral(".trash")) : m_root;
        QStringList ids = subfolders(parent);
        if (!trashed)
            ids.removeAll(QStringLiteral("models")); // the model registry
        std::sort(ids.begin(), ids.end(), idLess);
        for (const QString& id : ids) {
            if (std::optional<MlflowExperiment> experiment =
                    readExperiment(QDir(parent).filePath(id), trashed))
                result.append(std::move(*experiment));
        }
    }
    return result;
}

std::optional<MlflowExperiment> MlflowFileStoreReader::readExperiment(const QString& folder, bool trashed) {
    const QString path = QDir(folder).filePath(metaFile);
    if (!QFileInfo::exists(path)) {
        skip(folder, QStringLiteral("no meta.yaml: not an MLflow experiment folder, left out"));
        return std::nullopt;
    }
    try {
        const Meta meta(path, loadMeta(path));
        MlflowExperiment experiment;
        experiment.id = QFileInfo(folder).fileName();
        experiment.location = path;
        const QString recordedId = meta.textOr("experiment_id", experiment.id);
        if (recordedId != experiment.id)
            throw MetaError{path, QStringLiteral("experiment_id is %1 but the folder is %2; MLflow ignores "
                                                 "such an experiment, and so does the import")
                                      .arg(recordedId, experiment.id)};
        experiment.name = meta.textOr("name");
        if (experiment.name.trimmed().isEmpty())
            throw MetaError{path, QStringLiteral("the experiment has no name")};
        // Older file stores marked a deleted experiment only by moving it to .trash/.
        experiment.deleted = trashed || meta.textOr("lifecycle_stage") == QLatin1String("deleted");
        experiment.createdAt = meta.integer("creation_time");
        experiment.tags = readKeyValues(QDir(folder).filePath(QStringLiteral("tags")));
        experiment.runCount = static_cast<int>(runFolders(folder).size());
        return experiment;
    } catch (const MetaError& error) {
        skip(error.location, error.reason + QStringLiteral("; the experiment and its runs were left out"));
        return std::nullopt;
    }
}

void MlflowFileStoreReader::readRuns(const MlflowExperiment& experiment, const RunSink& sink) {
    const QString folder = QFileInfo(experiment.location).path();
    const QHash<QString, Dataset> datasets = readDatasets(folder);
    for (const QString& name : runFolders(folder)) {
        std::optional<MlflowRun> run = readRun(QDir(folder).filePath(name), experiment, datasets);
        if (run)
            sink(*run);
    }
}

std::optional<MlflowRun> MlflowFileStoreReader::readRun(const QString& folder,
                                                        const MlflowExperiment& experiment,
                                                        const QHash<QString, Dataset>& datasets) {
    const QString path = QDir(folder).filePath(metaFile);
    if (!QFileInfo::exists(path)) {
        skip(folder, QStringLiteral("no meta.yaml: not an MLflow run folder, left out"));
        return std::nullopt;
    }
    MlflowRun run;
    try {
        const Meta meta(path, loadMeta(path));
        run.location = folder;
        run.uid = meta.text("run_id").value_or(meta.textOr("run_uuid"));
        if (run.uid.isEmpty())
            run.uid = QFileInfo(folder).fileName();
        const QString recordedExperiment = meta.textOr("experiment_id", experiment.id);
        if (recordedExperiment != experiment.id)
            throw MetaError{path,
                            QStringLiteral("experiment_id is %1 but the run is in experiment %2; MLflow "
                                           "ignores such a run, and so does the import")
                                .arg(recordedExperiment, experiment.id)};
        run.name = meta.text("run_name").value_or(meta.textOr("name"));
        if (const std::optional<QString> status = meta.text("status")) {
            const std::optional<RunStatus> known = statusFromMeta(*status);
            if (!known)
                throw MetaError{at(path, meta.node()["status"].Mark()),
                                QStringLiteral("unknown run status \"%1\"").arg(*status)};
            run.status = *known;
        }
        run.user = meta.textOr("user_id");
        run.startTime = meta.integer("start_time");
        run.endTime = meta.integer("end_time");
        run.sourceVersion = meta.textOr("source_version");
        run.sourceName = meta.textOr("source_name");
        run.deleted = meta.textOr("lifecycle_stage") == QLatin1String("deleted");
    } catch (const MetaError& error) {
        skip(error.location, error.reason + QStringLiteral("; the run was left out"));
        return std::nullopt;
    }
    run.params = readKeyValues(QDir(folder).filePath(QStringLiteral("params")));
    run.tags = readKeyValues(QDir(folder).filePath(QStringLiteral("tags")));
    run.inputs = readInputs(folder, datasets);
    readMetrics(QDir(folder).filePath(QStringLiteral("metrics")), run);
    return run;
}

QHash<QString, MlflowFileStoreReader::Dataset>
MlflowFileStoreReader::readDatasets(const QString& experimentFolder) {
    QHash<QString, Dataset> result;
    const QString parent = QDir(experimentFolder).filePath(QStringLiteral("datasets"));
    for (const QString& id : subfolders(parent)) {
        const QString path = QDir(parent).filePath(id + QLatin1Char('/') + metaFile);
        try {
            const Meta meta(path, loadMeta(path));
            result.insert(id, {meta.textOr("name"), meta.textOr("digest"), meta.textOr("source")});
        } catch (const MetaError& error) {
            skip(error.location, error.reason + QStringLiteral("; the dataset was left out"));
        }
    }
    return result;
}

QList<DatasetInput> MlflowFileStoreReader::readInputs(const QString& runFolder,
                                                      const QHash<QString, Dataset>& datasets) {
    QList<DatasetInput> result;
    const QString parent = QDir(runFolder).filePath(QStringLiteral("inputs"));
    for (const QString& id : subfolders(parent)) {
        const QString path = QDir(parent).filePath(id + QLatin1Char('/') + metaFile);
        try {
            const Meta meta(path, loadMeta(path));
            // MLflow 3 also records models as inputs; only datasets are tracked here.
            if (meta.textOr("source_type") != QLatin1String("DATASET"))
                continue;
            const QString datasetId = meta.textOr("source_id");
            const auto dataset = datasets.constFind(datasetId);
            if (dataset == datasets.cend())
                throw MetaError{
                    path,
                    QStringLiteral("dataset %1 is not in the experiment's datasets/ folder").arg(datasetId)};
            QString context;
            const YAML::Node tags = meta.node()["tags"];
            if (tags.IsMap() && tags["mlflow.data.context"].IsScalar())
                context = QString::fromStdString(tags["mlflow.data.context"].Scalar());
            result.append({dataset->name, dataset->digest, dataset->source, context});
        } catch (const MetaError& error) {
            skip(error.location, error.reason + QStringLiteral("; the input was left out"));
        }
    }
    return result;
}

void MlflowFileStoreReader::readMetrics(const QString& folder, MlflowRun& run) {
    for (const QString& file : filesUnder(folder)) {
        QFile input(file);
        if (!input.open(QIODevice::ReadOnly)) {
            skip(file, QStringLiteral("cannot read the file (%1); the metric was left out")
                           .arg(input.errorString()));
            continue;
        }
        const QByteArray content = input.readAll();
        MetricSeries series;
        series.reserve(static_cast<std::size_t>(content.count('\n') + 1));
        QString error;
        int lineNumber = 0;
        qsizetype begin = 0;
        while (begin < content.size()) {
            qsizetype end = content.indexOf('\n', begin);
            if (end < 0)
                end = content.size();
            const QByteArrayView line(content.constData() + begin, end - begin);
            ++lineNumber;
            begin = end + 1;
            if (line.trimmed().isEmpty())
                continue;
            if (const std::optional<MetricPoint> point = parseMetricLine(line, &error))
                series.append(point->step, point->timestamp, point->value);
            else
                skip(QStringLiteral("%1:%2").arg(file).arg(lineNumber),
                     error + QStringLiteral("; the line was left out"));
        }
        if (!series.empty())
            run.metrics.emplace(relativeKey(folder, file), std::move(series));
    }
}

QMap<QString, QString> MlflowFileStoreReader::readKeyValues(const QString& folder) {
    QMap<QString, QString> result;
    for (const QString& file : filesUnder(folder)) {
        QFile input(file);
        if (!input.open(QIODevice::ReadOnly)) {
            skip(file, QStringLiteral("cannot read the file (%1); left out").arg(input.errorString()));
            continue;
        }
        result.insert(relativeKey(folder, file), QString::fromUtf8(input.readAll()));
    }
    return result;
}

QList<MlflowRegisteredModel> MlflowFileStoreReader::registeredModels() {
    QList<MlflowRegisteredModel> result;
    const QString parent = QDir(m_root).filePath(QStringLiteral("models"));
    for (const QString& name : subfolders(parent)) {
        if (std::optional<MlflowRegisteredModel> model = readModel(QDir(parent).filePath(name)))
            result.append(std::move(*model));
    }
    return result;
}

std::optional<MlflowRegisteredModel> MlflowFileStoreReader::readModel(const QString& folder) {
    std::optional<MlflowRegisteredModel> model = readModelMeta(folder);
    if (!model)
        return std::nullopt;
    model->tags = readKeyValues(QDir(folder).filePath(QStringLiteral("tags")));
    readAliasFiles(QDir(folder).filePath(QStringLiteral("aliases")), model->aliases);
    model->versions = readModelVersions(folder);
    return model;
}

std::optional<MlflowRegisteredModel> MlflowFileStoreReader::readModelMeta(const QString& folder) {
    const QString path = QDir(folder).filePath(metaFile);
    MlflowRegisteredModel model;
    try {
        const Meta meta(path, loadMeta(path));
        model.location = path;
        model.name = meta.textOr("name", QFileInfo(folder).fileName());
        model.description = meta.textOr("description");
        model.createdAt = meta.integer("creation_timestamp");
        model.aliases = aliasesInMeta(meta.node()["aliases"]);
    } catch (const MetaError& error) {
        skip(error.location, error.reason + QStringLiteral("; the registered model was left out"));
        return std::nullopt;
    } catch (const YAML::Exception& error) {
        skip(at(path, error.mark),
             QString::fromStdString(error.msg) + QStringLiteral("; the registered model was left out"));
        return std::nullopt;
    }
    return model;
}

void MlflowFileStoreReader::readAliasFiles(const QString& aliasFolder, QMap<QString, int>& aliases) {
    for (const QString& file : filesUnder(aliasFolder)) {
        QFile input(file);
        bool ok = false;
        const int version = input.open(QIODevice::ReadOnly) ? input.readAll().trimmed().toInt(&ok) : 0;
        if (ok)
            aliases.insert(relativeKey(aliasFolder, file), version);
        else
            skip(file, QStringLiteral("not a version number; the alias was left out"));
    }
}

QList<MlflowModelVersion> MlflowFileStoreReader::readModelVersions(const QString& modelFolder) {
    QList<MlflowModelVersion> versions;
    for (const QString& name : subfolders(modelFolder)) {
        if (!name.startsWith(QLatin1String("version-")))
            continue;
        const QString path = QDir(modelFolder).filePath(name + QLatin1Char('/') + metaFile);
        try {
            if (std::optional<MlflowModelVersion> version = liveModelVersion(path, name))
                versions.append(*version);
        } catch (const MetaError& error) {
            skip(error.location, error.reason + QStringLiteral("; the model version was left out"));
        }
    }
    std::sort(versions.begin(), versions.end(),
              [](const MlflowModelVersion& a, const MlflowModelVersion& b) { return a.version < b.version; });
    return versions;
}

} // namespace assay
