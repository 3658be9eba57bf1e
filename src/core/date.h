// Calendar dates (UTC civil days) for effective-dated reference data and policy.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/status.h"

namespace ckyc {

using Date = std::chrono::year_month_day;

// Parses "YYYY-MM-DD"; rejects impossible dates (2026-02-30).
Result<Date> ParseDate(std::string_view s);
std::string FormatDate(const Date& d);

// Half-open-free, inclusive period [from, to]; an unset `to` means still in force.
struct DatePeriod {
  Date from;
  std::optional<Date> to;
  bool Contains(const Date& d) const { return d >= from && (!to || d <= *to); }
};

}  // namespace ckyc

namespace ckyc {

// Seconds since 1970-01-01T00:00:00Z.
using UnixSeconds = std::int64_t;

// Parses the timestamps billing exports and telemetry use, always to UTC seconds:
//   2026-01-31T13:15:00Z, 2026-01-31T13:15:00.123Z, 2026-01-31 13:15:00, 2026-01-31T13:15:00+08:00,
//   2026-01-31 (midnight). Fractions of a second are truncated. Errors quote the text.
Result<UnixSeconds> ParseTimestamp(std::string_view s);
std::string FormatTimestamp(UnixSeconds t);  // "2026-01-31T13:15:00Z": text order is time order
inline std::string FormatTimestamp(std::chrono::system_clock::time_point t) {
  return FormatTimestamp(std::chrono::floor<std::chrono::seconds>(t).time_since_epoch().count());
}

}  // namespace ckyc
