#include <algorithm>
#include <cstdlib>
#include <map>
#include <tuple>

#include "core/date.h"
#include "store/store.h"

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

  class Writer final : public BatchWriter {
   public:
    explicit Writer(MemoryStore& store) : store_(store) {}
    Status Accept(const metering::UsageRecord& r) override {
      if (r.accelerators <= 0 || r.end <= r.start || r.accelerator_seconds < 0) {
        return Status::InvalidArgument("usage record '" + r.id + "' violates the schema");
      }
      records_.push_back(r);
      return Status::Ok();
    }
    Result<UsageAppendOutcome> Commit(const UsageBatch& /*batch*/) override {
      UsageAppendOutcome out;
      out.batch_id = ++store_.batches_;
      for (auto& r : records_) {
        if (store_.usage_.emplace(r.id, std::move(r)).second) {
          ++out.inserted;
        } else {
          ++out.duplicates;
        }
      }
      records_.clear();
      return out;
    }

   private:
    MemoryStore& store_;
    std::vector<metering::UsageRecord> records_;
  };
  Result<std::unique_ptr<BatchWriter>> BeginUsageBatch() override {
    return std::unique_ptr<BatchWriter>(std::make_unique<Writer>(*this));
  }
  Result<std::vector<metering::UsageRecord>> ListUsage() override {
    std::vector<metering::UsageRecord> out;
    for (const auto& [id, r] : usage_) out.push_back(r);
    std::sort(out.begin(), out.end(),
              [](const auto& a, const auto& b) { return a.start != b.start ? a.start < b.start : a.id < b.id; });
    return out;
  }
  Result<std::int64_t> CountUsage() override { return static_cast<std::int64_t>(usage_.size()); }
  Result<std::vector<UsageTotal>> UsageTotals() override {
    std::map<std::tuple<std::string, std::string, std::string>, UsageTotal> sums;
    for (const auto& [id, r] : usage_) {
      UsageTotal& t = sums[{r.customer, r.account, r.accelerator}];
      if (t.records == 0) t = {r.customer, r.account, r.accelerator, 0, 0, r.start, r.end};
      ++t.records;
      t.accelerator_seconds += r.accelerator_seconds;
      t.first_start = std::min(t.first_start, r.start);
      t.last_end = std::max(t.last_end, r.end);
    }
    std::vector<UsageTotal> out;
    for (auto& [k, t] : sums) out.push_back(t);
    return out;
  }
  Result<std::int64_t> PutPartyDocs(const std::vector<PartyDoc>& docs) override {
    std::int64_t changed = 0;
    for (const PartyDoc& d : docs) {
      std::string& slot = party_docs_[{d.kind, d.id}];
      if (slot != d.doc) ++changed;
      slot = d.doc;
    }
    return changed;
  }
  Result<std::vector<PartyDoc>> ListPartyDocs() override {
    std::vector<PartyDoc> out;
    for (const auto& [k, doc] : party_docs_) out.push_back({k.first, k.second, doc});
    return out;
  }

  Result<PutOutcome> PutListVersion(const ListVersion& version, const std::vector<ListEntryDoc>& entries) override {
    for (const auto& [v, docs] : lists_) {
      if (v.list == version.list && v.content_hash == version.content_hash) return PutOutcome{v, false};
    }
    PutOutcome o{version, true};
    o.version.id = static_cast<std::int64_t>(lists_.size()) + 1;
    o.version.imported_at = FormatTimestamp(clock_.Now());
    o.version.entries = static_cast<std::int64_t>(entries.size());
    std::vector<ListEntryDoc> sorted = entries;
    std::sort(sorted.begin(), sorted.end(), [](const auto& a, const auto& b) { return a.entry_id < b.entry_id; });
    lists_.emplace_back(o.version, std::move(sorted));
    return o;
  }
  Result<std::vector<ListVersion>> ListVersions() override {
    std::vector<ListVersion> out;
    for (const auto& [v, docs] : lists_) out.push_back(v);
    return out;
  }
  Result<std::vector<ListEntryDoc>> ListEntries(std::int64_t version_id) override {
    for (const auto& [v, docs] : lists_) {
      if (v.id == version_id) return docs;
    }
    return std::vector<ListEntryDoc>{};
  }

  Status LinkAccount(const AccountLink& link) override {
    links_[link.account] = link;
    return Status::Ok();
  }
  Result<std::vector<AccountLink>> AccountLinks() override {
    std::vector<AccountLink> out;
    for (const auto& [a, l] : links_) out.push_back(l);
    return out;
  }
  Status PutMeasuredUtilization(const std::map<std::string, std::pair<double, std::int64_t>>& by_resource) override {
    for (const auto& [r, v] : by_resource) {
      if (!(v.first > 0 && v.first <= 1)) return Status::InvalidArgument("utilisation of '" + r + "' out of (0, 1]");
    }
    for (const auto& [r, v] : by_resource) measured_[r] = v.first;
    return Status::Ok();
  }
  Result<std::map<std::string, double>> MeasuredUtilization() override { return measured_; }

 private:
  std::int64_t batches_ = 0;
  std::map<std::string, metering::UsageRecord> usage_;
  std::map<std::string, AccountLink> links_;
  std::map<std::string, double> measured_;
  std::map<std::pair<std::string, std::string>, std::string> party_docs_;
  std::vector<std::pair<ListVersion, std::vector<ListEntryDoc>>> lists_;
  const Clock& clock_;
  std::vector<AppliedMigration> migrations_;
  std::vector<AcceleratorRecord> records_;
  std::string catalog_version_;
};

}  // namespace

std::unique_ptr<Store> NewMemoryStore(const Clock& clock) {
  return std::make_unique<MemoryStore>(clock);
}

}  // namespace ckyc::store
