// assay-cli model: the registry and the promotion workflow through the built binary, up to the
// point where a decision would need the keychain (CliModelDecideTests.cpp goes on from there).
#include "CliModelPipeline.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QMap>

#include <catch2/catch.hpp>

using assay::test::CliModelPipeline;
using assay::test::CliResult;
using assay::test::runCli;
using assay::test::runCliWithEnvironment;

namespace {

QString text(const QJsonValue& value, const char* key) {
    return value.toObject().value(QLatin1String(key)).toString();
}

QJsonValue field(const QJsonValue& value, const char* key) {
    return value.toObject().value(QLatin1String(key));
}

QStringList assessArguments(const QStringList& scores, const QString& category) {
    return QStringList{QStringLiteral("assess"), QStringLiteral("churn")} + scores +
           QStringList{QStringLiteral("--eu-category"), category};
}

QStringList requestVersion2() {
    return {QStringLiteral("request"), QStringLiteral("churn"), QStringLiteral("--version"),
            QStringLiteral("2")};
}

} // namespace

TEST_CASE("model --help lists the subcommands, and assay-cli --help lists model", "[cli][model][help]") {
    const CliResult top = runCli({QStringLiteral("--help")});
    CHECK(top.out.contains(QLatin1String("\n  model SUBCOMMAND ")));
    const CliResult help = runCli({QStringLiteral("model"), QStringLiteral("--help")});
    CHECK(help.status == 0);
    for (const char* subcommand :
         {"register MODEL", "list", "show MODEL", "owner MODEL", "metric MODEL", "card MODEL", "assess MODEL",
          "request MODEL", "requests [REQUEST_ID]", "decide REQUEST_ID", "withdraw REQUEST_ID"})
        CHECK(help.out.contains(QLatin1String("\n  ") + QLatin1String(subcommand) + QLatin1Char(' ')));
    const CliResult decide =
        runCli({QStringLiteral("model"), QStringLiteral("decide"), QStringLiteral("--help")});
    CHECK(decide.out.startsWith(QLatin1String("Usage: assay-cli model decide [options] REQUEST_ID\n")));
    for (const char* option : {"--outcome <OUTCOME>", "--comment <TEXT>", "--condition <CONDITION>",
                               "--as <SIGNOFF>", "--revision <N>"})
        CHECK(decide.out.contains(QLatin1String(option)));
    const CliResult assess =
        runCli({QStringLiteral("model"), QStringLiteral("assess"), QStringLiteral("--help")});
    CHECK(assess.out.contains(QLatin1String("customer_impact")));
    CHECK(assess.out.contains(QLatin1String("minimal_risk")));
}

TEST_CASE("model register numbers the versions of runs and refuses what core refuses", "[cli][model]") {
    CliModelPipeline pipeline;
    const CliResult first =
        pipeline.model({QStringLiteral("register"), QStringLiteral("churn"), QStringLiteral("--run"),
                        QStringLiteral("run-v1"), QStringLiteral("--description"),
                        QStringLiteral("Baseline gradient boosting")});
    CHECK(first.status == 0);
    CHECK(first.out == QLatin1String("Registered churn v1 from run run-v1\n"));
    const CliResult second = pipeline.model({QStringLiteral("register"), QStringLiteral("churn"),
                                             QStringLiteral("--run"), QStringLiteral("run-v2")});
    CHECK(second.out == QLatin1String("Registered churn v2 from run run-v2\n"));

    const CliResult unknownRun = pipeline.model({QStringLiteral("register"), QStringLiteral("churn"),
                                                 QStringLiteral("--run"), QStringLiteral("run-v9")});
    CHECK(unknownRun.status == 1);
    CHECK(unknownRun.err == QLatin1String("assay-cli: There is no run \"run-v9\" to register.\n"));
    const CliResult notADataScientist = pipeline.model({QStringLiteral("register"), QStringLiteral("churn"),
                                                        QStringLiteral("--run"), QStringLiteral("run-v2")},
                                                       QStringLiteral("olga"));
    CHECK(notADataScientist.status == 1);
    CHECK(notADataScientist.err.startsWith(QLatin1String("assay-cli: olga may not register model versions")));
    const CliResult noRun = pipeline.model({QStringLiteral("register"), QStringLiteral("churn")});
    CHECK(noRun.status == 2);
    CHECK(noRun.err.startsWith(QLatin1String("assay-cli: --run UID is required\n")));

    const QJsonValue shown = pipeline.json({QStringLiteral("show"), QStringLiteral("churn")});
    REQUIRE(field(shown, "versions").toArray().size() == 2);
    const QJsonValue v1 = CliModelPipeline::version(shown, 1);
    CHECK(text(v1, "run") == QLatin1String("run-v1"));
    CHECK(text(v1, "run_user") == QLatin1String("ada"));
    CHECK(text(v1, "created_by") == QLatin1String("ci-bot"));
    CHECK(text(v1, "description") == QLatin1String("Baseline gradient boosting"));
    CHECK(text(CliModelPipeline::version(shown, 2), "run") == QLatin1String("run-v2"));
    CHECK(field(shown, "versions").toArray().at(0).toObject().value(QStringLiteral("version")).toInt() == 2);
}

