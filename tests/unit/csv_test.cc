#include "core/csv.h"

#include <gtest/gtest.h>

namespace ckyc {
namespace {

TEST(CsvTest, QuotedFieldsCommasNewlinesAndEscapedQuotes) {
  auto r = ParseCsv("a,b\r\n\"x, y\",\"say \"\"hi\"\"\"\n\"multi\nline\",z\n", "t.csv");
  ASSERT_TRUE(r.ok()) << r.status().message();
  ASSERT_EQ(r->size(), 3u);
  EXPECT_EQ((*r)[1].fields[0], "x, y");
  EXPECT_EQ((*r)[1].fields[1], "say \"hi\"");
  EXPECT_EQ((*r)[2].fields[0], "multi\nline");
  EXPECT_EQ((*r)[2].line, 3u);
}

TEST(CsvTest, SkipsCommentsAndBlankLinesButKeepsLineNumbers) {
  auto r = ParseCsv("\xEF\xBB\xBF# header comment\nh\n\nv\n", "t.csv");
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r->size(), 2u);
  EXPECT_EQ((*r)[1].line, 4u);
}

TEST(CsvTest, UnclosedQuoteNamesSourceAndLine) {
  auto r = ParseCsv("a\n\"open\n", "data/x.csv");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().message(), "data/x.csv:2: column 1: quoted field is not closed");
}

TEST(CsvTest, TextAfterClosingQuoteIsAnError) {
  auto r = ParseCsv("\"a\"b,c\n", "x.csv");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("x.csv:1: column 1"), std::string::npos);
}

TEST(CsvTableTest, WrongFieldCountNamesLine) {
  auto t = CsvTable::Parse("a,b\n1,2\n3\n", "x.csv");
  ASSERT_FALSE(t.ok());
  EXPECT_EQ(t.status().message(), "x.csv:3: expected 2 fields, found 1");
}

TEST(CsvTableTest, FieldErrorsNameFileLineAndField) {
  auto t = CsvTable::Parse("name,fp8\nH100,abc\nL4,-1\n", "acc.csv");
  ASSERT_TRUE(t.ok());
  auto bad = t->row(0).OptionalNonNegative("fp8");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().message(), "acc.csv:2: field 'fp8': not a number: 'abc'");
  auto neg = t->row(1).OptionalNonNegative("fp8");
  EXPECT_EQ(neg.status().message(), "acc.csv:3: field 'fp8': must not be negative: '-1'");
  EXPECT_FALSE(t->RequireColumns({"name", "fp16"}).ok());
}

}  // namespace
}  // namespace ckyc
