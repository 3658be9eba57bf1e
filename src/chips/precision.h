// Numeric formats an accelerator computes in, and the bit length each contributes to TPP.
#pragma once

#include <array>
#include <optional>
#include <string_view>

namespace ckyc::chips {

enum class Precision { kFp64, kFp32, kTf32, kBf16, kFp16, kFp8, kFp6, kFp4, kInt8, kInt4 };
inline constexpr std::size_t kPrecisionCount = 10;
inline constexpr std::array<Precision, kPrecisionCount> kAllPrecisions = {
    Precision::kFp64, Precision::kFp32, Precision::kTf32, Precision::kBf16, Precision::kFp16,
    Precision::kFp8,  Precision::kFp6,  Precision::kFp4,  Precision::kInt8, Precision::kInt4};

// "fp64", "tf32", "int8", ...: the names used by the CLI, the catalog header and JSON.
std::string_view PrecisionName(Precision p);
std::optional<Precision> ParsePrecision(std::string_view name);  // case-insensitive

// Bit length of the operation, as the Technical Note to 3A090 multiplies it into TPP.
// Convention (docs/classification.md): TF32 counts 19 bits (1 sign, 8 exponent, 10 mantissa —
// the width the tensor cores actually multiply), FP6 counts 6 and FP4/INT4 count 4. On every
// part in the catalog TF32 runs at half the FP16 rate, so TF32 never decides a TPP either way.
int BitLength(Precision p);

constexpr std::size_t Index(Precision p) {
  return static_cast<std::size_t>(p);
}

}  // namespace ckyc::chips
