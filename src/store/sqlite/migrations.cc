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
  errors       INTEGER NOT NULL,
  segment      TEXT               -- file under <db>.usage/ holding the inserted records; NULL if none
);
-- Per end customer, account and part: what every run and report starts from.
CREATE TABLE usage_total (
  customer            TEXT NOT NULL,
  account             TEXT NOT NULL,
  accelerator         TEXT NOT NULL,
  records             INTEGER NOT NULL,
  accelerator_seconds INTEGER NOT NULL CHECK (accelerator_seconds >= 0),
  first_start         INTEGER NOT NULL,
  last_end            INTEGER NOT NULL,
  PRIMARY KEY (customer, account, accelerator)
) WITHOUT ROWID;
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
      {3, "parties, ownership and roles", R"sql(
CREATE TABLE party_doc (
  kind       TEXT NOT NULL CHECK (kind IN ('party', 'ownership', 'role')),
  id         TEXT NOT NULL,
  doc        TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (kind, id)
) WITHOUT ROWID;
)sql"},
      {4, "restricted-party list versions", R"sql(
CREATE TABLE list_version (
  id           INTEGER PRIMARY KEY,
  list         TEXT NOT NULL,
  format       TEXT NOT NULL,
  source       TEXT NOT NULL,
  published    TEXT NOT NULL,
  content_hash TEXT NOT NULL,
  imported_at  TEXT NOT NULL,
  entries      INTEGER NOT NULL,
  UNIQUE (list, content_hash)
);
CREATE TABLE list_entry (
  version_id INTEGER NOT NULL REFERENCES list_version (id),
  entry_id   TEXT NOT NULL,
  doc        TEXT NOT NULL,
  PRIMARY KEY (version_id, entry_id)
) WITHOUT ROWID;
)sql"},
  };
  return kMigrations;
}

}  // namespace ckyc::store::sqlite
