#include "core/search/RunFilterError.h"
#include "core/search/RunFilterParser.h"
#include "core/tracking/RunListFormat.h"
#include "core/tracking/RunQuery.h"
#include "core/tracking/SavedViews.h"
#include "core/tracking/Tracking.h"
#include "core/workspace/Workspace.h"
#include "core/workspace/WriteTransaction.h"
#include "tests/support/TemporaryWorkspace.h"
#include "tests/ui/support/UiTestData.h"
#include "ui/explore/ExperimentListModel.h"
#include "ui/explore/ExperimentsPage.h"
#include "ui/explore/RunCsvExport.h"
#include "ui/explore/RunFilterBar.h"
#include "ui/explore/RunFilterEdit.h"
#include "ui/explore/RunFilterErrorView.h"
#include "ui/explore/RunFilterHighlighter.h"
#include "ui/explore/RunGroupModel.h"
#include "ui/explore/RunGroupPanel.h"
#include "ui/explore/RunTableModel.h"
#include "ui/explore/RunTableView.h"
#include "ui/session/UiSettings.h"
#include "ui/session/WorkspaceSession.h"
#include "ui/widgets/RunValueFormat.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QBuffer>
#include <QClipboard>
#include <QComboBox>
#include <QCompleter>
#include <QElapsedTimer>
#include <QFile>
#include <QHeaderView>
#include <QLabel>
#include <QListView>
#include <QMenu>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTextBlock>
#include <QTextLayout>
#include <QToolButton>

#include <catch2/catch.hpp>

using namespace assay;
using assay::test::TemporaryWorkspace;

namespace {

constexpr int alphaRuns = 260; // more than one page of the table (RunTableModel::pageSize)
constexpr int betaRuns = 20;

// The page over a workspace with "alpha" (depth param, a tag with a space in its key) and "beta",
// with its own settings file, shown offscreen.
struct Page {
    TemporaryWorkspace ws;
    QTemporaryDir dir;
    std::unique_ptr<UiSettings> settings;
    WorkspaceSession session;
    std::unique_ptr<ExperimentsPage> page;
    std::unique_ptr<QAbstractItemModelTester> tester;

    Page() {
        test::addRuns(ws.workspace(), QStringLiteral("alpha"), QStringLiteral("a"), alphaRuns,
                      1'700'000'000'000, true);
        test::addRuns(ws.workspace(), QStringLiteral("beta"), QStringLiteral("b"), betaRuns,
                      1'600'000'000'000, false);
        ws->write([&](WriteTransaction& tx) {
            const qint64 run = Tracking(ws.workspace()).runs(experiment(QStringLiteral("alpha"))).first().id;
            Tracking::setTags(tx, run, {{QStringLiteral("team lead"), QStringLiteral("ada")}});
        });
        settings = std::make_unique<UiSettings>(dir.filePath(QStringLiteral("gui.conf")));
        session.setWorkspace(ws.reopen());
        makePage();
    }

    void makePage() {
        tester.reset();
        page = std::make_unique<ExperimentsPage>(session, *settings);
        page->resize(1100, 700);
        page->show();
        REQUIRE(QTest::qWaitForWindowExposed(page.get()));
        tester = std::make_unique<QAbstractItemModelTester>(
            page->runModel(), QAbstractItemModelTester::FailureReportingMode::Fatal);
        REQUIRE(test::waitFor([this] { return !page->keysLoading(); }));
    }

    qint64 experiment(const QString& name) { return Tracking(ws.workspace()).experimentByName(name)->id; }

    void select(const QStringList& names) {
        QItemSelection selection;
        for (const QString& name : names) {
            const QModelIndex index =
                page->experimentModel()->index(page->experimentModel()->rowOf(experiment(name)));
            selection.select(index, index);
        }
        page->experimentView()->selectionModel()->select(selection, QItemSelectionModel::ClearAndSelect);
    }

    qint64 coreCount(QList<qint64> ids, const QString& filter) {
        RunScope scope;
        scope.experimentIds = std::move(ids);
        scope.filter = filter;
        return RunQuery(ws.workspace()).count(scope);
    }

