#pragma once

#include <QLabel>

#include <optional>

namespace assay {

// A tier as a badge beside a heading or in a form: the same words and colours as the tables'
// TierBadgeDelegate.
class TierBadgeLabel : public QLabel {
    Q_OBJECT

public:
    explicit TierBadgeLabel(const QString& objectName, QWidget* parent = nullptr);

    void setTier(std::optional<int> tier, bool blocked = false, bool overridePending = false);
};

} // namespace assay
