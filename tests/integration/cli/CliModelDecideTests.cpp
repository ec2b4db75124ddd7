// assay-cli model decide against a real Secret Service: run through with-keyring.sh (ctest does
// so), whose private D-Bus session the assay-cli child processes inherit. The model owner and a
// reviewer sign a Tier 3 promotion through the CLI; core's segregation of duties answers
// through it.
#include "CliModelPipeline.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>

#include <catch2/catch.hpp>

using assay::test::CliModelPipeline;
using assay::test::CliResult;

namespace {

void requireSession() {
    INFO("run this test through tests/integration/with-keyring.sh, which provides a Secret Service");
    REQUIRE(qEnvironmentVariableIsSet("DBUS_SESSION_BUS_ADDRESS"));
}

QJsonValue field(const QJsonValue& value, const char* key) {
    return value.toObject().value(QLatin1String(key));
}

QString text(const QJsonValue& value, const char* key) {
    return field(value, key).toString();
}

QStringList decide(const QString& requestId, const QString& outcome, const QStringList& more = {}) {
    return QStringList{QStringLiteral("decide"),    requestId,
                       QStringLiteral("--outcome"), outcome,
                       QStringLiteral("--comment"), QStringLiteral("Read the evidence; it holds.")} +
           more;
}

// "signed with key 3" in model decide's output.
qint64 keyIdIn(const QString& output) {
    const QRegularExpressionMatch match =
        QRegularExpression(QStringLiteral("signed with key (\\d+) \\(verified\\)")).match(output);
    return match.hasMatch() ? match.captured(1).toLongLong() : -1;
}

} // namespace

