#include "store/usage_segments.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cmath>
#include <cstring>
#include <filesystem>

#include "core/hash.h"

namespace ckyc::store::segments {
namespace {

constexpr std::string_view kMagic = "CKYCSEG1";

constexpr std::size_t kHeader = 16;  // magic + count

std::uint64_t Checksum(std::string_view header, std::string_view ids, std::string_view records) {
  return HashCombine(HashCombine(Hash64(header, 11), Hash64(ids, 12)), Hash64(records, 13));
}

template <typename T>
void Put(std::string& out, T v) {
  char buf[sizeof(T)];
  std::memcpy(buf, &v, sizeof(T));
  out.append(buf, sizeof(T));
}

void PutStr(std::string& out, const std::string& s) {
  Put<std::uint32_t>(out, static_cast<std::uint32_t>(s.size()));
  out.append(s);
}

class Reader {
 public:
  Reader(std::string_view bytes, std::size_t pos) : bytes_(bytes), pos_(pos) {}
  template <typename T>
  bool Get(T& v) {
    if (bytes_.size() - pos_ < sizeof(T)) return false;
    std::memcpy(&v, bytes_.data() + pos_, sizeof(T));
    pos_ += sizeof(T);
    return true;
  }
  bool GetStr(std::string& s) {
    std::uint32_t n = 0;
    if (!Get(n) || bytes_.size() - pos_ < n) return false;
    s.assign(bytes_.data() + pos_, n);
    pos_ += n;
    return true;
  }
  std::size_t pos() const { return pos_; }

 private:
  std::string_view bytes_;
  std::size_t pos_;
};

// Checks magic and checksum; returns the record count and the body (without the checksum).
Result<std::pair<std::uint64_t, std::string_view>> Open(std::string_view bytes, std::string_view source) {
  auto corrupt = [&](const std::string& what) { return Status::Corruption(std::string(source) + ": " + what); };
  if (bytes.size() < kMagic.size() + 16 || bytes.substr(0, kMagic.size()) != kMagic) {
    return corrupt("not a usage segment (bad magic or truncated)");
  }
  std::string_view body = bytes.substr(0, bytes.size() - 8);
  std::uint64_t count = 0;
  std::memcpy(&count, bytes.data() + kMagic.size(), 8);
  if (count > (body.size() - kHeader) / 16) return corrupt("record count larger than the file");
  std::uint64_t stored = 0;
  std::memcpy(&stored, bytes.data() + bytes.size() - 8, 8);
  const std::size_t ids_end = kHeader + count * 16;
  if (stored != Checksum(body.substr(0, kHeader), body.substr(kHeader, count * 16), body.substr(ids_end))) {
    return corrupt("checksum mismatch: the segment was damaged after it was written");
  }
  return std::make_pair(count, body);
}

}  // namespace

IdHash HashId(std::string_view id) {
  // 128 bits keep accidental collisions (which would drop a genuine record as a duplicate)
  // negligible at billions of records.
  const Hash128 h = Hash128Of(id);
  return {h.hi, h.lo};
}

void IdSet::Reserve(std::size_t n) {
  std::size_t want = 16;
  while (want < n * 2) want <<= 1;  // load factor ≤ 0.5
  if (want > slots_.size()) Grow(want);
}

void IdSet::Grow(std::size_t capacity) {
  std::vector<IdHash> old = std::move(slots_);
  slots_.assign(capacity, IdHash{});
  size_ = 0;
  for (const IdHash& h : old) {
    if (!(h == IdHash{})) Insert(h);
  }
}

bool IdSet::Insert(IdHash h) {
  if ((size_ + 1) * 2 > slots_.size()) Grow(slots_.empty() ? 16 : slots_.size() * 2);
  h = Key(h);
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t i = static_cast<std::size_t>(h.lo) & mask;; i = (i + 1) & mask) {
    if (slots_[i] == IdHash{}) {
      slots_[i] = h;
      ++size_;
      return true;
    }
    if (slots_[i] == h) return false;
  }
}

bool IdSet::Contains(IdHash h) const {
  if (slots_.empty()) return false;
  h = Key(h);
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t i = static_cast<std::size_t>(h.lo) & mask;; i = (i + 1) & mask) {
    if (slots_[i] == IdHash{}) return false;
    if (slots_[i] == h) return true;
  }
}

void AppendId(std::string& ids, IdHash h) {
  Put(ids, h.hi);
  Put(ids, h.lo);
}

