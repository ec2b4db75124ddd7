// assay: the GUI. Parses the command line and opens the main window; nothing else.
#include "ComparePage.h"
#include "ExperimentsPage.h"
#include "MainWindow.h"
#include "RunPage.h"
#include "RunQuery.h"
#include "Tracking.h"
#include "UiSettings.h"
#include "Workspace.h"
#include "WorkspaceSession.h"

#include <QApplication>
#include <QComboBox>
#include <QCommandLineParser>
#include <QTabWidget>
#include <QTimer>

#include <cstdio>

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
const QString requestOption = QStringLiteral("request");

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
    // With --screenshot: which page to show, "run" (--run UID), "compare" (the --runs N newest),
    // "reviews" or "request" (--request N).
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
          QCommandLineOption(requestOption, QStringLiteral("The request to show."), QStringLiteral("N"))}) {
        option.setFlags(QCommandLineOption::HiddenFromHelp);
        parser.addOption(option);
    }
}

} // namespace

int main(int argc, char* argv[]) {
    QApplication app(argc, argv);
    // No organization name: the default workspace is then <data>/assay/default.assay, where
    // assay-cli looks for it too.
    QCoreApplication::setApplicationName(QStringLiteral("assay"));
    QCoreApplication::setApplicationVersion(QStringLiteral(ASSAY_VERSION));
    QGuiApplication::setApplicationDisplayName(QStringLiteral("Assay"));

    QCommandLineParser parser;
    defineOptions(parser);
    parser.process(app);
    const QStringList positional = parser.positionalArguments();
    if (positional.size() > 1) {
        std::fputs("assay: at most one WORKSPACE may be given.\nTry 'assay --help'.\n", stderr);
        return 2;
    }

    UiSettings settings;
    WorkspaceSession session;
    MainWindow window(session, settings);
    const QString screenshot = parser.value(screenshotOption);
    if (!screenshot.isEmpty())
        window.resize(1280, 800);
    window.show();
    if (parser.isSet(demoOption))
        window.openDemoWorkspace();
    else
        window.openAtStartup(positional.value(0, qEnvironmentVariable("ASSAY_WORKSPACE")));

    if (session.workspace() && parser.isSet(filterOption))
        window.experimentsPage()->applyFilter(parser.value(filterOption));
    if (session.workspace() && parser.isSet(groupByOption)) {
        // The choices arrive with the keys, which load on a worker.
        QTimer::singleShot(300, &window, [&window, what = parser.value(groupByOption)] {
            QComboBox* groupBy = window.experimentsPage()->groupByCombo();
            groupBy->setCurrentIndex(std::max(0, groupBy->findData(what)));
        });
    }
    if (session.workspace() && parser.value(pageOption) == QLatin1String("run")) {
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
    } else if (session.workspace() && parser.value(pageOption) == QLatin1String("reviews")) {
        window.showReviews();
    } else if (session.workspace() && parser.value(pageOption) == QLatin1String("request")) {
        window.showRequest(parser.value(requestOption).toLongLong());
    }

    if (!screenshot.isEmpty()) {
        QTimer::singleShot(parser.isSet(pageOption) ? 2500 : 500, &window, [&] {
            const bool saved = window.grab().save(screenshot);
            if (!saved)
                std::fputs("assay: cannot save the screenshot.\n", stderr);
            QCoreApplication::exit(saved ? 0 : 1);
        });
    }
    return app.exec();
}
