// A new workspace appears at its path only once it is complete, so that a process killed while
// creating one leaves nothing there that a later open would refuse.
#include "core/workspace/Workspace.h"

#include <QDir>
#include <QFileInfo>
#include <QTemporaryDir>

#include <catch2/catch.hpp>

using namespace assay;

TEST_CASE("A new workspace appears at its path only once its first transaction has committed",
          "[workspace][create]") {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("new.assay"));
    int clockReads = 0;
    bool existedWhileCreating = true;
    WorkspaceOptions options;
    options.actor = QStringLiteral("tester");
    options.networkFileSystem = GENERATE(false, true);
    // The first write transaction, which makes the schema and the first admin, reads the clock.
    options.clock = [&] {
        if (clockReads++ == 0)
            existedWhileCreating = QFileInfo::exists(path);
        return qint64{1'760'000'000'000};
    };
    const auto workspace = Workspace::create(path, options);
    REQUIRE(clockReads > 0);
    CHECK_FALSE(existedWhileCreating);
    CHECK(workspace->path() == QFileInfo(path).absoluteFilePath());
    CHECK(Workspace::open(path, options)->schemaVersion() == workspace->schemaVersion());
    // Nothing of the making is left beside it.
    CHECK(QDir(dir.path()).entryList({QStringLiteral("*creating*")}, QDir::Files | QDir::Hidden).isEmpty());
}
