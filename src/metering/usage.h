// Usage records: N accelerators of one catalog part used by one account over a time span.
// Every reader (CUR 2.0, FOCUS, generic JSON lines) produces these; everything downstream
// (operations, training runs, clusters) works on them alone.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "chips/catalog.h"
#include "core/date.h"
#include "core/status.h"

namespace ckyc::metering {

struct UsageRecord {
  std::string id;                 // stable: the source's own id, or "h:<128-bit content hash>" when it has none
  std::string account;            // the account that used the resource
  std::string customer;           // end customer as far as the source knows (payer / billing account); else account
  std::string resource;           // instance or node id; may be empty
  std::string accelerator;        // catalog id of the part
  std::string instance_type;      // as billed, when known
  std::int64_t accelerators = 0;  // how many accelerators were in use
  UnixSeconds start = 0;          // [start, end): the span the record covers
  UnixSeconds end = 0;
  std::int64_t accelerator_seconds = 0;  // exact: accelerators × used seconds (≤ accelerators × span)
  std::string region;                    // region or zone, whichever is most specific
  std::string placement;                 // placement / cluster group, UltraServer, or empty
  std::string fabric;                    // network fabric id (EFA/IB domain), or empty
  std::optional<double> network_gbps;    // scale-out network per instance
  std::string job;                       // job / pod label, or empty
};

// A problem with one input row. The row is skipped; the rest of the file is read.
struct RowError {
  std::size_t line = 0;
  std::string message;  // "source:line: field 'x': what"
};

// Receives records as a reader produces them. `r` is valid only during the call.
class UsageSink {
 public:
  virtual ~UsageSink() = default;
  virtual Status Accept(const UsageRecord& r) = 0;
  // A hint before the first Accept: about how many records will come (0: unknown).
  virtual void ExpectRecords(std::size_t /*n*/) {}
};

struct ReadReport {
  std::vector<UsageRecord> records;  // filled by the collecting readers only
  std::size_t accepted = 0;          // records produced (collected or handed to a sink)
  std::vector<RowError> errors;
  // Names (instance types, models) that are not in the catalog, with their row counts. Reported,
  // never guessed: a CPU instance type and a new GPU type both land here.
  std::map<std::string, std::size_t> unknown_names;
  std::size_t rows = 0;               // data rows seen
  std::size_t skipped_not_usage = 0;  // fees, credits, amortisation, non-hour units
  std::size_t skipped_no_accelerator = 0;
};

// A 128-bit content hash as "h:" + 32 hex digits, for sources without a record id.
std::string ContentId(std::string_view content);

}  // namespace ckyc::metering