    RunTableView& view() { return *page->runView(); }
    RunTableModel& model() { return *page->runModel(); }
    RunFilterBar& bar() { return *page->filterBar(); }
};

int parseErrorColumn(const QString& text) {
    try {
        RunFilterParser::parse(text);
    } catch (const RunFilterError& error) {
        return error.column();
    }
    return 0;
}

// The format the highlighter gave the character at position.
QTextCharFormat formatAt(RunFilterEdit& edit, int position) {
    const QTextBlock block = edit.document()->firstBlock();
    for (const QTextLayout::FormatRange& range : block.layout()->formats()) {
        if (position >= range.start && position < range.start + range.length)
            return range.format;
    }
    return {};
}

QAction* columnAction(QMenu* menu, const QString& key) {
    for (QAction* action : menu->actions()) {
        if (action->menu()) {
            if (QAction* found = columnAction(action->menu(), key))
                return found;
        } else if (action->data().toString() == key) {
            return action;
        }
    }
    return nullptr;
}

void selectRows(RunTableView& view, const QList<int>& rows) {
    view.clearSelection();
    for (int row : rows)
        view.selectionModel()->select(view.model()->index(row, 0),
                                      QItemSelectionModel::Select | QItemSelectionModel::Rows);
}

} // namespace

TEST_CASE("Experiments page: a valid filter narrows the table to what core finds", "[experiments][filter]") {
    Page fx;
    const qint64 all = fx.model().totalCount();
    CHECK(all == alphaRuns + betaRuns);
    const QString filter = QStringLiteral("params.model = 'tree' and metrics.auc > 0.5");
    REQUIRE(fx.page->applyFilter(filter));
    CHECK(fx.model().scope().filter == filter);
    CHECK(fx.model().totalCount() == fx.coreCount({}, filter));
    CHECK(fx.model().totalCount() < all);
    CHECK(fx.model().totalCount() > 0);
    CHECK_FALSE(fx.bar().hasError());

    // Esc clears the filter and brings every run back.
    fx.bar().editor()->setFocus();
    QTest::keyClick(fx.bar().editor(), Qt::Key_Escape);
    CHECK(fx.bar().text().isEmpty());
    CHECK(fx.model().totalCount() == all);
}

TEST_CASE("Experiments page: an invalid filter shows the error under its column and keeps the results",
          "[experiments][filter]") {
    Page fx;
    const QString good = QStringLiteral("params.model = 'linear'");
    REQUIRE(fx.page->applyFilter(good));
    const qint64 before = fx.model().totalCount();

    const QString bad = QStringLiteral("params.model = 'tree' and and metrics.auc > 1");
    const int column = parseErrorColumn(bad);
    REQUIRE(column == 27); // the second "and"
    fx.bar().setText(bad);
    fx.bar().editor()->setFocus();
    QTest::keyClick(fx.bar().editor(), Qt::Key_Return);

    CHECK(fx.bar().hasError());
    CHECK(fx.bar().errorColumn() == column);
    CHECK(fx.model().scope().filter == good);
    CHECK(fx.model().totalCount() == before);
    CHECK(fx.bar().appliedFilter() == good);
    RunFilterErrorView* error = fx.bar().errorView();
    CHECK(error->isVisible());
    CHECK(error->message().contains(fx.bar().errorMessage()));
    CHECK(error->message().contains(QStringLiteral("27")));
    // The caret sits under the failing character: its centre, in the bar's coordinates.
    const QRect character = fx.bar().editor()->characterRect(column - 1);
    const int expectedX = fx.bar().editor()->mapTo(&fx.bar(), character.center()).x();
    CHECK(error->mapTo(&fx.bar(), QPoint(error->caretX(), 0)).x() == expectedX);
    CHECK(error->y() >= fx.bar().editor()->geometry().bottom());
    // A failure further right puts the caret further right.
    const int earlierX = error->caretX();
    fx.bar().setText(QStringLiteral("params.model = 'tree' and metrics.auc >"));
    CHECK(fx.bar().apply() == false);
    CHECK(fx.bar().errorColumn() == parseErrorColumn(fx.bar().text()));
    CHECK(error->caretX() > earlierX);

    // Fixing the text takes the error away before Enter; Enter then applies.
    fx.bar().setText(QStringLiteral("params.model = 'tree'"));
    CHECK_FALSE(fx.bar().hasError());
    CHECK_FALSE(error->isVisible());
    CHECK(fx.bar().apply());
    CHECK(fx.model().totalCount() == fx.coreCount({}, QStringLiteral("params.model = 'tree'")));
}

