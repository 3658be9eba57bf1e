#include "app/parties.h"

#include <deque>
#include <map>
#include <set>

#include "app/tokenizer.h"
#include "core/data_files.h"
#include "core/strings.h"
#include "parties/serialize.h"

namespace ckyc::app {

parties::AssessParameters DefaultAssessParameters(const Date& on) {
  using std::chrono::day;
  using std::chrono::month;
  using std::chrono::year;
  const Date effective{year{2025}, month{9}, day{29}};
  const Date suspended{year{2025}, month{11}, day{10}};
  const Date resumed{year{2026}, month{11}, day{10}};
  parties::AssessParameters p;
  p.ownership.bis_affiliates_in_force = (on >= effective && on < suspended) || on >= resumed;
  return p;
}

Result<parties::PartyGraph> LoadPartyGraph(store::Store& store, const CountryTable& countries) {
  CKYC_ASSIGN_OR_RETURN(auto docs, store.ListPartyDocs());
  std::string text;
  for (const auto& d : docs) {
    text += d.doc;
    text += '\n';
  }
  // Stored documents are already tokenised: a payment number in clear would be a bug, so refuse it.
  bool clear_number = false;
  parties::Tokenizer refuse = [&clear_number](std::string_view) {
    clear_number = true;
    return std::string();
  };
  parties::PartyImport imported =
      parties::ImportParties(text, "stored parties", parties::PartyFormat::kJsonLines, countries, refuse);
  if (!imported.errors.empty()) return Status::Corruption(imported.errors.front());
  if (clear_number) return Status::Corruption("stored parties hold a payment number in clear");
  return std::move(imported.graph);
}

Result<PartyImportSummary> ImportPartiesFile(const std::string& path, std::optional<parties::PartyFormat> format,
                                             const ReferenceData& data, store::Store& store,
                                             const std::string& key_path) {
  CKYC_ASSIGN_OR_RETURN(std::string text, ReadFile(path));
  return ImportPartiesText(text, path, format, data, store, key_path);
}

Result<PartyImportSummary> ImportPartiesText(std::string_view text, const std::string& path,
                                             std::optional<parties::PartyFormat> format, const ReferenceData& data,
                                             store::Store& store, const std::string& key_path) {
  if (!format) {
    CKYC_ASSIGN_OR_RETURN(format, parties::DetectPartyFormat(text, path));
  }
  CKYC_ASSIGN_OR_RETURN(parties::Tokenizer tokenize, OpenTokenizer(key_path));
  parties::PartyImport imported = parties::ImportParties(text, path, *format, data.countries, tokenize);
  PartyImportSummary summary;
  summary.source = path;
  summary.format = std::string(parties::PartyFormatName(*format));
  summary.records = imported.records;
  summary.parties = imported.graph.parties.size();
  summary.ownership = imported.graph.ownership.size();
  summary.roles = imported.graph.roles.size();
  summary.skipped = imported.skipped;
  summary.errors = imported.errors;
  if (!summary.errors.empty()) return summary;

  // Every edge must name a party known after this import.
  CKYC_ASSIGN_OR_RETURN(parties::PartyGraph merged, LoadPartyGraph(store, data.countries));
  for (auto& [id, p] : imported.graph.parties) merged.parties[id] = p;
  std::set<std::string> edge_ids;
  for (const auto& e : merged.ownership) edge_ids.insert(e.id);
  for (const auto& e : imported.graph.ownership) {
    if (!edge_ids.count(e.id)) merged.ownership.push_back(e);
  }
  for (const auto& e : imported.graph.roles) merged.roles.push_back(e);
  for (const std::string& d : parties::DanglingReferences(merged)) summary.errors.push_back(path + ": " + d);
  if (!summary.errors.empty()) return summary;

  std::vector<store::PartyDoc> docs;
  for (const auto& [id, p] : imported.graph.parties) docs.push_back({"party", id, parties::ToJsonLine(p)});
  for (const auto& e : imported.graph.ownership) docs.push_back({"ownership", e.id, parties::ToJsonLine(e)});
  for (const auto& e : imported.graph.roles) docs.push_back({"role", e.id, parties::ToJsonLine(e)});
  CKYC_ASSIGN_OR_RETURN(summary.changed, store.PutPartyDocs(docs));
  return summary;
}

Neighbourhood NeighbourhoodOf(const parties::PartyGraph& graph, const std::string& id, int depth) {
  Neighbourhood n;
  std::map<std::string, int> dist = {{id, 0}};
  std::deque<std::string> todo = {id};
  std::set<const parties::OwnershipEdge*> seen_ownership;
  std::set<const parties::RoleEdge*> seen_roles;
  auto reach = [&](const std::string& from, const std::string& to) {
    if (dist.emplace(to, dist[from] + 1).second) todo.push_back(to);
  };
  while (!todo.empty()) {
    const std::string v = todo.front();
    todo.pop_front();
    if (dist[v] >= depth) continue;
    for (const auto& e : graph.ownership) {
      if (e.owned != v && e.owner != v) continue;
      if (seen_ownership.insert(&e).second) n.ownership.push_back(&e);
      reach(v, e.owned == v ? e.owner : e.owned);
    }
    for (const auto& e : graph.roles) {
      if (e.entity != v && e.person != v) continue;
      if (seen_roles.insert(&e).second) n.roles.push_back(&e);
      reach(v, e.entity == v ? e.person : e.entity);
    }
  }
  for (const auto& [pid, d] : dist) {
    if (auto it = graph.parties.find(pid); it != graph.parties.end()) n.parties.push_back(&it->second);
  }
  return n;
}

std::string NeighbourhoodDot(const Neighbourhood& n, const std::string& focus) {
  auto quote = [](const std::string& s) {
    std::string out = "\"";
    for (char c : s) {
      if (c == '"' || c == '\\') out.push_back('\\');
      out.push_back(c);
    }
    return out + "\"";
  };
  std::string out = "digraph ownership {\n  rankdir=BT;\n  node [shape=box, fontname=\"Helvetica\"];\n";
  for (const parties::Party* p : n.parties) {
    std::string label = p->name;
    const std::string country =
        p->kind == parties::PartyKind::kIndividual
            ? (p->nationalities.empty() ? p->residence_country : p->nationalities.front())
            : (p->headquarters_country.empty() ? p->incorporation_country : p->headquarters_country);
    if (!country.empty()) label += "\\n" + country;
    if (!p->lists.empty()) label += "\\nlisted";
    out += "  " + quote(p->id) + " [label=" + quote(label) +
           (p->kind == parties::PartyKind::kIndividual ? ", shape=ellipse" : "") +
           (p->id == focus ? ", style=bold" : "") + (!p->lists.empty() ? ", color=red" : "") + "];\n";
  }
  for (const parties::OwnershipEdge* e : n.ownership) {
    std::string label = e->percent ? FormatNumber(*e->percent) + "%" : "?%";
    if (e->control) label += " control";
    out += "  " + quote(e->owner) + " -> " + quote(e->owned) + " [label=" + quote(label) + "];\n";
  }
  for (const parties::RoleEdge* e : n.roles) {
    out += "  " + quote(e->person) + " -> " + quote(e->entity) + " [style=dashed, label=" + quote(e->role) + "];\n";
  }
  return out + "}\n";
}

}  // namespace ckyc::app
