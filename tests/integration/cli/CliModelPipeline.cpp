#include "CliModelPipeline.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <catch2/catch.hpp>

namespace assay::test {
namespace {

const QByteArray adasRuns = "{\"experiment\": \"churn-exp\", \"run\": \"run-v1\", \"user\": \"ada\", "
                            "\"metrics\": {\"auc\": [[0, 0.80]]}}\n"
                            "{\"experiment\": \"churn-exp\", \"run\": \"run-v2\", \"user\": \"ada\", "
                            "\"metrics\": {\"auc\": [[0, 0.82]]}}\n";

} // namespace

CliModelPipeline::CliModelPipeline()
    : m_path(m_dir.filePath(QStringLiteral("pipeline.assay"))) {
    REQUIRE(runCli({QStringLiteral("init"), m_path}).status == 0);
    const QList<QStringList> users{
        {QStringLiteral("grant"), QStringLiteral("ci-bot"), QStringLiteral("data_scientist")},
        {QStringLiteral("add"), QStringLiteral("ada"), QStringLiteral("--role"),
         QStringLiteral("data_scientist")},
        {QStringLiteral("add"), QStringLiteral("olga"), QStringLiteral("--role"), QStringLiteral("analyst")},
        {QStringLiteral("add"), QStringLiteral("val"), QStringLiteral("--role"), QStringLiteral("validator")},
        {QStringLiteral("add"), QStringLiteral("rita"), QStringLiteral("--role"),
         QStringLiteral("risk_officer")},
    };
    for (const QStringList& user : users)
        REQUIRE(command(QStringList{QStringLiteral("user")} + user).status == 0);
    REQUIRE(
        runCli({QStringLiteral("-w"), m_path, QStringLiteral("log"), QStringLiteral("-")}, adasRuns).status ==
        0);
}

CliResult CliModelPipeline::model(const QStringList& arguments, const QString& actor) const {
    return command(QStringList{QStringLiteral("model")} + arguments, actor);
}

CliResult CliModelPipeline::command(const QStringList& arguments, const QString& actor) const {
    return runCliAs(actor, arguments + QStringList{QStringLiteral("-w"), m_path});
}

QJsonValue CliModelPipeline::json(const QStringList& arguments, const QString& actor) const {
    const CliResult result =
        model(arguments + QStringList{QStringLiteral("--format"), QStringLiteral("json")}, actor);
    INFO(result.err.toStdString());
    REQUIRE(result.status == 0);
    QJsonParseError error{};
    const QJsonDocument document = QJsonDocument::fromJson(result.out.toUtf8(), &error);
    REQUIRE(error.error == QJsonParseError::NoError);
    return document.isArray() ? QJsonValue(document.array()) : QJsonValue(document.object());
}

void CliModelPipeline::registerVersions() const {
    for (const char* run : {"run-v1", "run-v2"}) {
        const CliResult registered = model({QStringLiteral("register"), QStringLiteral("churn"),
                                            QStringLiteral("--run"), QLatin1String(run)});
        INFO(registered.err.toStdString());
        REQUIRE(registered.status == 0);
    }
}

void CliModelPipeline::prepareTier3() const {
    REQUIRE(
        model({QStringLiteral("owner"), QStringLiteral("churn"), QStringLiteral("--owner"),
               QStringLiteral("olga"), QStringLiteral("--business-owner"), QStringLiteral("Retention team")})
            .status == 0);
    REQUIRE(model({QStringLiteral("metric"), QStringLiteral("churn"), QStringLiteral("--metric"),
                   QStringLiteral("auc")})
                .status == 0);
    const CliResult assessed =
        model(QStringList{QStringLiteral("assess"), QStringLiteral("churn")} + tier3Scores() +
              QStringList{QStringLiteral("--eu-category"), QStringLiteral("minimal_risk")});
    INFO(assessed.err.toStdString());
    REQUIRE(assessed.status == 0);
}

QJsonValue CliModelPipeline::version(const QJsonValue& shown, int number) {
    for (const QJsonValue& entry : shown.toObject().value(QStringLiteral("versions")).toArray()) {
        if (entry.toObject().value(QStringLiteral("version")).toInt() == number)
            return entry;
    }
    FAIL("model show lists no version " << number);
    return {};
}

QStringList CliModelPipeline::tier3Scores() {
    QStringList arguments;
    for (const char* key : {"exposure", "customer_impact", "complexity", "autonomy", "data_sensitivity",
                            "regulatory", "fairness"})
        arguments << QStringLiteral("--score") << QLatin1String(key) + QStringLiteral("=1");
    return arguments;
}

} // namespace assay::test
