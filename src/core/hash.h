// Fast non-cryptographic hashing for ids, checksums and content fingerprints. Word-at-a-time
// (8 bytes per step), so it keeps up with gigabyte inputs. Not for security: an adversary who can
// choose inputs can make collisions.
#pragma once

#include <cstdint>
#include <string_view>

namespace ckyc {

// 64-bit hash of `data`; different seeds give independent-looking hashes, so two seeds make a
// 128-bit fingerprint.
std::uint64_t Hash64(std::string_view data, std::uint64_t seed);

// Two independent 64-bit hashes of `data` in one pass (a 128-bit fingerprint).
struct Hash128 {
  std::uint64_t hi = 0;
  std::uint64_t lo = 0;
};
Hash128 Hash128Of(std::string_view data);

// Folds `value` into `h` (for hashing a sequence of parts).
std::uint64_t HashCombine(std::uint64_t h, std::uint64_t value);

}  // namespace ckyc
