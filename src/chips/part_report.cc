#include "chips/part_report.h"

#include <cmath>

#include "core/strings.h"

namespace ckyc::chips {

Result<PartClassification> ClassifyPart(const Accelerator& part, const Thresholds3A090& t, double tpp_tolerance_pct) {
  PartClassification out;
  out.part = &part;
  auto c = Classify(part.spec, t);
  if (!c.ok()) return c.status().WithContext(part.id);
  out.computed = std::move(c).value();
  out.vendor_level = VendorEccnLevel(part.vendor_eccn);

  const EccnClass cls = out.computed.eccn_class;
  const std::string computed_level = cls == EccnClass::kNot3A090                        ? "none"
                                     : (cls == EccnClass::kA1 || cls == EccnClass::kA2) ? "a"
                                                                                        : "b";
  if (!out.vendor_level.empty()) {
    if (out.vendor_level == "controlled") {
      out.vendor_disagrees = computed_level == "none";
    } else {
      out.vendor_disagrees = out.vendor_level != computed_level;
    }
    if (out.vendor_disagrees) {
      out.computed.flags.push_back(
          {"vendor-disagrees", "vendor classifies " + part.vendor_eccn + ", computed " + EccnClassName(cls)});
    }
  }
  if (part.vendor_tpp && *part.vendor_tpp > 0) {
    const double delta = (out.computed.tpp - *part.vendor_tpp) / *part.vendor_tpp * 100.0;
    out.vendor_tpp_delta_pct = delta;
    if (std::fabs(delta) > tpp_tolerance_pct) {
      out.computed.flags.push_back({"vendor-tpp-differs", "computed TPP " + FormatNumber(out.computed.tpp, 7) +
                                                              " vs vendor " + FormatNumber(*part.vendor_tpp, 7) + " (" +
                                                              FormatNumber(delta, 3) + "%)"});
    }
  }
  return out;
}

}  // namespace ckyc::chips
