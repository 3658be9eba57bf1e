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
