#pragma once

#include <QCoreApplication>
#include <QString>

#include <functional>

class QWidget;

namespace assay {

struct IntegrityReport;

// What a reviewer sees when an opened workspace's audit trail or signatures no longer verify: a
// non-modal warning listing every problem, with a button to the first one on the Audit page.
class IntegrityWarning {
    Q_DECLARE_TR_FUNCTIONS(IntegrityWarning)

public:
    static void show(QWidget* parent, const IntegrityReport& report,
                     const std::function<void(qint64 seq)>& showEvent);
    // The status bar's lasting line for a failed check.
    static QString statusText(const IntegrityReport& report);
};

} // namespace assay
