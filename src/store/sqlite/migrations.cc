#include "store/sqlite/migrations.h"

namespace ckyc::store::sqlite {

const std::vector<Migration>& Migrations() {
  static const std::vector<Migration> kMigrations = {
      {1, "accelerator catalog classification", R"sql(
CREATE TABLE catalog_version (
  singleton   INTEGER PRIMARY KEY CHECK (singleton = 1),
  version     TEXT NOT NULL,
  loaded_at   TEXT NOT NULL
);
CREATE TABLE accelerator_classification (
  id          TEXT PRIMARY KEY,
  vendor      TEXT NOT NULL,
  model       TEXT NOT NULL,
  tpp         REAL NOT NULL CHECK (tpp >= 0),
  tpp_basis   TEXT NOT NULL,
  pd          REAL CHECK (pd IS NULL OR pd >= 0),
  eccn_class  TEXT NOT NULL CHECK (eccn_class IN
                ('3A090.a.1', '3A090.a.2', '3A090.b.1', '3A090.b.2', 'not-3A090')),
  datacenter  INTEGER NOT NULL CHECK (datacenter IN (0, 1)),
  vendor_eccn TEXT NOT NULL DEFAULT '',
  flags       TEXT NOT NULL DEFAULT ''
) WITHOUT ROWID;
CREATE INDEX accelerator_classification_by_name ON accelerator_classification (vendor, model);
)sql"},
      {2, "usage records, account links, measured utilisation", R"sql(
CREATE TABLE usage_batch (
  id           INTEGER PRIMARY KEY,
  source       TEXT NOT NULL,
  format       TEXT NOT NULL,
  content_hash TEXT NOT NULL,
  ingested_at  TEXT NOT NULL,
  rows         INTEGER NOT NULL,
  inserted     INTEGER NOT NULL,
  duplicates   INTEGER NOT NULL,
  errors       INTEGER NOT NULL
);
CREATE TABLE usage_record (
  id                  TEXT PRIMARY KEY,
  batch_id            INTEGER NOT NULL REFERENCES usage_batch (id),
  account             TEXT NOT NULL,
  customer            TEXT NOT NULL,
  resource            TEXT NOT NULL,
  accelerator         TEXT NOT NULL,
  instance_type       TEXT NOT NULL,
  accelerators        INTEGER NOT NULL CHECK (accelerators > 0),
  start_s             INTEGER NOT NULL,
  end_s               INTEGER NOT NULL CHECK (end_s > start_s),
  accelerator_seconds INTEGER NOT NULL CHECK (accelerator_seconds >= 0),
  region              TEXT NOT NULL,
  placement           TEXT NOT NULL,
  fabric              TEXT NOT NULL,
  network_gbps        REAL,
  job                 TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX usage_record_by_account ON usage_record (account, start_s);
CREATE TABLE account_link (
  account   TEXT PRIMARY KEY,
  customer  TEXT NOT NULL,
  reseller  TEXT NOT NULL DEFAULT '',
  linked_at TEXT NOT NULL
) WITHOUT ROWID;
CREATE TABLE measured_utilization (
  resource    TEXT PRIMARY KEY,
  utilization REAL NOT NULL CHECK (utilization > 0 AND utilization <= 1),
  samples     INTEGER NOT NULL,
  updated_at  TEXT NOT NULL
) WITHOUT ROWID;
)sql"},
  };
  return kMigrations;
}

}  // namespace ckyc::store::sqlite
