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
//   checksum = u64 HashCombine(HashCombine(Hash64(magic count), Hash64(ids)), Hash64(records))
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
// An open-addressing set of id hashes: the dedup index for every stored record. Flat (16 bytes a
// slot, no node per id) because it holds every record ever ingested. [Threading] not thread-safe.
class IdSet {
 public:
  // Inserts `h`; false when it was already present.
  bool Insert(IdHash h);
  bool Contains(IdHash h) const;
  std::size_t size() const { return size_; }
  void Reserve(std::size_t n);

 private:
  static IdHash Key(IdHash h) { return h == IdHash{} ? IdHash{0, 1} : h; }  // {0,0} marks an empty slot
  void Grow(std::size_t capacity);
  std::vector<IdHash> slots_;
  std::size_t size_ = 0;
};

IdHash HashId(std::string_view id);

// Building a segment one record at a time (what ingest does): append ids and records to two
// buffers, then write them with WriteSegment.
void AppendId(std::string& ids, IdHash h);
void AppendRecord(std::string& records, const metering::UsageRecord& r);
// Writes magic, count, `ids`, `records` and the checksum durably (see WriteDurably).
Status WriteSegment(const std::string& path, std::uint64_t count, std::string_view ids, std::string_view records);

// The whole segment in memory (tests, tools).
std::string Encode(const std::vector<const metering::UsageRecord*>& records, const std::vector<IdHash>& ids);
// Errors (bad magic, truncation, checksum mismatch) are Corruption naming `source`.
Result<std::vector<metering::UsageRecord>> Decode(std::string_view bytes, std::string_view source);
// Calls `fn` for each id hash without decoding records (checksum verified).
Status ForEachId(std::string_view bytes, std::string_view source, const std::function<void(const IdHash&)>& fn);

// Writes `bytes` to `path` so that it is on disk when this returns OK: a temporary file, fsync,
// rename, then fsync of the folder.
Status WriteDurably(const std::string& path, const std::vector<std::string_view>& parts);

}  // namespace ckyc::store::segments
