#pragma once

#include <QString>
#include <QStringList>

namespace assay {

// The run attributes a search can name (`attributes.status`, or `status` alone), with MLflow's
// names and Assay's aliases, and the SQL expression each reads on the runs table `r`. Text
// attributes compare with quoted strings (=, !=, LIKE, ILIKE, IN, NOT IN); number attributes with
// numbers (=, !=, <, <=, >, >=, IN, NOT IN). Times are ms since the Unix epoch, duration is ms.
class RunAttribute {
public:
    enum class Type { Text, Number };

    // Looks up a name or alias, ignoring case; nullptr when there is no such attribute.
    static const RunAttribute* find(const QString& name);
    // Every name and alias, in a stable order, for completion in the filter bar.
    static QStringList names();

    const char* name() const { return m_name; }
    Type type() const { return m_type; }
    // An SQL expression over the runs table aliased `r`; NULL where the run has no value.
    const char* sql() const { return m_sql; }

    constexpr RunAttribute(const char* name, const char* aliases, Type type, const char* sql)
        : m_name(name)
        , m_aliases(aliases)
        , m_type(type)
        , m_sql(sql) {}

private:
    bool matches(const QString& candidate) const;

    const char* m_name;
    const char* m_aliases; // space separated
    Type m_type;
    const char* m_sql;
};

} // namespace assay
