// OpenSanctions / FollowTheMoney entities, one JSON object per line.
#include <simdjson.h>

#include "core/strings.h"
#include "screening/lists.h"
#include "screening/lists_internal.h"

namespace ckyc::screening {
namespace {

using internal::AddCountry;
using internal::AddIdentifier;
using internal::AddUnique;
using internal::RowError;
using simdjson::dom::element;

// The schemata kept, and the kind each maps to. Other schemata (Sanction, Address, Ownership, …)
// are relations or details, not screenable parties, and are skipped without an error.
std::string_view KindOf(std::string_view schema) {
  if (schema == "Person") return "individual";
  if (schema == "Organization" || schema == "Company" || schema == "LegalEntity") return "entity";
  if (schema == "Vessel") return "vessel";
  if (schema == "Airplane") return "aircraft";
  return {};
}

// Calls fn(value) for each string in properties[key]; a non-list or a non-string item is an error
// naming the property (the rest of the entity is still read).
template <typename Fn>
void ForStrings(element props, std::string_view key, std::string_view source, std::size_t line,
                std::vector<std::string>& errors, Fn fn) {
  element v;
  if (props[key].get(v)) return;  // absent
  simdjson::dom::array arr;
  if (v.get_array().get(arr)) {
    errors.push_back(RowError(source, line, "properties." + std::string(key), "must be a list of strings"));
    return;
  }
  for (element x : arr) {
    std::string_view s;
    if (x.get_string().get(s)) {
      errors.push_back(RowError(source, line, "properties." + std::string(key), "must be a list of strings"));
      return;
    }
    fn(TrimAscii(s));
  }
}

}  // namespace

Result<ListLoad> LoadFtm(std::string_view text, std::string_view source, const CountryTable& countries) {
  ListLoad out;
  out.format = "ftm";
  simdjson::dom::parser parser;
  std::size_t objects = 0, nonblank = 0;
  for (Lines lines(text); lines.Next();) {
    const std::size_t line = lines.number();
    const std::string_view raw = TrimAscii(lines.line());
    if (raw.empty()) continue;
    ++nonblank;
    element doc;
    // parse(ptr, len) copies into padded memory (the line is a view into `text`, unpadded).
    if (parser.parse(raw.data(), raw.size()).get(doc) || !doc.is_object()) {
      out.errors.push_back(std::string(source) + ":" + std::to_string(line) + ": not a JSON object");
      continue;
    }
    ++objects;
    ++out.rows;
    std::string_view schema;
    if (doc["schema"].get_string().get(schema)) {
      out.errors.push_back(RowError(source, line, "schema", "missing or not a string"));
      continue;
    }
    std::string_view kind = KindOf(schema);
    if (kind.empty()) continue;
    std::string_view id;
    if (doc["id"].get_string().get(id) || TrimAscii(id).empty()) {
      out.errors.push_back(RowError(source, line, "id", "missing or not a string"));
      continue;
    }
    element props;
    if (doc["properties"].get(props) || !props.is_object()) {
      out.errors.push_back(RowError(source, line, "properties", "missing or not an object"));
      continue;
    }
    ListEntry e;
    e.list = "FTM";
    e.entry_id = std::string(TrimAscii(id));
    e.kind = std::string(kind);
    e.line = line;
    std::vector<std::string>& errs = out.errors;
    // The first name is the primary one; further `name` values are aliases (FTM keeps several).
    ForStrings(props, "name", source, line, errs, [&](std::string_view s) {
      if (e.name.empty()) {
        e.name = std::string(s);
      } else if (s != e.name) {
        AddUnique(e.aliases, s);
      }
    });
    if (e.name.empty()) {
      out.errors.push_back(RowError(source, line, "properties.name", "missing or empty"));
      continue;
    }
    for (std::string_view key : {"alias", "weakAlias", "previousName"}) {
      ForStrings(props, key, source, line, errs, [&](std::string_view s) { AddUnique(e.aliases, s); });
    }
    // FTM codes are ISO-2 in lower case plus a few of its own ("suhh", "xk"): those the table does
    // not know are dropped rather than guessed.
    for (std::string_view key : {"country", "nationality", "citizenship", "jurisdiction"}) {
      ForStrings(props, key, source, line, errs, [&](std::string_view s) { AddCountry(e, s, countries); });
    }
    ForStrings(props, "birthDate", source, line, errs, [&](std::string_view s) { AddUnique(e.dates_of_birth, s); });
    ForStrings(props, "address", source, line, errs, [&](std::string_view s) { AddUnique(e.addresses, s); });
    for (const auto& [key, label] : {std::pair<std::string_view, std::string_view>{"idNumber", "ID"},
                                     {"passportNumber", "Passport"},
                                     {"registrationNumber", "Registration Number"},
                                     {"imoNumber", "IMO"},
                                     {"taxNumber", "Tax ID"},
                                     {"innCode", "INN"},
                                     {"ogrnCode", "OGRN"},
                                     {"swiftBic", "SWIFT/BIC"},
                                     {"leiCode", "LEI"}}) {
      const std::string_view type = label;  // a plain variable: lambdas may not capture bindings in C++20
      ForStrings(props, key, source, line, errs, [&](std::string_view s) {
        // OpenSanctions writes IMO numbers as "IMO9187629"; the bare number is what OFAC and
        // UN publish, so matching sees one form.
        if (type == "IMO" && s.substr(0, 3) == "IMO") s = TrimAscii(s.substr(3));
        AddIdentifier(e, type, s);
      });
    }
    ForStrings(props, "program", source, line, errs, [&](std::string_view s) { AddUnique(e.programs, s); });
    ForStrings(props, "notes", source, line, errs, [&](std::string_view s) {
      if (!e.remarks.empty()) e.remarks += "; ";
      e.remarks += s;
    });
    out.entries.push_back(std::move(e));
  }
  // Nothing parsed as a JSON object: this is not JSON lines at all (e.g. a CSV or an XML file).
  if (nonblank > 0 && objects == 0) {
    return Status::InvalidArgument(std::string(source) + ": not FollowTheMoney JSON lines (no line is a JSON object)");
  }
  return out;
}

}  // namespace ckyc::screening
