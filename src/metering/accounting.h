// From accelerator-seconds to operations, training runs, clusters and early warning.
//
// Operations = accelerator-seconds × dense peak ops/s × utilisation, reported as an interval:
//   low     = 16-bit dense peak × min(u, low_utilization)
//   central = 16-bit dense peak × u          (u: --utilization, else measured, else the prior)
//   high    = the part's highest dense peak (any precision) × 1.0
// The 16-bit peak is max(bf16, fp16) (fp32 for parts without either). Epoch counts the same way
// (C = chips × peak × time × utilisation) with priors of 0.3–0.4.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "chips/catalog.h"
#include "core/date.h"
#include "core/status.h"
#include "metering/usage.h"

namespace ckyc::metering {

// The numbers a policy pack sets for metering. Defaults: EO 14110 §4.2(b) figures (revoked, kept
// as the reference profile; REGULATION.md §2) and Epoch's utilisation priors.
struct MeteringParameters {
  double prior_utilization = 0.4;
  double low_utilization = 0.3;
  double training_threshold_ops = 1e26;
  double cluster_threshold_ops_per_s = 1e20;
  double cluster_min_network_gbps = 100;                  // EO 14110: "over 100 Gbit/s"
  std::int64_t gap_tolerance_s = std::int64_t{6} * 3600;  // restarts closer than this stitch into one run
  std::vector<double> alert_fractions = {0.1, 0.5, 1.0};
};

struct OpsEstimate {
  double low = 0;
  double central = 0;
  double high = 0;
  double utilization = 0;         // u used for central
  std::string utilization_basis;  // "prior", "measured", "given"
};

struct PartPeaks {
  double peak16_ops = 0;  // ops/s
  double peak_max_ops = 0;
  std::string max_basis;  // precision giving the highest peak
};
PartPeaks PeaksOf(const chips::Accelerator& a);

// `utilization` overrides the prior (basis "given"); must be in (0, 1].
Result<OpsEstimate> EstimateOps(const chips::Accelerator& part, std::int64_t accelerator_seconds,
                                const MeteringParameters& p, std::optional<double> utilization,
                                std::string_view basis = "given");

struct AlertCrossing {
  double fraction = 0;
  double ops = 0;                 // fraction × threshold
  std::optional<UnixSeconds> at;  // when the central estimate crossed it, if it has
};

struct TrainingRun {
  std::string id;  // "run-<customer>-<first start>"
  std::string customer;
  std::vector<std::string> accounts;
  std::string region;
  std::string placement;
  std::vector<std::string> accelerators;  // catalog ids
  std::int64_t peak_accelerators = 0;     // most in use at once
  UnixSeconds start = 0;
  UnixSeconds end = 0;
  std::int64_t accelerator_seconds = 0;
  std::size_t records = 0;
  std::size_t segments = 0;  // stretches separated by gaps (restarts) that were stitched
  double steadiness = 0;     // accelerator-seconds / (peak accelerators × span), in (0, 1]
  OpsEstimate ops;
  std::vector<AlertCrossing> alerts;              // one per alert fraction
  double rate_ops_per_s = 0;                      // central ops per second over the run's span
  std::optional<UnixSeconds> projected_crossing;  // central reaches the threshold at this rate
  double projected_total_30d = 0;                 // central total if the run continues 30 more days
};

// Groups records into runs: per customer (after `customer_of` mapping), region and placement,
// records overlapping in time or separated by at most gap_tolerance_s join one run.
// `customer_of` maps an account to its end customer (reseller and linked-account mappings); an
// account not in it keeps the record's own customer. `measured` maps resource ids to measured
// utilisation (from DCGM); runs whose records all have measurements use their weighted mean.
// Records whose accelerator is not in `parts` are skipped and counted in `skipped`.
struct RunOptions {
  const std::map<std::string, std::string>* customer_of = nullptr;
  const std::map<std::string, double>* measured = nullptr;
  std::optional<UnixSeconds> as_of;  // "now" for projections; default: the latest record end
};
std::vector<TrainingRun> GroupTrainingRuns(const std::vector<UsageRecord>& records,
                                           const chips::AcceleratorCatalog& parts, const MeteringParameters& p,
                                           const RunOptions& options, std::size_t* skipped = nullptr);

struct Cluster {
  std::string id;  // "<region>/<fabric or placement>"
  std::string region;
  std::string fabric;
  std::vector<std::string> customers;
  std::int64_t peak_accelerators = 0;
  double peak_ops_per_s_16bit = 0;  // theoretical, at the moment of peak capacity
  double peak_ops_per_s_max = 0;
  UnixSeconds peak_at = 0;
  double min_network_gbps = 0;
  bool over_threshold = false;  // peak_ops_per_s_max ≥ cluster threshold
};

// Clusters: instances co-located in one region on one fabric (or placement group) whose network is
// at least cluster_min_network_gbps; capacity is the peak over time of the sum of their
// theoretical ops/s. Records without fabric or placement are not co-located evidence and are left
// out, as are slower networks.
std::vector<Cluster> DetectClusters(const std::vector<UsageRecord>& records, const chips::AcceleratorCatalog& parts,
                                    const MeteringParameters& p);

}  // namespace ckyc::metering