TEST_CASE("Experiments page: the filter history persists and comes back with Up and Down",
          "[experiments][filter]") {
    Page fx;
    REQUIRE(fx.page->applyFilter(QStringLiteral("params.model = 'tree'")));
    REQUIRE(fx.page->applyFilter(QStringLiteral("metrics.auc > 0.5")));
    REQUIRE_FALSE(fx.page->applyFilter(QStringLiteral("metrics.auc >")));   // not remembered
    REQUIRE(fx.page->applyFilter(QStringLiteral("params.model = 'tree'"))); // moves to the top
    CHECK(fx.settings->filterHistory() ==
          QStringList{QStringLiteral("params.model = 'tree'"), QStringLiteral("metrics.auc > 0.5")});

    // A new page (a new session of the app) over the same settings file.
    fx.settings->sync();
    fx.settings = std::make_unique<UiSettings>(fx.dir.filePath(QStringLiteral("gui.conf")));
    fx.makePage();
    RunFilterEdit* edit = fx.bar().editor();
    edit->setFocus();
    QTest::keyClicks(edit, QStringLiteral("status"));
    // Esc closes the completion popup first, then clears the line.
    REQUIRE(edit->completer()->popup()->isVisible());
    QTest::keyClick(edit, Qt::Key_Escape);
    CHECK(fx.bar().text() == QStringLiteral("status"));
    edit->completer()->popup()->hide();
    QTest::keyClick(edit, Qt::Key_Escape);
    CHECK(fx.bar().text().isEmpty());
    QTest::keyClicks(edit, QStringLiteral("draft"));
    if (edit->completer()->popup()->isVisible())
        edit->completer()->popup()->hide();
    QTest::keyClick(edit, Qt::Key_Up);
    CHECK(fx.bar().text() == QStringLiteral("params.model = 'tree'"));
    QTest::keyClick(edit, Qt::Key_Up);
    CHECK(fx.bar().text() == QStringLiteral("metrics.auc > 0.5"));
    QTest::keyClick(edit, Qt::Key_Up); // no older entry
    CHECK(fx.bar().text() == QStringLiteral("metrics.auc > 0.5"));
    QTest::keyClick(edit, Qt::Key_Down);
    CHECK(fx.bar().text() == QStringLiteral("params.model = 'tree'"));
    QTest::keyClick(edit, Qt::Key_Down);
    CHECK(fx.bar().text() == QStringLiteral("draft"));

    // The drop-down lists them and applies the one chosen.
    QMenu* menu = fx.bar().historyMenu();
    emit menu->aboutToShow();
    REQUIRE(menu->actions().size() == 2);
    CHECK(menu->actions().at(1)->text() == QStringLiteral("metrics.auc > 0.5"));
    menu->actions().at(1)->trigger();
    CHECK(fx.model().scope().filter == QStringLiteral("metrics.auc > 0.5"));

    // At most twenty, newest first.
    for (int i = 0; i < 25; ++i)
        fx.settings->addFilterHistory(QStringLiteral("metrics.auc > %1").arg(i));
    CHECK(fx.settings->filterHistory().size() == UiSettings::maxFilterHistory);
    CHECK(fx.settings->filterHistory().first() == QStringLiteral("metrics.auc > 24"));
}

TEST_CASE("Experiments page: completion offers the scope's keys", "[experiments][filter]") {
    Page fx;
    RunFilterEdit* edit = fx.bar().editor();
    const QStringList completions = edit->completions();
    CHECK(completions.contains(QStringLiteral("metrics.auc")));
    CHECK(completions.contains(QStringLiteral("metrics.min(loss)")));
    CHECK(completions.contains(QStringLiteral("params.depth")));
    CHECK(completions.contains(QStringLiteral("params.lr")));
    CHECK(completions.contains(QStringLiteral("tags.`team lead`")));
    CHECK(completions.contains(QStringLiteral("attributes.status")));

    // Beta has no depth param and no tags.
    fx.select({QStringLiteral("beta")});
    REQUIRE(test::waitFor([&] { return !fx.page->keysLoading(); }));
    CHECK_FALSE(edit->completions().contains(QStringLiteral("params.depth")));
    CHECK_FALSE(edit->completions().contains(QStringLiteral("tags.`team lead`")));
    fx.select({QStringLiteral("alpha")});
    REQUIRE(test::waitFor([&] { return !fx.page->keysLoading(); }));
    REQUIRE(test::waitFor([&] { return edit->completions().contains(QStringLiteral("tags.`team lead`")); }));

    // Typing a word offers the keys that contain it; choosing one replaces the word.
    edit->setFocus();
    QTest::keyClicks(edit, QStringLiteral("lea"));
    REQUIRE(edit->completer()->popup()->isVisible());
    CHECK(edit->completer()->currentCompletion() == QStringLiteral("tags.`team lead`"));
    QTest::keyClick(edit->completer()->popup(), Qt::Key_Return);
    CHECK(fx.bar().text() == QStringLiteral("tags.`team lead`"));
    QTest::keyClicks(edit, QStringLiteral(" = 'ada'"));
    edit->completer()->popup()->hide();
    QTest::keyClick(edit, Qt::Key_Return);
    CHECK(fx.model().totalCount() == 1);
}

