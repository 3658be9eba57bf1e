#include "metering/readers.h"

#include <simdjson.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <map>

#include "core/csv.h"
#include "core/hash.h"
#include "core/strings.h"

namespace ckyc::metering {
namespace {

// FOCUS exports write SQL NULL as the text NULL.
std::string_view Value(std::string_view v) {
  v = TrimAscii(v);
  return v == "NULL" ? std::string_view() : v;
}

std::string Where(std::string_view source, std::size_t line, std::string_view field) {
  return std::string(source) + ":" + std::to_string(line) + ": field '" + std::string(field) + "'";
}

bool IsHours(std::string_view unit) {
  const std::string u = AsciiLower(Value(unit));
  return u.empty() || u == "hours" || u == "hour" || u == "hrs" || u == "hr" || u == "h";
}

// Fills the derived fields of `r` from a used-hours amount; returns an error text or "".
std::string FillSeconds(UsageRecord& r, double used_hours, int per_instance) {
  if (!std::isfinite(used_hours) || used_hours < 0) return "usage amount must be a non-negative number of hours";
  if (r.end <= r.start) return "end is not after start";
  const std::int64_t used = std::llround(used_hours * 3600.0);
  const std::int64_t span = r.end - r.start;
  // A line item may cover several instances at once (no resource ids): concurrency is
  // used seconds over the span, at least one instance.
  const std::int64_t instances = std::max<std::int64_t>(1, (used + span - 1) / span);
  r.accelerators = instances * per_instance;
  r.accelerator_seconds = used * per_instance;
  return "";
}

void NoteUnknown(ReadReport& report, std::string_view name, std::size_t line, std::string_view source,
                 std::string_view field) {
  auto [it, inserted] = report.unknown_names.emplace(std::string(name), 0);
  ++it->second;
  if (inserted) {
    report.errors.push_back({line, Where(source, line, field) + ": '" + std::string(name) +
                                       "' is not in the accelerator catalog (row skipped; later rows with "
                                       "this name are counted, not listed)"});
  }
}

// Parses the start/end pair into r; returns "" or the field that failed and why.
std::string ParseSpan(UsageRecord& r, std::string_view start, std::string_view end, std::string_view start_field,
                      std::string_view end_field, std::string_view source, std::size_t line) {
  auto s = ParseTimestamp(Value(start));
  if (!s.ok()) return Where(source, line, start_field) + ": " + s.status().message();
  auto e = ParseTimestamp(Value(end));
  if (!e.ok()) return Where(source, line, end_field) + ": " + e.status().message();
  r.start = *s;
  r.end = *e;
  if (r.end <= r.start) return Where(source, line, end_field) + ": end is not after start";
  return "";
}

// Remembers name → catalog entry for one file: exports repeat a handful of names millions of times,
// and the catalog lookup normalises the name first.
template <typename Catalog, typename Entry>
class NameMemo {
 public:
  explicit NameMemo(const Catalog& catalog) : catalog_(catalog) {}
  const Entry* Find(std::string_view name) {
    if (name == last_name_) return last_;
    auto it = memo_.find(name);
    const Entry* e =
        it != memo_.end() ? it->second : memo_.emplace(std::string(name), catalog_.Find(name)).first->second;
    last_name_.assign(name);
    last_ = e;
    return e;
  }

