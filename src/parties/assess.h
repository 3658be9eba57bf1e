// What a compliance officer needs to know about one party, each answer with its basis:
// US-person status, CIP gaps, red flags from inconsistent contact data, the ultimate parent and
// headquarters (and whether either is in Country Group D:5 or Macau), effective ownership by
// country, beneficial owners, and the OFAC 50 % / BIS affiliates aggregation results.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/country.h"
#include "parties/checks.h"
#include "parties/ownership.h"

namespace ckyc::parties {

enum class UsPersonStatus {
  kUsCitizen,
  kUsPermanentResident,
  kUsIncorporatedEntity,
  kLocatedInUs,
  kForeign,
  kUndetermined,
};
std::string UsPersonStatusName(UsPersonStatus s);  // "us_citizen", ..., "undetermined"

struct UsPersonDetermination {
  UsPersonStatus status = UsPersonStatus::kUndetermined;
  std::vector<std::string> basis;  // the facts used
};

struct AssessParameters {
  OwnershipParameters ownership;
  // IaaS NPRM: "any person located in the United States" is a U.S. person. For entities, whether a
  // US business address counts is a policy choice.
  bool entity_us_location_counts = true;
  // CIP fields required of a foreign customer (IaaS NPRM §7.302 as summarised): name, address,
  // email, phone, payment, access_ip; "national_id" may be added by policy.
  std::vector<std::string> cip_required = {"name", "address", "email", "phone", "payment", "access_ip"};
  std::vector<std::string> beneficial_owner_required = {"name", "address"};
  // Access actions that count as administration for the login-country check.
  std::vector<std::string> admin_actions = {"console_login", "api_admin", "iam_change", "billing_change"};
};

struct RedFlag {
  std::string code;  // "phone-region-mismatch", "admin-login-country", "payment-country", ...
  std::string detail;
};

struct Assessment {
  std::string id;
  UsPersonDetermination us_person;
  std::vector<std::string> cip_missing;
  std::vector<RedFlag> red_flags;
  UltimateParent ultimate_parent;
  Headquarters headquarters;
  Headquarters parent_headquarters;
  bool hq_in_d5_or_macau = false;
  bool parent_hq_in_d5_or_macau = false;
  EffectiveOwnership ownership;
  std::vector<BeneficialOwner> beneficial_owners;
  std::vector<std::string> foreign_beneficial_owners;
  AggregateStatus ofac;
  AggregateStatus bis;
  bool bis_rule_in_force = false;
};

UsPersonDetermination DetermineUsPerson(const Party& p, const AssessParameters& params);
std::vector<std::string> CipGaps(const Party& p, const std::vector<std::string>& required);

// `geo` may be null (no IP database): the login-country check is then skipped and says so.
Assessment Assess(const OwnershipIndex& index, const std::string& id, const AssessParameters& params,
                  const CountryGroups& groups, const Date& on, const IpGeolocator* geo);

}  // namespace ckyc::parties