TEST_CASE("Filter highlighter: each kind of token has its own format", "[experiments][filter]") {
    RunFilterEdit edit;
    const QString text =
        QStringLiteral("metrics.auc > 0.8 AND params.`max depth` IN ('a') OR tags.x LIKE 'z%'");
    edit.setText(text);
    const auto at = [&](const QString& piece) {
        return formatAt(edit, static_cast<int>(text.indexOf(piece)));
    };
    const QColor prefix = at(QStringLiteral("metrics")).foreground().color();
    const QColor key = at(QStringLiteral("auc")).foreground().color();
    const QColor op = at(QStringLiteral(">")).foreground().color();
    const QColor number = at(QStringLiteral("0.8")).foreground().color();
    const QColor keyword = at(QStringLiteral("AND")).foreground().color();
    const QColor string = at(QStringLiteral("'a'")).foreground().color();
    const QList<QColor> colours{prefix, key, op, number, keyword, string};
    for (qsizetype i = 0; i < colours.size(); ++i) {
        CHECK(colours.at(i).isValid());
        for (qsizetype j = i + 1; j < colours.size(); ++j)
            CHECK(colours.at(i) != colours.at(j));
    }
    using Role = RunFilterHighlighter::Role;
    RunFilterHighlighter* highlighter = edit.highlighter();
    CHECK(prefix == highlighter->format(Role::Prefix).foreground().color());
    CHECK(key == highlighter->format(Role::Key).foreground().color());
    CHECK(at(QStringLiteral("`max depth`")).foreground().color() == key);
    CHECK(at(QStringLiteral("LIKE")).fontWeight() == QFont::Bold);
    CHECK(at(QStringLiteral("'z%'")).foreground().color() == string);

    // A dark palette switches to the dark colours.
    QPalette dark = edit.palette();
    dark.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
    dark.setColor(QPalette::Text, QColor(0xee, 0xee, 0xee));
    edit.setPalette(dark);
    CHECK(at(QStringLiteral("metrics")).foreground().color() != prefix);
    CHECK(at(QStringLiteral("metrics")).foreground().color().lightness() > prefix.lightness());

    // An unterminated string is marked as invalid.
    edit.setText(QStringLiteral("params.x = 'open"));
    CHECK(formatAt(edit, 11).underlineStyle() == QTextCharFormat::WaveUnderline);
    // The editor stays one line.
    edit.setText(QStringLiteral("a = 1\nOR b = 2"));
    CHECK(edit.document()->blockCount() == 1);
}

TEST_CASE("Experiments page: the column chooser shows min and max columns", "[experiments][columns]") {
    Page fx;
    RunTableView& view = fx.view();
    const QString minLoss = QStringLiteral("metrics.min(loss)");
    const QString maxAuc = QStringLiteral("metrics.max(auc)");
    CHECK(view.isColumnKeyVisible(QStringLiteral("metrics.loss")));
    CHECK_FALSE(view.isColumnKeyVisible(minLoss));
    CHECK_FALSE(view.isColumnKeyVisible(maxAuc));

    QMenu* menu = fx.page->columnsMenu();
    emit menu->aboutToShow();
    QAction* minAction = columnAction(menu, minLoss);
    REQUIRE(minAction);
    CHECK_FALSE(minAction->isChecked());
    minAction->trigger();
    CHECK(view.isColumnKeyVisible(minLoss));
    // It sits beside the latest value of the same metric.
    const QStringList visible = view.visibleColumnKeys();
    CHECK(visible.indexOf(minLoss) == visible.indexOf(QStringLiteral("metrics.loss")) + 1);

    // The values are the series minimum from core.
    const int column = fx.model().columnOfKey(minLoss);
    RunScope scope;
    const QList<RunRow> rows = RunQuery(fx.ws.workspace()).page(scope, fx.model().runSort(), 0, 5);
    for (int row = 0; row < 5; ++row) {
        REQUIRE(rows.at(row).metricMins.contains(QStringLiteral("loss")));
        CHECK(fx.model().index(row, column).data().toString() ==
              RunValueFormat::metric(rows.at(row).metricMins.value(QStringLiteral("loss"))));
    }
    CHECK(fx.model().headerData(column, Qt::Horizontal).toString() == QStringLiteral("loss (min)"));

    // Sorting by it asks core for metrics.min(loss).
    fx.model().sort(column, Qt::AscendingOrder);
    CHECK(fx.model().runSort().field == RunSort::Field::MetricMin);

    emit menu->aboutToShow();
    QAction* lr = columnAction(menu, QStringLiteral("params.lr"));
    REQUIRE(lr);
    CHECK(lr->isChecked());
    lr->trigger();
    CHECK_FALSE(view.isColumnKeyVisible(QStringLiteral("params.lr")));

    // The choice survives a reload of the model (a new filter).
    REQUIRE(fx.page->applyFilter(QStringLiteral("params.model = 'tree'")));
    CHECK(view.isColumnKeyVisible(minLoss));
    CHECK_FALSE(view.isColumnKeyVisible(QStringLiteral("params.lr")));
}

