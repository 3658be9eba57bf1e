#include "core/country.h"

#include <algorithm>
#include <set>

#include "core/csv.h"
#include "core/strings.h"
#include "core/suggest.h"

namespace ckyc {

Result<CountryTable> CountryTable::Load(std::string_view csv, std::string_view source) {
  CKYC_ASSIGN_OR_RETURN(CsvTable table, CsvTable::Parse(csv, source));
  CKYC_RETURN_IF_ERROR(table.RequireColumns({"alpha2", "alpha3", "numeric", "name", "aliases"}));
  CountryTable out;
  std::map<std::string, std::size_t, std::less<>> key_line;
  for (std::size_t i = 0; i < table.size(); ++i) {
    auto row = table.row(i);
    Country c;
    CKYC_ASSIGN_OR_RETURN(c.alpha2, row.Required("alpha2"));
    CKYC_ASSIGN_OR_RETURN(c.alpha3, row.Required("alpha3"));
    CKYC_ASSIGN_OR_RETURN(c.name, row.Required("name"));
    c.numeric = std::string(TrimAscii(row.Get("numeric")));
    if (c.alpha2.size() != 2 || c.alpha3.size() != 3) {
      return Status::InvalidArgument(row.Where("alpha2") + ": want a 2-letter and a 3-letter code");
    }
    for (const std::string& a : Split(row.Get("aliases"), '|')) {
      std::string_view t = TrimAscii(a);
      if (!t.empty()) c.aliases.emplace_back(t);
    }
    const std::size_t index = out.countries_.size();
    std::vector<std::string> keys = {c.alpha2, c.alpha3, c.name};
    if (!c.numeric.empty()) keys.push_back(c.numeric);
    keys.insert(keys.end(), c.aliases.begin(), c.aliases.end());
    std::set<std::string> own;
    for (const std::string& k : keys) {
      std::string key = NameKey(k);
      if (!own.insert(key).second) continue;  // a row may repeat its own name as an alias
      auto [it, inserted] = out.by_key_.emplace(key, index);
      if (!inserted) {
        return Status::InvalidArgument(row.Where("aliases") + ": '" + k + "' already names " +
                                       out.countries_[it->second].alpha2 + " (line " + std::to_string(key_line[key]) +
                                       ")");
      }
      key_line[key] = row.line();
    }
    out.countries_.push_back(std::move(c));
  }
  return out;
}

const Country* CountryTable::Find(std::string_view text) const {
  auto it = by_key_.find(NameKey(text));
  return it == by_key_.end() ? nullptr : &countries_[it->second];
}

Result<const Country*> CountryTable::Resolve(std::string_view text) const {
  if (const Country* c = Find(text)) return c;
  std::vector<std::string> names;
  for (const Country& c : countries_) {
    names.push_back(c.name);
    names.insert(names.end(), c.aliases.begin(), c.aliases.end());
  }
  return Status::NotFound("unknown country '" + std::string(text) + "'" + DidYouMean(ClosestNames(text, names)));
}

Result<CountryGroups> CountryGroups::Load(std::string_view csv, std::string_view source,
                                          const CountryTable& countries) {
  CKYC_ASSIGN_OR_RETURN(CsvTable table, CsvTable::Parse(csv, source));
  CKYC_RETURN_IF_ERROR(table.RequireColumns({"group", "alpha2", "effective_from", "effective_to", "source"}));
  CountryGroups out;
  for (std::size_t i = 0; i < table.size(); ++i) {
    auto row = table.row(i);
    GroupMembership m;
    CKYC_ASSIGN_OR_RETURN(m.group, row.Required("group"));
    CKYC_ASSIGN_OR_RETURN(m.alpha2, row.Required("alpha2"));
    const Country* c = countries.Find(m.alpha2);
    if (c == nullptr || c->alpha2 != m.alpha2) {
      return Status::InvalidArgument(row.Where("alpha2") + ": not an ISO 3166-1 alpha-2 code: '" + m.alpha2 + "'");
    }
    auto from = ParseDate(row.Get("effective_from"));
    if (!from.ok()) return from.status().WithContext(row.Where("effective_from"));
    m.period.from = *from;
    if (!TrimAscii(row.Get("effective_to")).empty()) {
      auto to = ParseDate(row.Get("effective_to"));
      if (!to.ok()) return to.status().WithContext(row.Where("effective_to"));
      if (*to < *from) return Status::InvalidArgument(row.Where("effective_to") + ": before effective_from");
      m.period.to = *to;
    }
    m.source = std::string(TrimAscii(row.Get("source")));
    m.note = std::string(TrimAscii(row.Get("note")));
    for (const GroupMembership& other : out.rows_) {
      if (other.group != m.group || other.alpha2 != m.alpha2) continue;
      bool disjoint =
          (other.period.to && *other.period.to < m.period.from) || (m.period.to && *m.period.to < other.period.from);
      if (!disjoint) {
        return Status::InvalidArgument(row.Where("effective_from") + ": " + m.group + " membership of " + m.alpha2 +
                                       " overlaps an earlier row");
      }
    }
    out.rows_.push_back(std::move(m));
  }
  return out;
}

bool CountryGroups::IsMember(std::string_view group, std::string_view alpha2, const Date& on) const {
  return std::any_of(rows_.begin(), rows_.end(), [&](const GroupMembership& m) {
    return m.group == group && m.alpha2 == alpha2 && m.period.Contains(on);
  });
}

std::vector<const GroupMembership*> CountryGroups::MembershipsOf(std::string_view alpha2, const Date& on) const {
  std::vector<const GroupMembership*> out;
  for (const GroupMembership& m : rows_) {
    if (m.alpha2 == alpha2 && m.period.Contains(on)) out.push_back(&m);
  }
  std::sort(out.begin(), out.end(), [](const auto* a, const auto* b) { return a->group < b->group; });
  return out;
}

std::vector<std::string> CountryGroups::GroupNames() const {
  std::set<std::string> names;
  for (const GroupMembership& m : rows_) names.insert(m.group);
  return {names.begin(), names.end()};
}

}  // namespace ckyc
