#pragma once

#include "Gate.h"

#include <QJsonObject>
#include <QList>

namespace assay {

class Workspace;
struct PromotionRequest;

// The gates of DESIGN §5, computed from the data as it is now: the primary metric against the
// champion within the policy's tolerance, no open critical finding, the latest drift status, and
// the evidence the tier requires.
class PromotionGates {
public:
    static QList<Gate> compute(const Workspace& workspace, const PromotionRequest& request);
    // gate key → status name, as a decision records it.
    static QJsonObject summary(const QList<Gate>& gates);
    // The evidence the tier requires, each with whether it is there, in the policy's order.
    static QList<std::pair<QString, bool>> evidenceItems(const Workspace& workspace,
                                                         const PromotionRequest& request);
    static QString evidenceLabel(const QString& key);
};

} // namespace assay
