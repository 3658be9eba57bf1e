#include <algorithm>
#include <cstdlib>

#include "store/store.h"
#include "store/time_format.h"

namespace ckyc::store {
namespace {

class MemoryStore final : public Store {
 public:
  explicit MemoryStore(const Clock& clock) : clock_(clock) {}

  Status Migrate() override {
    if (migrations_.empty()) {
      for (int v = 1; v <= LatestSchemaVersion(); ++v) {
        migrations_.push_back({v, "in-memory schema", FormatTimestamp(clock_.Now())});
      }
    }
    return Status::Ok();
  }
  Result<int> SchemaVersion() override { return static_cast<int>(migrations_.size()); }
  Result<std::vector<AppliedMigration>> AppliedMigrations() override { return migrations_; }

  Status ReplaceAcceleratorClassifications(const std::vector<AcceleratorRecord>& records,
                                           std::string_view catalog_version) override {
    for (std::size_t i = 0; i < records.size(); ++i) {
      for (std::size_t j = 0; j < i; ++j) {
        if (records[i].id == records[j].id) {
          return Status::AlreadyExists("accelerator '" + records[i].id + "' appears twice");
        }
      }
    }
    records_ = records;
    std::sort(records_.begin(), records_.end(), [](const auto& a, const auto& b) {
      return a.vendor != b.vendor ? a.vendor < b.vendor : a.model < b.model;
    });
    catalog_version_ = std::string(catalog_version);
    return Status::Ok();
  }
  Result<std::vector<AcceleratorRecord>> ListAcceleratorClassifications() override { return records_; }
  Result<std::string> CatalogVersion() override {
    if (catalog_version_.empty()) return Status::NotFound("no accelerator catalog stored yet");
    return catalog_version_;
  }
  std::string Describe() const override { return "memory"; }

 private:
  const Clock& clock_;
  std::vector<AppliedMigration> migrations_;
  std::vector<AcceleratorRecord> records_;
  std::string catalog_version_;
};

}  // namespace

std::unique_ptr<Store> NewMemoryStore(const Clock& clock) {
  return std::make_unique<MemoryStore>(clock);
}

std::string DefaultDatabasePath(const std::optional<std::string>& flag) {
  if (flag && !flag->empty()) return *flag;
  if (const char* env = std::getenv("CKYC_DB"); env != nullptr && *env != '\0') return env;
  return "ckyc.db";
}

}  // namespace ckyc::store