TEST_CASE("Experiments page: pinned columns stay at the left", "[experiments][columns]") {
    Page fx;
    RunTableView& view = fx.view();
    QTableView* pinned = view.pinnedView();
    REQUIRE(pinned);
    CHECK(view.pinnedColumnKeys() == QStringList{QStringLiteral("attributes.name")});
    CHECK(pinned->isVisible());

    view.setColumnKeyPinned(QStringLiteral("metrics.auc"), true);
    CHECK(view.visibleColumnKeys().mid(0, 2) ==
          QStringList{QStringLiteral("attributes.name"), QStringLiteral("metrics.auc")});
    QStringList shownInPinned;
    for (int column = 0; column < fx.model().columnCount(); ++column) {
        if (!pinned->isColumnHidden(column))
            shownInPinned
                << fx.model().headerData(column, Qt::Horizontal, RunTableModel::ColumnKeyRole).toString();
    }
    CHECK(shownInPinned.size() == 2);
    CHECK(shownInPinned.contains(QStringLiteral("metrics.auc")));
    const int width = view.columnWidth(fx.model().columnOfKey(QStringLiteral("attributes.name"))) +
                      view.columnWidth(fx.model().columnOfKey(QStringLiteral("metrics.auc")));
    CHECK(pinned->width() == width);

    // Scrolled right, the overlay still covers the left edge, with the same rows.
    view.horizontalScrollBar()->setValue(view.horizontalScrollBar()->maximum());
    view.verticalScrollBar()->setValue(40);
    QApplication::processEvents();
    CHECK(pinned->x() == view.frameWidth());
    CHECK(pinned->verticalScrollBar()->value() == view.verticalScrollBar()->value());

    // A column dragged in front of the pinned ones goes back behind them.
    QHeaderView* header = view.horizontalHeader();
    header->moveSection(header->visualIndex(fx.model().columnOfKey(QStringLiteral("params.lr"))), 0);
    CHECK(view.visibleColumnKeys().at(0) == QStringLiteral("attributes.name"));
    CHECK(view.visibleColumnKeys().at(1) == QStringLiteral("metrics.auc"));
    CHECK(view.visibleColumnKeys().at(2) == QStringLiteral("params.lr"));

    view.setColumnKeyPinned(QStringLiteral("attributes.name"), false);
    view.setColumnKeyPinned(QStringLiteral("metrics.auc"), false);
    CHECK(pinned->isHidden());
}

TEST_CASE("Experiments page: Ctrl+C copies the selected runs as TSV", "[experiments][copy]") {
    Page fx;
    RunTableView& view = fx.view();
    view.setColumnKeyVisible(QStringLiteral("params.depth"), false);
    selectRows(view, {2, 0});
    view.setFocus();
    QTest::keyClick(&view, Qt::Key_C, Qt::ControlModifier);
    const QString tsv = QApplication::clipboard()->text();
    CHECK(tsv == view.selectionAsTsv());
    const QStringList lines = tsv.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    REQUIRE(lines.size() == 3);
    const QStringList keys = view.visibleColumnKeys();
    QStringList header;
    for (const QString& key : keys)
        header << fx.model().headerData(fx.model().columnOfKey(key), Qt::Horizontal).toString();
    CHECK(lines.at(0) == header.join(QLatin1Char('\t')));
    CHECK_FALSE(lines.at(0).contains(QStringLiteral("depth")));
    for (int line = 1; line <= 2; ++line) {
        const int row = line == 1 ? 0 : 2;
        const QStringList cells = lines.at(line).split(QLatin1Char('\t'));
        REQUIRE(cells.size() == keys.size());
        CHECK(cells.at(0) == fx.model().index(row, RunTableModel::NameColumn).data().toString());
        const int auc = static_cast<int>(keys.indexOf(QStringLiteral("metrics.auc")));
        CHECK(cells.at(auc) == fx.model()
                                   .index(row, fx.model().columnOfKey(QStringLiteral("metrics.auc")))
                                   .data(RunTableModel::CopyTextRole)
                                   .toString());
    }
}

