// Plain-text tables for people: columns padded to the widest cell, UTF-8 aware.
#pragma once

#include <ostream>
#include <string>
#include <vector>

namespace ckyc::cli {

class TextTable {
 public:
  explicit TextTable(std::vector<std::string> header) : header_(std::move(header)) {}
  void AddRow(std::vector<std::string> row) { rows_.push_back(std::move(row)); }
  void Print(std::ostream& out) const;

 private:
  std::vector<std::string> header_;
  std::vector<std::vector<std::string>> rows_;
};

}  // namespace ckyc::cli
