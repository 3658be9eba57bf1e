// `ckyc parties ...`: import parties and relations, show one party's determinations, export its graph.
#include <iostream>
#include <nlohmann/json.hpp>

#include "app/geoip.h"
#include "app/parties.h"
#include "app/reference_data.h"
#include "app/views.h"
#include "cli/common.h"
#include "core/strings.h"
#include "core/suggest.h"

namespace ckyc::cli {
namespace {

std::string Pct(double v) {
  return Fixed(v, v == static_cast<long long>(v) ? 0 : 2) + " %";
}

// What `parties show` and `parties graph` start from: the reference data, the store and the graph,
// with the party asked for known to be in it.
struct PartySession {
  std::unique_ptr<app::ReferenceData> data;
  std::unique_ptr<store::Store> store;
  parties::PartyGraph graph;
};

Result<PartySession> OpenPartySession(const Options& o) {
  static const SystemClock clock;
  PartySession s;
  CKYC_ASSIGN_OR_RETURN(s.data, app::LoadReferenceData());
  CKYC_ASSIGN_OR_RETURN(s.store, store::OpenSqliteStore(store::DefaultDatabasePath(o.db), clock));
  CKYC_ASSIGN_OR_RETURN(s.graph, app::LoadPartyGraph(*s.store, s.data->countries));
  if (s.graph.parties.count(o.name) == 0) {
    std::vector<std::string> ids;
    for (const auto& [id, p] : s.graph.parties) ids.push_back(id);
    return Status::NotFound("unknown party '" + o.name + "'" + DidYouMean(ClosestNames(o.name, ids)));
  }
  return s;
}

}  // namespace

// The callbacks run after this function returns: they capture only caller-owned objects.
void AddPartyCommands(CLI::App& app, Options& o, int& rc, std::ostream& out, std::ostream& err) {
  auto* parties_cmd = app.add_subcommand("parties", "Customers, owners, resellers and the ownership graph");
  parties_cmd->require_subcommand(1);
  parties_cmd->footer(
      "Examples:\n"
      "  ckyc parties import customers.jsonl ownership.csv\n"
      "  ckyc parties import opensanctions.ftm.json --format ftm\n"
      "  ckyc parties show cust-042 --json\n"
      "  ckyc parties graph cust-042 --format dot | dot -Tsvg > cust-042.svg");

  auto* import_cmd = parties_cmd->add_subcommand("import", "Import parties and relations (all or nothing per file)");
  import_cmd->add_option("FILE", o.files, "jsonl, csv, ftm (FollowTheMoney) or bods (BODS 0.4) files")
      ->required()
      ->check(CLI::ExistingFile);
  import_cmd->add_option("--format", o.format, "jsonl, csv, ftm or bods (default: detected per file)");
  import_cmd->add_option("--db", o.db, "Database path (default: $CKYC_DB, else ./ckyc.db)");
  import_cmd->add_flag("--json", o.json, "One JSON summary per file, one per line");
  import_cmd->callback([&] {
    std::optional<parties::PartyFormat> format;
    if (!o.format.empty()) {
      CKYC_CLI_TRY(f, parties::ParsePartyFormat(o.format));
      format = *f;
    }
    CKYC_CLI_TRY(data, app::LoadReferenceData());
    static const SystemClock clock;
    const std::string db = store::DefaultDatabasePath(o.db);
    CKYC_CLI_TRY(st, store::OpenSqliteStore(db, clock));
    for (const std::string& file : o.files) {
      CKYC_CLI_TRY(s, app::ImportPartiesFile(file, format, **data, **st, db + ".key"));
      if (o.json) out << app::PartyImportJson(*s).dump() << "\n";
      if (!s->errors.empty()) {
        if (!o.json) {
          const std::size_t shown = std::min<std::size_t>(s->errors.size(), 20);
          for (std::size_t i = 0; i < shown; ++i) err << "ckyc: " << s->errors[i] << "\n";
          if (s->errors.size() > shown) err << "ckyc: ... and " << (s->errors.size() - shown) << " more problems\n";
          err << "ckyc: " << file << ": not imported (" << s->errors.size() << " problems); nothing of it was stored\n";
        }
        rc = kExitBadInput;
        continue;  // other files are still imported, each on its own
      }
      if (!o.json) {
        out << file << " (" << s->format << "): " << s->parties << " parties, " << s->ownership << " ownership edges, "
            << s->roles << " roles, " << s->skipped << " records of other kinds skipped; " << s->changed
            << " new or changed\n";
      }
    }
  });

  auto* show = parties_cmd->add_subcommand("show", "A party's determinations, each with its basis");
  show->add_option("ID", o.name, "Party id")->required();
  show->add_option("--on", o.on, "Date of the determination (default: today, UTC)");
  show->add_option("--geoip", o.geoip, "MaxMind DB (.mmdb) for login countries (default: $CKYC_GEOIP_MMDB, ...)");
  show->add_option("--db", o.db, "Database path");
  show->add_flag("--json", o.json, "JSON document");
  show->callback([&] {
    CKYC_CLI_TRY(session, OpenPartySession(o));
    CKYC_CLI_TRY(on_date, OnDate(o.on));
    const Date on = *on_date;
    auto geo = app::OpenDefaultGeolocator(o.geoip.empty() ? std::nullopt : std::optional<std::string>(o.geoip));
    if (!geo.ok() && geo.status().code() != StatusCode::kNotFound) {
      rc = Fail(err, geo.status());
      return;
    }
    parties::OwnershipIndex index(session->graph, on);
    const parties::AssessParameters params = app::DefaultAssessParameters(on);
    const parties::Assessment a =
        parties::Assess(index, o.name, params, session->data->country_groups, on, geo.ok() ? geo->get() : nullptr);
    nlohmann::json j = app::AssessmentJson(a, index);
    j["on"] = FormatDate(on);
    if (o.json) {
      out << j.dump(2) << "\n";
      return;
    }
    out << j["name"].get<std::string>() << " [" << a.id << "], " << j["kind"].get<std::string>() << "\n";
    out << "US person:        " << parties::UsPersonStatusName(a.us_person.status) << " ("
        << Join(a.us_person.basis, "; ") << ")\n";
    out << "Headquarters:     " << (a.headquarters.country.empty() ? "unknown" : a.headquarters.country) << " ("
        << a.headquarters.basis << ")" << (a.hq_in_d5_or_macau ? "  ** D:5 / Macau **" : "") << "\n";
    out << "Ultimate parent:  " << a.ultimate_parent.id << " via " << Join(a.ultimate_parent.chain, " ← ") << "\n"
        << "                  headquartered in "
        << (a.parent_headquarters.country.empty() ? "unknown" : a.parent_headquarters.country) << " ("
        << a.parent_headquarters.basis << ")" << (a.parent_hq_in_d5_or_macau ? "  ** D:5 / Macau **" : "") << "\n";
    out << "Owned, by country:";
    for (const auto& [c, pct] : a.ownership.by_country) out << " " << c << " " << Pct(pct) << ";";
    if (a.ownership.unattributed > 1e-9) out << " not on file " << Pct(a.ownership.unattributed) << ";";
    if (a.ownership.undetermined) out << " UNDETERMINED (unknown percentages)";
    out << "\n";
    out << "Beneficial owners:";
    if (a.beneficial_owners.empty()) out << " none on file";
    for (const auto& bo : a.beneficial_owners) out << " " << bo.id << " (" << bo.basis << ");";
    out << "\n";
    out << "OFAC 50 % rule:   "
        << (a.ofac.blocked        ? "BLOCKED"
            : a.ofac.undetermined ? "undetermined"
                                  : "not blocked")
        << " (blocked owners hold " << Pct(a.ofac.blocked_share) << ")\n";
    out << "BIS affiliates:   "
        << (a.bis.blocked        ? "AFFILIATE of a listed party"
            : a.bis.undetermined ? "undetermined"
                                 : "not an affiliate")
        << (a.bis_rule_in_force ? "" : " (rule suspended on this date)") << "\n";
    out << "CIP gaps:         " << (a.cip_missing.empty() ? "none" : Join(a.cip_missing, ", ")) << "\n";
    out << "Red flags:" << (a.red_flags.empty() ? " none" : "") << "\n";
    for (const auto& f : a.red_flags) out << "  - " << f.code << ": " << f.detail << "\n";
  });

  auto* graph_cmd = parties_cmd->add_subcommand("graph", "Export a party's ownership neighbourhood");
  graph_cmd->add_option("ID", o.name, "Party id")->required();
  graph_cmd->add_option("--format", o.format, "dot or json (default dot)");
  graph_cmd->add_option("--depth", o.count, "Steps up and down the graph (default 3)");
  graph_cmd->add_option("--db", o.db, "Database path");
  graph_cmd->callback([&] {
    CKYC_CLI_TRY(session, OpenPartySession(o));
    if (!o.format.empty() && o.format != "dot" && o.format != "json") {
      rc = Fail(err, Status::InvalidArgument("--format '" + o.format + "': want dot or json"));
      return;
    }
    const auto n = app::NeighbourhoodOf(session->graph, o.name, o.count > 0 ? static_cast<int>(o.count) : 3);
    out << (o.format == "json" ? app::NeighbourhoodJson(n).dump(2) + "\n" : app::NeighbourhoodDot(n, o.name));
  });
}  // namespace ckyc::cli

}  // namespace ckyc::cli
