#pragma once

#include <QString>

#include <vector>

namespace assay {

class WriteTransaction;

// The governance history of the demo workspace, replayed in the demo's one transaction: the
// people and their roles, model owners, risk assessments in all three tiers, a production
// champion of each model approved with signatures, requests waiting on different roles, a
// decision gone stale, a pending tier override, findings, a legacy model whose periodic review
// is overdue, and a drift monitor on the Tier 1 champion whose latest weeks recommend retraining
// (DemoMonitoring). The fictional reviewers sign with keys that live only for the fill.
class DemoGovernance {
public:
    struct Version {
        int number = 0;
        qint64 registeredAt = 0;
    };
    struct Model {
        qint64 id = 0;
        QString name;
        QString owner;                 // the analyst who signs as model owner
        QString submitter;             // the data scientist who asks for promotions
        std::vector<Version> versions; // oldest first; the last but one becomes the champion
    };

    static const std::vector<QString>& dataScientists();
    static void populate(WriteTransaction& tx, const std::vector<Model>& models, qint64 now);
    // When the history it replays begins: the day its cast joins the workspace.
    static qint64 historyStart(qint64 now);
};

} // namespace assay
