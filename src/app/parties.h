// Parties use cases: import files into the store (all or nothing), read the graph back, assess one
// party, and export its ownership neighbourhood.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/reference_data.h"
#include "parties/assess.h"
#include "parties/import.h"
#include "store/store.h"

namespace ckyc::app {

struct PartyImportSummary {
  std::string source;
  std::string format;
  std::size_t records = 0;
  std::size_t parties = 0;
  std::size_t ownership = 0;
  std::size_t roles = 0;
  std::size_t skipped = 0;
  std::int64_t changed = 0;         // documents new or different from what was stored
  std::vector<std::string> errors;  // non-empty: nothing of the file was stored
};

// `key_path` holds the payment-token key (see tokenizer.h).
Result<PartyImportSummary> ImportPartiesFile(const std::string& path, std::optional<parties::PartyFormat> format,
                                             const ReferenceData& data, store::Store& store,
                                             const std::string& key_path);

Result<PartyImportSummary> ImportPartiesText(std::string_view text, const std::string& path,
                                             std::optional<parties::PartyFormat> format, const ReferenceData& data,
                                             store::Store& store, const std::string& key_path);

// The assessment parameters in force on `on`. Until policy packs carry them (issue 6), the one dated
// rule is here, with its citations: the BIS Affiliates Rule (90 FR 47201) took effect 2025-09-29,
// was suspended 2025-11-10 through 2026-11-09 (90 FR 50857), and applies again from 2026-11-10.
parties::AssessParameters DefaultAssessParameters(const Date& on);

Result<parties::PartyGraph> LoadPartyGraph(store::Store& store, const CountryTable& countries);

// The parties connected to `id` by ownership or roles, up and down, within `depth` steps.
struct Neighbourhood {
  std::vector<const parties::Party*> parties;
  std::vector<const parties::OwnershipEdge*> ownership;
  std::vector<const parties::RoleEdge*> roles;
};
Neighbourhood NeighbourhoodOf(const parties::PartyGraph& graph, const std::string& id, int depth);
std::string NeighbourhoodDot(const Neighbourhood& n, const std::string& focus);

}  // namespace ckyc::app
