#include "core/strings.h"

#include <gtest/gtest.h>

#include "core/suggest.h"

namespace ckyc {
namespace {

TEST(StringsTest, NameKeyFoldsCaseAndPunctuation) {
  EXPECT_EQ(NameKey("NVIDIA A100-SXM4-80GB"), "nvidiaa100sxm480gb");
  EXPECT_EQ(NameKey("  nvidia  a100 sxm4/80 GB "), "nvidiaa100sxm480gb");
  EXPECT_EQ(NameKey("Korea, North"), "koreanorth");
  EXPECT_EQ(NameKey("中国"), "中国");  // non-ASCII passes through
}

TEST(StringsTest, ParseDoubleRejectsTrailingTextAndSpecials) {
  EXPECT_EQ(ParseDouble("1978.9"), 1978.9);
  EXPECT_EQ(ParseDouble(" 1e3 "), 1000.0);
  EXPECT_FALSE(ParseDouble("12x"));
  EXPECT_FALSE(ParseDouble("nan"));
  EXPECT_FALSE(ParseDouble("inf"));
  EXPECT_FALSE(ParseDouble("0x10"));
  EXPECT_FALSE(ParseDouble(""));
  EXPECT_FALSE(ParseDouble("1e999"));
}

TEST(StringsTest, EditDistanceIsCapped) {
  EXPECT_EQ(EditDistance("h100", "h100", 3), 0u);
  EXPECT_EQ(EditDistance("h100", "h200", 3), 1u);
  EXPECT_EQ(EditDistance("kitten", "sitting", 3), 3u);
  EXPECT_EQ(EditDistance("a", "abcdefgh", 3), 4u);
}

TEST(SuggestTest, ClosestNamesPrefersNearAndPrefixMatches) {
  std::vector<std::string> names = {"NVIDIA H100 SXM5 80GB", "H100", "H200", "A100", "L40S"};
  auto got = ClosestNames("H1000", names);
  ASSERT_FALSE(got.empty());
  EXPECT_EQ(got.front(), "H100");
  EXPECT_EQ(DidYouMean({"a", "b"}), " (did you mean 'a', 'b'?)");
  EXPECT_EQ(DidYouMean({}), "");
}

}  // namespace
}  // namespace ckyc
