#include "cli/cli.h"

#include <CLI/CLI.hpp>
#include <algorithm>
#include <chrono>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>

#include "app/demo.h"
#include "app/reference_data.h"
#include "app/views.h"
#include "chips/classify.h"
#include "chips/part_report.h"
#include "cli/common.h"
#include "cli/table.h"
#include "core/date.h"
#include "core/strings.h"
#include "metering/accounting.h"
#include "parties/assess.h"
#include "store/store.h"

namespace ckyc::cli {
namespace {

std::string FlagCodes(const chips::Classification& c) {
  std::string out;
  for (const auto& f : c.flags) {
    if (out.find(f.code) != std::string::npos) continue;
    if (!out.empty()) out += ",";
    out += f.code;
  }
  return out;
}

void PrintCatalogTable(std::ostream& out, const std::vector<chips::PartClassification>& parts) {
  TextTable table({"Vendor", "Model", "TPP", "Basis", "PD", "Class", "DC", "Vendor ECCN", "Flags"});
  for (const auto& p : parts) {
    const auto& c = p.computed;
    table.AddRow({p.part->vendor, p.part->model, Fixed(c.tpp, 0), c.TppBasisName(), c.pd ? Fixed(*c.pd, 2) : "-",
                  chips::EccnClassName(c.eccn_class), c.datacenter ? "yes" : "no",
                  p.part->vendor_eccn.empty() ? "-" : p.part->vendor_eccn, FlagCodes(c)});
  }
  table.Print(out);
}

void PrintCatalogSummary(std::ostream& out, const std::vector<chips::PartClassification>& parts) {
  std::map<std::string, int> by_class;
  int disagree = 0;
  int near = 0;
  int band = 0;
  for (const auto& p : parts) {
    by_class[chips::EccnClassName(p.computed.eccn_class)]++;
    disagree += p.vendor_disagrees ? 1 : 0;
    near += p.computed.HasFlag("near-threshold") ? 1 : 0;
    band += p.computed.china_case_by_case_band.value_or(false) ? 1 : 0;
  }
  out << "\n" << parts.size() << " parts:";
  bool first = true;
  for (const auto& [cls, n] : by_class) {
    out << (first ? " " : ", ") << n << " " << cls;
    first = false;
  }
  out << ". " << disagree << " disagree with the vendor's ECCN, " << near << " lie within 5% of a threshold, " << band
      << " are inside the China case-by-case band.\n";
}

void PrintClassification(std::ostream& out, const chips::Classification& c) {
  out << "Class:      " << chips::EccnClassName(c.eccn_class);
  if (!c.also_meets.empty()) {
    out << " (also meets";
    for (auto cls : c.also_meets) out << " " << chips::EccnClassName(cls);
    out << ")";
  }
  out << "\n";
  out << "TPP:        " << FormatNumber(c.tpp, 7) << " (" << c.TppBasisName() << ")\n";
  out << "PD:         " << (c.pd ? FormatNumber(*c.pd, 4) : std::string("unknown (no die area)")) << "\n";
  out << "Datacenter: " << (c.datacenter ? "yes" : "no") << (c.datacenter_assumed ? " (assumed)" : "") << "\n";
  out << "NAC:        " << (c.nac_eligible ? "eligible" : "not eligible") << "\n";
  out << "China band: " << (c.china_case_by_case_band ? (*c.china_case_by_case_band ? "inside" : "outside") : "unknown")
      << "\n";
  out << "Reasons:\n";
  for (const auto& r : c.reasons) {
    out << "  " << (r.decisive ? "*" : " ") << " " << r.rule << ": " << r.threshold << " — "
        << (r.met ? "met" : "not met") << " (" << r.detail << ")\n";
  }
  if (!c.flags.empty()) {
    out << "Flags:\n";
    for (const auto& f : c.flags) out << "  - " << f.code << ": " << f.detail << "\n";
  }
}

const char* kFooter = R"(Examples:
  ckyc demo                                   classify the shipped catalog into a fresh store
  ckyc chips show "NVIDIA H100 80GB HBM3"     a part by its DCGM name, with reasons
  ckyc chips classify --tops fp8=1978.9 --die-area 814 --memory-bw 3350 --json
  ckyc instances show p5.48xlarge
  ckyc countries show "Hong Kong SAR" --on 2026-11-29
Exit codes: 0 ok, 1 system failure, 2 bad input. Docs: docs/README.md)";

}  // namespace

