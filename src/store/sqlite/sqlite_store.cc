// SQLite backend of the Store. Everything SQLite-specific (pragmas, statements, error mapping)
// stays in this file.
#include <sqlite3.h>

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <map>
#include <tuple>
#include <unordered_map>
#include <utility>

#include "core/data_files.h"
#include "core/date.h"
#include "core/hash.h"
#include "store/sqlite/migrations.h"
#include "store/store.h"
#include "store/usage_segments.h"

namespace ckyc::store {
namespace {

// Owns one prepared statement.
class Statement {
 public:
  Statement() = default;
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  ~Statement() { sqlite3_finalize(stmt_); }
  sqlite3_stmt** out() { return &stmt_; }
  sqlite3_stmt* get() const { return stmt_; }

 private:
  sqlite3_stmt* stmt_ = nullptr;
};

class SqliteStore final : public Store {
 public:
  SqliteStore(sqlite3* db, std::string path, const Clock& clock) : db_(db), path_(std::move(path)), clock_(clock) {}
  SqliteStore(const SqliteStore&) = delete;
  SqliteStore& operator=(const SqliteStore&) = delete;
  ~SqliteStore() override { sqlite3_close_v2(db_); }

  Status Configure() {
    sqlite3_busy_timeout(db_, 5000);
    // journal_mode answers with the mode in force; a database that cannot use WAL (e.g. on a
    // read-only medium) reports something else, which is an error here, not a silent fallback.
    Statement st;
    CKYC_RETURN_IF_ERROR(Prepare("PRAGMA journal_mode=WAL", st));
    int rc = sqlite3_step(st.get());
    if (rc != SQLITE_ROW) return Error(rc, "PRAGMA journal_mode=WAL");
    std::string mode = Text(st.get(), 0);
    if (mode != "wal") return Status::IoError(Where() + ": cannot use WAL journal mode (got '" + mode + "')");
    // synchronous=FULL: a committed batch survives power loss, which is what "acknowledged" means.
    CKYC_RETURN_IF_ERROR(Exec("PRAGMA foreign_keys=ON; PRAGMA synchronous=FULL;"));
    return Status::Ok();
  }

  Status Migrate() override {
    CKYC_RETURN_IF_ERROR(
        Exec("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, description TEXT NOT NULL, "
             "applied_at TEXT NOT NULL)"));
    CKYC_ASSIGN_OR_RETURN(int current, SchemaVersion());
    if (current > LatestSchemaVersion()) {
      return Status::FailedPrecondition(Where() + ": database schema is version " + std::to_string(current) +
                                        ", newer than this ckyc understands (" + std::to_string(LatestSchemaVersion()) +
                                        "); upgrade ckyc");
    }
    for (const auto& m : sqlite::Migrations()) {
      if (m.version <= current) continue;
      CKYC_RETURN_IF_ERROR(Exec("BEGIN IMMEDIATE"));
      Status s = Exec(std::string(m.sql));
      if (s.ok()) {
        Statement st;
        s = Prepare("INSERT INTO schema_migrations (version, description, applied_at) VALUES (?, ?, ?)", st);
        if (s.ok()) {
          sqlite3_bind_int(st.get(), 1, m.version);
          BindText(st.get(), 2, m.description);
          BindText(st.get(), 3, FormatTimestamp(clock_.Now()));
          s = StepDone(st, "record migration");
        }
      }
      if (!s.ok()) {
        Exec("ROLLBACK").IgnoreError();  // the original error is the one worth reporting
        return s.WithContext("migration " + std::to_string(m.version) + " (" + std::string(m.description) + ")");
      }
      CKYC_RETURN_IF_ERROR(Exec("COMMIT"));
    }
    return Status::Ok();
  }

  Result<int> SchemaVersion() override {
    Statement st;
    CKYC_RETURN_IF_ERROR(Prepare("SELECT COALESCE(MAX(version), 0) FROM schema_migrations", st));
    int rc = sqlite3_step(st.get());
    if (rc != SQLITE_ROW) return Error(rc, "read schema version");
    return sqlite3_column_int(st.get(), 0);
  }

