#include "parties/checks.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <optional>
#include <string>

#include "app/geoip.h"

namespace ckyc::parties {
namespace {

// ---------------------------------------------------------------------------------------------------
// Phone numbers

TEST(CheckPhoneTest, ValidUsNumberInInternationalForm) {
  const PhoneCheck c = CheckPhone("+1 650-253-0000");
  EXPECT_TRUE(c.valid) << c.reason;
  EXPECT_EQ(c.region, "US");
  EXPECT_EQ(c.e164, "+16502530000");
  EXPECT_EQ(c.reason, "");
}

TEST(CheckPhoneTest, ValidChinaMobile) {
  const PhoneCheck c = CheckPhone("+86 138 0013 8000");
  EXPECT_TRUE(c.valid) << c.reason;
  EXPECT_EQ(c.region, "CN");
  EXPECT_EQ(c.e164, "+8613800138000");
}

TEST(CheckPhoneTest, ValidHongKongNumber) {
  const PhoneCheck c = CheckPhone("+852 2123 4567");
  EXPECT_TRUE(c.valid) << c.reason;
  EXPECT_EQ(c.region, "HK");
  EXPECT_EQ(c.e164, "+85221234567");
}

TEST(CheckPhoneTest, NationalFormUsesTheDefaultRegion) {
  const PhoneCheck c = CheckPhone("138 0013 8000", "CN");
  EXPECT_TRUE(c.valid) << c.reason;
  EXPECT_EQ(c.region, "CN");
  EXPECT_EQ(c.e164, "+8613800138000");

  const PhoneCheck lower = CheckPhone("(650) 253-0000", "us");  // region codes are case-insensitive
  EXPECT_TRUE(lower.valid) << lower.reason;
  EXPECT_EQ(lower.e164, "+16502530000");
}

TEST(CheckPhoneTest, InternationalFormIgnoresTheDefaultRegion) {
  const PhoneCheck c = CheckPhone("+852 2123 4567", "US");
  EXPECT_TRUE(c.valid) << c.reason;
  EXPECT_EQ(c.region, "HK");
}

TEST(CheckPhoneTest, NationalFormWithoutRegionIsInvalid) {
  const PhoneCheck c = CheckPhone("138 0013 8000");
  EXPECT_FALSE(c.valid);
  EXPECT_EQ(c.e164, "");
  EXPECT_NE(c.reason.find("country calling code"), std::string::npos) << c.reason;
}

TEST(CheckPhoneTest, ParseableButInvalidNumberKeepsE164AndSaysWhy) {
  // +86 with a mobile prefix but one digit short.
  const PhoneCheck c = CheckPhone("+86 138 0013 800");
  EXPECT_FALSE(c.valid);
  EXPECT_EQ(c.e164, "+861380013800");
  EXPECT_EQ(c.region, "CN");  // +86 belongs to one region only
  EXPECT_NE(c.reason.find("CN"), std::string::npos) << c.reason;

  // +1 is shared by many regions: an invalid number cannot be attributed to one.
  const PhoneCheck nanp = CheckPhone("+1 000-000-0000");
  EXPECT_FALSE(nanp.valid);
  EXPECT_EQ(nanp.region, "");
  EXPECT_NE(nanp.reason.find("+1"), std::string::npos) << nanp.reason;
}

TEST(CheckPhoneTest, GarbageIsNotANumber) {
  for (const char* input : {"", "hello", "call me maybe", "+", "++--", "\xff\xfe"}) {
    const PhoneCheck c = CheckPhone(input);
    EXPECT_FALSE(c.valid) << input;
    EXPECT_EQ(c.e164, "") << input;
    EXPECT_FALSE(c.reason.empty()) << input;
  }
  const PhoneCheck too_long = CheckPhone("+1 " + std::string(300, '5'));
  EXPECT_FALSE(too_long.valid);
}

TEST(CheckPhoneTest, UnknownCountryCallingCode) {
  const PhoneCheck c = CheckPhone("+999 1234 5678");
  EXPECT_FALSE(c.valid);
  EXPECT_EQ(c.reason, "unknown country calling code");
  EXPECT_EQ(CheckPhone("\xef\xbc\x8b"
                       "999 1234 5678")
                .reason,
            "unknown country calling code");  // full-width plus
  EXPECT_TRUE(CheckPhone("\xef\xbc\x8b"
                         "86 138 0013 8000")
                  .valid);
  EXPECT_EQ(CheckPhone("(650) 253-0000").reason,
            "no country calling code (write the number as +<code>... or give a default region)");
}

TEST(CheckPhoneTest, UnknownDefaultRegionIsNamedOnlyWhenItMatters) {
  const PhoneCheck national = CheckPhone("650 253 0000", "XQ");
  EXPECT_FALSE(national.valid);
  EXPECT_EQ(national.reason, "no country calling code, and default region 'XQ' is not one libphonenumber knows");

  const PhoneCheck international = CheckPhone("+1 650 253 0000", "XQ");
  EXPECT_TRUE(international.valid) << international.reason;
  EXPECT_EQ(international.region, "US");
}

TEST(CheckPhoneTest, NonGeographicNumberHasNoRegion) {
  const PhoneCheck c = CheckPhone("+800 1234 5678");  // international freephone
  EXPECT_TRUE(c.valid) << c.reason;
  EXPECT_EQ(c.region, "");
  EXPECT_EQ(c.e164, "+80012345678");
}

// ---------------------------------------------------------------------------------------------------
// E-mail addresses

TEST(CheckEmailTest, ValidAddressesLowerCaseTheDomain) {
  const EmailCheck c = CheckEmail("Jane.Doe+kyc@Example.COM");
  EXPECT_TRUE(c.valid) << c.reason;
  EXPECT_EQ(c.domain, "example.com");
  EXPECT_EQ(c.reason, "");

  for (const char* ok : {"a@b.co", "x_y-z@sub-domain.example.org", "o'brien@example.ie", "!#$%&'*+-/=?^_`{|}~@a.io",
                         "user@xn--fiqs8s.cn", "1234@123.example"}) {
    const EmailCheck e = CheckEmail(ok);
    EXPECT_TRUE(e.valid) << ok << ": " << e.reason;
  }
}

TEST(CheckEmailTest, InternationalisedAddressesAreLeftAsGiven) {
  const EmailCheck c = CheckEmail("用户@例子.中国");
  EXPECT_TRUE(c.valid) << c.reason;
  EXPECT_EQ(c.domain, "例子.中国");

  const EmailCheck mixed = CheckEmail("josé@Bücher.DE");  // only ASCII letters are lower-cased
  EXPECT_TRUE(mixed.valid) << mixed.reason;
  EXPECT_EQ(mixed.domain, "bücher.de");

  EXPECT_FALSE(CheckEmail("a\xc3@example.com").valid);         // truncated UTF-8
  EXPECT_FALSE(CheckEmail("a@ex\xc0\xafmple.com").valid);      // overlong encoding of '/'
  EXPECT_FALSE(CheckEmail("a@ex\xed\xa0\x80mple.com").valid);  // surrogate
}

TEST(CheckEmailTest, MissingAt) {
  const EmailCheck c = CheckEmail("jane.example.com");
  EXPECT_FALSE(c.valid);
  EXPECT_EQ(c.domain, "");
  EXPECT_EQ(c.reason, "missing '@'");
}

TEST(CheckEmailTest, EmptyPartsAndMoreThanOneAt) {
  EXPECT_EQ(CheckEmail("@example.com").reason, "empty local part (before '@')");
  EXPECT_EQ(CheckEmail("jane@").reason, "empty domain (after '@')");
  EXPECT_EQ(CheckEmail("jane@doe@example.com").reason, "more than one '@' (an '@' in the local part must be quoted)");
}

TEST(CheckEmailTest, DoubleDots) {
  EXPECT_EQ(CheckEmail("jane..doe@example.com").reason, "local part has consecutive dots '..'");
  EXPECT_EQ(CheckEmail("jane@example..com").reason, "domain has consecutive dots '..'");
  EXPECT_EQ(CheckEmail(".jane@example.com").reason, "local part starts or ends with '.'");
  EXPECT_EQ(CheckEmail("jane.@example.com").reason, "local part starts or ends with '.'");
}

TEST(CheckEmailTest, TrailingDotInDomain) {
  const EmailCheck c = CheckEmail("jane@example.com.");
  EXPECT_FALSE(c.valid);
  EXPECT_EQ(c.reason, "domain ends with '.'");
}

TEST(CheckEmailTest, DomainLabels) {
  EXPECT_EQ(CheckEmail("jane@localhost").reason, "domain 'localhost' has no '.'");
  EXPECT_EQ(CheckEmail("jane@-example.com").reason, "domain label '-example' starts or ends with '-'");
  EXPECT_EQ(CheckEmail("jane@exa_mple.com").reason, "character '_' is not allowed in a domain");
  EXPECT_EQ(CheckEmail("jane@192.0.2.1").reason, "top-level domain is all digits (write an IP address as [192.0.2.1])");
  EXPECT_EQ(CheckEmail("jane@" + std::string(64, 'a') + ".com").reason,
            "domain label '" + std::string(64, 'a') + "' is longer than 63 characters");
  EXPECT_TRUE(CheckEmail("jane@" + std::string(63, 'a') + ".com").valid);
}

TEST(CheckEmailTest, UnquotedSpecialsAndWhitespaceAreRejected) {
  EXPECT_EQ(CheckEmail("jane doe@example.com").reason, "character space is not allowed in an unquoted local part");
  EXPECT_EQ(CheckEmail("jane(comment)@example.com").reason, "character '(' is not allowed in an unquoted local part");
  EXPECT_EQ(CheckEmail(" jane@example.com").reason, "character space is not allowed in an unquoted local part");
  EXPECT_EQ(CheckEmail("jane@example.com ").reason, "character space is not allowed in a domain");
  EXPECT_EQ(CheckEmail(std::string("ja\0ne@example.com", 17)).reason,
            "character byte \\x00 is not allowed in an unquoted local part");
}

TEST(CheckEmailTest, QuotedLocalPart) {
  for (const char* ok : {"\"jane doe\"@example.com", "\"jane@home\"@example.com", "\"a\\\"b\"@example.com",
                         "\"..\"@example.com", "\"a\\\\\"@example.com"}) {
    const EmailCheck c = CheckEmail(ok);
    EXPECT_TRUE(c.valid) << ok << ": " << c.reason;
    EXPECT_EQ(c.domain, "example.com") << ok;
  }
  EXPECT_EQ(CheckEmail("\"jane@example.com").reason, "unterminated quoted local part");
  EXPECT_EQ(CheckEmail("\"jane\\\"@example.com").reason, "unterminated quoted local part");
  EXPECT_EQ(CheckEmail("\"jane\"doe@example.com").reason, "a quoted local part must be followed by '@'");
  EXPECT_EQ(CheckEmail("\"\"@example.com").reason, "empty quoted local part");
  EXPECT_EQ(CheckEmail("\"ja\nne\"@example.com").reason, "quoted local part: control byte \\x0a");
  EXPECT_EQ(CheckEmail("jane\"doe\"@example.com").reason, "character '\"' is not allowed in an unquoted local part");
}

TEST(CheckEmailTest, IpLiteralDomain) {
  EmailCheck c = CheckEmail("jane@[192.0.2.1]");
  EXPECT_TRUE(c.valid) << c.reason;
  EXPECT_EQ(c.domain, "[192.0.2.1]");

  c = CheckEmail("jane@[ipv6:2001:DB8::1]");
  EXPECT_TRUE(c.valid) << c.reason;
  EXPECT_EQ(c.domain, "[IPv6:2001:db8::1]");

  EXPECT_EQ(CheckEmail("jane@[192.0.2.256]").reason,
            "IP literal '192.0.2.256' is not a valid IPv4 address (IPv6 is "
            "written [IPv6:...])");
  EXPECT_EQ(CheckEmail("jane@[2001:db8::1]").reason,
            "IP literal '2001:db8::1' is not a valid IPv4 address (IPv6 is written [IPv6:...])");
  EXPECT_EQ(CheckEmail("jane@[IPv6:2001:db8::g]").reason, "IP literal 'IPv6:2001:db8::g' is not a valid IPv6 address");
  EXPECT_EQ(CheckEmail("jane@[192.0.2.1").reason, "IP literal domain is missing its closing ']'");
}

TEST(CheckEmailTest, Empty) {
  const EmailCheck c = CheckEmail("");
  EXPECT_FALSE(c.valid);
  EXPECT_EQ(c.reason, "empty address");
}

TEST(CheckEmailTest, OverLong) {
  // 64-octet local part: the most allowed.
  const std::string local64(64, 'a');
  EXPECT_TRUE(CheckEmail(local64 + "@example.com").valid);
  EXPECT_EQ(CheckEmail(local64 + "a@example.com").reason, "local part longer than 64 characters (65)");

  // 254 octets in all is the most allowed; 255 is too many.
  const std::string domain = std::string(60, 'a') + "." + std::string(60, 'b') + "." + std::string(60, 'c') + "." +
                             std::string(63, 'd') + ".com";
  const std::string at_limit = "abc@" + domain;
  ASSERT_EQ(at_limit.size(), 254u);
  EXPECT_TRUE(CheckEmail(at_limit).valid) << CheckEmail(at_limit).reason;
  EXPECT_EQ(CheckEmail("x" + at_limit).reason, "longer than 254 characters (255)");
}

// ---------------------------------------------------------------------------------------------------
// Geolocation against tests/data/geoip/test-country.mmdb (written by make_test_mmdb.py there).

std::string Fixture() {
  return std::string(CKYC_SOURCE_DIR) + "/tests/data/geoip/test-country.mmdb";
}

class GeolocationTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto opened = app::MaxMindGeolocator::Open(Fixture());
    ASSERT_TRUE(opened.ok()) << opened.status().message();
    geo_ = std::move(opened).value();
  }
  std::optional<std::string> Country(const std::string& ip) {
    auto r = geo_->CountryOf(ip);
    EXPECT_TRUE(r.ok()) << ip << ": " << r.status().message();
    return r.ok() ? *r : std::nullopt;
  }
  std::unique_ptr<app::MaxMindGeolocator> geo_;
};

