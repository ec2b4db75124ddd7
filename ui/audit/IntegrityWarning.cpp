#include "IntegrityWarning.h"

#include "IntegrityProblemModel.h"
#include "core/audit/IntegrityReport.h"

#include <QMessageBox>
#include <QPushButton>

namespace assay {
QString IntegrityWarning::statusText(const IntegrityReport& report) {
    return tr("Integrity check failed: %1").arg(report.summary());
}

void IntegrityWarning::show(QWidget* parent, const IntegrityReport& report,
                            const std::function<void(qint64 seq)>& showEvent) {
    auto* box = new QMessageBox(QMessageBox::Warning, tr("Workspace altered outside Assay"),
                                tr("This workspace was changed outside Assay: its audit trail or signatures "
                                   "no longer verify. Its records may not be what was approved."),
                                QMessageBox::Close, parent);
    box->setObjectName(QStringLiteral("integrityWarning"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setWindowModality(Qt::NonModal);
    QStringList problems;
    for (const IntegrityProblem& problem : report.problems)
        problems << QStringLiteral("• ") + IntegrityProblemModel::text(problem);
    box->setInformativeText(problems.join(QLatin1Char('\n')));
    QPushButton* showButton = box->addButton(tr("Show Audit Page"), QMessageBox::AcceptRole);
    showButton->setObjectName(QStringLiteral("showAuditButton"));
    const qint64 firstSeq = report.problems.first().seq;
    QObject::connect(showButton, &QPushButton::clicked, box, [showEvent, firstSeq] { showEvent(firstSeq); });
    box->show();
}

} // namespace assay
