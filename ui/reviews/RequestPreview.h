#pragma once

#include <QWidget>

class QLabel;
class QTableView;

namespace assay {

class GateModel;
class Workspace;
struct PromotionRequest;

// What a request would be before it is submitted: its tier, the sign-offs that tier requires
// and the gates as they stand, computed by core from a request built in memory. Problems that
// core would refuse the request for are shown in red above them.
class RequestPreview : public QWidget {
    Q_OBJECT

public:
    explicit RequestPreview(QWidget* parent = nullptr);

    void showRequest(const Workspace& workspace, const PromotionRequest& request);
    void showProblem(const QString& problem);
    // Extra warnings shown while the preview stands (an owner missing, an override pending).
    void setWarnings(const QStringList& warnings);

    // Nobody decides what they submitted, and every tier needs the owner's sign-off: a request the
    // owner submits can never collect it. Core allows the submission; the preview says so first.
    static QString ownerSubmitsWarning(const QString& modelName);

    GateModel* gateModel() const { return m_gates; }
    QString tierText() const;
    QString signOffText() const;

private:
    QLabel* m_tier = nullptr;
    QLabel* m_signOffs = nullptr;
    QLabel* m_warnings = nullptr;
    GateModel* m_gates = nullptr;
    QTableView* m_gateView = nullptr;
};

} // namespace assay
