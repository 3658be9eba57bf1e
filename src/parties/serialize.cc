#include "parties/serialize.h"

#include <nlohmann/json.hpp>

namespace ckyc::parties {
namespace {

void SetIf(nlohmann::json& j, const char* key, const std::string& v) {
  if (!v.empty()) j[key] = v;
}

}  // namespace

std::string ToJsonLine(const Party& p) {
  nlohmann::json j;
  j["type"] = "party";
  j["id"] = p.id;
  j["kind"] = p.kind == PartyKind::kIndividual ? "individual" : "entity";
  j["name"] = p.name;
  if (!p.other_names.empty()) j["other_names"] = p.other_names;
  SetIf(j, "incorporation_country", p.incorporation_country);
  SetIf(j, "headquarters_country", p.headquarters_country);
  SetIf(j, "registration_number", p.registration_number);
  if (!p.nationalities.empty()) j["nationalities"] = p.nationalities;
  SetIf(j, "residence_country", p.residence_country);
  if (p.us_citizen) j["us_citizen"] = *p.us_citizen;
  if (p.us_permanent_resident) j["us_permanent_resident"] = *p.us_permanent_resident;
  if (p.date_of_birth) j["date_of_birth"] = FormatDate(*p.date_of_birth);
  if (p.address) {
    j["address"] = {{"street", p.address->street},
                    {"city", p.address->city},
                    {"region", p.address->region},
                    {"postal_code", p.address->postal_code},
                    {"country", p.address->country}};
  }
  if (!p.emails.empty()) j["emails"] = p.emails;
  if (!p.phones.empty()) j["phones"] = p.phones;
  for (const PaymentInstrument& pi : p.payments) {
    j["payments"].push_back({{"type", pi.type},
                             {"institution", pi.institution},
                             {"institution_country", pi.institution_country},
                             {"token", pi.token},
                             {"last4", pi.last4}});
  }
  for (const AccessEvent& ev : p.access) {
    j["access"].push_back({{"ip", ev.ip}, {"at", FormatTimestamp(ev.at)}, {"action", ev.action}});
  }
  if (!p.lists.empty()) j["lists"] = p.lists;
  if (p.state_owned) j["state_owned"] = true;
  if (p.customer) j["customer"] = true;
  if (p.reseller) j["reseller"] = true;
  SetIf(j, "via_reseller", p.via_reseller);
  if (!p.accounts.empty()) j["accounts"] = p.accounts;
  return j.dump();
}

std::string ToJsonLine(const OwnershipEdge& e) {
  nlohmann::json j;
  j["type"] = "ownership";
  j["id"] = e.id;
  j["owner"] = e.owner;
  j["owned"] = e.owned;
  if (e.percent) j["percent"] = *e.percent;
  if (e.control) j["control"] = true;
  if (e.start) j["start"] = FormatDate(*e.start);
  if (e.end) j["end"] = FormatDate(*e.end);
  SetIf(j, "source", e.source);
  return j.dump();
}

std::string ToJsonLine(const RoleEdge& e) {
  nlohmann::json j;
  j["type"] = "role";
  j["id"] = e.id;
  j["person"] = e.person;
  j["entity"] = e.entity;
  SetIf(j, "role", e.role);
  return j.dump();
}

}  // namespace ckyc::parties