void AppendRecord(std::string& out, const metering::UsageRecord& r) {
  for (const std::string* f : {&r.id, &r.account, &r.customer, &r.resource, &r.accelerator, &r.instance_type, &r.region,
                               &r.placement, &r.fabric, &r.job}) {
    PutStr(out, *f);
  }
  Put<std::int64_t>(out, r.accelerators);
  Put<std::int64_t>(out, r.start);
  Put<std::int64_t>(out, r.end);
  Put<std::int64_t>(out, r.accelerator_seconds);
  Put<double>(out, r.network_gbps.value_or(std::nan("")));
}

namespace {

std::string Header(std::uint64_t count) {
  std::string h(kMagic);
  Put<std::uint64_t>(h, count);
  return h;
}

std::string Trailer(std::string_view header, std::string_view ids, std::string_view records) {
  std::string t;
  Put<std::uint64_t>(t, Checksum(header, ids, records));
  return t;
}

}  // namespace

Status WriteSegment(const std::string& path, std::uint64_t count, std::string_view ids, std::string_view records) {
  const std::string header = Header(count);
  const std::string trailer = Trailer(header, ids, records);
  return WriteDurably(path, {header, ids, records, trailer});
}

std::string Encode(const std::vector<const metering::UsageRecord*>& records, const std::vector<IdHash>& ids) {
  std::string id_bytes, record_bytes;
  for (const IdHash& h : ids) AppendId(id_bytes, h);
  for (const metering::UsageRecord* r : records) AppendRecord(record_bytes, *r);
  const std::string header = Header(records.size());
  return header + id_bytes + record_bytes + Trailer(header, id_bytes, record_bytes);
}

Status ForEachId(std::string_view bytes, std::string_view source, const std::function<void(const IdHash&)>& fn) {
  CKYC_ASSIGN_OR_RETURN(auto opened, Open(bytes, source));
  Reader rd(opened.second, kHeader);
  for (std::uint64_t i = 0; i < opened.first; ++i) {
    IdHash h;
    if (!rd.Get(h.hi) || !rd.Get(h.lo)) return Status::Corruption(std::string(source) + ": truncated id table");
    fn(h);
  }
  return Status::Ok();
}

Result<std::vector<metering::UsageRecord>> Decode(std::string_view bytes, std::string_view source) {
  CKYC_ASSIGN_OR_RETURN(auto opened, Open(bytes, source));
  const std::uint64_t count = opened.first;
  Reader rd(opened.second, kHeader + count * 16);
  std::vector<metering::UsageRecord> out;
  out.reserve(count);
  for (std::uint64_t i = 0; i < count; ++i) {
    metering::UsageRecord r;
    bool ok = true;
    for (std::string* s : {&r.id, &r.account, &r.customer, &r.resource, &r.accelerator, &r.instance_type, &r.region,
                           &r.placement, &r.fabric, &r.job}) {
      ok = ok && rd.GetStr(*s);
    }
    double gbps = 0;
    ok = ok && rd.Get(r.accelerators) && rd.Get(r.start) && rd.Get(r.end) && rd.Get(r.accelerator_seconds) &&
         rd.Get(gbps);
    if (!ok) return Status::Corruption(std::string(source) + ": record " + std::to_string(i + 1) + " is truncated");
    if (!std::isnan(gbps)) r.network_gbps = gbps;
    out.push_back(std::move(r));
  }
  return out;
}

Status WriteDurably(const std::string& path, const std::vector<std::string_view>& parts) {
  const std::string tmp = path + ".tmp";
  auto fail = [&](const std::string& what) {
    Status s = Status::IoError(path + ": " + what + ": " + std::strerror(errno));
    ::unlink(tmp.c_str());
    return s;
  };
  int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) return fail("cannot create");
  for (std::string_view bytes : parts) {
    std::size_t done = 0;
    while (done < bytes.size()) {
      ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
      if (n < 0) {
        if (errno == EINTR) continue;
        ::close(fd);
        return fail("write failed");
      }
      done += static_cast<std::size_t>(n);
    }
  }
  if (::fsync(fd) != 0) {
    ::close(fd);
    return fail("fsync failed");
  }
  ::close(fd);
  if (::rename(tmp.c_str(), path.c_str()) != 0) return fail("rename failed");
  const std::string dir = std::filesystem::path(path).parent_path().string();
  int dfd = ::open(dir.empty() ? "." : dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dfd >= 0) {
    ::fsync(dfd);
    ::close(dfd);
  }
  return Status::Ok();
}

}  // namespace ckyc::store::segments