TEST_CASE("Experiments page: Export CSV writes every run in scope", "[experiments][export]") {
    Page fx;
    fx.select({QStringLiteral("alpha")});
    REQUIRE(fx.page->applyFilter(QStringLiteral("params.model = 'tree'")));
    const qint64 expected =
        fx.coreCount({fx.experiment(QStringLiteral("alpha"))}, QStringLiteral("params.model = 'tree'"));
    REQUIRE(expected > RunTableModel::pageSize / 2);
    const QString path = fx.dir.filePath(QStringLiteral("runs.csv"));
    QSignalSpy finished(fx.page.get(), &ExperimentsPage::exportFinished);
    fx.page->exportCsv(path);
    REQUIRE(test::waitFor([&] { return finished.size() == 1; }));
    CHECK(finished.first().at(1).toBool());

    QFile file(path);
    REQUIRE(file.open(QIODevice::ReadOnly));
    const QStringList lines =
        QString::fromUtf8(file.readAll()).split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
    REQUIRE(lines.size() == expected + 1);
    CHECK(lines.first().startsWith(QStringLiteral("run_id,experiment,name,status")));
    CHECK(lines.first().contains(QStringLiteral("params.depth")));
    for (qsizetype i = 1; i < lines.size(); ++i)
        CHECK(lines.at(i).contains(QStringLiteral(",alpha,")));
}

TEST_CASE("CSV export pages through core without repeating the header", "[experiments][export]") {
    TemporaryWorkspace ws;
    test::addRuns(ws.workspace(), QStringLiteral("alpha"), QStringLiteral("a"), 23, 1'700'000'000'000, true);
    const RunScope scope;
    const RunSort sort;
    QBuffer paged;
    paged.open(QIODevice::WriteOnly);
    CHECK(RunCsvExport::write(ws.workspace(), scope, sort, paged, {}, 5) == 23);
    const RunQuery query(ws.workspace());
    const QByteArray oneGo = RunListFormat::write(RunListFormat::Format::Csv, query.page(scope, sort, 0, 100),
                                                  query.paramKeys(scope), query.metricKeys(scope));
    CHECK(paged.data() == oneGo);
}

TEST_CASE("Experiments page: a saved view restores filter, columns and sort", "[experiments][views]") {
    Page fx;
    fx.select({QStringLiteral("alpha")});
    const QString filter = QStringLiteral("metrics.auc > 0.3");
    REQUIRE(fx.page->applyFilter(filter));
    fx.view().setColumnKeyVisible(QStringLiteral("metrics.max(auc)"), true);
    fx.view().setColumnKeyVisible(QStringLiteral("params.lr"), false);
    fx.model().sort(fx.model().columnOfKey(QStringLiteral("metrics.auc")), Qt::AscendingOrder);
    const QStringList columns = fx.view().visibleColumnKeys();
    REQUIRE(fx.page->saveView(QStringLiteral("best auc")));
    CHECK(fx.page->viewCombo()->currentText() == QStringLiteral("best auc"));
    // Stored in the workspace, for the whole team.
    const auto stored = SavedViews(fx.ws.workspace())
                            .byName({fx.experiment(QStringLiteral("alpha"))}, QStringLiteral("best auc"));
    REQUIRE(stored);
    CHECK(stored->filter == filter);
    CHECK(stored->sort == QStringLiteral("metrics.auc ASC"));

    // Elsewhere, with other settings: beta does not list alpha's view.
    fx.select({QStringLiteral("beta")});
    CHECK(fx.page->viewCombo()->findText(QStringLiteral("best auc")) < 0);
    fx.bar().clear();
    fx.view().resetColumns();
    fx.model().sort(RunTableModel::NameColumn, Qt::DescendingOrder);

    fx.select({QStringLiteral("alpha")});
    const int index = fx.page->viewCombo()->findText(QStringLiteral("best auc"));
    REQUIRE(index > 0);
    fx.page->viewCombo()->setCurrentIndex(index);
    emit fx.page->viewCombo()->activated(index);
    CHECK(fx.bar().text() == filter);
    CHECK(fx.model().scope().filter == filter);
    CHECK(fx.model().totalCount() == fx.coreCount({fx.experiment(QStringLiteral("alpha"))}, filter));
    CHECK(fx.view().visibleColumnKeys() == columns);
    CHECK(fx.model().runSort().field == RunSort::Field::Metric);
    CHECK(fx.model().runSort().key == QStringLiteral("auc"));
    CHECK(fx.model().runSort().order == Qt::AscendingOrder);

    fx.page->deleteCurrentView();
    CHECK(fx.page->viewCombo()->findText(QStringLiteral("best auc")) < 0);
}

