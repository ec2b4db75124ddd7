#include "SharedWriter.h"

#include "core/base/AssayError.h"
#include "core/governance/PromotionRequests.h"
#include "core/registry/Registry.h"
#include "core/tracking/MetricStore.h"
#include "core/tracking/Tracking.h"
#include "core/workspace/WriteTransaction.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QThread>

#include <algorithm>

namespace assay::test {

SharedWriter::SharedWriter(const Options& options)
    : m_options(options)
    , m_plan(options.writes, options.seed) {}

SharedWriterReport SharedWriter::run() {
    m_report.user = m_options.login;
    try {
        open();
        waitForStart();
        m_report.startedAt = QDateTime::currentMSecsSinceEpoch();
        for (const SharedWritePlan::Kind kind : m_plan.kinds()) {
            QElapsedTimer timer;
            timer.start();
            write(kind);
            m_report.latenciesUs.push_back(timer.nsecsElapsed() / 1000);
            if (m_options.refresh)
                refresh();
        }
    } catch (const AssayError& error) {
        m_report.error = error.message();
    }
    m_report.finishedAt = QDateTime::currentMSecsSinceEpoch();
    return m_report;
}

void SharedWriter::open() {
    WorkspaceOptions options;
    options.actor = m_options.login;
    options.networkFileSystem = m_options.networkFileSystem;
    m_workspace = Workspace::open(m_options.path, options);
    m_report.journal = journalModeName(m_workspace->journalMode());

    const QString modelName = SharedWritePlan::modelName(m_options.login);
    const std::optional<RegisteredModel> model = Registry(*m_workspace).modelByName(modelName);
    const int needed = m_plan.count(SharedWritePlan::Kind::Decision);
    if (needed == 0)
        return;
    if (!model)
        throw AssayError(
            QStringLiteral("The setup made no model %1 for %2.").arg(modelName, m_options.login));
    for (const PromotionRequest& request : PromotionRequests(*m_workspace).requests(model->id)) {
        if (request.isOpen())
            m_requests.prepend(request); // requests() lists the newest first
    }
    if (m_requests.size() < needed)
        throw AssayError(QStringLiteral("%1 has %2 open requests for the %3 decisions %4 is to sign.")
                             .arg(modelName)
                             .arg(m_requests.size())
                             .arg(needed)
                             .arg(m_options.login));
}

void SharedWriter::waitForStart() const {
    const qint64 wait = m_options.startAt - QDateTime::currentMSecsSinceEpoch();
    if (wait > 0)
        QThread::msleep(static_cast<unsigned long>(wait));
}

void SharedWriter::write(SharedWritePlan::Kind kind) {
    switch (kind) {
    case SharedWritePlan::Kind::Run:
        createRun();
        ++m_report.runs;
        break;
    case SharedWritePlan::Kind::MetricPoint:
        logPoint();
        ++m_report.points;
        break;
    case SharedWritePlan::Kind::Tag:
        setTag();
        ++m_report.tags;
        break;
    case SharedWritePlan::Kind::Decision:
        decide();
        ++m_report.decisions;
        break;
    }
}

void SharedWriter::createRun() {
    qint64 experimentId = 0;
    qint64 runId = 0;
    m_workspace->write([&](WriteTransaction& tx) {
        Run run;
        run.experimentId = Tracking::ensureExperiment(tx, SharedWritePlan::experimentName(m_options.login));
        run.name = QStringLiteral("%1-run-%2").arg(m_options.login).arg(m_report.runs + 1);
        run.user = m_options.login;
        run.startTime = tx.now();
        runId = Tracking::createRun(tx, run);
        experimentId = run.experimentId;
    });
    m_experimentId = experimentId;
    m_runId = runId;
    m_pointsInRun = 0;
}

void SharedWriter::logPoint() {
    m_workspace->write([&](WriteTransaction& tx) {
        MetricSeries point;
        point.append(m_pointsInRun, tx.now(), 1.0 / (1 + m_pointsInRun));
        MetricStore::log(tx, m_runId, {{SharedWritePlan::metricKey(), point}});
    });
    ++m_pointsInRun;
}

void SharedWriter::setTag() {
    m_workspace->write([&](WriteTransaction& tx) {
        Tracking::setTags(tx, m_runId,
                          {{SharedWritePlan::tagPrefix() + QString::number(m_report.tags + 1),
                            QStringLiteral("set by %1").arg(m_options.login)}});
    });
}

void SharedWriter::decide() {
    const PromotionRequest& request = m_requests.at(m_report.decisions);
    m_workspace->write([&](WriteTransaction& tx) {
        PromotionRequests::DecisionInput input;
        input.comment = QStringLiteral("Approved by %1 in the shared-workspace test").arg(m_options.login);
        input.expectedRevision = request.revision;
        PromotionRequests::decide(tx, m_keychain, request.id, input);
    });
}

void SharedWriter::refresh() {
    if (!m_workspace->takeExternalChanges())
        return;
    Tracking(*m_workspace).runs(m_experimentId);
    MetricStore(*m_workspace).summaries(m_runId);
    ++m_report.reads;
}

} // namespace assay::test
