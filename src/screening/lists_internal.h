// Helpers shared by the list loaders in lists_*.cc. Internal to screening/: not part of the
// module's interface, so other modules must not include it.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/country.h"
#include "screening/lists.h"

namespace ckyc::screening::internal {

// "source:line: field 'x': what" — the one shape of a per-row problem (line 0 omits ":line").
std::string RowError(std::string_view source, std::size_t line, std::string_view field, std::string_view what);

// Trims ASCII whitespace; OFAC's null marker "-0-" (published as "-0- ") becomes "".
std::string_view Clean(std::string_view s);

// Appends `value` (trimmed) unless it is empty or already present. Lists stay small (a handful of
// aliases per entry), so a linear scan is cheaper than a set.
void AddUnique(std::vector<std::string>& out, std::string_view value);
void AddIdentifier(ListEntry& e, std::string_view type, std::string_view value);

// Adds the alpha-2 code of `text` (a country name, alias or code) when the table knows it. An
// unknown name is not an error: lists write regions ("Region: Gaza", "Crimea Region of Ukraine")
// that are not ISO countries, and inventing a code would be worse than having none.
void AddCountry(ListEntry& e, std::string_view text, const CountryTable& countries);

// Splits on `sep` and trims each part; empty parts are dropped.
std::vector<std::string_view> SplitTrim(std::string_view s, char sep);

// The canonical type of an identifier label as lists write it: "Vessel Registration
// Identification IMO" and "Identification Number IMO" → "IMO"; the two spellings of the Chinese
// Unified Social Credit Code → "USCC"; anything else is kept as published (less a leading "alt.").
std::string CanonicalIdType(std::string_view label);

// OFAC-style remarks ("DOB 1962; POB Shati; nationality Iran; Passport A123 (Iran); a.k.a. 'X'.")
// → dates of birth, nationality/citizenship countries, identifiers and remark-only aliases added
// to `e`. Facts it does not recognise stay in the remarks text only.
void ParseOfacRemarks(std::string_view remarks, ListEntry& e, const CountryTable& countries);

// Hex of a 64-bit hash of the parts joined with a unit separator: a stable id for lists that
// publish none (DPL rows, CSL rows without entity_number or _id).
std::string StableId(const std::vector<std::string_view>& parts);

bool IsAsciiDigit(char c);

}  // namespace ckyc::screening::internal
