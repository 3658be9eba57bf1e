#include "text/telegraph.h"

#include <gtest/gtest.h>

namespace ckyc::text {
namespace {

constexpr std::string_view kSample =
    "# Unihan_OtherMappings.txt (excerpt)\n"
    "U+4E2D\tkMainlandTelegraph\t0022\n"
    "U+56FD\tkMainlandTelegraph\t0948\n"
    "U+56FD\tkBigFive\tB0EA\n"
    "U+20000\tkMainlandTelegraph\t9998\n";

TEST(TelegraphTest, DecodesFourDigitGroups) {
  auto t = TelegraphCodeTable::Parse(kSample, "sample");
  ASSERT_TRUE(t.ok()) << t.status().message();
  EXPECT_EQ(t->size(), 3u);
  EXPECT_EQ(*t->Decode("0022 0948"), "中国");
  EXPECT_EQ(*t->Decode(" 9998 "), "\xF0\xA0\x80\x80");  // outside the BMP: four UTF-8 bytes
}

TEST(TelegraphTest, UnknownAndMalformedCodesAreNamed) {
  auto t = TelegraphCodeTable::Parse(kSample, "sample");
  ASSERT_TRUE(t.ok());
  EXPECT_EQ(t->Decode("0022 1234").status().message(), "telegraph code 1234 is not in the Unihan table");
  EXPECT_EQ(t->Decode("22").status().message(), "not a four-digit telegraph code: '22'");
  EXPECT_FALSE(t->Decode("").ok());
  EXPECT_FALSE(TelegraphCodeTable::Parse("U+4E2D\tkBigFive\tA4A4\n", "x").ok());
}

}  // namespace
}  // namespace ckyc::text
