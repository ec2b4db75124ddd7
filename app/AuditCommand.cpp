#include "AuditCommand.h"

#include "AuditLog.h"
#include "CliContext.h"
#include "CliOutput.h"
#include "UsageError.h"
#include "Workspace.h"

namespace assay::cli {

QString AuditCommand::summary() const {
    return QStringLiteral("check the audit trail's hash chain");
}

int AuditCommand::run(CliContext& context, const QCommandLineParser& parser) {
    const QStringList args = parser.positionalArguments();
    if (args.value(0) != QLatin1String("verify"))
        throw UsageError{QStringLiteral("audit takes a subcommand: verify")};
    expectArguments(args, 1, QStringLiteral("audit verify"));
    const auto workspace = Workspace::open(context.workspacePath());
    const AuditVerification result = AuditLog::verify(workspace->database());
    if (!result.intact) {
        CliOutput::err() << "audit verify: BROKEN at sequence " << result.brokenAt << ": " << result.problem
                         << " (verified through " << result.verifiedThrough << ")\n";
        return exitFailure;
    }
    CliOutput::out() << "audit verify: intact, " << result.eventCount << " events verified through sequence "
                     << result.verifiedThrough << '\n';
    return exitOk;
}

} // namespace assay::cli
