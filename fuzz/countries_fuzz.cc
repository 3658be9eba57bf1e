// Fuzzes the country table and country-group loaders. The input is split at the first NUL byte:
// before it a countries CSV, after it a country-groups CSV loaded against those countries.
#include <cstdint>
#include <string_view>

#include "core/country.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  std::size_t nul = text.find('\0');
  std::string_view countries_csv = text.substr(0, nul);
  auto countries = ckyc::CountryTable::Load(countries_csv, "countries.csv");
  if (!countries.ok()) return 0;
  for (const auto& c : countries->all()) {
    if (countries->Find(c.alpha2) == nullptr) __builtin_trap();
  }
  if (nul == std::string_view::npos) return 0;
  auto groups = ckyc::CountryGroups::Load(text.substr(nul + 1), "groups.csv", *countries);
  if (groups.ok()) {
    ckyc::Date d{std::chrono::year{2026}, std::chrono::month{11}, std::chrono::day{29}};
    for (const auto& c : countries->all()) (void)groups->MembershipsOf(c.alpha2, d);
  }
  return 0;
}
