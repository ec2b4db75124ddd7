// assay: the GUI. Parses the command line and opens the main window; nothing else.
#include "StartupReport.h"
#include "core/audit/AuditTrail.h"
#include "core/registry/Registry.h"
#include "core/tracking/RunQuery.h"
#include "core/tracking/Tracking.h"
#include "core/workspace/Workspace.h"
#include "ui/audit/AuditPage.h"
#include "ui/explore/ComparePage.h"
#include "ui/explore/ExperimentsPage.h"
#include "ui/explore/RunPage.h"
#include "ui/explore/RunTableView.h"
#include "ui/models/ModelCardDialog.h"
#include "ui/models/ModelPage.h"
#include "ui/models/ModelsPage.h"
#include "ui/models/RiskAssessmentWizard.h"
#include "ui/session/UiSettings.h"
#include "ui/session/WorkspaceSession.h"
#include "ui/widgets/PaletteTone.h"
#include "ui/workspace/AboutDialog.h"
#include "ui/workspace/KeyboardShortcutsDialog.h"
#include "ui/workspace/MainWindow.h"
#include "ui/workspace/PolicyEditorDialog.h"
#include "ui/workspace/UsersDialog.h"

#include <QApplication>
#include <QComboBox>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QIcon>
#include <QTabWidget>
#include <QTimer>

#include <cstdio>
#include <memory>

using namespace assay;

