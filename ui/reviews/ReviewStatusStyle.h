#pragma once

#include "core/governance/Decision.h"
#include "core/governance/Gate.h"
#include "core/governance/PromotionRequest.h"

#include <QColor>
#include <QIcon>

namespace assay {

// The colours and icons of the Reviews page: gates, signature statuses and request statuses.
// Mid-tone hues, as RunStatusStyle's, that read on light and dark palettes alike.
class ReviewStatusStyle {
public:
    static QColor good();
    static QColor warning();
    static QColor bad();
    static QColor neutral();

    static QColor gateColor(Gate::Status status);
    // A filled circle with a tick, a cross or a dash.
    static QIcon gateIcon(Gate::Status status);
    static QColor signatureColor(Decision::Status status);
    static QColor requestColor(PromotionRequest::Status status);
    // A small filled dot, for "changed since submission" and "stale" markers.
    static QIcon dot(const QColor& color);
};

} // namespace assay
