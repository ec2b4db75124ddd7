#pragma once

#include <QColor>
#include <QCoreApplication>
#include <QString>

#include <optional>

namespace assay {

// How a risk tier is shown wherever it appears (Models page, model page, requests): the words of
// the default policy and a badge colour that grows louder with the risk, so that a Tier 1 model
// stands out in a long list. Mid-tone fills with their own text colour read on light and dark
// palettes alike.
class TierStyle {
    Q_DECLARE_TR_FUNCTIONS(TierStyle)

public:
    // "Tier 1 · High", "Tier 2 · Medium", "Tier 3 · Low"; "Not assessed" without a tier;
    // "Blocked" for a use the EU AI Act prohibits, whatever the tier.
    static QString label(std::optional<int> tier, bool blocked = false);
    // The label with "· override pending" after it while a risk officer has yet to decide.
    static QString fullLabel(std::optional<int> tier, bool blocked, bool overridePending);
    // Strong red for Tier 1, amber for 2, a calm teal for 3, near-black when blocked; invalid
    // (an outline only) when not assessed.
    static QColor fill(std::optional<int> tier, bool blocked = false);
    static QColor text(std::optional<int> tier, bool blocked = false);
    // Sorts blocked first, then Tier 1 to 3, then the models not assessed.
    static int sortKey(std::optional<int> tier, bool blocked);
    static QString overridePendingNote();
};

} // namespace assay
