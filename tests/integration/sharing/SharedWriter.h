#pragma once

#include "SharedWritePlan.h"
#include "SharedWriterReport.h"
#include "core/governance/PromotionRequest.h"
#include "core/identity/InMemorySecretStore.h"
#include "core/workspace/Workspace.h"

#include <QList>

#include <memory>

namespace assay::test {

// One process's share of the shared-workspace tests: the writes of a SharedWritePlan made
// through core's API as one user, each in a transaction of its own, timed from the call to
// write() to its return. The first AssayError that escapes stops it and goes into the report.
class SharedWriter {
public:
    struct Options {
        QString path;
        QString login;
        int writes = 0;
        unsigned seed = 0;
        bool networkFileSystem = false;
        // After each write, reread what changed when another process committed, as a GUI's
        // poll does: readers compete with writers for the file's locks.
        bool refresh = false;
        qint64 startAt = 0; // ms since the epoch: all writers begin together
    };

    explicit SharedWriter(const Options& options);
    SharedWriterReport run();

private:
    void open();
    void waitForStart() const;
    void write(SharedWritePlan::Kind kind);
    void createRun();
    void logPoint();
    void setTag();
    void decide();
    void refresh();

    Options m_options;
    SharedWritePlan m_plan;
    SharedWriterReport m_report;
    std::unique_ptr<Workspace> m_workspace;
    // This process's own keychain: the first decision registers its public key in the file.
    InMemorySecretStore m_keychain;
    QList<PromotionRequest> m_requests; // open requests on the model this user owns, oldest first
    qint64 m_experimentId = 0;
    qint64 m_runId = 0;
    int m_pointsInRun = 0;
};

} // namespace assay::test