namespace {

const QString screenshotOption = QStringLiteral("screenshot");
const QString demoOption = QStringLiteral("demo");
const QString pageOption = QStringLiteral("page");
const QString runOption = QStringLiteral("run");
const QString runsOption = QStringLiteral("runs");
const QString tabOption = QStringLiteral("tab");
const QString filterOption = QStringLiteral("filter");
const QString groupByOption = QStringLiteral("group-by");
const QString dialogOption = QStringLiteral("dialog");
const QString modelOption = QStringLiteral("model");
const QString versionOption = QStringLiteral("model-version");
const QString requestOption = QStringLiteral("request");
const QString darkOption = QStringLiteral("dark");
const QString reportStartupOption = QStringLiteral("report-startup");
constexpr int reportStartupTimeoutMs = 60'000;

void defineOptions(QCommandLineParser& parser) {
    parser.setApplicationDescription(QStringLiteral("Assay: a desktop workbench for model governance."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("WORKSPACE"),
                                 QStringLiteral("The .assay file to open (default: the default workspace, "
                                                "created on first start)."),
                                 QStringLiteral("[WORKSPACE]"));
    parser.addOption(
        {demoOption, QStringLiteral("Open the demo workspace, creating and filling it on first use.")});
    // For developers and CI: render the window once loaded, save it as an image and quit.
    QCommandLineOption screenshot(screenshotOption, QStringLiteral("Save the window to FILE and quit."),
                                  QStringLiteral("FILE"));
    screenshot.setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOption(screenshot);
    // For the start-up benchmark: print how long the runs table took to show its first page, as
    // JSON, and quit.
    QCommandLineOption reportStartup(reportStartupOption,
                                     QStringLiteral("Print the start-up time and memory as JSON and quit."));
    reportStartup.setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOption(reportStartup);
    // With --screenshot: which page to show, "runs" (the Experiments page), "run" (--run UID), "compare" (the
    // --runs N newest), "models" or "model" (--model NAME), "reviews" or "request" (--request N), "drift"
    // (--model NAME, default: the first monitored model), "audit" (with the first integrity problem's event,
    // or the newest, selected), or which dialog to open and save instead of the window.
    for (QCommandLineOption option :
         {QCommandLineOption(pageOption, QStringLiteral("Show PAGE."), QStringLiteral("PAGE")),
          QCommandLineOption(runOption, QStringLiteral("The run to show."), QStringLiteral("UID")),
          QCommandLineOption(runsOption, QStringLiteral("How many runs to compare."), QStringLiteral("N")),
          QCommandLineOption(tabOption, QStringLiteral("The tab of the page to show."),
                             QStringLiteral("TAB")),
          QCommandLineOption(filterOption, QStringLiteral("The run filter of the Experiments page."),
                             QStringLiteral("EXPR")),
          QCommandLineOption(groupByOption, QStringLiteral("Group the runs by param:KEY or tag:KEY."),
                             QStringLiteral("WHAT")),
          QCommandLineOption(
              dialogOption,
              QStringLiteral(
                  "Open the dialog users, assess, card, policy, about or shortcuts; it is what is saved."),
              QStringLiteral("DIALOG")),
          QCommandLineOption(modelOption, QStringLiteral("The registered model to show, or of the dialog."),
                             QStringLiteral("NAME")),
          QCommandLineOption(versionOption, QStringLiteral("The version of the model (default: the latest)."),
                             QStringLiteral("N")),
          QCommandLineOption(requestOption, QStringLiteral("The request to show."), QStringLiteral("N")),
          // How the windows look on a dark desktop theme, whatever the machine's.
          QCommandLineOption(darkOption, QStringLiteral("Use a dark palette."))}) {
        option.setFlags(QCommandLineOption::HiddenFromHelp);
        parser.addOption(option);
    }
}

// The title bar's and task switcher's icon under X11; Wayland shells take the desktop entry's.
QIcon applicationIcon() {
    QIcon icon;
    for (const int size : {16, 32, 48, 64, 128, 256})
        icon.addFile(QStringLiteral(":/icons/assay-%1.png").arg(size), QSize(size, size));
    return icon;
}

// The dialog --dialog names, opened over the window; null when it names nothing there is.
QWidget* openDialog(MainWindow& window, const Workspace& workspace, const QCommandLineParser& parser) {
    const QString which = parser.value(dialogOption);
    const int tab = parser.value(tabOption).toInt();
    if (which == QLatin1String("about"))
        return window.showAbout();
    if (which == QLatin1String("shortcuts"))
        return window.showKeyboardShortcuts();
    if (which == QLatin1String("policy")) {
        PolicyEditorDialog* dialog = window.editTierPolicy();
        if (dialog)
            dialog->tabs()->setCurrentIndex(tab);
        return dialog;
    }
    const Registry registry(workspace);
    const std::optional<RegisteredModel> model = registry.modelByName(parser.value(modelOption));
    if (!model)
        return nullptr;
    if (which == QLatin1String("assess")) {
        RiskAssessmentWizard* wizard = window.assessRisk(model->id);
        // --tab N: the Nth page, as far as the choices made so far allow.
        for (int i = 0; wizard && i < tab && wizard->currentPage()->isComplete(); ++i)
            wizard->next();
        return wizard;
    }
    if (which == QLatin1String("card")) {
        const QList<ModelVersion> versions = registry.versions(model->id);
        if (versions.isEmpty())
            return nullptr;
        qint64 versionId = versions.first().id; // newest first
        for (const ModelVersion& version : versions) {
            if (version.version == parser.value(versionOption).toInt())
                versionId = version.id;
        }
        ModelCardDialog* dialog = window.editModelCard(versionId);
        if (dialog)
            dialog->tabs()->setCurrentIndex(tab);
        return dialog;
    }
    return nullptr;
}

} // namespace

int main(int argc, char* argv[]) {
    QElapsedTimer sinceMain;
    sinceMain.start();
    QApplication app(argc, argv);
    // No organization name: the default workspace is then <data>/assay/default.assay, where
    // assay-cli looks for it too.
    QCoreApplication::setApplicationName(QStringLiteral("assay"));
    QCoreApplication::setApplicationVersion(QStringLiteral(ASSAY_VERSION));
    QGuiApplication::setApplicationDisplayName(QStringLiteral("Assay"));
    // The installed desktop entry's id (packaging/), so that shells match windows to it.
    QGuiApplication::setDesktopFileName(QStringLiteral("io.github.assay.Assay"));
    QApplication::setWindowIcon(applicationIcon());

    QCommandLineParser parser;
    defineOptions(parser);
    parser.process(app);
    const QStringList positional = parser.positionalArguments();
    if (positional.size() > 1) {
        std::fputs("assay: at most one WORKSPACE may be given.\nTry 'assay --help'.\n", stderr);
        return 2;
    }

    if (parser.isSet(darkOption))
        QApplication::setPalette(PaletteTone::darkPalette());

    std::unique_ptr<StartupReport> startup;
    if (parser.isSet(reportStartupOption)) {
        startup = std::make_unique<StartupReport>(sinceMain);
        startup->mark(QStringLiteral("application"));
    }
    UiSettings settings;
    WorkspaceSession session;
    MainWindow window(session, settings);
    if (startup)
        startup->mark(QStringLiteral("window"));
    const QString screenshot = parser.value(screenshotOption);
    if (!screenshot.isEmpty())
        window.resize(1280, 800);
    window.show();
    if (parser.isSet(demoOption))
        window.openDemoWorkspace();
    else
        window.openAtStartup(positional.value(0, qEnvironmentVariable("ASSAY_WORKSPACE")));
    if (startup) {
        startup->mark(QStringLiteral("opened"));
        startup->reportWhenPainted(window.experimentsPage()->runView(), reportStartupTimeoutMs);
    }

    if (session.workspace() && parser.isSet(filterOption))
        window.experimentsPage()->applyFilter(parser.value(filterOption));
    if (session.workspace() && parser.isSet(groupByOption)) {
        // The choices arrive with the keys, which load on a worker.
        QTimer::singleShot(300, &window, [&window, what = parser.value(groupByOption)] {
            QComboBox* groupBy = window.experimentsPage()->groupByCombo();
            groupBy->setCurrentIndex(std::max(0, groupBy->findData(what)));
        });
    }
    if (session.workspace() && parser.value(pageOption) == QLatin1String("runs")) {
        window.showPage(window.experimentsPage());
    } else if (session.workspace() && parser.value(pageOption) == QLatin1String("run")) {
        if (const std::optional<Run> run = Tracking(*session.workspace()).runByUid(parser.value(runOption)))
            window.showRun(run->id);
        window.runPage()->tabs()->setCurrentIndex(parser.value(tabOption).toInt());
    } else if (session.workspace() && parser.value(pageOption) == QLatin1String("compare")) {
        QList<qint64> ids;
        for (const RunRow& row :
             RunQuery(*session.workspace()).page({}, {}, 0, parser.value(runsOption).toInt()))
            ids.append(row.run.id);
        window.showCompare(ids);
        window.comparePage()->tabs()->setCurrentIndex(parser.value(tabOption).toInt());
    } else if (session.workspace() && parser.value(pageOption) == QLatin1String("models")) {
        window.showPage(window.modelsPage());
    } else if (session.workspace() && parser.value(pageOption) == QLatin1String("model")) {
        if (const auto model = Registry(*session.workspace()).modelByName(parser.value(modelOption)))
            window.showModel(model->id);
        window.modelPage()->tabs()->setCurrentIndex(parser.value(tabOption).toInt());
    } else if (session.workspace() && parser.value(pageOption) == QLatin1String("reviews")) {
        window.showReviews();
    } else if (session.workspace() && parser.value(pageOption) == QLatin1String("request")) {
        window.showRequest(parser.value(requestOption).toLongLong());
    } else if (session.workspace() && parser.value(pageOption) == QLatin1String("drift")) {
        const auto model = Registry(*session.workspace()).modelByName(parser.value(modelOption));
        window.showDrift(model ? model->id : 0);
    } else if (session.workspace() && parser.value(pageOption) == QLatin1String("audit")) {
        // The first problem's event, or the newest one, so that the detail pane shows something.
        const qint64 problemSeq = window.auditPage()->integrityReport().problems.value(0).seq;
        window.showAudit(problemSeq ? problemSeq : AuditTrail(*session.workspace()).lastSeq());
    }

    QWidget* dialog = nullptr;
    if (session.workspace() && parser.value(dialogOption) == QLatin1String("users"))
        dialog = window.showUsersDialog();
    else if (session.workspace() && parser.isSet(dialogOption))
        dialog = openDialog(window, *session.workspace(), parser);

    if (!screenshot.isEmpty()) {
        QTimer::singleShot(parser.isSet(pageOption) || dialog ? 2500 : 500, &window, [&] {
            const bool saved = (dialog ? dialog : static_cast<QWidget*>(&window))->grab().save(screenshot);
            if (!saved)
                std::fputs("assay: cannot save the screenshot.\n", stderr);
            QCoreApplication::exit(saved ? 0 : 1);
        });
    }
    return app.exec();
}
