// The Store: the one interface through which app/ persists state. Backends: SQLite (embedded,
// the default) and an in-memory store for tests; PostgreSQL follows behind the same interface, so
// no SQL dialect detail may leak above this header.
//
// [Threading] A Store instance is used from one thread at a time.
// [Durability] A call that returns OK has committed its transaction.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.h"
#include "core/status.h"

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

class Store {
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
