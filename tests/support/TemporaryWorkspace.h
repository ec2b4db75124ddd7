#pragma once

#include "core/workspace/Workspace.h"

#include <QTemporaryDir>

#include <memory>

namespace assay::test {

// A workspace in a fresh temporary folder, acting as a fixed user with a clock the test can
// move. Removed with the folder when the fixture goes.
class TemporaryWorkspace {
public:
    explicit TemporaryWorkspace(const QString& actor = QStringLiteral("tester"));

    Workspace& workspace() { return *m_workspace; }
    Workspace* operator->() { return m_workspace.get(); }
    QString path() const { return m_workspace->path(); }
    QString dir() const { return m_dir.path(); }
    QString file(const QString& name) const { return m_dir.filePath(name); }

    // A second connection to the same file, as another process would have.
    std::unique_ptr<Workspace> reopen(const QString& actor = QStringLiteral("tester")) const;
    void close() { m_workspace.reset(); }

    qint64 now = 1'760'000'000'000; // 2025-10-09, moved by tests that need time to pass

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Workspace> m_workspace;
};

// Runs a shell command line (sqlite3 and the like) and returns its exit status.
int runCommand(const QString& program, const QStringList& arguments, QByteArray* output = nullptr);
QByteArray sha256OfFile(const QString& path);

} // namespace assay::test