  Result<std::vector<AppliedMigration>> AppliedMigrations() override {
    Statement st;
    CKYC_RETURN_IF_ERROR(
        Prepare("SELECT version, description, applied_at FROM schema_migrations ORDER BY version", st));
    std::vector<AppliedMigration> out;
    int rc;
    while ((rc = sqlite3_step(st.get())) == SQLITE_ROW) {
      out.push_back({sqlite3_column_int(st.get(), 0), Text(st.get(), 1), Text(st.get(), 2)});
    }
    if (rc != SQLITE_DONE) return Error(rc, "list migrations");
    return out;
  }

  Status ReplaceAcceleratorClassifications(const std::vector<AcceleratorRecord>& records,
                                           std::string_view catalog_version) override {
    CKYC_RETURN_IF_ERROR(Exec("BEGIN IMMEDIATE"));
    Status s = WriteCatalog(records, catalog_version);
    if (!s.ok()) {
      Exec("ROLLBACK").IgnoreError();  // keep the error that caused the rollback
      return s;
    }
    return Exec("COMMIT");
  }

  Result<std::vector<AcceleratorRecord>> ListAcceleratorClassifications() override {
    Statement st;
    CKYC_RETURN_IF_ERROR(
        Prepare("SELECT id, vendor, model, tpp, tpp_basis, pd, eccn_class, datacenter, vendor_eccn, flags "
                "FROM accelerator_classification ORDER BY vendor, model",
                st));
    std::vector<AcceleratorRecord> out;
    int rc;
    while ((rc = sqlite3_step(st.get())) == SQLITE_ROW) {
      AcceleratorRecord r;
      r.id = Text(st.get(), 0);
      r.vendor = Text(st.get(), 1);
      r.model = Text(st.get(), 2);
      r.tpp = sqlite3_column_double(st.get(), 3);
      r.tpp_basis = Text(st.get(), 4);
      if (sqlite3_column_type(st.get(), 5) != SQLITE_NULL) r.pd = sqlite3_column_double(st.get(), 5);
      r.eccn_class = Text(st.get(), 6);
      r.datacenter = sqlite3_column_int(st.get(), 7) != 0;
      r.vendor_eccn = Text(st.get(), 8);
      r.flags = Text(st.get(), 9);
      out.push_back(std::move(r));
    }
    if (rc != SQLITE_DONE) return Error(rc, "list accelerator classifications");
    return out;
  }

  Result<std::string> CatalogVersion() override {
    Statement st;
    CKYC_RETURN_IF_ERROR(Prepare("SELECT version FROM catalog_version WHERE singleton = 1", st));
    int rc = sqlite3_step(st.get());
    if (rc == SQLITE_DONE) return Status::NotFound(Where() + ": no accelerator catalog stored yet (run ckyc demo)");
    if (rc != SQLITE_ROW) return Error(rc, "read catalog version");
    return Text(st.get(), 0);
  }

  std::string Describe() const override { return "sqlite:" + path_; }

