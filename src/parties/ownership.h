// The ownership graph: ultimate parent, headquarters, effective ownership by holder and by country,
// and the aggregation rules (OFAC 50 %, BIS affiliates). Pure: a PartyGraph and parameters in,
// values with their basis out.
//
// Conventions (docs/parties.md):
//  - Percentages are of ownership interest, 0–100. An edge with an unknown percentage is never
//    treated as zero: it makes the affected results "undetermined".
//  - A party with no known owners holds itself (a terminal holder). What an entity's known owners
//    do not account for stays with the entity itself (its undisclosed holders, in its country) and
//    is also reported as "unattributed".
//  - The ultimate parent is the top of the chain of controlling *entities*; individuals at the top
//    are beneficial owners, not parent companies.
//  - Effective ownership multiplies stakes along each path and sums over paths; cycles are solved
//    as the fixed point of that sum (a cross-holding below 100 % converges).
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/country.h"
#include "core/status.h"
#include "parties/party.h"

namespace ckyc::parties {

struct OwnershipParameters {
  double control_percent = 50;           // ultimate parent: owner of more than this, or control
  double beneficial_owner_percent = 25;  // IaaS NPRM: ≥ 25 % or substantial control
  double ofac_percent = 50;              // OFAC 50 % rule: ≥ 50 % in aggregate
  std::vector<std::string> ofac_lists = {"SDN"};
  double bis_percent = 50;  // BIS Affiliates rule: ≥ 50 %
  std::vector<std::string> bis_lists = {"EL", "MEU"};
  bool bis_affiliates_in_force = true;  // the rule was suspended 2025-11-10 – 2026-11-09
  // Evidence for "headquartered in", strongest first: "declared" (principal place of business),
  // "address" (the party's business address), "incorporation" (place of incorporation).
  std::vector<std::string> headquarters_evidence = {"declared", "address", "incorporation"};
  int max_iterations = 200;  // fixed-point bound for cycles
};

struct UltimateParent {
  std::string id;                  // the party itself when it has no controlling owner
  std::vector<std::string> chain;  // from the party up to the ultimate parent
  bool ambiguous = false;          // two owners could claim control at some step
  bool cycle = false;              // the control chain loops back
  std::string basis;
};

struct Headquarters {
  std::string country;  // alpha-2, empty when unknown
  std::string basis;    // "declared principal place of business", "business address", ...
};

struct EffectiveOwnership {
  std::map<std::string, double> by_holder;      // terminal holder id → percent of the party
  std::map<std::string, double> by_country;     // holder's headquarters / residence country → percent
  double unattributed = 0;                      // held by owners not on file (attributed to the entity they own)
  bool undetermined = false;                    // some path has an unknown percentage
  std::vector<std::string> undetermined_edges;  // ids of those edges
  bool cycle = false;
};

struct AggregateStatus {
  bool listed = false;        // on one of the lists itself
  bool blocked = false;       // listed, or owned ≥ threshold in aggregate by blocked parties
  double blocked_share = 0;   // percent held by blocked owners (direct stakes; blocked intermediaries pass all)
  bool undetermined = false;  // a blocked owner's stake is unknown (BIS Red Flag 29)
  std::vector<std::string> blocked_owners;
};

struct BeneficialOwner {
  std::string id;
  double percent = 0;  // effective
  bool control = false;
  std::string basis;
};

// An index over a PartyGraph as of one date (edges outside their dates are ignored).
// [Threading] immutable after construction.
class OwnershipIndex {
 public:
  OwnershipIndex(const PartyGraph& graph, const Date& on);

  const Party* Find(const std::string& id) const;
  UltimateParent UltimateParentOf(const std::string& id, const OwnershipParameters& p) const;
  Headquarters HeadquartersOf(const std::string& id, const OwnershipParameters& p) const;
  // The country a holder is attributed to: headquarters for entities, residence (else first
  // nationality) for individuals.
  std::string CountryOf(const std::string& id, const OwnershipParameters& p) const;
  EffectiveOwnership EffectiveOwnershipOf(const std::string& id, const OwnershipParameters& p) const;
  std::vector<BeneficialOwner> BeneficialOwnersOf(const std::string& id, const OwnershipParameters& p) const;
  // Fixed point over the whole graph for the given lists and threshold.
  std::map<std::string, AggregateStatus> Aggregate(const std::vector<std::string>& lists, double percent,
                                                   bool exclude_us_entities, const OwnershipParameters& p) const;
  std::vector<const OwnershipEdge*> OwnersOf(const std::string& id) const;
  std::vector<const OwnershipEdge*> HoldingsOf(const std::string& id) const;
  const PartyGraph& graph() const { return graph_; }

 private:
  const PartyGraph& graph_;
  std::map<std::string, std::vector<const OwnershipEdge*>> owners_;    // owned → edges
  std::map<std::string, std::vector<const OwnershipEdge*>> holdings_;  // owner → edges
};

// The one effective-ownership algorithm, on dense integer ids, used for one party's ancestors
// (OwnershipIndex::EffectiveOwnershipOf) and for a whole graph at once (bench/).
// Each node with no owners is a terminal holder attributed to its label (a holder id or a
// country); every other node's distribution is the percent-weighted sum of its owners'.
struct CompactOwnershipGraph {
  std::size_t nodes = 0;
  std::vector<std::uint32_t> node_label;  // label index per node (used when the node is terminal)
  std::vector<std::uint32_t> edge_owner;
  std::vector<std::uint32_t> edge_owned;
  std::vector<double> edge_percent;  // NaN: unknown
};

struct OwnershipDistribution {
  // Per node: (label, fraction 0..1), sorted by label.
  std::vector<std::vector<std::pair<std::uint32_t, double>>> shares;
  std::vector<double> unattributed;  // fraction held by owners not on file
  // An unknown percentage lies on some path, known stakes exceed 100 %, or a cycle on some path
  // did not settle or holds itself entirely (no determinate answer).
  std::vector<char> undetermined;
  std::vector<char> cyclic;  // the node is in, or downstream of, an ownership cycle
  int iterations = 0;        // most sweeps any one cycle needed (0: acyclic)
};

// Components in topological order (Tarjan): a node outside any cycle is evaluated once, after all
// its owners; each cycle is swept (Gauss–Seidel) until no share moves by more than 1e-12, at most
// `max_iterations` sweeps. InvalidArgument when an edge names a node out of range or the arrays
// disagree in size.
Result<OwnershipDistribution> ResolveEffectiveOwnership(const CompactOwnershipGraph& g, int max_iterations);

}  // namespace ckyc::parties
