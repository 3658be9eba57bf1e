#include "parties/assess.h"

#include <algorithm>
#include <set>

namespace ckyc::parties {
namespace {

bool Has(const std::vector<std::string>& v, const std::string& x) {
  return std::find(v.begin(), v.end(), x) != v.end();
}

std::string DeclaredCountry(const Party& p, const OwnershipIndex& index, const AssessParameters& params) {
  if (p.kind == PartyKind::kLegalEntity) return index.HeadquartersOf(p.id, params.ownership).country;
  if (p.address && !p.address->country.empty()) return p.address->country;
  return p.residence_country;
}

bool InD5OrMacau(const std::string& country, const CountryGroups& groups, const Date& on) {
  return !country.empty() && (groups.IsMember("D:5", country, on) || groups.IsMember("MACAU", country, on));
}

}  // namespace

std::string UsPersonStatusName(UsPersonStatus s) {
  switch (s) {
    case UsPersonStatus::kUsCitizen: return "us_citizen";
    case UsPersonStatus::kUsPermanentResident: return "us_lpr";
    case UsPersonStatus::kUsIncorporatedEntity: return "us_incorporated_entity";
    case UsPersonStatus::kLocatedInUs: return "located_in_us";
    case UsPersonStatus::kForeign: return "foreign";
    case UsPersonStatus::kUndetermined: return "undetermined";
  }
  return "undetermined";
}

UsPersonDetermination DetermineUsPerson(const Party& p, const AssessParameters& params) {
  UsPersonDetermination d;
  const std::string address_country = p.address ? p.address->country : "";
  if (p.kind == PartyKind::kIndividual) {
    if (p.us_citizen.value_or(false)) {
      d.status = UsPersonStatus::kUsCitizen;
      d.basis.push_back("declared US citizen");
    } else if (p.us_permanent_resident.value_or(false)) {
      d.status = UsPersonStatus::kUsPermanentResident;
      d.basis.push_back("declared US lawful permanent resident");
    } else if (p.residence_country == "US" || address_country == "US") {
      d.status = UsPersonStatus::kLocatedInUs;
      d.basis.push_back(p.residence_country == "US" ? "residence in the US" : "address in the US");
    } else if (Has(p.nationalities, "US")) {
      d.status = UsPersonStatus::kUsCitizen;
      d.basis.push_back("US nationality");
    } else if (!p.nationalities.empty() || !p.residence_country.empty() || !address_country.empty()) {
      d.status = UsPersonStatus::kForeign;
      if (!p.nationalities.empty()) d.basis.push_back("nationality " + p.nationalities.front());
      if (!p.residence_country.empty()) d.basis.push_back("residence " + p.residence_country);
      if (!address_country.empty()) d.basis.push_back("address in " + address_country);
    } else {
      d.basis.push_back("no citizenship, residence or address on file");
    }
    return d;
  }
  if (p.incorporation_country == "US") {
    d.status = UsPersonStatus::kUsIncorporatedEntity;
    d.basis.push_back("incorporated in the US");
  } else if (params.entity_us_location_counts && (address_country == "US" || p.headquarters_country == "US")) {
    d.status = UsPersonStatus::kLocatedInUs;
    d.basis.push_back(address_country == "US" ? "business address in the US" : "principal place of business in the US");
  } else if (!p.incorporation_country.empty() || !p.headquarters_country.empty() || !address_country.empty()) {
    d.status = UsPersonStatus::kForeign;
    if (!p.incorporation_country.empty()) d.basis.push_back("incorporated in " + p.incorporation_country);
    if (!p.headquarters_country.empty()) d.basis.push_back("principal place of business " + p.headquarters_country);
    if (!address_country.empty()) d.basis.push_back("address in " + address_country);
  } else {
    d.basis.push_back("no incorporation, headquarters or address on file");
  }
  return d;
}

std::vector<std::string> CipGaps(const Party& p, const std::vector<std::string>& required) {
  std::vector<std::string> missing;
  for (const std::string& field : required) {
    bool have = true;
    if (field == "name") have = !p.name.empty();
    if (field == "address") have = p.address && !p.address->country.empty() && !p.address->city.empty();
    if (field == "email") have = !p.emails.empty();
    if (field == "phone") have = !p.phones.empty();
    if (field == "payment") have = !p.payments.empty();
    if (field == "access_ip") have = !p.access.empty();
    if (field == "national_id") have = !p.registration_number.empty();
    if (!have) missing.push_back(field);
  }
  return missing;
}

Assessment Assess(const OwnershipIndex& index, const std::string& id, const AssessParameters& params,
                  const CountryGroups& groups, const Date& on, const IpGeolocator* geo) {
  Assessment a;
  a.id = id;
  const Party* p = index.Find(id);
  if (p == nullptr) return a;
  a.us_person = DetermineUsPerson(*p, params);
  const bool foreign =
      a.us_person.status == UsPersonStatus::kForeign || a.us_person.status == UsPersonStatus::kUndetermined;
  if (foreign) a.cip_missing = CipGaps(*p, params.cip_required);

  // Contact data that points somewhere other than the declared country.
  const std::string declared = DeclaredCountry(*p, index, params);
  for (const std::string& phone : p->phones) {
    PhoneCheck c = CheckPhone(phone, declared);
    if (!c.valid) {
      a.red_flags.push_back({"phone-invalid", "'" + phone + "': " + c.reason});
    } else if (!declared.empty() && !c.region.empty() && c.region != declared) {
      a.red_flags.push_back({"phone-region-mismatch",
                             "phone " + c.e164 + " is a " + c.region + " number; declared country is " + declared});
    }
  }
  for (const std::string& email : p->emails) {
    EmailCheck c = CheckEmail(email);
    if (!c.valid) a.red_flags.push_back({"email-invalid", "'" + email + "': " + c.reason});
  }
  for (const PaymentInstrument& pi : p->payments) {
    if (!declared.empty() && !pi.institution_country.empty() && pi.institution_country != declared) {
      a.red_flags.push_back({"payment-country", "paid through " + (pi.institution.empty() ? pi.type : pi.institution) +
                                                    " in " + pi.institution_country + "; declared country is " +
                                                    declared});
    }
  }
  if (geo == nullptr && !p->access.empty()) {
    a.red_flags.push_back({"login-country-unchecked", "no IP geolocation database configured"});
  } else if (geo != nullptr) {
    std::map<std::string, int> countries;
    for (const AccessEvent& ev : p->access) {
      if (!Has(params.admin_actions, ev.action)) continue;
      auto c = geo->CountryOf(ev.ip);
      if (!c.ok()) {
        a.red_flags.push_back(
            {"access-ip-invalid", "access event at " + FormatTimestamp(ev.at) + ": " + c.status().message()});
      } else if (c->has_value()) {
        ++countries[**c];
      }
    }
    for (const auto& [country, n] : countries) {
      if (!declared.empty() && country != declared) {
        a.red_flags.push_back({"admin-login-country", std::to_string(n) + " administrative login(s) from " + country +
                                                          " (" + geo->Describe() + "); declared country is " +
                                                          declared});
      }
    }
  }

  // Ownership and headquarters.
  a.ultimate_parent = index.UltimateParentOf(id, params.ownership);
  a.headquarters = index.HeadquartersOf(id, params.ownership);
  a.parent_headquarters = index.HeadquartersOf(a.ultimate_parent.id, params.ownership);
  a.hq_in_d5_or_macau = InD5OrMacau(a.headquarters.country, groups, on);
  a.parent_hq_in_d5_or_macau = InD5OrMacau(a.parent_headquarters.country, groups, on);
  if (a.parent_hq_in_d5_or_macau && !a.hq_in_d5_or_macau) {
    a.red_flags.push_back({"parent-in-d5", "ultimate parent " + a.ultimate_parent.id + " is headquartered in " +
                                               a.parent_headquarters.country + " (D:5 or Macau)"});
  }
  a.ownership = index.EffectiveOwnershipOf(id, params.ownership);
  if (a.ownership.undetermined) {
    a.red_flags.push_back({"ownership-undetermined", "an owner's percentage is unknown on some path"});
  }
  a.beneficial_owners = index.BeneficialOwnersOf(id, params.ownership);
  for (const BeneficialOwner& bo : a.beneficial_owners) {
    const Party* owner = index.Find(bo.id);
    if (owner == nullptr) continue;
    const auto s = DetermineUsPerson(*owner, params).status;
    if (s == UsPersonStatus::kForeign || s == UsPersonStatus::kUndetermined) {
      a.foreign_beneficial_owners.push_back(bo.id);
      for (const std::string& gap : CipGaps(*owner, params.beneficial_owner_required)) {
        a.cip_missing.push_back("beneficial owner " + bo.id + ": " + gap);
      }
    }
  }
  auto ofac = index.Aggregate(params.ownership.ofac_lists, params.ownership.ofac_percent, false, params.ownership);
  if (auto it = ofac.find(id); it != ofac.end()) a.ofac = it->second;
  a.bis_rule_in_force = params.ownership.bis_affiliates_in_force;
  auto bis = index.Aggregate(params.ownership.bis_lists, params.ownership.bis_percent, true, params.ownership);
  if (auto it = bis.find(id); it != bis.end()) a.bis = it->second;
  return a;
}

}  // namespace ckyc::parties