TEST_CASE("Experiments page: several experiments at once", "[experiments]") {
    Page fx;
    fx.select({QStringLiteral("beta")});
    CHECK(fx.model().totalCount() == betaRuns);
    CHECK_FALSE(fx.view().isColumnKeyVisible(QStringLiteral("attributes.experiment")));
    fx.select({QStringLiteral("alpha"), QStringLiteral("beta")});
    QList<qint64> both{fx.experiment(QStringLiteral("alpha")), fx.experiment(QStringLiteral("beta"))};
    std::sort(both.begin(), both.end());
    CHECK(fx.model().scope().experimentIds == both);
    CHECK(fx.model().totalCount() == alphaRuns + betaRuns);
    CHECK(fx.view().isColumnKeyVisible(QStringLiteral("attributes.experiment")));
    REQUIRE(fx.page->applyFilter(QStringLiteral("status = 'FAILED'")));
    CHECK(fx.model().totalCount() == fx.coreCount(both, QStringLiteral("status = 'FAILED'")));
}

TEST_CASE("Experiments page: runActivated and compareRequested", "[experiments][signals]") {
    Page fx;
    RunTableView& view = fx.view();
    QSignalSpy activated(fx.page.get(), &ExperimentsPage::runActivated);
    QSignalSpy compare(fx.page.get(), &ExperimentsPage::compareRequested);

    // Double-click on a cell right of the pinned columns, and on the pinned name.
    const QModelIndex cell = fx.model().index(3, fx.model().columnOfKey(QStringLiteral("attributes.status")));
    REQUIRE(view.viewport()->rect().contains(view.visualRect(cell).center()));
    QTest::mouseClick(view.viewport(), Qt::LeftButton, {}, view.visualRect(cell).center());
    QTest::mouseDClick(view.viewport(), Qt::LeftButton, {}, view.visualRect(cell).center());
    REQUIRE(activated.size() == 1);
    CHECK(activated.first().first().toLongLong() == fx.model().runIdAt(3));
    const QModelIndex name = fx.model().index(4, RunTableModel::NameColumn);
    QTest::mouseClick(view.pinnedView()->viewport(), Qt::LeftButton, {},
                      view.pinnedView()->visualRect(name).center());
    QTest::mouseDClick(view.pinnedView()->viewport(), Qt::LeftButton, {},
                       view.pinnedView()->visualRect(name).center());
    REQUIRE(activated.size() == 2);
    CHECK(activated.last().first().toLongLong() == fx.model().runIdAt(4));

    view.setFocus();
    view.setCurrentIndex(fx.model().index(5, 0));
    QTest::keyClick(&view, Qt::Key_Return);
    REQUIRE(activated.size() == 3);
    CHECK(activated.last().first().toLongLong() == fx.model().runIdAt(5));

    selectRows(view, {1});
    CHECK_FALSE(fx.page->compareAction()->isEnabled());
    selectRows(view, {1, 6, 2});
    CHECK(fx.page->compareAction()->isEnabled());
    fx.page->compareAction()->trigger();
    REQUIRE(compare.size() == 1);
    CHECK(compare.first().first().value<QList<qint64>>() ==
          QList<qint64>{fx.model().runIdAt(1), fx.model().runIdAt(2), fx.model().runIdAt(6)});
}