int RunCli(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  CLI::App app{"ckyc — know-your-customer and export-control compliance for AI compute", "ckyc"};
  app.footer(kFooter);
  app.require_subcommand(1);
  Options o;
  int rc = kExitOk;

  auto add_json = [&](CLI::App* cmd) { cmd->add_flag("--json", o.json, "Print machine-readable JSON"); };
  auto add_db = [&](CLI::App* cmd, const std::string& help) { cmd->add_option("--db", o.db, help); };

  // ckyc init
  auto* init = app.add_subcommand("init", "Create or migrate the embedded store");
  add_db(init, "Database path (default: $CKYC_DB, else ./ckyc.db)");
  add_json(init);
  init->callback([&] {
    SystemClock clock;
    const std::string path = store::DefaultDatabasePath(o.db);
    CKYC_CLI_TRY(st, store::OpenSqliteStore(path, clock));
    CKYC_CLI_TRY(version, (*st)->SchemaVersion());
    if (o.json) {
      out << nlohmann::json{{"store", (*st)->Describe()}, {"schema_version", *version}}.dump(2) << "\n";
    } else {
      out << "Store ready: " << (*st)->Describe() << " (schema version " << *version << ")\n";
    }
  });

  // ckyc demo
  auto* demo = app.add_subcommand("demo", "Run the demo: classify the shipped catalog into a fresh embedded store");
  add_db(demo, "Demo database path, recreated on every run (default: ckyc-demo.db)");
  add_json(demo);
  demo->callback([&] {
    CKYC_CLI_TRY(data, app::LoadReferenceData());
    SystemClock clock;
    CKYC_CLI_TRY(result, app::RunDemo(**data, o.db.value_or("ckyc-demo.db"), clock));
    const auto t = chips::Thresholds3A090::Current();
    const metering::MeteringParameters mp;
    if (o.json) {
      nlohmann::json parts = nlohmann::json::array();
      for (const auto& p : result->parts) parts.push_back(app::PartJson(p, t));
      const parties::OwnershipIndex index(result->graph, Date{std::chrono::floor<std::chrono::days>(clock.Now())});
      nlohmann::json customers = nlohmann::json::array();
      for (const auto& a : result->customers) customers.push_back(app::AssessmentJson(a, index));
      nlohmann::json runs = nlohmann::json::array();
      for (const auto& r : result->runs) runs.push_back(app::RunJson(r, mp));
      out << nlohmann::json{{"store", result->store},
                            {"schema_version", result->schema_version},
                            {"catalog_version", result->catalog_version},
                            {"stored_rows", result->rows.size()},
                            {"parts", parts},
                            {"customers", customers},
                            {"runs", runs}}
                 .dump(2)
          << "\n";
      return;
    }
    out << "ComputeKYC demo\n\n1. Export-control classification of the accelerator catalog\n"
        << "Rule: " << t.citation << "\n\n";
    PrintCatalogTable(out, result->parts);
    PrintCatalogSummary(out, result->parts);
    out << "Stored " << result->rows.size() << " classifications in " << result->store << " (schema version "
        << result->schema_version << ", catalog " << result->catalog_version << ").\n";

    out << "\n2. Who the customers really are (" << result->parties_import.parties
        << " fictional parties from data/sample_parties.jsonl)\n\n";
    TextTable ct({"Customer", "US person", "HQ", "Ultimate parent", "Parent HQ", "D:5/Macau", "OFAC 50 %", "Flags"});
    for (const auto& a : result->customers) {
      std::string flags;
      for (const auto& f : a.red_flags) {
        if (flags.find(f.code) == std::string::npos) flags += (flags.empty() ? "" : ",") + f.code;
      }
      ct.AddRow({a.id, parties::UsPersonStatusName(a.us_person.status),
                 a.headquarters.country.empty() ? "-" : a.headquarters.country, a.ultimate_parent.id,
                 a.parent_headquarters.country.empty() ? "-" : a.parent_headquarters.country,
                 a.hq_in_d5_or_macau || a.parent_hq_in_d5_or_macau ? "YES" : "no",
                 a.ofac.blocked        ? "BLOCKED"
                 : a.ofac.undetermined ? "undetermined"
                                       : "no",
                 flags});
    }
    ct.Print(out);

    out << "\n3. Training runs from " << result->usage_ingest.inserted
        << " usage records (data/sample_usage.jsonl), grouped by ultimate parent\n\n";
    TextTable rt({"Customer", "Accounts", "Peak accelerators", "Days", "Ops (central)", "% of 1e26",
                  "Crossing (actual or projected)"});
    for (const auto& r : result->runs) {
      char ops[32];
      std::snprintf(ops, sizeof ops, "%.3g", r.ops.central);
      rt.AddRow({r.customer, Join(r.accounts, ","), std::to_string(r.peak_accelerators),
                 Fixed(static_cast<double>(r.end - r.start) / 86400.0, 1), ops,
                 Fixed(100.0 * r.ops.central / mp.training_threshold_ops, 1),
                 r.projected_crossing ? FormatTimestamp(*r.projected_crossing) : "-"});
    }
    rt.Print(out);
    out << "\nNext: ckyc parties show nanhai-us --db " << o.db.value_or("ckyc-demo.db") << " | ckyc usage runs --db "
        << o.db.value_or("ckyc-demo.db") << " | ckyc --help\n";
  });

  // ckyc chips ...
  auto* chips_cmd = app.add_subcommand("chips", "Accelerator catalog and export-control classification");
  chips_cmd->require_subcommand(1);
  auto* list = chips_cmd->add_subcommand("list", "List the catalog with computed classes");
  add_json(list);
  list->callback([&] {
    CKYC_CLI_TRY(data, app::LoadChipData());
    const auto t = chips::Thresholds3A090::Current();
    std::vector<chips::PartClassification> parts;
    for (const auto& a : (*data)->accelerators.all()) {
      CKYC_CLI_TRY(p, chips::ClassifyPart(a, t));
      parts.push_back(std::move(p).value());
    }
    if (o.json) {
      nlohmann::json arr = nlohmann::json::array();
      for (const auto& p : parts) arr.push_back(app::PartJson(p, t));
      out << arr.dump(2) << "\n";
    } else {
      PrintCatalogTable(out, parts);
      PrintCatalogSummary(out, parts);
    }
  });

  auto* show = chips_cmd->add_subcommand("show", "Show one part: specs, computed class, vendor classification");
  show->add_option("NAME", o.name, "Part id, model or alias (case-insensitive), e.g. \"NVIDIA H100 80GB HBM3\"")
      ->required();
  add_json(show);
  show->callback([&] {
    CKYC_CLI_TRY(data, app::LoadChipData());
    CKYC_CLI_TRY(part, (*data)->accelerators.Resolve(o.name));
    const auto t = chips::Thresholds3A090::Current();
    CKYC_CLI_TRY(p, chips::ClassifyPart(**part, t));
    if (o.json) {
      out << app::PartJson(*p, t).dump(2) << "\n";
      return;
    }
    const chips::Accelerator& a = **part;
    out << a.DisplayName() << " [" << a.id << "]\n";
    if (!a.aliases.empty()) {
      out << "Aliases:    ";
      for (std::size_t i = 0; i < a.aliases.size(); ++i) out << (i ? "; " : "") << a.aliases[i];
      out << "\n";
    }
    out << "Dense TOPS: ";
    bool first = true;
    for (auto prec : chips::kAllPrecisions) {
      if (auto v = a.spec.tops(prec)) {
        out << (first ? "" : ", ") << chips::PrecisionName(prec) << " " << FormatNumber(*v, 7);
        first = false;
      }
    }
    out << "\nDie area:   "
        << (a.spec.die_area_mm2 ? FormatNumber(*a.spec.die_area_mm2, 6) + " mm²" : std::string("unknown")) << "\n";
    out << "Memory BW:  "
        << (a.spec.memory_bw_gbs ? FormatNumber(*a.spec.memory_bw_gbs, 6) + " GB/s" : std::string("unknown")) << "\n";
    out << "Vendor:     " << (a.vendor_eccn.empty() ? "no published ECCN" : a.vendor_eccn)
        << (a.vendor_tpp ? ", TPP " + FormatNumber(*a.vendor_tpp, 7) : std::string()) << "\n";
    PrintClassification(out, p->computed);
    out << "Source:     " << a.source << "\n";
  });

  auto* classify = chips_cmd->add_subcommand("classify", "Classify a part from its specifications");
  classify->add_option("--tops", o.tops, "Dense peak throughput PREC=VALUE (TOPS/TFLOPS); repeat per precision")
      ->required()
      ->expected(1, -1)
      ->type_name("PREC=VALUE");
  classify->add_option("--die-area", o.die_area, "Applicable (non-planar logic) die area, mm²");
  auto* dc = classify->add_flag("--datacenter", o.datacenter, "Designed or marketed for datacenters (default)");
  auto* cons = classify->add_flag("--consumer", o.consumer, "Not designed or marketed for datacenters");
  dc->excludes(cons);
  classify->add_option("--memory-bw", o.memory_bw, "Total DRAM bandwidth, GB/s");
  add_json(classify);
  classify->footer(
      "PREC is one of fp64 fp32 tf32 bf16 fp16 fp8 fp6 fp4 int8 int4.\n"
      "Example: ckyc chips classify --tops fp16=181.05 --tops fp8=362.05 --die-area 608.5 --json");
  classify->callback([&] {
    chips::ChipSpec spec;
    for (const std::string& arg : o.tops) {
      Status s = chips::ParseTopsArgument(arg, spec);
      if (!s.ok()) {
        rc = Fail(err, s);
        return;
      }
    }
    if (o.die_area && !(*o.die_area > 0)) {
      rc = Fail(err, Status::InvalidArgument("--die-area " + FormatNumber(*o.die_area) + ": must be positive (mm²)"));
      return;
    }
    if (o.memory_bw && !(*o.memory_bw >= 0)) {
      rc = Fail(err,
                Status::InvalidArgument("--memory-bw " + FormatNumber(*o.memory_bw) + ": must not be negative (GB/s)"));
      return;
    }
    spec.die_area_mm2 = o.die_area;
    spec.memory_bw_gbs = o.memory_bw;
    if (o.datacenter) spec.datacenter = true;
    if (o.consumer) spec.datacenter = false;
    const auto t = chips::Thresholds3A090::Current();
    CKYC_CLI_TRY(c, chips::Classify(spec, t));
    if (o.json) {
      out << app::ClassificationJson(*c, t).dump(2) << "\n";
    } else {
      PrintClassification(out, *c);
    }
  });

  // ckyc instances ...
  auto* inst = app.add_subcommand("instances", "Cloud instance types and the accelerators in them");
  inst->require_subcommand(1);
  auto* inst_list = inst->add_subcommand("list", "List known instance types");
  add_json(inst_list);
  auto* inst_show = inst->add_subcommand("show", "Show an instance type and its accelerator's class");
  inst_show->add_option("TYPE", o.name, "Instance type, e.g. p5.48xlarge or Standard_ND96isr_H100_v5")->required();
  add_json(inst_show);
  auto instance_cmd = [&](bool one) {
    CKYC_CLI_TRY(data, app::LoadChipData());
    std::vector<const chips::InstanceType*> types;
    if (one) {
      CKYC_CLI_TRY(t, (*data)->instances.Resolve(o.name));
      types.push_back(*t);
    } else {
      for (const auto& t : (*data)->instances.all()) types.push_back(&t);
    }
    const auto th = chips::Thresholds3A090::Current();
    nlohmann::json arr = nlohmann::json::array();
    TextTable table({"Provider", "Instance type", "Accelerator", "Count", "Class", "Instance TPP", "Network Gbit/s"});
    for (const auto* t : types) {
      CKYC_CLI_TRY(p, chips::ClassifyPart(*t->accelerator, th));
      arr.push_back(app::InstanceJson(*t, *p, th));
      table.AddRow({t->provider, t->name, t->accelerator->DisplayName(), std::to_string(t->count),
                    chips::EccnClassName(p->computed.eccn_class), Fixed(p->computed.tpp * t->count, 0),
                    t->network_gbps ? FormatNumber(*t->network_gbps) : "-"});
    }
    if (o.json) {
      out << (one ? arr[0] : arr).dump(2) << "\n";
    } else {
      table.Print(out);
      if (one) out << "Interconnect: " << types[0]->interconnect << "\nSource: " << types[0]->source << "\n";
    }
  };
  inst_list->callback([&] { instance_cmd(false); });
  inst_show->callback([&] { instance_cmd(true); });

  // ckyc countries show
  auto* countries = app.add_subcommand("countries", "ISO 3166-1 countries and export-control country groups");
  countries->require_subcommand(1);
  auto* cshow = countries->add_subcommand("show", "Resolve a country name or code and list its groups on a date");
  cshow->add_option("NAME", o.name, "Code or name, e.g. CN, CHN, PRC, \"Hong Kong SAR\", Macao")->required();
  cshow->add_option("--on", o.on, "Date YYYY-MM-DD (default: today, UTC)");
  add_json(cshow);
  cshow->callback([&] {
    CKYC_CLI_TRY(data, app::LoadReferenceData());
    CKYC_CLI_TRY(on_date, OnDate(o.on));
    const Date on = *on_date;
    CKYC_CLI_TRY(c, (*data)->countries.Resolve(o.name));
    nlohmann::json j = app::CountryJson(**c, (*data)->country_groups, on);
    if (o.json) {
      out << j.dump(2) << "\n";
      return;
    }
    out << (*c)->name << " (" << (*c)->alpha2 << ", " << (*c)->alpha3 << ")\n";
    out << "Country groups on " << FormatDate(on) << ":";
    if (j["memberships"].empty()) out << " none";
    out << "\n";
    for (const auto& m : j["memberships"]) {
      out << "  " << m["group"].get<std::string>() << "  since " << m["effective_from"].get<std::string>() << "  ("
          << m["source"].get<std::string>() << ")\n";
    }
  });

  AddUsageCommands(app, o, rc, out, err);
  AddPartyCommands(app, o, rc, out, err);
  AddListCommands(app, o, rc, out, err);

  try {
    std::vector<std::string> reversed(args.rbegin(), args.rend());
    app.parse(reversed);
  } catch (const CLI::ParseError& e) {
    if (e.get_exit_code() == 0) {  // --help
      app.exit(e, out, err);
      return kExitOk;
    }
    err << "ckyc: " << e.what() << " (run 'ckyc --help')\n";
    return kExitBadInput;
  } catch (const std::exception& e) {
    // Dependencies (CLI11, nlohmann::json) may throw; nothing escapes the CLI edge.
    err << "ckyc: internal error: " << e.what() << "\n";
    return kExitFailure;
  }
  return rc;
}

}  // namespace ckyc::cli
