#include "ImportCommand.h"

#include "CliContext.h"
#include "CliOutput.h"
#include "UsageError.h"
#include "core/mlflow/MlflowImporter.h"
#include "core/mlflow/MlflowStoreReader.h"
#include "core/workspace/Workspace.h"

namespace assay::cli {

QString ImportCommand::summary() const {
    return QStringLiteral("import an MLflow store: an mlruns/ folder or an MLflow SQLite file");
}

void ImportCommand::defineOptions(QCommandLineParser& parser) const {
    parser.addPositionalArgument(QStringLiteral("mlflow"), QStringLiteral("The kind of store."));
    parser.addPositionalArgument(QStringLiteral("PATH"),
                                 QStringLiteral("An mlruns/ folder or an MLflow SQLite file. The "
                                                "workspace is created if it does not exist."));
}

int ImportCommand::run(CliContext& context, const QCommandLineParser& parser) {
    const QStringList args = parser.positionalArguments();
    if (args.value(0) != QLatin1String("mlflow"))
        throw UsageError{QStringLiteral("import takes a source kind and a path: import mlflow PATH")};
    if (args.size() != 2)
        throw UsageError{QStringLiteral("import mlflow takes one PATH: an mlruns/ folder or an MLflow "
                                        "SQLite file")};
    // The source is checked first, so that a refused PATH does not leave a new workspace behind.
    const auto reader = MlflowStoreReader::open(args[1]);
    WorkspaceOptions options;
    options.createIfMissing = true;
    const auto workspace = Workspace::open(context.workspacePath(), options);
    const MlflowImportSummary summary = MlflowImporter::importStore(*workspace, *reader);
    const QStringList lines = summary.reportLines();
    QTextStream& out = CliOutput::out();
    out << lines.first() << " into " << workspace->path() << '\n';
    for (qsizetype i = 1; i < lines.size(); ++i)
        out << lines[i] << '\n';
    if (!summary.skipped.isEmpty()) {
        out << "  skipped: " << summary.skipped.size() << " items (listed on stderr)\n";
        for (const MlflowSkippedItem& item : summary.skipped)
            CliOutput::err() << "skipped: " << item.toString() << '\n';
    }
    return exitOk;
}

} // namespace assay::cli
