#include "metering/accounting.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

namespace ckyc::metering {
namespace {

constexpr double kTera = 1e12;

// A piecewise-constant rate over time, as (time, delta) events.
struct RateEvent {
  UnixSeconds t;
  double delta;
};

}  // namespace

PartPeaks PeaksOf(const chips::Accelerator& a) {
  using chips::Precision;
  PartPeaks p;
  double p16 = std::max(a.spec.tops(Precision::kBf16).value_or(0), a.spec.tops(Precision::kFp16).value_or(0));
  if (p16 == 0) p16 = a.spec.tops(Precision::kFp32).value_or(0);
  for (Precision prec : chips::kAllPrecisions) {
    double v = a.spec.tops(prec).value_or(0);
    if (v > p.peak_max_ops / kTera) {
      p.peak_max_ops = v * kTera;
      p.max_basis = std::string(chips::PrecisionName(prec));
    }
  }
  if (p16 == 0) p16 = p.peak_max_ops / kTera;
  p.peak16_ops = p16 * kTera;
  return p;
}

Result<OpsEstimate> EstimateOps(const chips::Accelerator& part, std::int64_t accelerator_seconds,
                                const MeteringParameters& p, std::optional<double> utilization,
                                std::string_view basis) {
  if (accelerator_seconds < 0) return Status::InvalidArgument("accelerator-seconds must not be negative");
  if (utilization && !(*utilization > 0 && *utilization <= 1)) {
    return Status::InvalidArgument("utilization must be in (0, 1], got " + std::to_string(*utilization));
  }
  const PartPeaks peaks = PeaksOf(part);
  OpsEstimate e;
  e.utilization = utilization.value_or(p.prior_utilization);
  e.utilization_basis = utilization ? std::string(basis) : "prior";
  const double secs = static_cast<double>(accelerator_seconds);
  e.central = secs * peaks.peak16_ops * e.utilization;
  e.low = secs * peaks.peak16_ops * std::min(e.utilization, p.low_utilization);
  e.high = secs * peaks.peak_max_ops;
  return e;
}

std::vector<TrainingRun> GroupTrainingRuns(const std::vector<UsageRecord>& records,
                                           const chips::AcceleratorCatalog& parts, const MeteringParameters& p,
                                           const RunOptions& options, std::size_t* skipped) {
  struct Item {
    const UsageRecord* r;
    const chips::Accelerator* part;
    std::string customer;
  };
  std::map<std::tuple<std::string, std::string, std::string>, std::vector<Item>> groups;
  UnixSeconds latest = 0;
  std::size_t skip = 0;
  for (const UsageRecord& r : records) {
    const chips::Accelerator* part = parts.Find(r.accelerator);
    if (part == nullptr || r.end <= r.start) {
      ++skip;
      continue;
    }
    std::string customer = r.customer.empty() ? r.account : r.customer;
    if (options.customer_of != nullptr) {
      auto it = options.customer_of->find(r.account);
      if (it != options.customer_of->end()) customer = it->second;
    }
    latest = std::max(latest, r.end);
    groups[{customer, r.region, r.placement}].push_back({&r, part, customer});
  }
  if (skipped != nullptr) *skipped = skip;
  const UnixSeconds as_of = options.as_of.value_or(latest);

  std::vector<TrainingRun> runs;
  for (auto& [key, items] : groups) {
    std::sort(items.begin(), items.end(), [](const Item& a, const Item& b) {
      return a.r->start != b.r->start ? a.r->start < b.r->start : a.r->id < b.r->id;
    });
    std::size_t begin = 0;
    while (begin < items.size()) {
      std::size_t end = begin + 1;
      UnixSeconds run_end = items[begin].r->end;
      std::size_t segments = 1;
      while (end < items.size() && items[end].r->start <= run_end + p.gap_tolerance_s) {
        if (items[end].r->start > run_end) ++segments;  // a restart within the tolerance
        run_end = std::max(run_end, items[end].r->end);
        ++end;
      }
      TrainingRun run;
      run.customer = std::get<0>(key);
      run.region = std::get<1>(key);
      run.placement = std::get<2>(key);
      run.start = items[begin].r->start;
      run.end = run_end;
      run.segments = segments;
      run.records = end - begin;
      std::set<std::string> accounts, accelerators;
      std::vector<std::pair<UnixSeconds, std::int64_t>> count_events;
      std::vector<RateEvent> rate_events;
      std::vector<double> rates(end - begin, 0.0);  // central ops/s of each record over its span
      double base16 = 0;                            // Σ secs × peak16
      std::size_t measured_records = 0;
      for (std::size_t i = begin; i < end; ++i) {
        const UsageRecord& r = *items[i].r;
        accounts.insert(r.account);
        accelerators.insert(r.accelerator);
        run.accelerator_seconds += r.accelerator_seconds;
        count_events.emplace_back(r.start, r.accelerators);
        count_events.emplace_back(r.end, -r.accelerators);
        std::optional<double> u;
        if (options.measured != nullptr && !r.resource.empty()) {
          auto m = options.measured->find(r.resource);
          if (m != options.measured->end()) u = m->second;
        }
        if (u) ++measured_records;
        auto e = EstimateOps(*items[i].part, r.accelerator_seconds, p, u, "measured");
        if (!e.ok()) continue;  // a measured ratio outside (0, 1] is ignored, the prior stands
        run.ops.central += e->central;
        run.ops.low += e->low;
        run.ops.high += e->high;
        base16 += static_cast<double>(r.accelerator_seconds) * PeaksOf(*items[i].part).peak16_ops;
        const double rate = e->central / static_cast<double>(r.end - r.start);
        rates[i - begin] = rate;
        rate_events.push_back({r.start, rate});
        rate_events.push_back({r.end, -rate});
      }
      run.accounts.assign(accounts.begin(), accounts.end());
      run.accelerators.assign(accelerators.begin(), accelerators.end());
      run.ops.utilization = base16 > 0 ? run.ops.central / base16 : 0;
      run.ops.utilization_basis = measured_records == 0             ? "prior"
                                  : measured_records == run.records ? "measured"
                                                                    : "mixed";
      // Peak concurrency (ends before starts at the same instant: back-to-back is not overlap).
      std::sort(count_events.begin(), count_events.end());
      std::int64_t now = 0;
      for (const auto& [t, d] : count_events) {
        now += d;
        run.peak_accelerators = std::max(run.peak_accelerators, now);
      }
      const double span = static_cast<double>(run.end - run.start);
      run.steadiness = run.peak_accelerators > 0 && span > 0 ? static_cast<double>(run.accelerator_seconds) /
                                                                   (static_cast<double>(run.peak_accelerators) * span)
                                                             : 0;
      run.rate_ops_per_s = span > 0 ? run.ops.central / span : 0;

      // Cumulative central operations over time: exact crossing instants for each alert level.
      std::sort(rate_events.begin(), rate_events.end(),
                [](const RateEvent& a, const RateEvent& b) { return a.t < b.t; });
      double cumulative = 0;
      double rate = 0;
      UnixSeconds t_prev = run.start;
      for (double f : p.alert_fractions) run.alerts.push_back({f, f * p.training_threshold_ops, std::nullopt});
      for (const RateEvent& ev : rate_events) {
        const double next = cumulative + rate * static_cast<double>(ev.t - t_prev);
        for (AlertCrossing& a : run.alerts) {
          if (!a.at && next >= a.ops && rate > 0) {
            a.at = t_prev + static_cast<UnixSeconds>(std::ceil((a.ops - cumulative) / rate));
          }
        }
        cumulative = next;
        rate += ev.delta;
        if (std::fabs(rate) < 1e-6 * std::max(1.0, run.rate_ops_per_s)) rate = 0;  // round-off at run end
        t_prev = ev.t;
      }
      // Projection at the current rate: the rate of the records live at the run's last instant.
      double current_rate = 0;
      for (std::size_t i = begin; i < end; ++i) {
        if (items[i].r->end == run.end) current_rate += rates[i - begin];
      }
      const bool active = run.end + p.gap_tolerance_s >= as_of;
      run.projected_total_30d = run.ops.central + (active ? current_rate * 30 * 86400.0 : 0);
      if (run.ops.central >= p.training_threshold_ops) {
        run.projected_crossing = run.alerts.empty() ? std::nullopt : run.alerts.back().at;
        for (const AlertCrossing& a : run.alerts) {
          if (a.fraction == 1.0) run.projected_crossing = a.at;
        }
      } else if (active && current_rate > 0) {
        run.projected_crossing =
            run.end + static_cast<UnixSeconds>(std::ceil((p.training_threshold_ops - run.ops.central) / current_rate));
      }
      run.id = "run:" + run.customer + "/" + (run.region.empty() ? "-" : run.region) + "/" +
               (run.placement.empty() ? "-" : run.placement) + "@" + FormatTimestamp(run.start);
      runs.push_back(std::move(run));
      begin = end;
    }
  }
  std::sort(runs.begin(), runs.end(), [](const TrainingRun& a, const TrainingRun& b) {
    return a.ops.central != b.ops.central ? a.ops.central > b.ops.central : a.id < b.id;
  });
  return runs;
}

std::vector<Cluster> DetectClusters(const std::vector<UsageRecord>& records, const chips::AcceleratorCatalog& parts,
                                    const MeteringParameters& p) {
  struct Ev {
    UnixSeconds t;
    std::int64_t accelerators;
    double ops16;
    double opsmax;
  };
  struct Acc {
    std::vector<Ev> events;
    std::set<std::string> customers;
    double min_gbps = 0;
    bool any = false;
  };
  std::map<std::pair<std::string, std::string>, Acc> by_fabric;
  for (const UsageRecord& r : records) {
    const std::string& domain = r.fabric.empty() ? r.placement : r.fabric;
    if (domain.empty() || !r.network_gbps || *r.network_gbps < p.cluster_min_network_gbps || r.end <= r.start) {
      continue;
    }
    const chips::Accelerator* part = parts.Find(r.accelerator);
    if (part == nullptr) continue;
    const PartPeaks peaks = PeaksOf(*part);
    Acc& acc = by_fabric[{r.region, domain}];
    const double n = static_cast<double>(r.accelerators);
    acc.events.push_back({r.start, r.accelerators, n * peaks.peak16_ops, n * peaks.peak_max_ops});
    acc.events.push_back({r.end, -r.accelerators, -n * peaks.peak16_ops, -n * peaks.peak_max_ops});
    acc.customers.insert(r.customer.empty() ? r.account : r.customer);
    acc.min_gbps = acc.any ? std::min(acc.min_gbps, *r.network_gbps) : *r.network_gbps;
    acc.any = true;
  }
  std::vector<Cluster> out;
  for (auto& [key, acc] : by_fabric) {
    // Ends before starts at the same instant, so back-to-back jobs are not summed.
    std::sort(acc.events.begin(), acc.events.end(),
              [](const Ev& a, const Ev& b) { return a.t != b.t ? a.t < b.t : a.accelerators < b.accelerators; });
    Cluster c;
    c.region = key.first;
    c.fabric = key.second;
    c.id = (c.region.empty() ? "-" : c.region) + "/" + c.fabric;
    c.customers.assign(acc.customers.begin(), acc.customers.end());
    c.min_network_gbps = acc.min_gbps;
    std::int64_t n = 0;
    double o16 = 0, omax = 0;
    for (const Ev& e : acc.events) {
      n += e.accelerators;
      o16 += e.ops16;
      omax += e.opsmax;
      if (omax > c.peak_ops_per_s_max * (1 + 1e-12)) {
        c.peak_ops_per_s_max = omax;
        c.peak_ops_per_s_16bit = o16;
        c.peak_accelerators = n;
        c.peak_at = e.t;
      }
    }
    c.over_threshold = c.peak_ops_per_s_max >= p.cluster_threshold_ops_per_s;
    out.push_back(std::move(c));
  }
  std::sort(out.begin(), out.end(),
            [](const Cluster& a, const Cluster& b) { return a.peak_ops_per_s_max > b.peak_ops_per_s_max; });
  return out;
}

}  // namespace ckyc::metering
