#include "ConditionArgument.h"

#include "app/cli/UsageError.h"

#include <QStringList>

namespace assay::cli {

QString ConditionArgument::syntax() {
    return QStringLiteral("DESCRIPTION;OWNER;YYYY-MM-DD[;SEVERITY]");
}

DecisionCondition ConditionArgument::parse(const QString& text) {
    const QStringList parts = text.split(QLatin1Char(';'));
    const auto refuse = [&](const QString& why) {
        return UsageError{
            QStringLiteral("--condition \"%1\": %2; write it as \"%3\"").arg(text, why, syntax())};
    };
    if (parts.size() < 3 || parts.size() > 4)
        throw refuse(QStringLiteral("expected 3 or 4 fields separated by ';', found %1").arg(parts.size()));
    DecisionCondition condition;
    condition.description = parts[0].trimmed();
    condition.owner = parts[1].trimmed();
    if (condition.description.isEmpty())
        throw refuse(QStringLiteral("the description is empty"));
    if (condition.owner.isEmpty())
        throw refuse(QStringLiteral("the owner is empty"));
    condition.dueDate = QDate::fromString(parts[2].trimmed(), Qt::ISODate);
    if (!condition.dueDate.isValid())
        throw refuse(QStringLiteral("\"%1\" is not a date (YYYY-MM-DD)").arg(parts[2].trimmed()));
    if (parts.size() == 4)
        condition.severity = parts[3].trimmed();
    return condition;
}

} // namespace assay::cli
