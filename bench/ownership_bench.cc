// Effective ownership by country over a synthetic ownership graph: ckyc's ResolveEffectiveOwnership
// beside the same computation as one recursive CTE in SQLite, in one run, on the same data.
//
// Usage: ckyc_ownership_bench [--entities N] [--edges M] [--seed S]
//                             [--sqlite-entities K] [--sqlite-budget SECONDS] [--plan]
//
// The graph (deterministic: the same N, M and seed give the same graph, bit for bit):
//  - Node i lies in layer i % 8; layer 0 is the top. Every layer-0 node and 3 % of the others are
//    terminal holders (no owners on file: individuals, listed companies, states).
//  - Every other node has 1 + Poisson(λ) owners, λ adjusted as nodes are generated so that the
//    edges add up to M (fewer where a node cannot find enough distinct owners). Each owner is an
//    earlier node of a higher layer: the layer directly above with probability 1/2, otherwise any
//    higher layer. The graph is therefore a DAG of depth at most 7 edges.
//  - Stakes are whole basis points; a node's known owners hold 100 % together for 60 % of the
//    nodes, otherwise 20–100 %. 1 % of edges have an unknown percentage (NaN for ckyc, NULL in
//    SQLite): both skip them, so the node's own label keeps that share. Stakes stay within 0–100 %,
//    so ckyc's clamp of each stake to that range never applies and the SQL needs none.
//  - No cycles. ckyc solves cycles by Gauss–Seidel sweeps, but the recursive CTE enumerates paths
//    and would never terminate on one, so both sides compute the acyclic case only.
//  - Each node has one of 20 country labels (uniform).
// Because every node's owners precede it and edges are written in owned-node order, the first K
// nodes with the first edges_below[K] edges form a closed subgraph: its results equal the full
// graph's for those nodes. When SQLite cannot do the whole graph within the budget, it runs on the
// largest such prefix (from a 1-2-5 ladder) that its measured speed says will fit, and ckyc runs on
// that same prefix too.
//
// SQLite: an in-memory database (":memory:", temp_store=MEMORY, so neither side touches a disk),
// tables node(id INTEGER PRIMARY KEY, country) and edge(owner, owned, pct) with the covering index
// edge(owned, owner, pct), bulk-loaded in one transaction with prepared statements; then one query
// (kQuery below) that walks every path from every node up through its owners, multiplies the
// stakes, and credits at each node reached its own share — everything (1) when it is terminal,
// else max(0, 1 − Σ known pct/100), the remainder rule — to that node's country, grouped by (node,
// country). That is exactly ResolveEffectiveOwnership's recurrence unrolled into paths.
//
// The check compares every node of SQLite's graph, every country, against ckyc on the same graph
// and against ckyc on the full graph (max |diff| < 1e-9), and prints "check: ok" or exits with 1.
#include <sqlite3.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#ifdef __GLIBC__
#include <malloc.h>
#endif

#include "parties/ownership.h"

namespace {

using ckyc::parties::CompactOwnershipGraph;
using ckyc::parties::OwnershipDistribution;
using ckyc::parties::ResolveEffectiveOwnership;

constexpr std::uint32_t kLayers = 8;
constexpr std::uint32_t kCountries = 20;
constexpr double kTerminalShare = 0.03;  // terminal nodes below layer 0
constexpr double kAdjacentShare = 0.5;   // owners from the layer directly above
constexpr double kFullyDisclosedShare = 0.6;
constexpr double kUnknownShare = 0.01;  // edges with an unknown percentage
constexpr std::size_t kMaxOwners = 64;
constexpr double kTolerance = 1e-9;
constexpr std::uint64_t kCalibrationRows = 1'000'000;  // walk rows for the SQLite calibration run

constexpr const char* kQuery = R"sql(
WITH RECURSIVE walk(root, node, w) AS (
  SELECT id, id, 1.0 FROM node
  UNION ALL
  SELECT walk.root, edge.owner, walk.w * edge.pct / 100.0
  FROM walk JOIN edge ON edge.owned = walk.node
  WHERE edge.pct IS NOT NULL
)
SELECT walk.root, node.country,
       SUM(walk.w * (SELECT max(0.0, 1.0 - coalesce(sum(own.pct), 0.0) / 100.0)
                     FROM edge AS own WHERE own.owned = walk.node))
FROM walk JOIN node ON node.id = walk.node
GROUP BY walk.root, node.country
)sql";