  // Builds the segment in memory as records arrive; Commit writes it, then the batch row.
  class Writer final : public BatchWriter {
   public:
    explicit Writer(SqliteStore& store) : store_(store) {}
    Status Accept(const metering::UsageRecord& r) override {
      if (r.accelerators <= 0 || r.end <= r.start || r.accelerator_seconds < 0) {
        return Status::InvalidArgument(store_.Where() + ": usage record '" + r.id + "' violates the schema");
      }
      // One probe: the store's set answers "stored before or earlier in this batch". Until Commit
      // succeeds the set holds this batch's ids too; an abandoned batch makes the store reload it.
      const segments::IdHash h = segments::HashId(r.id);
      store_.ids_dirty_ = true;
      if (!store_.ids_.Insert(h)) {
        ++out_.duplicates;
        return Status::Ok();
      }
      ++out_.inserted;
      segments::AppendId(ids_, h);
      segments::AppendRecord(records_, r);
      // Totals by (customer, account, part): a batch touches few keys, looked up in a reused buffer.
      key_.assign(r.customer).append(1, '\x1f').append(r.account).append(1, '\x1f').append(r.accelerator);
      const std::uint64_t key = Hash64(key_, 31);
      Total* found = nullptr;
      for (auto [it, end] = totals_index_.equal_range(key); it != end; ++it) {
        Total& c = totals_[it->second];
        if (c.customer == r.customer && c.account == r.account && c.accelerator == r.accelerator) {
          found = &c;
          break;
        }
      }
      if (found == nullptr) {
        totals_index_.emplace(key, totals_.size());
        totals_.push_back(Total{r.customer, r.account, r.accelerator});
        found = &totals_.back();
      }
      Total& t = *found;
      ++t.records;
      t.seconds += r.accelerator_seconds;
      t.first = std::min(t.first, r.start);
      t.last = std::max(t.last, r.end);
      return Status::Ok();
    }

    ~Writer() override {
      if (!committed_) store_.ForgetIds();  // the set may hold ids of records never stored
    }

    void ExpectRecords(std::size_t n) override {
      ids_.reserve(n * 16);
      records_.reserve(n * 96);
      store_.ids_.Reserve(store_.ids_.size() + n);
    }

    Result<UsageAppendOutcome> Commit(const UsageBatch& batch) override {
      // 1. The evidence, on disk before the batch row that makes it visible.
      std::string segment_name;
      std::string segment_path;
      if (out_.inserted > 0) {
        std::error_code ec;
        std::filesystem::create_directories(store_.SegmentDir(), ec);
        if (ec) return Status::IoError(store_.SegmentDir() + ": cannot create: " + ec.message());
        segment_name = "batch-" + FormatTimestamp(store_.clock_.Now()) + "-" +
                       batch.content_hash.substr(std::min<std::size_t>(2, batch.content_hash.size()), 16) + "-" +
                       std::to_string(out_.inserted) + ".seg";
        std::replace(segment_name.begin(), segment_name.end(), ':', '-');
        segment_path = store_.SegmentDir() + "/" + segment_name;
        CKYC_RETURN_IF_ERROR(
            segments::WriteSegment(segment_path, static_cast<std::uint64_t>(out_.inserted), ids_, records_));
      }
      // 2. The batch row and the totals, in one transaction.
      CKYC_RETURN_IF_ERROR(store_.Exec("BEGIN IMMEDIATE"));
      Status s = WriteRows(batch, segment_name);
      if (s.ok()) s = store_.Exec("COMMIT");
      if (!s.ok()) {
        store_.Exec("ROLLBACK").IgnoreError();  // keep the error that caused the rollback
        if (!segment_path.empty()) std::filesystem::remove(segment_path);
        return s;
      }
      committed_ = true;
      store_.ids_dirty_ = false;
      return out_;
    }

   private:
    struct Total {
      std::string customer, account, accelerator;
      std::int64_t records = 0, seconds = 0, first = INT64_MAX, last = INT64_MIN;
    };