 private:
  const Catalog& catalog_;
  std::map<std::string, const Entry*, std::less<>> memo_;
  std::string last_name_ = "\x01";  // matches no real name
  const Entry* last_ = nullptr;
};
using InstanceMemo = NameMemo<chips::InstanceCatalog, chips::InstanceType>;
using PartMemo = NameMemo<chips::AcceleratorCatalog, chips::Accelerator>;

// The billing columns a usage row's span and amount come from, with their names for messages.
struct SpanColumns {
  std::optional<std::size_t> start, end, amount;
  std::string_view start_name, end_name, amount_name;
};

// Reads the span and the used-hours amount of a billing row into `r`; "" or the positioned error.
std::string FillFromBillingRow(UsageRecord& r, const CsvTable::Row& row, const SpanColumns& c, int per_instance,
                               std::string_view source) {
  std::string err = ParseSpan(r, row.Get(c.start), row.Get(c.end), c.start_name, c.end_name, source, row.line());
  if (!err.empty()) return err;
  auto amount = ParseDouble(Value(row.Get(c.amount)));
  if (!amount || *amount < 0) {
    return Where(source, row.line(), c.amount_name) + ": not a non-negative number: '" +
           std::string(row.Get(c.amount)) + "'";
  }
  err = FillSeconds(r, *amount, per_instance);
  return err.empty() ? err : Where(source, row.line(), c.amount_name) + ": " + err;
}

std::string RowContentId(const CsvTable::Row& row, const std::vector<std::optional<std::size_t>>& columns);

}  // namespace

std::string ContentId(std::string_view content) {
  // 128 bits (two independent 64-bit hashes): accidental collisions across billions of records
  // are negligible. Not a security hash.
  char buf[40];
  std::snprintf(buf, sizeof buf, "h:%016llx%016llx", static_cast<unsigned long long>(Hash64(content, 1)),
                static_cast<unsigned long long>(Hash64(content, 2)));
  return buf;
}

namespace {

// The id of a row without one: a content hash of the columns that identify it.
std::string RowContentId(const CsvTable::Row& row, const std::vector<std::optional<std::size_t>>& columns) {
  std::string content;
  for (const auto& col : columns) {
    content += row.Get(col);
    content += '\x1f';
  }
  return ContentId(content);
}

}  // namespace

std::string_view UsageFormatName(UsageFormat f) {
  switch (f) {
    case UsageFormat::kCur: return "cur";
    case UsageFormat::kFocus: return "focus";
    case UsageFormat::kJsonLines: return "jsonl";
    case UsageFormat::kDcgm: return "dcgm";
  }
  return "?";
}

Result<UsageFormat> ParseUsageFormat(std::string_view name) {
  for (UsageFormat f : {UsageFormat::kCur, UsageFormat::kFocus, UsageFormat::kJsonLines, UsageFormat::kDcgm}) {
    if (AsciiLower(name) == UsageFormatName(f)) return f;
  }
  return Status::InvalidArgument("--format '" + std::string(name) + "': want one of cur, focus, jsonl, dcgm");
}

Result<UsageFormat> DetectUsageFormat(std::string_view text, std::string_view source) {
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  std::string_view head = TrimAscii(text.substr(0, 4096));
  if (!head.empty() && head.front() == '{') return UsageFormat::kJsonLines;
  if (head.rfind("# HELP", 0) == 0 || head.rfind("# TYPE", 0) == 0 || head.rfind("DCGM_", 0) == 0) {
    return UsageFormat::kDcgm;
  }
  std::string_view first_line = head.substr(0, head.find('\n'));
  if (first_line.find("line_item_usage_start_date") != std::string_view::npos) return UsageFormat::kCur;
  if (first_line.find("ChargePeriodStart") != std::string_view::npos) return UsageFormat::kFocus;
  return Status::InvalidArgument(std::string(source) +
                                 ": cannot tell the format (not CUR 2.0, FOCUS, JSON lines or DCGM text); "
                                 "pass --format");
}

Status ReadCur(std::string_view text, std::string_view source, const chips::InstanceCatalog& instances,
               ReadReport& report, UsageSink& sink) {
  CKYC_ASSIGN_OR_RETURN(CsvTable table, CsvTable::Parse(text, source));
  CKYC_RETURN_IF_ERROR(
      table.RequireColumns({"line_item_usage_account_id", "line_item_usage_start_date", "line_item_usage_end_date",
                            "line_item_line_item_type", "line_item_usage_amount", "line_item_usage_type"}));
  // Column indices once per file: the row loop does no name lookups.
  const auto col_bill_payer_account_id = table.Column("bill_payer_account_id");
  const auto col_identity_line_item_id = table.Column("identity_line_item_id");
  const auto col_identity_time_interval = table.Column("identity_time_interval");
  const auto col_line_item_availability_zone = table.Column("line_item_availability_zone");
  const SpanColumns span_columns{table.Column("line_item_usage_start_date"),
                                 table.Column("line_item_usage_end_date"),
                                 table.Column("line_item_usage_amount"),
                                 "line_item_usage_start_date",
                                 "line_item_usage_end_date",
                                 "line_item_usage_amount"};
  std::vector<std::optional<std::size_t>> identity_columns;  // the row's identity, without a line item id
  for (const char* c :
       {"line_item_usage_account_id", "line_item_resource_id", "line_item_usage_type", "line_item_usage_start_date",
        "line_item_usage_end_date", "line_item_usage_amount", "line_item_line_item_type"}) {
    identity_columns.push_back(table.Column(c));
  }
  const auto col_line_item_line_item_type = table.Column("line_item_line_item_type");
  const auto col_line_item_resource_id = table.Column("line_item_resource_id");
  const auto col_line_item_usage_account_id = table.Column("line_item_usage_account_id");
  const auto col_line_item_usage_type = table.Column("line_item_usage_type");
  const auto col_pricing_unit = table.Column("pricing_unit");
  const auto col_product_instance_type = table.Column("product_instance_type");
  const auto col_product_region_code = table.Column("product_region_code");
  InstanceMemo memo(instances);
  sink.ExpectRecords(table.size());
  for (std::size_t i = 0; i < table.size(); ++i) {
    auto row = table.row(i);
    ++report.rows;
    const std::string_view type = Value(row.Get(col_line_item_line_item_type));
    // Only usage: fees, credits, refunds, RI/SP amortisation and taxes would double count.
    if (type != "Usage" && type != "DiscountedUsage" && type != "SavingsPlanCoveredUsage") {
      ++report.skipped_not_usage;
      continue;
    }
    if (!IsHours(row.Get(col_pricing_unit))) {
      ++report.skipped_not_usage;
      continue;
    }
    std::string instance_type(Value(row.Get(col_product_instance_type)));
    if (instance_type.empty()) {
      // "USE1-BoxUsage:p5.48xlarge", "SpotUsage:g5.xlarge"
      std::string_view usage_type = Value(row.Get(col_line_item_usage_type));
      const std::size_t colon = usage_type.rfind(':');
      if (colon == std::string_view::npos || usage_type.find("Usage") == std::string_view::npos) {
        ++report.skipped_no_accelerator;
        continue;
      }
      instance_type = std::string(usage_type.substr(colon + 1));
    }
    const chips::InstanceType* it = memo.Find(instance_type);
    if (it == nullptr) {
      NoteUnknown(report, instance_type, row.line(), source, "product_instance_type");
      ++report.skipped_no_accelerator;
      continue;
    }
    UsageRecord r;
    if (std::string err = FillFromBillingRow(r, row, span_columns, it->count, source); !err.empty()) {
      report.errors.push_back({row.line(), err});
      continue;
    }
    r.account = std::string(Value(row.Get(col_line_item_usage_account_id)));
    if (r.account.empty()) {
      report.errors.push_back({row.line(), Where(source, row.line(), "line_item_usage_account_id") + ": empty"});
      continue;
    }
    r.customer = std::string(Value(row.Get(col_bill_payer_account_id)));
    if (r.customer.empty()) r.customer = r.account;
    r.resource = std::string(Value(row.Get(col_line_item_resource_id)));
    r.accelerator = it->accelerator->id;
    r.instance_type = it->name;
    r.region = std::string(Value(row.Get(col_line_item_availability_zone)));
    if (r.region.empty()) r.region = std::string(Value(row.Get(col_product_region_code)));
    r.network_gbps = it->network_gbps;
    const std::string_view line_item_id = Value(row.Get(col_identity_line_item_id));
    if (!line_item_id.empty()) {
      r.id = std::string(line_item_id) + "@" + std::string(Value(row.Get(col_identity_time_interval)));
    } else {
      r.id = RowContentId(row, identity_columns);
    }
    CKYC_RETURN_IF_ERROR(sink.Accept(r));
    ++report.accepted;
  }
  return Status::Ok();
}

Status ReadFocus(std::string_view text, std::string_view source, const chips::InstanceCatalog& instances,
                 ReadReport& report, UsageSink& sink) {
  CKYC_ASSIGN_OR_RETURN(CsvTable table, CsvTable::Parse(text, source));
  CKYC_RETURN_IF_ERROR(table.RequireColumns(
      {"ChargePeriodStart", "ChargePeriodEnd", "ChargeCategory", "ConsumedQuantity", "ConsumedUnit", "SubAccountId"}));
  // Column indices once per file: the row loop does no name lookups.
  const auto col_AvailabilityZone = table.Column("AvailabilityZone");
  const SpanColumns span_columns{table.Column("ChargePeriodStart"),
                                 table.Column("ChargePeriodEnd"),
                                 table.Column("ConsumedQuantity"),
                                 "ChargePeriodStart",
                                 "ChargePeriodEnd",
                                 "ConsumedQuantity"};
  const auto col_SkuId = table.Column("SkuId");
  const auto col_ChargeDescription = table.Column("ChargeDescription");
  const std::vector<std::optional<std::size_t>> instance_columns = {
      table.Column("x_InstanceType"), table.Column("InstanceType"), table.Column("ResourceType")};
  std::vector<std::optional<std::size_t>> identity_columns;  // FOCUS rows carry no id: hash these
  for (const char* c : {"BillingAccountId", "SubAccountId", "ResourceId", "SkuId", "ChargePeriodStart",
                        "ChargePeriodEnd", "ChargeDescription", "ConsumedQuantity", "Id"}) {
    identity_columns.push_back(table.Column(c));
  }
  const auto col_BillingAccountId = table.Column("BillingAccountId");
  const auto col_ChargeCategory = table.Column("ChargeCategory");
  const auto col_ChargeClass = table.Column("ChargeClass");
  const auto col_ConsumedUnit = table.Column("ConsumedUnit");
  const auto col_RegionId = table.Column("RegionId");
  const auto col_ResourceId = table.Column("ResourceId");
  const auto col_SubAccountId = table.Column("SubAccountId");
  for (std::size_t i = 0; i < table.size(); ++i) {
    auto row = table.row(i);
    ++report.rows;
    if (Value(row.Get(col_ChargeCategory)) != "Usage" || Value(row.Get(col_ChargeClass)) == "Correction" ||
        !IsHours(row.Get(col_ConsumedUnit))) {
      ++report.skipped_not_usage;
      continue;
    }
    // FOCUS normalises cost, not accelerator identity: find a catalog instance type in the
    // provider column, the charge description ("$1.624 per On Demand Linux g5.4xlarge Instance
    // Hour") or the SKU.
    const chips::InstanceType* it = nullptr;
    std::string named;
    for (const auto& col : instance_columns) {
      std::string_view v = Value(row.Get(col));
      if (!v.empty() && (it = instances.Find(v)) != nullptr) break;
    }
    for (const auto& col : {col_ChargeDescription, col_SkuId}) {
      if (it != nullptr) break;
      for (const std::string& token : Split(Value(row.Get(col)), ' ')) {
        if (token.find('.') == std::string::npos && token.find('_') == std::string::npos &&
            token.find('-') == std::string::npos) {
          continue;  // instance type names always carry a separator; skips "per", "Linux", prices
        }
        if ((it = instances.Find(token)) != nullptr) break;
        // Remember what looked like an instance type for the unknown-name report.
        if (named.empty() && token.find('.') != std::string::npos && token.find('$') == std::string::npos &&
            std::isalpha(static_cast<unsigned char>(token[0]))) {
          named = token;
        }
      }
    }
    if (it == nullptr) {
      if (!named.empty()) NoteUnknown(report, named, row.line(), source, "ChargeDescription");
      ++report.skipped_no_accelerator;
      continue;
    }
    UsageRecord r;
    if (std::string err = FillFromBillingRow(r, row, span_columns, it->count, source); !err.empty()) {
      report.errors.push_back({row.line(), err});
      continue;
    }
    r.account = std::string(Value(row.Get(col_SubAccountId)));
    r.customer = std::string(Value(row.Get(col_BillingAccountId)));
    if (r.account.empty()) r.account = r.customer;
    if (r.customer.empty()) r.customer = r.account;
    if (r.account.empty()) {
      report.errors.push_back({row.line(), Where(source, row.line(), "SubAccountId") + ": empty"});
      continue;
    }
    r.resource = std::string(Value(row.Get(col_ResourceId)));
    r.accelerator = it->accelerator->id;
    r.instance_type = it->name;
    r.region = std::string(Value(row.Get(col_AvailabilityZone)));
    if (r.region.empty()) r.region = std::string(Value(row.Get(col_RegionId)));
    r.network_gbps = it->network_gbps;
    r.id = RowContentId(row, identity_columns);
    CKYC_RETURN_IF_ERROR(sink.Accept(r));
    ++report.accepted;
  }
  return Status::Ok();
}

Status ReadJsonLines(std::string_view text, std::string_view source, const chips::AcceleratorCatalog& parts,
                     const chips::InstanceCatalog& instances, ReadReport& report, UsageSink& sink,
                     std::size_t readable_after) {
  InstanceMemo instance_memo(instances);
  PartMemo part_memo(parts);
  simdjson::ondemand::parser parser;
  // Lines are parsed in place: simdjson may read up to SIMDJSON_PADDING bytes past a line, which
  // are the following lines or the caller's spare bytes. Only lines too close to the end for that
  // are copied into a padded buffer.
  const char* const readable_end = text.data() + text.size() + readable_after;
  std::string tail_copy;
  sink.ExpectRecords(static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n')) + 1);
  for (Lines lines(text); lines.Next();) {
    const std::size_t line = lines.number();
    const std::string_view raw = TrimAscii(lines.line());
    if (raw.empty()) continue;
    ++report.rows;
    auto fail = [&](std::string_view field, const std::string& what) {
      report.errors.push_back({line, field.empty() ? std::string(source) + ":" + std::to_string(line) + ": " + what
                                                   : Where(source, line, field) + ": " + what});
    };
    simdjson::padded_string_view view;
    if (static_cast<std::size_t>(readable_end - (raw.data() + raw.size())) >= simdjson::SIMDJSON_PADDING) {
      view = simdjson::padded_string_view(raw.data(), raw.size(), static_cast<std::size_t>(readable_end - raw.data()));
    } else {
      tail_copy.assign(raw);
      tail_copy.reserve(raw.size() + simdjson::SIMDJSON_PADDING);
      view = simdjson::padded_string_view(tail_copy.data(), tail_copy.size(), tail_copy.capacity());
    }
    simdjson::ondemand::document doc;
    if (parser.iterate(view).get(doc)) {
      fail("", "not a JSON object");
      continue;
    }
    simdjson::ondemand::object obj;
    if (doc.get_object().get(obj)) {
      fail("", "not a JSON object");
      continue;
    }
    UsageRecord r;
    std::string_view start_text, end_text, instance_type, accelerator;
    std::int64_t count = -1;
    std::int64_t instances_n = 1;
    bool bad = false;
    std::string bad_field;
    // One pass over the fields, in whatever order they come.
    for (auto field : obj) {
      std::string_view key;
      if (field.unescaped_key().get(key)) {
        bad = true;
        break;
      }
      simdjson::ondemand::value v;
      if (field.value().get(v)) {
        bad = true;
        bad_field = key;
        break;
      }
      auto str = [&](std::string_view& out) {
        if (v.get_string().get(out)) {
          bad = true;
          bad_field = key;
        }
      };
      auto str_to = [&](std::string& out) {
        std::string_view s;
        str(s);
        out = std::string(s);
      };
      if (key == "id") {
        str_to(r.id);
      } else if (key == "account") {
        str_to(r.account);
      } else if (key == "customer") {
        str_to(r.customer);
      } else if (key == "resource_id") {
        str_to(r.resource);
      } else if (key == "instance_type") {
        str(instance_type);
      } else if (key == "accelerator") {
        str(accelerator);
      } else if (key == "count" || key == "instances") {
        std::int64_t n = 0;
        if (v.get_int64().get(n)) {
          bad = true;
          bad_field = key;
        }
        (key == "count" ? count : instances_n) = n;
      } else if (key == "start") {
        str(start_text);
      } else if (key == "end") {
        str(end_text);
      } else if (key == "region" || key == "zone") {
        std::string_view s;
        str(s);
        if (key == "zone" || r.region.empty()) r.region = std::string(s);
      } else if (key == "placement_group" || key == "cluster_group") {
        str_to(r.placement);
      } else if (key == "fabric") {
        str_to(r.fabric);
      } else if (key == "network_gbps") {
        double g = 0;
        if (v.get_double().get(g) || g < 0) {
          bad = true;
          bad_field = key;
        }
        r.network_gbps = g;
      } else if (key == "labels") {
        simdjson::ondemand::object labels;
        if (v.get_object().get(labels)) {
          bad = true;
          bad_field = key;
        } else {
          for (auto l : labels) {
            std::string_view lk, lv;
            if (l.unescaped_key().get(lk) || l.value().get_string().get(lv)) continue;
            if (lk == "job" || (lk == "pod" && r.job.empty())) r.job = std::string(lv);
          }
        }
      }
      // Unknown keys are ignored: producers may add their own.
      if (bad) break;
    }
    if (bad) {
      fail(bad_field, bad_field.empty() ? "malformed JSON" : "wrong type or malformed value");
      continue;
    }
    if (r.id.empty()) {
      fail("id", "required");
      continue;
    }
    if (r.account.empty()) {
      fail("account", "required");
      continue;
    }
    if (r.customer.empty()) r.customer = r.account;
    int per_instance = 0;
    if (!instance_type.empty()) {
      const chips::InstanceType* it = instance_memo.Find(instance_type);
      if (it == nullptr) {
        fail("instance_type", instances.Resolve(instance_type).status().message());
        ++report.unknown_names[std::string(instance_type)];
        continue;
      }
      if (instances_n < 1) {
        fail("instances", "must be at least 1, got " + std::to_string(instances_n));
        continue;
      }
      r.accelerator = it->accelerator->id;
      r.instance_type = it->name;
      if (!r.network_gbps) r.network_gbps = it->network_gbps;
      per_instance = it->count * static_cast<int>(std::min<std::int64_t>(instances_n, 1 << 20));
    } else if (!accelerator.empty()) {
      const chips::Accelerator* a = part_memo.Find(accelerator);
      if (a == nullptr) {
        fail("accelerator", parts.Resolve(accelerator).status().message());
        ++report.unknown_names[std::string(accelerator)];
        continue;
      }
      if (count < 1) {
        fail("count", count == -1 ? "required with accelerator" : "must be at least 1, got " + std::to_string(count));
        continue;
      }
      r.accelerator = a->id;
      per_instance = static_cast<int>(std::min<std::int64_t>(count, 1 << 24));
    } else {
      fail("instance_type", "one of instance_type or accelerator is required");
      continue;
    }
    std::string err = ParseSpan(r, start_text, end_text, "start", "end", source, line);
    if (!err.empty()) {
      report.errors.push_back({line, err});
      continue;
    }
    r.accelerators = per_instance;
    r.accelerator_seconds = (r.end - r.start) * per_instance;
    CKYC_RETURN_IF_ERROR(sink.Accept(r));
    ++report.accepted;
  }
  return Status::Ok();
}

namespace {

class CollectSink final : public UsageSink {
 public:
  explicit CollectSink(std::vector<UsageRecord>& out) : out_(out) {}
  Status Accept(const UsageRecord& r) override {
    out_.push_back(r);
    return Status::Ok();
  }

 private:
  std::vector<UsageRecord>& out_;
};

}  // namespace

Result<ReadReport> ReadCur(std::string_view text, std::string_view source, const chips::InstanceCatalog& instances) {
  ReadReport report;
  CollectSink sink(report.records);
  CKYC_RETURN_IF_ERROR(ReadCur(text, source, instances, report, sink));
  return report;
}

Result<ReadReport> ReadFocus(std::string_view text, std::string_view source, const chips::InstanceCatalog& instances) {
  ReadReport report;
  CollectSink sink(report.records);
  CKYC_RETURN_IF_ERROR(ReadFocus(text, source, instances, report, sink));
  return report;
}

Result<ReadReport> ReadJsonLines(std::string_view text, std::string_view source, const chips::AcceleratorCatalog& parts,
                                 const chips::InstanceCatalog& instances) {
  ReadReport report;
  CollectSink sink(report.records);
  CKYC_RETURN_IF_ERROR(ReadJsonLines(text, source, parts, instances, report, sink));
  return report;
}

}  // namespace ckyc::metering
