#include "metering/dcgm.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <iterator>
#include <system_error>
#include <utility>

#include "core/strings.h"

namespace ckyc::metering {
namespace {

struct FieldName {
  std::string_view name;
  DcgmField field;
};

// Every spelling this reader accepts, sorted by name (checked below) for binary search. The legacy
// names are those of dcgm-exporter's counter CSVs; the DCGM 4.x names are the renamed symbols of
// dcgm_fields.h, which keep the same ids (shared/data/compute/dcgm_fields.csv lists most of them;
// 1007, 1008 and 1013-1015 come from DCGM's own dcgm_fields.py).
constexpr FieldName kFieldNames[] = {
    {"DCGM_FI_DEV_BOARD_POWER_WATTS", DcgmField::kPowerUsage},
    {"DCGM_FI_DEV_FB_USED", DcgmField::kFbUsed},
    {"DCGM_FI_DEV_GPU_UTIL", DcgmField::kGpuUtil},
    {"DCGM_FI_DEV_GPU_UTIL_RATIO", DcgmField::kGpuUtil},  // renamed, still a percentage
    {"DCGM_FI_DEV_MAX_SM_CLOCK", DcgmField::kMaxSmClock},
    {"DCGM_FI_DEV_POWER_USAGE", DcgmField::kPowerUsage},
    {"DCGM_FI_DEV_SM_CLOCK", DcgmField::kSmClock},
    {"DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION", DcgmField::kTotalEnergy},
    {"DCGM_FI_PROF_DFMA_UTIL_RATIO", DcgmField::kPipeTensorDfmaActive},
    {"DCGM_FI_PROF_DRAM_ACTIVE", DcgmField::kDramActive},
    {"DCGM_FI_PROF_DRAM_UTIL_RATIO", DcgmField::kDramActive},
    {"DCGM_FI_PROF_FP16_UTIL_RATIO", DcgmField::kPipeFp16Active},
    {"DCGM_FI_PROF_FP32_UTIL_RATIO", DcgmField::kPipeFp32Active},
    {"DCGM_FI_PROF_FP64_UTIL_RATIO", DcgmField::kPipeFp64Active},
    {"DCGM_FI_PROF_GR_ENGINE_ACTIVE", DcgmField::kGrEngineActive},
    {"DCGM_FI_PROF_GR_ENGINE_UTIL_RATIO", DcgmField::kGrEngineActive},
    {"DCGM_FI_PROF_HMMA_UTIL_RATIO", DcgmField::kPipeTensorHmmaActive},
    {"DCGM_FI_PROF_IMMA_UTIL_RATIO", DcgmField::kPipeTensorImmaActive},
    {"DCGM_FI_PROF_NVLINK_RX_BYTES", DcgmField::kNvlinkRxBytes},
    {"DCGM_FI_PROF_NVLINK_TX_BYTES", DcgmField::kNvlinkTxBytes},
    {"DCGM_FI_PROF_PCIE_RX_BYTES", DcgmField::kPcieRxBytes},
    {"DCGM_FI_PROF_PCIE_TX_BYTES", DcgmField::kPcieTxBytes},
    {"DCGM_FI_PROF_PIPE_FP16_ACTIVE", DcgmField::kPipeFp16Active},
    {"DCGM_FI_PROF_PIPE_FP32_ACTIVE", DcgmField::kPipeFp32Active},
    {"DCGM_FI_PROF_PIPE_FP64_ACTIVE", DcgmField::kPipeFp64Active},
    {"DCGM_FI_PROF_PIPE_TENSOR_ACTIVE", DcgmField::kPipeTensorActive},
    {"DCGM_FI_PROF_PIPE_TENSOR_DFMA_ACTIVE", DcgmField::kPipeTensorDfmaActive},
    {"DCGM_FI_PROF_PIPE_TENSOR_HMMA_ACTIVE", DcgmField::kPipeTensorHmmaActive},
    {"DCGM_FI_PROF_PIPE_TENSOR_IMMA_ACTIVE", DcgmField::kPipeTensorImmaActive},
    {"DCGM_FI_PROF_SM_ACTIVE", DcgmField::kSmActive},
    {"DCGM_FI_PROF_SM_OCCUPANCY", DcgmField::kSmOccupancy},
    {"DCGM_FI_PROF_SM_OCCUPANCY_RATIO", DcgmField::kSmOccupancy},
    {"DCGM_FI_PROF_SM_UTIL_RATIO", DcgmField::kSmActive},
    {"DCGM_FI_PROF_TENSOR_UTIL_RATIO", DcgmField::kPipeTensorActive},
};
static_assert(std::adjacent_find(std::begin(kFieldNames), std::end(kFieldNames),
                                 [](const FieldName& a, const FieldName& b) { return a.name >= b.name; }) ==
                  std::end(kFieldNames),
              "kFieldNames must be sorted by name, without repeats");

// dcgm-exporter writes samples of one metric together, so most lookups repeat the previous one.
class FieldCache {
 public:
  std::optional<DcgmField> Lookup(std::string_view name) {
    if (!valid_ || name != name_) {
      name_ = name;
      field_ = DcgmFieldFromName(name);
      valid_ = true;
    }
    return field_;
  }

