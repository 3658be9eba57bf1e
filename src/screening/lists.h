// Restricted-party lists as data: one model for every source, and a loader per official format.
// Pure: loaders take file contents (the app reads files) and return entries plus one positioned
// problem per malformed row (the row is skipped; the rest is loaded). A file that is not the
// format at all is a Status error.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/country.h"
#include "core/status.h"

namespace ckyc::screening {

struct ListEntry {
  std::string list;      // "SDN", "NONSDN" (OFAC Consolidated), "CSL:<source>" (e.g. "CSL:EL"), "DPL", "UN", "FTM"
  std::string entry_id;  // the list's own id: OFAC ent_num, CSL entity_number or _id, UN REFERENCE_NUMBER, FTM id
  std::string kind;      // "individual", "entity", "vessel", "aircraft" or "unknown"
  std::string name;      // primary name as published
  std::vector<std::string> aliases;         // a.k.a./f.k.a./n.k.a., weak aliases, names in original script
  std::vector<std::string> addresses;       // one line each
  std::vector<std::string> countries;       // ISO 3166-1 alpha-2 (from addresses, nationality, citizenship)
  std::vector<std::string> dates_of_birth;  // as published ("1970", "1970-01-05", "circa 1965")
  std::vector<std::pair<std::string, std::string>> identifiers;  // (type, value): passport, USCC, IMO, …
  std::vector<std::string> programs;                             // sanctions programs / list sub-sources
  std::string remarks;
  std::size_t line = 0;  // where it starts in the main file (the element's line for XML)
};

struct ListLoad {
  std::string format;  // "sdn", "cons", "csl", "dpl", "un", "ftm"
  std::vector<ListEntry> entries;
  // "file:line: field 'x': what": the row was skipped — except a DPL date error ("…; row kept"),
  // where the person is kept because the name is what screening needs.
  std::vector<std::string> errors;
  std::size_t rows = 0;   // records seen in the main file
  std::string published;  // publication date when the file says it (YYYY-MM-DD), else ""
};

// OFAC SDN (or Consolidated non-SDN) CSV set: the main file (sdn.csv / cons_prim.csv: no header,
// ent_num, name, type, programs, title, call sign, vessel type, tonnage, GRT, flag, owner,
// remarks; "-0-" is null) and its siblings add.csv, alt.csv, sdn_comments.csv (cons_add.csv,
// cons_alt.csv, cons_comments.csv), any of which may be empty. `list` is "SDN" or "NONSDN".
struct OfacFiles {
  std::string_view main, add, alt, comments;
  std::string main_name, add_name, alt_name, comments_name;  // for messages
};
Result<ListLoad> LoadOfac(const OfacFiles& files, std::string_view list, const CountryTable& countries);

// trade.gov Consolidated Screening List CSV, with or without the leading `_id` column.
Result<ListLoad> LoadCsl(std::string_view text, std::string_view source, const CountryTable& countries);

// BIS Denied Persons List, tab-separated with a header (Name, Street_Address, City, State,
// Country, Postal_Code, Effective_Date, Expiration_Date, Standard_Order, Last_Update, Action,
// FR_Citation). Dates are validated (some files carry typo years such as 3017).
Result<ListLoad> LoadDpl(std::string_view text, std::string_view source, const CountryTable& countries);

// UN Security Council Consolidated List XML (INDIVIDUALS and ENTITIES).
Result<ListLoad> LoadUn(std::string_view text, std::string_view source, const CountryTable& countries);

// OpenSanctions / FollowTheMoney entities, one JSON object per line (Person, Organization,
// Company, LegalEntity, Vessel, Airplane); other schemata are skipped.
Result<ListLoad> LoadFtm(std::string_view text, std::string_view source, const CountryTable& countries);

}  // namespace ckyc::screening
