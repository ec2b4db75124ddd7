#include "core/audit/AuditExport.h"
#include "core/audit/AuditTrail.h"
#include "core/identity/Identity.h"
#include "core/workspace/WriteTransaction.h"
#include "tests/support/TemporaryWorkspace.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <catch2/catch.hpp>

using namespace assay;
using assay::test::TemporaryWorkspace;

namespace {

QList<qint64> seqs(const QList<AuditEvent>& events) {
    QList<qint64> result;
    for (const AuditEvent& event : events)
        result << event.seq;
    return result;
}

void record(Workspace& workspace, const QString& action, const QString& entity, const QJsonObject& payload) {
    workspace.write([&](WriteTransaction& tx) { tx.audit(action, entity, payload); });
}

// Five events after the workspace's own, a minute apart, by tester and val.
struct Trail {
    TemporaryWorkspace ws;
    std::unique_ptr<Workspace> val;
    qint64 base = 0; // the last sequence number before the five
    qint64 start = 0;

    Trail() {
        ws->write([](WriteTransaction& tx) {
            Identity::addUser(tx, QStringLiteral("val"), QStringLiteral("Val"), {Role::Validator});
        });
        base = AuditTrail(ws.workspace()).lastSeq();
        val = ws.reopen(QStringLiteral("val"));
        start = ws.now += 60'000;
        record(ws.workspace(), QStringLiteral("model.register"), QStringLiteral("model:churn"),
               {{QStringLiteral("name"), QStringLiteral("churn")},
                {QStringLiteral("owner"), QStringLiteral("ada")}});
        ws.now += 60'000;
        record(ws.workspace(), QStringLiteral("drift.monitor.create"), QStringLiteral("drift:7"),
               {{QStringLiteral("model"), QStringLiteral("churn")}});
        ws.now += 60'000;
        record(*val, QStringLiteral("model.owner"), QStringLiteral("model:churn"),
               {{QStringLiteral("owner"), QStringLiteral("bea")}});
        ws.now += 60'000;
        record(*val, QStringLiteral("drift.compute"), QStringLiteral("drift:7"),
               {{QStringLiteral("note"), QStringLiteral("PSI 100%_ over")}});
        ws.now += 60'000;
        record(ws.workspace(), QStringLiteral("model.owner"), QStringLiteral("model:churn/2"),
               {{QStringLiteral("owner"), QStringLiteral("cy")}});
    }
    QList<qint64> find(const AuditFilter& filter) const { return seqs(AuditTrail(*val).events(filter, -1)); }
    qint64 at(int i) const { return base + i; } // 1..5
};

} // namespace

TEST_CASE("The audit trail lists events newest first, in pages", "[audit]") {
    Trail t;
    const AuditTrail trail(t.ws.workspace());
    const QList<AuditEvent> first = trail.events({}, 2);
    CHECK(seqs(first) == QList<qint64>{t.at(5), t.at(4)});
    CHECK(seqs(trail.events({}, 2, first.last().seq)) == QList<qint64>{t.at(3), t.at(2)});
    CHECK(trail.count({}) == t.at(5));
    CHECK(trail.lastSeq() == t.at(5));
    CHECK(trail.event(t.at(3))->actor == QStringLiteral("val"));
    CHECK_FALSE(trail.event(t.at(5) + 1).has_value());
}

