// Access to the shipped reference data (data/*.csv).
//
// The files are compiled into the binary (cmake/EmbedData.cmake). When the environment variable
// CKYC_DATA_DIR names a folder, a file present there is read instead of the embedded copy, so
// an operator can update a table (a new accelerator, a country-group change) without a rebuild.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace ckyc {

struct DataFile {
  std::string source;  // what messages call it: "data/accelerators.csv" or the override path
  std::string text;
};

// Reads data file `name` ("accelerators.csv"). [Threading] safe; reads the environment each call.
Result<DataFile> ReadDataFile(std::string_view name);

// Reads a whole file from disk; the error names the path.
Result<std::string> ReadFile(const std::string& path);

// A file mapped read-only into memory: large inputs are parsed where they lie, without a copy.
// [Threading] immutable; bytes() is valid while the object lives.
class MappedFile {
 public:
  static Result<MappedFile> Open(const std::string& path);  // errors name the path
  MappedFile(MappedFile&& other) noexcept;
  MappedFile& operator=(MappedFile&& other) noexcept;
  MappedFile(const MappedFile&) = delete;
  MappedFile& operator=(const MappedFile&) = delete;
  ~MappedFile();

  std::string_view bytes() const { return {data_, size_}; }
  // Bytes after the end that may be read (the rest of the last page, zero-filled).
  std::size_t readable_after() const { return readable_after_; }

 private:
  MappedFile() = default;
  const char* data_ = nullptr;
  std::size_t size_ = 0;
  std::size_t mapped_ = 0;
  std::size_t readable_after_ = 0;
};

namespace embedded {
struct EmbeddedFile {
  std::string_view name;
  std::string_view bytes;
};
const std::vector<EmbeddedFile>& Files();  // generated
}  // namespace embedded

}  // namespace ckyc
