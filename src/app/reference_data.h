// The shipped reference tables, loaded once and validated together.
#pragma once

#include <memory>

#include "chips/catalog.h"
#include "core/country.h"
#include "core/status.h"

namespace ckyc::app {

struct ReferenceData {
  CountryTable countries;
  CountryGroups country_groups;
  chips::AcceleratorCatalog accelerators;
  chips::InstanceCatalog instances;  // points into `accelerators`: keep ReferenceData in place
  std::string catalog_version;       // content hash of accelerators.csv, "fnv1a64:..."
};

// Loads data/countries.csv, country_groups.csv, accelerators.csv and instance_types.csv (embedded,
// or from $CKYC_DATA_DIR). Returned by pointer because `instances` refers into `accelerators`.
Result<std::unique_ptr<ReferenceData>> LoadReferenceData();

// Loads only what the chips commands need (accelerators and instance types).
Result<std::unique_ptr<ReferenceData>> LoadChipData();

}  // namespace ckyc::app
