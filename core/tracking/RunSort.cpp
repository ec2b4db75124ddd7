#include "RunSort.h"

#include <QRegularExpression>

#include <array>
#include <utility>

namespace assay {
namespace {

constexpr std::array<std::pair<const char*, RunSort::Field>, 11> attributeNames{{
    {"start_time", RunSort::Field::StartTime},
    {"created", RunSort::Field::StartTime},
    {"end_time", RunSort::Field::EndTime},
    {"name", RunSort::Field::Name},
    {"run_name", RunSort::Field::Name},
    {"status", RunSort::Field::Status},
    {"user", RunSort::Field::User},
    {"user_id", RunSort::Field::User},
    {"duration", RunSort::Field::Duration},
    {"experiment", RunSort::Field::Experiment},
    {"experiment_name", RunSort::Field::Experiment},
}};

std::optional<RunSort::Field> keyedField(const QString& prefix, const QString& aggregate) {
    if (prefix.startsWith(QLatin1String("metric"))) {
        if (aggregate == QLatin1String("min"))
            return RunSort::Field::MetricMin;
        if (aggregate == QLatin1String("max"))
            return RunSort::Field::MetricMax;
        return RunSort::Field::Metric;
    }
    if (!aggregate.isEmpty())
        return std::nullopt;
    if (prefix.startsWith(QLatin1String("param")))
        return RunSort::Field::Param;
    if (prefix.startsWith(QLatin1String("tag")))
        return RunSort::Field::Tag;
    return std::nullopt;
}

} // namespace

std::optional<RunSort> RunSort::parse(const QString& text) {
    static const QRegularExpression pattern(
        QStringLiteral(R"(^\s*(?:(metrics?|params?|parameters?|tags?|attributes?|attr|run)\.)?)"
                       R"((?:(min|max)\((`[^`]+`|[^\s`()]+)\)|(`[^`]+`|[^\s`]+))\s*(ASC|DESC)?\s*$)"),
        QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch match = pattern.match(text);
    if (!match.hasMatch())
        return std::nullopt;
    const QString prefix = match.captured(1).toLower();
    const QString aggregate = match.captured(2).toLower();
    QString key = aggregate.isEmpty() ? match.captured(4) : match.captured(3);
    if (key.startsWith(QLatin1Char('`')))
        key = key.mid(1, key.size() - 2);
    RunSort sort;
    sort.order = match.captured(5).compare(QLatin1String("ASC"), Qt::CaseInsensitive) == 0
                     ? Qt::AscendingOrder
                     : Qt::DescendingOrder;
    if (const std::optional<Field> field = keyedField(prefix, aggregate)) {
        sort.field = *field;
        sort.key = key;
        return sort;
    }
    if (!aggregate.isEmpty() || prefix.startsWith(QLatin1String("param")) ||
        prefix.startsWith(QLatin1String("tag")))
        return std::nullopt;
    for (const auto& [name, field] : attributeNames) {
        if (key.compare(QLatin1String(name), Qt::CaseInsensitive) == 0) {
            sort.field = field;
            return sort;
        }
    }
    return std::nullopt;
}

} // namespace assay
