// Export-control classification of an accelerator from its specifications: Total Processing
// Performance (TPP), performance density (PD) and the ECCN 3A090 paragraph it falls under.
//
// Pure: takes a ChipSpec and the thresholds to apply, returns a Classification that carries every
// test it made as a Reason, so the answer explains itself. The thresholds are parameters (the rule
// has changed three times since 2022); Thresholds3A090::Current() holds the text in force.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <vector>

#include "chips/precision.h"
#include "core/status.h"

namespace ckyc::chips {

// What classification needs to know about a part. Throughputs are dense (no sparsity) peak
// tera-operations per second for the whole board or package.
struct ChipSpec {
  std::array<std::optional<double>, kPrecisionCount> dense_tops{};
  std::optional<double> die_area_mm2;   // applicable (non-planar logic) die area; HBM excluded
  std::optional<bool> datacenter;       // designed or marketed for datacenters; unknown → assumed yes
  std::optional<double> memory_bw_gbs;  // total DRAM bandwidth, for the China case-by-case band

  std::optional<double> tops(Precision p) const { return dense_tops[Index(p)]; }
  void set_tops(Precision p, double v) { dense_tops[Index(p)] = v; }
};

// The numbers of ECCN 3A090 (15 CFR 774 Supp. 1) and of the 2026 China case-by-case band.
// Comparisons are "≥ threshold" / "< threshold" exactly as the text reads, with a 1e-9 relative
// allowance for binary round-off so that 2960 / 500 counts as PD 5.92.
struct Thresholds3A090 {
  double a1_tpp = 4800;  // 3A090.a.1: TPP ≥ 4800
  double a2_tpp = 1600;  // 3A090.a.2: TPP ≥ 1600 and PD ≥ 5.92
  double a2_pd = 5.92;
  double b1_tpp = 2400;  // 3A090.b.1: 2400 ≤ TPP < 4800 and 1.6 ≤ PD < 5.92
  double b1_pd = 1.6;
  double b2_tpp = 1600;  // 3A090.b.2: TPP ≥ 1600 and 3.2 ≤ PD < 5.92
  double b2_pd = 3.2;
  double note2_tpp = 4800;      // Note 2: non-datacenter parts are out below this TPP
  double band_tpp = 21000;      // 91 FR 1684: case-by-case when TPP < 21,000 ...
  double band_bw_gbs = 6500;    // ... and total DRAM bandwidth < 6,500 GB/s
  double near_fraction = 0.05;  // "near a threshold" = within 5 %
  std::string citation;

  static Thresholds3A090 Current();
};

enum class EccnClass { kA1, kA2, kB1, kB2, kNot3A090 };
// "3A090.a.1", "3A090.a.2", "3A090.b.1", "3A090.b.2", "not-3A090".
std::string EccnClassName(EccnClass c);

// One test the classifier made. `decisive` marks the tests that decided the class.
struct Reason {
  std::string rule;       // "3A090.a.1", "Note 2 to 3A090", "datacenter"
  std::string threshold;  // "TPP >= 4800"
  bool met = false;
  bool decisive = false;
  std::string detail;  // the facts: "TPP 15831.2 >= 4800"
};

struct Flag {
  std::string code;  // "near-threshold", "pd-unknown", "china-case-by-case-band", ...
  std::string detail;
};

struct Classification {
  double tpp = 0;
  std::vector<Precision> tpp_basis;  // the precision(s) that give the maximum
  std::optional<double> pd;
  EccnClass eccn_class = EccnClass::kNot3A090;
  std::vector<EccnClass> also_meets;  // other 3A090 paragraphs whose tests are also met
  bool datacenter = true;
  bool datacenter_assumed = false;
  bool pd_assumed = false;  // die area unknown: PD taken as meeting a.2 (fail closed)
  bool nac_eligible = false;
  std::optional<bool> china_case_by_case_band;  // nullopt: memory bandwidth unknown
  std::vector<Reason> reasons;
  std::vector<Flag> flags;

  std::string TppBasisName() const;  // "fp8", "bf16=fp16=int8"
  bool HasFlag(std::string_view code) const;
};

// Fails only when the spec has no throughput at all or a negative/zero figure; everything else
// is a Classification (possibly with flags saying what was assumed).
Result<Classification> Classify(const ChipSpec& spec, const Thresholds3A090& t);

// Parses "PREC=VALUE" (e.g. "fp8=1978.9") as given to --tops; errors name the flag and value.
Status ParseTopsArgument(std::string_view arg, ChipSpec& spec);

// How a vendor-published ECCN reads against 3A090: "a", "b", "controlled" (a .z paragraph or a
// 3A090/4A090 code without a paragraph), "none" (e.g. 4A994.l, EAR99), or "" when not given.
std::string VendorEccnLevel(std::string_view eccn);

}  // namespace ckyc::chips
