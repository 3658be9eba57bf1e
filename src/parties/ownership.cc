#include "parties/ownership.h"

#include <algorithm>
#include <cmath>
#include <deque>
#include <unordered_map>

namespace ckyc::parties {
namespace {

using Shares = std::vector<std::pair<std::uint32_t, double>>;

// acc += w × src, both sorted by label.
void AddScaled(Shares& acc, const Shares& src, double w) {
  Shares out;
  out.reserve(acc.size() + src.size());
  std::size_t i = 0, j = 0;
  while (i < acc.size() || j < src.size()) {
    if (j == src.size() || (i < acc.size() && acc[i].first < src[j].first)) {
      out.push_back(acc[i++]);
    } else if (i == acc.size() || src[j].first < acc[i].first) {
      out.emplace_back(src[j].first, src[j].second * w);
      ++j;
    } else {
      out.emplace_back(acc[i].first, acc[i].second + src[j].second * w);
      ++i;
      ++j;
    }
  }
  acc.swap(out);
}

bool InAny(const std::vector<std::string>& have, const std::vector<std::string>& wanted) {
  for (const auto& h : have) {
    if (std::find(wanted.begin(), wanted.end(), h) != wanted.end()) return true;
  }
  return false;
}

}  // namespace

Result<OwnershipDistribution> ResolveEffectiveOwnership(const CompactOwnershipGraph& g, int max_iterations) {
  const std::size_t n = g.nodes;
  const std::size_t m = g.edge_owner.size();
  if (g.node_label.size() != n || g.edge_owned.size() != m || g.edge_percent.size() != m) {
    return Status::InvalidArgument("ownership graph: node and edge arrays have inconsistent sizes");
  }
  for (std::size_t e = 0; e < m; ++e) {
    if (g.edge_owner[e] >= n || g.edge_owned[e] >= n) {
      return Status::InvalidArgument("ownership graph: edge " + std::to_string(e) + " names a node out of range");
    }
  }
  OwnershipDistribution d;
  d.shares.assign(n, {});
  d.unattributed.assign(n, 0.0);
  d.undetermined.assign(n, 0);
  d.cyclic.assign(n, 0);
  // CSR of incoming edges (owners of each node) and outgoing (holdings).
  std::vector<std::size_t> in_start(n + 1, 0), out_start(n + 1, 0);
  for (std::size_t e = 0; e < m; ++e) {
    ++in_start[g.edge_owned[e] + 1];
    ++out_start[g.edge_owner[e] + 1];
  }
  for (std::size_t i = 0; i < n; ++i) {
    in_start[i + 1] += in_start[i];
    out_start[i + 1] += out_start[i];
  }
  std::vector<std::uint32_t> in_edges(m), out_nodes(m);
  {
    std::vector<std::size_t> fi(in_start.begin(), in_start.end() - 1), fo(out_start.begin(), out_start.end() - 1);
    for (std::size_t e = 0; e < m; ++e) {
      in_edges[fi[g.edge_owned[e]]++] = static_cast<std::uint32_t>(e);
      out_nodes[fo[g.edge_owner[e]]++] = g.edge_owned[e];
    }
  }
  // Evaluates node v from its owners' current values.
  auto evaluate = [&](std::size_t v) {
    if (in_start[v] == in_start[v + 1]) {  // terminal: holds itself
      d.shares[v] = {{g.node_label[v], 1.0}};
      d.unattributed[v] = 0;
      return;
    }
    Shares acc;
    double known = 0;
    double unattributed = 0;
    bool undetermined = false;
    for (std::size_t k = in_start[v]; k < in_start[v + 1]; ++k) {
      const std::uint32_t e = in_edges[k];
      const double pct = g.edge_percent[e];
      if (std::isnan(pct) || pct < 0 || pct > 100) {
        undetermined = true;  // unknown, or not a percentage: never read as a number
        continue;
      }
      if (pct == 0) continue;
      const double w = pct / 100.0;
      const std::uint32_t o = g.edge_owner[e];
      known += w;
      AddScaled(acc, d.shares[o], w);
      unattributed += w * d.unattributed[o];
      undetermined = undetermined || d.undetermined[o] != 0;
    }
    // Known stakes above 100 % are a data error: the shares cannot be trusted.
    if (known > 1.0 + 1e-9) undetermined = true;
    // What the known owners do not account for stays with the node itself: its undisclosed
    // holders are attributed to it (and its country), and counted as unattributed.
    const double remainder = std::max(0.0, 1.0 - known);
    if (remainder > 0) AddScaled(acc, {{g.node_label[v], 1.0}}, remainder);
    d.shares[v].swap(acc);
    d.unattributed[v] = remainder + unattributed;
    d.undetermined[v] = undetermined ? 1 : 0;
  };

  // Strongly connected components (iterative Tarjan over owner → owned). Tarjan emits a component
  // after everything it reaches, i.e. owned before owners; processing them in reverse emission
  // order evaluates every owner before what it owns, and each cycle on its own.
  constexpr std::uint32_t kUnvisited = UINT32_MAX;
  std::vector<std::uint32_t> index(n, kUnvisited), low(n, 0);
  std::vector<char> on_stack(n, 0);
  std::vector<std::uint32_t> stack;
  std::vector<std::pair<std::uint32_t, std::size_t>> call;  // (node, next out-edge position)
  std::vector<std::uint32_t> order;                         // nodes, component by component
  std::vector<std::size_t> component_start;                 // into `order`
  std::uint32_t counter = 0;
  for (std::uint32_t root = 0; root < n; ++root) {
    if (index[root] != kUnvisited) continue;
    call.emplace_back(root, out_start[root]);
    index[root] = low[root] = counter++;
    stack.push_back(root);
    on_stack[root] = 1;
    while (!call.empty()) {
      auto& [v, pos] = call.back();
      if (pos < out_start[v + 1]) {
        const std::uint32_t w = out_nodes[pos++];
        if (index[w] == kUnvisited) {
          index[w] = low[w] = counter++;
          stack.push_back(w);
          on_stack[w] = 1;
          call.emplace_back(w, out_start[w]);
        } else if (on_stack[w]) {
          low[v] = std::min(low[v], index[w]);
        }
        continue;
      }
      const std::uint32_t done = v;
      call.pop_back();
      if (!call.empty()) low[call.back().first] = std::min(low[call.back().first], low[done]);
      if (low[done] == index[done]) {
        component_start.push_back(order.size());
        std::uint32_t w;
        do {
          w = stack.back();
          stack.pop_back();
          on_stack[w] = 0;
          order.push_back(w);
        } while (w != done);
      }
    }
  }
  component_start.push_back(order.size());

  for (std::size_t c = component_start.size() - 1; c-- > 0;) {
    const std::size_t begin = component_start[c], end = component_start[c + 1];
    const std::uint32_t first = order[begin];
    bool self_loop = false;
    for (std::size_t k = in_start[first]; k < in_start[first + 1]; ++k) self_loop |= g.edge_owner[in_edges[k]] == first;
    if (end - begin == 1 && !self_loop) {
      evaluate(first);
      continue;
    }
    // A cycle: sweep its members until nothing moves. Their owners outside the cycle are final.
    bool converged = false;
    int sweeps = 0;
    while (sweeps < max_iterations && !converged) {
      ++sweeps;
      double moved = 0;
      for (std::size_t k = begin; k < end; ++k) {
        const std::uint32_t v = order[k];
        const Shares before = d.shares[v];
        const double unattributed_before = d.unattributed[v];
        evaluate(v);
        moved = std::max(moved, std::fabs(d.unattributed[v] - unattributed_before));
        std::size_t i = 0, j = 0;
        const Shares& after = d.shares[v];
        while (i < before.size() || j < after.size()) {
          if (j == after.size() || (i < before.size() && before[i].first < after[j].first)) {
            moved = std::max(moved, before[i++].second);
          } else if (i == before.size() || after[j].first < before[i].first) {
            moved = std::max(moved, after[j++].second);
          } else {
            moved = std::max(moved, std::fabs(before[i++].second - after[j++].second));
          }
        }
      }
      converged = moved < 1e-12;
    }
    d.iterations = std::max(d.iterations, sweeps);
    for (std::size_t k = begin; k < end; ++k) {
      const std::uint32_t v = order[k];
      d.cyclic[v] = 1;
      // A cycle that did not settle, or that holds itself entirely (shares no longer add up to
      // the whole), has no determinate answer: say so rather than report a partial one.
      double total = 0;
      for (const auto& [label, fraction] : d.shares[v]) total += fraction;
      if (!converged || std::fabs(total - 1.0) > 1e-6) d.undetermined[v] = 1;
    }
  }
  // Downstream of a cycle counts as cyclic too.
  for (std::size_t c = component_start.size() - 1; c-- > 0;) {
    for (std::size_t k = component_start[c]; k < component_start[c + 1]; ++k) {
      const std::uint32_t v = order[k];
      if (!d.cyclic[v]) continue;
      for (std::size_t p = out_start[v]; p < out_start[v + 1]; ++p) d.cyclic[out_nodes[p]] = 1;
    }
  }
  return d;
}

OwnershipIndex::OwnershipIndex(const PartyGraph& graph, const Date& on) : graph_(graph) {
  for (const OwnershipEdge& e : graph.ownership) {
    if (!e.ActiveOn(on)) continue;
    owners_[e.owned].push_back(&e);
    holdings_[e.owner].push_back(&e);
  }
}

const Party* OwnershipIndex::Find(const std::string& id) const {
  auto it = graph_.parties.find(id);
  return it == graph_.parties.end() ? nullptr : &it->second;
}

std::vector<const OwnershipEdge*> OwnershipIndex::OwnersOf(const std::string& id) const {
  auto it = owners_.find(id);
  return it == owners_.end() ? std::vector<const OwnershipEdge*>{} : it->second;
}

std::vector<const OwnershipEdge*> OwnershipIndex::HoldingsOf(const std::string& id) const {
  auto it = holdings_.find(id);
  return it == holdings_.end() ? std::vector<const OwnershipEdge*>{} : it->second;
}

UltimateParent OwnershipIndex::UltimateParentOf(const std::string& id, const OwnershipParameters& p) const {
  UltimateParent up;
  up.id = id;
  up.chain.push_back(id);
  std::set<std::string> seen = {id};
  std::string current = id;
  while (true) {
    const OwnershipEdge* best = nullptr;
    int claimants = 0;
    for (const OwnershipEdge* e : OwnersOf(current)) {
      // A parent company is an entity: individuals at the top are beneficial owners instead.
      const Party* owner = Find(e->owner);
      if (owner == nullptr || owner->kind != PartyKind::kLegalEntity) continue;
      const bool controls = e->control || (e->percent && *e->percent > p.control_percent);
      if (!controls) continue;
      ++claimants;
      if (best == nullptr || e->percent.value_or(0) > best->percent.value_or(0)) best = e;
    }
    if (best == nullptr) break;
    up.ambiguous = up.ambiguous || claimants > 1;
    if (!seen.insert(best->owner).second) {
      up.cycle = true;
      break;
    }
    current = best->owner;
    up.chain.push_back(current);
  }
  up.id = current;
  up.basis = up.chain.size() == 1 ? "no owner holds more than " + std::to_string(static_cast<int>(p.control_percent)) +
                                        " % or has control: the party is its own ultimate parent"
                                  : "control chain: each step an owner of more than " +
                                        std::to_string(static_cast<int>(p.control_percent)) + " % or with control";
  if (up.ambiguous) up.basis += "; more than one owner could claim control at some step (largest stake followed)";
  if (up.cycle) up.basis += "; the control chain loops";
  return up;
}

Headquarters OwnershipIndex::HeadquartersOf(const std::string& id, const OwnershipParameters& p) const {
  const Party* party = Find(id);
  if (party == nullptr) return {"", "unknown party"};
  for (const std::string& evidence : p.headquarters_evidence) {
    if (evidence == "declared" && !party->headquarters_country.empty()) {
      return {party->headquarters_country, "declared principal place of business"};
    }
    if (evidence == "address" && party->address && !party->address->country.empty()) {
      return {party->address->country, "business address (no principal place of business declared)"};
    }
    if (evidence == "incorporation" && !party->incorporation_country.empty()) {
      return {party->incorporation_country, "place of incorporation (no principal place of business or address)"};
    }
  }
  return {"", "no headquarters evidence on file"};
}

std::string OwnershipIndex::CountryOf(const std::string& id, const OwnershipParameters& p) const {
  const Party* party = Find(id);
  if (party == nullptr) return "";
  if (party->kind == PartyKind::kLegalEntity) return HeadquartersOf(id, p).country;
  if (!party->residence_country.empty()) return party->residence_country;
  if (!party->nationalities.empty()) return party->nationalities.front();
  return party->address ? party->address->country : "";
}

EffectiveOwnership OwnershipIndex::EffectiveOwnershipOf(const std::string& id, const OwnershipParameters& p) const {
  // The ancestors of `id`, densely numbered; labels are holder ids.
  std::unordered_map<std::string, std::uint32_t> index;
  std::vector<std::string> names;
  std::deque<std::string> todo = {id};
  index[id] = 0;
  names.push_back(id);
  CompactOwnershipGraph g;
  std::vector<const OwnershipEdge*> edges;
  while (!todo.empty()) {
    const std::string v = todo.front();
    todo.pop_front();
    for (const OwnershipEdge* e : OwnersOf(v)) {
      auto [it, inserted] = index.emplace(e->owner, static_cast<std::uint32_t>(names.size()));
      if (inserted) {
        names.push_back(e->owner);
        todo.push_back(e->owner);
      }
      g.edge_owner.push_back(it->second);
      g.edge_owned.push_back(index.at(v));
      g.edge_percent.push_back(e->percent.value_or(std::nan("")));
      edges.push_back(e);
    }
  }
  g.nodes = names.size();
  for (std::uint32_t i = 0; i < g.nodes; ++i) g.node_label.push_back(i);
  auto resolved = ResolveEffectiveOwnership(g, p.max_iterations);
  EffectiveOwnership out;
  if (!resolved.ok()) {  // cannot happen: the graph is built above from valid edges
    out.undetermined = true;
    return out;
  }
  const OwnershipDistribution& d = *resolved;
  for (const auto& [label, fraction] : d.shares[0]) {
    if (fraction <= 0) continue;
    out.by_holder[names[label]] += fraction * 100;
    std::string country = CountryOf(names[label], p);
    out.by_country[country.empty() ? "unknown" : country] += fraction * 100;
  }
  out.unattributed = d.unattributed[0] * 100;
  out.undetermined = d.undetermined[0] != 0;
  out.cycle = d.cyclic[0] != 0;
  for (const OwnershipEdge* e : edges) {
    if (!e->percent) out.undetermined_edges.push_back(e->id);
  }
  return out;
}

std::vector<BeneficialOwner> OwnershipIndex::BeneficialOwnersOf(const std::string& id,
                                                                const OwnershipParameters& p) const {
  std::map<std::string, BeneficialOwner> found;
  const EffectiveOwnership eff = EffectiveOwnershipOf(id, p);
  for (const auto& [holder, percent] : eff.by_holder) {
    const Party* h = Find(holder);
    if (h == nullptr || h->kind != PartyKind::kIndividual || percent + 1e-9 < p.beneficial_owner_percent) continue;
    found[holder] = {holder, percent, false, "owns " + std::to_string(percent).substr(0, 5) + " % effectively"};
  }
  // Substantial control: an individual with a control edge into the party or anywhere up its
  // control chain.
  for (const std::string& step : UltimateParentOf(id, p).chain) {
    for (const OwnershipEdge* e : OwnersOf(step)) {
      const Party* h = Find(e->owner);
      if (h == nullptr || h->kind != PartyKind::kIndividual || !e->control) continue;
      BeneficialOwner& bo = found[e->owner];
      bo.id = e->owner;
      bo.percent = eff.by_holder.count(e->owner) ? eff.by_holder.at(e->owner) : bo.percent;
      bo.control = true;
      bo.basis = bo.basis.empty() ? "substantial control of " + step : bo.basis + "; substantial control of " + step;
    }
  }
  std::vector<BeneficialOwner> out;
  for (auto& [k, v] : found) out.push_back(std::move(v));
  return out;
}

std::map<std::string, AggregateStatus> OwnershipIndex::Aggregate(const std::vector<std::string>& lists, double percent,
                                                                 bool exclude_us_entities,
                                                                 const OwnershipParameters& p) const {
  std::map<std::string, AggregateStatus> status;
  std::deque<std::string> work;
  for (const auto& [id, party] : graph_.parties) {
    if (InAny(party.lists, lists)) {
      AggregateStatus& s = status[id];
      s.listed = s.blocked = true;
      work.push_back(id);
    }
  }
  // Propagate to a fixed point: a party becomes blocked when its blocked owners' direct stakes
  // reach the threshold; a blocked intermediary then passes its full stake on.
  while (!work.empty()) {
    const std::string owner = work.front();
    work.pop_front();
    for (const OwnershipEdge* e : HoldingsOf(owner)) {
      AggregateStatus& s = status[e->owned];
      if (std::find(s.blocked_owners.begin(), s.blocked_owners.end(), owner) != s.blocked_owners.end()) continue;
      s.blocked_owners.push_back(owner);
      if (!e->percent) {
        s.undetermined = true;
        continue;
      }
      s.blocked_share += *e->percent;
      if (!s.blocked && s.blocked_share + 1e-9 >= percent) {
        const Party* owned = Find(e->owned);
        if (exclude_us_entities && owned != nullptr && owned->kind == PartyKind::kLegalEntity &&
            HeadquartersOf(e->owned, p).country == "US") {
          continue;  // the BIS affiliates rule reaches foreign affiliates only
        }
        s.blocked = true;
        work.push_back(e->owned);
      }
    }
  }
  return status;
}

}  // namespace ckyc::parties
