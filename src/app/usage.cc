#include "app/usage.h"

#include <set>

#include "app/parties.h"
#include "core/data_files.h"
#include "core/gzip.h"
#include "metering/dcgm.h"

namespace ckyc::app {

std::map<std::string, MeasuredHost> MeasureUtilization(std::string_view dcgm_text, std::string_view source,
                                                       const chips::AcceleratorCatalog& parts, IngestSummary& summary) {
  metering::DcgmParseResult parsed = metering::ParseDcgmExposition(dcgm_text, source);
  summary.rows = parsed.samples.size() + parsed.errors.size() + parsed.dropped_blank + parsed.skipped_unknown_metric;
  summary.errors = parsed.errors;
  struct Gpu {
    std::string host;
    double tensor_sum = 0;
    std::int64_t tensor_n = 0;
    double clock_sum = 0;
    std::int64_t clock_n = 0;
    double max_clock = 0;
  };
  std::map<std::string, Gpu> gpus;  // by UUID (else host/gpu index)
  std::set<std::string> reported_models;
  for (const metering::DcgmSample& s : parsed.samples) {
    if (!s.model_name.empty() && parts.Find(s.model_name) == nullptr && reported_models.insert(s.model_name).second) {
      ++summary.unknown_names[s.model_name];
      summary.errors.push_back(std::string(source) + ":" + std::to_string(s.line) + ": label 'modelName': '" +
                               s.model_name + "' is not in the accelerator catalog");
    }
    const std::string host = s.hostname;
    if (host.empty()) continue;  // cannot be tied to a usage record
    Gpu& g = gpus[s.uuid.empty() ? host + "/" + s.gpu : s.uuid];
    g.host = host;
    switch (s.field) {
      case metering::DcgmField::kPipeTensorActive:
        g.tensor_sum += s.value;
        ++g.tensor_n;
        break;
      case metering::DcgmField::kSmClock:
        g.clock_sum += s.value;
        ++g.clock_n;
        break;
      case metering::DcgmField::kMaxSmClock: g.max_clock = std::max(g.max_clock, s.value); break;
      default: break;
    }
    ++summary.accepted;
  }
  std::map<std::string, std::pair<double, std::int64_t>> by_host;  // Σ utilisation over GPUs, samples
  std::map<std::string, int> gpu_count;
  for (const auto& [key, g] : gpus) {
    if (g.tensor_n == 0) continue;
    double u = g.tensor_sum / static_cast<double>(g.tensor_n);
    // The activity ratio is relative to the peak issue rate at the current clock; scale to the
    // boost clock the datasheet peak is quoted at, when both clocks were sampled.
    if (g.clock_n > 0 && g.max_clock > 0) u *= (g.clock_sum / static_cast<double>(g.clock_n)) / g.max_clock;
    by_host[g.host].first += u;
    by_host[g.host].second += g.tensor_n;
    ++gpu_count[g.host];
  }
  std::map<std::string, MeasuredHost> out;
  for (const auto& [host, v] : by_host) {
    const double u = v.first / gpu_count[host];
    if (u > 0 && u <= 1) out[host] = {u, v.second};
  }
  return out;
}

Result<IngestSummary> IngestUsageFile(const std::string& path, std::optional<metering::UsageFormat> format,
                                      const ReferenceData& data, store::Store& store) {
  // Mapped, not read: a billing export can be gigabytes and is parsed where it lies.
  CKYC_ASSIGN_OR_RETURN(MappedFile file, MappedFile::Open(path));
  if (LooksGzipped(file.bytes())) {
    CKYC_ASSIGN_OR_RETURN(std::string inflated, Gunzip(file.bytes(), path));
    return IngestUsageText(inflated, 0, path, format, data, store);
  }
  return IngestUsageText(file.bytes(), file.readable_after(), path, format, data, store);
}

Result<IngestSummary> IngestUsageText(std::string_view bytes, std::size_t readable_after, const std::string& path,
                                      std::optional<metering::UsageFormat> format, const ReferenceData& data,
                                      store::Store& store) {
  if (LooksGzipped(bytes)) {
    CKYC_ASSIGN_OR_RETURN(std::string inflated, Gunzip(bytes, path));
    return IngestUsageText(inflated, 0, path, format, data, store);
  }
  if (!format) {
    CKYC_ASSIGN_OR_RETURN(format, metering::DetectUsageFormat(bytes, path));
  }
  IngestSummary summary;
  summary.source = path;
  summary.format = std::string(metering::UsageFormatName(*format));

  if (*format == metering::UsageFormat::kDcgm) {
    auto hosts = MeasureUtilization(bytes, path, data.accelerators, summary);
    std::map<std::string, std::pair<double, std::int64_t>> rows;
    for (const auto& [host, m] : hosts) rows[host] = {m.utilization, m.samples};
    CKYC_RETURN_IF_ERROR(store.PutMeasuredUtilization(rows));
    summary.resources_measured = rows.size();
    return summary;
  }

  // Records stream from the reader straight into the batch writer: no per-file record vector.
  CKYC_ASSIGN_OR_RETURN(auto writer, store.BeginUsageBatch());
  metering::ReadReport report;
  Status read = Status::Ok();
  switch (*format) {
    case metering::UsageFormat::kCur: read = metering::ReadCur(bytes, path, data.instances, report, *writer); break;
    case metering::UsageFormat::kFocus: read = metering::ReadFocus(bytes, path, data.instances, report, *writer); break;
    case metering::UsageFormat::kJsonLines:
      read = metering::ReadJsonLines(bytes, path, data.accelerators, data.instances, report, *writer, readable_after);
      break;
    case metering::UsageFormat::kDcgm: break;
  }
  CKYC_RETURN_IF_ERROR(read);  // the writer is dropped uncommitted: nothing of this file is stored
  summary.rows = report.rows;
  summary.accepted = report.accepted;
  summary.skipped_not_usage = report.skipped_not_usage;
  summary.skipped_no_accelerator = report.skipped_no_accelerator;
  summary.unknown_names = report.unknown_names;
  for (const auto& e : report.errors) summary.errors.push_back(e.message);

  store::UsageBatch batch;
  batch.source = path;
  batch.format = summary.format;
  batch.content_hash = metering::ContentId(bytes);
  batch.rows = static_cast<std::int64_t>(report.rows);
  batch.errors = static_cast<std::int64_t>(report.errors.size());
  CKYC_ASSIGN_OR_RETURN(store::UsageAppendOutcome outcome, writer->Commit(batch));
  summary.inserted = outcome.inserted;
  summary.duplicates = outcome.duplicates;
  return summary;
}

namespace {

// Account → end customer. An explicit link (`ckyc usage link`) names the customer; otherwise a
// party whose `accounts` hold the account is the customer. Either way, when the customer is a known
// party, runs are grouped under its ultimate parent, so a run split across the accounts of one group
// is seen as one.
Result<std::map<std::string, std::string>> CustomerMap(const ReferenceData& data, store::Store& store, const Date& on) {
  CKYC_ASSIGN_OR_RETURN(auto links, store.AccountLinks());
  std::map<std::string, std::string> out;
  for (const auto& l : links) out[l.account] = l.customer;
  if (data.countries.all().empty()) return out;  // chips-only reference data: no parties to consult
  CKYC_ASSIGN_OR_RETURN(parties::PartyGraph graph, LoadPartyGraph(store, data.countries));
  if (graph.parties.empty()) return out;
  for (const auto& [id, party] : graph.parties) {
    for (const std::string& account : party.accounts) out.emplace(account, id);  // explicit links win
  }
  const parties::OwnershipIndex index(graph, on);
  const parties::AssessParameters params = DefaultAssessParameters(on);
  for (auto& [account, customer] : out) {
    if (graph.parties.count(customer) != 0) customer = index.UltimateParentOf(customer, params.ownership).id;
  }
  return out;
}

}  // namespace

Result<std::vector<metering::TrainingRun>> ListTrainingRuns(const ReferenceData& data, store::Store& store,
                                                            const metering::MeteringParameters& p, const RunQuery& q) {
  CKYC_ASSIGN_OR_RETURN(auto records, store.ListUsage());
  const Date today{std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now())};
  CKYC_ASSIGN_OR_RETURN(auto customers, CustomerMap(data, store, today));
  CKYC_ASSIGN_OR_RETURN(auto measured, store.MeasuredUtilization());
  metering::RunOptions options;
  options.customer_of = &customers;
  options.measured = &measured;
  options.as_of = q.as_of;
  auto runs = metering::GroupTrainingRuns(records, data.accelerators, p, options);
  if (q.customer) {
    std::erase_if(runs, [&](const metering::TrainingRun& r) { return r.customer != *q.customer; });
  }
  return runs;
}

Result<std::vector<metering::Cluster>> ListClusters(const ReferenceData& data, store::Store& store,
                                                    const metering::MeteringParameters& p) {
  CKYC_ASSIGN_OR_RETURN(auto records, store.ListUsage());
  return metering::DetectClusters(records, data.accelerators, p);
}

}  // namespace ckyc::app
