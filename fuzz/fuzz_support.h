// What several fuzz targets share: the shipped country table, and the invariants every list
// loader must keep whatever the input.
#pragma once

#include <string_view>

#include "core/country.h"
#include "core/data_files.h"
#include "screening/lists.h"

namespace ckyc::fuzz {

inline const CountryTable& ShippedCountries() {
  static const auto countries = [] {
    auto f = ReadDataFile("countries.csv");
    if (!f.ok()) __builtin_trap();
    auto t = CountryTable::Load(f->text, f->source);
    if (!t.ok()) __builtin_trap();
    return std::move(t).value();
  }();
  return countries;
}

// A failed load names `source`; every entry has a list, id, name and kind and only alpha-2
// countries from the table; every row error names `source`.
inline void CheckListLoad(const Result<screening::ListLoad>& r, std::string_view source) {
  if (!r.ok()) {
    if (r.status().message().find(source) == std::string::npos) __builtin_trap();
    return;
  }
  for (const auto& e : r->entries) {
    if (e.list.empty() || e.entry_id.empty() || e.name.empty() || e.kind.empty()) __builtin_trap();
    for (const auto& c : e.countries) {
      if (c.size() != 2) __builtin_trap();
    }
  }
  for (const auto& err : r->errors) {
    if (err.find(source) == std::string::npos) __builtin_trap();
  }
}

}  // namespace ckyc::fuzz
