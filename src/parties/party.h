// The parties a provider must know: customers (individuals and legal entities), their beneficial
// owners, directors and officers, resellers, and the ownership and control edges between them.
// Plain values; identifiers are the stable strings of the provider's own systems.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/date.h"

namespace ckyc::parties {

enum class PartyKind { kIndividual, kLegalEntity };

struct Address {
  std::string street;
  std::string city;
  std::string region;
  std::string postal_code;
  std::string country;  // ISO 3166-1 alpha-2
};

// A payment instrument as stored: the number is a keyed token, never the clear number.
struct PaymentInstrument {
  std::string type;                 // card, bank_account, wallet, invoice, other
  std::string institution;          // financial institution name
  std::string institution_country;  // alpha-2
  std::string token;                // "tok_..." (keyed BLAKE2b of the number)
  std::string last4;
};

struct AccessEvent {
  std::string ip;
  UnixSeconds at = 0;
  std::string action;  // console_login, api_admin, iam_change, billing_change, ...
};

struct Party {
  std::string id;
  PartyKind kind = PartyKind::kLegalEntity;
  std::string name;
  std::vector<std::string> other_names;  // aliases, transliterations, names in original script
  // Entities: where incorporated, and where the business is really run (principal place of
  // business). They differ for a Cayman holding run from Beijing.
  std::string incorporation_country;
  std::string headquarters_country;
  std::string registration_number;
  // Individuals.
  std::vector<std::string> nationalities;
  std::string residence_country;
  std::optional<bool> us_citizen;
  std::optional<bool> us_permanent_resident;
  std::optional<Date> date_of_birth;
  // Both.
  std::optional<Address> address;
  std::vector<std::string> emails;
  std::vector<std::string> phones;
  std::vector<PaymentInstrument> payments;
  std::vector<AccessEvent> access;
  // Restricted-party designations known for this party ("SDN", "EL", "MEU", "SSI", ...), as
  // imported or as found by screening.
  std::vector<std::string> lists;
  bool state_owned = false;
  // Role in the provider's book.
  bool customer = false;
  bool reseller = false;
  std::string via_reseller;  // id of the reseller this customer came through, if any
  std::vector<std::string> accounts;
  std::size_t line = 0;  // where it was imported from, for messages
  std::string source;
};

// owner holds `percent` of owned (nullopt: unknown), and/or controls it.
struct OwnershipEdge {
  std::string id;
  std::string owner;
  std::string owned;
  std::optional<double> percent;  // 0..100
  bool control = false;           // substantial control without (or beyond) ownership
  std::optional<Date> start;
  std::optional<Date> end;
  std::string source;
  bool ActiveOn(const Date& d) const { return (!start || *start <= d) && (!end || d <= *end); }
};

// A director, officer or other role of a person in an entity.
struct RoleEdge {
  std::string id;
  std::string person;
  std::string entity;
  std::string role;  // director, officer, signatory, ...
};

// The parties and edges known, indexed by id. Loading checks referential integrity.
struct PartyGraph {
  std::map<std::string, Party> parties;
  std::vector<OwnershipEdge> ownership;
  std::vector<RoleEdge> roles;
};

}  // namespace ckyc::parties
