#include "app/demo.h"

#include <filesystem>

#include "core/data_files.h"

namespace ckyc::app {

Result<std::vector<chips::PartClassification>> StoreCatalogClassification(const ReferenceData& data,
                                                                          const chips::Thresholds3A090& t,
                                                                          store::Store& store) {
  std::vector<chips::PartClassification> parts;
  std::vector<store::AcceleratorRecord> records;
  for (const chips::Accelerator& a : data.accelerators.all()) {
    CKYC_ASSIGN_OR_RETURN(auto p, chips::ClassifyPart(a, t));
    store::AcceleratorRecord r;
    r.id = a.id;
    r.vendor = a.vendor;
    r.model = a.model;
    r.tpp = p.computed.tpp;
    r.tpp_basis = p.computed.TppBasisName();
    r.pd = p.computed.pd;
    r.eccn_class = chips::EccnClassName(p.computed.eccn_class);
    r.datacenter = p.computed.datacenter;
    r.vendor_eccn = a.vendor_eccn;
    for (const auto& f : p.computed.flags) {
      if (r.flags.find(f.code) != std::string::npos) continue;
      if (!r.flags.empty()) r.flags += ",";
      r.flags += f.code;
    }
    records.push_back(std::move(r));
    parts.push_back(std::move(p));
  }
  CKYC_RETURN_IF_ERROR(store.ReplaceAcceleratorClassifications(records, data.catalog_version));
  return parts;
}

Result<DemoResult> RunDemo(const ReferenceData& data, const std::string& db_path, const Clock& clock) {
  for (const char* suffix : {"", "-wal", "-shm", ".key", ".usage"}) {
    std::error_code ec;
    std::filesystem::remove_all(db_path + suffix, ec);
    if (ec) return Status::IoError(db_path + suffix + ": cannot remove old demo database: " + ec.message());
  }
  CKYC_ASSIGN_OR_RETURN(auto store, store::OpenSqliteStore(db_path, clock));
  DemoResult out;
  out.store = store->Describe();
  CKYC_ASSIGN_OR_RETURN(out.schema_version, store->SchemaVersion());
  CKYC_ASSIGN_OR_RETURN(out.parts, StoreCatalogClassification(data, chips::Thresholds3A090::Current(), *store));
  CKYC_ASSIGN_OR_RETURN(out.catalog_version, store->CatalogVersion());
  CKYC_ASSIGN_OR_RETURN(out.rows, store->ListAcceleratorClassifications());

  CKYC_ASSIGN_OR_RETURN(DataFile parties_file, ReadDataFile("sample_parties.jsonl"));
  CKYC_ASSIGN_OR_RETURN(out.parties_import,
                        ImportPartiesText(parties_file.text, parties_file.source, parties::PartyFormat::kJsonLines,
                                          data, *store, db_path + ".key"));
  if (!out.parties_import.errors.empty()) return Status::Corruption(out.parties_import.errors.front());
  CKYC_ASSIGN_OR_RETURN(DataFile usage_file, ReadDataFile("sample_usage.jsonl"));
  CKYC_ASSIGN_OR_RETURN(out.usage_ingest, IngestUsageText(usage_file.text, 0, usage_file.source,
                                                          metering::UsageFormat::kJsonLines, data, *store));
  if (!out.usage_ingest.errors.empty()) return Status::Corruption(out.usage_ingest.errors.front());

  CKYC_ASSIGN_OR_RETURN(out.graph, LoadPartyGraph(*store, data.countries));
  const Date today{std::chrono::floor<std::chrono::days>(clock.Now())};
  const parties::OwnershipIndex index(out.graph, today);
  const parties::AssessParameters params = DefaultAssessParameters(today);
  for (const auto& [id, party] : out.graph.parties) {
    if (party.customer) {
      out.customers.push_back(parties::Assess(index, id, params, data.country_groups, today, nullptr));
    }
  }
  CKYC_ASSIGN_OR_RETURN(out.runs, ListTrainingRuns(data, *store, metering::MeteringParameters{}, RunQuery{}));
  return out;
}

}  // namespace ckyc::app
