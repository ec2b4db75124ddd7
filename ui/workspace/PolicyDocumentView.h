#pragma once

#include <QTextBrowser>

namespace assay {

class TierPolicy;

// A tier policy laid out for reading: dimensions with their weights and guidance, the score
// bands, the EU AI Act categories and what each tier requires, rather than its JSON.
class PolicyDocumentView : public QTextBrowser {
    Q_OBJECT

public:
    explicit PolicyDocumentView(QWidget* parent = nullptr);

    void showPolicy(const TierPolicy& policy, const QString& caption);
    static QString html(const TierPolicy& policy, const QString& caption);
};

} // namespace assay
