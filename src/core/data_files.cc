#include "core/data_files.h"

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace ckyc {

Result<std::string> ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::IoError(path + ": cannot open: " + std::strerror(errno));
  std::ostringstream ss;
  ss << in.rdbuf();
  if (in.bad()) return Status::IoError(path + ": read failed");
  return ss.str();
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
