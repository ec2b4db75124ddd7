#pragma once

#include "tests/support/CliRunner.h"

#include <QJsonValue>
#include <QStringList>
#include <QTemporaryDir>

namespace assay::test {

// A workspace driven only through assay-cli, as a pipeline and its reviewers would: ci-bot (who
// creates it, so admin) is also the pipeline's data scientist; ada is the data scientist whose
// runs "run-v1" (auc 0.80) and "run-v2" (auc 0.82) become versions; olga is a business analyst who
// will own the model; val is a validator and rita a risk officer.
class CliModelPipeline {
public:
    CliModelPipeline();

    const QString& path() const { return m_path; }

    // assay-cli model ARGS -w PATH, acting as actor.
    CliResult model(const QStringList& arguments, const QString& actor = QStringLiteral("ci-bot")) const;
    // assay-cli ARGS -w PATH, for the commands other than model.
    CliResult command(const QStringList& arguments, const QString& actor = QStringLiteral("ci-bot")) const;
    // model ARGS --format json; REQUIREs success and a JSON document.
    QJsonValue json(const QStringList& arguments, const QString& actor = QStringLiteral("ci-bot")) const;

    // churn v1 and v2 from ada's runs, registered by ci-bot.
    void registerVersions() const;
    // Owner olga, primary metric auc, and a Tier 3 assessment.
    void prepareTier3() const;
    // The entry for version number in model show --format json's "versions" (newest first).
    static QJsonValue version(const QJsonValue& shown, int number);
    // Tier 3 scores: every dimension 1, minimal risk under the EU AI Act.
    static QStringList tier3Scores();

private:
    QTemporaryDir m_dir;
    QString m_path;
};

} // namespace assay::test
