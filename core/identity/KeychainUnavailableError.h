#pragma once

#include "core/base/AssayError.h"

namespace assay {

// The OS keychain could not be reached or refused the request. It is its own type so that
// callers can tell "no keychain here" from a domain error and say so, and so that nothing is
// tempted to store a secret elsewhere instead: Assay never falls back to a plaintext file.
class KeychainUnavailableError : public AssayError {
public:
    using AssayError::AssayError;
};

} // namespace assay
