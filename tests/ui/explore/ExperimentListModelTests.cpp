#include "core/tracking/Tracking.h"
#include "core/workspace/Workspace.h"
#include "core/workspace/WriteTransaction.h"
#include "tests/support/TemporaryWorkspace.h"
#include "tests/ui/support/UiTestData.h"
#include "ui/explore/ExperimentListModel.h"
#include "ui/session/WorkspaceSession.h"

#include <QAbstractItemModelTester>

#include <catch2/catch.hpp>

using namespace assay;
using assay::test::TemporaryWorkspace;

TEST_CASE("The experiment list is an \"All experiments\" row, then each experiment with its run count",
          "[experiments]") {
    TemporaryWorkspace ws;
    test::addRuns(ws.workspace(), QStringLiteral("churn"), QStringLiteral("c"), 12, 1'700'000'000'000, false);
    test::addRuns(ws.workspace(), QStringLiteral("api-latency"), QStringLiteral("l"), 5, 1'700'000'000'000,
                  false);
    WorkspaceSession session;
    session.setWorkspace(ws.reopen());
    ExperimentListModel model(session);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);

    REQUIRE(model.rowCount() == 3);
    CHECK(model.index(0).data().toString() == QLatin1String("All experiments"));
    CHECK(model.index(0).data(ExperimentListModel::RunCountRole).toLongLong() == 17);
    CHECK(model.scopeAt(model.index(0)).experimentIds.isEmpty());
    // Sorted by name, as core lists them.
    CHECK(model.index(1).data().toString() == QLatin1String("api-latency"));
    CHECK(model.index(1).data(ExperimentListModel::RunCountRole).toLongLong() == 5);
    CHECK(model.index(2).data().toString() == QLatin1String("churn"));
    CHECK(model.index(2).data(ExperimentListModel::RunCountRole).toLongLong() == 12);

    const qint64 churnId = Tracking(*session.workspace()).experimentByName(QStringLiteral("churn"))->id;
    CHECK(model.scopeAt(model.index(2)).experimentIds == QList<qint64>{churnId});
    CHECK(model.rowOf(churnId) == 2);
    CHECK(model.rowOf(-42) == 0);
    CHECK(model.scopeTitle(model.index(2)) == QLatin1String("churn"));
    CHECK(model.scopeTitle(model.index(0)) == QLatin1String("all experiments"));

    SECTION("a commit adding an experiment and runs reloads the list") {
        test::addRuns(*session.workspace(), QStringLiteral("billing"), QStringLiteral("b"), 2,
                      1'700'000'000'000, false);
        REQUIRE(model.rowCount() == 4);
        CHECK(model.index(1).data().toString() == QLatin1String("api-latency"));
        CHECK(model.index(2).data().toString() == QLatin1String("billing"));
        CHECK(model.index(0).data(ExperimentListModel::RunCountRole).toLongLong() == 19);
    }
    SECTION("an empty workspace still has the \"All\" row; no workspace has no rows") {
        TemporaryWorkspace empty;
        session.setWorkspace(empty.reopen());
        CHECK(model.rowCount() == 1);
        CHECK(model.index(0).data(ExperimentListModel::RunCountRole).toLongLong() == 0);
        session.close();
        CHECK(model.rowCount() == 0);
    }
}
