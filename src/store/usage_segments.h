// Usage evidence segments: the records of one ingested batch, kept verbatim in an append-only file
// beside the database, so ingest costs one sequential write instead of one B-tree insert per
// record. The database holds the batch row (which segment, how many records) and per-account
// totals; a segment without its batch row (a crash between the two) is ignored.
//
// Segment file grammar (little-endian):
//   segment  = magic count ids records checksum
//   magic    = "CKYCSEG1"                       ; 8 bytes
//   count    = u64                              ; number of records
//   ids      = count × (u64 hi, u64 lo)         ; 128-bit id hashes, for dedup without decoding
//   records  = count × record
//   record   = str id, str account, str customer, str resource, str accelerator, str instance_type,
//              str region, str placement, str fabric, str job,
//              i64 accelerators, i64 start, i64 end, i64 accelerator_seconds, f64 network_gbps (NaN: none)
//   str      = u32 length, bytes
//   checksum = u64 FNV-1a of everything before it
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "metering/usage.h"

namespace ckyc::store::segments {

struct IdHash {
  std::uint64_t hi = 0;
  std::uint64_t lo = 0;
  bool operator==(const IdHash&) const = default;
};
struct IdHashHasher {
  std::size_t operator()(const IdHash& h) const { return static_cast<std::size_t>(h.lo ^ (h.hi * 31)); }
};

IdHash HashId(std::string_view id);

std::string Encode(const std::vector<const metering::UsageRecord*>& records, const std::vector<IdHash>& ids);
// Errors (bad magic, truncation, checksum mismatch) are Corruption naming `source`.
Result<std::vector<metering::UsageRecord>> Decode(std::string_view bytes, std::string_view source);
// Calls `fn` for each id hash without decoding records (checksum verified).
Status ForEachId(std::string_view bytes, std::string_view source, const std::function<void(const IdHash&)>& fn);

// Writes `bytes` to `path` so that it is on disk when this returns OK: a temporary file, fsync,
// rename, then fsync of the folder.
Status WriteDurably(const std::string& path, std::string_view bytes);

}  // namespace ckyc::store::segments
