#include "core/identity/Identity.h"
#include "core/registry/ModelCards.h"
#include "core/registry/Registry.h"
#include "core/tracking/Tracking.h"
#include "core/workspace/AuditLog.h"
#include "core/workspace/AuditVerification.h"
#include "core/workspace/Workspace.h"
#include "core/workspace/WriteTransaction.h"
#include "tests/support/TemporaryWorkspace.h"
#include "ui/explore/RegisterVersionDialog.h"
#include "ui/explore/RunPage.h"
#include "ui/models/ModelPage.h"
#include "ui/models/ModelVersionsPane.h"
#include "ui/session/UiSettings.h"
#include "ui/session/WorkspaceSession.h"
#include "ui/workspace/MainWindow.h"

#include <QComboBox>
#include <QLabel>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStandardItemModel>
#include <QTemporaryDir>
#include <QTest>

#include <catch2/catch.hpp>

using namespace assay;
using assay::test::TemporaryWorkspace;

namespace {

// Two runs, "ada" a data scientist and "ana" an analyst.
struct RegisterFixture {
    TemporaryWorkspace ws;
    QList<qint64> runIds;

    RegisterFixture() {
        ws->write([&](WriteTransaction& tx) {
            Identity::addUser(tx, QStringLiteral("ada"), QStringLiteral("Ada Lovelace"),
                              {Role::DataScientist});
            Identity::addUser(tx, QStringLiteral("ana"), QStringLiteral("Ana Lyst"), {Role::Analyst});
            Run run;
            run.experimentId = Tracking::createExperiment(tx, QStringLiteral("churn"));
            run.status = RunStatus::Finished;
            run.user = QStringLiteral("alice");
            for (const char* name : {"first", "second"}) {
                run.name = QLatin1String(name);
                runIds.append(Tracking::createRun(tx, run));
            }
        });
    }
};

RegisterVersionDialog* openDialog(RunPage& page, qint64 runId) {
    page.showRun(runId);
    REQUIRE(page.registerButton()->isEnabled());
    page.registerButton()->click();
    auto* dialog = page.findChild<RegisterVersionDialog*>(QStringLiteral("registerVersionDialog"));
    REQUIRE(dialog);
    REQUIRE(dialog->isVisible());
    return dialog;
}

void registerAs(RegisterVersionDialog* dialog, const QString& model, const QString& description) {
    dialog->modelCombo()->setCurrentText(model);
    dialog->descriptionEdit()->setPlainText(description);
    REQUIRE(dialog->registerButton()->isEnabled());
    dialog->registerButton()->click();
}

} // namespace

TEST_CASE("Registering runs from the Run page makes versions 1 and 2 and copies the card", "[register]") {
    RegisterFixture f;
    QTemporaryDir dir;
    UiSettings settings(dir.filePath(QStringLiteral("gui.conf")));
    WorkspaceSession session;
    session.setWorkspace(f.ws.reopen(QStringLiteral("ada")));
    MainWindow window(session, settings);
    window.show();
    REQUIRE(QTest::qWaitForWindowExposed(&window));
    window.showRun(f.runIds.at(0));

    RegisterVersionDialog* first = openDialog(*window.runPage(), f.runIds.at(0));
    CHECK(first->modelCombo()->count() == 0);
    first->modelCombo()->setCurrentText(QStringLiteral("churn-model"));
    CHECK(first->hintLabel()->text().contains(QLatin1String("version 1")));
    registerAs(first, QStringLiteral("churn-model"), QStringLiteral("Baseline"));
    QTest::qWait(0); // the dialog deletes itself on close

    const Registry registry(*session.workspace());
    const std::optional<RegisteredModel> model = registry.modelByName(QStringLiteral("churn-model"));
    REQUIRE(model);
    const std::optional<ModelVersion> v1 = registry.version(model->id, 1);
    REQUIRE(v1);
    CHECK(v1->runId == f.runIds.at(0));
    CHECK(v1->description == QLatin1String("Baseline"));
    CHECK(v1->createdBy == QLatin1String("ada"));
    // Success shows the model's page at the new version.
    CHECK(window.currentPage() == window.modelPage());
    CHECK(window.modelPage()->modelId() == model->id);
    CHECK(window.modelPage()->versionsPane()->selectedVersion() == 1);

    const QString firstKey = ModelCards::sections().first().key;
    session.workspace()->write([&](WriteTransaction& tx) {
        ModelCards::save(tx, v1->id, {{firstKey, QStringLiteral("Predicts churn within 90 days.")}});
    });

    window.showRun(f.runIds.at(1));
    RegisterVersionDialog* second = openDialog(*window.runPage(), f.runIds.at(1));
    CHECK(second->modelCombo()->findText(QStringLiteral("churn-model")) >= 0);
    second->modelCombo()->setCurrentText(QStringLiteral("churn-model"));
    CHECK(second->hintLabel()->text().contains(QLatin1String("version 2")));
    registerAs(second, QStringLiteral("churn-model"), QString());
    QTest::qWait(0);

    const std::optional<ModelVersion> v2 = registry.version(model->id, 2);
    REQUIRE(v2);
    CHECK(v2->runId == f.runIds.at(1));
    CHECK(ModelCards(*session.workspace()).card(v2->id).value(firstKey) ==
          QLatin1String("Predicts churn within 90 days."));
    CHECK(window.modelPage()->versionsPane()->selectedVersion() == 2);
    // The Run page lists the version made from its run.
    window.showRun(f.runIds.at(1));
    REQUIRE(window.runPage()->versionsModel()->rowCount() == 1);
    CHECK(window.runPage()->versionsModel()->index(0, 1).data().toString() == QLatin1String("2"));
}

TEST_CASE("Someone who is not a data scientist is refused and nothing is written", "[register]") {
    RegisterFixture f;
    WorkspaceSession session;
    session.setWorkspace(f.ws.reopen(QStringLiteral("ana")));
    RunPage page(session);
    page.show();
    REQUIRE(QTest::qWaitForWindowExposed(&page));
    const qint64 eventsBefore = AuditLog::verify(session.workspace()->database()).eventCount;

    RegisterVersionDialog* dialog = openDialog(page, f.runIds.at(0));
    registerAs(dialog, QStringLiteral("churn-model"), QStringLiteral("Baseline"));

    auto* box = dialog->findChild<QMessageBox*>(QStringLiteral("errorMessage"));
    REQUIRE(box);
    CHECK(box->text().contains(QLatin1String("ana")));
    CHECK(box->text().contains(QLatin1String("data scientist role")));
    CHECK(dialog->isVisible());
    CHECK_FALSE(dialog->registered().has_value());
    CHECK(Registry(*session.workspace()).models().isEmpty());
    CHECK(AuditLog::verify(session.workspace()->database()).eventCount == eventsBefore);
}
