#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "core/data_files.h"
#include "store/store.h"
#include "store/usage_segments.h"

namespace ckyc::store {
namespace {

metering::UsageRecord Rec(const std::string& id, const std::string& account, UnixSeconds start, int n = 8) {
  metering::UsageRecord r;
  r.id = id;
  r.account = account;
  r.customer = "payer";
  r.accelerator = "nvidia-h100-sxm";
  r.accelerators = n;
  r.start = start;
  r.end = start + 3600;
  r.accelerator_seconds = 3600LL * n;
  r.region = "us-east-1a";
  r.network_gbps = 3200;
  return r;
}

class UsageStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("ckyc-usage-" + std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()));
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  std::string Db() const { return (dir_ / "u.db").string(); }
  std::filesystem::path dir_;
  FakeClock clock_{std::chrono::sys_days{std::chrono::year{2026} / 11 / 29}};
};

TEST_F(UsageStoreTest, DedupsAcrossBatchesWithinBatchAndAfterReopen) {
  {
    auto s = OpenSqliteStore(Db(), clock_);
    ASSERT_TRUE(s.ok()) << s.status().message();
    auto a =
        (*s)->AppendUsage({"a.jsonl", "jsonl", "h:0123456789abcdef", 2, 0}, {Rec("r1", "x", 0), Rec("r2", "x", 3600)});
    ASSERT_TRUE(a.ok()) << a.status().message();
    EXPECT_EQ(a->inserted, 2);
    auto b = (*s)->AppendUsage({"b.jsonl", "jsonl", "h:1123456789abcdef", 3, 0},
                               {Rec("r2", "x", 3600), Rec("r3", "y", 0), Rec("r3", "y", 0)});
    ASSERT_TRUE(b.ok());
    EXPECT_EQ(b->inserted, 1);
    EXPECT_EQ(b->duplicates, 2);
  }
  auto s = OpenSqliteStore(Db(), clock_);
  ASSERT_TRUE(s.ok());
  auto again = (*s)->AppendUsage({"a.jsonl", "jsonl", "h:0123456789abcdef", 2, 0}, {Rec("r1", "x", 0)});
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->inserted, 0);
  EXPECT_EQ(again->duplicates, 1);
  auto all = (*s)->ListUsage();
  ASSERT_TRUE(all.ok());
  ASSERT_EQ(all->size(), 3u);
  EXPECT_EQ((*all)[0].id, "r1");
  EXPECT_EQ((*all)[2].id, "r2");
  EXPECT_EQ(*(*all)[0].network_gbps, 3200);
  EXPECT_EQ(*(*s)->CountUsage(), 3);
  auto totals = (*s)->UsageTotals();
  ASSERT_TRUE(totals.ok());
  ASSERT_EQ(totals->size(), 2u);
  EXPECT_EQ((*totals)[0].account, "x");
  EXPECT_EQ((*totals)[0].records, 2);
  EXPECT_EQ((*totals)[0].accelerator_seconds, 2 * 8 * 3600);
}

TEST_F(UsageStoreTest, InvalidRecordRejectsTheWholeBatch) {
  auto s = OpenSqliteStore(Db(), clock_);
  ASSERT_TRUE(s.ok());
  auto bad = Rec("r2", "x", 0);
  bad.end = bad.start;
  auto r = (*s)->AppendUsage({"a", "jsonl", "h:0123456789abcdef", 2, 0}, {Rec("r1", "x", 0), bad});
  EXPECT_FALSE(r.ok());
  EXPECT_EQ(*(*s)->CountUsage(), 0);
  EXPECT_TRUE((*s)->ListUsage()->empty());
}