    Status WriteRows(const UsageBatch& batch, const std::string& segment_name) {
      Statement b;
      CKYC_RETURN_IF_ERROR(store_.Prepare(
          "INSERT INTO usage_batch (source, format, content_hash, ingested_at, rows, inserted, duplicates, errors, "
          "segment) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
          b));
      BindText(b.get(), 1, batch.source);
      BindText(b.get(), 2, batch.format);
      BindText(b.get(), 3, batch.content_hash);
      BindText(b.get(), 4, FormatTimestamp(store_.clock_.Now()));
      sqlite3_bind_int64(b.get(), 5, batch.rows);
      sqlite3_bind_int64(b.get(), 6, out_.inserted);
      sqlite3_bind_int64(b.get(), 7, out_.duplicates);
      sqlite3_bind_int64(b.get(), 8, batch.errors);
      if (segment_name.empty()) {
        sqlite3_bind_null(b.get(), 9);
      } else {
        BindText(b.get(), 9, segment_name);
      }
      CKYC_RETURN_IF_ERROR(store_.StepDone(b, "record usage batch"));
      out_.batch_id = sqlite3_last_insert_rowid(store_.db_);
      Statement up;
      CKYC_RETURN_IF_ERROR(store_.Prepare(
          "INSERT INTO usage_total (customer, account, accelerator, records, accelerator_seconds, first_start, "
          "last_end) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (customer, account, accelerator) DO UPDATE SET "
          "records = records + excluded.records, "
          "accelerator_seconds = accelerator_seconds + excluded.accelerator_seconds, "
          "first_start = MIN(first_start, excluded.first_start), last_end = MAX(last_end, excluded.last_end)",
          up));
      for (const Total& t : totals_) {
        sqlite3_reset(up.get());
        BindText(up.get(), 1, t.customer);
        BindText(up.get(), 2, t.account);
        BindText(up.get(), 3, t.accelerator);
        sqlite3_bind_int64(up.get(), 4, t.records);
        sqlite3_bind_int64(up.get(), 5, t.seconds);
        sqlite3_bind_int64(up.get(), 6, t.first);
        sqlite3_bind_int64(up.get(), 7, t.last);
        CKYC_RETURN_IF_ERROR(store_.StepDone(up, "update usage totals"));
      }
      return Status::Ok();
    }

    SqliteStore& store_;
    std::string ids_;
    std::string records_;
    std::string key_;  // reused buffer for the totals key
    std::vector<Total> totals_;
    std::unordered_multimap<std::uint64_t, std::size_t> totals_index_;
    UsageAppendOutcome out_;
    bool committed_ = false;
  };

  Result<std::unique_ptr<BatchWriter>> BeginUsageBatch() override {
    if (ids_dirty_) ForgetIds();  // a previous writer is still open or was abandoned
    CKYC_RETURN_IF_ERROR(LoadIds());
    return std::unique_ptr<BatchWriter>(std::make_unique<Writer>(*this));
  }

  Result<std::vector<metering::UsageRecord>> ListUsage() override {
    Statement st;
    CKYC_RETURN_IF_ERROR(Prepare("SELECT segment FROM usage_batch WHERE segment IS NOT NULL ORDER BY id", st));
    std::vector<metering::UsageRecord> out;
    int rc;
    while ((rc = sqlite3_step(st.get())) == SQLITE_ROW) {
      const std::string path = SegmentDir() + "/" + Text(st.get(), 0);
      CKYC_ASSIGN_OR_RETURN(std::string bytes, ReadFile(path));
      CKYC_ASSIGN_OR_RETURN(auto records, segments::Decode(bytes, path));
      out.insert(out.end(), std::make_move_iterator(records.begin()), std::make_move_iterator(records.end()));
    }
    if (rc != SQLITE_DONE) return Error(rc, "list usage batches");
    std::sort(out.begin(), out.end(),
              [](const auto& a, const auto& b) { return a.start != b.start ? a.start < b.start : a.id < b.id; });
    return out;
  }

  Result<std::int64_t> CountUsage() override {
    Statement st;
    CKYC_RETURN_IF_ERROR(Prepare("SELECT COALESCE(SUM(inserted), 0) FROM usage_batch", st));
    int rc = sqlite3_step(st.get());
    if (rc != SQLITE_ROW) return Error(rc, "count usage records");
    return static_cast<std::int64_t>(sqlite3_column_int64(st.get(), 0));
  }