TEST_CASE("Experiments page: grouping by a param shows groups and narrows the table to one",
          "[experiments][groups]") {
    Page fx;
    fx.select({QStringLiteral("alpha")});
    QComboBox* groupBy = fx.page->groupByCombo();
    const int modelIndex = groupBy->findData(QStringLiteral("param:model"));
    REQUIRE(modelIndex > 0);
    groupBy->setCurrentIndex(modelIndex);
    RunGroupPanel* panel = fx.page->groupPanel();
    REQUIRE(panel->isVisible());
    QAbstractItemModelTester tester(panel->model(), QAbstractItemModelTester::FailureReportingMode::Fatal);
    const QList<RunGroup>& groups = panel->model()->groups();
    REQUIRE(groups.size() == 2); // UiTestData: odd runs "tree", even runs "linear"
    CHECK(groups[0].runCount + groups[1].runCount == alphaRuns);

    panel->selectGroup(1);
    const QString value = *groups[1].value;
    const QString condition = QStringLiteral("params.`model` = '%1'").arg(value);
    CHECK(panel->groupCondition() == condition);
    CHECK(fx.model().totalCount() == groups[1].runCount);
    // The header says that the group narrows the table.
    auto* header = fx.page->findChild<QLabel*>(QStringLiteral("runHeader"));
    REQUIRE(header);
    CHECK(header->text() ==
          QStringLiteral("%1 matching runs in alpha · group %2").arg(groups[1].runCount).arg(condition));
    CHECK(fx.model().totalCount() == fx.coreCount({fx.experiment(QStringLiteral("alpha"))}, condition));

    // The user's filter and the group combine; the groups follow the filter.
    REQUIRE(fx.page->applyFilter(QStringLiteral("status = 'FAILED'")));
    const QList<qint64> alpha{fx.experiment(QStringLiteral("alpha"))};
    // A copy: the panel reloads its groups as the filter changes. The failed runs need not
    // cover both models, so the counts are summed over whatever groups there are.
    const QList<RunGroup> filtered = panel->model()->groups();
    REQUIRE_FALSE(filtered.isEmpty());
    qint64 filteredRuns = 0;
    for (const RunGroup& group : filtered)
        filteredRuns += group.runCount;
    CHECK(filteredRuns == fx.coreCount(alpha, QStringLiteral("status = 'FAILED'")));
    panel->selectGroup(0);
    const QString first =
        RunGroupModel::conditionFor(QStringLiteral("params.`model`"), panel->model()->groups()[0].value);
    CHECK(fx.model().totalCount() == fx.coreCount(alpha, QStringLiteral("(status = 'FAILED') AND ") + first));

    // Grouping off shows every run the filter finds again.
    groupBy->setCurrentIndex(0);
    CHECK_FALSE(panel->isVisible());
    CHECK(fx.model().totalCount() == fx.coreCount(alpha, QStringLiteral("status = 'FAILED'")));
}

TEST_CASE("Group conditions quote values and catch runs without the key", "[experiments][groups]") {
    CHECK(RunGroupModel::conditionFor(QStringLiteral("tags.`team`"), QStringLiteral("o'brien")) ==
          QLatin1String("tags.`team` = 'o''brien'"));
    CHECK(RunGroupModel::conditionFor(QStringLiteral("params.`x`"), std::nullopt) ==
          QLatin1String("NOT params.`x` LIKE '%'"));
    Page fx;
    fx.select({QStringLiteral("alpha"), QStringLiteral("beta")});
    // beta's runs have no depth param: the "(not set)" group's condition finds exactly them.
    CHECK(fx.coreCount({}, RunGroupModel::conditionFor(QStringLiteral("params.`depth`"), std::nullopt)) ==
          betaRuns);
}

TEST_CASE("Experiments page: another process's commit refreshes the table within 2 s, keeping the selected "
          "run and the scroll position",
          "[experiments][shared]") {
    Page p;
    p.select({QStringLiteral("alpha")});
    REQUIRE(test::waitFor([&] { return p.model().totalCount() == alphaRuns; }));
    p.view().scrollToBottom();
    REQUIRE(test::waitFor([&] { return p.model().rowCount() == alphaRuns; }));
    const int row = alphaRuns - 10; // beyond the first page, which a reset alone would reload
    selectRows(p.view(), {row});
    p.view().scrollTo(p.model().index(row, 0));
    const qint64 selectedRun = p.model().runIdAt(row);
    const int scrolled = p.view().verticalScrollBar()->value();
    REQUIRE(scrolled > 0);

    QSignalSpy resets(&p.model(), &QAbstractItemModel::modelReset);
    QElapsedTimer sinceCommit;
    sinceCommit.start();
    // ws's own connection is not the session's: to the page it is another process.
    test::addRuns(p.ws.workspace(), QStringLiteral("alpha"), QStringLiteral("late"), 1, 1'800'000'000'000,
                  true);
    REQUIRE(test::waitFor([&] { return p.model().totalCount() == alphaRuns + 1; }, 2'000));
    CHECK(sinceCommit.elapsed() <= 2'000);
    CHECK(resets.count() >= 1);

    test::waitFor([&] { return p.view().verticalScrollBar()->value() == scrolled; }, 1'000);
    CHECK(p.view().verticalScrollBar()->value() == scrolled);
    const QModelIndexList selected = p.view().selectionModel()->selectedRows();
    REQUIRE(selected.size() == 1);
    CHECK(p.model().runIdAt(selected.first().row()) == selectedRun);
    CHECK(p.model().rowCount() >= row);
}
