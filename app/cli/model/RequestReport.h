#pragma once

#include "core/governance/Gate.h"
#include "core/governance/PromotionRequest.h"

#include <QJsonObject>
#include <QList>
#include <QString>

namespace assay {
class Workspace;
}

namespace assay::cli {

// A promotion request or periodic review as the model commands print it: its sign-offs and who
// gave them, its decisions with their signature status, and the gates: while it is open as they
// stand now, once closed as each decision recorded them when it was signed. Everything is read from core;
// nothing is decided here.
class RequestReport {
public:
    RequestReport(const Workspace& workspace, const PromotionRequest& request)
        : m_workspace(workspace)
        , m_request(request) {}

    QString heading() const; // "#3 churn v4 → production: Awaiting sign-off (Tier 3)"
    QString signOffsText() const;
    QString decisionsText() const;
    static QString gatesText(const QList<Gate>& gates);
    QString text() const; // all of the above
    QJsonObject json() const;

private:
    const Workspace& m_workspace;
    PromotionRequest m_request;
};

} // namespace assay::cli
