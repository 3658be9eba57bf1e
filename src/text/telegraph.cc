#include "text/telegraph.h"

#include "core/strings.h"

namespace ckyc::text {
namespace {

void AppendUtf8(std::string& out, char32_t c) {
  if (c < 0x80) {
    out.push_back(static_cast<char>(c));
  } else if (c < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (c >> 6)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else if (c < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (c >> 12)));
    out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (c >> 18)));
    out.push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  }
}

}  // namespace

Result<TelegraphCodeTable> TelegraphCodeTable::Parse(std::string_view text, std::string_view source) {
  TelegraphCodeTable table;
  for (Lines lines(text); lines.Next();) {
    const std::string_view line = lines.line();
    if (line.rfind("U+", 0) != 0 || line.find("\tkMainlandTelegraph\t") == std::string_view::npos) continue;
    const std::size_t tab = line.find('\t');
    std::uint32_t cp = 0;
    bool ok = tab > 2;
    for (char c : line.substr(2, tab - 2)) {
      const int digit = c >= '0' && c <= '9' ? c - '0' : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
      if (digit < 0) ok = false;
      cp = cp * 16 + static_cast<std::uint32_t>(digit < 0 ? 0 : digit);
    }
    auto code = ParseInt(TrimAscii(line.substr(line.rfind('\t') + 1)));
    if (ok && code && *code >= 0 && *code <= 9999 && cp <= 0x10FFFF) {
      table.by_code_.emplace(static_cast<int>(*code), static_cast<char32_t>(cp));
    }
  }
  if (table.by_code_.empty()) {
    return Status::InvalidArgument(std::string(source) +
                                   ": no kMainlandTelegraph entries (want Unihan_OtherMappings.txt)");
  }
  return table;
}

Result<std::string> TelegraphCodeTable::Decode(std::string_view codes) const {
  std::string out;
  for (const std::string& group : Split(TrimAscii(codes), ' ')) {
    if (group.empty()) continue;
    auto code = ParseInt(group);
    if (group.size() != 4 || !code) return Status::InvalidArgument("not a four-digit telegraph code: '" + group + "'");
    auto it = by_code_.find(static_cast<int>(*code));
    if (it == by_code_.end()) return Status::NotFound("telegraph code " + group + " is not in the Unihan table");
    AppendUtf8(out, it->second);
  }
  if (out.empty()) return Status::InvalidArgument("no telegraph codes in '" + std::string(codes) + "'");
  return out;
}

}  // namespace ckyc::text
