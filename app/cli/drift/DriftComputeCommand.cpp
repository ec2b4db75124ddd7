#include "DriftComputeCommand.h"

#include "app/cli/CliOutput.h"
#include "app/cli/UsageError.h"
#include "core/drift/CsvReader.h"
#include "core/drift/DriftStatistics.h"

#include <QJsonDocument>

namespace assay::cli {

QString DriftComputeCommand::summary() const {
    return QStringLiteral("drift of --current against --reference (CSV files), as JSON");
}

void DriftComputeCommand::defineOptions(QCommandLineParser& parser) const {
    parser.addOptions({
        {QStringLiteral("reference"), QStringLiteral("The reference data (CSV)."), QStringLiteral("FILE")},
        {QStringLiteral("current"), QStringLiteral("The current data (CSV)."), QStringLiteral("FILE")},
        {QStringLiteral("categorical"), QStringLiteral("Treat this column as categorical (repeatable)."),
         QStringLiteral("COLUMN")},
        {QStringLiteral("format"), QStringLiteral("json, the only format."), QStringLiteral("FORMAT")},
    });
}

int DriftComputeCommand::run(CliContext& /*context*/, const QCommandLineParser& parser) {
    expectArguments(parser.positionalArguments(), 0, invokedAs());
    const QString reference = parser.value(QStringLiteral("reference"));
    const QString current = parser.value(QStringLiteral("current"));
    if (reference.isEmpty() || current.isEmpty())
        throw UsageError{QStringLiteral("drift compute needs --reference and --current")};
    if (parser.isSet(QStringLiteral("format")) &&
        parser.value(QStringLiteral("format")) != QLatin1String("json"))
        throw UsageError{QStringLiteral("drift compute: --format must be json")};
    CsvReadOptions options;
    for (const QString& column : parser.values(QStringLiteral("categorical")))
        options.typeOverrides.insert(column, CsvColumnType::Categorical);
    const CsvTable referenceTable = CsvReader::read(reference, options);
    const CsvTable currentTable = CsvReader::read(current, options);
    const DriftReport report = DriftStatistics::compare(referenceTable, currentTable);
    CliOutput::out() << QString::fromUtf8(QJsonDocument(report.toJson()).toJson(QJsonDocument::Indented));
    return exitOk;
}

} // namespace assay::cli
