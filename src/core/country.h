// ISO 3166-1 countries with the aliases people and lists actually write, and export-control
// country groups (15 CFR part 740 Supp. No. 1 and friends) as dated membership data.
//
// Both tables are loaded from CSV (data/countries.csv, data/country_groups.csv); nothing about
// which country is in which group is written in code, because the groups change (Nicaragua joined
// D:5 in 2024, the UAE moved to A:5 in 2026).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/status.h"

namespace ckyc {

struct Country {
  std::string alpha2;   // "CN"
  std::string alpha3;   // "CHN"
  std::string numeric;  // "156"
  std::string name;     // "China"
  std::vector<std::string> aliases;
};

class CountryTable {
 public:
  // Columns: alpha2,alpha3,numeric,name,aliases (aliases '|'-separated). Fails on duplicate keys,
  // naming both rows.
  static Result<CountryTable> Load(std::string_view csv, std::string_view source);

  // Looks a country up by alpha-2, alpha-3, numeric code, name or alias; case and punctuation
  // insensitive ("PRC", "hong kong sar", "Macao"). Returns nullptr when unknown.
  const Country* Find(std::string_view text) const;
  // Like Find, but an unknown name is an error that names it and suggests the closest names.
  Result<const Country*> Resolve(std::string_view text) const;

  const std::vector<Country>& all() const { return countries_; }

 private:
  std::vector<Country> countries_;
  std::map<std::string, std::size_t, std::less<>> by_key_;  // NameKey(...) -> index
};

// One dated membership row of data/country_groups.csv.
struct GroupMembership {
  std::string group;   // "D:5", "A:5", "MACAU", "TIER1"
  std::string alpha2;  // "CN"
  DatePeriod period;
  std::string source;  // citation
  std::string note;
};

class CountryGroups {
 public:
  // Columns: group,alpha2,effective_from,effective_to,source,confidence,note. Every alpha2 must be
  // in `countries`; periods of the same (group, country) must not overlap.
  static Result<CountryGroups> Load(std::string_view csv, std::string_view source, const CountryTable& countries);

  bool IsMember(std::string_view group, std::string_view alpha2, const Date& on) const;
  // The groups `alpha2` belongs to on `on`, sorted, with the row that makes it so.
  std::vector<const GroupMembership*> MembershipsOf(std::string_view alpha2, const Date& on) const;
  std::vector<std::string> GroupNames() const;

 private:
  std::vector<GroupMembership> rows_;
};

}  // namespace ckyc
