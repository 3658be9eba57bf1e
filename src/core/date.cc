#include "core/date.h"

#include <cstdio>

#include "core/strings.h"

namespace ckyc {

Result<Date> ParseDate(std::string_view s) {
  s = TrimAscii(s);
  auto bad = [&] { return Status::InvalidArgument("not a date (want YYYY-MM-DD): '" + std::string(s) + "'"); };
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return bad();
  auto y = ParseInt(s.substr(0, 4));
  auto m = ParseInt(s.substr(5, 2));
  auto d = ParseInt(s.substr(8, 2));
  if (!y || !m || !d || *m < 1 || *m > 12 || *d < 1 || *d > 31) return bad();
  Date date{std::chrono::year{static_cast<int>(*y)}, std::chrono::month{static_cast<unsigned>(*m)},
            std::chrono::day{static_cast<unsigned>(*d)}};
  if (!date.ok()) return bad();
  return date;
}

std::string FormatDate(const Date& d) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(d.year()), static_cast<unsigned>(d.month()),
                static_cast<unsigned>(d.day()));
  return buf;
}

}  // namespace ckyc

namespace ckyc {
namespace {

bool Digits(std::string_view s, std::size_t pos, std::size_t n, int& out) {
  if (pos + n > s.size()) return false;
  int v = 0;
  for (std::size_t i = pos; i < pos + n; ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
    v = v * 10 + (s[i] - '0');
  }
  out = v;
  return true;
}

}  // namespace

Result<UnixSeconds> ParseTimestamp(std::string_view s) {
  s = TrimAscii(s);
  auto bad = [&] {
    return Status::InvalidArgument("not a timestamp (want e.g. 2026-01-31T13:15:00Z): '" + std::string(s) + "'");
  };
  if (s.size() < 10) return bad();
  auto date = ParseDate(s.substr(0, 10));
  if (!date.ok()) return bad();
  UnixSeconds t = static_cast<UnixSeconds>(std::chrono::sys_days{*date}.time_since_epoch().count()) * 86400;
  std::size_t pos = 10;
  if (pos == s.size()) return t;
  if (s[pos] != 'T' && s[pos] != ' ') return bad();
  int hh = 0, mm = 0, ss = 0;
  if (!Digits(s, pos + 1, 2, hh) || pos + 3 >= s.size() || s[pos + 3] != ':' || !Digits(s, pos + 4, 2, mm)) {
    return bad();
  }
  pos += 6;
  if (pos < s.size() && s[pos] == ':') {
    if (!Digits(s, pos + 1, 2, ss)) return bad();
    pos += 3;
  }
  if (hh > 23 || mm > 59 || ss > 60) return bad();
  t += hh * 3600 + mm * 60 + ss;
  if (pos < s.size() && s[pos] == '.') {
    ++pos;
    std::size_t digits = 0;
    while (pos < s.size() && s[pos] >= '0' && s[pos] <= '9') {
      ++pos;
      ++digits;
    }
    if (digits == 0) return bad();
  }
  if (pos == s.size()) return t;  // no zone: UTC, as billing exports write it
  if (s[pos] == 'Z' && pos + 1 == s.size()) return t;
  if ((s[pos] == '+' || s[pos] == '-') && s.size() - pos == 6 && s[pos + 3] == ':') {
    int oh = 0, om = 0;
    if (!Digits(s, pos + 1, 2, oh) || !Digits(s, pos + 4, 2, om) || oh > 23 || om > 59) return bad();
    const UnixSeconds offset = oh * 3600 + om * 60;
    return s[pos] == '+' ? t - offset : t + offset;
  }
  return bad();
}

std::string FormatTimestamp(UnixSeconds t) {
  const auto days = std::chrono::floor<std::chrono::days>(std::chrono::sys_seconds{std::chrono::seconds{t}});
  const std::chrono::year_month_day ymd{days};
  const UnixSeconds rem = t - static_cast<UnixSeconds>(days.time_since_epoch().count()) * 86400;
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02d:%02d:%02dZ", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()), static_cast<int>(rem / 3600),
                static_cast<int>(rem / 60 % 60), static_cast<int>(rem % 60));
  return buf;
}

}  // namespace ckyc