TEST_F(GeolocationTest, FindsCountries) {
  EXPECT_EQ(Country("1.0.0.1"), "US");
  EXPECT_EQ(Country("1.0.0.255"), "US");
  EXPECT_EQ(Country("3.0.0.0"), "US");
  EXPECT_EQ(Country("3.255.255.255"), "US");
  EXPECT_EQ(Country("36.110.1.2"), "CN");
  EXPECT_EQ(Country("103.0.200.7"), "HK");
  EXPECT_EQ(Country("2001:db8::1"), "DE");
  EXPECT_EQ(Country("2001:DB8:FFFF:FFFF::"), "DE");
}

TEST_F(GeolocationTest, Ipv4MappedIpv6IsLookedUpAsIpv4) {
  EXPECT_EQ(Country("::ffff:36.110.1.2"), "CN");
}

TEST_F(GeolocationTest, FallsBackToRegisteredCountry) {
  EXPECT_EQ(Country("198.51.100.9"), "JP");
}

TEST_F(GeolocationTest, NotFoundIsNullopt) {
  EXPECT_EQ(Country("1.0.1.0"), std::nullopt);  // just past 1.0.0.0/24
  EXPECT_EQ(Country("8.8.8.8"), std::nullopt);
  EXPECT_EQ(Country("36.111.0.1"), std::nullopt);
  EXPECT_EQ(Country("2001:db9::1"), std::nullopt);
  EXPECT_EQ(Country("::1"), std::nullopt);
  EXPECT_EQ(Country("203.0.113.5"), std::nullopt);  // in the tree, but the record has no country
}

