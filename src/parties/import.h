// Importers for parties and their relations. Each file is all or nothing: every problem is
// reported (file:line: field 'x': what) and, if there is any, nothing of the file is taken.
// Countries may be written as codes or names ("CN", "PRC", "Hong Kong SAR") and are stored as
// ISO 3166-1 alpha-2. Payment numbers are replaced by tokens before they leave the importer.
//
// Formats (docs/formats.md):
//  - jsonl: one object per line with "type": "party" | "ownership" | "role".
//  - csv:   a parties table (header has id,kind,name) or an ownership table (owner,owned,percent).
//  - ftm:   FollowTheMoney entities, one per line (Person, Company, Organization, LegalEntity,
//           Ownership, Directorship; other schemata are counted and skipped).
//  - bods:  Beneficial Ownership Data Standard 0.4 statements (a JSON array or one per line); 0.3
//           subject/interestedParty objects are accepted too.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "core/country.h"
#include "core/status.h"
#include "parties/party.h"

namespace ckyc::parties {

enum class PartyFormat { kJsonLines, kCsv, kFtm, kBods };
Result<PartyFormat> ParsePartyFormat(std::string_view name);
Result<PartyFormat> DetectPartyFormat(std::string_view text, std::string_view source);
std::string_view PartyFormatName(PartyFormat f);

// Replaces a payment number by a stable token ("tok_..."); supplied by app/ (keyed hash).
using Tokenizer = std::function<std::string(std::string_view number)>;

struct PartyImport {
  PartyGraph graph;                 // what the file holds
  std::vector<std::string> errors;  // non-empty: the file must not be taken
  std::size_t records = 0;
  std::size_t skipped = 0;  // records of kinds this importer does not model
};

PartyImport ImportParties(std::string_view text, std::string_view source, PartyFormat format,
                          const CountryTable& countries, const Tokenizer& tokenize);

// Checks that every edge names parties present in `graph` (after merging an import into what was
// stored). Returns one message per dangling reference.
std::vector<std::string> DanglingReferences(const PartyGraph& graph);

}  // namespace ckyc::parties
