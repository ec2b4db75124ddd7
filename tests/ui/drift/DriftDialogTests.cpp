#include "DriftDialogData.h"
#include "core/drift/DriftMethod.h"
#include "core/drift/DriftMonitors.h"
#include "core/registry/Registry.h"
#include "core/workspace/Workspace.h"
#include "tests/support/TemporaryWorkspace.h"
#include "tests/ui/support/GovernanceTestData.h"
#include "tests/ui/support/UiTestData.h"
#include "ui/drift/AddDriftDataDialog.h"
#include "ui/drift/ChoiceDelegate.h"
#include "ui/drift/DriftColumnChoiceModel.h"
#include "ui/drift/DriftDataFileModel.h"
#include "ui/drift/DriftRuleModel.h"
#include "ui/drift/DriftRulesDialog.h"
#include "ui/drift/DriftTask.h"
#include "ui/drift/DriftThresholdsForm.h"
#include "ui/drift/NewDriftMonitorDialog.h"
#include "ui/models/ModelPage.h"
#include "ui/session/UiSettings.h"
#include "ui/session/WorkspaceSession.h"
#include "ui/workspace/MainWindow.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPointer>
#include <QProgressDialog>
#include <QPushButton>
#include <QTemporaryDir>

#include <catch2/catch.hpp>

using namespace assay;
using assay::test::TemporaryWorkspace;

namespace {

// The governed models (churn in production at version 2) with the drift CSV files, shown in a
// main window acting as tester (a data scientist).
struct DriftDialogFixture {
    TemporaryWorkspace ws;
    test::GovernedModels models = test::addGovernedModels(ws);
    QTemporaryDir dir;
    test::DriftCsvFiles files = test::writeDriftCsvFiles(dir.path());
    UiSettings settings{dir.filePath(QStringLiteral("gui.conf"))};
    WorkspaceSession session;
    std::unique_ptr<MainWindow> window;

    DriftDialogFixture() {
        session.setWorkspace(ws.reopen());
        window = std::make_unique<MainWindow>(session, settings);
        window->show();
        REQUIRE(QTest::qWaitForWindowExposed(window.get()));
    }

    qint64 versionId(int version) const {
        return Registry(*session.workspace()).version(models.churn, version)->id;
    }

    // A monitor made through core: weekly by date, age a key feature.
    qint64 weeklyMonitor(const QString& name = QStringLiteral("weekly")) {
        DriftMonitorSpec spec;
        spec.versionId = versionId(2);
        spec.name = name;
        spec.referencePath = files.reference;
        spec.features = {QStringLiteral("age"), QStringLiteral("tenure"), QStringLiteral("plan")};
        spec.keyFeatures = {QStringLiteral("age")};
        spec.timestampColumn = QStringLiteral("date");
        spec.period = DriftPeriod::Week;
        return DriftMonitors::createFromFile(*session.workspace(), spec);
    }

    template <class Dialog>
    Dialog* openedDialog() {
        auto* dialog = window->findChild<Dialog*>();
        REQUIRE(dialog);
        REQUIRE(dialog->isVisible());
        return dialog;
    }
};

QMessageBox* errorBox(QWidget* parent) {
    auto* box = parent->findChild<QMessageBox*>(QStringLiteral("errorMessage"));
    return box && box->isVisible() ? box : nullptr;
}

int rowOf(const QAbstractItemModel& model, const QString& name) {
    for (int row = 0; row < model.rowCount(); ++row) {
        if (model.index(row, 0).data().toString() == name)
            return row;
    }
    FAIL("no row " << name.toStdString());
    return -1;
}

void setCheck(QAbstractItemModel& model, int row, int column, bool checked) {
    REQUIRE(
        model.setData(model.index(row, column), checked ? Qt::Checked : Qt::Unchecked, Qt::CheckStateRole));
}

QList<DriftWindow> windowsOf(const Workspace& workspace, qint64 monitorId) {
    return DriftMonitors(workspace).windows(monitorId);
}

} // namespace