  Result<std::vector<UsageTotal>> UsageTotals() override {
    Statement st;
    CKYC_RETURN_IF_ERROR(Prepare(
        "SELECT customer, account, accelerator, records, accelerator_seconds, first_start, last_end FROM usage_total "
        "ORDER BY customer, account, accelerator",
        st));
    std::vector<UsageTotal> out;
    int rc;
    while ((rc = sqlite3_step(st.get())) == SQLITE_ROW) {
      out.push_back({Text(st.get(), 0), Text(st.get(), 1), Text(st.get(), 2), sqlite3_column_int64(st.get(), 3),
                     sqlite3_column_int64(st.get(), 4), sqlite3_column_int64(st.get(), 5),
                     sqlite3_column_int64(st.get(), 6)});
    }
    if (rc != SQLITE_DONE) return Error(rc, "list usage totals");
    return out;
  }

  Result<std::int64_t> PutPartyDocs(const std::vector<PartyDoc>& docs) override {
    CKYC_RETURN_IF_ERROR(Exec("BEGIN IMMEDIATE"));
    std::int64_t changed = 0;
    Status s = [&]() -> Status {
      Statement st;
      CKYC_RETURN_IF_ERROR(Prepare(
          "INSERT INTO party_doc (kind, id, doc, updated_at) VALUES (?, ?, ?, ?) ON CONFLICT (kind, id) DO UPDATE "
          "SET doc = excluded.doc, updated_at = excluded.updated_at WHERE doc <> excluded.doc",
          st));
      const std::string now = FormatTimestamp(clock_.Now());
      for (const PartyDoc& d : docs) {
        sqlite3_reset(st.get());
        BindText(st.get(), 1, d.kind);
        BindText(st.get(), 2, d.id);
        BindText(st.get(), 3, d.doc);
        BindText(st.get(), 4, now);
        CKYC_RETURN_IF_ERROR(StepDone(st, "store " + d.kind + " '" + d.id + "'"));
        changed += sqlite3_changes(db_);
      }
      return Status::Ok();
    }();
    if (s.ok()) s = Exec("COMMIT");
    if (!s.ok()) {
      Exec("ROLLBACK").IgnoreError();  // keep the error that caused the rollback
      return s;
    }
    return changed;
  }

  Result<std::vector<PartyDoc>> ListPartyDocs() override {
    Statement st;
    CKYC_RETURN_IF_ERROR(Prepare("SELECT kind, id, doc FROM party_doc ORDER BY kind, id", st));
    std::vector<PartyDoc> out;
    int rc;
    while ((rc = sqlite3_step(st.get())) == SQLITE_ROW)
      out.push_back({Text(st.get(), 0), Text(st.get(), 1), Text(st.get(), 2)});
    if (rc != SQLITE_DONE) return Error(rc, "list parties");
    return out;
  }

  Result<PutOutcome> PutListVersion(const ListVersion& version, const std::vector<ListEntryDoc>& entries) override {
    CKYC_RETURN_IF_ERROR(Exec("BEGIN IMMEDIATE"));
    auto out = [&]() -> Result<PutOutcome> {
      Statement find;
      CKYC_RETURN_IF_ERROR(Prepare("SELECT id FROM list_version WHERE list = ? AND content_hash = ?", find));
      BindText(find.get(), 1, version.list);
      BindText(find.get(), 2, version.content_hash);
      const int rc = sqlite3_step(find.get());
      if (rc == SQLITE_ROW) {
        const std::int64_t id = sqlite3_column_int64(find.get(), 0);
        CKYC_ASSIGN_OR_RETURN(auto all, ListVersions());
        for (const auto& v : all) {
          if (v.id == id) return PutOutcome{v, false};
        }
      } else if (rc != SQLITE_DONE) {
        return Error(rc, "find list version");
      }
      Statement ins;
      CKYC_RETURN_IF_ERROR(
          Prepare("INSERT INTO list_version (list, format, source, published, content_hash, imported_at, entries) "
                  "VALUES (?, ?, ?, ?, ?, ?, ?)",
                  ins));
      PutOutcome o{version, true};
      o.version.imported_at = FormatTimestamp(clock_.Now());
      o.version.entries = static_cast<std::int64_t>(entries.size());
      BindText(ins.get(), 1, version.list);
      BindText(ins.get(), 2, version.format);
      BindText(ins.get(), 3, version.source);
      BindText(ins.get(), 4, version.published);
      BindText(ins.get(), 5, version.content_hash);
      BindText(ins.get(), 6, o.version.imported_at);
      sqlite3_bind_int64(ins.get(), 7, o.version.entries);
      CKYC_RETURN_IF_ERROR(StepDone(ins, "store list version"));
      o.version.id = sqlite3_last_insert_rowid(db_);
      Statement e;
      CKYC_RETURN_IF_ERROR(Prepare("INSERT INTO list_entry (version_id, entry_id, doc) VALUES (?, ?, ?)", e));
      for (const ListEntryDoc& d : entries) {
        sqlite3_reset(e.get());
        sqlite3_bind_int64(e.get(), 1, o.version.id);
        BindText(e.get(), 2, d.entry_id);
        BindText(e.get(), 3, d.doc);
        CKYC_RETURN_IF_ERROR(StepDone(e, "store list entry '" + d.entry_id + "'"));
      }
      return o;
    }();
    Status s = out.ok() ? Exec("COMMIT") : out.status();
    if (!s.ok()) {
      Exec("ROLLBACK").IgnoreError();  // keep the error that caused the rollback
      return s;
    }
    return out;
  }

