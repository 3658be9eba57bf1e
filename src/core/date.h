// Calendar dates (UTC civil days) for effective-dated reference data and policy.
#pragma once

#include <chrono>
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
