// Usage use cases: ingest exports and telemetry into the store, and read runs, clusters and
// estimates back out.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "app/reference_data.h"
#include "metering/accounting.h"
#include "metering/readers.h"
#include "store/store.h"

namespace ckyc::app {

struct IngestSummary {
  std::string source;
  std::string format;
  std::size_t rows = 0;
  std::size_t accepted = 0;     // rows that became usage records (or DCGM samples)
  std::int64_t inserted = 0;    // new records stored
  std::int64_t duplicates = 0;  // already stored: re-ingesting is idempotent
  std::size_t skipped_not_usage = 0;
  std::size_t skipped_no_accelerator = 0;
  std::vector<std::string> errors;  // one line each, file:line: field: what
  std::map<std::string, std::size_t> unknown_names;
  std::size_t resources_measured = 0;  // DCGM: hosts with a utilisation figure
};

// Reads `path` (gzip undone), parses it as `format` (detected when unset) and stores the records as
// one batch: all or nothing. Malformed rows are reported in the summary and skipped.
Result<IngestSummary> IngestUsageFile(const std::string& path, std::optional<metering::UsageFormat> format,
                                      const ReferenceData& data, store::Store& store);

// The same for bytes already in memory (`path` names them in messages); `readable_after` bytes past
// their end may be read (spare capacity or the rest of a mapped page), which lets JSON be parsed in
// place.
Result<IngestSummary> IngestUsageText(std::string_view bytes, std::size_t readable_after, const std::string& path,
                                      std::optional<metering::UsageFormat> format, const ReferenceData& data,
                                      store::Store& store);

// Parses dcgm-exporter text and turns it into a measured utilisation per host (Hostname label):
// the mean over its GPUs of mean tensor-pipe activity × (SM clock / max SM clock) where both
// clocks were sampled. Exposed for tests.
struct MeasuredHost {
  double utilization = 0;
  std::int64_t samples = 0;
};
std::map<std::string, MeasuredHost> MeasureUtilization(std::string_view dcgm_text, std::string_view source,
                                                       const chips::AcceleratorCatalog& parts, IngestSummary& summary);

struct RunQuery {
  std::optional<std::string> customer;
  std::optional<UnixSeconds> as_of;
};
// Runs grouped by end customer: see CustomerMap in usage.cc (explicit account links, then the
// accounts parties hold, then each customer's ultimate parent).
Result<std::vector<metering::TrainingRun>> ListTrainingRuns(const ReferenceData& data, store::Store& store,
                                                            const metering::MeteringParameters& p, const RunQuery& q);
Result<std::vector<metering::Cluster>> ListClusters(const ReferenceData& data, store::Store& store,
                                                    const metering::MeteringParameters& p);

}  // namespace ckyc::app
