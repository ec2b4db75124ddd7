#include "core/base/AssayError.h"
#include "core/base/SqlQuery.h"
#include "core/tracking/SavedViews.h"
#include "core/tracking/Tracking.h"
#include "core/workspace/AuditLog.h"
#include "core/workspace/AuditVerification.h"
#include "core/workspace/WriteTransaction.h"
#include "tests/support/TemporaryWorkspace.h"

#include <catch2/catch.hpp>

using namespace assay;
using assay::test::TemporaryWorkspace;

namespace {

struct Experiments {
    TemporaryWorkspace ws;
    qint64 a = 0;
    qint64 b = 0;

    Experiments() {
        ws->write([&](WriteTransaction& tx) {
            a = Tracking::createExperiment(tx, QStringLiteral("a"));
            b = Tracking::createExperiment(tx, QStringLiteral("b"));
        });
    }

    qint64 save(const SavedView& view) {
        qint64 id = 0;
        ws->write([&](WriteTransaction& tx) { id = SavedViews::save(tx, view); });
        return id;
    }

    QString lastAction() {
        return SqlQuery::scalar(ws->database(),
                                QStringLiteral("SELECT action FROM audit_log ORDER BY seq DESC LIMIT 1"))
            .toString();
    }
};

SavedView viewOf(QList<qint64> ids, const QString& name) {
    SavedView view;
    view.experimentIds = std::move(ids);
    view.name = name;
    view.filter = QStringLiteral("metrics.auc > 0.8 and params.model = 'xgb'");
    view.columns = {QStringLiteral("attributes.name"), QStringLiteral("metrics.min(loss)"),
                    QStringLiteral("params.`max depth`")};
    view.sort = QStringLiteral("metrics.auc DESC");
    return view;
}

} // namespace

TEST_CASE("A saved view round-trips through the workspace with an audit event", "[savedviews]") {
    Experiments fx;
    const qint64 id = fx.save(viewOf({fx.a}, QStringLiteral("best auc")));
    CHECK(id > 0);
    CHECK(fx.lastAction() == QStringLiteral("view.save"));

    const auto read = SavedViews(fx.ws.workspace()).byName({fx.a}, QStringLiteral("best auc"));
    REQUIRE(read);
    CHECK(read->id == id);
    CHECK(read->experimentIds == QList<qint64>{fx.a});
    CHECK(read->filter == QStringLiteral("metrics.auc > 0.8 and params.model = 'xgb'"));
    CHECK(read->columns == viewOf({}, {}).columns);
    CHECK(read->sort == QStringLiteral("metrics.auc DESC"));
    CHECK(read->updatedBy == QStringLiteral("tester"));
    CHECK(AuditLog::verify(fx.ws->database()).intact);
}

TEST_CASE("Saved views belong to their scope", "[savedviews]") {
    Experiments fx;
    fx.save(viewOf({fx.a}, QStringLiteral("mine")));
    fx.save(viewOf({fx.b, fx.a}, QStringLiteral("both")));
    fx.save(viewOf({}, QStringLiteral("everything")));

    const SavedViews views(fx.ws.workspace());
    REQUIRE(views.forScope({fx.a}).size() == 1);
    CHECK(views.forScope({fx.a}).first().name == QStringLiteral("mine"));
    CHECK(views.forScope({fx.b}).isEmpty());
    // The order of a multi-selection does not matter.
    REQUIRE(views.forScope({fx.a, fx.b}).size() == 1);
    CHECK(views.forScope({fx.a, fx.b}).first().experimentIds == QList<qint64>{fx.a, fx.b});
    REQUIRE(views.forScope({}).size() == 1);
    CHECK(views.forScope({}).first().name == QStringLiteral("everything"));
}

TEST_CASE("Saving under an existing name replaces the view and keeps its id", "[savedviews]") {
    Experiments fx;
    const qint64 first = fx.save(viewOf({fx.a}, QStringLiteral("v")));
    SavedView changed = viewOf({fx.a}, QStringLiteral("v"));
    changed.filter = QStringLiteral("status = 'FAILED'");
    changed.columns = {QStringLiteral("attributes.status")};
    changed.sort.clear();
    CHECK(fx.save(changed) == first);

    const QList<SavedView> views = SavedViews(fx.ws.workspace()).forScope({fx.a});
    REQUIRE(views.size() == 1);
    CHECK(views.first().filter == QStringLiteral("status = 'FAILED'"));
    CHECK(views.first().columns == QStringList{QStringLiteral("attributes.status")});
    CHECK(views.first().sort.isEmpty());
}

TEST_CASE("Removing a saved view is audited — unknown ids and blank names are refused", "[savedviews]") {
    Experiments fx;
    const qint64 id = fx.save(viewOf({fx.a}, QStringLiteral("v")));
    QList<ChangeSet> changed;
    QObject::connect(&fx.ws.workspace(), &Workspace::changed, [&](const ChangeSet& set) { changed << set; });
    fx.ws->write([&](WriteTransaction& tx) { SavedViews::remove(tx, id); });
    CHECK(fx.lastAction() == QStringLiteral("view.delete"));
    CHECK(SavedViews(fx.ws.workspace()).forScope({fx.a}).isEmpty());
    REQUIRE(changed.size() == 1);
    CHECK(changed.first().touches(EntityKind::SavedView));

    CHECK_THROWS_AS(fx.ws->write([&](WriteTransaction& tx) { SavedViews::remove(tx, id); }), AssayError);
    CHECK_THROWS_AS(fx.save(viewOf({fx.a}, QStringLiteral("  "))), AssayError);
    CHECK(AuditLog::verify(fx.ws->database()).intact);
}
