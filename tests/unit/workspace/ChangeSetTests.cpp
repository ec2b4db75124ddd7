#include "core/workspace/ChangeSet.h"

#include <catch2/catch.hpp>

using namespace assay;

TEST_CASE("A change set says whether one entity may have changed", "[changeset]") {
    ChangeSet changes;
    changes.add(EntityKind::ModelCard, 7);
    CHECK(changes.touches(EntityKind::ModelCard, 7));
    CHECK_FALSE(changes.touches(EntityKind::ModelCard, 8));
    CHECK_FALSE(changes.touches(EntityKind::Evidence, 7));

    // A reload after another process's commits names kinds, not ids: every entity may have changed.
    changes.addKind(EntityKind::Evidence);
    CHECK(changes.touches(EntityKind::Evidence, 7));
    CHECK(changes.touches(EntityKind::Evidence, 8));
}
