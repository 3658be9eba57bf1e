// Hot paths of the chips module beside a real peer, SQLite, on the same data in the same run:
//  - resolving the accelerator names billing rows and DCGM report (every usage record does this),
//  - classifying the whole catalog (done on every catalog or threshold change).
// The SQLite peer holds the same names in an indexed table (COLLATE NOCASE, prepared statement),
// and classifies with one SQL query implementing the same 3A090 thresholds.
#include <benchmark/benchmark.h>
#include <sqlite3.h>

#include <cstdlib>
#include <random>
#include <string>
#include <vector>

#include "app/reference_data.h"
#include "chips/part_report.h"

namespace {

using ckyc::chips::AcceleratorCatalog;

const ckyc::app::ReferenceData& Data() {
  static auto data = [] {
    auto d = ckyc::app::LoadChipData();
    if (!d.ok()) std::abort();
    return std::move(d).value();
  }();
  return *data;
}

// The lookup workload: every name the catalog knows in the spellings seen in the wild (as listed,
// upper-cased) plus 20 % misses, shuffled.
const std::vector<std::string>& Names() {
  static std::vector<std::string> names = [] {
    std::vector<std::string> out;
    for (const auto& a : Data().accelerators.all()) {
      for (const auto& alias : a.aliases) {
        out.push_back(alias);
        std::string upper = alias;
        for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        out.push_back(upper);
      }
      out.push_back(a.id);
    }
    const std::size_t hits = out.size();
    for (std::size_t i = 0; i < hits / 4; ++i) out.push_back("Unknown GPU model " + std::to_string(i));
    std::shuffle(out.begin(), out.end(), std::mt19937(42));
    return out;
  }();
  return names;
}

struct SqlitePeer {
  sqlite3* db = nullptr;
  sqlite3_stmt* lookup = nullptr;
  SqlitePeer() {
    sqlite3_open(":memory:", &db);
    sqlite3_exec(db,
                 "CREATE TABLE part (id TEXT PRIMARY KEY, fp64 REAL, fp32 REAL, tf32 REAL, bf16 REAL, fp16 REAL, "
                 "fp8 REAL, fp6 REAL, fp4 REAL, int8 REAL, int4 REAL, area REAL, dc INTEGER);"
                 "CREATE TABLE name (name TEXT PRIMARY KEY COLLATE NOCASE, part_id TEXT NOT NULL) WITHOUT ROWID;",
                 nullptr, nullptr, nullptr);
    sqlite3_stmt* ins = nullptr;
    sqlite3_prepare_v2(db, "INSERT INTO part VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)", -1, &ins, nullptr);
    sqlite3_stmt* nm = nullptr;
    sqlite3_prepare_v2(db, "INSERT OR IGNORE INTO name VALUES (?, ?)", -1, &nm, nullptr);
    for (const auto& a : Data().accelerators.all()) {
      sqlite3_reset(ins);
      sqlite3_bind_text(ins, 1, a.id.c_str(), -1, SQLITE_TRANSIENT);
      int col = 2;
      for (auto p : ckyc::chips::kAllPrecisions) {
        if (auto v = a.spec.tops(p)) {
          sqlite3_bind_double(ins, col, *v);
        } else {
          sqlite3_bind_null(ins, col);
        }
        ++col;
      }
      if (a.spec.die_area_mm2) {
        sqlite3_bind_double(ins, 12, *a.spec.die_area_mm2);
      } else {
        sqlite3_bind_null(ins, 12);
      }
      sqlite3_bind_int(ins, 13, a.spec.datacenter.value_or(true) ? 1 : 0);
      sqlite3_step(ins);
      std::vector<std::string> all = a.aliases;
      all.push_back(a.id);
      for (const auto& n : all) {
        sqlite3_reset(nm);
        sqlite3_bind_text(nm, 1, n.c_str(), -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(nm, 2, a.id.c_str(), -1, SQLITE_TRANSIENT);
        sqlite3_step(nm);
      }
    }
    sqlite3_finalize(ins);
    sqlite3_finalize(nm);
    sqlite3_prepare_v2(db, "SELECT part_id FROM name WHERE name = ?", -1, &lookup, nullptr);
  }
  ~SqlitePeer() {
    sqlite3_finalize(lookup);
    sqlite3_close(db);
  }
};

SqlitePeer& Peer() {
  static SqlitePeer peer;
  return peer;
}

void BM_ResolveName_Ckyc(benchmark::State& state) {
  const auto& names = Names();
  const AcceleratorCatalog& cat = Data().accelerators;
  std::size_t i = 0;
  std::size_t found = 0;
  for (auto _ : state) {
    const auto* a = cat.Find(names[i]);
    found += a != nullptr ? 1 : 0;
    benchmark::DoNotOptimize(a);
    if (++i == names.size()) i = 0;
  }
  state.counters["hit_rate"] = static_cast<double>(found) / static_cast<double>(state.iterations());
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
}
BENCHMARK(BM_ResolveName_Ckyc);

void BM_ResolveName_Sqlite(benchmark::State& state) {
  const auto& names = Names();
  SqlitePeer& peer = Peer();
  std::size_t i = 0;
  std::size_t found = 0;
  for (auto _ : state) {
    sqlite3_reset(peer.lookup);
    sqlite3_bind_text(peer.lookup, 1, names[i].data(), static_cast<int>(names[i].size()), SQLITE_STATIC);
    if (sqlite3_step(peer.lookup) == SQLITE_ROW) ++found;
    if (++i == names.size()) i = 0;
  }
  state.counters["hit_rate"] = static_cast<double>(found) / static_cast<double>(state.iterations());
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
}
BENCHMARK(BM_ResolveName_Sqlite);

void BM_ClassifyCatalog_Ckyc(benchmark::State& state) {
  const auto t = ckyc::chips::Thresholds3A090::Current();
  const auto& parts = Data().accelerators.all();
  for (auto _ : state) {
    for (const auto& a : parts) {
      auto c = ckyc::chips::Classify(a.spec, t);
      benchmark::DoNotOptimize(c);
    }
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(parts.size()));
}
BENCHMARK(BM_ClassifyCatalog_Ckyc);

// The same thresholds in SQL: TPP as the max of TOPS × bits, PD, then the 3A090 ladder and Note 2.
// (No reasons or flags: the peer does strictly less work than ckyc.)
void BM_ClassifyCatalog_Sqlite(benchmark::State& state) {
  SqlitePeer& peer = Peer();
  sqlite3_stmt* st = nullptr;
  sqlite3_prepare_v2(peer.db, R"sql(
    WITH t AS (
      SELECT id, dc, area, MAX(COALESCE(fp64*64,0), COALESCE(fp32*32,0), COALESCE(tf32*19,0),
             COALESCE(bf16*16,0), COALESCE(fp16*16,0), COALESCE(fp8*8,0), COALESCE(fp6*6,0),
             COALESCE(fp4*4,0), COALESCE(int8*8,0), COALESCE(int4*4,0)) AS tpp FROM part),
    p AS (SELECT id, dc, tpp, tpp / area AS pd FROM t)
    SELECT id, tpp, pd, CASE
      WHEN dc = 0 AND tpp < 4800 THEN 'not-3A090'
      WHEN tpp >= 4800 THEN '3A090.a.1'
      WHEN tpp >= 1600 AND (pd IS NULL OR pd >= 5.92) THEN '3A090.a.2'
      WHEN tpp >= 2400 AND pd >= 1.6 THEN '3A090.b.1'
      WHEN tpp >= 1600 AND pd >= 3.2 THEN '3A090.b.2'
      ELSE 'not-3A090' END
    FROM p)sql",
                     -1, &st, nullptr);
  std::size_t rows = 0;
  for (auto _ : state) {
    sqlite3_reset(st);
    while (sqlite3_step(st) == SQLITE_ROW) {
      benchmark::DoNotOptimize(sqlite3_column_text(st, 3));
      ++rows;
    }
  }
  sqlite3_finalize(st);
  state.SetItemsProcessed(static_cast<std::int64_t>(rows));
}
BENCHMARK(BM_ClassifyCatalog_Sqlite);

}  // namespace
