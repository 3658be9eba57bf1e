// Fuzzes screening::LoadOfac: any bytes give entries and/or positioned errors, or a Status naming the
// source — never a crash, and never an entry without a list, id or name.
#include <cstdint>
#include <string_view>

#include "fuzz_support.h"
#include "screening/lists.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  // The input is up to four files separated by NUL bytes: main, add, alt, comments.
  std::string_view parts[4];
  std::size_t n = 0;
  while (n < 3) {
    std::size_t nul = text.find('\0');
    if (nul == std::string_view::npos) break;
    parts[n++] = text.substr(0, nul);
    text.remove_prefix(nul + 1);
  }
  parts[n] = text;
  ckyc::screening::OfacFiles files{parts[0],       parts[1],       parts[2],       parts[3],
                                   "fuzz-sdn.csv", "fuzz-add.csv", "fuzz-alt.csv", "fuzz-comments.csv"};
  auto r = ckyc::screening::LoadOfac(files, "SDN", ckyc::fuzz::ShippedCountries());
  if (!r.ok()) {
    if (r.status().message().find("fuzz-sdn.csv") == std::string::npos) __builtin_trap();
    return 0;
  }
  for (const auto& err : r->errors) {
    if (err.find("fuzz-") == std::string::npos) __builtin_trap();  // errors name one of the files
  }
  ckyc::fuzz::CheckListLoad(r, "");
  return 0;
}
