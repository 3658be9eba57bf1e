#pragma once

#include <chrono>
#include <string>

namespace ckyc::store {

// "2026-11-29T20:37:17Z": how timestamps are stored, so that text order is time order.
std::string FormatTimestamp(std::chrono::system_clock::time_point t);

}  // namespace ckyc::store