TEST_F(UsageStoreTest, DamagedSegmentIsReportedAsCorruption) {
  {
    auto s = OpenSqliteStore(Db(), clock_);
    ASSERT_TRUE(s.ok());
    ASSERT_TRUE((*s)->AppendUsage({"a", "jsonl", "h:0123456789abcdef", 1, 0}, {Rec("r1", "x", 0)}).ok());
  }
  std::filesystem::path seg;
  for (const auto& e : std::filesystem::directory_iterator(Db() + ".usage")) seg = e.path();
  ASSERT_FALSE(seg.empty());
  {
    std::fstream f(seg, std::ios::in | std::ios::out | std::ios::binary);
    f.seekp(40);
    f.put('\x7f');  // flip a byte inside the id table
  }
  auto s = OpenSqliteStore(Db(), clock_);
  ASSERT_TRUE(s.ok());
  auto list = (*s)->ListUsage();
  ASSERT_FALSE(list.ok());
  EXPECT_EQ(list.status().code(), StatusCode::kCorruption);
  EXPECT_NE(list.status().message().find("checksum mismatch"), std::string::npos) << list.status().message();
  EXPECT_NE(list.status().message().find(seg.filename().string()), std::string::npos);
}

// An ingest interrupted before Commit (a reader error, a crash) leaves nothing behind, and the
// same records can be ingested afterwards.
TEST_F(UsageStoreTest, AbandonedBatchLeavesNoTrace) {
  auto s = OpenSqliteStore(Db(), clock_);
  ASSERT_TRUE(s.ok());
  {
    auto w = (*s)->BeginUsageBatch();
    ASSERT_TRUE(w.ok());
    ASSERT_TRUE((*w)->Accept(Rec("r1", "x", 0)).ok());
    ASSERT_TRUE((*w)->Accept(Rec("r2", "x", 3600)).ok());
  }  // dropped without Commit
  EXPECT_EQ(*(*s)->CountUsage(), 0);
  EXPECT_FALSE(std::filesystem::exists(Db() + ".usage") && !std::filesystem::is_empty(Db() + ".usage"));
  auto again = (*s)->AppendUsage({"a", "jsonl", "h:0123456789abcdef", 2, 0}, {Rec("r1", "x", 0), Rec("r2", "x", 3600)});
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->inserted, 2);
  EXPECT_EQ(again->duplicates, 0);
}

TEST(SegmentTest, RoundTripsAndRejectsTruncation) {
  metering::UsageRecord a = Rec("r1", "x", 0);
  metering::UsageRecord b = Rec("r2", "y", 7200, 16);
  b.network_gbps.reset();
  b.job = "train";
  const std::string bytes = segments::Encode({&a, &b}, {segments::HashId("r1"), segments::HashId("r2")});
  auto back = segments::Decode(bytes, "s.seg");
  ASSERT_TRUE(back.ok()) << back.status().message();
  ASSERT_EQ(back->size(), 2u);
  EXPECT_EQ((*back)[1].job, "train");
  EXPECT_FALSE((*back)[1].network_gbps.has_value());
  EXPECT_EQ((*back)[1].accelerator_seconds, 16 * 3600);
  for (std::size_t cut : {std::size_t{0}, std::size_t{10}, bytes.size() / 2, bytes.size() - 1}) {
    auto t = segments::Decode(std::string_view(bytes).substr(0, cut), "s.seg");
    EXPECT_EQ(t.status().code(), StatusCode::kCorruption) << cut;
  }
  EXPECT_FALSE(segments::HashId("r1") == segments::HashId("r2"));
}

TEST(MemoryUsageStoreTest, SameContractAsSqlite) {
  FakeClock clock{std::chrono::sys_days{std::chrono::year{2026} / 11 / 29}};
  auto s = NewMemoryStore(clock);
  auto a = s->AppendUsage({"a", "jsonl", "h:0", 2, 0}, {Rec("r1", "x", 0), Rec("r1", "x", 0)});
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(a->inserted, 1);
  EXPECT_EQ(a->duplicates, 1);
  EXPECT_EQ(s->UsageTotals()->size(), 1u);
}

}  // namespace
}  // namespace ckyc::store