TEST_CASE("model owner and model metric set what the requests need", "[cli][model]") {
    CliModelPipeline pipeline;
    pipeline.registerVersions();
    const CliResult owner = pipeline.model(
        {QStringLiteral("owner"), QStringLiteral("churn"), QStringLiteral("--owner"), QStringLiteral("olga"),
         QStringLiteral("--business-owner"), QStringLiteral("Retention team")});
    CHECK(owner.status == 0);
    CHECK(owner.out == QLatin1String("churn: owner olga, business owner Retention team\n"));
    const CliResult metric =
        pipeline.model({QStringLiteral("metric"), QStringLiteral("churn"), QStringLiteral("--metric"),
                        QStringLiteral("log_loss"), QStringLiteral("--lower-is-better")});
    CHECK(metric.out == QLatin1String("churn: primary metric log_loss (lower is better)\n"));
    QJsonValue shown = pipeline.json({QStringLiteral("show"), QStringLiteral("churn")});
    CHECK(text(shown, "owner") == QLatin1String("olga"));
    CHECK(text(shown, "business_owner") == QLatin1String("Retention team"));
    CHECK(text(shown, "primary_metric") == QLatin1String("log_loss"));
    CHECK(field(shown, "higher_is_better") == QJsonValue(false));

    // Only what is given changes.
    REQUIRE(pipeline
                .model({QStringLiteral("owner"), QStringLiteral("churn"), QStringLiteral("--business-owner"),
                        QStringLiteral("Customer care")})
                .status == 0);
    REQUIRE(pipeline
                .model({QStringLiteral("metric"), QStringLiteral("churn"), QStringLiteral("--metric"),
                        QStringLiteral("auc")})
                .status == 0);
    shown = pipeline.json({QStringLiteral("show"), QStringLiteral("churn")});
    CHECK(text(shown, "owner") == QLatin1String("olga"));
    CHECK(text(shown, "business_owner") == QLatin1String("Customer care"));
    CHECK(field(shown, "higher_is_better") == QJsonValue(true));

    const CliResult stranger = pipeline.model({QStringLiteral("owner"), QStringLiteral("churn"),
                                               QStringLiteral("--owner"), QStringLiteral("nobody")});
    CHECK(stranger.status == 1);
    CHECK(stranger.err.contains(QLatin1String("there is no user \"nobody\"")));
    const CliResult noModel = pipeline.model({QStringLiteral("metric"), QStringLiteral("fraud"),
                                              QStringLiteral("--metric"), QStringLiteral("auc")});
    CHECK(noModel.status == 1);
    CHECK(noModel.err == QLatin1String("assay-cli: There is no registered model \"fraud\".\n"));
    CHECK(pipeline.model({QStringLiteral("owner"), QStringLiteral("churn")}).status == 2);
}