[[noreturn]] void Fail(const std::string& what) {
  std::fprintf(stderr, "ownership_bench: %s\n", what.c_str());
  std::exit(1);
}

double Seconds(std::chrono::steady_clock::time_point since) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - since).count();
}

std::string Count(std::uint64_t v) {
  std::string digits = std::to_string(v), out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

std::string Rate(double per_second) {
  char buf[32];
  if (per_second >= 1e6) {
    std::snprintf(buf, sizeof buf, "%.2f M/s", per_second / 1e6);
  } else if (per_second >= 1e3) {
    std::snprintf(buf, sizeof buf, "%.1f k/s", per_second / 1e3);
  } else {
    std::snprintf(buf, sizeof buf, "%.0f /s", per_second);
  }
  return buf;
}

// --- memory ------------------------------------------------------------------------------------

long StatusKib(const char* key) {
  std::ifstream f("/proc/self/status");
  std::string line;
  const std::size_t n = std::strlen(key);
  while (std::getline(f, line)) {
    if (line.compare(0, n, key) == 0) return std::strtol(line.c_str() + n, nullptr, 10);
  }
  return -1;
}

// The process's peak RSS over the whole run. Resetting VmHWM (below) also resets what getrusage()
// and time(1) report, so the peak is carried across resets here.
long process_peak_kib = 0;

long ProcessPeakKib() {
  process_peak_kib = std::max(process_peak_kib, StatusKib("VmHWM:"));
  return process_peak_kib;
}

// Peak RSS growth over a phase: VmHWM after, reset before (Linux clear_refs "5"), minus VmRSS before.
class PeakRss {
 public:
  PeakRss() {
    ProcessPeakKib();
#ifdef __GLIBC__
    malloc_trim(0);  // hand freed memory back so the next phase's growth shows
#endif
    std::ofstream f("/proc/self/clear_refs");
    f << "5";
    f.flush();
    ok_ = !f.fail();
    base_ = StatusKib("VmRSS:");
  }
  // MiB, or -1 when the kernel would not reset the peak.
  double GrowthMib() const {
    const long hwm = StatusKib("VmHWM:");
    return ok_ && hwm >= 0 && base_ >= 0 ? static_cast<double>(hwm - base_) / 1024.0 : -1;
  }

 private:
  bool ok_ = false;
  long base_ = 0;
};

// --- the workload ------------------------------------------------------------------------------

class Rng {
 public:
  explicit Rng(std::uint64_t seed) : engine_(seed) {}
  std::uint64_t Below(std::uint64_t n) { return engine_() % n; }
  double Uniform() { return static_cast<double>(engine_() >> 11) * 0x1p-53; }
  // Knuth's method (λ is small here). Written out so the graph does not depend on the standard
  // library's distribution algorithms.
  std::size_t Poisson(double lambda) {
    const double limit = std::exp(-lambda);
    std::size_t k = 0;
    double p = Uniform();
    while (p > limit) {
      ++k;
      p *= Uniform();
    }
    return k;
  }

 private:
  std::mt19937_64 engine_;
};

struct Workload {
  CompactOwnershipGraph graph;
  std::vector<std::size_t> edges_below;        // [k]: edges owned by nodes < k (a prefix of the edges)
  std::vector<std::uint64_t> walk_rows_below;  // [k]: rows the CTE's walk produces for nodes < k
  std::size_t terminal = 0;
  std::size_t unknown = 0;
};

Workload Generate(std::size_t n, std::size_t m, std::uint64_t seed) {
  if (n > std::size_t{UINT32_MAX}) Fail("--entities must fit in 32 bits");
  Rng rng(seed);
  Workload w;
  CompactOwnershipGraph& g = w.graph;
  g.nodes = n;
  g.node_label.resize(n);
  std::vector<char> terminal(n);
  std::size_t owned_left = 0;
  for (std::size_t i = 0; i < n; ++i) {
    g.node_label[i] = static_cast<std::uint32_t>(rng.Below(kCountries));
    terminal[i] = i % kLayers == 0 || rng.Uniform() < kTerminalShare;
    if (!terminal[i]) ++owned_left;
  }
  g.edge_owner.reserve(m);
  g.edge_owned.reserve(m);
  g.edge_percent.reserve(m);
  w.edges_below.assign(n + 1, 0);
  std::vector<std::uint32_t> owners;
  std::vector<std::uint64_t> weights;
  for (std::size_t i = 0; i < n; ++i) {
    w.edges_below[i] = g.edge_owned.size();
    if (terminal[i]) continue;
    --owned_left;  // nodes after this one that still need owners
    const std::size_t budget = m > g.edge_owned.size() ? m - g.edge_owned.size() : 0;
    std::size_t k = 0;
    if (budget > 0) {
      const double mean = static_cast<double>(budget) / static_cast<double>(owned_left + 1);
      k = 1 + (mean > 1 ? rng.Poisson(std::min(mean - 1, 60.0)) : 0);
      k = std::min({k, kMaxOwners, std::max<std::size_t>(1, budget > owned_left ? budget - owned_left : 1)});
    }
    const auto layer = static_cast<std::uint32_t>(i % kLayers);
    owners.clear();
    for (std::size_t tries = 0; owners.size() < k && tries < 4 * k + 8; ++tries) {
      const std::uint32_t above =
          layer == 1 || rng.Uniform() < kAdjacentShare ? layer - 1 : static_cast<std::uint32_t>(rng.Below(layer - 1));
      const std::size_t candidates = (i - above + kLayers - 1) / kLayers;  // ids above, above + 8, ... < i
      const auto j = static_cast<std::uint32_t>(above + kLayers * rng.Below(candidates));
      if (std::find(owners.begin(), owners.end(), j) == owners.end()) owners.push_back(j);
    }
    if (owners.empty()) {
      terminal[i] = 1;
      continue;
    }
    // Whole basis points: at least 1 each, the rest split by random weights.
    const std::uint64_t total = rng.Uniform() < kFullyDisclosedShare ? 10000 : 2000 + rng.Below(8000);
    weights.clear();
    std::uint64_t weight_sum = 0;
    for (std::size_t o = 0; o < owners.size(); ++o) weight_sum += weights.emplace_back(1 + rng.Below(100));
    const std::uint64_t rest = total - owners.size();
    std::uint64_t given = 0;
    for (std::size_t o = 0; o < owners.size(); ++o) {
      std::uint64_t points = 1 + rest * weights[o] / weight_sum;
      if (o + 1 == owners.size()) points = total - given;
      given += points;
      const bool unknown = rng.Uniform() < kUnknownShare;
      w.unknown += unknown ? 1 : 0;
      g.edge_owner.push_back(owners[o]);
      g.edge_owned.push_back(static_cast<std::uint32_t>(i));
      g.edge_percent.push_back(unknown ? std::nan("") : static_cast<double>(points) / 100.0);
    }
  }
  w.edges_below[n] = g.edge_owned.size();
  w.terminal = static_cast<std::size_t>(std::count(terminal.begin(), terminal.end(), 1));
  // Rows of the CTE's walk: one per path from a node up through known stakes (the empty path too).
  std::vector<std::uint64_t> paths(n, 1);
  for (std::size_t e = 0; e < g.edge_owned.size(); ++e) {
    if (!std::isnan(g.edge_percent[e])) paths[g.edge_owned[e]] += paths[g.edge_owner[e]];
  }
  w.walk_rows_below.assign(n + 1, 0);
  for (std::size_t i = 0; i < n; ++i) w.walk_rows_below[i + 1] = w.walk_rows_below[i] + paths[i];
  return w;
}

// The closed subgraph of the first k nodes (the whole graph when k == nodes).
CompactOwnershipGraph Prefix(const Workload& w, std::size_t k) {
  const CompactOwnershipGraph& g = w.graph;
  const auto edges = static_cast<std::ptrdiff_t>(w.edges_below[k]);
  CompactOwnershipGraph p;
  p.nodes = k;
  p.node_label.assign(g.node_label.begin(), g.node_label.begin() + static_cast<std::ptrdiff_t>(k));
  p.edge_owner.assign(g.edge_owner.begin(), g.edge_owner.begin() + edges);
  p.edge_owned.assign(g.edge_owned.begin(), g.edge_owned.begin() + edges);
  p.edge_percent.assign(g.edge_percent.begin(), g.edge_percent.begin() + edges);
  return p;
}

// --- the two contenders ------------------------------------------------------------------------

struct Figures {
  std::string name;
  std::size_t nodes = 0;
  std::size_t edges = 0;
  std::uint64_t walk_rows = 0;  // SQLite only
  double load_s = 0;
  double compute_s = 0;
  double peak_mib = -1;  // RSS growth during compute
};

struct CkycRun {
  Figures figures;
  OwnershipDistribution result;
};

CkycRun RunCkyc(const Workload& w, std::size_t k, const std::string& name) {
  CkycRun run;
  run.figures.name = name;
  auto t = std::chrono::steady_clock::now();
  const CompactOwnershipGraph g = Prefix(w, k);
  run.figures.load_s = Seconds(t);
  run.figures.nodes = g.nodes;
  run.figures.edges = g.edge_owned.size();
  PeakRss peak;
  t = std::chrono::steady_clock::now();
  auto resolved = ResolveEffectiveOwnership(g, 200);
  if (!resolved.ok()) {
    std::fprintf(stderr, "ckyc_ownership_bench: %s\n", resolved.status().message().c_str());
    std::exit(1);
  }
  run.result = std::move(resolved).value();
  run.figures.compute_s = Seconds(t);
  run.figures.peak_mib = peak.GrowthMib();
  return run;
}

class Database {
 public:
  Database() {
    if (sqlite3_open(":memory:", &db_) != SQLITE_OK) Fail("sqlite3_open failed");
  }
  ~Database() {
    for (sqlite3_stmt* s : statements_) sqlite3_finalize(s);
    sqlite3_close(db_);
  }
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  void Exec(const char* sql) {
    char* err = nullptr;
    if (sqlite3_exec(db_, sql, nullptr, nullptr, &err) != SQLITE_OK) {
      const std::string message = err != nullptr ? err : "?";
      sqlite3_free(err);
      Fail(std::string("SQLite: ") + message + " in: " + sql);
    }
  }
  sqlite3_stmt* Prepare(const char* sql) {
    sqlite3_stmt* s = nullptr;
    if (sqlite3_prepare_v2(db_, sql, -1, &s, nullptr) != SQLITE_OK) Fail(std::string("SQLite: ") + sqlite3_errmsg(db_));
    statements_.push_back(s);
    return s;
  }
  void Step(sqlite3_stmt* s) {
    if (sqlite3_step(s) != SQLITE_DONE) Fail(std::string("SQLite: ") + sqlite3_errmsg(db_));
    sqlite3_reset(s);
  }
  sqlite3* get() const { return db_; }

 private:
  sqlite3* db_ = nullptr;
  std::vector<sqlite3_stmt*> statements_;
};

void Load(Database& db, const Workload& w, std::size_t k) {
  const CompactOwnershipGraph& g = w.graph;
  db.Exec(
      "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA temp_store = MEMORY;"
      "PRAGMA cache_size = -4194304;"
      "CREATE TABLE node (id INTEGER PRIMARY KEY, country INTEGER NOT NULL);"
      "CREATE TABLE edge (owner INTEGER NOT NULL, owned INTEGER NOT NULL, pct REAL);"
      "BEGIN");
  sqlite3_stmt* node = db.Prepare("INSERT INTO node VALUES (?1, ?2)");
  sqlite3_stmt* edge = db.Prepare("INSERT INTO edge VALUES (?1, ?2, ?3)");
  for (std::size_t i = 0; i < k; ++i) {
    sqlite3_bind_int64(node, 1, static_cast<sqlite3_int64>(i));
    sqlite3_bind_int(node, 2, static_cast<int>(g.node_label[i]));
    db.Step(node);
  }
  for (std::size_t e = 0; e < w.edges_below[k]; ++e) {
    sqlite3_bind_int64(edge, 1, g.edge_owner[e]);
    sqlite3_bind_int64(edge, 2, g.edge_owned[e]);
    if (std::isnan(g.edge_percent[e])) {
      sqlite3_bind_null(edge, 3);
    } else {
      sqlite3_bind_double(edge, 3, g.edge_percent[e]);
    }
    db.Step(edge);
  }
  db.Exec("CREATE INDEX edge_by_owned ON edge (owned, owner, pct); COMMIT");
}

struct SqliteRun {
  Figures figures;
  bool interrupted = false;
  std::uint64_t result_rows = 0;
  double db_mib = 0;           // SQLite's own memory after the load
  std::vector<double> result;  // node × country → fraction
};

int PastDeadline(void* deadline) {
  return std::chrono::steady_clock::now() > *static_cast<std::chrono::steady_clock::time_point*>(deadline) ? 1 : 0;
}

// Runs SQLite on the first k nodes; gives up (interrupted) after budget_s of query time when > 0.
SqliteRun RunSqlite(const Workload& w, std::size_t k, double budget_s, bool plan) {
  SqliteRun run;
  run.figures.name = "SQLite";
  run.figures.nodes = k;
  run.figures.edges = w.edges_below[k];
  run.figures.walk_rows = w.walk_rows_below[k];
  Database db;
  auto t = std::chrono::steady_clock::now();
  Load(db, w, k);
  run.figures.load_s = Seconds(t);
  run.db_mib = static_cast<double>(sqlite3_memory_used()) / 1048576.0;
  if (plan) {
    std::printf("query plan:\n");
    sqlite3_stmt* explain = db.Prepare((std::string("EXPLAIN QUERY PLAN ") + kQuery).c_str());
    while (sqlite3_step(explain) == SQLITE_ROW) {
      std::printf("  %s\n", reinterpret_cast<const char*>(sqlite3_column_text(explain, 3)));
    }
  }
  sqlite3_stmt* query = db.Prepare(kQuery);
  run.result.assign(k * kCountries, 0.0);
  PeakRss peak;
  t = std::chrono::steady_clock::now();
  auto deadline = t + std::chrono::duration_cast<std::chrono::steady_clock::duration>(
                          std::chrono::duration<double>(budget_s > 0 ? budget_s : 1e9));
  sqlite3_progress_handler(db.get(), 100000, PastDeadline, &deadline);
  int rc = SQLITE_OK;
  while ((rc = sqlite3_step(query)) == SQLITE_ROW) {
    const sqlite3_int64 root = sqlite3_column_int64(query, 0);
    const int country = sqlite3_column_int(query, 1);
    if (root < 0 || static_cast<std::size_t>(root) >= k || country < 0 ||
        static_cast<std::uint32_t>(country) >= kCountries) {
      Fail("SQLite returned a row out of range");
    }
    run.result[static_cast<std::size_t>(root) * kCountries + static_cast<std::size_t>(country)] +=
        sqlite3_column_double(query, 2);
    ++run.result_rows;
  }
  run.figures.compute_s = Seconds(t);
  run.figures.peak_mib = peak.GrowthMib();
  if (rc == SQLITE_INTERRUPT) {
    run.interrupted = true;
    run.result.clear();
  } else if (rc != SQLITE_DONE) {
    Fail(std::string("SQLite: ") + sqlite3_errmsg(db.get()));
  }
  return run;
}

// node × country → fraction, for the first k nodes.
std::vector<double> Dense(const OwnershipDistribution& d, std::size_t k) {
  std::vector<double> out(k * kCountries, 0.0);
  for (std::size_t v = 0; v < k; ++v) {
    for (const auto& [label, fraction] : d.shares[v]) {
      if (label >= kCountries) Fail("ckyc returned a label out of range");
      out[v * kCountries + label] += fraction;
    }
  }
  return out;
}

double MaxDiff(const std::vector<double>& a, const std::vector<double>& b) {
  double worst = 0;
  for (std::size_t i = 0; i < a.size(); ++i) worst = std::max(worst, std::fabs(a[i] - b[i]));
  return worst;
}

// The prefix sizes SQLite may run on: the whole graph, then 1-2-5 steps below it down to 1,000.
std::vector<std::size_t> Ladder(std::size_t n) {
  std::vector<std::size_t> out = {n};
  for (std::size_t decade = 1'000'000'000; decade >= 1000; decade /= 10) {
    for (std::size_t f : {std::size_t{5}, std::size_t{2}, std::size_t{1}}) {
      if (f * decade < n) out.push_back(f * decade);
    }
  }
  return out;
}

void PrintRow(const Figures& f) {
  char peak[16] = "n/a";
  if (f.peak_mib >= 0) std::snprintf(peak, sizeof peak, "%.0f", f.peak_mib);
  std::printf("%-24s %11s %11s %13s %8.3f %10.3f %12s %9s\n", f.name.c_str(), Count(f.nodes).c_str(),
              Count(f.edges).c_str(), f.walk_rows > 0 ? Count(f.walk_rows).c_str() : "-", f.load_s, f.compute_s,
              Rate(static_cast<double>(f.nodes) / f.compute_s).c_str(), peak);
}

struct Options {
  std::size_t entities = 1'000'000;
  std::size_t edges = 0;  // 0: 3 × entities
  std::uint64_t seed = 42;
  std::size_t sqlite_entities = 0;  // 0: the largest prefix that fits the budget
  double sqlite_budget_s = 60;
  bool plan = false;
};

Options Parse(int argc, char** argv) {
  Options o;
  auto value = [&](int& i) -> const char* {
    if (i + 1 >= argc) Fail(std::string(argv[i]) + " needs a value");
    return argv[++i];
  };
  auto count = [&](int& i) -> std::size_t {
    const char* v = value(i);
    char* end = nullptr;
    const unsigned long long n = std::strtoull(v, &end, 10);
    if (end == v || *end != '\0') Fail(std::string("not a count: ") + v);
    return static_cast<std::size_t>(n);
  };
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--entities") {
      o.entities = count(i);
    } else if (arg == "--edges") {
      o.edges = count(i);
    } else if (arg == "--seed") {
      o.seed = count(i);
    } else if (arg == "--sqlite-entities") {
      o.sqlite_entities = count(i);
    } else if (arg == "--sqlite-budget") {
      o.sqlite_budget_s = std::strtod(value(i), nullptr);
    } else if (arg == "--plan") {
      o.plan = true;
    } else {
      std::fprintf(stderr,
                   "usage: %s [--entities N] [--edges M] [--seed S] [--sqlite-entities K] [--sqlite-budget SECONDS] "
                   "[--plan]\n",
                   argv[0]);
      std::exit(2);
    }
  }
  if (o.entities < 2) Fail("--entities must be at least 2");
  if (o.edges == 0) o.edges = 3 * o.entities;
  if (o.sqlite_budget_s <= 0) Fail("--sqlite-budget must be positive");
  return o;
}

}  // namespace