TEST_CASE("New Drift Monitor creates the monitor with the chosen features, keys, types and period",
          "[drift-dialogs]") {
    DriftDialogFixture f;
    f.window->showModel(f.models.churn);
    f.window->newDriftMonitorAction()->trigger();
    auto* dialog = f.openedDialog<NewDriftMonitorDialog>();
    QAbstractItemModelTester tester(dialog->columnModel(),
                                    QAbstractItemModelTester::FailureReportingMode::Fatal);

    // The production version and the name "production" are the defaults.
    CHECK(dialog->versionCombo()->currentData().toLongLong() == f.versionId(2));
    CHECK(dialog->nameEdit()->text() == QLatin1String("production"));
    CHECK_FALSE(dialog->okButton()->isEnabled()); // no reference yet

    REQUIRE(dialog->setReferencePath(f.files.reference));
    DriftColumnChoiceModel& columns = *dialog->columnModel();
    REQUIRE(columns.rowCount() == 7);
    CHECK(columns.features().size() == 7); // every column by default
    CHECK(dialog->referenceStatus()->text().contains(QLatin1String("7 columns")));

    // Weekly windows pick the date column; label and prediction leave the features.
    dialog->periodCombo()->setCurrentIndex(
        dialog->periodCombo()->findData(static_cast<int>(DriftPeriod::Week)));
    CHECK(dialog->timestampCombo()->currentData().toString() == QLatin1String("date"));
    dialog->labelCombo()->setCurrentIndex(dialog->labelCombo()->findData(QStringLiteral("label")));
    dialog->predictionCombo()->setCurrentIndex(
        dialog->predictionCombo()->findData(QStringLiteral("prediction")));
    dialog->metricCombo()->setCurrentIndex(
        dialog->metricCombo()->findData(static_cast<int>(PerformanceMetric::Accuracy)));
    CHECK(columns.features() == QStringList({QStringLiteral("age"), QStringLiteral("tenure"),
                                             QStringLiteral("plan"), QStringLiteral("score")}));
    CHECK_FALSE(columns.flags(columns.index(rowOf(columns, QStringLiteral("date")), 0)) & Qt::ItemIsEnabled);

    setCheck(columns, rowOf(columns, QStringLiteral("score")), DriftColumnChoiceModel::FeatureColumn, false);
    setCheck(columns, rowOf(columns, QStringLiteral("age")), DriftColumnChoiceModel::KeyColumn, true);
    REQUIRE(columns.setData(
        columns.index(rowOf(columns, QStringLiteral("tenure")), DriftColumnChoiceModel::TypeColumn),
        QStringLiteral("categorical")));
    dialog->thresholdsForm()->spinBox(QStringLiteral("psi"))->setValue(0.2);
    dialog->nameEdit()->setText(QStringLiteral("inputs"));
    REQUIRE(dialog->okButton()->isEnabled());
    test::saveScreenshot(*dialog, QStringLiteral("new-drift-monitor"));

    QPointer<NewDriftMonitorDialog> guard(dialog);
    dialog->okButton()->click();
    REQUIRE(test::waitFor([&] { return !guard || !guard->isVisible(); }));

    const QList<DriftMonitor> monitors = DriftMonitors(*f.session.workspace()).monitors(f.models.churn);
    REQUIRE(monitors.size() == 1);
    const DriftMonitor& monitor = monitors.first();
    CHECK(monitor.name == QLatin1String("inputs"));
    CHECK(monitor.versionId == f.versionId(2));
    CHECK(monitor.referenceRows == 200);
    CHECK(monitor.period == DriftPeriod::Week);
    CHECK(monitor.timestampColumn == QLatin1String("date"));
    CHECK(monitor.labelColumn == QLatin1String("label"));
    CHECK(monitor.metric == PerformanceMetric::Accuracy);
    CHECK(monitor.thresholds.psi == Approx(0.2));
    QStringList names;
    for (const DriftFeature& feature : monitor.features)
        names << feature.name;
    CHECK(names == QStringList({QStringLiteral("age"), QStringLiteral("tenure"), QStringLiteral("plan")}));
    CHECK(monitor.feature(QStringLiteral("age"))->key);
    CHECK_FALSE(monitor.feature(QStringLiteral("plan"))->key);
    CHECK(monitor.feature(QStringLiteral("tenure"))->type == CsvColumnType::Categorical);
}