TEST_F(GeolocationTest, MalformedIpIsAnError) {
  for (const char* bad : {"", "not-an-ip", "1.2.3", "1.2.3.4.5", "256.1.1.1", "010.0.0.1", "1", " 1.0.0.1", "1.0.0.1 ",
                          "fe80::1%eth0", "2001:db8:::1", "example.com"}) {
    auto r = geo_->CountryOf(bad);
    ASSERT_FALSE(r.ok()) << bad;
    EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument) << bad;
    EXPECT_EQ(r.status().message(), "not an IP address: '" + std::string(bad) + "'");
  }
  auto nul = geo_->CountryOf(std::string("1.0.0.1\0x", 9));
  EXPECT_FALSE(nul.ok());
}

TEST_F(GeolocationTest, DescribeNamesTheDatabase) {
  EXPECT_EQ(geo_->Describe(), "MaxMind DB " + Fixture() + " (CKYC-Test-Country, built 2023-11-14)");
}

TEST(GeolocationOpenTest, MissingFileNamesThePath) {
  const std::string path = "/nonexistent/ckyc/GeoLite2-Country.mmdb";
  auto r = app::MaxMindGeolocator::Open(path);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kNotFound);
  EXPECT_NE(r.status().message().find(path), std::string::npos) << r.status().message();
}