 private:
  bool valid_ = false;
  std::string_view name_;
  std::optional<DcgmField> field_;
};

// Where a label's value goes in a DcgmSample. The values double as bit positions for repeat checks.
enum class Slot : unsigned { kNone, kUuid, kGpu, kModelName, kHostname, kPod, kNamespace, kContainer, kGpuInstanceId };

Slot SlotFor(std::string_view label) {
  if (label == "UUID" || label == "uuid") return Slot::kUuid;
  if (label == "gpu") return Slot::kGpu;
  if (label == "modelName") return Slot::kModelName;
  if (label == "Hostname") return Slot::kHostname;
  if (label == "pod" || label == "pod_name") return Slot::kPod;
  if (label == "namespace" || label == "pod_namespace") return Slot::kNamespace;
  if (label == "container" || label == "container_name") return Slot::kContainer;
  if (label == "GPU_I_ID") return Slot::kGpuInstanceId;
  return Slot::kNone;
}

std::string* SlotTarget(DcgmSample& s, Slot slot) {
  switch (slot) {
    case Slot::kNone: return nullptr;
    case Slot::kUuid: return &s.uuid;
    case Slot::kGpu: return &s.gpu;
    case Slot::kModelName: return &s.model_name;
    case Slot::kHostname: return &s.hostname;
    case Slot::kPod: return &s.pod;
    case Slot::kNamespace: return &s.namespace_;
    case Slot::kContainer: return &s.container;
    case Slot::kGpuInstanceId: return &s.gpu_instance_id;
  }
  return nullptr;
}

bool IsBlank(char c) {
  return c == ' ' || c == '\t';
}
bool IsAlpha(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool IsDigit(char c) {
  return c >= '0' && c <= '9';
}
bool IsLabelNameStart(char c) {
  return IsAlpha(c) || c == '_';
}
bool IsLabelNameChar(char c) {
  return IsLabelNameStart(c) || IsDigit(c);
}
bool IsMetricNameStart(char c) {
  return IsLabelNameStart(c) || c == ':';
}
bool IsMetricNameChar(char c) {
  return IsMetricNameStart(c) || IsDigit(c);
}

// Input bytes quoted for an error message: printable ASCII as is, any other byte as \xNN, and at
// most 40 bytes of input, so that a message stays one printable line whatever the input holds.
std::string Quoted(std::string_view s) {
  constexpr std::size_t kMaxBytes = 40;
  constexpr char kHex[] = "0123456789abcdef";
  std::string out = "'";
  for (std::size_t i = 0; i < s.size() && i < kMaxBytes; ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c >= 0x20 && c < 0x7f) {
      out.push_back(s[i]);
    } else {
      out += "\\x";
      out.push_back(kHex[c >> 4]);
      out.push_back(kHex[c & 0xf]);
    }
  }
  if (s.size() > kMaxBytes) out += "...";
  out.push_back('\'');
  return out;
}

Status Malformed(std::string what) {
  return Status::InvalidArgument(std::move(what));
}

// A position in one line (without its line ending). Reads never go past the end of the line.
class Cursor {
 public:
  explicit Cursor(std::string_view line) : line_(line) {}

