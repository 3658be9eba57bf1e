#include "chips/precision.h"

#include "core/strings.h"

namespace ckyc::chips {

std::string_view PrecisionName(Precision p) {
  switch (p) {
    case Precision::kFp64: return "fp64";
    case Precision::kFp32: return "fp32";
    case Precision::kTf32: return "tf32";
    case Precision::kBf16: return "bf16";
    case Precision::kFp16: return "fp16";
    case Precision::kFp8: return "fp8";
    case Precision::kFp6: return "fp6";
    case Precision::kFp4: return "fp4";
    case Precision::kInt8: return "int8";
    case Precision::kInt4: return "int4";
  }
  return "?";
}

std::optional<Precision> ParsePrecision(std::string_view name) {
  const std::string lower = AsciiLower(TrimAscii(name));
  for (Precision p : kAllPrecisions) {
    if (PrecisionName(p) == lower) return p;
  }
  return std::nullopt;
}

int BitLength(Precision p) {
  switch (p) {
    case Precision::kFp64: return 64;
    case Precision::kFp32: return 32;
    case Precision::kTf32: return 19;
    case Precision::kBf16: return 16;
    case Precision::kFp16: return 16;
    case Precision::kFp8: return 8;
    case Precision::kFp6: return 6;
    case Precision::kFp4: return 4;
    case Precision::kInt8: return 8;
    case Precision::kInt4: return 4;
  }
  return 0;
}

}  // namespace ckyc::chips