TEST_CASE("A bad reference file is refused with its line and column, and nothing is written",
          "[drift-dialogs]") {
    DriftDialogFixture f;
    NewDriftMonitorDialog* dialog = f.window->newDriftMonitor(f.models.churn);
    REQUIRE(dialog);
    REQUIRE(dialog->setReferencePath(f.files.bad)); // the header reads
    dialog->nameEdit()->setText(QStringLiteral("kept"));
    dialog->okButton()->click();

    REQUIRE(test::waitFor([&] { return errorBox(dialog) != nullptr; }));
    const QString message = errorBox(dialog)->text();
    CHECK(message.contains(QLatin1String("bad.csv:3:")));
    CHECK(message.contains(QLatin1String("row has 1 fields")));
    CHECK(DriftMonitors(*f.session.workspace()).monitors(f.models.churn).isEmpty());
    // The dialog stays, with what the user typed, ready for another try.
    CHECK(dialog->isVisible());
    CHECK(dialog->nameEdit()->text() == QLatin1String("kept"));
    CHECK(dialog->okButton()->isEnabled());
    errorBox(dialog)->close();

    // A file that is not there says so at once.
    CHECK_FALSE(dialog->setReferencePath(f.dir.filePath(QStringLiteral("missing.csv"))));
    CHECK(dialog->referenceStatus()->text().contains(QLatin1String("missing.csv")));
    CHECK_FALSE(dialog->okButton()->isEnabled());
}

TEST_CASE("Cancel stops reading the reference and writes nothing", "[drift-dialogs]") {
    DriftDialogFixture f;
    NewDriftMonitorDialog* dialog = f.window->newDriftMonitor(f.models.churn);
    REQUIRE(dialog);
    REQUIRE(dialog->setReferencePath(f.files.big));
    dialog->okButton()->click();
    REQUIRE(dialog->task()->isRunning());
    CHECK_FALSE(dialog->okButton()->isEnabled());
    // The progress dialog's Cancel button (the dialog itself shows only after half a second); the
    // reader checks between chunks.
    QProgressDialog* progress = dialog->task()->progressDialog();
    auto* cancel = progress->findChild<QPushButton*>();
    REQUIRE(cancel);
    cancel->click();
    // Enabled again once the task has reported its end (gone, had the monitor been made after all).
    QPointer<NewDriftMonitorDialog> guard(dialog);
    REQUIRE(test::waitFor(
        [&] { return !guard || (!guard->task()->isRunning() && guard->okButton()->isEnabled()); }));
    REQUIRE(guard);
    CHECK(errorBox(dialog) == nullptr); // a cancel is not an error
    CHECK(DriftMonitors(*f.session.workspace()).monitors(f.models.churn).isEmpty());
    CHECK(dialog->isVisible());
    CHECK(dialog->okButton()->isEnabled());
}

TEST_CASE("Add Drift Data adds weekly windows and names those that recommend retraining", "[drift-dialogs]") {
    DriftDialogFixture f;
    const qint64 monitorId = f.weeklyMonitor();
    f.window->showModel(f.models.churn);
    // One monitor on the model shown: no question which.
    f.window->addDriftDataAction()->trigger();
    auto* dialog = f.openedDialog<AddDriftDataDialog>();
    QAbstractItemModelTester tester(dialog->fileModel(),
                                    QAbstractItemModelTester::FailureReportingMode::Fatal);
    CHECK_FALSE(dialog->okButton()->isEnabled());
    dialog->addFiles({f.files.current});
    test::saveScreenshot(*dialog, QStringLiteral("add-drift-data"));
    dialog->okButton()->click();

    REQUIRE(
        test::waitFor([&] { return f.window->findChild<QMessageBox*>(QStringLiteral("driftDataSummary")); }));
    const QString summary = f.window->findChild<QMessageBox*>(QStringLiteral("driftDataSummary"))->text();
    CHECK(summary.contains(QLatin1String("2 windows added from 1 file")));
    CHECK(summary.contains(QLatin1String("Retraining recommended by 2026-W11.")));
    const QList<DriftWindow> windows = windowsOf(*f.session.workspace(), monitorId);
    REQUIRE(windows.size() == 2);
    CHECK(windows[0].label == QLatin1String("2026-W10"));
    CHECK_FALSE(windows[0].retrainingRecommended);
    CHECK(windows[1].label == QLatin1String("2026-W11"));
    CHECK(windows[1].retrainingRecommended);
    CHECK(windows[1].driftedKeyFeatures == QStringList{QStringLiteral("age")});
}

