#include "app/geoip.h"

#include <GeoIP.h>
#include <arpa/inet.h>
#include <maxminddb.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <string>
#include <system_error>
#include <utility>
#include <vector>

namespace ckyc::app {
namespace {

// A numeric IP address, strictly parsed. IPv4-mapped IPv6 addresses are folded into IPv4 so that
// both spellings of one address give one answer, whatever aliases a database does or does not have.
struct ParsedIp {
  bool v4 = false;
  in_addr addr4{};
  in6_addr addr6{};
};

// How to quote caller input in a message without pasting a megabyte or control bytes into it.
std::string Quoted(std::string_view s) {
  constexpr std::size_t kMax = 64;
  std::string out = "'";
  for (std::size_t i = 0; i < s.size() && i < kMax; ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    out += (c >= 0x20 && c < 0x7f) ? static_cast<char>(c) : '?';
  }
  if (s.size() > kMax) out += "...";
  return out + "'";
}

// inet_pton rather than getaddrinfo (which MMDB_lookup_string uses): getaddrinfo's numeric parsing
// goes through inet_aton, which reads "010.0.0.1" as 8.0.0.1, "1" as 0.0.0.1 and accepts scope ids
// ("fe80::1%eth0"). A mis-read address would be geolocated confidently and wrongly; refuse it instead.
Result<ParsedIp> ParseIp(std::string_view ip) {
  ParsedIp out;
  if (ip.empty() || ip.size() >= INET6_ADDRSTRLEN || ip.find('\0') != std::string_view::npos) {
    return Status::InvalidArgument("not an IP address: " + Quoted(ip));
  }
  const std::string text(ip);
  if (inet_pton(AF_INET, text.c_str(), &out.addr4) == 1) {
    out.v4 = true;
    return out;
  }
  if (inet_pton(AF_INET6, text.c_str(), &out.addr6) != 1) {
    return Status::InvalidArgument("not an IP address: " + Quoted(ip));
  }
  if (IN6_IS_ADDR_V4MAPPED(&out.addr6)) {
    out.v4 = true;
    std::memcpy(&out.addr4, &out.addr6.s6_addr[12], 4);
  }
  return out;
}

bool IsUpperAlpha2(std::string_view code) {
  return code.size() == 2 && code[0] >= 'A' && code[0] <= 'Z' && code[1] >= 'A' && code[1] <= 'Z';
}

// NotFound for a missing file (so the caller can tell "absent" from "broken"), else OK.
Status RequireFile(const std::string& path, std::string_view what) {
  std::error_code ec;
  const bool exists = std::filesystem::exists(path, ec);
  if (ec) return Status::IoError(std::string(what) + " " + path + ": " + ec.message());
  if (!exists) return Status::NotFound(std::string(what) + " " + path + ": no such file");
  return Status::Ok();
}

std::string UtcDate(std::uint64_t epoch) {
  const auto t = static_cast<std::time_t>(epoch);
  std::tm tm{};
  if (gmtime_r(&t, &tm) == nullptr) return "unknown date";
  char buf[16];
  if (std::strftime(buf, sizeof buf, "%Y-%m-%d", &tm) == 0) return "unknown date";
  return buf;
}

}  // namespace

// ---------------------------------------------------------------------------------------------------
// MaxMindGeolocator

struct MaxMindGeolocator::Db {
  std::string path;
  MMDB_s mmdb{};
  bool open = false;
  ~Db() {
    if (open) MMDB_close(&mmdb);
  }
};

MaxMindGeolocator::MaxMindGeolocator(std::unique_ptr<Db> db) : db_(std::move(db)) {}
MaxMindGeolocator::~MaxMindGeolocator() = default;

Result<std::unique_ptr<MaxMindGeolocator>> MaxMindGeolocator::Open(const std::string& mmdb_path) {
  CKYC_RETURN_IF_ERROR(RequireFile(mmdb_path, "GeoIP database"));
  auto db = std::make_unique<Db>();
  db->path = mmdb_path;
  errno = 0;
  const int rc = MMDB_open(mmdb_path.c_str(), MMDB_MODE_MMAP, &db->mmdb);
  switch (rc) {
    case MMDB_SUCCESS: db->open = true; break;
    case MMDB_FILE_OPEN_ERROR:
    case MMDB_IO_ERROR: {
      const int err = errno;
      return Status::IoError("GeoIP database " + mmdb_path + ": " + MMDB_strerror(rc) +
                             (err != 0 ? std::string(": ") + std::strerror(err) : std::string()));
    }
    case MMDB_OUT_OF_MEMORY_ERROR: return Status::Internal("GeoIP database " + mmdb_path + ": " + MMDB_strerror(rc));
    default:
      return Status::Corruption("GeoIP database " + mmdb_path + ": not a valid MaxMind DB file: " + MMDB_strerror(rc));
  }
  // An ASN database sits beside the country one in the free downloads and opens without complaint,
  // but has no country in any record: every answer would be a silent "not found".
  const std::string type = db->mmdb.metadata.database_type != nullptr ? db->mmdb.metadata.database_type : "";
  if (type.find("ASN") != std::string::npos) {
    return Status::FailedPrecondition("GeoIP database " + mmdb_path + " is a '" + type +
                                      "' database, which has no countries; use a Country or City database");
  }
  return std::unique_ptr<MaxMindGeolocator>(new MaxMindGeolocator(std::move(db)));
}

Result<std::optional<std::string>> MaxMindGeolocator::CountryOf(std::string_view ip) const {
  CKYC_ASSIGN_OR_RETURN(const ParsedIp parsed, ParseIp(ip));
  int mmdb_error = MMDB_SUCCESS;
  MMDB_lookup_result_s result{};
  if (parsed.v4) {
    sockaddr_in sa{};
    sa.sin_family = AF_INET;
    sa.sin_addr = parsed.addr4;
    result = MMDB_lookup_sockaddr(&db_->mmdb, reinterpret_cast<const sockaddr*>(&sa), &mmdb_error);
  } else {
    sockaddr_in6 sa{};
    sa.sin6_family = AF_INET6;
    sa.sin6_addr = parsed.addr6;
    result = MMDB_lookup_sockaddr(&db_->mmdb, reinterpret_cast<const sockaddr*>(&sa), &mmdb_error);
  }
  // An IPv4-only database cannot hold an IPv6 address: a valid address it does not know.
  if (mmdb_error == MMDB_IPV6_LOOKUP_IN_IPV4_DATABASE_ERROR) return std::optional<std::string>();
  if (mmdb_error != MMDB_SUCCESS) {
    return Status::Corruption("GeoIP database " + db_->path + ": looking up " + Quoted(ip) + ": " +
                              MMDB_strerror(mmdb_error));
  }
  if (!result.found_entry) return std::optional<std::string>();

  // country.iso_code is where the network is used; registered_country.iso_code where it is
  // registered, the only one present for e.g. anycast and some satellite networks.
  for (const char* key : {"country", "registered_country"}) {
    const char* const path[] = {key, "iso_code", nullptr};
    MMDB_entry_data_s data{};
    const int rc = MMDB_aget_value(&result.entry, &data, path);
    // libmaxminddb reports a key missing from a map as "path does not match the data": absent.
    if (rc == MMDB_LOOKUP_PATH_DOES_NOT_MATCH_DATA_ERROR) continue;
    if (rc != MMDB_SUCCESS) {
      return Status::Corruption("GeoIP database " + db_->path + ": record for " + Quoted(ip) + ": " + key +
                                ".iso_code: " + MMDB_strerror(rc));
    }
    if (!data.has_data) continue;
    if (data.type != MMDB_DATA_TYPE_UTF8_STRING || !IsUpperAlpha2(std::string_view(data.utf8_string, data.data_size))) {
      return Status::Corruption("GeoIP database " + db_->path + ": record for " + Quoted(ip) + ": " + key +
                                ".iso_code is not an ISO 3166-1 alpha-2 code");
    }
    return std::optional<std::string>(std::string(data.utf8_string, data.data_size));
  }
  return std::optional<std::string>();
}

std::string MaxMindGeolocator::Describe() const {
  const MMDB_metadata_s& meta = db_->mmdb.metadata;
  return "MaxMind DB " + db_->path + " (" + (meta.database_type != nullptr ? meta.database_type : "unknown type") +
         ", built " + UtcDate(meta.build_epoch) + ")";
}

// ---------------------------------------------------------------------------------------------------
// LegacyGeoIpGeolocator

struct LegacyGeoIpGeolocator::Db {
  std::string v4_path;
  std::optional<std::string> v6_path;
  GeoIP* v4 = nullptr;
  GeoIP* v6 = nullptr;
  std::string info;  // GeoIP_database_info of the IPv4 file: edition and build date
  ~Db() {
    if (v4 != nullptr) GeoIP_delete(v4);
    if (v6 != nullptr) GeoIP_delete(v6);
  }
};

namespace {

// Opens a legacy file entirely into memory (GEOIP_MEMORY_CACHE: no file reads, and so no shared
// file position, after this) and checks it is a country edition of the expected family.
Result<GeoIP*> OpenLegacy(const std::string& path, bool v6) {
  CKYC_RETURN_IF_ERROR(RequireFile(path, "GeoIP database"));
  GeoIP* gi = GeoIP_open(path.c_str(), GEOIP_MEMORY_CACHE | GEOIP_SILENCE);
  if (gi == nullptr) return Status::Corruption("GeoIP database " + path + ": not a readable legacy GeoIP file");
  const int edition = GeoIP_database_edition(gi);
  const bool ok = v6 ? (edition == GEOIP_COUNTRY_EDITION_V6 || edition == GEOIP_LARGE_COUNTRY_EDITION_V6)
                     : (edition == GEOIP_COUNTRY_EDITION || edition == GEOIP_LARGE_COUNTRY_EDITION);
  if (!ok) {
    GeoIP_delete(gi);
    return Status::FailedPrecondition("GeoIP database " + path + ": not a legacy GeoIP Country" + (v6 ? " IPv6" : "") +
                                      " edition (edition " + std::to_string(edition) + ")");
  }
  return gi;
}

// Legacy codes that are not countries: unknown, anonymous proxy, satellite provider, Asia/Pacific,
// Europe, other.
bool IsLegacyPseudoCountry(std::string_view code) {
  return code == "--" || code == "A1" || code == "A2" || code == "AP" || code == "EU" || code == "O1";
}

}  // namespace

LegacyGeoIpGeolocator::LegacyGeoIpGeolocator(std::unique_ptr<Db> db) : db_(std::move(db)) {}
LegacyGeoIpGeolocator::~LegacyGeoIpGeolocator() = default;

Result<std::unique_ptr<LegacyGeoIpGeolocator>> LegacyGeoIpGeolocator::Open(const std::string& v4_path,
                                                                           const std::optional<std::string>& v6_path) {
  auto db = std::make_unique<Db>();
  db->v4_path = v4_path;
  db->v6_path = v6_path;
  CKYC_ASSIGN_OR_RETURN(db->v4, OpenLegacy(v4_path, /*v6=*/false));
  if (v6_path.has_value()) {
    CKYC_ASSIGN_OR_RETURN(db->v6, OpenLegacy(*v6_path, /*v6=*/true));
  }
  if (char* info = GeoIP_database_info(db->v4); info != nullptr) {
    db->info = info;
    std::free(info);  // malloc'd by libGeoIP
  }
  return std::unique_ptr<LegacyGeoIpGeolocator>(new LegacyGeoIpGeolocator(std::move(db)));
}

Result<std::optional<std::string>> LegacyGeoIpGeolocator::CountryOf(std::string_view ip) const {
  CKYC_ASSIGN_OR_RETURN(const ParsedIp parsed, ParseIp(ip));
  GeoIPLookup gl{};
  int id = 0;
  if (parsed.v4) {
    id = GeoIP_id_by_ipnum_gl(db_->v4, ntohl(parsed.addr4.s_addr), &gl);
  } else if (db_->v6 != nullptr) {
    id = GeoIP_id_by_ipnum_v6_gl(db_->v6, parsed.addr6, &gl);
  }
  if (id <= 0 || static_cast<unsigned>(id) >= GeoIP_num_countries()) return std::optional<std::string>();
  const char* code = GeoIP_code_by_id(id);
  if (code == nullptr || IsLegacyPseudoCountry(code) || !IsUpperAlpha2(code)) return std::optional<std::string>();
  return std::optional<std::string>(code);
}

std::string LegacyGeoIpGeolocator::Describe() const {
  std::string out = "legacy GeoIP " + db_->v4_path;
  if (db_->v6_path.has_value()) out += " + " + *db_->v6_path;
  if (!db_->info.empty()) out += " (" + db_->info + ")";
  return out + "; legacy data is no longer updated and may be years out of date";
}

// ---------------------------------------------------------------------------------------------------
// OpenDefaultGeolocator

namespace {

constexpr const char* kWellKnownMmdb[] = {
    "/usr/share/GeoIP/GeoLite2-Country.mmdb", "/usr/share/GeoIP/dbip-country-lite.mmdb",
    "/var/lib/GeoIP/GeoLite2-Country.mmdb",  // Debian's geoipupdate writes here
};
constexpr const char* kLegacyV4 = "/usr/share/GeoIP/GeoIP.dat";    // Debian package geoip-database
constexpr const char* kLegacyV6 = "/usr/share/GeoIP/GeoIPv6.dat";  // same package

bool FileExists(const char* path) {
  std::error_code ec;
  return std::filesystem::is_regular_file(path, ec);
}

}  // namespace

Result<std::unique_ptr<parties::IpGeolocator>> OpenDefaultGeolocator(const std::optional<std::string>& mmdb_path) {
  auto as_base = [](auto result) -> Result<std::unique_ptr<parties::IpGeolocator>> {
    if (!result.ok()) return result.status();
    return std::unique_ptr<parties::IpGeolocator>(std::move(result).value());
  };
  // NotFound from here means "no database anywhere", which callers may treat as "geolocation off".
  // A file the user named but that is missing is their mistake to hear about: InvalidArgument.
  auto named = [](const std::string& path, std::string_view context) -> Result<std::unique_ptr<parties::IpGeolocator>> {
    auto opened = MaxMindGeolocator::Open(path);
    if (opened.ok()) return std::unique_ptr<parties::IpGeolocator>(std::move(opened).value());
    Status status = opened.status();
    if (status.code() == StatusCode::kNotFound) status = Status::InvalidArgument(status.message());
    return context.empty() ? status : status.WithContext(context);
  };
  if (mmdb_path.has_value()) return named(*mmdb_path, "");
  if (const char* env = std::getenv("CKYC_GEOIP_MMDB"); env != nullptr && *env != '\0') {
    return named(env, "$CKYC_GEOIP_MMDB");
  }
  for (const char* path : kWellKnownMmdb) {
    if (FileExists(path)) return as_base(MaxMindGeolocator::Open(path));
  }
  // Last resort: the legacy format. Debian 12 still ships both the reader (libgeoip1) and data
  // (geoip-database), but the data is frozen at 2019-12-24; Describe() says so in every basis.
  if (FileExists(kLegacyV4)) {
    return as_base(LegacyGeoIpGeolocator::Open(
        kLegacyV4, FileExists(kLegacyV6) ? std::optional<std::string>(kLegacyV6) : std::nullopt));
  }
  std::string tried;
  for (const char* path : kWellKnownMmdb) tried += std::string(path) + ", ";
  tried += kLegacyV4;
  return Status::NotFound(
      "no IP geolocation database found (looked in " + tried +
      "). Get a country database in MaxMind DB format: GeoLite2-Country.mmdb (free MaxMind account; "
      "https://dev.maxmind.com/geoip/geolite2-free-geolocation-data, or Debian's geoipupdate, which writes "
      "/var/lib/GeoIP) or DB-IP's IP to Country Lite (CC BY 4.0; https://db-ip.com/db/download/ip-to-country-lite). "
      "Then pass its path or set $CKYC_GEOIP_MMDB.");
}

}  // namespace ckyc::app
