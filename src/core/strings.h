// Small ASCII-level string helpers used for identifiers and keys. Unicode-aware folding and
// transliteration of names belong to text/; these helpers deliberately do not touch non-ASCII
// bytes, so a UTF-8 string passes through them unchanged apart from its ASCII letters.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ckyc {

std::string AsciiLower(std::string_view s);
std::string_view TrimAscii(std::string_view s);
std::vector<std::string> Split(std::string_view s, char sep);
std::string Join(const std::vector<std::string>& parts, std::string_view sep);

// A lookup key for names typed by people and machines: ASCII letters lower-cased, and spaces,
// tabs, '-', '_', '/', ',' and '.' dropped. So "NVIDIA A100-SXM4-80GB", "nvidia a100 sxm4 80gb" and
// Epoch's "NVIDIA A100 SXM4 80 GB" give the same key. Tables that use it reject two rows whose
// names share a key, so the leniency cannot silently merge two parts.
std::string NameKey(std::string_view s);

// Levenshtein distance in bytes, capped: returns cap + 1 once the distance exceeds cap.
std::size_t EditDistance(std::string_view a, std::string_view b, std::size_t cap);

// Walks `text` line by line, numbering from 1. A line ends at "\n"; a "\r" before it is dropped;
// a last line without "\n" still counts. Views point into `text`.
//   for (Lines lines(text); lines.Next();) Use(lines.number(), lines.line());
class Lines {
 public:
  explicit Lines(std::string_view text) : text_(text) {}
  bool Next() {
    if (pos_ >= text_.size()) return false;
    std::size_t end = text_.find('\n', pos_);
    if (end == std::string_view::npos) end = text_.size();
    line_ = text_.substr(pos_, end - pos_);
    if (!line_.empty() && line_.back() == '\r') line_.remove_suffix(1);
    pos_ = end + 1;
    ++number_;
    return true;
  }
  std::string_view line() const { return line_; }
  std::size_t number() const { return number_; }

 private:
  std::string_view text_;
  std::string_view line_;
  std::size_t pos_ = 0;
  std::size_t number_ = 0;
};

// Parses a finite decimal number (as strtod does, whole string, no trailing text).
std::optional<double> ParseDouble(std::string_view s);
std::optional<long long> ParseInt(std::string_view s);

// Shortest round-trip-ish formatting for reports: up to `digits` significant digits, no
// trailing zeros ("15831.2", "19.45", "4800").
std::string FormatNumber(double v, int digits = 6);

}  // namespace ckyc
