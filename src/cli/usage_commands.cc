// `ckyc usage ...`: ingest usage exports and telemetry, list training runs and clusters, estimate.
#include <unistd.h>

#include <cmath>
#include <iostream>
#include <nlohmann/json.hpp>

#include "app/reference_data.h"
#include "app/usage.h"
#include "app/views.h"
#include "cli/common.h"
#include "cli/table.h"
#include "core/strings.h"

namespace ckyc::cli {
namespace {

std::string Sci(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.3g", v);
  return buf;
}

std::string Time(const std::optional<UnixSeconds>& t) {
  return t ? FormatTimestamp(*t) : "-";
}

Result<std::unique_ptr<store::Store>> OpenStore(const Options& o) {
  static const SystemClock clock;
  return store::OpenSqliteStore(store::DefaultDatabasePath(o.db), clock);
}

// What most usage commands start from: the catalog and the store.
struct Session {
  std::unique_ptr<app::ReferenceData> data;
  std::unique_ptr<store::Store> store;
};

Result<Session> OpenSession(const Options& o) {
  Session s;
  CKYC_ASSIGN_OR_RETURN(s.data, app::LoadReferenceData());
  CKYC_ASSIGN_OR_RETURN(s.store, OpenStore(o));
  return s;
}

}  // namespace

// The callbacks run after this function returns, during parsing: they capture only the
// caller-owned objects (o, rc, out, err), never locals of this function.
void AddUsageCommands(CLI::App& app, Options& o, int& rc, std::ostream& out, std::ostream& err) {
  auto* usage = app.add_subcommand("usage", "Accelerator usage: operations, training runs, clusters");
  usage->require_subcommand(1);
  usage->footer(
      "Examples:\n"
      "  ckyc usage ingest cur-2026-11.csv.gz usage.jsonl   # formats detected; re-ingesting is a no-op\n"
      "  ckyc usage link --account 111122223333 --customer acme-holdings\n"
      "  ckyc usage runs --json\n"
      "  ckyc usage estimate --accelerator H100 --count 16384 --hours 1296 --utilization 0.4");

  // ckyc usage ingest
  auto* ingest = usage->add_subcommand("ingest", "Ingest usage exports (CUR 2.0, FOCUS, JSON lines) or DCGM text");
  ingest->add_option("FILE", o.files, "Files to ingest (.gz is undone)")->required()->check(CLI::ExistingFile);
  ingest->add_option("--format", o.format, "cur, focus, jsonl or dcgm (default: detected per file)");
  ingest->add_option("--db", o.db, "Database path (default: $CKYC_DB, else ./ckyc.db)");
  ingest->add_flag("--json", o.json, "One JSON summary per file, one per line");
  ingest->callback([&] {
    std::optional<metering::UsageFormat> format;
    if (!o.format.empty()) {
      CKYC_CLI_TRY(f, metering::ParseUsageFormat(o.format));
      format = *f;
    }
    CKYC_CLI_TRY(data, app::LoadChipData());
    CKYC_CLI_TRY(st, OpenStore(o));
    const bool tty = &err == &std::cerr && isatty(STDERR_FILENO) == 1;
    std::size_t total_rows = 0, total_inserted = 0, total_dup = 0, total_errors = 0;
    for (std::size_t i = 0; i < o.files.size(); ++i) {
      if (tty) err << "\r[" << (i + 1) << "/" << o.files.size() << "] " << o.files[i] << "\x1b[K" << std::flush;
      auto s = app::IngestUsageFile(o.files[i], format, **data, **st);
      if (tty) err << "\r\x1b[K";
      if (!s.ok()) {
        rc = Fail(err, s.status());  // earlier files stay ingested: each file is its own batch
        return;
      }
      total_rows += s->rows;
      total_inserted += static_cast<std::size_t>(s->inserted);
      total_dup += static_cast<std::size_t>(s->duplicates);
      total_errors += s->errors.size();
      if (o.json) {
        out << app::IngestJson(*s).dump() << "\n";
        continue;
      }
      const std::size_t shown = std::min<std::size_t>(s->errors.size(), 20);
      for (std::size_t e = 0; e < shown; ++e) err << "ckyc: " << s->errors[e] << "\n";
      if (s->errors.size() > shown) err << "ckyc: ... and " << (s->errors.size() - shown) << " more problems\n";
      out << s->source << " (" << s->format << "): " << s->rows << " rows, " << s->accepted << " accepted";
      if (s->format == "dcgm") {
        out << ", utilisation measured for " << s->resources_measured << " hosts";
      } else {
        out << ", " << s->inserted << " new, " << s->duplicates << " already stored, " << s->skipped_not_usage
            << " not usage, " << s->skipped_no_accelerator << " without an accelerator";
      }
      out << ", " << s->errors.size() << " problems\n";
      if (!s->unknown_names.empty()) {
        out << "  not in the catalog:";
        std::size_t n = 0;
        for (const auto& [name, count] : s->unknown_names) {
          if (n++ == 10) {
            out << " ...";
            break;
          }
          out << " " << name << " (" << count << ")";
        }
        out << "\n";
      }
    }
    if (!o.json && o.files.size() > 1) {
      out << "Total: " << o.files.size() << " files, " << total_rows << " rows, " << total_inserted << " new, "
          << total_dup << " already stored, " << total_errors << " problems\n";
    }
  });

  // ckyc usage link
  auto* link = usage->add_subcommand("link", "Map an account to its end customer (linked accounts, resellers)");
  link->add_option("--account", o.account, "Account id as it appears in usage records")->required();
  link->add_option("--customer", o.customer, "End customer (ultimate parent) id")->required();
  link->add_option("--reseller", o.reseller, "Reseller the account comes through, if any");
  link->add_option("--db", o.db, "Database path");
  link->callback([&] {
    CKYC_CLI_TRY(st, OpenStore(o));
    Status s = (*st)->LinkAccount({o.account, o.customer, o.reseller});
    if (!s.ok()) {
      rc = Fail(err, s);
      return;
    }
    out << "Account " << o.account << " → customer " << o.customer
        << (o.reseller.empty() ? std::string() : " via reseller " + o.reseller) << "\n";
  });

  // ckyc usage runs
  auto* runs = usage->add_subcommand("runs", "Training runs, largest first, with early warning");
  runs->add_option("--customer", o.customer, "Only this end customer");
  runs->add_option("--as-of", o.as_of, "Time of the projection (default: latest record)");
  runs->add_option("--db", o.db, "Database path");
  runs->add_flag("--json", o.json, "JSON array");
  runs->callback([&] {
    CKYC_CLI_TRY(session, OpenSession(o));
    app::RunQuery q;
    if (!o.customer.empty()) q.customer = o.customer;
    if (!o.as_of.empty()) {
      auto t = ParseTimestamp(o.as_of);
      if (!t.ok()) {
        rc = Fail(err, t.status().WithContext("--as-of"));
        return;
      }
      q.as_of = *t;
    }
    metering::MeteringParameters p;
    CKYC_CLI_TRY(list, app::ListTrainingRuns(*session->data, *session->store, p, q));
    if (o.json) {
      nlohmann::json arr = nlohmann::json::array();
      for (const auto& r : *list) arr.push_back(app::RunJson(r, p));
      out << arr.dump(2) << "\n";
      return;
    }
    TextTable t({"Customer", "Region", "Accelerators", "Peak", "Span h", "Accel-hours", "Ops (central)",
                 "% of " + Sci(p.training_threshold_ops), "Crossing (actual or projected)"});
    for (const auto& r : *list) {
      t.AddRow({r.customer, r.region.empty() ? "-" : r.region, Join(r.accelerators, ","),
                std::to_string(r.peak_accelerators), Fixed(static_cast<double>(r.end - r.start) / 3600.0, 1),
                Fixed(static_cast<double>(r.accelerator_seconds) / 3600.0, 0), Sci(r.ops.central),
                Fixed(100.0 * r.ops.central / p.training_threshold_ops, 2), Time(r.projected_crossing)});
    }
    t.Print(out);
    std::size_t over = 0;
    for (const auto& r : *list) over += r.ops.central >= p.training_threshold_ops ? 1u : 0u;
    out << "\n"
        << list->size() << " runs; " << over << " at or over " << Sci(p.training_threshold_ops)
        << " operations (central estimate, utilisation prior " << p.prior_utilization << ").\n";
  });

  // ckyc usage clusters
  auto* clusters = usage->add_subcommand("clusters", "Co-located capacity on one fabric against the cluster threshold");
  clusters->add_option("--db", o.db, "Database path");
  clusters->add_flag("--json", o.json, "JSON array");
  clusters->callback([&] {
    CKYC_CLI_TRY(session, OpenSession(o));
    metering::MeteringParameters p;
    CKYC_CLI_TRY(list, app::ListClusters(*session->data, *session->store, p));
    if (o.json) {
      nlohmann::json arr = nlohmann::json::array();
      for (const auto& c : *list) arr.push_back(app::ClusterJson(c, p));
      out << arr.dump(2) << "\n";
      return;
    }
    TextTable t({"Cluster", "Customers", "Peak accelerators", "Peak ops/s (16-bit)", "Peak ops/s (max)", "At",
                 "Over " + Sci(p.cluster_threshold_ops_per_s)});
    for (const auto& c : *list) {
      t.AddRow({c.id, Join(c.customers, ","), std::to_string(c.peak_accelerators), Sci(c.peak_ops_per_s_16bit),
                Sci(c.peak_ops_per_s_max), FormatTimestamp(c.peak_at), c.over_threshold ? "yes" : "no"});
    }
    t.Print(out);
    out << "\n" << list->size() << " clusters on fabrics of at least " << p.cluster_min_network_gbps << " Gbit/s.\n";
  });

  // ckyc usage totals
  auto* totals = usage->add_subcommand("totals", "Accelerator-hours and operations per customer, account and part");
  totals->add_option("--db", o.db, "Database path");
  totals->add_flag("--json", o.json, "JSON array");
  totals->callback([&] {
    CKYC_CLI_TRY(session, OpenSession(o));
    CKYC_CLI_TRY(list, session->store->UsageTotals());
    metering::MeteringParameters p;
    nlohmann::json arr = nlohmann::json::array();
    TextTable t({"Customer", "Account", "Accelerator", "Records", "Accel-hours", "Ops (central)", "First", "Last"});
    for (const auto& u : *list) {
      nlohmann::json j = app::UsageTotalJson(u, session->data->accelerators, p);
      t.AddRow({u.customer, u.account, u.accelerator, std::to_string(u.records),
                Fixed(static_cast<double>(u.accelerator_seconds) / 3600.0, 1),
                j.contains("ops_central") ? Sci(j["ops_central"].get<double>()) : "-", FormatTimestamp(u.first_start),
                FormatTimestamp(u.last_end)});
      arr.push_back(std::move(j));
    }
    if (o.json) {
      out << arr.dump(2) << "\n";
    } else {
      t.Print(out);
      out << "\n" << list->size() << " customer/account/part rows.\n";
    }
  });

  // ckyc usage estimate
  auto* est = usage->add_subcommand("estimate", "Operations for N accelerators over H hours");
  est->add_option("--accelerator", o.accelerator, "Part name: id, model, billing, DCGM or Epoch name")->required();
  est->add_option("--count", o.count, "Number of accelerators")->required()->check(CLI::PositiveNumber);
  est->add_option("--hours", o.hours, "Wall-clock hours")->required()->check(CLI::NonNegativeNumber);
  est->add_option("--utilization", o.utilization, "Utilisation in (0, 1] for the central estimate");
  est->add_flag("--json", o.json, "JSON with ops_low, ops_central, ops_high");
  est->callback([&] {
    CKYC_CLI_TRY(data, app::LoadChipData());
    CKYC_CLI_TRY(part, (*data)->accelerators.Resolve(o.accelerator));
    if (!std::isfinite(o.hours) || o.hours > 1e7) {
      rc = Fail(err, Status::InvalidArgument("--hours " + FormatNumber(o.hours) + ": out of range"));
      return;
    }
    const std::int64_t seconds = std::llround(o.hours * 3600.0);
    if (o.count > (std::int64_t{1} << 40) / std::max<std::int64_t>(1, seconds)) {
      rc = Fail(err, Status::InvalidArgument("--count × --hours is out of range"));
      return;
    }
    const std::int64_t accel_seconds = seconds * o.count;
    metering::MeteringParameters p;
    auto e = metering::EstimateOps(**part, accel_seconds, p, o.utilization);
    if (!e.ok()) {
      rc = Fail(err, e.status().WithContext("--utilization"));
      return;
    }
    const auto peaks = metering::PeaksOf(**part);
    if (o.json) {
      nlohmann::json j = app::OpsJson(*e);
      j["accelerator"] = (*part)->id;
      j["count"] = o.count;
      j["hours"] = o.hours;
      j["accelerator_seconds"] = accel_seconds;
      j["peak16_ops_per_s"] = peaks.peak16_ops;
      j["peak_max_ops_per_s"] = peaks.peak_max_ops;
      j["peak_max_basis"] = peaks.max_basis;
      j["threshold_ops"] = p.training_threshold_ops;
      j["fraction_of_threshold"] = e->central / p.training_threshold_ops;
      out << j.dump(2) << "\n";
      return;
    }
    out << (*part)->DisplayName() << " × " << o.count << " for " << FormatNumber(o.hours) << " h (" << accel_seconds
        << " accelerator-seconds)\n"
        << "  low:     " << Sci(e->low) << "  (16-bit peak × " << std::min(e->utilization, p.low_utilization) << ")\n"
        << "  central: " << Sci(e->central) << "  (16-bit peak × " << e->utilization << ", " << e->utilization_basis
        << ")\n"
        << "  high:    " << Sci(e->high) << "  (" << peaks.max_basis << " peak × 1.0)\n"
        << "  central is " << Fixed(100.0 * e->central / p.training_threshold_ops, 2) << "% of "
        << Sci(p.training_threshold_ops) << "\n";
  });
}

}  // namespace ckyc::cli
