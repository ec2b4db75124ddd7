#include "IntegrityReport.h"

namespace assay {

QString IntegrityReport::summary() const {
    QString signatures = QStringLiteral("%1 decision signature%2 checked")
                             .arg(signaturesChecked)
                             .arg(signaturesChecked == 1 ? QString() : QStringLiteral("s"));
    if (isIntact())
        return QStringLiteral("Verified: %1 audit events through sequence %2; %3.")
            .arg(audit.eventCount)
            .arg(audit.verifiedThrough)
            .arg(signatures);
    const IntegrityProblem& first = problems.first();
    QString text = first.entity.isEmpty()
                       ? QStringLiteral("Broken at sequence %1: %2").arg(first.seq).arg(first.message)
                       : QStringLiteral("Tampering found: %1: %2").arg(first.entity, first.message);
    if (problems.size() > 1)
        text += QStringLiteral(" (and %1 more problem%2)")
                    .arg(problems.size() - 1)
                    .arg(problems.size() == 2 ? QString() : QStringLiteral("s"));
    return text;
}

} // namespace assay
