#include "app/reference_data.h"

#include <cstdint>
#include <cstdio>

#include "core/data_files.h"

namespace ckyc::app {
namespace {

std::string ContentHash(std::string_view text) {
  std::uint64_t h = 1469598103934665603ULL;
  for (char c : text) {
    h ^= static_cast<unsigned char>(c);
    h *= 1099511628211ULL;
  }
  char buf[32];
  std::snprintf(buf, sizeof buf, "fnv1a64:%016llx", static_cast<unsigned long long>(h));
  return buf;
}

Status LoadChips(ReferenceData& data) {
  CKYC_ASSIGN_OR_RETURN(DataFile acc, ReadDataFile("accelerators.csv"));
  CKYC_ASSIGN_OR_RETURN(data.accelerators, chips::AcceleratorCatalog::Load(acc.text, acc.source));
  data.catalog_version = ContentHash(acc.text);
  CKYC_ASSIGN_OR_RETURN(DataFile inst, ReadDataFile("instance_types.csv"));
  CKYC_ASSIGN_OR_RETURN(data.instances, chips::InstanceCatalog::Load(inst.text, inst.source, data.accelerators));
  return Status::Ok();
}

}  // namespace

Result<std::unique_ptr<ReferenceData>> LoadChipData() {
  auto data = std::make_unique<ReferenceData>();
  CKYC_RETURN_IF_ERROR(LoadChips(*data));
  return data;
}

Result<std::unique_ptr<ReferenceData>> LoadReferenceData() {
  auto data = std::make_unique<ReferenceData>();
  CKYC_ASSIGN_OR_RETURN(DataFile countries, ReadDataFile("countries.csv"));
  CKYC_ASSIGN_OR_RETURN(data->countries, CountryTable::Load(countries.text, countries.source));
  CKYC_ASSIGN_OR_RETURN(DataFile groups, ReadDataFile("country_groups.csv"));
  CKYC_ASSIGN_OR_RETURN(data->country_groups, CountryGroups::Load(groups.text, groups.source, data->countries));
  CKYC_RETURN_IF_ERROR(LoadChips(*data));
  return data;
}

}  // namespace ckyc::app
