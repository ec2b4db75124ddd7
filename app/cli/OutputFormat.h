#pragma once

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QJsonValue>

namespace assay::cli {

// --format table|json for the model commands: a table for people, JSON for pipelines.
class OutputFormat {
public:
    enum class Format { Table, Json };

    static QCommandLineOption option();
    // Throws UsageError for anything but table or json.
    static Format parse(const QCommandLineParser& parser);
    static QString json(const QJsonValue& value); // indented, with a final newline
};

} // namespace assay::cli
