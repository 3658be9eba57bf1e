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

namespace embedded {
struct EmbeddedFile {
  std::string_view name;
  std::string_view bytes;
};
const std::vector<EmbeddedFile>& Files();  // generated
}  // namespace embedded

}  // namespace ckyc