  Result<std::vector<ListVersion>> ListVersions() override {
    Statement st;
    CKYC_RETURN_IF_ERROR(Prepare(
        "SELECT id, list, format, source, published, content_hash, imported_at, entries FROM list_version ORDER BY id",
        st));
    std::vector<ListVersion> out;
    int rc;
    while ((rc = sqlite3_step(st.get())) == SQLITE_ROW) {
      out.push_back({sqlite3_column_int64(st.get(), 0), Text(st.get(), 1), Text(st.get(), 2), Text(st.get(), 3),
                     Text(st.get(), 4), Text(st.get(), 5), Text(st.get(), 6), sqlite3_column_int64(st.get(), 7)});
    }
    if (rc != SQLITE_DONE) return Error(rc, "list versions");
    return out;
  }

  Result<std::vector<ListEntryDoc>> ListEntries(std::int64_t version_id) override {
    Statement st;
    CKYC_RETURN_IF_ERROR(Prepare("SELECT entry_id, doc FROM list_entry WHERE version_id = ? ORDER BY entry_id", st));
    sqlite3_bind_int64(st.get(), 1, version_id);
    std::vector<ListEntryDoc> out;
    int rc;
    while ((rc = sqlite3_step(st.get())) == SQLITE_ROW) out.push_back({Text(st.get(), 0), Text(st.get(), 1)});
    if (rc != SQLITE_DONE) return Error(rc, "list entries");
    return out;
  }

  Status LinkAccount(const AccountLink& link) override {
    Statement st;
    CKYC_RETURN_IF_ERROR(
        Prepare("INSERT INTO account_link (account, customer, reseller, linked_at) VALUES (?, ?, ?, ?) "
                "ON CONFLICT (account) DO UPDATE SET customer = excluded.customer, reseller = excluded.reseller, "
                "linked_at = excluded.linked_at",
                st));
    BindText(st.get(), 1, link.account);
    BindText(st.get(), 2, link.customer);
    BindText(st.get(), 3, link.reseller);
    BindText(st.get(), 4, FormatTimestamp(clock_.Now()));
    return StepDone(st, "link account '" + link.account + "'");
  }

  Result<std::vector<AccountLink>> AccountLinks() override {
    Statement st;
    CKYC_RETURN_IF_ERROR(Prepare("SELECT account, customer, reseller FROM account_link ORDER BY account", st));
    std::vector<AccountLink> out;
    int rc;
    while ((rc = sqlite3_step(st.get())) == SQLITE_ROW) {
      out.push_back({Text(st.get(), 0), Text(st.get(), 1), Text(st.get(), 2)});
    }
    if (rc != SQLITE_DONE) return Error(rc, "list account links");
    return out;
  }