TEST_CASE("model assess prints the tier and the rule that decided it", "[cli][model]") {
    CliModelPipeline pipeline;
    pipeline.registerVersions();
    const CliResult low =
        pipeline.model(assessArguments(CliModelPipeline::tier3Scores(), QStringLiteral("minimal_risk")));
    CHECK(low.status == 0);
    CHECK(low.out ==
          QLatin1String("Assessed churn: Tier 3 under policy v1\n"
                        "  Tier 3: the weighted score 1.00 falls in the Tier 3 band (worst dimension "
                        "Financial and operational exposure = 1).\n"));

    QStringList worst = CliModelPipeline::tier3Scores();
    worst.replace(worst.indexOf(QStringLiteral("fairness=1")), QStringLiteral("fairness=3"));
    const CliResult medium = pipeline.model(assessArguments(worst, QStringLiteral("minimal_risk")));
    CHECK(medium.out.startsWith(QLatin1String("Assessed churn: Tier 2 under policy v1\n"
                                              "  Tier 2: the worst single dimension")));
    const CliResult credit =
        pipeline.model(assessArguments(CliModelPipeline::tier3Scores(), QStringLiteral("high_risk")));
    CHECK(credit.out.startsWith(QLatin1String("Assessed churn: Tier 1 under policy v1\n"
                                              "  Tier 1: the EU AI Act category \"High risk")));
    CHECK(text(field(pipeline.json({QStringLiteral("show"), QStringLiteral("churn")}), "assessment"), "rule")
              .startsWith(QLatin1String("Tier 1: the EU AI Act category")));

    const CliResult blocked =
        pipeline.model(assessArguments(CliModelPipeline::tier3Scores(), QStringLiteral("prohibited")));
    CHECK(blocked.out.startsWith(QLatin1String("Assessed churn: blocked under policy v1\n  Blocked:")));
    const QJsonArray listed = pipeline.json({QStringLiteral("list")}).toArray();
    REQUIRE(listed.size() == 1);
    CHECK(field(listed[0], "blocked") == QJsonValue(true));
    CHECK(pipeline.model({QStringLiteral("list")}).out.contains(QLatin1String("blocked")));

    const CliResult withOverride = pipeline.model(
        assessArguments(CliModelPipeline::tier3Scores(), QStringLiteral("minimal_risk")) +
        QStringList{QStringLiteral("--override-tier"), QStringLiteral("2"), QStringLiteral("--reason"),
                    QStringLiteral("Feeds the retention budget allocation downstream.")});
    CHECK(withOverride.status == 0);
    CHECK(withOverride.out.contains(QLatin1String("Override to Tier 2 pending")));
    CHECK(pipeline.model({QStringLiteral("list")}).out.contains(QLatin1String("3 (override pending)")));
}

TEST_CASE("model assess checks the keys against the policy and leaves the scoring to core", "[cli][model]") {
    CliModelPipeline pipeline;
    pipeline.registerVersions();
    QStringList typo = CliModelPipeline::tier3Scores();
    typo.replace(typo.indexOf(QStringLiteral("exposure=1")), QStringLiteral("exposre=1"));
    const CliResult unknown = pipeline.model(assessArguments(typo, QStringLiteral("minimal_risk")));
    CHECK(unknown.status == 2);
    CHECK(unknown.err.contains(QLatin1String("\"exposre\" is not a dimension of the policy")));
    CHECK(unknown.err.contains(
        QLatin1String("exposure, customer_impact, complexity, autonomy, data_sensitivity, "
                      "regulatory, fairness")));
    CHECK(unknown.err.contains(
        QLatin1String("prohibited, high_risk, limited_risk, minimal_risk, not_applicable")));

    QStringList missing = CliModelPipeline::tier3Scores();
    missing.removeLast(); // fairness=1
    missing.removeLast(); // --score
    const CliResult incomplete = pipeline.model(assessArguments(missing, QStringLiteral("minimal_risk")));
    CHECK(incomplete.status == 2);
    CHECK(incomplete.err.startsWith(QLatin1String("assay-cli: --score: no score for fairness;")));
    const CliResult category =
        pipeline.model(assessArguments(CliModelPipeline::tier3Scores(), QStringLiteral("eu")));
    CHECK(category.status == 2);
    CHECK(category.err.contains(QLatin1String("--eu-category \"eu\" is not a category of the policy")));

    QStringList outOfRange = CliModelPipeline::tier3Scores();
    outOfRange.replace(outOfRange.indexOf(QStringLiteral("complexity=1")), QStringLiteral("complexity=5"));
    const CliResult tooHigh = pipeline.model(assessArguments(outOfRange, QStringLiteral("minimal_risk")));
    CHECK(tooHigh.status == 1);
    CHECK(tooHigh.err.contains(QLatin1String("must be 1 to 4, not 5")));
    const CliResult analyst =
        pipeline.model(assessArguments(CliModelPipeline::tier3Scores(), QStringLiteral("minimal_risk")),
                       QStringLiteral("olga"));
    CHECK(analyst.status == 1);
    CHECK(analyst.err.startsWith(QLatin1String("assay-cli: olga may not assess a model's risk")));
    CHECK(pipeline.json({QStringLiteral("show"), QStringLiteral("churn")})
              .toObject()
              .value(QStringLiteral("assessment"))
              .isNull());
}

