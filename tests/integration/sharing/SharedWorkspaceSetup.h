#pragma once

#include <QStringList>

namespace assay::test {

// The workspace the shared-workspace tests start from. For each writer login: a user, a Tier 3
// model that user owns (version 1 from another person's run) and requestsEach open promotion
// requests submitted by someone else, each to a different alias. Every writer can then sign
// decisions that no other writer touches: the tests are about the file, not about conflicts.
class SharedWorkspaceSetup {
public:
    static void prepare(const QString& path, bool networkFileSystem, const QStringList& logins,
                        int requestsEach);
};

} // namespace assay::test
