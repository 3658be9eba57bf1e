// Fuzzes screening::LoadOfac: any bytes give entries and/or positioned errors, or a Status naming the
// source — never a crash, and never an entry without a list, id or name.
#include <cstdint>
#include <string_view>

#include "core/data_files.h"
#include "screening/lists.h"

namespace {

const ckyc::CountryTable& Countries() {
  static const auto countries = [] {
    auto f = ckyc::ReadDataFile("countries.csv");
    if (!f.ok()) __builtin_trap();
    auto t = ckyc::CountryTable::Load(f->text, f->source);
    if (!t.ok()) __builtin_trap();
    return std::move(t).value();
  }();
  return countries;
}

void Check(const ckyc::Result<ckyc::screening::ListLoad>& r, std::string_view source) {
  if (!r.ok()) {
    if (r.status().message().find(source) == std::string::npos) __builtin_trap();  // errors name the input
    return;
  }
  for (const auto& e : r->entries) {
    if (e.list.empty() || e.entry_id.empty() || e.name.empty() || e.kind.empty()) __builtin_trap();
    for (const auto& c : e.countries) {
      if (c.size() != 2) __builtin_trap();  // only alpha-2 codes from the table, never invented ones
    }
  }
  for (const auto& err : r->errors) {
    if (err.find(source) == std::string::npos) __builtin_trap();
  }
}

}  // namespace

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
  auto r = ckyc::screening::LoadOfac(files, "SDN", Countries());
  if (!r.ok()) {
    if (r.status().message().find("fuzz-sdn.csv") == std::string::npos) __builtin_trap();
    return 0;
  }
  for (const auto& err : r->errors) {
    if (err.find("fuzz-") == std::string::npos) __builtin_trap();  // errors name one of the files
  }
  Check(r, "");
  return 0;
}