TEST_CASE("The audit trail filters by actor, action, entity, dates and text", "[audit]") {
    Trail t;
    AuditFilter byActor;
    byActor.actor = QStringLiteral("val");
    CHECK(t.find(byActor) == QList<qint64>{t.at(4), t.at(3)});

    AuditFilter prefix;
    prefix.action = QStringLiteral("drift.");
    CHECK(t.find(prefix) == QList<qint64>{t.at(4), t.at(2)});
    AuditFilter exact;
    exact.action = QStringLiteral("model.owner");
    CHECK(t.find(exact) == QList<qint64>{t.at(5), t.at(3)});
    exact.action = QStringLiteral("model.own"); // not a prefix without the dot
    CHECK(t.find(exact).isEmpty());

    AuditFilter entity;
    entity.entity = QStringLiteral("MODEL:churn");
    CHECK(t.find(entity) == QList<qint64>{t.at(5), t.at(3), t.at(1)});
    entity.entity = QStringLiteral("churn/2");
    CHECK(t.find(entity) == QList<qint64>{t.at(5)});

    AuditFilter dates;
    dates.from = t.start + 60'000;
    dates.to = t.start + 180'000; // inclusive at both ends
    CHECK(t.find(dates) == QList<qint64>{t.at(4), t.at(3), t.at(2)});

    AuditFilter text;
    text.text = QStringLiteral("BEA"); // in a payload
    CHECK(t.find(text) == QList<qint64>{t.at(3)});
    text.text = QStringLiteral("100%_"); // wildcards match themselves
    CHECK(t.find(text) == QList<qint64>{t.at(4)});
    text.text = QStringLiteral("0%"); // ...and only themselves
    CHECK(t.find(text) == QList<qint64>{t.at(4)});

    AuditFilter all;
    all.actor = QStringLiteral("tester");
    all.action = QStringLiteral("model.");
    all.text = QStringLiteral("cy");
    CHECK(t.find(all) == QList<qint64>{t.at(5)});
    CHECK(AuditTrail(*t.val).count(all) == 1);
}

TEST_CASE("The audit trail offers every actor and action", "[audit]") {
    Trail t;
    const AuditTrail trail(t.ws.workspace());
    CHECK(trail.actors() == QStringList{QStringLiteral("tester"), QStringLiteral("val")});
    const QStringList actions = trail.actions();
    CHECK(actions.contains(QStringLiteral("drift.compute")));
    CHECK(actions.count(QStringLiteral("model.owner")) == 1);
    CHECK(std::is_sorted(actions.cbegin(), actions.cend()));
}

TEST_CASE("An event's fields come with the value the entity's previous event gave them", "[audit]") {
    Trail t;
    const AuditTrail trail(t.ws.workspace());
    const QList<AuditFieldChange> owner = trail.changes(*trail.event(t.at(3)));
    REQUIRE(owner.size() == 1);
    CHECK(owner[0].key == QStringLiteral("owner"));
    CHECK(owner[0].before == QJsonValue(QStringLiteral("ada")));
    CHECK(owner[0].after == QJsonValue(QStringLiteral("bea")));
    CHECK(owner[0].beforeSeq == t.at(1));
    CHECK(owner[0].changed());

    // Another entity ("model:churn/2") has no history: nothing before.
    const QList<AuditFieldChange> other = trail.changes(*trail.event(t.at(5)));
    REQUIRE(other.size() == 1);
    CHECK_FALSE(other[0].before.has_value());
    // The first event of an entity has nothing before either.
    const QList<AuditFieldChange> first = trail.changes(*trail.event(t.at(1)));
    REQUIRE(first.size() == 2);
    CHECK_FALSE(first[0].before.has_value());
}

TEST_CASE("Audit events export as CSV and JSON with their hashes", "[audit]") {
    Trail t;
    const QList<AuditEvent> events = AuditTrail(t.ws.workspace()).events({}, 2);
    const QList<QByteArray> lines = AuditExport::csv(events).split('\n');
    REQUIRE(lines.size() == 4); // header, two events, and the empty rest after the last CRLF
    CHECK(lines[0] == "seq,time,at,actor,action,entity,payload,prev_hash,hash\r");
    CHECK(lines[2].startsWith(QByteArray::number(t.at(4)) + ','));
    CHECK(lines[2].contains(R"(,val,drift.compute,drift:7,"{""note"":""PSI 100%_ over""}",)"));
    CHECK(lines[2].endsWith(events[1].hash + '\r'));

    const QJsonArray array = QJsonDocument::fromJson(AuditExport::json(events)).array();
    REQUIRE(array.size() == 2);
    const QJsonObject newest = array[0].toObject();
    CHECK(newest[QStringLiteral("seq")].toInteger() == t.at(5));
    CHECK(newest[QStringLiteral("payload")].toObject()[QStringLiteral("owner")] == QStringLiteral("cy"));
    CHECK(newest[QStringLiteral("hash")].toString().toLatin1() == events[0].hash);
    CHECK(newest[QStringLiteral("prev_hash")].toString().toLatin1() == events[1].hash);
}
