// Verification checks on CIP contact data, with the libraries made for the job: phone numbers with
// libphonenumber, e-mail syntax (no network calls), IP addresses to countries through an injected
// geolocator (MaxMind DB files are read in app/, not here).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/status.h"

namespace ckyc::parties {

struct PhoneCheck {
  bool valid = false;
  std::string region;  // ISO 3166-1 alpha-2 the number belongs to ("CN", "HK", "US"), empty if unknown
  std::string e164;    // "+8613800138000" when parseable
  std::string reason;  // why invalid, for people: "not a valid number for region CN"
};
// `default_region` (alpha-2) is used for numbers written without a +country code.
PhoneCheck CheckPhone(std::string_view number, std::string_view default_region = "");

struct EmailCheck {
  bool valid = false;
  std::string domain;  // lower-cased; IDNs left as given
  std::string reason;
};
// Syntax per RFC 5322 addr-spec as mail systems accept it in practice (dot-atom local part or a
// quoted string; a domain of LDH labels with a dot, or a bracketed IP literal). No DNS lookups.
EmailCheck CheckEmail(std::string_view address);

// Maps an IP address to the country it is registered in. [Threading] implementations are
// read-only after construction and safe to share.
class IpGeolocator {
 public:
  virtual ~IpGeolocator() = default;
  // nullopt when the address is valid but not in the database; InvalidArgument when it is not a
  // numeric IP address; Corruption when the database record cannot be read.
  virtual Result<std::optional<std::string>> CountryOf(std::string_view ip) const = 0;
  virtual std::string Describe() const = 0;  // which database, for the basis of a determination
};

}  // namespace ckyc::parties
