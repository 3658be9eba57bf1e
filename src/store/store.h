// The Store: the one interface through which app/ persists state. Backends: SQLite (embedded,
// the default) and an in-memory store for tests; PostgreSQL follows behind the same interface, so
// no SQL dialect detail may leak above this header.
//
// [Threading] A Store instance is used from one thread at a time.
// [Durability] A call that returns OK has committed its transaction.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.h"
#include "core/status.h"
#include "metering/usage.h"

namespace ckyc::store {

struct AppliedMigration {
  int version = 0;
  std::string description;
  std::string applied_at;  // ISO 8601 UTC
};

// A classified catalog part as stored: plain values, no engine types.
struct AcceleratorRecord {
  std::string id;
  std::string vendor;
  std::string model;
  double tpp = 0;
  std::string tpp_basis;
  std::optional<double> pd;
  std::string eccn_class;  // "3A090.a.1" ... "not-3A090"
  bool datacenter = true;
  std::string vendor_eccn;
  std::string flags;  // comma-separated flag codes
};

// One ingested file: what it was, what it held. Recorded with its records in one transaction.
struct UsageBatch {
  std::string source;        // path as given
  std::string format;        // "cur", "focus", "jsonl"
  std::string content_hash;  // of the file bytes
  std::int64_t rows = 0;
  std::int64_t errors = 0;
};

struct UsageAppendOutcome {
  std::int64_t batch_id = 0;
  std::int64_t inserted = 0;
  std::int64_t duplicates = 0;  // record ids already stored: re-ingesting is idempotent
};

struct UsageTotal {
  std::string customer;
  std::string account;
  std::string accelerator;
  std::int64_t records = 0;
  std::int64_t accelerator_seconds = 0;
  std::int64_t first_start = 0;
  std::int64_t last_end = 0;
};

struct AccountLink {
  std::string account;
  std::string customer;  // the end customer (ultimate parent, or the reseller's customer)
  std::string reseller;  // empty when direct
};

// The usage part of the store. Kept apart from Store so the usage path can be read on its own.
class UsageStore {
 public:
  virtual ~UsageStore() = default;
  // Streams one batch: Accept() each record, then Commit(). Nothing is visible before Commit
  // returns OK, and then it is durable; a writer destroyed without Commit leaves no trace. Records
  // whose id is already stored, or repeats earlier in the batch, are counted as duplicates.
  // A record breaking the schema (no accelerators, end not after start) fails Accept().
  class BatchWriter : public metering::UsageSink {
   public:
    virtual Result<UsageAppendOutcome> Commit(const UsageBatch& batch) = 0;
  };
  virtual Result<std::unique_ptr<BatchWriter>> BeginUsageBatch() = 0;

  // One batch from a vector: BeginUsageBatch, Accept each, Commit.
  Result<UsageAppendOutcome> AppendUsage(const UsageBatch& batch, const std::vector<metering::UsageRecord>& records);

  // All records, ordered by start, then id.
  virtual Result<std::vector<metering::UsageRecord>> ListUsage() = 0;
  virtual Result<std::int64_t> CountUsage() = 0;
  // Per (customer as recorded, account, accelerator), ordered by those keys.
  virtual Result<std::vector<UsageTotal>> UsageTotals() = 0;
  virtual Status LinkAccount(const AccountLink& link) = 0;
  virtual Result<std::vector<AccountLink>> AccountLinks() = 0;
  // Measured utilisation per resource (from DCGM), replacing any earlier figure for it.
  virtual Status PutMeasuredUtilization(const std::map<std::string, std::pair<double, std::int64_t>>& by_resource) = 0;
  virtual Result<std::map<std::string, double>> MeasuredUtilization() = 0;
};

// A party, ownership edge or role as a document of the parties jsonl format, keyed by kind and id.
struct PartyDoc {
  std::string kind;  // "party", "ownership", "role"
  std::string id;
  std::string doc;  // one jsonl line
};

class PartyStore {
 public:
  virtual ~PartyStore() = default;
  // Upserts all `docs` in one transaction: all or nothing. Re-putting the same document is a
  // no-op; `changed` counts documents that were new or different.
  virtual Result<std::int64_t> PutPartyDocs(const std::vector<PartyDoc>& docs) = 0;
  virtual Result<std::vector<PartyDoc>> ListPartyDocs() = 0;
};

// One imported version of a restricted-party list.
struct ListVersion {
  std::int64_t id = 0;
  std::string list;          // "SDN", "CSL", "UN", ... (the import's main list)
  std::string format;        // "sdn", "cons", "csl", "dpl", "un", "ftm"
  std::string source;        // path as given
  std::string published;     // publication date when known
  std::string content_hash;  // of the entries, so the same content is one version
  std::string imported_at;
  std::int64_t entries = 0;
};

struct ListEntryDoc {
  std::string entry_id;  // "<list>/<the list's own id>", unique within a version
  std::string doc;       // JSON (screening/list_serialize.h)
};

class ListStore {
 public:
  virtual ~ListStore() = default;
  // Stores a version and its entries in one transaction. A version whose content_hash and list are
  // already stored is not stored again: the existing one is returned with `created` false.
  struct PutOutcome {
    ListVersion version;
    bool created = false;
  };
  virtual Result<PutOutcome> PutListVersion(const ListVersion& version, const std::vector<ListEntryDoc>& entries) = 0;
  virtual Result<std::vector<ListVersion>> ListVersions() = 0;                         // oldest first
  virtual Result<std::vector<ListEntryDoc>> ListEntries(std::int64_t version_id) = 0;  // by entry_id
};

class Store : public UsageStore, public PartyStore, public ListStore {
 public:
  virtual ~Store() = default;

  // Brings the schema to the latest version; applying it twice is a no-op. Fails with
  // FailedPrecondition when the database was written by a newer ckyc.
  virtual Status Migrate() = 0;
  virtual Result<int> SchemaVersion() = 0;
  virtual Result<std::vector<AppliedMigration>> AppliedMigrations() = 0;

  // Replaces the stored catalog classification with `records` in one transaction, recording the
  // catalog version (a content hash) it came from. On error nothing changes.
  virtual Status ReplaceAcceleratorClassifications(const std::vector<AcceleratorRecord>& records,
                                                   std::string_view catalog_version) = 0;
  // Ordered by vendor, model.
  virtual Result<std::vector<AcceleratorRecord>> ListAcceleratorClassifications() = 0;
  // NotFound when no catalog has been stored yet.
  virtual Result<std::string> CatalogVersion() = 0;

  // "sqlite:ckyc.db", "memory"
  virtual std::string Describe() const = 0;
};

// The latest schema version this build knows.
int LatestSchemaVersion();

// Opens (creating if needed) an SQLite database at `path` in WAL mode with foreign keys on, and
// migrates it. `clock` must outlive the store.
Result<std::unique_ptr<Store>> OpenSqliteStore(const std::string& path, const Clock& clock);

// A store that keeps everything in memory; for tests.
std::unique_ptr<Store> NewMemoryStore(const Clock& clock);

// The database path from the --db flag, else $CKYC_DB, else ./ckyc.db.
std::string DefaultDatabasePath(const std::optional<std::string>& flag);

}  // namespace ckyc::store
