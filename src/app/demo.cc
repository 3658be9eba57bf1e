#include "app/demo.h"

#include <filesystem>

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
  for (const char* suffix : {"", "-wal", "-shm"}) {
    std::error_code ec;
    std::filesystem::remove(db_path + suffix, ec);
    if (ec) return Status::IoError(db_path + suffix + ": cannot remove old demo database: " + ec.message());
  }
  CKYC_ASSIGN_OR_RETURN(auto store, store::OpenSqliteStore(db_path, clock));
  DemoResult out;
  out.store = store->Describe();
  CKYC_ASSIGN_OR_RETURN(out.schema_version, store->SchemaVersion());
  CKYC_ASSIGN_OR_RETURN(out.parts, StoreCatalogClassification(data, chips::Thresholds3A090::Current(), *store));
  CKYC_ASSIGN_OR_RETURN(out.catalog_version, store->CatalogVersion());
  CKYC_ASSIGN_OR_RETURN(out.rows, store->ListAcceleratorClassifications());
  return out;
}

}  // namespace ckyc::app