  Status PutMeasuredUtilization(const std::map<std::string, std::pair<double, std::int64_t>>& by_resource) override {
    CKYC_RETURN_IF_ERROR(Exec("BEGIN IMMEDIATE"));
    Status s = [&]() -> Status {
      Statement st;
      CKYC_RETURN_IF_ERROR(Prepare(
          "INSERT INTO measured_utilization (resource, utilization, samples, updated_at) VALUES (?, ?, ?, ?) "
          "ON CONFLICT (resource) DO UPDATE SET utilization = excluded.utilization, samples = excluded.samples, "
          "updated_at = excluded.updated_at",
          st));
      const std::string now = FormatTimestamp(clock_.Now());
      for (const auto& [resource, value] : by_resource) {
        sqlite3_reset(st.get());
        BindText(st.get(), 1, resource);
        sqlite3_bind_double(st.get(), 2, value.first);
        sqlite3_bind_int64(st.get(), 3, value.second);
        BindText(st.get(), 4, now);
        CKYC_RETURN_IF_ERROR(StepDone(st, "store utilisation of '" + resource + "'"));
      }
      return Status::Ok();
    }();
    if (!s.ok()) {
      Exec("ROLLBACK").IgnoreError();  // keep the error that caused the rollback
      return s;
    }
    return Exec("COMMIT");
  }

  Result<std::map<std::string, double>> MeasuredUtilization() override {
    Statement st;
    CKYC_RETURN_IF_ERROR(Prepare("SELECT resource, utilization FROM measured_utilization", st));
    std::map<std::string, double> out;
    int rc;
    while ((rc = sqlite3_step(st.get())) == SQLITE_ROW) out[Text(st.get(), 0)] = sqlite3_column_double(st.get(), 1);
    if (rc != SQLITE_DONE) return Error(rc, "list measured utilisation");
    return out;
  }

