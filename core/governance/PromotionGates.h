#pragma once

#include "Gate.h"
#include "core/registry/ModelVersion.h"

#include <QJsonObject>
#include <QList>

namespace assay {

class Workspace;
struct Decision;
struct PromotionRequest;

// The gates of DESIGN §5, computed from the data as it is now: the primary metric against the
// champion within the policy's tolerance, no open critical finding, the latest drift status, and
// the evidence the tier requires.
class PromotionGates {
public:
    static QList<Gate> compute(const Workspace& workspace, const PromotionRequest& request);
    // gate key → status name, as a decision records it.
    static QJsonObject summary(const QList<Gate>& gates);
    // The gates as the decision recorded them when it was signed: with their details from its
    // snapshot, or, for a decision made before snapshots were kept, its statuses alone.
    static QList<Gate> recorded(const Decision& decision);
    // The version the request's alias points at now, unless it is the candidate itself.
    static std::optional<ModelVersion> champion(const Workspace& workspace, const PromotionRequest& request);
    // The evidence the tier requires, each with whether it is there, in the policy's order.
    static QList<std::pair<QString, bool>> evidenceItems(const Workspace& workspace,
                                                         const PromotionRequest& request);
    static QString evidenceLabel(const QString& key);
};

} // namespace assay
