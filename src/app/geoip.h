// IP geolocation from database files: MaxMind DB (.mmdb: GeoLite2-Country, GeoIP2-Country, DB-IP
// country lite) through libmaxminddb, and, as a last resort, Debian's legacy `geoip-database`
// (GeoIP.dat / GeoIPv6.dat) through libGeoIP. Engines see only parties::IpGeolocator.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "core/status.h"
#include "parties/checks.h"

namespace ckyc::app {

// A country database in MaxMind DB format. The country is the record's country.iso_code, else its
// registered_country.iso_code (networks with no physical country, e.g. anycast, carry only the
// latter). IPv4-mapped IPv6 addresses (::ffff:a.b.c.d) are looked up as IPv4.
// [Threading] read-only after Open (the file is memory-mapped); CountryOf is safe from any thread.
class MaxMindGeolocator final : public parties::IpGeolocator {
 public:
  // Errors name the path: NotFound when the file does not exist, Corruption when it is not a valid
  // MaxMind DB, IoError otherwise.
  static Result<std::unique_ptr<MaxMindGeolocator>> Open(const std::string& mmdb_path);

  ~MaxMindGeolocator() override;
  MaxMindGeolocator(const MaxMindGeolocator&) = delete;
  MaxMindGeolocator& operator=(const MaxMindGeolocator&) = delete;

  // InvalidArgument unless `ip` is a numeric IPv4 (dotted quad) or IPv6 address, exactly;
  // Corruption when the record found cannot be read.
  Result<std::optional<std::string>> CountryOf(std::string_view ip) const override;
  // "MaxMind DB <path> (<database_type>, built <YYYY-MM-DD>)".
  std::string Describe() const override;

 private:
  struct Db;  // keeps maxminddb.h out of this header
  explicit MaxMindGeolocator(std::unique_ptr<Db> db);
  std::unique_ptr<Db> db_;
};

// Debian's `geoip-database` in the legacy GeoIP format, read with libGeoIP. MaxMind stopped
// publishing this format in 2019; Debian's copy is frozen at 2019-12-24 (its version reads
// "20230203+really20191224"), so answers may be years out of date, and Describe() says so.
// Legacy pseudo-countries (A1 anonymous proxy, A2 satellite, AP, EU, O1) are not ISO 3166-1
// countries and read as nullopt.
// [Threading] loaded into memory at Open; lookups use the reentrant *_gl calls and are thread-safe.
class LegacyGeoIpGeolocator final : public parties::IpGeolocator {
 public:
  // `v4_path` is a GeoIP Country (IPv4) edition; `v6_path`, when given, a Country V6 edition.
  // Without it, IPv6 addresses (other than IPv4-mapped ones) read as nullopt.
  static Result<std::unique_ptr<LegacyGeoIpGeolocator>> Open(const std::string& v4_path,
                                                             const std::optional<std::string>& v6_path);

  ~LegacyGeoIpGeolocator() override;
  LegacyGeoIpGeolocator(const LegacyGeoIpGeolocator&) = delete;
  LegacyGeoIpGeolocator& operator=(const LegacyGeoIpGeolocator&) = delete;

  Result<std::optional<std::string>> CountryOf(std::string_view ip) const override;
  std::string Describe() const override;

 private:
  struct Db;  // keeps GeoIP.h out of this header
  explicit LegacyGeoIpGeolocator(std::unique_ptr<Db> db);
  std::unique_ptr<Db> db_;
};

// The geolocator to use, first match wins:
//   1. `mmdb_path`, when given;
//   2. $CKYC_GEOIP_MMDB, when set and not empty;
//   3. the first existing of /usr/share/GeoIP/GeoLite2-Country.mmdb, /usr/share/GeoIP/dbip-country-lite.mmdb,
//      /var/lib/GeoIP/GeoLite2-Country.mmdb (where geoipupdate and Debian packages put them);
//   4. Debian's legacy /usr/share/GeoIP/GeoIP.dat (+ GeoIPv6.dat), package geoip-database.
// A path named in 1 or 2 that cannot be opened is an error, not a reason to fall through: the user
// asked for that database; a missing one is InvalidArgument (not NotFound), so that NotFound always
// means exactly "nothing named and nothing installed", with a message saying where to get a database.
// A database found in 3 or 4 that cannot be opened is reported too (it is installed but broken).
Result<std::unique_ptr<parties::IpGeolocator>> OpenDefaultGeolocator(const std::optional<std::string>& mmdb_path);

}  // namespace ckyc::app
