#include "TierStyle.h"

namespace assay {

QString TierStyle::label(std::optional<int> tier, bool blocked) {
    if (blocked)
        return tr("Blocked");
    if (!tier)
        return tr("Not assessed");
    switch (*tier) {
    case 1:
        return tr("Tier 1 · High");
    case 2:
        return tr("Tier 2 · Medium");
    case 3:
        return tr("Tier 3 · Low");
    default:
        return tr("Tier %1").arg(*tier);
    }
}

QString TierStyle::fullLabel(std::optional<int> tier, bool blocked, bool overridePending) {
    return overridePending ? QStringLiteral("%1 · %2").arg(label(tier, blocked), overridePendingNote())
                           : label(tier, blocked);
}

QString TierStyle::overridePendingNote() {
    return tr("override pending");
}

QColor TierStyle::fill(std::optional<int> tier, bool blocked) {
    if (blocked)
        return QColor(0x26, 0x26, 0x2b);
    if (!tier)
        return {};
    switch (*tier) {
    case 1:
        return QColor(0xc6, 0x28, 0x28);
    case 2:
        return QColor(0xf2, 0xa9, 0x00);
    default:
        return QColor(0x3d, 0x8b, 0x86);
    }
}

QColor TierStyle::text(std::optional<int> tier, bool blocked) {
    // Dark text on amber: white on it fails contrast.
    if (!blocked && tier == 2)
        return QColor(0x3a, 0x28, 0x00);
    return fill(tier, blocked).isValid() ? QColor(Qt::white) : QColor();
}

int TierStyle::sortKey(std::optional<int> tier, bool blocked) {
    if (blocked)
        return 0;
    return tier ? *tier : 9;
}

} // namespace assay
