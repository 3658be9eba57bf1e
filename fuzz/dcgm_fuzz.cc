// Fuzzes the dcgm-exporter exposition reader: any bytes give samples, counts and one-line positioned
// errors, never a crash; and CRLF line endings read the same as LF.
#include <cmath>
#include <cstdint>
#include <string>
#include <string_view>

#include "metering/dcgm.h"

namespace {

constexpr std::string_view kSource = "fuzz.prom";

// DCGM's blank sentinels, which the reader must drop (see IsDcgmBlank in dcgm.cc).
bool IsBlank(double v) {
  return !std::isfinite(v) || v >= 9.223372036854e18 - 1e6 || (v >= 2147483632.0 && v <= 2147483647.0) ||
         (v >= 140737488355328.0 && v <= 140737488355343.0);
}

bool IsKnownFieldId(int id) {
  return id == 100 || id == 113 || id == 155 || id == 156 || id == 203 || id == 252 || (id >= 1001 && id <= 1015);
}

// Checks the reader's contracts on one input; traps when one breaks.
ckyc::metering::DcgmParseResult CheckedParse(std::string_view text) {
  auto r = ckyc::metering::ParseDcgmExposition(text, kSource);
  std::size_t lines = 0;
  for (char c : text) lines += c == '\n' ? 1u : 0u;
  if (!text.empty() && text.back() != '\n') ++lines;
  // Each line gives at most one sample, error, skip or drop.
  if (r.samples.size() + r.errors.size() + r.skipped_unknown_metric + r.dropped_blank > lines) __builtin_trap();
  for (const auto& e : r.errors) {
    if (e.rfind(std::string(kSource) + ":", 0) != 0) __builtin_trap();  // every error names its source
    for (char c : e) {
      if (c < 0x20 || c > 0x7e) __builtin_trap();  // one printable line
    }
  }
  std::size_t previous_line = 0;
  for (const auto& s : r.samples) {
    if (IsBlank(s.value)) __builtin_trap();                           // blanks are dropped
    if (s.line <= previous_line || s.line > lines) __builtin_trap();  // in order, inside the text
    previous_line = s.line;
    if (!IsKnownFieldId(static_cast<int>(s.field))) __builtin_trap();
  }
  return r;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  auto lf = CheckedParse(text);
  if (text.find('\r') != std::string_view::npos) return 0;
  std::string crlf;
  crlf.reserve(text.size() * 2);
  for (char c : text) {
    if (c == '\n') crlf.push_back('\r');
    crlf.push_back(c);
  }
  auto r = CheckedParse(crlf);
  if (r.samples.size() != lf.samples.size() || r.errors != lf.errors ||
      r.skipped_unknown_metric != lf.skipped_unknown_metric || r.dropped_blank != lf.dropped_blank) {
    __builtin_trap();  // CRLF reads as LF
  }
  for (std::size_t i = 0; i < r.samples.size(); ++i) {
    if (r.samples[i].value != lf.samples[i].value || r.samples[i].uuid != lf.samples[i].uuid) __builtin_trap();
  }
  return 0;
}
