// Payment-instrument numbers are never stored in clear: they become keyed BLAKE2b tokens
// (libsodium crypto_generichash), so the same card gives the same token within one deployment and
// tokens cannot be reversed or matched across deployments without the key.
#pragma once

#include <string>

#include "core/status.h"
#include "parties/import.h"

namespace ckyc::app {

// The key lives in `key_path` (32 random bytes, mode 0600), created on first use. Digits only are
// hashed, so "4111 1111 1111 1111" and "4111-1111-1111-1111" give the same token.
Result<parties::Tokenizer> OpenTokenizer(const std::string& key_path);

}  // namespace ckyc::app
