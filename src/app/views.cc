#include "app/views.h"

#include <algorithm>

namespace ckyc::app {
namespace {

nlohmann::json Optional(const std::optional<double>& v) {
  return v ? nlohmann::json(*v) : nlohmann::json();
}

}  // namespace

nlohmann::json ClassificationJson(const chips::Classification& c, const chips::Thresholds3A090& t) {
  nlohmann::json j;
  j["tpp"] = c.tpp;
  j["tpp_basis"] = c.TppBasisName();
  j["pd"] = Optional(c.pd);
  j["class"] = chips::EccnClassName(c.eccn_class);
  nlohmann::json also = nlohmann::json::array();
  for (auto cls : c.also_meets) also.push_back(chips::EccnClassName(cls));
  j["also_meets"] = also;
  j["datacenter"] = c.datacenter;
  j["datacenter_assumed"] = c.datacenter_assumed;
  j["pd_assumed"] = c.pd_assumed;
  j["nac_eligible"] = c.nac_eligible;
  j["china_case_by_case_band"] =
      c.china_case_by_case_band ? nlohmann::json(*c.china_case_by_case_band) : nlohmann::json();
  nlohmann::json reasons = nlohmann::json::array();
  for (const auto& r : c.reasons) {
    reasons.push_back(
        {{"rule", r.rule}, {"threshold", r.threshold}, {"met", r.met}, {"decisive", r.decisive}, {"detail", r.detail}});
  }
  j["reasons"] = reasons;
  nlohmann::json flags = nlohmann::json::array();
  nlohmann::json flag_codes = nlohmann::json::array();
  for (const auto& f : c.flags) {
    flags.push_back({{"code", f.code}, {"detail", f.detail}});
    if (std::find(flag_codes.begin(), flag_codes.end(), f.code) == flag_codes.end()) flag_codes.push_back(f.code);
  }
  j["flags"] = flags;
  j["flag_codes"] = flag_codes;
  j["rule_source"] = t.citation;
  return j;
}

nlohmann::json PartJson(const chips::PartClassification& p, const chips::Thresholds3A090& t) {
  const chips::Accelerator& a = *p.part;
  nlohmann::json j = ClassificationJson(p.computed, t);
  j["id"] = a.id;
  j["vendor"] = a.vendor;
  j["model"] = a.model;
  j["aliases"] = a.aliases;
  nlohmann::json tops = nlohmann::json::object();
  for (chips::Precision prec : chips::kAllPrecisions) {
    if (auto v = a.spec.tops(prec)) tops[std::string(chips::PrecisionName(prec))] = *v;
  }
  j["dense_tops"] = tops;
  j["die_area_mm2"] = Optional(a.spec.die_area_mm2);
  j["dies"] = a.dies ? nlohmann::json(*a.dies) : nlohmann::json();
  j["memory_gb"] = Optional(a.memory_gb);
  j["memory_bw_gbs"] = Optional(a.spec.memory_bw_gbs);
  j["interconnect_gbs"] = Optional(a.interconnect_gbs);
  j["vendor_tpp"] = Optional(a.vendor_tpp);
  j["vendor_eccn"] = a.vendor_eccn.empty() ? nlohmann::json() : nlohmann::json(a.vendor_eccn);
  j["vendor_eccn_level"] = p.vendor_level.empty() ? nlohmann::json() : nlohmann::json(p.vendor_level);
  j["vendor_disagrees"] = p.vendor_disagrees;
  j["vendor_tpp_delta_pct"] = Optional(p.vendor_tpp_delta_pct);
  j["source"] = a.source;
  j["notes"] = a.notes;
  return j;
}

nlohmann::json InstanceJson(const chips::InstanceType& it, const chips::PartClassification& p,
                            const chips::Thresholds3A090& t) {
  nlohmann::json j;
  j["provider"] = it.provider;
  j["instance_type"] = it.name;
  j["accelerator_count"] = it.count;
  j["interconnect"] = it.interconnect;
  j["network_gbps"] = Optional(it.network_gbps);
  j["instance_tpp"] = p.computed.tpp * it.count;
  j["source"] = it.source;
  j["accelerator"] = PartJson(p, t);
  j["class"] = chips::EccnClassName(p.computed.eccn_class);
  return j;
}

nlohmann::json CountryJson(const Country& c, const CountryGroups& groups, const Date& on) {
  nlohmann::json j;
  j["alpha2"] = c.alpha2;
  j["alpha3"] = c.alpha3;
  j["numeric"] = c.numeric;
  j["name"] = c.name;
  j["aliases"] = c.aliases;
  j["on"] = FormatDate(on);
  nlohmann::json names = nlohmann::json::array();
  nlohmann::json detail = nlohmann::json::array();
  for (const GroupMembership* m : groups.MembershipsOf(c.alpha2, on)) {
    names.push_back(m->group);
    detail.push_back({{"group", m->group},
                      {"effective_from", FormatDate(m->period.from)},
                      {"effective_to", m->period.to ? nlohmann::json(FormatDate(*m->period.to)) : nlohmann::json()},
                      {"source", m->source},
                      {"note", m->note}});
  }
  j["groups"] = names;
  j["memberships"] = detail;
  return j;
}

nlohmann::json OpsJson(const metering::OpsEstimate& e) {
  return {{"ops_low", e.low},
          {"ops_central", e.central},
          {"ops_high", e.high},
          {"utilization", e.utilization},
          {"utilization_basis", e.utilization_basis}};
}

namespace {

nlohmann::json OptionalTime(const std::optional<UnixSeconds>& t) {
  return t ? nlohmann::json(FormatTimestamp(*t)) : nlohmann::json();
}

}  // namespace

nlohmann::json RunJson(const metering::TrainingRun& r, const metering::MeteringParameters& p) {
  nlohmann::json j = OpsJson(r.ops);
  j["id"] = r.id;
  j["customer"] = r.customer;
  j["accounts"] = r.accounts;
  j["region"] = r.region;
  j["placement"] = r.placement;
  j["accelerators"] = r.accelerators;
  j["peak_accelerators"] = r.peak_accelerators;
  j["start"] = FormatTimestamp(r.start);
  j["end"] = FormatTimestamp(r.end);
  j["span_hours"] = static_cast<double>(r.end - r.start) / 3600.0;
  j["accelerator_seconds"] = r.accelerator_seconds;
  j["accelerator_hours"] = static_cast<double>(r.accelerator_seconds) / 3600.0;
  j["records"] = r.records;
  j["segments"] = r.segments;
  j["steadiness"] = r.steadiness;
  j["rate_ops_per_s"] = r.rate_ops_per_s;
  j["threshold_ops"] = p.training_threshold_ops;
  j["fraction_of_threshold"] = r.ops.central / p.training_threshold_ops;
  j["over_threshold"] = r.ops.central >= p.training_threshold_ops;
  j["projected_total_30d"] = r.projected_total_30d;
  j["projected_crossing"] = OptionalTime(r.projected_crossing);
  nlohmann::json alerts = nlohmann::json::array();
  for (const auto& a : r.alerts) {
    alerts.push_back(
        {{"fraction", a.fraction}, {"ops", a.ops}, {"crossed", a.at.has_value()}, {"crossed_at", OptionalTime(a.at)}});
  }
  j["alerts"] = alerts;
  return j;
}

nlohmann::json ClusterJson(const metering::Cluster& c, const metering::MeteringParameters& p) {
  return {{"id", c.id},
          {"region", c.region},
          {"fabric", c.fabric},
          {"customers", c.customers},
          {"peak_accelerators", c.peak_accelerators},
          {"peak_ops_per_s_16bit", c.peak_ops_per_s_16bit},
          {"peak_ops_per_s_max", c.peak_ops_per_s_max},
          {"peak_at", FormatTimestamp(c.peak_at)},
          {"min_network_gbps", c.min_network_gbps},
          {"threshold_ops_per_s", p.cluster_threshold_ops_per_s},
          {"over_threshold", c.over_threshold}};
}

nlohmann::json IngestJson(const IngestSummary& s) {
  return {{"source", s.source},
          {"format", s.format},
          {"rows", s.rows},
          {"accepted", s.accepted},
          {"inserted", s.inserted},
          {"duplicates", s.duplicates},
          {"skipped_not_usage", s.skipped_not_usage},
          {"skipped_no_accelerator", s.skipped_no_accelerator},
          {"resources_measured", s.resources_measured},
          {"errors", s.errors},
          {"unknown_names", s.unknown_names}};
}

nlohmann::json UsageTotalJson(const store::UsageTotal& u, const chips::AcceleratorCatalog& parts,
                              const metering::MeteringParameters& p) {
  nlohmann::json j = nlohmann::json::object();
  if (const chips::Accelerator* part = parts.Find(u.accelerator)) {
    if (auto e = metering::EstimateOps(*part, u.accelerator_seconds, p, std::nullopt); e.ok()) j = OpsJson(*e);
  }
  j["customer"] = u.customer;
  j["account"] = u.account;
  j["accelerator"] = u.accelerator;
  j["records"] = u.records;
  j["accelerator_seconds"] = u.accelerator_seconds;
  j["first_start"] = FormatTimestamp(u.first_start);
  j["last_end"] = FormatTimestamp(u.last_end);
  return j;
}

nlohmann::json AssessmentJson(const parties::Assessment& a, const parties::OwnershipIndex& index) {
  const parties::Party* p = index.Find(a.id);
  nlohmann::json j;
  j["id"] = a.id;
  if (p != nullptr) {
    j["name"] = p->name;
    j["kind"] = p->kind == parties::PartyKind::kIndividual ? "individual" : "entity";
    j["lists"] = p->lists;
  }
  j["us_person"] = {{"status", parties::UsPersonStatusName(a.us_person.status)}, {"basis", a.us_person.basis}};
  j["headquarters"] = {
      {"country", a.headquarters.country}, {"basis", a.headquarters.basis}, {"in_d5_or_macau", a.hq_in_d5_or_macau}};
  j["ultimate_parent"] = {{"id", a.ultimate_parent.id},
                          {"chain", a.ultimate_parent.chain},
                          {"ambiguous", a.ultimate_parent.ambiguous},
                          {"cycle", a.ultimate_parent.cycle},
                          {"basis", a.ultimate_parent.basis},
                          {"headquarters",
                           {{"country", a.parent_headquarters.country},
                            {"basis", a.parent_headquarters.basis},
                            {"in_d5_or_macau", a.parent_hq_in_d5_or_macau}}}};
  j["effective_ownership"] = {{"by_holder", a.ownership.by_holder},
                              {"by_country", a.ownership.by_country},
                              {"unattributed_percent", a.ownership.unattributed},
                              {"undetermined", a.ownership.undetermined},
                              {"undetermined_edges", a.ownership.undetermined_edges},
                              {"cycle", a.ownership.cycle}};
  nlohmann::json bos = nlohmann::json::array();
  for (const auto& bo : a.beneficial_owners) {
    bos.push_back({{"id", bo.id}, {"percent", bo.percent}, {"control", bo.control}, {"basis", bo.basis}});
  }
  j["beneficial_owners"] = bos;
  j["foreign_beneficial_owners"] = a.foreign_beneficial_owners;
  auto aggregate = [](const parties::AggregateStatus& s) {
    return nlohmann::json{{"listed", s.listed},
                          {"blocked", s.blocked},
                          {"blocked_share_percent", s.blocked_share},
                          {"undetermined", s.undetermined},
                          {"blocked_owners", s.blocked_owners}};
  };
  j["ofac_50_percent"] = aggregate(a.ofac);
  j["bis_affiliates"] = aggregate(a.bis);
  j["bis_affiliates"]["rule_in_force"] = a.bis_rule_in_force;
  j["cip_missing"] = a.cip_missing;
  nlohmann::json flags = nlohmann::json::array();
  nlohmann::json codes = nlohmann::json::array();
  for (const auto& f : a.red_flags) {
    flags.push_back({{"code", f.code}, {"detail", f.detail}});
    if (std::find(codes.begin(), codes.end(), f.code) == codes.end()) codes.push_back(f.code);
  }
  j["red_flags"] = flags;
  j["red_flag_codes"] = codes;
  j["screening"] = "not run: the screening engine is not built yet (issue 3); list designations come from imports";
  return j;
}

nlohmann::json PartyImportJson(const PartyImportSummary& s) {
  return {{"source", s.source},       {"format", s.format},        {"records", s.records}, {"parties", s.parties},
          {"ownership", s.ownership}, {"roles", s.roles},          {"skipped", s.skipped}, {"changed", s.changed},
          {"errors", s.errors},       {"stored", s.errors.empty()}};
}

nlohmann::json NeighbourhoodJson(const Neighbourhood& n) {
  nlohmann::json nodes = nlohmann::json::array();
  for (const parties::Party* p : n.parties) {
    nodes.push_back({{"id", p->id},
                     {"name", p->name},
                     {"kind", p->kind == parties::PartyKind::kIndividual ? "individual" : "entity"},
                     {"incorporation_country", p->incorporation_country},
                     {"headquarters_country", p->headquarters_country},
                     {"lists", p->lists}});
  }
  nlohmann::json edges = nlohmann::json::array();
  for (const parties::OwnershipEdge* e : n.ownership) {
    edges.push_back({{"id", e->id},
                     {"owner", e->owner},
                     {"owned", e->owned},
                     {"percent", e->percent ? nlohmann::json(*e->percent) : nlohmann::json()},
                     {"control", e->control}});
  }
  nlohmann::json roles = nlohmann::json::array();
  for (const parties::RoleEdge* e : n.roles) {
    roles.push_back({{"id", e->id}, {"person", e->person}, {"entity", e->entity}, {"role", e->role}});
  }
  return {{"nodes", nodes}, {"ownership", edges}, {"roles", roles}};
}

}  // namespace ckyc::app
