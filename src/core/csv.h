// RFC 4180 CSV reading with positions, for the shipped reference tables and user imports.
//
// Grammar (RFC 4180, relaxed to accept LF as well as CRLF line ends and a UTF-8 BOM):
//   file   = record *(EOL record) [EOL]
//   record = field *("," field)
//   field  = quoted / bare ; quoted = DQUOTE *(textdata / "," / EOL / 2DQUOTE) DQUOTE
// A bare field may not contain a DQUOTE; text after a closing quote is an error. Blank lines
// and lines whose first byte is '#' are skipped (comments in shipped data).
//
// Every error names the source, the line and, where known, the column.
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace ckyc {

struct CsvRecord {
  std::size_t line = 0;  // 1-based line on which the record starts
  std::vector<std::string> fields;
};

// Splits `text` into records. `source` names the input in messages ("data/accelerators.csv").
Result<std::vector<CsvRecord>> ParseCsv(std::string_view text, std::string_view source);

// A CSV file whose first record is a header. Rows must have exactly as many fields as the header.
class CsvTable {
 public:
  static Result<CsvTable> Parse(std::string_view text, std::string_view source);

  // Fails with a message naming the source when any of `names` is not a header column.
  Status RequireColumns(const std::vector<std::string_view>& names) const;

  std::size_t size() const { return rows_.size(); }
  const std::string& source() const { return source_; }

  // A view of one row addressed by column name.
  class Row {
   public:
    Row(const CsvTable* table, const CsvRecord* rec) : table_(table), rec_(rec) {}
    std::size_t line() const { return rec_->line; }
    // The raw (untrimmed) field, or "" when the column does not exist.
    std::string_view Get(std::string_view column) const;
    // "source:line: field 'column': <what>", for messages about this row.
    std::string Where(std::string_view column) const;
    // Optional number: empty field → nullopt; malformed or negative → error naming the field.
    Result<std::optional<double>> OptionalNonNegative(std::string_view column) const;
    Result<std::string> Required(std::string_view column) const;

   private:
    const CsvTable* table_;
    const CsvRecord* rec_;
  };
  Row row(std::size_t i) const { return Row(this, &rows_[i]); }

 private:
  std::string source_;
  std::map<std::string, std::size_t, std::less<>> columns_;
  std::vector<CsvRecord> rows_;
};

}  // namespace ckyc