 private:
  Status WriteCatalog(const std::vector<AcceleratorRecord>& records, std::string_view catalog_version) {
    CKYC_RETURN_IF_ERROR(Exec("DELETE FROM accelerator_classification"));
    Statement ins;
    CKYC_RETURN_IF_ERROR(Prepare(
        "INSERT INTO accelerator_classification (id, vendor, model, tpp, tpp_basis, pd, eccn_class, datacenter, "
        "vendor_eccn, flags) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        ins));
    for (const AcceleratorRecord& r : records) {
      sqlite3_reset(ins.get());
      BindText(ins.get(), 1, r.id);
      BindText(ins.get(), 2, r.vendor);
      BindText(ins.get(), 3, r.model);
      sqlite3_bind_double(ins.get(), 4, r.tpp);
      BindText(ins.get(), 5, r.tpp_basis);
      if (r.pd) {
        sqlite3_bind_double(ins.get(), 6, *r.pd);
      } else {
        sqlite3_bind_null(ins.get(), 6);
      }
      BindText(ins.get(), 7, r.eccn_class);
      sqlite3_bind_int(ins.get(), 8, r.datacenter ? 1 : 0);
      BindText(ins.get(), 9, r.vendor_eccn);
      BindText(ins.get(), 10, r.flags);
      CKYC_RETURN_IF_ERROR(StepDone(ins, "store accelerator '" + r.id + "'"));
    }
    Statement ver;
    CKYC_RETURN_IF_ERROR(
        Prepare("INSERT INTO catalog_version (singleton, version, loaded_at) VALUES (1, ?, ?) "
                "ON CONFLICT (singleton) DO UPDATE SET version = excluded.version, loaded_at = excluded.loaded_at",
                ver));
    BindText(ver.get(), 1, catalog_version);
    BindText(ver.get(), 2, FormatTimestamp(clock_.Now()));
    return StepDone(ver, "record catalog version");
  }

  std::string SegmentDir() const { return path_ + ".usage"; }

  void ForgetIds() {
    ids_ = segments::IdSet();
    ids_loaded_ = false;
    ids_dirty_ = false;
  }

  // Loads the id hashes of every stored record once per store instance.
  Status LoadIds() {
    if (ids_loaded_) return Status::Ok();
    Statement st;
    CKYC_RETURN_IF_ERROR(Prepare("SELECT segment FROM usage_batch WHERE segment IS NOT NULL ORDER BY id", st));
    int rc;
    while ((rc = sqlite3_step(st.get())) == SQLITE_ROW) {
      const std::string path = SegmentDir() + "/" + Text(st.get(), 0);
      CKYC_ASSIGN_OR_RETURN(std::string bytes, ReadFile(path));
      CKYC_RETURN_IF_ERROR(segments::ForEachId(bytes, path, [&](const segments::IdHash& h) { ids_.Insert(h); }));
    }
    if (rc != SQLITE_DONE) return Error(rc, "list usage batches");
    ids_loaded_ = true;
    return Status::Ok();
  }

  std::string Where() const { return path_; }

  Status Error(int rc, std::string_view what) const {
    std::string msg = Where() + ": " + std::string(what) + ": " + sqlite3_errmsg(db_);
    switch (rc & 0xff) {
      case SQLITE_CORRUPT:
      case SQLITE_NOTADB: return Status::Corruption(msg);
      case SQLITE_CONSTRAINT: return Status::InvalidArgument(msg);
      case SQLITE_CANTOPEN:
      case SQLITE_IOERR:
      case SQLITE_READONLY:
      case SQLITE_FULL:
      case SQLITE_BUSY: return Status::IoError(msg);
      default: return Status::Internal(msg);
    }
  }

  Status Exec(const std::string& sql) {
    char* err = nullptr;
    int rc = sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &err);
    if (rc != SQLITE_OK) {
      std::string what = err != nullptr ? err : sqlite3_errstr(rc);
      sqlite3_free(err);
      Status s = Error(rc, "");
      return {s.code(), Where() + ": " + what};
    }
    return Status::Ok();
  }

  Status Prepare(std::string_view sql, Statement& st) {
    int rc = sqlite3_prepare_v2(db_, sql.data(), static_cast<int>(sql.size()), st.out(), nullptr);
    if (rc != SQLITE_OK) return Error(rc, "prepare");
    return Status::Ok();
  }

  Status StepDone(Statement& st, std::string_view what) {
    int rc = sqlite3_step(st.get());
    if (rc != SQLITE_DONE) return Error(rc, what);
    return Status::Ok();
  }

  static void BindText(sqlite3_stmt* st, int i, std::string_view v) {
    sqlite3_bind_text(st, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
  }
  static std::string Text(sqlite3_stmt* st, int col) {
    const unsigned char* p = sqlite3_column_text(st, col);
    return p == nullptr ? std::string() : std::string(reinterpret_cast<const char*>(p));
  }

  sqlite3* db_;
  std::string path_;
  const Clock& clock_;
  bool ids_loaded_ = false;
  bool ids_dirty_ = false;  // ids_ holds ids of an uncommitted batch
  segments::IdSet ids_;
};

}  // namespace

int LatestSchemaVersion() {
  return sqlite::Migrations().back().version;
}

Result<std::unique_ptr<Store>> OpenSqliteStore(const std::string& path, const Clock& clock) {
  sqlite3* db = nullptr;
  int rc =
      sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr);
  if (rc != SQLITE_OK) {
    std::string msg = path + ": cannot open database: " + (db != nullptr ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
    sqlite3_close_v2(db);
    return Status::IoError(msg);
  }
  auto store = std::make_unique<SqliteStore>(db, path, clock);
  CKYC_RETURN_IF_ERROR(store->Configure());
  CKYC_RETURN_IF_ERROR(store->Migrate());
  return std::unique_ptr<Store>(std::move(store));
}

}  // namespace ckyc::store
