// Fuzzes the command-line value parsers: --tops PREC=VALUE and dates.
#include <cstdint>
#include <string_view>

#include "chips/classify.h"
#include "core/date.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  ckyc::chips::ChipSpec spec;
  ckyc::Status s = ckyc::chips::ParseTopsArgument(text, spec);
  if (s.ok()) {
    auto c = ckyc::chips::Classify(spec, ckyc::chips::Thresholds3A090::Current());
    if (c.ok() && c->tpp < 0) __builtin_trap();
  } else if (s.message().rfind("--tops '", 0) != 0) {
    __builtin_trap();  // every error names the flag
  }
  auto d = ckyc::ParseDate(text);
  if (d.ok() && ckyc::ParseDate(ckyc::FormatDate(*d)).value() != *d) __builtin_trap();  // round trip
  return 0;
}