TEST_CASE("model list and show describe the model in JSON", "[cli][model]") {
    CliModelPipeline pipeline;
    pipeline.registerVersions();
    pipeline.prepareTier3();
    const QJsonArray listed = pipeline.json({QStringLiteral("list")}).toArray();
    REQUIRE(listed.size() == 1);
    const QJsonValue churn = listed[0];
    CHECK(text(churn, "name") == QLatin1String("churn"));
    CHECK(text(churn, "owner") == QLatin1String("olga"));
    CHECK(text(churn, "business_owner") == QLatin1String("Retention team"));
    CHECK(text(churn, "primary_metric") == QLatin1String("auc"));
    CHECK(field(churn, "tier").toInt() == 3);
    CHECK(field(churn, "tier_override_pending") == QJsonValue(false));
    CHECK(field(churn, "blocked") == QJsonValue(false));
    CHECK(field(churn, "production_version").isNull());
    CHECK(field(churn, "versions").toInt() == 2);
    CHECK(field(churn, "open_requests").toInt() == 0);
    CHECK(field(churn, "open_findings").toInt() == 0);
    CHECK(field(churn, "next_review").isNull());

    const QJsonValue shown = pipeline.json({QStringLiteral("show"), QStringLiteral("churn")});
    const QJsonValue assessment = field(shown, "assessment");
    CHECK(field(assessment, "tier").toInt() == 3);
    CHECK(text(assessment, "eu_category") == QLatin1String("minimal_risk"));
    CHECK(text(assessment, "assessed_by") == QLatin1String("ci-bot"));
    CHECK(field(field(assessment, "scores"), "fairness").toInt() == 1);
    CHECK(text(assessment, "rule").startsWith(QLatin1String("Tier 3: the weighted score 1.00")));
    const QJsonValue v2 = CliModelPipeline::version(shown, 2);
    CHECK(field(v2, "approved") == QJsonValue(false));
    CHECK(field(v2, "card_complete") == QJsonValue(false));
    CHECK(field(v2, "card_missing").toArray().contains(QJsonValue(QStringLiteral("Intended use"))));
    CHECK(field(shown, "requests").toArray().isEmpty());
    CHECK(field(shown, "alias_history").toObject().isEmpty());

    const CliResult table = pipeline.model({QStringLiteral("list")});
    CHECK(table.out.startsWith(
        QLatin1String("name   owner  tier  production  versions  open requests  open findings"
                      "  next review\nchurn  olga   3     -           2         0   ")));
    const CliResult shownText = pipeline.model({QStringLiteral("show"), QStringLiteral("churn")});
    CHECK(shownText.out.contains(QLatin1String("Owner: olga; business owner: Retention team\n")));
    CHECK(shownText.out.contains(QLatin1String("Tier: 3\n  Tier 3: the weighted score")));
    CHECK(pipeline.model({QStringLiteral("show"), QStringLiteral("fraud")}).status == 1);
    CHECK(
        pipeline.model({QStringLiteral("list"), QStringLiteral("--format"), QStringLiteral("csv")}).status ==
        2);
}

