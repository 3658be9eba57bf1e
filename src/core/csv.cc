#include "core/csv.h"

#include "core/strings.h"

namespace ckyc {
namespace {

std::string At(std::string_view source, std::size_t line) {
  return std::string(source) + ":" + std::to_string(line);
}

}  // namespace

Result<std::vector<CsvRecord>> ParseCsv(std::string_view text, std::string_view source) {
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  std::vector<CsvRecord> records;
  std::size_t i = 0;
  std::size_t line = 1;
  const std::size_t n = text.size();
  while (i < n) {
    // Skip blank and comment lines between records.
    if (text[i] == '\n' || (text[i] == '\r' && i + 1 < n && text[i + 1] == '\n')) {
      i += text[i] == '\r' ? 2u : 1u;
      ++line;
      continue;
    }
    if (text[i] == '#') {
      while (i < n && text[i] != '\n') ++i;
      continue;
    }
    CsvRecord rec;
    rec.line = line;
    std::string field;
    bool record_done = false;
    while (!record_done) {
      field.clear();
      if (i < n && text[i] == '"') {
        const std::size_t open_line = line;
        ++i;
        bool closed = false;
        while (i < n) {
          char c = text[i];
          if (c == '"') {
            if (i + 1 < n && text[i + 1] == '"') {
              field.push_back('"');
              i += 2;
              continue;
            }
            ++i;
            closed = true;
            break;
          }
          if (c == '\n') ++line;
          field.push_back(c);
          ++i;
        }
        if (!closed) {
          return Status::InvalidArgument(At(source, open_line) + ": column " + std::to_string(rec.fields.size() + 1) +
                                         ": quoted field is not closed");
        }
        if (i < n && text[i] != ',' && text[i] != '\n' && text[i] != '\r') {
          return Status::InvalidArgument(At(source, line) + ": column " + std::to_string(rec.fields.size() + 1) +
                                         ": unexpected text after closing quote");
        }
      } else {
        while (i < n && text[i] != ',' && text[i] != '\n' && text[i] != '\r') {
          if (text[i] == '"') {
            return Status::InvalidArgument(At(source, line) + ": column " + std::to_string(rec.fields.size() + 1) +
                                           ": quote inside an unquoted field");
          }
          field.push_back(text[i]);
          ++i;
        }
      }
      rec.fields.push_back(field);
      if (i >= n) {
        record_done = true;
      } else if (text[i] == ',') {
        ++i;
      } else if (text[i] == '\n') {
        ++i;
        ++line;
        record_done = true;
      } else if (text[i] == '\r') {
        if (i + 1 < n && text[i + 1] == '\n') {
          i += 2;
          ++line;
          record_done = true;
        } else {
          return Status::InvalidArgument(At(source, line) + ": bare carriage return");
        }
      }
    }
    records.push_back(std::move(rec));
  }
  return records;
}

Result<CsvTable> CsvTable::Parse(std::string_view text, std::string_view source) {
  CKYC_ASSIGN_OR_RETURN(auto records, ParseCsv(text, source));
  CsvTable table;
  table.source_ = std::string(source);
  if (records.empty()) return Status::InvalidArgument(std::string(source) + ": empty file, expected a header");
  const CsvRecord& header = records.front();
  for (std::size_t c = 0; c < header.fields.size(); ++c) {
    std::string name(TrimAscii(header.fields[c]));
    if (name.empty()) {
      return Status::InvalidArgument(At(source, header.line) + ": header column " + std::to_string(c + 1) +
                                     " is empty");
    }
    if (!table.columns_.emplace(name, c).second) {
      return Status::InvalidArgument(At(source, header.line) + ": duplicate header column '" + name + "'");
    }
  }
  for (std::size_t r = 1; r < records.size(); ++r) {
    if (records[r].fields.size() != header.fields.size()) {
      return Status::InvalidArgument(At(source, records[r].line) + ": expected " +
                                     std::to_string(header.fields.size()) + " fields, found " +
                                     std::to_string(records[r].fields.size()));
    }
    table.rows_.push_back(std::move(records[r]));
  }
  return table;
}

Status CsvTable::RequireColumns(const std::vector<std::string_view>& names) const {
  for (std::string_view name : names) {
    if (columns_.find(name) == columns_.end()) {
      return Status::InvalidArgument(source_ + ": missing header column '" + std::string(name) + "'");
    }
  }
  return Status::Ok();
}

std::string_view CsvTable::Row::Get(std::string_view column) const {
  auto it = table_->columns_.find(column);
  if (it == table_->columns_.end()) return {};
  return rec_->fields[it->second];
}

std::string CsvTable::Row::Where(std::string_view column) const {
  return At(table_->source_, rec_->line) + ": field '" + std::string(column) + "'";
}

Result<std::optional<double>> CsvTable::Row::OptionalNonNegative(std::string_view column) const {
  std::string_view raw = TrimAscii(Get(column));
  if (raw.empty()) return std::optional<double>();
  auto v = ParseDouble(raw);
  if (!v) return Status::InvalidArgument(Where(column) + ": not a number: '" + std::string(raw) + "'");
  if (*v < 0) return Status::InvalidArgument(Where(column) + ": must not be negative: '" + std::string(raw) + "'");
  return std::optional<double>(*v);
}

Result<std::string> CsvTable::Row::Required(std::string_view column) const {
  std::string_view raw = TrimAscii(Get(column));
  if (raw.empty()) return Status::InvalidArgument(Where(column) + ": required but empty");
  return std::string(raw);
}

}  // namespace ckyc
