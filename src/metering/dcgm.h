// dcgm-exporter telemetry: Prometheus text exposition → per-GPU samples keyed by numeric DCGM
// field id (names drift between DCGM versions; ids do not).
//
// Grammar (Prometheus text format 0.0.4, as dcgm-exporter emits it; a line ends at LF, and a CR
// before the LF is dropped; BL is one or more spaces or tabs, and is also allowed at the start and
// end of a line, around "{", "}", "=" and "," and before a label name):
//   line    = comment / sample / blank
//   comment = "#" text                               ; "# HELP", "# TYPE" lines are read for nothing
//   sample  = name [ "{" [labels] "}" ] BL value [ BL timestamp_ms ]
//   labels  = label *( "," label ) [","]             ; label = lname "=" DQUOTE escaped DQUOTE
//   escaped = *( char / "\\" / "\"" / "\n" )         ; any other backslash escape is an error
//   value   = float / "NaN" / "+Inf" / "-Inf"        ; as Go's ParseFloat reads them, decimal only
//   name    = [a-zA-Z_:][a-zA-Z0-9_:]*               ; lname = [a-zA-Z_][a-zA-Z0-9_]*
// A malformed line is an error whatever its metric. A well-formed sample whose metric name is not a
// known DCGM field is skipped (counted). NaN, infinities and DCGM's sentinel "blank" values are
// dropped (counted) — they mean "not supported", not zero. The sentinels are the int64 ones
// (≥ 9.223372036854e18 - 1e6; DCGM_INT64_BLANK is 0x7ffffffffffffff0 and e.g. NOT_SUPPORTED is
// 9223372036854775794), the int32 ones (2147483632..2147483647, 0x7ffffff0..0x7fffffff) and the
// fp64 ones (140737488355328..140737488355343, 2^47 + 0..15).
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace ckyc::metering {

// DCGM field ids this reader understands (shared/data/compute/dcgm_fields.csv).
enum class DcgmField : int {
  kSmClock = 100,            // DCGM_FI_DEV_SM_CLOCK, MHz
  kMaxSmClock = 113,         // DCGM_FI_DEV_MAX_SM_CLOCK, MHz (110 is APP_SM_CLOCK)
  kPowerUsage = 155,         // W
  kTotalEnergy = 156,        // mJ since boot (counter)
  kGpuUtil = 203,            // % duty cycle (liveness only)
  kFbUsed = 252,             // MiB
  kGrEngineActive = 1001,    // ratio
  kSmActive = 1002,          // ratio
  kSmOccupancy = 1003,       // ratio
  kPipeTensorActive = 1004,  // ratio: the primary operations proxy
  kDramActive = 1005,        // ratio
  kPipeFp64Active = 1006,
  kPipeFp32Active = 1007,
  kPipeFp16Active = 1008,
  kPcieTxBytes = 1009,
  kPcieRxBytes = 1010,
  kNvlinkTxBytes = 1011,
  kNvlinkRxBytes = 1012,
  kPipeTensorImmaActive = 1013,
  kPipeTensorHmmaActive = 1014,
  kPipeTensorDfmaActive = 1015,
};

// Maps an exporter metric name to its field id. Accepts the legacy names dcgm-exporter emits
// (DCGM_FI_PROF_PIPE_TENSOR_ACTIVE) and the DCGM 4.x names (DCGM_FI_PROF_TENSOR_UTIL_RATIO …);
// names are case-sensitive.
std::optional<DcgmField> DcgmFieldFromName(std::string_view metric_name);

struct DcgmSample {
  DcgmField field;
  double value = 0;
  std::optional<std::int64_t> timestamp_ms;
  // Label values, unescaped. dcgm-exporter's --use-old-namespace spellings are read too: uuid,
  // pod_name, pod_namespace, container_name. Any of these labels given twice, in either spelling, is
  // an error.
  std::string uuid;        // UUID label: the stable GPU key
  std::string gpu;         // gpu label ("0")
  std::string model_name;  // modelName label, e.g. "NVIDIA H100 80GB HBM3"
  std::string hostname;    // Hostname label
  std::string pod;         // Kubernetes labels, empty outside Kubernetes
  std::string namespace_;
  std::string container;
  std::string gpu_instance_id;  // GPU_I_ID for MIG, else empty
  std::size_t line = 0;
};

struct DcgmParseResult {
  std::vector<DcgmSample> samples;
  std::vector<std::string> errors;  // "source:line: <what>", one per malformed line (line skipped)
  std::size_t skipped_unknown_metric = 0;
  std::size_t dropped_blank = 0;  // NaN, ±Inf, DCGM sentinels
};

// Parses a whole exposition. Never fails as a whole: malformed lines are reported and skipped.
DcgmParseResult ParseDcgmExposition(std::string_view text, std::string_view source);

}  // namespace ckyc::metering