TEST_CASE("model card writes sections from a JSON file and show --version reads them back", "[cli][model]") {
    CliModelPipeline pipeline;
    pipeline.registerVersions();
    const QDir folder = QFileInfo(pipeline.path()).dir();
    const QString cardPath = folder.filePath(QStringLiteral("card.json"));
    const auto writeFile = [](const QString& path, const QByteArray& content) {
        QFile file(path);
        REQUIRE(file.open(QIODevice::WriteOnly));
        file.write(content);
    };
    writeFile(cardPath, R"({"intended_use": "Rank customers by churn risk for retention calls.",
                            "caveats": "Not evaluated on business customers."})");
    const QStringList cardOfV2{QStringLiteral("card"), QStringLiteral("churn"), QStringLiteral("--version"),
                               QStringLiteral("2"), QStringLiteral("--from-file")};
    const CliResult saved = pipeline.model(cardOfV2 + QStringList{cardPath});
    CHECK(saved.status == 0);
    CHECK(saved.out.startsWith(
        QLatin1String("Saved 2 section(s) of the model card of churn v2; still empty: ")));

    // A second file adds to the card rather than replacing it.
    writeFile(cardPath, R"({"factors": "Region and tenure."})");
    REQUIRE(pipeline.model(cardOfV2 + QStringList{cardPath}).status == 0);
    const QJsonValue version = pipeline.json(
        {QStringLiteral("show"), QStringLiteral("churn"), QStringLiteral("--version"), QStringLiteral("2")});
    CHECK(field(version, "version").toInt() == 2);
    CHECK(field(version, "evidence").toArray().isEmpty());
    QMap<QString, QString> sections;
    for (const QJsonValue& section : field(field(version, "card"), "sections").toArray())
        sections.insert(text(section, "key"), text(section, "text"));
    CHECK(sections.value(QStringLiteral("intended_use")) ==
          QLatin1String("Rank customers by churn risk for retention calls."));
    CHECK(sections.value(QStringLiteral("caveats")) == QLatin1String("Not evaluated on business customers."));
    CHECK(sections.value(QStringLiteral("factors")) == QLatin1String("Region and tenure."));
    CHECK(sections.value(QStringLiteral("training_data")).isEmpty());
    CHECK(pipeline
              .model({QStringLiteral("show"), QStringLiteral("churn"), QStringLiteral("--version"),
                      QStringLiteral("2")})
              .out.contains(QLatin1String("  Intended use (intended_use): Rank customers by churn risk")));

    writeFile(cardPath, R"({"intended_use": "x", "colour": "blue"})");
    const CliResult unknownSection = pipeline.model(cardOfV2 + QStringList{cardPath});
    CHECK(unknownSection.status == 1);
    CHECK(unknownSection.err == QLatin1String("assay-cli: A model card has no section \"colour\".\n"));
    writeFile(cardPath, R"({"intended_use": "x",})");
    const CliResult badJson = pipeline.model(cardOfV2 + QStringList{cardPath});
    CHECK(badJson.status == 1);
    CHECK(badJson.err.startsWith(QLatin1String("assay-cli: ") + cardPath +
                                 QLatin1String(": not valid JSON at offset ")));
    CHECK(pipeline
              .model({QStringLiteral("show"), QStringLiteral("churn"), QStringLiteral("--version"),
                      QStringLiteral("7")})
              .err == QLatin1String("assay-cli: Model \"churn\" has no version 7.\n"));
}

