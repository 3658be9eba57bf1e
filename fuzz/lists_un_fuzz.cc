// Fuzzes screening::LoadUn: any bytes give entries and/or positioned errors, or a Status naming the
// source — never a crash, and never an entry without a list, id or name.
#include <cstdint>
#include <string_view>

#include "fuzz_support.h"
#include "screening/lists.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  ckyc::fuzz::CheckListLoad(ckyc::screening::LoadUn(text, "fuzz.xml", ckyc::fuzz::ShippedCountries()), "fuzz.xml");
  return 0;
}
