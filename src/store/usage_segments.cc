#include "store/usage_segments.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cmath>
#include <cstring>
#include <filesystem>

namespace ckyc::store::segments {
namespace {

constexpr std::string_view kMagic = "CKYCSEG1";

std::uint64_t Fnv1a(std::string_view s, std::uint64_t h = 1469598103934665603ULL) {
  for (char c : s) {
    h ^= static_cast<unsigned char>(c);
    h *= 1099511628211ULL;
  }
  return h;
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
  std::uint64_t stored = 0;
  std::memcpy(&stored, bytes.data() + bytes.size() - 8, 8);
  if (stored != Fnv1a(body)) return corrupt("checksum mismatch: the segment was damaged after it was written");
  std::uint64_t count = 0;
  std::memcpy(&count, bytes.data() + kMagic.size(), 8);
  if (count > body.size() / 16) return corrupt("record count larger than the file");
  return std::make_pair(count, body);
}

}  // namespace

IdHash HashId(std::string_view id) {
  // Two FNV-1a passes with different offset bases, mixed: 128 bits keep accidental collisions
  // (which would drop a genuine record as a duplicate) negligible at billions of records.
  IdHash h;
  h.hi = Fnv1a(id);
  h.lo = Fnv1a(id, 0x84222325CBF29CE4ULL);
  h.lo ^= h.lo >> 29;
  h.lo *= 0xBF58476D1CE4E5B9ULL;
  h.lo ^= h.lo >> 32;
  return h;
}

std::string Encode(const std::vector<const metering::UsageRecord*>& records, const std::vector<IdHash>& ids) {
  std::string out;
  out.reserve(32 + records.size() * 160);
  out.append(kMagic);
  Put<std::uint64_t>(out, records.size());
  for (const IdHash& h : ids) {
    Put(out, h.hi);
    Put(out, h.lo);
  }
  for (const metering::UsageRecord* r : records) {
    for (const std::string* s : {&r->id, &r->account, &r->customer, &r->resource, &r->accelerator, &r->instance_type,
                                 &r->region, &r->placement, &r->fabric, &r->job}) {
      PutStr(out, *s);
    }
    Put<std::int64_t>(out, r->accelerators);
    Put<std::int64_t>(out, r->start);
    Put<std::int64_t>(out, r->end);
    Put<std::int64_t>(out, r->accelerator_seconds);
    Put<double>(out, r->network_gbps.value_or(std::nan("")));
  }
  Put<std::uint64_t>(out, Fnv1a(out));
  return out;
}

Status ForEachId(std::string_view bytes, std::string_view source, const std::function<void(const IdHash&)>& fn) {
  CKYC_ASSIGN_OR_RETURN(auto opened, Open(bytes, source));
  Reader rd(opened.second, kMagic.size() + 8);
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
  Reader rd(opened.second, kMagic.size() + 8 + count * 16);
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

Status WriteDurably(const std::string& path, std::string_view bytes) {
  const std::string tmp = path + ".tmp";
  auto fail = [&](const std::string& what) {
    Status s = Status::IoError(path + ": " + what + ": " + std::strerror(errno));
    ::unlink(tmp.c_str());
    return s;
  };
  int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) return fail("cannot create");
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
