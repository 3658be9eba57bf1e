// A catalog part classified, beside what its vendor publishes.
#pragma once

#include <optional>
#include <string>

#include "chips/catalog.h"
#include "chips/classify.h"

namespace ckyc::chips {

struct PartClassification {
  const Accelerator* part = nullptr;
  Classification computed;
  std::string vendor_level;                    // VendorEccnLevel(part->vendor_eccn): "a", "b", "controlled", "none", ""
  bool vendor_disagrees = false;               // vendor's ECCN level differs from the computed class
  std::optional<double> vendor_tpp_delta_pct;  // (computed − vendor) / vendor × 100
};

// Classifies `part` and compares with the vendor's published ECCN and TPP. A disagreement adds
// flag "vendor-disagrees"; a TPP more than `tpp_tolerance_pct` off adds "vendor-tpp-differs".
Result<PartClassification> ClassifyPart(const Accelerator& part, const Thresholds3A090& t,
                                        double tpp_tolerance_pct = 5.0);

}  // namespace ckyc::chips
