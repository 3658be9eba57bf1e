// BIS Denied Persons List: tab-separated, every field double-quoted, with a header row.
#include <array>

#include "core/date.h"
#include "core/strings.h"
#include "screening/lists.h"
#include "screening/lists_internal.h"

namespace ckyc::screening {
namespace {

using internal::RowError;

constexpr std::array<std::string_view, 12> kColumns = {
    "Name",           "Street_Address",  "City",           "State",       "Country", "Postal_Code",
    "Effective_Date", "Expiration_Date", "Standard_Order", "Last_Update", "Action",  "FR_Citation"};

// One line → fields: split on tabs; a field wrapped in double quotes loses them and "" becomes ".
// A field with an opening quote and no closing one is an error (the row is skipped).
bool SplitTsv(std::string_view line, std::vector<std::string>& out) {
  out.clear();
  std::size_t pos = 0;
  while (true) {
    std::size_t tab = line.find('\t', pos);
    std::string_view f = line.substr(pos, tab == std::string_view::npos ? std::string_view::npos : tab - pos);
    if (!f.empty() && f.front() == '"') {
      if (f.size() < 2 || f.back() != '"') return false;
      f = f.substr(1, f.size() - 2);
      std::string v;
      for (std::size_t i = 0; i < f.size(); ++i) {
        v += f[i];
        if (f[i] == '"' && i + 1 < f.size() && f[i + 1] == '"') ++i;
      }
      out.push_back(std::move(v));
    } else {
      out.emplace_back(f);
    }
    if (tab == std::string_view::npos) return true;
    pos = tab + 1;
  }
}

// Dates must parse and have a year in 1900–2100: the files carry typo years ("3017-08-22") that
// are valid calendar dates but not plausible ones.
std::optional<std::string> CheckDate(std::string_view s, bool us_order) {
  std::string iso;
  if (us_order) {  // MM/DD/YYYY
    std::vector<std::string> p = Split(s, '/');
    if (p.size() != 3 || p[0].empty() || p[0].size() > 2 || p[1].empty() || p[1].size() > 2 || p[2].size() != 4) {
      return "not a date (want MM/DD/YYYY): '" + std::string(s) + "'";
    }
    iso = p[2] + "-" + (p[0].size() == 1 ? "0" : "") + p[0] + "-" + (p[1].size() == 1 ? "0" : "") + p[1];
  } else {
    iso = std::string(s);
  }
  auto d = ParseDate(iso);
  if (!d.ok()) return d.status().message();
  int y = static_cast<int>(d->year());
  if (y < 1900 || y > 2100) return "implausible year in '" + std::string(s) + "'";
  return std::nullopt;
}

}  // namespace

Result<ListLoad> LoadDpl(std::string_view text, std::string_view source, const CountryTable& countries) {
  ListLoad out;
  out.format = "dpl";
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  std::vector<std::string> f;
  bool header_seen = false;
  for (Lines lines(text); lines.Next();) {
    const std::size_t line_no = lines.number();
    const std::string_view line = lines.line();
    if (TrimAscii(line).empty()) continue;
    if (!header_seen) {
      // The header decides whether this is a DPL file at all.
      if (!SplitTsv(line, f) || f.size() != kColumns.size()) {
        return Status::InvalidArgument(std::string(source) + ": not a Denied Persons List file (want a tab-separated " +
                                       "header Name, Street_Address, …, FR_Citation)");
      }
      for (std::size_t i = 0; i < kColumns.size(); ++i) {
        if (TrimAscii(f[i]) != kColumns[i]) {
          return Status::InvalidArgument(std::string(source) + ":" + std::to_string(line_no) +
                                         ": not a Denied Persons List header: column " + std::to_string(i + 1) +
                                         " is '" + f[i] + "', want '" + std::string(kColumns[i]) + "'");
        }
      }
      header_seen = true;
      continue;
    }
    ++out.rows;
    if (!SplitTsv(line, f)) {
      out.errors.push_back(RowError(source, line_no, "Name", "unterminated quoted field"));
      continue;
    }
    if (f.size() != kColumns.size()) {
      out.errors.push_back(
          RowError(source, line_no, "Name", "row has " + std::to_string(f.size()) + " fields, expected 12"));
      continue;
    }
    std::string_view name = TrimAscii(f[0]);
    if (name.empty()) {
      out.errors.push_back(RowError(source, line_no, "Name", "empty"));
      continue;
    }
    // A bad date is reported but the row is kept: the name and address are what screening needs,
    // and dropping a denied person because BIS mistyped a Last_Update year would hide a real
    // match. Only a row without a name is skipped (above).
    for (std::size_t col : {std::size_t{6}, std::size_t{7}, std::size_t{9}}) {
      std::string_view v = TrimAscii(f[col]);
      if (v.empty()) continue;
      if (auto problem = CheckDate(v, col != 9)) {
        out.errors.push_back(RowError(source, line_no, kColumns[col], *problem + "; row kept"));
      }
    }
    ListEntry e;
    e.list = "DPL";
    e.kind = "unknown";  // the DPL does not say whether a name is a person or a company
    e.line = line_no;
    e.name = std::string(name);
    // entry_id: a hash of name, the whole address and the effective date. The DPL publishes no
    // id, and name + effective date is not unique (one row per address: "AIR FREIGHT LTD" has
    // four rows with the same date).
    e.entry_id = internal::StableId(
        {name, TrimAscii(f[1]), TrimAscii(f[2]), TrimAscii(f[3]), TrimAscii(f[4]), TrimAscii(f[5]), TrimAscii(f[6])});
    std::string address;
    for (std::size_t col : {std::size_t{1}, std::size_t{2}, std::size_t{3}, std::size_t{5}, std::size_t{4}}) {
      std::string_view part = TrimAscii(f[col]);
      if (part.empty()) continue;
      if (!address.empty()) address += ", ";
      address += part;
    }
    internal::AddUnique(e.addresses, address);
    internal::AddCountry(e, f[4], countries);
    std::string_view fr = TrimAscii(f[11]);
    if (!fr.empty()) e.remarks = "FR: " + std::string(fr);
    out.entries.push_back(std::move(e));
  }
  if (!header_seen) return Status::InvalidArgument(std::string(source) + ": empty; not a Denied Persons List file");
  return out;
}

}  // namespace ckyc::screening
