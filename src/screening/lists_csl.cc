// trade.gov Consolidated Screening List CSV (2019 layout, and the current one with a leading `_id`).
#include <cctype>

#include "core/csv.h"
#include "core/strings.h"
#include "screening/lists.h"
#include "screening/lists_internal.h"

namespace ckyc::screening {
namespace {

using internal::AddCountry;
using internal::AddIdentifier;
using internal::AddUnique;
using internal::IsAsciiDigit;
using internal::RowError;
using internal::SplitTrim;

bool IsUpperCode2(std::string_view s) {
  return s.size() == 2 && std::isupper(static_cast<unsigned char>(s[0])) &&
         std::isupper(static_cast<unsigned char>(s[1]));
}
bool HasDigit(std::string_view s) {
  for (char c : s) {
    if (IsAsciiDigit(c)) return true;
  }
  return false;
}

// "Entity List (EL) - Bureau of Industry and Security" → "EL"; "Non-SDN Menu-Based Sanctions List
// (NS-MBS List) - Treasury Department" → "NS-MBS". The parenthesised code is what trade.gov's API
// calls the source; a name without one is kept whole, so nothing is guessed.
std::string SourceCode(std::string_view source) {
  std::size_t open = source.find('(');
  std::size_t close = open == std::string_view::npos ? open : source.find(')', open);
  if (close == std::string_view::npos) return std::string(TrimAscii(source));
  std::string_view code = TrimAscii(source.substr(open + 1, close - open - 1));
  if (code.size() > 5 && code.substr(code.size() - 5) == " List") code.remove_suffix(5);
  return code.empty() ? std::string(TrimAscii(source)) : std::string(code);
}

// One `addresses` cell: addresses separated by ';'. The current CSL ends each with the ISO-2 code
// ("…, Xian, China, CN"); the derived 2026 file holds bare codes ("CN; HK") for rows without a
// street address, and eCFR text joined with "; and" for Entity List rows. A bare code is a
// country, not an address line.
void ReadAddresses(ListEntry& e, std::string_view cell, const CountryTable& countries) {
  for (std::string_view a : SplitTrim(cell, ';')) {
    if (a.substr(0, 4) == "and ") a = TrimAscii(a.substr(4));
    if (a.empty()) continue;
    if (IsUpperCode2(a)) {
      AddCountry(e, a, countries);
      continue;
    }
    AddUnique(e.addresses, a);
    std::size_t comma = a.rfind(',');
    std::string_view last = TrimAscii(comma == std::string_view::npos ? std::string_view() : a.substr(comma + 1));
    // The last part is a country only when it is a code or a name without digits: a postal code
    // ("85043") must not be read as an ISO numeric code.
    if (!last.empty() && !HasDigit(last)) AddCountry(e, last, countries);
  }
}

// `ids` cell: facts separated by ';', each a comma list in one of two orders — "type, number,
// country" (current) or "country, number, type" / "number, type" (2019). Only parts holding a
// digit are values; facts such as "Gender, Male" are not identifiers.
void ReadIds(ListEntry& e, std::string_view cell) {
  for (std::string_view fact : SplitTrim(cell, ';')) {
    std::vector<std::string_view> p = SplitTrim(fact, ',');
    if (p.size() == 3 && IsUpperCode2(p[0]) && HasDigit(p[1])) {
      AddIdentifier(e, internal::CanonicalIdType(p[2]), p[1]);
    } else if (p.size() >= 2 && HasDigit(p[1]) && !HasDigit(p[0])) {
      AddIdentifier(e, internal::CanonicalIdType(p[0]), p[1]);
    } else if (p.size() == 2 && HasDigit(p[0]) && !HasDigit(p[1])) {
      std::string_view v = p[0];
      if (v.substr(0, 4) == "IMO ") v.remove_prefix(4);  // "IMO 8898831, Vessel Registration Identification"
      AddIdentifier(e, internal::CanonicalIdType(p[1]), v);
    }
  }
}

}  // namespace

Result<ListLoad> LoadCsl(std::string_view text, std::string_view source, const CountryTable& countries) {
  ListLoad out;
  out.format = "csl";
  auto parsed = CsvTable::Parse(text, source);
  if (!parsed.ok()) return Status::InvalidArgument(parsed.status().message());
  const CsvTable& t = *parsed;
  if (Status s = t.RequireColumns({"source", "name", "entity_number"}); !s.ok()) {
    return Status::InvalidArgument(std::string(source) + ": not a Consolidated Screening List CSV: " + s.message());
  }
  const auto c_id = t.Column("_id"), c_source = t.Column("source"), c_num = t.Column("entity_number"),
             c_type = t.Column("type"), c_programs = t.Column("programs"), c_name = t.Column("name"),
             c_addr = t.Column("addresses"), c_start = t.Column("start_date"), c_remarks = t.Column("remarks"),
             c_alt = t.Column("alt_names"), c_cit = t.Column("citizenships"), c_dob = t.Column("dates_of_birth"),
             c_nat = t.Column("nationalities"), c_ids = t.Column("ids");
  out.entries.reserve(t.size());
  for (std::size_t i = 0; i < t.size(); ++i) {
    auto row = t.row(i);
    ++out.rows;
    std::string_view src = TrimAscii(row.Get(c_source));
    std::string_view name = TrimAscii(row.Get(c_name));
    if (src.empty()) {
      out.errors.push_back(RowError(source, row.line(), "source", "empty"));
      continue;
    }
    if (name.empty()) {
      out.errors.push_back(RowError(source, row.line(), "name", "empty"));
      continue;
    }
    ListEntry e;
    e.list = "CSL:" + SourceCode(src);
    e.line = row.line();
    e.name = std::string(name);
    // entity_number (OFAC's ent_num) when published, else the current CSL's `_id`; rows of the
    // 2019 layout from BIS and State have neither, so they get a hash of source, name, addresses
    // and start date (stable across loads of the same file, changes when the listing does).
    std::string_view id = TrimAscii(row.Get(c_num));
    if (id.empty()) id = TrimAscii(row.Get(c_id));
    e.entry_id = !id.empty() ? std::string(id) : internal::StableId({src, name, row.Get(c_addr), row.Get(c_start)});
    std::string type = AsciiLower(TrimAscii(row.Get(c_type)));
    if (type.empty()) {
      e.kind = "unknown";
    } else if (type == "individual" || type == "entity" || type == "vessel" || type == "aircraft") {
      e.kind = type;
    } else {
      out.errors.push_back(RowError(source, row.line(), "type", "unknown type '" + type + "'"));
      continue;
    }
    for (std::string_view a : SplitTrim(row.Get(c_alt), ';')) AddUnique(e.aliases, a);
    ReadAddresses(e, row.Get(c_addr), countries);
    for (auto col : {c_cit, c_nat}) {
      for (std::string_view c : SplitTrim(row.Get(col), ';')) {
        for (std::string_view c2 : SplitTrim(c, ',')) AddCountry(e, c2, countries);
      }
    }
    for (std::string_view d : SplitTrim(row.Get(c_dob), ';')) AddUnique(e.dates_of_birth, d);
    for (std::string_view p : SplitTrim(row.Get(c_programs), ';')) AddUnique(e.programs, p);
    ReadIds(e, row.Get(c_ids));
    e.remarks = std::string(TrimAscii(row.Get(c_remarks)));
    out.entries.push_back(std::move(e));
  }
  return out;
}

}  // namespace ckyc::screening
