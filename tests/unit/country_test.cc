#include "core/country.h"

#include <gtest/gtest.h>

#include "core/data_files.h"

namespace ckyc {
namespace {

class ShippedCountriesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto c = ReadDataFile("countries.csv");
    ASSERT_TRUE(c.ok()) << c.status().message();
    auto table = CountryTable::Load(c->text, c->source);
    ASSERT_TRUE(table.ok()) << table.status().message();
    countries_ = std::move(table).value();
    auto g = ReadDataFile("country_groups.csv");
    ASSERT_TRUE(g.ok());
    auto groups = CountryGroups::Load(g->text, g->source, countries_);
    ASSERT_TRUE(groups.ok()) << groups.status().message();
    groups_ = std::move(groups).value();
  }
  static Date D(int y, unsigned m, unsigned d) {
    return Date{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}};
  }
  CountryTable countries_;
  CountryGroups groups_;
};

TEST_F(ShippedCountriesTest, AllIsoEntriesAndCommonAliases) {
  EXPECT_EQ(countries_.all().size(), 249u);
  for (const char* name : {"CN", "CHN", "156", "PRC", "Mainland China", "people's republic of china", "中国"}) {
    const Country* c = countries_.Find(name);
    ASSERT_NE(c, nullptr) << name;
    EXPECT_EQ(c->alpha2, "CN") << name;
  }
  EXPECT_EQ(countries_.Find("Hong Kong SAR")->alpha2, "HK");
  EXPECT_EQ(countries_.Find("Macao")->alpha2, "MO");
  EXPECT_EQ(countries_.Find("macau")->alpha2, "MO");
  EXPECT_EQ(countries_.Find("Korea, North")->alpha2, "KP");
  EXPECT_EQ(countries_.Find("UAE")->alpha2, "AE");
  EXPECT_EQ(countries_.Find("Atlantis"), nullptr);
  auto r = countries_.Resolve("Chna");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("unknown country 'Chna' (did you mean 'China'"), std::string::npos)
      << r.status().message();
}

TEST_F(ShippedCountriesTest, GroupsAreDated) {
  EXPECT_TRUE(groups_.IsMember("D:5", "CN", D(2026, 11, 29)));
  EXPECT_TRUE(groups_.IsMember("MACAU", "MO", D(2026, 11, 29)));
  EXPECT_FALSE(groups_.IsMember("D:5", "MO", D(2026, 11, 29)));  // Macau is named separately
  // Nicaragua joined D:5 on 2024-03-15 (89 FR 18780).
  EXPECT_FALSE(groups_.IsMember("D:5", "NI", D(2024, 3, 14)));
  EXPECT_TRUE(groups_.IsMember("D:5", "NI", D(2024, 3, 15)));
  // The UAE moved to A:5 in July 2026 (91 FR 43034).
  EXPECT_TRUE(groups_.IsMember("D:4", "AE", D(2026, 7, 13)));
  EXPECT_FALSE(groups_.IsMember("D:4", "AE", D(2026, 7, 14)));
  EXPECT_TRUE(groups_.IsMember("A:5", "AE", D(2026, 7, 14)));
  EXPECT_TRUE(groups_.IsMember("TIER1", "US", D(2025, 6, 1)));
  EXPECT_FALSE(groups_.IsMember("TIER1", "CN", D(2025, 6, 1)));
}

TEST(CountryTableTest, DuplicateAliasNamesBothRows) {
  auto t = CountryTable::Load(
      "alpha2,alpha3,numeric,name,aliases\n"
      "CN,CHN,156,China,PRC\n"
      "TW,TWN,158,Taiwan,prc\n",
      "c.csv");
  ASSERT_FALSE(t.ok());
  EXPECT_EQ(t.status().message(), "c.csv:3: field 'aliases': 'prc' already names CN (line 2)");
}

TEST(CountryGroupsTest, BadRowsAreNamed) {
  auto countries = CountryTable::Load("alpha2,alpha3,numeric,name,aliases\nCN,CHN,156,China,\n", "c.csv");
  ASSERT_TRUE(countries.ok());
  const std::string header = "group,alpha2,effective_from,effective_to,source,confidence,note\n";
  auto unknown = CountryGroups::Load(header + "D:5,XX,2023-11-17,,s,high,\n", "g.csv", *countries);
  EXPECT_EQ(unknown.status().message(), "g.csv:2: field 'alpha2': not an ISO 3166-1 alpha-2 code: 'XX'");
  auto bad_date = CountryGroups::Load(header + "D:5,CN,2023-02-30,,s,high,\n", "g.csv", *countries);
  EXPECT_EQ(bad_date.status().message(), "g.csv:2: field 'effective_from': not a date (want YYYY-MM-DD): '2023-02-30'");
  auto overlap = CountryGroups::Load(header + "D:5,CN,2023-11-17,,s,high,\nD:5,CN,2024-01-01,2024-12-31,s,high,\n",
                                     "g.csv", *countries);
  EXPECT_NE(overlap.status().message().find("g.csv:3"), std::string::npos);
}

}  // namespace
}  // namespace ckyc
