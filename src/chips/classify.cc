#include "chips/classify.h"

#include <algorithm>
#include <cmath>

#include "core/strings.h"

namespace ckyc::chips {
namespace {

constexpr double kRoundOff = 1e-9;

bool AtLeast(double x, double threshold) {
  return x >= threshold * (1 - kRoundOff);
}
bool Below(double x, double threshold) {
  return !AtLeast(x, threshold);
}

std::string Num(double v) {
  return FormatNumber(v, 7);
}
std::string Pd(const std::optional<double>& pd) {
  return pd ? FormatNumber(*pd, 4) : std::string("unknown");
}

}  // namespace

Thresholds3A090 Thresholds3A090::Current() {
  Thresholds3A090 t;
  t.citation =
      "ECCN 3A090 and Note 2, 15 CFR part 774 Supp. No. 1 (88 FR 73458, effective 2023-11-17); "
      "China case-by-case band, 91 FR 1684 (2026-01-15)";
  return t;
}

std::string EccnClassName(EccnClass c) {
  switch (c) {
    case EccnClass::kA1: return "3A090.a.1";
    case EccnClass::kA2: return "3A090.a.2";
    case EccnClass::kB1: return "3A090.b.1";
    case EccnClass::kB2: return "3A090.b.2";
    case EccnClass::kNot3A090: return "not-3A090";
  }
  return "?";
}

std::string Classification::TppBasisName() const {
  std::string out;
  for (Precision p : tpp_basis) {
    if (!out.empty()) out += "=";
    out += PrecisionName(p);
  }
  return out;
}

bool Classification::HasFlag(std::string_view code) const {
  return std::any_of(flags.begin(), flags.end(), [&](const Flag& f) { return f.code == code; });
}

Result<Classification> Classify(const ChipSpec& spec, const Thresholds3A090& t) {
  Classification c;
  bool any = false;
  for (Precision p : kAllPrecisions) {
    auto v = spec.tops(p);
    if (!v) continue;
    if (!std::isfinite(*v) || *v < 0) {
      return Status::InvalidArgument("throughput for " + std::string(PrecisionName(p)) +
                                     " must be a non-negative number, got " + Num(*v));
    }
    any = true;
    c.tpp = std::max(c.tpp, *v * BitLength(p));
  }
  if (!any) return Status::InvalidArgument("no throughput given: pass at least one --tops PREC=VALUE");
  for (Precision p : kAllPrecisions) {
    auto v = spec.tops(p);
    if (v && c.tpp > 0 && *v * BitLength(p) >= c.tpp * (1 - 1e-6)) c.tpp_basis.push_back(p);
  }
  if (spec.die_area_mm2) {
    if (!std::isfinite(*spec.die_area_mm2) || *spec.die_area_mm2 <= 0) {
      return Status::InvalidArgument("die area must be a positive number of mm², got " + Num(*spec.die_area_mm2));
    }
    c.pd = c.tpp / *spec.die_area_mm2;
  }
  c.datacenter = spec.datacenter.value_or(true);
  c.datacenter_assumed = !spec.datacenter.has_value();

  const double tpp = c.tpp;
  const std::string tpp_s = "TPP " + Num(tpp);
  const std::string pd_s = "PD " + Pd(c.pd);

  // Without a die area PD is unknown; a part that could be a.2 by density is treated as a.2
  // (fail closed) and flagged, rather than silently let through.
  const bool pd_matters = AtLeast(tpp, t.a2_tpp) && Below(tpp, t.a1_tpp);
  c.pd_assumed = !c.pd && pd_matters;
  auto pd_at_least = [&](double th) { return c.pd ? AtLeast(*c.pd, th) : c.pd_assumed; };
  auto pd_below = [&](double th) { return c.pd && Below(*c.pd, th); };

  const bool a1 = AtLeast(tpp, t.a1_tpp);
  const bool a2 = AtLeast(tpp, t.a2_tpp) && pd_at_least(t.a2_pd);
  const bool b1 =
      AtLeast(tpp, t.b1_tpp) && Below(tpp, t.a1_tpp) && c.pd && AtLeast(*c.pd, t.b1_pd) && pd_below(t.a2_pd);
  const bool b2 = AtLeast(tpp, t.b2_tpp) && c.pd && AtLeast(*c.pd, t.b2_pd) && pd_below(t.a2_pd);

  c.reasons.push_back(
      {"3A090.a.1", "TPP >= " + Num(t.a1_tpp), a1, false, tpp_s + (a1 ? " >= " : " < ") + Num(t.a1_tpp)});
  c.reasons.push_back({"3A090.a.2", "TPP >= " + Num(t.a2_tpp) + " and PD >= " + Num(t.a2_pd), a2, false,
                       tpp_s + ", " + pd_s + (c.pd_assumed ? " (die area unknown: assumed to meet PD)" : "")});
  c.reasons.push_back(
      {"3A090.b.1", Num(t.b1_tpp) + " <= TPP < " + Num(t.a1_tpp) + " and " + Num(t.b1_pd) + " <= PD < " + Num(t.a2_pd),
       b1, false, tpp_s + ", " + pd_s});
  c.reasons.push_back({"3A090.b.2", "TPP >= " + Num(t.b2_tpp) + " and " + Num(t.b2_pd) + " <= PD < " + Num(t.a2_pd), b2,
                       false, tpp_s + ", " + pd_s});

  std::vector<std::pair<EccnClass, std::size_t>> met;
  if (a1) met.emplace_back(EccnClass::kA1, 0);
  if (a2) met.emplace_back(EccnClass::kA2, 1);
  if (b1) met.emplace_back(EccnClass::kB1, 2);
  if (b2) met.emplace_back(EccnClass::kB2, 3);

  if (c.datacenter_assumed) {
    c.reasons.push_back({"datacenter", "designed or marketed for use in datacenters", true, false,
                         "not stated; assumed yes, the stricter reading (pass --consumer for a consumer part)"});
  }
  const bool note2 = !c.datacenter && Below(tpp, t.note2_tpp);
  if (!c.datacenter) {
    c.reasons.push_back({"Note 2 to 3A090", "not designed or marketed for datacenters and TPP < " + Num(t.note2_tpp),
                         note2, note2,
                         std::string("consumer part, ") + tpp_s + (note2 ? " < " : " >= ") + Num(t.note2_tpp) +
                             (note2 ? ": excluded from 3A090" : ": Note 2 does not exclude it")});
  }

  if (note2 || met.empty()) {
    c.eccn_class = EccnClass::kNot3A090;
    if (!note2) {
      for (std::size_t i = 0; i < 4; ++i) c.reasons[i].decisive = true;
    }
  } else {
    c.eccn_class = met.front().first;
    c.reasons[met.front().second].decisive = true;
    for (std::size_t i = 1; i < met.size(); ++i) c.also_meets.push_back(met[i].first);
  }

  // NAC eligibility (3A090 License Exceptions paragraph).
  const bool is_a = c.eccn_class == EccnClass::kA1 || c.eccn_class == EccnClass::kA2;
  const bool is_b = c.eccn_class == EccnClass::kB1 || c.eccn_class == EccnClass::kB2;
  c.nac_eligible = (is_a && !c.datacenter) || (is_b && c.datacenter);

  if (c.pd_assumed) {
    c.flags.push_back({"pd-unknown",
                       "die area unknown: performance density could not be computed; "
                       "classified as if PD >= " +
                           Num(t.a2_pd)});
  }

  // Near-threshold: within near_fraction of any TPP or PD threshold the class depends on.
  auto near = [&](double v, double th, const std::string& what, const std::string& rule) {
    if (th > 0 && std::fabs(v - th) <= t.near_fraction * th) {
      c.flags.push_back({"near-threshold", what + " " + Num(v) + " is within " + Num(t.near_fraction * 100) + "% of " +
                                               Num(th) + " (" + rule + ")"});
    }
  };
  near(tpp, t.a1_tpp, "TPP", "3A090.a.1 / Note 2");
  near(tpp, t.b1_tpp, "TPP", "3A090.b.1");
  near(tpp, t.a2_tpp, "TPP", "3A090.a.2 / 3A090.b.2");
  if (c.pd) {
    near(*c.pd, t.a2_pd, "PD", "3A090.a.2");
    near(*c.pd, t.b2_pd, "PD", "3A090.b.2");
    near(*c.pd, t.b1_pd, "PD", "3A090.b.1");
  }
  near(tpp, t.band_tpp, "TPP", "China case-by-case band");
  if (spec.memory_bw_gbs) near(*spec.memory_bw_gbs, t.band_bw_gbs, "DRAM bandwidth GB/s", "China case-by-case band");

  // 2026 China case-by-case band: only meaningful for a controlled part.
  if (c.eccn_class == EccnClass::kNot3A090) {
    c.china_case_by_case_band = false;
  } else if (spec.memory_bw_gbs) {
    const bool in = Below(tpp, t.band_tpp) && Below(*spec.memory_bw_gbs, t.band_bw_gbs);
    c.china_case_by_case_band = in;
    c.reasons.push_back({"China case-by-case band",
                         "TPP < " + Num(t.band_tpp) + " and DRAM bandwidth < " + Num(t.band_bw_gbs) + " GB/s", in,
                         false, tpp_s + ", DRAM bandwidth " + Num(*spec.memory_bw_gbs) + " GB/s"});
    if (in) {
      c.flags.push_back(
          {"china-case-by-case-band", "inside the 91 FR 1684 band: license review for China/Macau is case-by-case"});
    }
  } else if (Below(tpp, t.band_tpp)) {
    c.flags.push_back({"band-unknown",
                       "DRAM bandwidth unknown: cannot tell whether the part is inside the "
                       "China case-by-case band"});
  } else {
    c.china_case_by_case_band = false;
  }
  return c;
}

Status ParseTopsArgument(std::string_view arg, ChipSpec& spec) {
  const std::size_t eq = arg.find('=');
  const std::string shown(arg);
  if (eq == std::string_view::npos) {
    return Status::InvalidArgument("--tops '" + shown + "': expected PREC=VALUE, e.g. fp8=1978.9");
  }
  auto p = ParsePrecision(arg.substr(0, eq));
  if (!p) {
    return Status::InvalidArgument("--tops '" + shown + "': unknown precision '" + std::string(arg.substr(0, eq)) +
                                   "' (one of fp64 fp32 tf32 bf16 fp16 fp8 fp6 fp4 int8 int4)");
  }
  auto v = ParseDouble(arg.substr(eq + 1));
  if (!v || *v < 0) {
    return Status::InvalidArgument("--tops '" + shown + "': value '" + std::string(arg.substr(eq + 1)) +
                                   "' is not a non-negative number of dense TOPS");
  }
  if (spec.tops(*p)) {
    return Status::InvalidArgument("--tops '" + shown + "': " + std::string(PrecisionName(*p)) + " given twice");
  }
  spec.set_tops(*p, *v);
  return Status::Ok();
}

std::string VendorEccnLevel(std::string_view eccn) {
  const std::string e = AsciiLower(TrimAscii(eccn));
  if (e.empty()) return "";
  if (e.find("090.a") != std::string::npos) return "a";
  if (e.find("090.b") != std::string::npos) return "b";
  if (e.find("3a090") != std::string::npos || e.find("4a090") != std::string::npos) return "controlled";
  // ".z" paragraphs hold items of other ECCNs that meet the 3A090/4A090 parameters.
  if (e.find(".z") != std::string::npos) return "controlled";
  return "none";
}

}  // namespace ckyc::chips
