#pragma once

#include "../../core/InMemorySecretStore.h"

namespace assay::test {

// Tests name the in-memory keychain from here, as they always have.
using InMemorySecretStore = assay::InMemorySecretStore;

} // namespace assay::test
