#include "core/data_files.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>

namespace ckyc {

Result<std::string> ReadFile(const std::string& path) {
  // One read into a buffer sized from the file: inputs run to gigabytes, so no stream copies.
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (f == nullptr) return Status::IoError(path + ": cannot open: " + std::strerror(errno));
  std::string out;
  struct stat st {};
  if (::fstat(::fileno(f), &st) == 0 && S_ISREG(st.st_mode)) out.reserve(static_cast<std::size_t>(st.st_size) + 64);
  char buf[1 << 16];
  std::size_t n;
  if (out.capacity() > 64) {
    out.resize(out.capacity() - 64);
    std::size_t got = std::fread(out.data(), 1, out.size(), f);
    out.resize(got);
  }
  while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) out.append(buf, n);
  const bool failed = std::ferror(f) != 0;
  std::fclose(f);
  if (failed) return Status::IoError(path + ": read failed");
  return out;
}

Result<MappedFile> MappedFile::Open(const std::string& path) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return Status::IoError(path + ": cannot open: " + std::strerror(errno));
  struct stat st {};
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    ::close(fd);
    return Status::IoError(path + ": not a regular file");
  }
  MappedFile f;
  f.size_ = static_cast<std::size_t>(st.st_size);
  if (f.size_ > 0) {
    const std::size_t page = static_cast<std::size_t>(::sysconf(_SC_PAGESIZE));
    f.mapped_ = (f.size_ + page - 1) / page * page;
    void* p = ::mmap(nullptr, f.mapped_, PROT_READ, MAP_PRIVATE | MAP_POPULATE, fd, 0);
    if (p == MAP_FAILED) {
      ::close(fd);
      return Status::IoError(path + ": cannot map: " + std::strerror(errno));
    }
    ::madvise(p, f.mapped_, MADV_SEQUENTIAL);
    f.data_ = static_cast<const char*>(p);
    f.readable_after_ = f.mapped_ - f.size_;
  }
  ::close(fd);
  return f;
}

MappedFile::MappedFile(MappedFile&& other) noexcept
    : data_(other.data_), size_(other.size_), mapped_(other.mapped_), readable_after_(other.readable_after_) {
  other.data_ = nullptr;
  other.mapped_ = 0;
}

MappedFile& MappedFile::operator=(MappedFile&& other) noexcept {
  if (this != &other) {
    if (data_ != nullptr) ::munmap(const_cast<char*>(data_), mapped_);
    data_ = other.data_;
    size_ = other.size_;
    mapped_ = other.mapped_;
    readable_after_ = other.readable_after_;
    other.data_ = nullptr;
    other.mapped_ = 0;
  }
  return *this;
}

MappedFile::~MappedFile() {
  if (data_ != nullptr) ::munmap(const_cast<char*>(data_), mapped_);
}

Result<DataFile> ReadDataFile(std::string_view name) {
  if (const char* dir = std::getenv("CKYC_DATA_DIR"); dir != nullptr && *dir != '\0') {
    std::filesystem::path p = std::filesystem::path(dir) / std::string(name);
    std::error_code ec;
    if (std::filesystem::exists(p, ec)) {
      CKYC_ASSIGN_OR_RETURN(std::string text, ReadFile(p.string()));
      return DataFile{p.string(), std::move(text)};
    }
  }
  for (const auto& f : embedded::Files()) {
    if (f.name == name) return DataFile{"data/" + std::string(name), std::string(f.bytes)};
  }
  return Status::NotFound("no data file '" + std::string(name) + "' is shipped");
}

}  // namespace ckyc
