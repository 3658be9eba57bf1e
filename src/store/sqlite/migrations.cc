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
  };
  return kMigrations;
}

}  // namespace ckyc::store::sqlite
