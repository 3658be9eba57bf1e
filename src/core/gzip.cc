#include "core/gzip.h"

#include <bzlib.h>
#include <zlib.h>

#include <climits>

namespace ckyc {

bool LooksGzipped(std::string_view bytes) {
  return bytes.size() >= 2 && static_cast<unsigned char>(bytes[0]) == 0x1f &&
         static_cast<unsigned char>(bytes[1]) == 0x8b;
}

Result<std::string> Gunzip(std::string_view bytes, std::string_view source, std::size_t max_bytes) {
  z_stream zs{};
  if (inflateInit2(&zs, 15 + 32) != Z_OK) return Status::Internal(std::string(source) + ": zlib init failed");
  std::string out;
  std::size_t offset = 0;
  char buf[1 << 16];
  int rc = Z_OK;
  while (true) {
    const std::size_t chunk = std::min<std::size_t>(bytes.size() - offset, UINT_MAX);
    zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data() + offset));
    zs.avail_in = static_cast<uInt>(chunk);
    do {
      zs.next_out = reinterpret_cast<Bytef*>(buf);
      zs.avail_out = sizeof buf;
      rc = inflate(&zs, Z_NO_FLUSH);
      if (rc != Z_OK && rc != Z_STREAM_END) {
        std::string msg = zs.msg != nullptr ? zs.msg : "corrupt or truncated data";
        inflateEnd(&zs);
        return Status::InvalidArgument(std::string(source) + ": gzip: " + msg);
      }
      out.append(buf, sizeof buf - zs.avail_out);
      if (out.size() > max_bytes) {
        inflateEnd(&zs);
        return Status::InvalidArgument(std::string(source) + ": gzip: expands beyond " + std::to_string(max_bytes) +
                                       " bytes");
      }
    } while (zs.avail_out == 0 && rc != Z_STREAM_END);
    offset += chunk - zs.avail_in;
    if (rc == Z_STREAM_END) {
      if (offset >= bytes.size()) break;
      inflateReset(&zs);  // another gzip member follows
      continue;
    }
    if (offset >= bytes.size()) {
      inflateEnd(&zs);
      return Status::InvalidArgument(std::string(source) + ": gzip: truncated stream");
    }
  }
  inflateEnd(&zs);
  return out;
}

Result<std::string> Bunzip2(std::string_view bytes, std::string_view source, std::size_t max_bytes) {
  bz_stream bz{};
  if (BZ2_bzDecompressInit(&bz, 0, 0) != BZ_OK) return Status::Internal(std::string(source) + ": bzip2 init failed");
  std::string out;
  char buf[1 << 16];
  bz.next_in = const_cast<char*>(bytes.data());
  bz.avail_in = static_cast<unsigned>(std::min<std::size_t>(bytes.size(), UINT_MAX));
  int rc = BZ_OK;
  while (rc != BZ_STREAM_END) {
    bz.next_out = buf;
    bz.avail_out = sizeof buf;
    rc = BZ2_bzDecompress(&bz);
    if (rc != BZ_OK && rc != BZ_STREAM_END) {
      BZ2_bzDecompressEnd(&bz);
      return Status::InvalidArgument(std::string(source) + ": bzip2: corrupt data");
    }
    out.append(buf, sizeof buf - bz.avail_out);
    if (out.size() > max_bytes) {
      BZ2_bzDecompressEnd(&bz);
      return Status::InvalidArgument(std::string(source) + ": bzip2: expands beyond " + std::to_string(max_bytes));
    }
    if (rc == BZ_OK && bz.avail_in == 0 && bz.avail_out != 0) {
      BZ2_bzDecompressEnd(&bz);
      return Status::InvalidArgument(std::string(source) + ": bzip2: truncated stream");
    }
  }
  BZ2_bzDecompressEnd(&bz);
  return out;
}

}  // namespace ckyc