TEST(GeolocationOpenTest, NonDatabaseFileIsCorruption) {
  const std::string path = std::string(CKYC_SOURCE_DIR) + "/tests/data/geoip/make_test_mmdb.py";
  auto r = app::MaxMindGeolocator::Open(path);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kCorruption);
  EXPECT_NE(r.status().message().find(path), std::string::npos) << r.status().message();
}

// Sets an environment variable for one scope and puts the old value back.
class ScopedEnv {
 public:
  ScopedEnv(const char* name, const std::optional<std::string>& value) : name_(name) {
    if (const char* old = std::getenv(name)) old_ = old;
    if (value.has_value()) {
      setenv(name, value->c_str(), 1);
    } else {
      unsetenv(name);
    }
  }
  ~ScopedEnv() {
    if (old_.has_value()) {
      setenv(name_, old_->c_str(), 1);
    } else {
      unsetenv(name_);
    }
  }

 private:
  const char* name_;
  std::optional<std::string> old_;
};

TEST(OpenDefaultGeolocatorTest, ExplicitPathWins) {
  ScopedEnv env("CKYC_GEOIP_MMDB", "/nonexistent/from-env.mmdb");
  auto r = app::OpenDefaultGeolocator(Fixture());
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_NE((*r)->Describe().find(Fixture()), std::string::npos);
  // Not NotFound: that code is kept for "no database at all", which callers may shrug off.
  auto missing = app::OpenDefaultGeolocator(std::string("/nonexistent/given.mmdb"));
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(missing.status().message(), "GeoIP database /nonexistent/given.mmdb: no such file");
}

