// Fuzzes the usage readers (CUR 2.0, FOCUS, JSON lines) against the shipped catalog: any bytes
// give records and row errors, never a crash, and every record satisfies the store's invariants.
#include <cstdint>
#include <string_view>

#include "app/reference_data.h"
#include "metering/readers.h"

namespace {

void CheckReport(const ckyc::Result<ckyc::metering::ReadReport>& r) {
  if (!r.ok()) return;
  for (const auto& rec : r->records) {
    if (rec.end <= rec.start || rec.accelerators <= 0 || rec.accelerator_seconds < 0 || rec.id.empty() ||
        rec.account.empty() || rec.accelerator.empty()) {
      __builtin_trap();
    }
  }
  for (const auto& e : r->errors) {
    if (e.message.rfind("fuzz", 0) != 0) __builtin_trap();  // every error names its source
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const auto ref = ckyc::app::LoadChipData();
  if (!ref.ok()) __builtin_trap();
  std::string_view text(reinterpret_cast<const char*>(data), size);
  CheckReport(ckyc::metering::ReadJsonLines(text, "fuzz.jsonl", (*ref)->accelerators, (*ref)->instances));
  CheckReport(ckyc::metering::ReadCur(text, "fuzz.csv", (*ref)->instances));
  CheckReport(ckyc::metering::ReadFocus(text, "fuzz.csv", (*ref)->instances));
  (void)ckyc::metering::DetectUsageFormat(text, "fuzz");
  return 0;
}