TEST_CASE("Per-file windows take their labels — a file whose window exists is refused whole",
          "[drift-dialogs]") {
    DriftDialogFixture f;
    DriftMonitorSpec spec;
    spec.versionId = f.versionId(2);
    spec.name = QStringLiteral("batches");
    spec.referencePath = f.files.reference;
    spec.features = {QStringLiteral("age"), QStringLiteral("plan")};
    const qint64 monitorId = DriftMonitors::createFromFile(*f.session.workspace(), spec);

    AddDriftDataDialog* dialog = f.window->addDriftData(monitorId);
    REQUIRE(dialog);
    dialog->addFiles({f.files.batch03, f.files.batch04, f.files.batch03}); // the repeat is skipped
    DriftDataFileModel& files = *dialog->fileModel();
    REQUIRE(files.rowCount() == 2);
    CHECK(files.index(0, DriftDataFileModel::WindowColumn).data().toString() == QLatin1String("batch-03"));
    REQUIRE(files.setData(files.index(1, DriftDataFileModel::WindowColumn), QStringLiteral("april")));
    QPointer<AddDriftDataDialog> guard(dialog);
    dialog->okButton()->click();
    REQUIRE(test::waitFor([&] { return !guard; }));
    QList<DriftWindow> windows = windowsOf(*f.session.workspace(), monitorId);
    REQUIRE(windows.size() == 2);
    CHECK(windows[0].label == QLatin1String("batch-03"));
    CHECK(windows[1].label == QLatin1String("april"));

    // batch-03 again: its window is there, so the file adds nothing and stays listed.
    dialog = f.window->addDriftData(monitorId);
    REQUIRE(dialog);
    dialog->addFiles({f.files.batch03});
    dialog->okButton()->click();
    REQUIRE(test::waitFor([&] { return errorBox(dialog) != nullptr; }));
    CHECK(errorBox(dialog)->text().contains(QLatin1String("already has data")));
    CHECK(windowsOf(*f.session.workspace(), monitorId).size() == 2);
    CHECK(dialog->isVisible());
    CHECK(dialog->fileModel()->rowCount() == 1);

    // A malformed file names its line and column.
    errorBox(dialog)->close();
    dialog->fileModel()->removeFile(0);
    dialog->addFiles({f.files.bad});
    dialog->okButton()->click();
    REQUIRE(test::waitFor([&] { return errorBox(dialog) != nullptr; }));
    CHECK(errorBox(dialog)->text().contains(QLatin1String("bad.csv:")));
    CHECK(windowsOf(*f.session.workspace(), monitorId).size() == 2);
}

TEST_CASE("The Drift menu asks which monitor when the model has several", "[drift-dialogs]") {
    DriftDialogFixture f;
    f.weeklyMonitor(QStringLiteral("first"));
    const qint64 second = f.weeklyMonitor(QStringLiteral("second"));
    f.window->showModel(f.models.churn);
    f.window->driftRulesAction()->trigger();
    auto* choice = f.window->findChild<QInputDialog*>(QStringLiteral("driftChoice"));
    REQUIRE(choice);
    REQUIRE(choice->comboBoxItems().size() == 2);
    choice->setTextValue(QStringLiteral("churn v2 · second"));
    choice->accept();
    auto* dialog = f.openedDialog<DriftRulesDialog>();
    CHECK(dialog->windowTitle().contains(QLatin1String("second")));
    CHECK(dialog->ruleModel()->rowCount() == 3);
    dialog->reject();
    CHECK(DriftMonitors(*f.session.workspace()).monitor(second)->thresholds.ksP == Approx(0.05));
}

