#pragma once

#include "app/cli/CliCommand.h"

#include <QMap>

namespace assay::cli {

// model card MODEL --version N --from-file FILE: writes the sections a JSON object names
// (section key → text) into the version's model card and keeps the others.
class ModelCardCommand : public CliCommand {
public:
    QString name() const override { return QStringLiteral("card"); }
    QString arguments() const override { return QStringLiteral("MODEL"); }
    QString summary() const override;

protected:
    QString description() const override;
    void defineOptions(QCommandLineParser& parser) const override;
    int run(CliContext& context, const QCommandLineParser& parser) override;

private:
    // Throws AssayError naming the file and, for bad JSON, the offset where parsing failed.
    static QMap<QString, QString> readSections(const QString& path);
};

} // namespace assay::cli
