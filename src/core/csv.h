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
#include <deque>
#include <functional>
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

// The scanner under both: calls `on_record(line, fields)` per record. Fields view `text`, or
// strings appended to `arena` when a quoted field holds escaped quotes; `fields` is reused between
// calls. A non-OK status from `on_record` stops the scan and is returned.
Status ScanCsv(std::string_view text, std::string_view source, std::deque<std::string>& arena,
               const std::function<Status(std::size_t line, const std::vector<std::string_view>& fields)>& on_record);

// A CSV file whose first record is a header. Rows must have exactly as many fields as the header.
// The table views `text`: keep it alive and unchanged while the table is used. Fields are stored
// flat (one vector of views for the whole file), so a million-row export costs no per-field
// allocation.
class CsvTable {
 public:
  static Result<CsvTable> Parse(std::string_view text, std::string_view source);

  // Index of a header column, for hot loops (Row::Get(index) skips the name lookup).
  std::optional<std::size_t> Column(std::string_view name) const;

  // Fails with a message naming the source when any of `names` is not a header column.
  Status RequireColumns(const std::vector<std::string_view>& names) const;

  std::size_t size() const { return lines_.size(); }
  const std::string& source() const { return source_; }

  // A view of one row addressed by column name.
  class Row {
   public:
    std::size_t line() const { return table_->lines_[index_]; }
    // The raw (untrimmed) field, or "" when the column does not exist.
    std::string_view Get(std::string_view column) const;
    std::string_view Get(std::size_t column) const { return table_->fields_[index_ * table_->width_ + column]; }
    std::string_view Get(std::optional<std::size_t> column) const { return column ? Get(*column) : std::string_view(); }
    // "source:line: field 'column': <what>", for messages about this row.
    std::string Where(std::string_view column) const;
    // Optional number: empty field → nullopt; malformed or negative → error naming the field.
    Result<std::optional<double>> OptionalNonNegative(std::string_view column) const;
    Result<std::string> Required(std::string_view column) const;

    Row(const CsvTable* table, std::size_t index) : table_(table), index_(index) {}

   private:
    const CsvTable* table_;
    std::size_t index_;
  };
  Row row(std::size_t i) const { return Row(this, i); }

 private:
  std::string source_;
  std::map<std::string, std::size_t, std::less<>> columns_;
  std::size_t width_ = 0;
  std::vector<std::string_view> fields_;  // rows × width_
  std::vector<std::size_t> lines_;
  std::deque<std::string> arena_;  // unescaped quoted fields; deque: stable addresses
};

}  // namespace ckyc
