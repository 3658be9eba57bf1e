// Shared by the CLI's command files: options, exit codes, error printing.
#pragma once

#include <CLI/CLI.hpp>
#include <cstdio>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/status.h"

namespace ckyc::cli {

constexpr int kExitOk = 0;
constexpr int kExitFailure = 1;
constexpr int kExitBadInput = 2;

inline int ExitCodeFor(const Status& s) {
  switch (s.code()) {
    case StatusCode::kOk: return kExitOk;
    case StatusCode::kInvalidArgument:
    case StatusCode::kNotFound:
    case StatusCode::kAlreadyExists: return kExitBadInput;
    default: return kExitFailure;
  }
}

inline int Fail(std::ostream& err, const Status& s) {
  err << "ckyc: " << s.message() << "\n";
  return ExitCodeFor(s);
}

// In a command callback: declares `name` from a Result-returning `expr`, or prints the error, sets
// the exit code and returns. Needs `rc` and `err` in scope, as every callback has.
#define CKYC_CLI_TRY(name, expr)                \
  auto name = (expr);                           \
  if (!name.ok()) {                             \
    rc = ::ckyc::cli::Fail(err, name.status()); \
    return;                                     \
  }

inline std::string Fixed(double v, int decimals) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
  return buf;
}

// The --on date: `text` as YYYY-MM-DD, or today (UTC) when empty; errors name the flag.
inline Result<Date> OnDate(const std::string& text) {
  if (text.empty()) {
    return Date{std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now())};
  }
  auto d = ParseDate(text);
  if (!d.ok()) return d.status().WithContext("--on");
  return d;
}

struct Options {
  bool json = false;
  std::optional<std::string> db;
  std::string name;
  std::vector<std::string> tops;
  std::optional<double> die_area;
  bool datacenter = false;
  bool consumer = false;
  std::optional<double> memory_bw;
  std::string on;
  // usage
  std::vector<std::string> files;
  std::string format;
  std::string customer;
  std::string account;
  std::string reseller;
  std::string accelerator;
  std::int64_t count = 0;
  double hours = 0;
  std::optional<double> utilization;
  std::string as_of;
  std::string geoip;
  std::int64_t version_from = 0;
  std::int64_t version_to = 0;
};

// Registers `ckyc usage ...` (cli/usage_commands.cc).
void AddUsageCommands(CLI::App& app, Options& o, int& rc, std::ostream& out, std::ostream& err);
// Registers `ckyc lists ...` (cli/list_commands.cc).
void AddListCommands(CLI::App& app, Options& o, int& rc, std::ostream& out, std::ostream& err);
// Registers `ckyc parties ...` (cli/party_commands.cc).
void AddPartyCommands(CLI::App& app, Options& o, int& rc, std::ostream& out, std::ostream& err);

}  // namespace ckyc::cli
