// Fuzzes the accelerator catalog loader and the classifier behind it.
#include <cstdint>
#include <string_view>

#include "chips/catalog.h"
#include "chips/part_report.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  auto cat = ckyc::chips::AcceleratorCatalog::Load(text, "fuzz.csv");
  if (!cat.ok()) return 0;
  const auto t = ckyc::chips::Thresholds3A090::Current();
  for (const auto& a : cat->all()) {
    auto p = ckyc::chips::ClassifyPart(a, t);
    if (p.ok() && cat->Find(a.id) != &a) __builtin_trap();  // a loaded part is found by its id
  }
  return 0;
}