TEST_CASE("A Tier 3 promotion signed through the CLI by the owner and a reviewer executes",
          "[cli][model][keychain]") {
    requireSession();
    CliModelPipeline pipeline;
    pipeline.registerVersions();
    pipeline.prepareTier3();
    const CliResult submitted = pipeline.model({QStringLiteral("request"), QStringLiteral("churn"),
                                                QStringLiteral("--version"), QStringLiteral("2")});
    REQUIRE(submitted.status == 0);
    REQUIRE(submitted.out.startsWith(QLatin1String("Submitted #1: ")));

    // Segregation of duties, in core's words.
    const CliResult submitter = pipeline.model(decide(QStringLiteral("1"), QStringLiteral("approve")));
    CHECK(submitter.status == 1);
    CHECK(submitter.err ==
          QLatin1String("assay-cli: ci-bot submitted request #1 and may not decide it; segregation "
                        "of duties needs someone else.\n"));
    const CliResult developer =
        pipeline.model(decide(QStringLiteral("1"), QStringLiteral("approve")), QStringLiteral("ada"));
    CHECK(developer.status == 1);
    CHECK(developer.err.startsWith(
        QString::fromUtf8("assay-cli: ada created the run behind churn v2 and may not decide on it")));
    const CliResult badCondition = pipeline.model(
        decide(QStringLiteral("1"), QStringLiteral("conditions"),
               {QStringLiteral("--condition"), QStringLiteral("Recalibrate monthly;olga;next month")}),
        QStringLiteral("val"));
    CHECK(badCondition.status == 2);
    CHECK(badCondition.err.contains(QLatin1String("--condition \"Recalibrate monthly;olga;next month\"")));

    const CliResult owner = pipeline.model(decide(QStringLiteral("1"), QStringLiteral("approve"),
                                                  {QStringLiteral("--revision"), QStringLiteral("1")}),
                                           QStringLiteral("olga"));
    INFO(owner.err.toStdString());
    REQUIRE(owner.status == 0);
    CHECK(owner.out.startsWith(
        QString::fromUtf8("Signed #1 (churn v2 → production) as model owner: approved\n")));
    CHECK(owner.out.contains(
        QLatin1String("Request #1 is not executed yet; it still needs: reviewer (not the developer).\n")));
    const qint64 ownersKey = keyIdIn(owner.out);
    CHECK(ownersKey > 0);

    const CliResult twice =
        pipeline.model(decide(QStringLiteral("1"), QStringLiteral("approve")), QStringLiteral("olga"));
    CHECK(twice.status == 1);
    CHECK(
        twice.err.startsWith(QLatin1String("assay-cli: olga has signed request #1 already, as model owner")));
    const CliResult outdated = pipeline.model(decide(QStringLiteral("1"), QStringLiteral("approve"),
                                                     {QStringLiteral("--revision"), QStringLiteral("1")}),
                                              QStringLiteral("val"));
    CHECK(outdated.status == 1);
    CHECK(
        outdated.err.startsWith(QLatin1String("assay-cli: Request #1 changed while you were looking at it")));

    const CliResult reviewer = pipeline.model(
        decide(QStringLiteral("1"), QStringLiteral("conditions"),
               {QStringLiteral("--condition"), QStringLiteral("Recalibrate monthly;olga;2030-01-31;high"),
                QStringLiteral("--revision"), QStringLiteral("2")}),
        QStringLiteral("val"));
    INFO(reviewer.err.toStdString());
    REQUIRE(reviewer.status == 0);
    CHECK(reviewer.out.startsWith(QString::fromUtf8(
        "Signed #1 (churn v2 → production) as reviewer (not the developer): approved with conditions\n")));
    CHECK(reviewer.out.contains(QLatin1String(
        "condition raised as finding #1 (high, owner olga, due 2030-01-31): Recalibrate monthly\n")));
    CHECK(
        reviewer.out.contains(QLatin1String("Request #1 executed: churn's production alias now points at v2; "
                                            "next review due ")));
    const qint64 reviewersKey = keyIdIn(reviewer.out);
    CHECK(reviewersKey > 0);
    CHECK(reviewersKey != ownersKey);

    const QJsonValue shown = pipeline.json({QStringLiteral("show"), QStringLiteral("churn")});
    CHECK(field(shown, "production_version").toInt() == 2);
    CHECK_FALSE(field(shown, "next_review").isNull());
    const QJsonValue v2 = CliModelPipeline::version(shown, 2);
    CHECK(field(v2, "aliases").toArray() == QJsonArray{QStringLiteral("production")});
    CHECK(field(v2, "approved") == QJsonValue(true));
    const QJsonArray production = field(field(shown, "alias_history"), "production").toArray();
    REQUIRE(production.size() == 1);
    CHECK(field(production[0], "version").toInt() == 2);
    CHECK(field(production[0], "previous_version").isNull());
    CHECK(text(production[0], "reason")
              .startsWith(QLatin1String("Request #1 approved by olga (model owner), val")));
    const QJsonValue request = field(shown, "requests").toArray().at(0);
    CHECK(text(request, "status") == QLatin1String("executed"));
    const QJsonArray decisions = field(request, "decisions").toArray();
    REQUIRE(decisions.size() == 2);
    CHECK(text(decisions[0], "decided_by") == QLatin1String("olga"));
    CHECK(text(decisions[0], "sign_off") == QLatin1String("model_owner"));
    CHECK(field(decisions[0], "key_id").toInteger() == ownersKey);
    CHECK(text(decisions[1], "decided_by") == QLatin1String("val"));
    CHECK(text(decisions[1], "outcome") == QLatin1String("approve_with_conditions"));
    CHECK(field(decisions[1], "key_id").toInteger() == reviewersKey);
    for (const QJsonValue& decision : decisions)
        CHECK(text(decision, "status") == QLatin1String("verified"));
    const QJsonArray findings = field(shown, "open_findings").toArray();
    REQUIRE(findings.size() == 1);
    CHECK(text(findings[0], "owner") == QLatin1String("olga"));
    CHECK(text(findings[0], "severity") == QLatin1String("high"));
    CHECK(text(findings[0], "due_date") == QLatin1String("2030-01-31"));

    const QJsonValue listed = pipeline.json({QStringLiteral("list")}).toArray().at(0);
    CHECK(field(listed, "production_version").toInt() == 2);
    CHECK(field(listed, "open_requests").toInt() == 0);
    CHECK(field(listed, "open_findings").toInt() == 1);
    CHECK(field(listed, "review_overdue") == QJsonValue(false));
    CHECK(pipeline.model({QStringLiteral("show"), QStringLiteral("churn")})
              .out.contains(QLatin1String("Production: v2; next review ")));

    const CliResult closed =
        pipeline.model(decide(QStringLiteral("1"), QStringLiteral("reject")), QStringLiteral("rita"));
    CHECK(closed.status == 1);
    CHECK(closed.err.contains(QLatin1String("it takes no more decisions")));

    // With a version in production, its periodic review can be opened.
    const CliResult review =
        pipeline.model({QStringLiteral("request"), QStringLiteral("churn"), QStringLiteral("--review"),
                        QStringLiteral("--justification"), QStringLiteral("Annual look")});
    INFO(review.err.toStdString());
    CHECK(review.status == 0);
    CHECK(review.out.startsWith(
        QLatin1String("Submitted #2: Periodic review of churn v2, Tier 3 under policy v1\n")));
    CHECK(pipeline.json({QStringLiteral("requests"), QStringLiteral("--inbox")}, QStringLiteral("olga"))
              .toArray()
              .size() == 1);

    const CliResult audit = pipeline.command({QStringLiteral("audit"), QStringLiteral("verify")});
    INFO(audit.err.toStdString());
    CHECK(audit.status == 0);
    CHECK(audit.out.contains(QLatin1String("audit verify: 2 decision signatures verified\n")));
}

TEST_CASE("One rejection through the CLI ends the request", "[cli][model][keychain]") {
    requireSession();
    CliModelPipeline pipeline;
    pipeline.registerVersions();
    pipeline.prepareTier3();
    REQUIRE(pipeline
                .model({QStringLiteral("request"), QStringLiteral("churn"), QStringLiteral("--version"),
                        QStringLiteral("1"), QStringLiteral("--alias"), QStringLiteral("staging")})
                .status == 0);
    // rita is a risk officer: for Tier 3 she can give the reviewer sign-off, and so reject.
    const CliResult rejected = pipeline.model(decide(QStringLiteral("#1"), QStringLiteral("reject"),
                                                     {QStringLiteral("--as"), QStringLiteral("reviewer")}),
                                              QStringLiteral("rita"));
    INFO(rejected.err.toStdString());
    REQUIRE(rejected.status == 0);
    CHECK(rejected.out.startsWith(
        QString::fromUtf8("Signed #1 (churn v1 → staging) as reviewer (not the developer): "
                          "rejected\n")));
    CHECK(rejected.out.contains(QLatin1String("Request #1 is rejected; it takes no more decisions.\n")));
    const QJsonValue shown = pipeline.json({QStringLiteral("show"), QStringLiteral("churn")});
    CHECK(field(CliModelPipeline::version(shown, 1), "aliases").toArray().isEmpty());
    CHECK(text(field(shown, "requests").toArray().at(0), "status") == QLatin1String("rejected"));
    CHECK(pipeline.command({QStringLiteral("audit"), QStringLiteral("verify")}).status == 0);
}
