#pragma once

#include <QDate>
#include <QList>
#include <QString>

namespace assay::test {

class TemporaryWorkspace;

// A registry with governance data, written through core for the Models and model page tests.
// "tester" (the admin) is also a data scientist and a validator; users ada (data scientist,
// "Ada Lovelace"), val (validator), rita (risk officer) and ana (analyst) exist.
// - churn: Tier 1, owner ada, business owner "Retention team", versions 1-3 from runs 0-2 (run by
//   alice), production v1 on 2026-01-10 then v2 on 2026-02-10, staging v3 on 2026-03-01, an open
//   request (v3 → production), a high finding due 2026-03-15 (overdue), a periodic review due
//   2026-12-15 (overdue);
// - fraud: Tier 2 with a pending override to Tier 1, version 1 from run 3;
// - face-match: blocked (an EU-prohibited use), version 1 from run 4;
// - pricing: not assessed, no owner, version 1 from run 5.
// Everything is written on 2025-12-15 (alias moves at their own dates); the clock then stands
// at noon on 2027-01-10.
struct GovernedModels {
    qint64 churn = 0;
    qint64 fraud = 0;
    qint64 faceMatch = 0;
    qint64 pricing = 0;
    qint64 churnRequest = 0;
    QList<qint64> runIds;
};

GovernedModels addGovernedModels(TemporaryWorkspace& ws);
// Noon local time on a day: tests and data agree on dates whatever the time zone.
qint64 noon(const QDate& day);

} // namespace assay::test