TEST_CASE("model request prints the number, the sign-offs and the gates", "[cli][model]") {
    CliModelPipeline pipeline;
    pipeline.registerVersions();
    const CliResult ownerless = pipeline.model(requestVersion2());
    CHECK(ownerless.status == 1);
    CHECK(ownerless.err.startsWith(QLatin1String("assay-cli: Name an owner for churn first")));
    pipeline.prepareTier3();

    const CliResult submitted =
        pipeline.model(requestVersion2() + QStringList{QStringLiteral("--justification"),
                                                       QStringLiteral("Better recall on new customers")});
    INFO(submitted.err.toStdString());
    CHECK(submitted.status == 0);
    const QStringList lines = submitted.out.split(QLatin1Char('\n'));
    CHECK(lines.value(0) == QString::fromUtf8("Submitted #1: churn v2 → production, Tier 3 under policy v1"));
    CHECK(lines.value(1) == QLatin1String("Sign-offs required by Tier 3:"));
    CHECK(lines.value(3) == QLatin1String("  model owner                   (waiting)"));
    CHECK(lines.value(4) == QLatin1String("  reviewer (not the developer)  (waiting)"));
    CHECK(lines.value(5) == QLatin1String("Gates (as the data stands now):"));
    CHECK(submitted.out.contains(QLatin1String("Primary metric against the champion  passed")));
    CHECK(submitted.out.contains(QLatin1String("auc = 0.82; there is no champion in production yet.")));
    CHECK(submitted.out.contains(QLatin1String("Evidence for Tier 3                  failed")));
    CHECK(submitted.out.contains(QLatin1String("Missing: complete model card.")));

    const QJsonValue request = pipeline.json({QStringLiteral("requests"), QStringLiteral("1")});
    CHECK(field(request, "id").toInt() == 1);
    CHECK(text(request, "status") == QLatin1String("open"));
    CHECK(text(request, "submitted_by") == QLatin1String("ci-bot"));
    CHECK(text(request, "justification") == QLatin1String("Better recall on new customers"));
    CHECK(field(request, "revision").toInt() == 1);
    const QJsonArray signOffs = field(request, "sign_offs").toArray();
    REQUIRE(signOffs.size() == 2);
    CHECK(text(signOffs[0], "key") == QLatin1String("model_owner"));
    CHECK(text(signOffs[1], "key") == QLatin1String("reviewer"));
    CHECK(field(signOffs[0], "given_by").isNull());
    QMap<QString, QString> gates;
    for (const QJsonValue& gate : field(request, "gates").toArray())
        gates.insert(text(gate, "key"), text(gate, "status"));
    CHECK(gates == QMap<QString, QString>{{QStringLiteral("critical_findings"), QStringLiteral("passed")},
                                          {QStringLiteral("drift"), QStringLiteral("not_applicable")},
                                          {QStringLiteral("evidence"), QStringLiteral("failed")},
                                          {QStringLiteral("primary_metric"), QStringLiteral("passed")}});
    CHECK(field(pipeline.json({QStringLiteral("list")}).toArray().at(0), "open_requests").toInt() == 1);

    const CliResult again = pipeline.model(requestVersion2());
    CHECK(again.status == 1);
    CHECK(again.err.startsWith(
        QLatin1String("assay-cli: Request #1 to move churn's production alias is still open")));
    const CliResult review =
        pipeline.model({QStringLiteral("request"), QStringLiteral("churn"), QStringLiteral("--review")});
    CHECK(review.status == 1);
    CHECK(review.err == QLatin1String("assay-cli: churn has no version in production to review.\n"));
    CHECK(pipeline.model({QStringLiteral("request"), QStringLiteral("churn")}).status == 2);
}

TEST_CASE("model requests lists all, open ones and each reviewer's inbox", "[cli][model]") {
    CliModelPipeline pipeline;
    pipeline.registerVersions();
    pipeline.prepareTier3();
    REQUIRE(pipeline.model(requestVersion2()).status == 0);
    const auto inboxOf = [&](const QString& login) {
        QList<int> ids;
        for (const QJsonValue& request :
             pipeline.json({QStringLiteral("requests"), QStringLiteral("--inbox")}, login).toArray())
            ids << field(request, "id").toInt();
        return ids;
    };
    CHECK(inboxOf(QStringLiteral("olga")) == QList<int>{1}); // the model owner
    CHECK(inboxOf(QStringLiteral("val")) == QList<int>{1});  // a reviewer
    CHECK(inboxOf(QStringLiteral("ci-bot")).isEmpty());      // submitted it
    CHECK(inboxOf(QStringLiteral("ada")).isEmpty());         // made the run
    const CliResult table = pipeline.model({QStringLiteral("requests"), QStringLiteral("--open")});
    CHECK(table.out.contains(QString::fromUtf8("#1  churn v2 → production  3     Awaiting sign-off")));
    CHECK(table.out.contains(QLatin1String("model owner, reviewer (not the developer)")));

    const CliResult notTheirs = pipeline.model(
        {QStringLiteral("withdraw"), QStringLiteral("1"), QStringLiteral("--reason"), QStringLiteral("no")},
        QStringLiteral("val"));
    CHECK(notTheirs.status == 1);
    const CliResult withdrawn = pipeline.model({QStringLiteral("withdraw"), QStringLiteral("#1"),
                                                QStringLiteral("--reason"), QStringLiteral("Wrong version")});
    CHECK(withdrawn.status == 0);
    CHECK(withdrawn.out == QLatin1String("Withdrew request #1\n"));
    CHECK(pipeline.json({QStringLiteral("requests"), QStringLiteral("--open")}).toArray().isEmpty());
    CHECK(text(pipeline.json({QStringLiteral("requests")}).toArray().at(0), "status") ==
          QLatin1String("withdrawn"));
}

