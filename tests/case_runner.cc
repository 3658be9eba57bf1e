// Runs data-driven CLI cases (tests/cases/<module>/*.test) in process, so a bug report becomes a
// test without recompiling. Format (one or more cases per file):
//
//   # comment
//   case: <title>
//   run: <ckyc arguments, "double quotes" group words>
//   exit: <code>                      (default 0)
//   json <pointer> = <JSON value>     e.g. json /class = "3A090.a.1"
//   json <pointer> ~ <number> [tol]   numeric within tol (default 1e-6 relative)
//   json <pointer> contains <JSON>    array holds the value, or string holds the substring
//   json <pointer> lacks <JSON>       the opposite
//   json <pointer> size <n>           array or object has n elements ("." is the whole document)
//   stdout contains <text>
//   stdout lacks <text>
//   stderr contains <text>
//   stderr = <text>                   whole stderr, trailing newline ignored
//
// In run: lines, $TMP is a scratch folder made fresh for each file (cases in one file share it,
// in order, so a file can ingest then query), $DATA is tests/data and $SHARED is ../shared/data.
//
// Usage: ckyc_case_runner FILE...; exit status 0 only when every case passes.
#include <unistd.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "cli/cli.h"

namespace {

struct Case {
  std::string title;
  std::size_t line = 0;
  std::vector<std::string> args;
  int exit_code = 0;
  std::vector<std::pair<std::size_t, std::string>> checks;  // (line, text)
};

std::vector<std::string> SplitArgs(const std::string& s) {
  std::vector<std::string> out;
  std::string cur;
  bool in_quotes = false;
  bool have = false;
  for (char c : s) {
    if (c == '"') {
      in_quotes = !in_quotes;
      have = true;
    } else if (c == ' ' && !in_quotes) {
      if (have) out.push_back(cur);
      cur.clear();
      have = false;
    } else {
      cur.push_back(c);
      have = true;
    }
  }
  if (have) out.push_back(cur);
  return out;
}

std::string Trim(std::string s) {
  while (!s.empty() && (s.back() == ' ' || s.back() == '\r' || s.back() == '\n')) s.pop_back();
  std::size_t i = 0;
  while (i < s.size() && s[i] == ' ') ++i;
  return s.substr(i);
}

bool StartsWith(const std::string& s, const std::string& p) {
  return s.rfind(p, 0) == 0;
}

// Returns "" when the check passes, else what went wrong.
std::string Check(const std::string& check, int exit_code, const std::string& out, const std::string& err) {
  (void)exit_code;
  if (StartsWith(check, "stdout contains ")) {
    std::string want = check.substr(16);
    return out.find(want) != std::string::npos ? "" : "stdout lacks '" + want + "'";
  }
  if (StartsWith(check, "stdout lacks ")) {
    std::string unwanted = check.substr(13);
    return out.find(unwanted) == std::string::npos ? "" : "stdout holds '" + unwanted + "'";
  }
  if (StartsWith(check, "stderr contains ")) {
    std::string want = check.substr(16);
    return err.find(want) != std::string::npos ? "" : "stderr lacks '" + want + "'";
  }
  if (StartsWith(check, "stderr = ")) {
    std::string want = check.substr(9);
    return Trim(err) == want ? "" : "stderr is '" + Trim(err) + "'";
  }
  if (!StartsWith(check, "json ")) return "unknown check";
  std::istringstream in(check.substr(5));
  std::string pointer, op;
  in >> pointer >> op;
  std::string rest;
  std::getline(in, rest);
  rest = Trim(rest);
  nlohmann::json doc = nlohmann::json::parse(out, nullptr, false);
  if (doc.is_discarded()) return "stdout is not JSON";
  nlohmann::json::json_pointer ptr(pointer == "." ? "" : pointer);  // "." is the whole document
  if (!doc.contains(ptr)) return "no " + pointer + " in output";
  const nlohmann::json& got = doc.at(ptr);
  if (op == "~") {
    std::istringstream nums(rest);
    double want = 0;
    double tol = -1;
    nums >> want;
    if (!(nums >> tol)) tol = std::fabs(want) * 1e-6;
    if (!got.is_number()) return pointer + " is " + got.dump() + ", not a number";
    return std::fabs(got.get<double>() - want) <= tol ? "" : pointer + " is " + got.dump();
  }
  if (op == "size") {
    const std::size_t n = got.is_array() || got.is_object() ? got.size() : 0;
    return std::to_string(n) == rest ? "" : pointer + " has " + std::to_string(n) + " elements";
  }
  nlohmann::json want = nlohmann::json::parse(rest, nullptr, false);
  if (want.is_discarded()) return "expected value is not JSON: " + rest;
  if (op == "=") return got == want ? "" : pointer + " is " + got.dump();
  if (op == "contains" || op == "lacks") {
    bool has = false;
    if (got.is_array()) {
      for (const auto& v : got) has = has || v == want;
    } else if (got.is_string() && want.is_string()) {
      has = got.get<std::string>().find(want.get<std::string>()) != std::string::npos;
    }
    if (op == "contains") return has ? "" : pointer + " = " + got.dump() + " lacks " + want.dump();
    return has ? pointer + " = " + got.dump() + " holds " + want.dump() : "";
  }
  return "unknown operator '" + op + "'";
}

}  // namespace

