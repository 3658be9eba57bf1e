#include "core/csv.h"

#include "core/strings.h"

namespace ckyc {
namespace {

std::string At(std::string_view source, std::size_t line) {
  return std::string(source) + ":" + std::to_string(line);
}

}  // namespace

Status ScanCsv(std::string_view text, std::string_view source, std::deque<std::string>& arena,
               const std::function<Status(std::size_t line, const std::vector<std::string_view>& fields)>& on_record) {
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  std::vector<std::string_view> fields;
  std::size_t i = 0;
  std::size_t line = 1;
  const std::size_t n = text.size();
  const char* p = text.data();
  while (i < n) {
    // Skip blank and comment lines between records.
    if (p[i] == '\n' || (p[i] == '\r' && i + 1 < n && p[i + 1] == '\n')) {
      i += p[i] == '\r' ? 2u : 1u;
      ++line;
      continue;
    }
    if (p[i] == '#') {
      while (i < n && p[i] != '\n') ++i;
      continue;
    }
    const std::size_t record_line = line;
    fields.clear();
    bool record_done = false;
    while (!record_done) {
      const std::size_t column = fields.size() + 1;
      if (i < n && p[i] == '"') {
        const std::size_t open_line = line;
        const std::size_t begin = ++i;
        bool escaped = false;
        bool closed = false;
        while (i < n) {
          if (p[i] == '"') {
            if (i + 1 < n && p[i + 1] == '"') {
              escaped = true;
              i += 2;
              continue;
            }
            closed = true;
            break;
          }
          if (p[i] == '\n') ++line;
          ++i;
        }
        if (!closed) {
          return Status::InvalidArgument(At(source, open_line) + ": column " + std::to_string(column) +
                                         ": quoted field is not closed");
        }
        std::string_view raw(p + begin, i - begin);
        ++i;  // closing quote
        if (escaped) {
          std::string& s = arena.emplace_back();
          s.reserve(raw.size());
          for (std::size_t k = 0; k < raw.size(); ++k) {
            s.push_back(raw[k]);
            if (raw[k] == '"') ++k;  // "" → "
          }
          fields.emplace_back(s);
        } else {
          fields.push_back(raw);
        }
        if (i < n && p[i] != ',' && p[i] != '\n' && p[i] != '\r') {
          return Status::InvalidArgument(At(source, line) + ": column " + std::to_string(column) +
                                         ": unexpected text after closing quote");
        }
      } else {
        const std::size_t begin = i;
        while (i < n && p[i] != ',' && p[i] != '\n' && p[i] != '\r') {
          if (p[i] == '"') {
            return Status::InvalidArgument(At(source, line) + ": column " + std::to_string(column) +
                                           ": quote inside an unquoted field");
          }
          ++i;
        }
        fields.emplace_back(p + begin, i - begin);
      }
      if (i >= n) {
        record_done = true;
      } else if (p[i] == ',') {
        ++i;
      } else if (p[i] == '\n') {
        ++i;
        ++line;
        record_done = true;
      } else {  // '\r'
        if (i + 1 < n && p[i + 1] == '\n') {
          i += 2;
          ++line;
          record_done = true;
        } else {
          return Status::InvalidArgument(At(source, line) + ": bare carriage return");
        }
      }
    }
    CKYC_RETURN_IF_ERROR(on_record(record_line, fields));
  }
  return Status::Ok();
}

Result<std::vector<CsvRecord>> ParseCsv(std::string_view text, std::string_view source) {
  std::deque<std::string> arena;
  std::vector<CsvRecord> records;
  CKYC_RETURN_IF_ERROR(ScanCsv(text, source, arena, [&](std::size_t line, const std::vector<std::string_view>& f) {
    CsvRecord r;
    r.line = line;
    r.fields.assign(f.begin(), f.end());
    records.push_back(std::move(r));
    return Status::Ok();
  }));
  return records;
}

Result<CsvTable> CsvTable::Parse(std::string_view text, std::string_view source) {
  CsvTable table;
  table.source_ = std::string(source);
  bool have_header = false;
  Status s = ScanCsv(text, source, table.arena_, [&](std::size_t line, const std::vector<std::string_view>& f) {
    if (!have_header) {
      have_header = true;
      for (std::size_t c = 0; c < f.size(); ++c) {
        std::string name(TrimAscii(f[c]));
        if (name.empty()) {
          return Status::InvalidArgument(At(source, line) + ": header column " + std::to_string(c + 1) + " is empty");
        }
        if (!table.columns_.emplace(name, c).second) {
          return Status::InvalidArgument(At(source, line) + ": duplicate header column '" + name + "'");
        }
      }
      table.width_ = f.size();
      return Status::Ok();
    }
    if (f.size() != table.width_) {
      return Status::InvalidArgument(At(source, line) + ": expected " + std::to_string(table.width_) +
                                     " fields, found " + std::to_string(f.size()));
    }
    table.fields_.insert(table.fields_.end(), f.begin(), f.end());
    table.lines_.push_back(line);
    return Status::Ok();
  });
  if (!s.ok()) return s;
  if (!have_header) return Status::InvalidArgument(std::string(source) + ": empty file, expected a header");
  return table;
}

std::optional<std::size_t> CsvTable::Column(std::string_view name) const {
  auto it = columns_.find(name);
  if (it == columns_.end()) return std::nullopt;
  return it->second;
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
  auto c = table_->Column(column);
  return c ? Get(*c) : std::string_view();
}

std::string CsvTable::Row::Where(std::string_view column) const {
  return At(table_->source_, line()) + ": field '" + std::string(column) + "'";
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