TEST_CASE("The Drift page's buttons and the Drift menu open the dialogs for the monitor shown",
          "[drift-dialogs]") {
    DriftDialogFixture f;
    f.weeklyMonitor(QStringLiteral("first"));
    const qint64 second = f.weeklyMonitor(QStringLiteral("second"));
    f.window->showDrift(f.models.churn, second);
    auto* page = f.window->findChild<QWidget*>(QStringLiteral("driftPage"));
    REQUIRE(page);

    // The menu takes the monitor on the page instead of asking which of the two.
    f.window->driftRulesAction()->trigger();
    CHECK_FALSE(f.window->findChild<QInputDialog*>(QStringLiteral("driftChoice")));
    auto* rules = f.openedDialog<DriftRulesDialog>();
    CHECK(rules->windowTitle().contains(QLatin1String("second")));
    rules->reject();
    QCoreApplication::processEvents();

    page->findChild<QPushButton*>(QStringLiteral("addDriftDataButton"))->click();
    auto* addData = f.openedDialog<AddDriftDataDialog>();
    addData->reject();
    page->findChild<QPushButton*>(QStringLiteral("newMonitorButton"))->click();
    auto* newMonitor = f.openedDialog<NewDriftMonitorDialog>();
    newMonitor->reject();
}

TEST_CASE("Drift Thresholds change methods and keys, and every window is judged again", "[drift-dialogs]") {
    DriftDialogFixture f;
    const qint64 monitorId = f.weeklyMonitor();
    DriftMonitors::addFile(*f.session.workspace(), monitorId, f.files.current);
    REQUIRE(windowsOf(*f.session.workspace(), monitorId).at(1).retrainingRecommended);

    DriftRulesDialog* dialog = f.window->editDriftRules(monitorId);
    REQUIRE(dialog);
    DriftRuleModel& rules = *dialog->ruleModel();
    QAbstractItemModelTester tester(&rules, QAbstractItemModelTester::FailureReportingMode::Fatal);
    const int age = rowOf(rules, QStringLiteral("age"));
    const int plan = rowOf(rules, QStringLiteral("plan"));
    CHECK(rules.index(age, DriftRuleModel::MethodColumn).data().toString() == QLatin1String("KS p-value"));
    CHECK(rules.index(age, DriftRuleModel::ThresholdColumn)
              .data()
              .toString()
              .contains(QLatin1String("monitor")));
    // The method choices are the monitorable ones.
    CHECK(rules.index(age, DriftRuleModel::MethodColumn).data(ChoiceDelegate::ValuesRole).toStringList() ==
          DriftMethod::monitorable());

    // Core refuses a numerical test on a categorical feature; the dialog stays and nothing changes.
    REQUIRE(rules.setData(rules.index(plan, DriftRuleModel::MethodColumn), QStringLiteral("ks")));
    dialog->okButton()->click();
    REQUIRE(errorBox(dialog));
    CHECK(errorBox(dialog)->text().contains(QLatin1String("\"plan\" cannot use KS p-value")));
    CHECK(DriftMonitors(*f.session.workspace()).monitor(monitorId)->feature(QStringLiteral("plan"))->method !=
          QLatin1String("ks"));
    errorBox(dialog)->close();
    REQUIRE(rules.setData(rules.index(plan, DriftRuleModel::MethodColumn), QStringLiteral("jensen_shannon")));
    REQUIRE(rules.setData(rules.index(plan, DriftRuleModel::ThresholdColumn), QStringLiteral("0.3")));

    // Age no longer a key feature, and only all features drifting make dataset drift: week 11,
    // where only age drifts, no longer recommends retraining.
    setCheck(rules, age, DriftRuleModel::KeyColumn, false);
    dialog->thresholdsForm()->spinBox(QStringLiteral("dataset_share"))->setValue(1.0);
    test::saveScreenshot(*dialog, QStringLiteral("drift-rules"));
    QPointer<DriftRulesDialog> guard(dialog);
    dialog->okButton()->click();
    REQUIRE(test::waitFor([&] { return !guard || !guard->isVisible(); }));

    const DriftMonitor monitor = *DriftMonitors(*f.session.workspace()).monitor(monitorId);
    CHECK(monitor.thresholds.datasetShare == Approx(1.0));
    CHECK_FALSE(monitor.feature(QStringLiteral("age"))->key);
    CHECK(monitor.feature(QStringLiteral("plan"))->method == QLatin1String("jensen_shannon"));
    CHECK(monitor.feature(QStringLiteral("plan"))->threshold == Approx(0.3));
    const QList<DriftWindow> windows = windowsOf(*f.session.workspace(), monitorId);
    REQUIRE(windows.size() == 2);
    CHECK(windows[1].driftedFeatures >= 1);
    CHECK_FALSE(windows[1].retrainingRecommended);
}