int main(int argc, char** argv) {
  int failures = 0;
  int total = 0;
  for (int f = 1; f < argc; ++f) {
    std::ifstream in(argv[f]);
    if (!in) {
      std::cerr << argv[f] << ": cannot open\n";
      return 2;
    }
    std::vector<Case> cases;
    std::string line;
    std::size_t n = 0;
    while (std::getline(in, line)) {
      ++n;
      line = Trim(line);
      if (line.empty() || line[0] == '#') continue;
      if (StartsWith(line, "case:")) {
        cases.push_back({Trim(line.substr(5)), n, {}, 0, {}});
        continue;
      }
      if (cases.empty()) {
        std::cerr << argv[f] << ":" << n << ": text before the first 'case:'\n";
        return 2;
      }
      if (StartsWith(line, "run:")) {
        cases.back().args = SplitArgs(Trim(line.substr(4)));
      } else if (StartsWith(line, "exit:")) {
        cases.back().exit_code = std::stoi(line.substr(5));
      } else {
        cases.back().checks.emplace_back(n, line);
      }
    }
    const std::filesystem::path tmp =
        std::filesystem::temp_directory_path() /
        ("ckyc-case-" + std::filesystem::path(argv[f]).stem().string() + "-" + std::to_string(::getpid()));
    std::filesystem::remove_all(tmp);
    std::filesystem::create_directories(tmp);
    for (Case& c : cases) {
      for (std::string& a : c.args) {
        for (const auto& [var, value] : {std::pair<std::string, std::string>{"$TMP", tmp.string()},
                                         {"$DATA", std::string(CKYC_TEST_DATA_DIR)},
                                         {"$SHARED", std::string(CKYC_SHARED_DATA_DIR)}}) {
          for (std::size_t at = a.find(var); at != std::string::npos; at = a.find(var))
            a.replace(at, var.size(), value);
        }
      }
      ++total;
      std::ostringstream out, err;
      int code = ckyc::cli::RunCli(c.args, out, err);
      std::vector<std::string> problems;
      if (code != c.exit_code) {
        problems.push_back("exit code " + std::to_string(code) + ", want " + std::to_string(c.exit_code));
      }
      for (const auto& [check_line, check] : c.checks) {
        std::string p = Check(check, code, out.str(), err.str());
        if (!p.empty()) problems.push_back("line " + std::to_string(check_line) + ": " + p);
      }
      if (!problems.empty()) {
        ++failures;
        std::cerr << argv[f] << ":" << c.line << ": FAIL " << c.title << "\n";
        for (const auto& p : problems) std::cerr << "    " << p << "\n";
        std::cerr << "    stdout: " << out.str().substr(0, 2000) << "\n    stderr: " << err.str() << "\n";
      }
    }
  }
  std::cout << (total - failures) << "/" << total << " cases passed\n";
  return failures == 0 ? 0 : 1;
}
