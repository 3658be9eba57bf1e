// Decompression: gzip / zlib for exports (CUR files arrive as .csv.gz), bzip2 for reference data.
#pragma once

#include <string>
#include <string_view>

#include "core/status.h"

namespace ckyc {

bool LooksGzipped(std::string_view bytes);  // the 1f 8b magic

// Inflates a gzip (or zlib) stream; concatenated gzip members are read in turn. Errors name
// `source`. `max_bytes` bounds the output so a decompression bomb is an error, not an outage.
Result<std::string> Gunzip(std::string_view bytes, std::string_view source,
                           std::size_t max_bytes = std::size_t{1} << 34);

// Inflates a bzip2 stream (Debian ships the Unihan tables as .txt.bz2).
Result<std::string> Bunzip2(std::string_view bytes, std::string_view source,
                            std::size_t max_bytes = std::size_t{1} << 32);

}  // namespace ckyc
