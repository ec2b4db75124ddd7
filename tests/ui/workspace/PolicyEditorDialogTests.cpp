#include "core/governance/Policies.h"
#include "core/workspace/Workspace.h"
#include "tests/ui/support/GovernanceDialogData.h"
#include "ui/session/WorkspaceSession.h"
#include "ui/workspace/PolicyDocumentView.h"
#include "ui/workspace/PolicyEditorDialog.h"
#include "ui/workspace/PolicyHistoryModel.h"

#include <QAbstractItemModelTester>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTableView>
#include <QTest>

#include <catch2/catch.hpp>
#include <functional>

using namespace assay;
using assay::test::GovernanceWorkspace;

namespace {

struct PolicyFixture {
    GovernanceWorkspace data;
    WorkspaceSession session;

    explicit PolicyFixture(const QString& actor = QStringLiteral("tester")) { data.openAs(session, actor); }
};

QString edited(const std::function<void(QJsonObject&)>& edit) {
    QJsonObject root = QJsonDocument::fromJson(TierPolicy::defaultPolicyJson()).object();
    edit(root);
    return QString::fromUtf8(QJsonDocument(root).toJson());
}

void setDimensionWeight(QJsonObject& root, int index, double weight) {
    QJsonArray dimensions = root.value(QStringLiteral("dimensions")).toArray();
    QJsonObject dimension = dimensions.at(index).toObject();
    dimension.insert(QStringLiteral("weight"), weight);
    dimensions.replace(index, dimension);
    root.insert(QStringLiteral("dimensions"), dimensions);
}

} // namespace

TEST_CASE("The policy editor shows the current policy laid out for reading", "[policy]") {
    PolicyFixture fx;
    PolicyEditorDialog dialog(fx.session);
    QAbstractItemModelTester tester(dialog.historyModel(),
                                    QAbstractItemModelTester::FailureReportingMode::Fatal);
    CHECK(dialog.titleLabel()->text() == QStringLiteral("Tier policy: Assay's default"));
    CHECK(dialog.historyModel()->rowCount() == 0);
    CHECK(dialog.editor()->toPlainText().toUtf8() == TierPolicy::defaultPolicyJson());
    CHECK(dialog.noticeLabel()->isHidden());
    CHECK_FALSE(dialog.editor()->isReadOnly());
    CHECK_FALSE(dialog.publishButton()->isEnabled()); // nothing edited yet

    const QString text = dialog.documentView()->toPlainText();
    for (const char* expected :
         {"Customer impact", "20%", "Tier 1 — High", "≥ 3.00", "every 12 months",
          "Prohibited practice (Art. 5)", "blocked", "Independent validator", "validation report", "0.01"})
        CHECK_THAT(text.toStdString(), Catch::Contains(expected));
}

TEST_CASE("The policy editor refuses invalid JSON, naming the path at fault", "[policy]") {
    PolicyFixture fx;
    PolicyEditorDialog dialog(fx.session);
    dialog.editor()->setPlainText(edited([](QJsonObject& root) { setDimensionWeight(root, 2, 0); }));
    CHECK(dialog.publishButton()->isEnabled());
    dialog.validateButton()->click();
    CHECK_FALSE(dialog.validationLabel()->isHidden());
    CHECK(dialog.validationLabel()->text().contains(QStringLiteral("dimensions[2].weight must be above 0")));

    CHECK_FALSE(dialog.publish(QStringLiteral("Zero weight")));
    CHECK(Policies(*fx.session.workspace()).history().isEmpty());

    // A syntax error is placed: the cursor goes where parsing stopped.
    dialog.editor()->setPlainText(QStringLiteral("{\n  \"name\": \"x\",\n  oops\n}"));
    CHECK_FALSE(dialog.validate());
    CHECK(dialog.validationLabel()->text().contains(QStringLiteral("not valid JSON")));
    CHECK(dialog.editor()->textCursor().blockNumber() == 2);

    // Fixing the text makes the verdict go.
    dialog.editor()->setPlainText(edited([](QJsonObject&) {}));
    CHECK(dialog.validationLabel()->isHidden());
}

TEST_CASE("The policy editor publishes a valid edit as the next version", "[policy]") {
    PolicyFixture fx;
    PolicyEditorDialog dialog(fx.session);
    QAbstractItemModelTester tester(dialog.historyModel(),
                                    QAbstractItemModelTester::FailureReportingMode::Fatal);
    dialog.editor()->setPlainText(
        edited([](QJsonObject& root) { root.insert(QStringLiteral("primary_metric_tolerance"), 0.02); }));
    CHECK(dialog.validate());
    CHECK(dialog.validationLabel()->text().startsWith(QStringLiteral("Valid: 7 dimensions")));
    REQUIRE(dialog.publish(QStringLiteral("Looser champion gate")));

    const QList<PolicyVersion> history = Policies(*fx.session.workspace()).history();
    REQUIRE(history.size() == 2);
    CHECK(history.first().version == 2);
    CHECK(history.first().note == QStringLiteral("Looser champion gate"));
    CHECK(history.first().createdBy == QStringLiteral("tester"));
    CHECK(history.last().version == 1);
    CHECK(Policies(*fx.session.workspace()).currentPolicy().primaryMetricTolerance() == 0.02);

    CHECK(dialog.titleLabel()->text() == QStringLiteral("Tier policy, version 2"));
    CHECK(dialog.validationLabel()->text() == QStringLiteral("Published as version 2."));
    REQUIRE(dialog.historyModel()->rowCount() == 2);
    CHECK(dialog.historyModel()->index(0, PolicyHistoryModel::VersionColumn).data().toInt() == 2);
    CHECK(dialog.historyModel()->index(0, PolicyHistoryModel::NoteColumn).data().toString() ==
          QStringLiteral("Looser champion gate"));
    CHECK(dialog.documentView()->toPlainText().contains(QStringLiteral("Version 2, the current policy.")));
    CHECK_FALSE(dialog.publishButton()->isEnabled());

    // An older version can be read from the history.
    dialog.historyView()->selectRow(1);
    CHECK(
        dialog.documentView()->toPlainText().contains(QStringLiteral("Version 1, superseded by version 2.")));
}

TEST_CASE("Someone who is not an admin reads the policy but cannot publish", "[policy]") {
    PolicyFixture fx(QStringLiteral("dana"));
    PolicyEditorDialog dialog(fx.session);
    CHECK_FALSE(dialog.mayPublish());
    CHECK_FALSE(dialog.noticeLabel()->isHidden());
    CHECK(dialog.noticeLabel()->text().contains(QStringLiteral("only an admin may publish")));
    CHECK(dialog.editor()->isReadOnly());
    CHECK_FALSE(dialog.publishButton()->isEnabled());

    // The buttons say so, and core refuses all the same.
    dialog.editor()->setPlainText(
        edited([](QJsonObject& root) { root.insert(QStringLiteral("primary_metric_tolerance"), 0.05); }));
    CHECK_FALSE(dialog.publishButton()->isEnabled());
    CHECK_FALSE(dialog.publish(QStringLiteral("Sneaky")));
    CHECK(dialog.validationLabel()->text().contains(QStringLiteral("dana may not publish a tier policy")));
    CHECK(Policies(*fx.session.workspace()).history().isEmpty());
}
