#pragma once

#include <QCommandLineParser>

namespace assay::cli {

// The REQUEST_ID argument of model decide and withdraw: "7" or "#7", as the commands print it.
class RequestArgument {
public:
    static qint64 id(const QCommandLineParser& parser, const QString& command);
};

} // namespace assay::cli
