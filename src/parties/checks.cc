#include "parties/checks.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <phonenumbers/phonenumberutil.h>

#include <cstddef>
#include <cstdint>
#include <exception>
#include <string>
#include <string_view>
#include <utility>

namespace ckyc::parties {
namespace {

using i18n::phonenumbers::PhoneNumber;
using i18n::phonenumbers::PhoneNumberUtil;

// ---------------------------------------------------------------------------------------------------
// Phone numbers

// True when the number's first significant character is a plus sign (ASCII or full-width '＋'), i.e.
// it claims a country calling code, as opposed to being written in national form.
bool StartsWithPlus(std::string_view number) {
  constexpr std::string_view kFullWidthPlus = "\xef\xbc\x8b";  // U+FF0B
  constexpr std::string_view kFullWidthDigit = "\xef\xbc";     // U+FF10..U+FF19 continue with \x90..\x99
  for (std::size_t i = 0; i < number.size(); ++i) {
    const std::string_view rest = number.substr(i);
    if (rest[0] == '+' || rest.substr(0, 3) == kFullWidthPlus) return true;
    if (rest[0] >= '0' && rest[0] <= '9') return false;
    if (rest.size() >= 3 && rest.substr(0, 2) == kFullWidthDigit && static_cast<unsigned char>(rest[2]) >= 0x90 &&
        static_cast<unsigned char>(rest[2]) <= 0x99) {
      return false;
    }
  }
  return false;
}

// `region` is the region passed to Parse ("ZZ" when none was usable); `default_region` as given.
std::string ParseErrorReason(PhoneNumberUtil::ErrorType error, std::string_view number, const std::string& region,
                             std::string_view default_region) {
  switch (error) {
    case PhoneNumberUtil::NO_PARSING_ERROR: return "";
    case PhoneNumberUtil::INVALID_COUNTRY_CODE_ERROR:
      if (region == "ZZ" && !StartsWithPlus(number)) {
        if (!default_region.empty()) {
          return "no country calling code, and default region '" + std::string(default_region) + "' is not one " +
                 "libphonenumber knows";
        }
        return "no country calling code (write the number as +<code>... or give a default region)";
      }
      return "unknown country calling code";
    case PhoneNumberUtil::NOT_A_NUMBER: return "not a phone number";
    case PhoneNumberUtil::TOO_SHORT_AFTER_IDD: return "too short after the international dialling prefix";
    case PhoneNumberUtil::TOO_SHORT_NSN: return "too short to be a phone number";
    case PhoneNumberUtil::TOO_LONG_NSN: return "too long to be a phone number";
  }
  return "not a phone number";
}

// libphonenumber answers "ZZ" for an unknown region and "001" for non-geographic entities (+800
// freephone, +882 satellite): neither is a country, so both become "".
std::string CountryOrEmpty(const std::string& region) {
  if (region.size() != 2 || region == "ZZ") return "";
  return region;
}

PhoneCheck CheckPhoneUnguarded(std::string_view number, std::string_view default_region) {
  PhoneCheck out;
  const PhoneNumberUtil& util = *PhoneNumberUtil::GetInstance();  // thread-safe singleton

  // Region codes are upper-case in libphonenumber's metadata; "us" would read as an unknown region.
  std::string region = default_region.empty() ? "ZZ" : std::string(default_region);
  for (char& c : region) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  // A default region libphonenumber has no metadata for (a typo, or a territory without its own
  // numbering plan such as "AQ") must not spoil numbers written with +<code>: parse as if none was given.
  if (region != "ZZ" && util.GetCountryCodeForRegion(region) == 0) region = "ZZ";

  PhoneNumber parsed;
  const PhoneNumberUtil::ErrorType error = util.Parse(std::string(number), region, &parsed);
  if (error != PhoneNumberUtil::NO_PARSING_ERROR) {
    out.reason = ParseErrorReason(error, number, region, default_region);
    return out;
  }
  util.Format(parsed, PhoneNumberUtil::E164, &out.e164);

  std::string number_region;
  util.GetRegionCodeForNumber(parsed, &number_region);
  out.region = CountryOrEmpty(number_region);
  if (util.IsValidNumber(parsed)) {
    out.valid = true;
    return out;
  }
  // Invalid: say as precisely as the library allows why. The region of an invalid number is known
  // only when its calling code belongs to one region (+86 → CN); for shared codes (+1, +7) it is not.
  std::string where;
  if (!out.region.empty()) {
    where = "region " + out.region;
  } else {
    where = "country calling code +" + std::to_string(parsed.country_code());
  }
  switch (util.IsPossibleNumberWithReason(parsed)) {
    case PhoneNumberUtil::TOO_SHORT: out.reason = "too short for " + where; break;
    case PhoneNumberUtil::TOO_LONG: out.reason = "too long for " + where; break;
    case PhoneNumberUtil::INVALID_LENGTH: out.reason = "wrong length for " + where; break;
    case PhoneNumberUtil::INVALID_COUNTRY_CODE: out.reason = "unknown country calling code"; break;
    default: out.reason = "not a valid number for " + where; break;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------
// E-mail addresses

// RFC 5321 limits, in octets: a path is at most 256 including the angle brackets, so an address is
// at most 254; a local part at most 64; a DNS name at most 253 in text form; a label at most 63.
constexpr std::size_t kMaxAddress = 254;
constexpr std::size_t kMaxLocalPart = 64;
constexpr std::size_t kMaxDomain = 253;
constexpr std::size_t kMaxLabel = 63;

bool IsAsciiAlpha(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool IsAsciiDigit(unsigned char c) {
  return c >= '0' && c <= '9';
}

// RFC 5322 atext: the characters a dot-atom may hold besides '.'.
bool IsAtext(unsigned char c) {
  if (IsAsciiAlpha(c) || IsAsciiDigit(c)) return true;
  return std::string_view("!#$%&'*+-/=?^_`{|}~").find(static_cast<char>(c)) != std::string_view::npos;
}

// How to show one offending octet in a reason: printable ASCII as itself, the rest as \xNN.
std::string Shown(unsigned char c) {
  if (c > 0x20 && c < 0x7f) return std::string("'") + static_cast<char>(c) + "'";
  if (c == ' ') return "space";
  constexpr char kHex[] = "0123456789abcdef";
  return std::string("byte \\x") + kHex[c >> 4] + kHex[c & 0xf];
}

// Length of the well-formed UTF-8 sequence starting at s[i] (a non-ASCII lead byte), or 0 when it is
// malformed: truncated, a stray continuation byte, overlong, a surrogate, or beyond U+10FFFF.
// RFC 6531 (SMTPUTF8) allows such characters in local parts, and IDNs put them in domains.
std::size_t Utf8SequenceLength(std::string_view s, std::size_t i) {
  const auto lead = static_cast<unsigned char>(s[i]);
  std::size_t len = 0;
  unsigned char lo = 0x80;
  unsigned char hi = 0xbf;  // allowed range of the second byte (RFC 3629 table)
  if (lead >= 0xc2 && lead <= 0xdf) {
    len = 2;
  } else if (lead >= 0xe0 && lead <= 0xef) {
    len = 3;
    if (lead == 0xe0) lo = 0xa0;  // overlong
    if (lead == 0xed) hi = 0x9f;  // surrogates
  } else if (lead >= 0xf0 && lead <= 0xf4) {
    len = 4;
    if (lead == 0xf0) lo = 0x90;  // overlong
    if (lead == 0xf4) hi = 0x8f;  // > U+10FFFF
  } else {
    return 0;
  }
  if (i + len > s.size()) return 0;
  for (std::size_t k = 1; k < len; ++k) {
    const auto c = static_cast<unsigned char>(s[i + k]);
    const unsigned char min = k == 1 ? lo : 0x80;
    const unsigned char max = k == 1 ? hi : 0xbf;
    if (c < min || c > max) return 0;
  }
  return len;
}

// Dot-atom local part: atext (or UTF-8) runs separated by single dots. Returns a reason or "".
std::string CheckDotAtomLocal(std::string_view local) {
  if (local.front() == '.' || local.back() == '.') return "local part starts or ends with '.'";
  for (std::size_t i = 0; i < local.size();) {
    const auto c = static_cast<unsigned char>(local[i]);
    if (c == '.') {
      if (local[i + 1] == '.') return "local part has consecutive dots '..'";  // i + 1 < size: no trailing dot
      ++i;
    } else if (c >= 0x80) {
      const std::size_t len = Utf8SequenceLength(local, i);
      if (len == 0) return "local part is not valid UTF-8";
      i += len;
    } else if (IsAtext(c)) {
      ++i;
    } else {
      return "character " + Shown(c) + " is not allowed in an unquoted local part";
    }
  }
  return "";
}

// Body of a quoted local part (between the quotes): qtext, space, tab, or quoted pairs. `quoted`
// includes both quotes and has been delimited by the caller. Returns a reason or "".
std::string CheckQuotedLocal(std::string_view quoted) {
  if (quoted.size() == 2) return "empty quoted local part";
  for (std::size_t i = 1; i + 1 < quoted.size();) {
    const auto c = static_cast<unsigned char>(quoted[i]);
    if (c == '\\') {  // quoted-pair: a backslash and one printable character, space or tab
      const auto next = static_cast<unsigned char>(quoted[i + 1]);
      if (next < 0x20 && next != '\t') return "quoted local part: control character after '\\'";
      if (next == 0x7f) return "quoted local part: control character after '\\'";
      i += 2;
    } else if (c >= 0x80) {
      const std::size_t len = Utf8SequenceLength(quoted, i);
      if (len == 0) return "local part is not valid UTF-8";
      i += len;
    } else if ((c < 0x20 && c != '\t') || c == 0x7f) {
      return "quoted local part: control " + Shown(c);
    } else {
      ++i;  // '"' cannot occur here unescaped: the caller ended the quoted string at the first one
    }
  }
  return "";
}

// Finds the end of a quoted string starting at s[0] == '"': the index just past the closing quote,
// or npos when it is unterminated.
std::size_t QuotedStringEnd(std::string_view s) {
  for (std::size_t i = 1; i < s.size(); ++i) {
    if (s[i] == '\\') {
      ++i;  // skip the escaped character, whatever it is
    } else if (s[i] == '"') {
      return i + 1;
    }
  }
  return std::string_view::npos;
}

// "[192.0.2.1]" or "[IPv6:2001:db8::1]" (RFC 5321 address literals). Sets `normalized` to the
// literal with a lower-cased address and the tag spelled "IPv6:". Returns a reason or "".
std::string CheckAddressLiteral(std::string_view domain, std::string* normalized) {
  if (domain.back() != ']') return "IP literal domain is missing its closing ']'";
  std::string inner(domain.substr(1, domain.size() - 2));
  constexpr std::string_view kTag = "ipv6:";
  std::string lower = inner;
  for (char& c : lower) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  if (lower.compare(0, kTag.size(), kTag) == 0) {
    in6_addr v6{};
    const std::string addr = lower.substr(kTag.size());
    if (addr.find('\0') != std::string::npos || inet_pton(AF_INET6, addr.c_str(), &v6) != 1) {
      return "IP literal '" + inner + "' is not a valid IPv6 address";
    }
    *normalized = "[IPv6:" + addr + "]";
    return "";
  }
  in_addr v4{};
  if (inner.find('\0') != std::string::npos || inet_pton(AF_INET, inner.c_str(), &v4) != 1) {
    return "IP literal '" + inner + "' is not a valid IPv4 address (IPv6 is written [IPv6:...])";
  }
  *normalized = "[" + inner + "]";
  return "";
}

// A DNS name of at least two labels. Labels are LDH (letters, digits, hyphens; no hyphen at either
// end) or carry UTF-8 (an IDN in U-label form, left as given: checking it fully needs IDNA2008
// mapping, which is out of scope here, so U-labels get only the UTF-8 and hyphen checks).
std::string CheckDomainName(std::string_view domain) {
  if (domain.size() > kMaxDomain) return "domain longer than " + std::to_string(kMaxDomain) + " characters";
  if (domain.back() == '.') return "domain ends with '.'";
  if (domain.front() == '.') return "domain starts with '.'";
  if (domain.find('.') == std::string_view::npos) return "domain '" + std::string(domain) + "' has no '.'";
  std::size_t start = 0;
  while (start <= domain.size()) {
    std::size_t end = domain.find('.', start);
    if (end == std::string_view::npos) end = domain.size();
    const std::string_view label = domain.substr(start, end - start);
    if (label.empty()) return "domain has consecutive dots '..'";
    bool ascii = true;
    bool all_digits = true;
    for (std::size_t i = 0; i < label.size();) {
      const auto c = static_cast<unsigned char>(label[i]);
      if (c >= 0x80) {
        const std::size_t len = Utf8SequenceLength(label, i);
        if (len == 0) return "domain is not valid UTF-8";
        ascii = false;
        all_digits = false;
        i += len;
        continue;
      }
      if (!IsAsciiAlpha(c) && !IsAsciiDigit(c) && c != '-') {
        return "character " + Shown(c) + " is not allowed in a domain";
      }
      if (!IsAsciiDigit(c)) all_digits = false;
      ++i;
    }
    if (ascii && label.size() > kMaxLabel) {
      return "domain label '" + std::string(label) + "' is longer than " + std::to_string(kMaxLabel) + " characters";
    }
    if (label.front() == '-' || label.back() == '-') {
      return "domain label '" + std::string(label) + "' starts or ends with '-'";
    }
    if (end == domain.size()) {
      // RFC 3696 §2: a top-level domain is never all-numeric, so "user@192.0.2.1" is a mistyped
      // address literal rather than a host name.
      if (all_digits) return "top-level domain is all digits (write an IP address as [192.0.2.1])";
      break;
    }
    start = end + 1;
  }
  return "";
}

std::string LowerAscii(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

}  // namespace

PhoneCheck CheckPhone(std::string_view number, std::string_view default_region) {
  // libphonenumber reports through return codes, but it allocates and sits on protobuf and ICU:
  // nothing it throws may cross this module edge.
  try {
    return CheckPhoneUnguarded(number, default_region);
  } catch (const std::exception& e) {
    PhoneCheck out;
    out.reason = std::string("phone number library failed: ") + e.what();
    return out;
  } catch (...) {
    PhoneCheck out;
    out.reason = "phone number library failed";
    return out;
  }
}

EmailCheck CheckEmail(std::string_view address) {
  EmailCheck out;
  auto fail = [&out](std::string reason) {
    out.reason = std::move(reason);
    return out;
  };
  if (address.empty()) return fail("empty address");
  if (address.size() > kMaxAddress) {
    return fail("longer than " + std::to_string(kMaxAddress) + " characters (" + std::to_string(address.size()) + ")");
  }

  // Split local part from domain. A quoted local part may itself contain '@', so it is delimited by
  // its closing quote; an unquoted one ends at the first '@' ('@' is not atext).
  std::size_t at = std::string_view::npos;
  if (address.front() == '"') {
    const std::size_t end = QuotedStringEnd(address);
    if (end == std::string_view::npos) return fail("unterminated quoted local part");
    if (end == address.size() || address[end] != '@') {
      return fail(end == address.size() ? "missing '@'" : "a quoted local part must be followed by '@'");
    }
    at = end;
  } else {
    at = address.find('@');
    if (at == std::string_view::npos) return fail("missing '@'");
  }
  const std::string_view local = address.substr(0, at);
  const std::string_view domain = address.substr(at + 1);

  if (local.empty()) return fail("empty local part (before '@')");
  if (local.size() > kMaxLocalPart) {
    return fail("local part longer than " + std::to_string(kMaxLocalPart) + " characters (" +
                std::to_string(local.size()) + ")");
  }
  std::string reason = local.front() == '"' ? CheckQuotedLocal(local) : CheckDotAtomLocal(local);
  if (!reason.empty()) return fail(std::move(reason));

  if (domain.empty()) return fail("empty domain (after '@')");
  if (domain.find('@') != std::string_view::npos) {
    return fail("more than one '@' (an '@' in the local part must be quoted)");
  }
  std::string normalized;
  if (domain.front() == '[') {
    reason = CheckAddressLiteral(domain, &normalized);
  } else {
    reason = CheckDomainName(domain);
    normalized = LowerAscii(domain);  // IDN labels: only their ASCII letters change
  }
  if (!reason.empty()) return fail(std::move(reason));

  out.valid = true;
  out.domain = std::move(normalized);
  return out;
}

}  // namespace ckyc::parties
