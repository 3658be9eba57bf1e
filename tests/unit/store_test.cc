#include "store/store.h"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <filesystem>
#include <fstream>

namespace ckyc::store {
namespace {

class StoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("ckyc-store-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  std::string Path(const std::string& name) const { return (dir_ / name).string(); }

  std::filesystem::path dir_;
  FakeClock clock_{std::chrono::sys_days{std::chrono::year{2026} / 11 / 29}};
};

std::vector<AcceleratorRecord> SampleRecords() {
  AcceleratorRecord h100{"nvidia-h100-sxm", "NVIDIA", "H100 SXM5 80GB", 15831.2,         "fp8", 19.45,
                         "3A090.a.1",       true,     "4A090.a",        "near-threshold"};
  AcceleratorRecord tpu{"google-tpu-v5p", "Google", "TPU v5p", 7344, "bf16", std::nullopt, "3A090.a.1", true, "", ""};
  return {h100, tpu};
}

void ExpectRoundTrip(Store& s) {
  ASSERT_TRUE(s.ReplaceAcceleratorClassifications(SampleRecords(), "fnv1a64:1").ok());
  auto rows = s.ListAcceleratorClassifications();
  ASSERT_TRUE(rows.ok());
  ASSERT_EQ(rows->size(), 2u);
  EXPECT_EQ((*rows)[0].vendor, "Google");  // ordered by vendor, model
  EXPECT_FALSE((*rows)[0].pd.has_value());
  EXPECT_EQ((*rows)[1].eccn_class, "3A090.a.1");
  EXPECT_DOUBLE_EQ(*(*rows)[1].pd, 19.45);
  EXPECT_EQ(*s.CatalogVersion(), "fnv1a64:1");
}

TEST_F(StoreTest, SqliteMigratesOnceAndUsesWal) {
  auto s = OpenSqliteStore(Path("a.db"), clock_);
  ASSERT_TRUE(s.ok()) << s.status().message();
  EXPECT_EQ(*(*s)->SchemaVersion(), LatestSchemaVersion());
  ASSERT_TRUE((*s)->Migrate().ok());  // idempotent
  auto applied = (*s)->AppliedMigrations();
  ASSERT_TRUE(applied.ok());
  ASSERT_EQ(applied->size(), static_cast<std::size_t>(LatestSchemaVersion()));
  EXPECT_EQ((*applied)[0].applied_at, "2026-11-29T00:00:00Z");
  EXPECT_TRUE(std::filesystem::exists(Path("a.db-wal")));
}

TEST_F(StoreTest, SqliteAndMemoryBehaveAlike) {
  auto sql = OpenSqliteStore(Path("b.db"), clock_);
  ASSERT_TRUE(sql.ok());
  ExpectRoundTrip(**sql);
  auto mem = NewMemoryStore(clock_);
  ASSERT_TRUE(mem->Migrate().ok());
  ExpectRoundTrip(*mem);
  EXPECT_EQ(mem->CatalogVersion().ok(), true);
}

TEST_F(StoreTest, DataSurvivesReopen) {
  {
    auto s = OpenSqliteStore(Path("c.db"), clock_);
    ASSERT_TRUE(s.ok());
    ASSERT_TRUE((*s)->ReplaceAcceleratorClassifications(SampleRecords(), "v1").ok());
  }
  auto s = OpenSqliteStore(Path("c.db"), clock_);
  ASSERT_TRUE(s.ok());
  EXPECT_EQ((*s)->ListAcceleratorClassifications()->size(), 2u);
}

TEST_F(StoreTest, FailedReplaceLeavesPreviousCatalog) {
  auto s = OpenSqliteStore(Path("d.db"), clock_);
  ASSERT_TRUE(s.ok());
  ASSERT_TRUE((*s)->ReplaceAcceleratorClassifications(SampleRecords(), "v1").ok());
  auto bad = SampleRecords();
  bad[1].eccn_class = "3A090.z";  // violates the CHECK constraint
  Status st = (*s)->ReplaceAcceleratorClassifications(bad, "v2");
  EXPECT_EQ(st.code(), StatusCode::kInvalidArgument);
  EXPECT_NE(st.message().find("google-tpu-v5p"), std::string::npos) << st.message();
  EXPECT_EQ((*s)->ListAcceleratorClassifications()->size(), 2u);
  EXPECT_EQ(*(*s)->CatalogVersion(), "v1");
}

TEST_F(StoreTest, GarbageFileIsReportedNotCrashed) {
  std::ofstream(Path("junk.db")) << std::string(8192, 'x');
  auto s = OpenSqliteStore(Path("junk.db"), clock_);
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.status().message().find("junk.db"), std::string::npos) << s.status().message();
}

TEST_F(StoreTest, NewerSchemaIsRefused) {
  {
    auto s = OpenSqliteStore(Path("e.db"), clock_);
    ASSERT_TRUE(s.ok());
  }
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(Path("e.db").c_str(), &db), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(db, "INSERT INTO schema_migrations VALUES (999, 'future', 'x')", nullptr, nullptr, nullptr),
            SQLITE_OK);
  sqlite3_close(db);
  auto s = OpenSqliteStore(Path("e.db"), clock_);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.status().code(), StatusCode::kFailedPrecondition);
  EXPECT_NE(s.status().message().find("newer than this ckyc"), std::string::npos);
}

TEST_F(StoreTest, UnwritableDirectoryIsAnIoError) {
  auto s = OpenSqliteStore(Path("no/such/dir/x.db"), clock_);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.status().code(), StatusCode::kIoError);
}

TEST(DatabasePathTest, FlagThenEnvironmentThenDefault) {
  EXPECT_EQ(DefaultDatabasePath(std::string("x.db")), "x.db");
  setenv("CKYC_DB", "/tmp/env.db", 1);
  EXPECT_EQ(DefaultDatabasePath(std::nullopt), "/tmp/env.db");
  unsetenv("CKYC_DB");
  EXPECT_EQ(DefaultDatabasePath(std::nullopt), "ckyc.db");
}

}  // namespace
}  // namespace ckyc::store