TEST_CASE("model decide: command-line mistakes are refused before the keychain is asked", "[cli][model]") {
    CliModelPipeline pipeline;
    pipeline.registerVersions();
    pipeline.prepareTier3();
    REQUIRE(pipeline.model(requestVersion2()).status == 0);
    const QStringList decide{QStringLiteral("decide"),    QStringLiteral("1"),
                             QStringLiteral("--outcome"), QStringLiteral("conditions"),
                             QStringLiteral("--comment"), QStringLiteral("Fine")};
    const CliResult twoFields = pipeline.model(
        decide + QStringList{QStringLiteral("--condition"), QStringLiteral("Recalibrate;olga")},
        QStringLiteral("olga"));
    CHECK(twoFields.status == 2);
    CHECK(
        twoFields.err.startsWith(QLatin1String("assay-cli: --condition \"Recalibrate;olga\": expected 3 or 4 "
                                               "fields separated by ';', found 2")));
    const CliResult badDate = pipeline.model(
        decide + QStringList{QStringLiteral("--condition"), QStringLiteral("Recalibrate;olga;31/12/2030")},
        QStringLiteral("olga"));
    CHECK(badDate.status == 2);
    CHECK(badDate.err.contains(QLatin1String("\"31/12/2030\" is not a date (YYYY-MM-DD)")));
    const CliResult outcome =
        pipeline.model({QStringLiteral("decide"), QStringLiteral("1"), QStringLiteral("--outcome"),
                        QStringLiteral("yes"), QStringLiteral("--comment"), QStringLiteral("ok")},
                       QStringLiteral("olga"));
    CHECK(outcome.status == 2);
    CHECK(
        outcome.err.startsWith(QLatin1String("assay-cli: --outcome must be approve, conditions or reject")));
    CHECK(pipeline
              .model({QStringLiteral("decide"), QStringLiteral("one"), QStringLiteral("--outcome"),
                      QStringLiteral("approve"), QStringLiteral("--comment"), QStringLiteral("ok")})
              .status == 2);
    CHECK(pipeline
              .model({QStringLiteral("decide"), QStringLiteral("1"), QStringLiteral("--outcome"),
                      QStringLiteral("approve")})
              .status == 2);
    CHECK(field(pipeline.json({QStringLiteral("requests"), QStringLiteral("1")}), "decisions")
              .toArray()
              .isEmpty());
}

TEST_CASE("model decide without a reachable keychain says so and writes nothing", "[cli][model][keychain]") {
    CliModelPipeline pipeline;
    pipeline.registerVersions();
    pipeline.prepareTier3();
    REQUIRE(pipeline.model(requestVersion2()).status == 0);
    const QString noBus = QFileInfo(pipeline.path()).dir().filePath(QStringLiteral("no-bus"));
    const CliResult refused = runCliWithEnvironment(
        QStringLiteral("olga"),
        {QStringLiteral("model"), QStringLiteral("decide"), QStringLiteral("1"), QStringLiteral("--outcome"),
         QStringLiteral("approve"), QStringLiteral("--comment"), QStringLiteral("Fits the retention policy."),
         QStringLiteral("-w"), pipeline.path()},
        {{QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), QStringLiteral("unix:path=") + noBus}});
    CHECK(refused.status == 1);
    CHECK(refused.out.isEmpty());
    CHECK(refused.err.startsWith(QLatin1String("assay-cli: Could not ")));
    CHECK(refused.err.contains(QLatin1String("never in a plaintext file")));
    CHECK(refused.err.count(QLatin1Char('\n')) == 1);
    const QJsonValue request = pipeline.json({QStringLiteral("requests"), QStringLiteral("1")});
    CHECK(field(request, "decisions").toArray().isEmpty());
    CHECK(field(request, "revision").toInt() == 1);
    CHECK(pipeline.command({QStringLiteral("audit"), QStringLiteral("verify")}).status == 0);
}