TEST(OpenDefaultGeolocatorTest, EnvironmentVariableIsNextAndNamedInErrors) {
  {
    ScopedEnv env("CKYC_GEOIP_MMDB", Fixture());
    auto r = app::OpenDefaultGeolocator(std::nullopt);
    ASSERT_TRUE(r.ok()) << r.status().message();
    auto country = (*r)->CountryOf("36.110.0.1");
    ASSERT_TRUE(country.ok());
    EXPECT_EQ(*country, "CN");
  }
  ScopedEnv env("CKYC_GEOIP_MMDB", "/nonexistent/from-env.mmdb");
  auto r = app::OpenDefaultGeolocator(std::nullopt);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(r.status().message(), "$CKYC_GEOIP_MMDB: GeoIP database /nonexistent/from-env.mmdb: no such file");
}

TEST(OpenDefaultGeolocatorTest, WithoutConfigurationUsesWhatIsInstalledOrSaysWhereToGetOne) {
  ScopedEnv env("CKYC_GEOIP_MMDB", std::nullopt);
  auto r = app::OpenDefaultGeolocator(std::nullopt);
  if (r.ok()) {
    EXPECT_FALSE((*r)->Describe().empty());  // depends on the machine: any installed database
  } else {
    EXPECT_EQ(r.status().code(), StatusCode::kNotFound) << r.status().message();
    EXPECT_NE(r.status().message().find("GeoLite2-Country.mmdb"), std::string::npos);
    EXPECT_NE(r.status().message().find("CKYC_GEOIP_MMDB"), std::string::npos);
  }
}

// Debian's geoip-database, when installed: the legacy route end to end.
TEST(LegacyGeoIpTest, DebianGeoipDatabase) {
  const std::string v4 = "/usr/share/GeoIP/GeoIP.dat";
  const std::string v6 = "/usr/share/GeoIP/GeoIPv6.dat";
  if (!std::filesystem::exists(v4) || !std::filesystem::exists(v6)) GTEST_SKIP() << "geoip-database not installed";
  auto geo = app::LegacyGeoIpGeolocator::Open(v4, v6);
  ASSERT_TRUE(geo.ok()) << geo.status().message();
  auto google = (*geo)->CountryOf("8.8.8.8");
  ASSERT_TRUE(google.ok());
  EXPECT_EQ(*google, "US");
  auto mapped = (*geo)->CountryOf("::ffff:8.8.8.8");
  ASSERT_TRUE(mapped.ok());
  EXPECT_EQ(*mapped, "US");
  auto loopback = (*geo)->CountryOf("127.0.0.1");
  ASSERT_TRUE(loopback.ok());
  EXPECT_EQ(*loopback, std::nullopt);
  EXPECT_FALSE((*geo)->CountryOf("nope").ok());
  EXPECT_NE((*geo)->Describe().find("out of date"), std::string::npos);

  auto swapped = app::LegacyGeoIpGeolocator::Open(v6, std::nullopt);  // a v6 file where v4 belongs
  ASSERT_FALSE(swapped.ok());
  EXPECT_NE(swapped.status().message().find(v6), std::string::npos);
}

}  // namespace
}  // namespace ckyc::parties
