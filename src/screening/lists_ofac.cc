// OFAC SDN / Consolidated non-SDN CSV sets: sdn.csv (or cons_prim.csv) joined with its address,
// alias and remarks-overflow siblings by ent_num.
#include <unordered_map>

#include "core/csv.h"
#include "core/strings.h"
#include "screening/lists.h"
#include "screening/lists_internal.h"

namespace ckyc::screening {
namespace {

using internal::AddCountry;
using internal::AddIdentifier;
using internal::AddUnique;
using internal::Clean;
using internal::RowError;

// OFAC files end with a DOS end-of-file byte (0x1A), sometimes followed by nothing, sometimes by a
// line end; the CSV reader would take it for a one-field record.
std::string_view StripDosEof(std::string_view text) {
  while (!text.empty() && (text.back() == '\x1a' || text.back() == '\r' || text.back() == '\n')) text.remove_suffix(1);
  return text;
}

bool ParseEntNum(std::string_view s, std::string& out) {
  s = TrimAscii(s);
  if (s.empty() || s.size() > 12) return false;
  for (char c : s) {
    if (!internal::IsAsciiDigit(c)) return false;
  }
  out.assign(s);
  return true;
}

// "A] [B] [C" → {"A", "B", "C"}: OFAC joins programs with "] [" inside an outer pair it omits.
void AddPrograms(ListEntry& e, std::string_view programs) {
  std::size_t pos = 0;
  while (pos <= programs.size()) {
    std::size_t end = programs.find("] [", pos);
    if (end == std::string_view::npos) end = programs.size();
    std::string_view p = TrimAscii(programs.substr(pos, end - pos));
    while (!p.empty() && (p.front() == '[' || p.front() == ' ')) p.remove_prefix(1);
    while (!p.empty() && (p.back() == ']' || p.back() == ' ')) p.remove_suffix(1);
    AddUnique(e.programs, p);
    pos = end + 3;
  }
}

// Scans one sibling file, calling fn(line, fields) for rows of exactly `width` fields whose
// ent_num is in the main file; every other row becomes an error. A CSV syntax error in a sibling
// stops that file only (its earlier rows are kept) and is reported as an error, because the
// main list is still usable without the rest of its addresses or aliases.
template <typename Fn>
void ScanSibling(std::string_view text, const std::string& name, std::size_t width,
                 const std::unordered_map<std::string, std::size_t>& by_ent, std::string_view main_name,
                 std::vector<std::string>& errors, Fn fn) {
  text = StripDosEof(text);
  if (TrimAscii(text).empty()) return;
  std::deque<std::string> arena;
  std::string ent;
  Status s = ScanCsv(text, name, arena, [&](std::size_t line, const std::vector<std::string_view>& f) -> Status {
    if (f.size() != width) {
      errors.push_back(RowError(name, line, "ent_num",
                                "row has " + std::to_string(f.size()) + " fields, expected " + std::to_string(width)));
      return Status::Ok();
    }
    if (!ParseEntNum(f[0], ent)) {
      errors.push_back(RowError(name, line, "ent_num", "not a number: '" + std::string(TrimAscii(f[0])) + "'"));
      return Status::Ok();
    }
    auto it = by_ent.find(ent);
    if (it == by_ent.end()) {
      errors.push_back(RowError(name, line, "ent_num", ent + " is not in " + std::string(main_name)));
      return Status::Ok();
    }
    fn(it->second, f);
    return Status::Ok();
  });
  if (!s.ok()) errors.push_back(s.message());
}

}  // namespace

Result<ListLoad> LoadOfac(const OfacFiles& files, std::string_view list, const CountryTable& countries) {
  ListLoad out;
  out.format = list == "SDN" ? "sdn" : "cons";
  const std::string main_name = files.main_name.empty() ? std::string("sdn.csv") : files.main_name;
  std::string_view main = StripDosEof(files.main);
  // An empty main file is a failed download (the 2024-05-04 scrape left sdn.csv empty), not an
  // empty list: loading it would silently clear every match.
  if (TrimAscii(main).empty()) return Status::InvalidArgument(main_name + ": empty; not an OFAC list file");

  std::unordered_map<std::string, std::size_t> by_ent;
  std::deque<std::string> arena;
  std::string ent;
  Status scan =
      ScanCsv(main, main_name, arena, [&](std::size_t line, const std::vector<std::string_view>& f) -> Status {
        ++out.rows;
        if (f.size() != 12) {
          out.errors.push_back(
              RowError(main_name, line, "ent_num", "row has " + std::to_string(f.size()) + " fields, expected 12"));
          return Status::Ok();
        }
        if (!ParseEntNum(f[0], ent)) {
          out.errors.push_back(
              RowError(main_name, line, "ent_num", "not a number: '" + std::string(TrimAscii(f[0])) + "'"));
          return Status::Ok();
        }
        ListEntry e;
        e.list = std::string(list);
        e.entry_id = ent;
        e.line = line;
        e.name = std::string(Clean(f[1]));
        if (e.name.empty()) {
          out.errors.push_back(RowError(main_name, line, "SDN_Name", "empty"));
          return Status::Ok();
        }
        std::string_view type = Clean(f[2]);
        if (type.empty()) {
          e.kind = "entity";  // OFAC writes no type for entities
        } else if (type == "individual" || type == "vessel" || type == "aircraft") {
          e.kind = std::string(type);
        } else {
          out.errors.push_back(RowError(main_name, line, "SDN_Type", "unknown type '" + std::string(type) + "'"));
          return Status::Ok();
        }
        if (by_ent.count(ent) != 0) {
          out.errors.push_back(RowError(main_name, line, "ent_num", ent + " appears twice"));
          return Status::Ok();
        }
        AddPrograms(e, Clean(f[3]));
        AddIdentifier(e, "Call Sign", Clean(f[5]));
        e.remarks = std::string(Clean(f[11]));
        by_ent.emplace(ent, out.entries.size());
        out.entries.push_back(std::move(e));
        return Status::Ok();
      });
  if (!scan.ok()) return Status::InvalidArgument(scan.message());
  if (out.entries.empty()) {
    return Status::InvalidArgument(main_name + ": not an OFAC list file (no row has the 12 columns ent_num, name, " +
                                   "type, programs, …, remarks)");
  }

  // Overflow first: remarks are parsed once they are whole. An extension continues the text
  // mid-word ("…PROMO RAI" + "Z S.A.S.; …"), so it is appended without a separator.
  ScanSibling(files.comments, files.comments_name.empty() ? "sdn_comments.csv" : files.comments_name, 2, by_ent,
              main_name, out.errors, [&](std::size_t i, const std::vector<std::string_view>& f) {
                out.entries[i].remarks += std::string(Clean(f[1]));
              });
  for (ListEntry& e : out.entries) internal::ParseOfacRemarks(e.remarks, e, countries);

  ScanSibling(files.add, files.add_name.empty() ? "add.csv" : files.add_name, 6, by_ent, main_name, out.errors,
              [&](std::size_t i, const std::vector<std::string_view>& f) {
                ListEntry& e = out.entries[i];
                std::string line;
                for (std::size_t k : {std::size_t{2}, std::size_t{3}, std::size_t{4}}) {
                  std::string_view part = Clean(f[k]);
                  if (part.empty()) continue;
                  if (!line.empty()) line += ", ";
                  line += part;
                }
                AddUnique(e.addresses, line);
                AddCountry(e, Clean(f[4]), countries);
              });
  ScanSibling(
      files.alt, files.alt_name.empty() ? "alt.csv" : files.alt_name, 5, by_ent, main_name, out.errors,
      [&](std::size_t i, const std::vector<std::string_view>& f) { AddUnique(out.entries[i].aliases, Clean(f[3])); });
  return out;
}

}  // namespace ckyc::screening
