// Readers for usage exports. Pure: text in, ReadReport out. A malformed row is a RowError naming
// source, line and field; it never fails the file. A file that is not the format at all (no usable
// header) is a Status error.
//
// Formats (docs/formats.md has the full field lists):
//  - AWS Cost and Usage Report 2.0, CSV (gzip is undone by the caller): one row per line item.
//    Only Usage / DiscountedUsage / SavingsPlanCoveredUsage rows with an instance type count.
//  - FOCUS 1.x CSV: only ChargeCategory=Usage rows in hours; the instance type comes from an
//    x_InstanceType / InstanceType column when present, else from a catalog instance type named in
//    ChargeDescription or SkuId.
//  - Generic JSON lines: one object per line, see docs/formats.md.
#pragma once

#include <string_view>

#include "chips/catalog.h"
#include "core/status.h"
#include "metering/usage.h"

namespace ckyc::metering {

enum class UsageFormat { kCur, kFocus, kJsonLines, kDcgm };
std::string_view UsageFormatName(UsageFormat f);  // "cur", "focus", "jsonl", "dcgm"
Result<UsageFormat> ParseUsageFormat(std::string_view name);
// Guesses from the first bytes: '{' → jsonl, "# HELP"/"DCGM_" → dcgm, a CSV header with
// line_item_usage_start_date → cur, with ChargePeriodStart → focus.
Result<UsageFormat> DetectUsageFormat(std::string_view text, std::string_view source);

// Streaming forms: each accepted record is handed to `sink` (and counted in report.accepted);
// report.records stays empty. A sink error stops the read and is returned.
Status ReadCur(std::string_view text, std::string_view source, const chips::InstanceCatalog& instances,
               ReadReport& report, UsageSink& sink);
Status ReadFocus(std::string_view text, std::string_view source, const chips::InstanceCatalog& instances,
                 ReadReport& report, UsageSink& sink);
// `readable_after`: how many bytes past the end of `text` may be read (a buffer's spare
// capacity). With 64 or more the JSON is parsed in place; otherwise it is copied once.
Status ReadJsonLines(std::string_view text, std::string_view source, const chips::AcceleratorCatalog& parts,
                     const chips::InstanceCatalog& instances, ReadReport& report, UsageSink& sink,
                     std::size_t readable_after = 0);

// Collecting forms: the records land in report.records.
Result<ReadReport> ReadCur(std::string_view text, std::string_view source, const chips::InstanceCatalog& instances);
Result<ReadReport> ReadFocus(std::string_view text, std::string_view source, const chips::InstanceCatalog& instances);
Result<ReadReport> ReadJsonLines(std::string_view text, std::string_view source, const chips::AcceleratorCatalog& parts,
                                 const chips::InstanceCatalog& instances);

}  // namespace ckyc::metering