int main(int argc, char** argv) {
  const Options opt = Parse(argc, argv);
  auto t = std::chrono::steady_clock::now();
  const Workload w = Generate(opt.entities, opt.edges, opt.seed);
  const double generate_s = Seconds(t);
  const std::size_t n = w.graph.nodes;
  std::printf(
      "graph: %s entities, %s edges (%s with unknown %%), %u layers, %u countries, seed %llu; generated in %.2f s\n",
      Count(n).c_str(), Count(w.graph.edge_owned.size()).c_str(), Count(w.unknown).c_str(), kLayers, kCountries,
      static_cast<unsigned long long>(opt.seed), generate_s);
  std::printf("       %s terminal holders (%.1f %%); %s paths for the CTE to walk (%.1f per node)\n",
              Count(w.terminal).c_str(), 100.0 * static_cast<double>(w.terminal) / static_cast<double>(n),
              Count(w.walk_rows_below[n]).c_str(), static_cast<double>(w.walk_rows_below[n]) / static_cast<double>(n));
  std::printf("SQLite %s, in-memory database, single-threaded like ckyc\n\n", sqlite3_libversion());
  std::fflush(stdout);

  const CkycRun full = RunCkyc(w, n, "ckyc (full graph)");

  // SQLite: the given prefix, else the largest ladder step its measured speed says fits the budget.
  SqliteRun sql;
  if (opt.sqlite_entities > 0) {
    sql = RunSqlite(w, std::min(opt.sqlite_entities, n), 0, opt.plan);
  } else {
    const std::vector<std::size_t> ladder = Ladder(n);
    std::size_t first = ladder.back();
    for (std::size_t k : ladder) {
      if (w.walk_rows_below[k] <= kCalibrationRows) {
        first = k;
        break;
      }
    }
    sql = RunSqlite(w, first, opt.sqlite_budget_s, opt.plan);
    if (sql.interrupted)
      Fail("SQLite did not finish " + Count(first) +
           " entities within --sqlite-budget; give a larger budget or a smaller --sqlite-entities");
    const double rate = static_cast<double>(sql.figures.walk_rows) / sql.figures.compute_s;
    std::printf("SQLite calibration: %s entities, %s walk rows in %.2f s (%s); budget %.0f s\n", Count(first).c_str(),
                Count(sql.figures.walk_rows).c_str(), sql.figures.compute_s, Rate(rate).c_str(), opt.sqlite_budget_s);
    std::fflush(stdout);
    for (std::size_t k : ladder) {
      if (k <= first) break;
      const double predicted = static_cast<double>(w.walk_rows_below[k]) / rate;
      if (predicted > 0.8 * opt.sqlite_budget_s) {
        std::printf("SQLite on %s entities: skipped, predicted %.0f s\n", Count(k).c_str(), predicted);
        continue;
      }
      SqliteRun attempt = RunSqlite(w, k, opt.sqlite_budget_s, false);
      if (!attempt.interrupted) {
        sql = std::move(attempt);
        break;
      }
      std::printf("SQLite on %s entities: interrupted after %.1f s (predicted %.0f s)\n", Count(k).c_str(),
                  attempt.figures.compute_s, predicted);
      std::fflush(stdout);
    }
  }
  const std::size_t k = sql.figures.nodes;
  sql.figures.name = k == n ? "SQLite (full graph)" : "SQLite (prefix)";
  const CkycRun same = RunCkyc(w, k, k == n ? "ckyc (full graph, again)" : "ckyc (same prefix)");

  std::printf("\n%-24s %11s %11s %13s %8s %10s %12s %9s\n", "", "nodes", "edges", "walk rows", "load s", "compute s",
              "nodes/s", "peak +MiB");
  PrintRow(full.figures);
  PrintRow(same.figures);
  PrintRow(sql.figures);
  std::printf(
      "\nload: ckyc copies the generated arrays into a CompactOwnershipGraph; SQLite inserts them (one transaction,\n"
      "prepared statements) and builds the index (database: %.0f MiB). compute: ResolveEffectiveOwnership / the "
      "query,\n"
      "all rows stepped. peak +MiB: growth of peak RSS during compute.\n",
      sql.db_mib);
  std::printf("same graph: ckyc %.0f× SQLite on compute, %.0f× on load + compute; SQLite %s walk rows\n",
              sql.figures.compute_s / same.figures.compute_s,
              (sql.figures.load_s + sql.figures.compute_s) / (same.figures.load_s + same.figures.compute_s),
              Rate(static_cast<double>(sql.figures.walk_rows) / sql.figures.compute_s).c_str());

  // Check: SQLite against ckyc on the same graph and on the full graph (the prefix is closed), every
  // node and country; and every node's distribution sums to 1 (known stakes never exceed 100 % here).
  const std::vector<double> ckyc_same = Dense(same.result, k);
  const std::vector<double> ckyc_full = Dense(full.result, n);
  const double diff_same = MaxDiff(sql.result, ckyc_same);
  const double diff_full =
      MaxDiff(sql.result,
              std::vector<double>(ckyc_full.begin(), ckyc_full.begin() + static_cast<std::ptrdiff_t>(k * kCountries)));
  double sum_off = 0;
  std::size_t undetermined = 0;
  for (std::size_t v = 0; v < n; ++v) {
    double sum = 0;
    for (std::uint32_t c = 0; c < kCountries; ++c) sum += ckyc_full[v * kCountries + c];
    sum_off = std::max(sum_off, std::fabs(sum - 1.0));
    if (full.result.undetermined[v] != 0) ++undetermined;
  }
  std::printf(
      "\nmax |SQLite - ckyc|: %.2g (same graph), %.2g (full graph, first %s nodes), over %s nodes x %u countries "
      "(%s SQLite rows)\nmax |1 - sum of shares| (ckyc, full graph): %.2g; undetermined nodes: %s\n",
      diff_same, diff_full, Count(k).c_str(), Count(k).c_str(), kCountries, Count(sql.result_rows).c_str(), sum_off,
      Count(undetermined).c_str());
  std::printf("process peak RSS: %.0f MiB\n", static_cast<double>(ProcessPeakKib()) / 1024.0);
  if (!(diff_same < kTolerance && diff_full < kTolerance && sum_off < kTolerance)) {
    std::printf("check: FAILED (tolerance %.0g)\n", kTolerance);
    return 1;
  }
  std::printf("check: ok\n");
  return 0;
}
