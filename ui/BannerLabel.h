#pragma once

#include <QLabel>

namespace assay {

// A boxed line of text above a dialog's content that says why something cannot be done there:
// Info for what the user's roles allow, Warning for a state of the data (an approved version),
// Alert for something that needs action (drift recommends retraining), Success for a check that
// passed (the audit trail verified).
class BannerLabel : public QLabel {
    Q_OBJECT

public:
    enum class Kind { Info, Warning, Alert, Success };

    explicit BannerLabel(Kind kind, const QString& objectName, QWidget* parent = nullptr);

    Kind kind() const { return m_kind; }
    void setKind(Kind kind);

private:
    Kind m_kind;
};

} // namespace assay
