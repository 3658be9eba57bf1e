// Fuzzes the RFC 4180 reader: any bytes give records or a positioned error, never a crash.
#include <cstdint>
#include <string_view>

#include "core/csv.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  auto records = ckyc::ParseCsv(text, "fuzz.csv");
  if (records.ok()) {
    for (const auto& r : *records) {
      if (r.line == 0 || r.fields.empty()) __builtin_trap();  // every record has a line and a field
    }
  } else if (records.status().message().rfind("fuzz.csv", 0) != 0) {
    __builtin_trap();  // every error names its source
  }
  auto table = ckyc::CsvTable::Parse(text, "fuzz.csv");
  if (table.ok() && table->size() > 0) {
    auto row = table->row(0);
    (void)row.OptionalNonNegative("a");
  }
  return 0;
}