  bool done() const { return pos_ >= line_.size(); }
  char peek() const { return line_[pos_]; }  // requires !done()
  std::size_t pos() const { return pos_; }
  void Advance(std::size_t n = 1) { pos_ = std::min(line_.size(), pos_ + n); }
  std::string_view From(std::size_t start) const { return line_.substr(start, pos_ - start); }
  std::string_view line() const { return line_; }

  // Skips spaces and tabs; returns how many.
  std::size_t SkipBlanks() {
    const std::size_t start = pos_;
    while (!done() && IsBlank(peek())) ++pos_;
    return pos_ - start;
  }

  // Reads up to the next blank or the end of the line.
  std::string_view Token() {
    const std::size_t start = pos_;
    while (!done() && !IsBlank(peek())) ++pos_;
    return From(start);
  }

  // What stands at the cursor, for "expected X, found Y" messages.
  std::string Found() const { return done() ? "end of line" : Quoted(line_.substr(pos_, 1)); }

 private:
  std::string_view line_;
  std::size_t pos_ = 0;
};

// Resolves the three escapes of a label value; `raw` has been checked to hold no others.
std::string Unescape(std::string_view raw) {
  std::string out;
  out.reserve(raw.size());
  for (std::size_t i = 0; i < raw.size(); ++i) {
    if (raw[i] == '\\' && i + 1 < raw.size()) {
      ++i;
      out.push_back(raw[i] == 'n' ? '\n' : raw[i]);
    } else {
      out.push_back(raw[i]);
    }
  }
  return out;
}

// Reads a label set after its "{" through its "}". Values of the labels a DcgmSample keeps are
// stored in `sample` when `store` is set (the metric is known); otherwise they are only checked.
Status ParseLabels(Cursor& c, bool store, DcgmSample& sample) {
  unsigned seen = 0;  // bit per Slot
  while (true) {
    c.SkipBlanks();
    if (c.done()) return Malformed("label set is not closed with '}'");
    if (c.peek() == '}') break;  // "{}" or a trailing comma
    if (!IsLabelNameStart(c.peek())) return Malformed("expected a label name, found " + c.Found());
    const std::size_t name_start = c.pos();
    while (!c.done() && IsLabelNameChar(c.peek())) c.Advance();
    const std::string_view name = c.From(name_start);
    c.SkipBlanks();
    if (c.done() || c.peek() != '=') {
      return Malformed("expected '=' after label name " + Quoted(name) + ", found " + c.Found());
    }
    c.Advance();
    c.SkipBlanks();
    if (c.done() || c.peek() != '"') {
      return Malformed("expected '\"' to open the value of label " + Quoted(name) + ", found " + c.Found());
    }
    c.Advance();
    const std::size_t value_start = c.pos();
    bool escaped = false;
    while (true) {
      if (c.done()) return Malformed("unterminated label value for " + Quoted(name));
      const char ch = c.peek();
      if (ch == '"') break;
      if (ch == '\\') {
        const std::size_t next = c.pos() + 1;
        if (next >= c.line().size()) return Malformed("unterminated label value for " + Quoted(name));
        const char e = c.line()[next];
        if (e != '\\' && e != '"' && e != 'n') {
          return Malformed("invalid escape " + Quoted(c.line().substr(c.pos(), 2)) + " in the value of label " +
                           Quoted(name) + " (only \\\\, \\\" and \\n are allowed)");
        }
        escaped = true;
        c.Advance(2);
        continue;
      }
      c.Advance();
    }
    const std::string_view raw = c.From(value_start);
    c.Advance();  // the closing quote
    const Slot slot = SlotFor(name);
    if (slot != Slot::kNone) {
      const unsigned bit = 1u << static_cast<unsigned>(slot);
      if ((seen & bit) != 0) return Malformed("duplicate label " + Quoted(name));
      seen |= bit;
      if (store) *SlotTarget(sample, slot) = escaped ? Unescape(raw) : std::string(raw);
    }
    c.SkipBlanks();
    if (c.done()) return Malformed("label set is not closed with '}'");
    if (c.peek() == ',') {
      c.Advance();
      continue;
    }
    if (c.peek() != '}') {
      return Malformed("expected ',' or '}' after the value of label " + Quoted(name) + ", found " + c.Found());
    }
    break;
  }
  c.Advance();  // the closing brace
  return Status::Ok();
}

// A sample value as Prometheus reads it (Go's strconv.ParseFloat, decimal forms): an optional sign,
// a decimal float, or NaN / Inf / Infinity in any case.
Status ParseValue(std::string_view token, double& value) {
  std::string_view s = token;
  if (!s.empty() && s.front() == '+') {
    s.remove_prefix(1);
    if (!s.empty() && s.front() == '-') return Malformed("invalid value " + Quoted(token));
  }
  const char* last = s.data() + s.size();
  const auto [ptr, ec] = std::from_chars(s.data(), last, value, std::chars_format::general);
  if (ec == std::errc::result_out_of_range && ptr == last) return Malformed("value out of range: " + Quoted(token));
  if (s.empty() || ec != std::errc() || ptr != last) return Malformed("invalid value " + Quoted(token));
  return Status::Ok();
}

// A timestamp: integer milliseconds since the epoch, optionally signed.
Status ParseTimestamp(std::string_view token, std::int64_t& ms) {
  std::string_view s = token;
  if (!s.empty() && s.front() == '+') {
    s.remove_prefix(1);
    if (!s.empty() && s.front() == '-') return Malformed("invalid timestamp " + Quoted(token));
  }
  const char* last = s.data() + s.size();
  const auto [ptr, ec] = std::from_chars(s.data(), last, ms);
  if (ec == std::errc::result_out_of_range && ptr == last) {
    return Malformed("timestamp out of range: " + Quoted(token));
  }
  if (s.empty() || ec != std::errc() || ptr != last) {
    return Malformed("invalid timestamp " + Quoted(token) + " (expected integer milliseconds)");
  }
  return Status::Ok();
}

// Parses one sample line (not blank, not a comment) into `sample` (value, timestamp, and the kept
// labels when the metric is known) and `field` (empty for a metric this reader does not know).
// On error the returned message says what is wrong, without the "source:line: " prefix.
Status ParseSampleLine(std::string_view line, FieldCache& cache, DcgmSample& sample, std::optional<DcgmField>& field) {
  Cursor c(line);
  c.SkipBlanks();
  if (c.done() || !IsMetricNameStart(c.peek())) return Malformed("expected a metric name, found " + c.Found());
  const std::size_t name_start = c.pos();
  while (!c.done() && IsMetricNameChar(c.peek())) c.Advance();
  const std::string_view name = c.From(name_start);
  field = cache.Lookup(name);

  std::size_t blanks = c.SkipBlanks();
  bool has_labels = false;
  if (!c.done() && c.peek() == '{') {
    c.Advance();
    has_labels = true;
    CKYC_RETURN_IF_ERROR(ParseLabels(c, field.has_value(), sample));
    blanks = c.SkipBlanks();
  }
  if (c.done()) return Malformed("missing value for metric " + Quoted(name));
  if (blanks == 0 && !has_labels) {
    return Malformed("unexpected " + c.Found() + " after metric name " + Quoted(name));
  }
  CKYC_RETURN_IF_ERROR(ParseValue(c.Token(), sample.value));

  c.SkipBlanks();
  if (c.done()) return Status::Ok();
  std::int64_t ms = 0;
  CKYC_RETURN_IF_ERROR(ParseTimestamp(c.Token(), ms));
  sample.timestamp_ms = ms;
  c.SkipBlanks();
  if (!c.done()) return Malformed("unexpected text after the timestamp: " + Quoted(line.substr(c.pos())));
  return Status::Ok();
}

// DCGM reports a value it could not read ("blank", "not found", "not supported", "not permissioned")
// as a sentinel near the top of the field type's range, never as 0, and dcgm-exporter does not
// always filter them out. Dropped:
//  - non-finite values (NaN, ±Inf);
//  - int64 sentinels: DCGM_INT64_BLANK = 0x7ffffffffffffff0 (9223372036854775792) and the next 15
//    (NOT_SUPPORTED = 9223372036854775794 is the one usually seen). They lose precision on the way
//    through a double, so everything ≥ 9.223372036854e18 - 1e6 goes; no real counter gets there.
//  - int32 sentinels: DCGM_INT32_BLANK = 0x7ffffff0 (2147483632) .. 0x7fffffff (2147483647). A
//    counter that really passes through this 16-wide window (TOTAL_ENERGY in mJ does, once, after
//    ~2.1 MJ) loses at most that one sample.
//  - fp64 sentinels: DCGM_FP64_BLANK = 2^47 = 140737488355328.0 .. 2^47 + 15, same reasoning.
bool IsDcgmBlank(double v) {
  constexpr double kInt64BlankFloor = 9.223372036854e18 - 1e6;
  constexpr double kInt32BlankFirst = 2147483632.0;  // 0x7ffffff0
  constexpr double kInt32BlankLast = 2147483647.0;   // 0x7fffffff
  constexpr double kFp64BlankFirst = 140737488355328.0;
  constexpr double kFp64BlankLast = kFp64BlankFirst + 15.0;
  if (!std::isfinite(v)) return true;
  if (v >= kInt64BlankFloor) return true;
  if (v >= kInt32BlankFirst && v <= kInt32BlankLast) return true;
  return v >= kFp64BlankFirst && v <= kFp64BlankLast;
}

}  // namespace

std::optional<DcgmField> DcgmFieldFromName(std::string_view metric_name) {
  const auto* it = std::lower_bound(std::begin(kFieldNames), std::end(kFieldNames), metric_name,
                                    [](const FieldName& entry, std::string_view name) { return entry.name < name; });
  if (it == std::end(kFieldNames) || it->name != metric_name) return std::nullopt;
  return it->field;
}

DcgmParseResult ParseDcgmExposition(std::string_view text, std::string_view source) {
  DcgmParseResult result;
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  FieldCache cache;
  for (Lines lines(text); lines.Next();) {
    const std::size_t line_number = lines.number();
    std::string_view line = lines.line();

    const std::size_t first = line.find_first_not_of(" \t");
    if (first == std::string_view::npos || line[first] == '#') continue;  // blank, # HELP, # TYPE, comment

    DcgmSample sample;
    std::optional<DcgmField> field;
    if (Status status = ParseSampleLine(line, cache, sample, field); !status.ok()) {
      result.errors.push_back(std::string(source) + ":" + std::to_string(line_number) + ": " + status.message());
      continue;
    }
    if (!field) {
      ++result.skipped_unknown_metric;
      continue;
    }
    if (IsDcgmBlank(sample.value)) {
      ++result.dropped_blank;
      continue;
    }
    sample.field = *field;
    sample.line = line_number;
    result.samples.push_back(std::move(sample));
  }
  return result;
}

}  // namespace ckyc::metering
