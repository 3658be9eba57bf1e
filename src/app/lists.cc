#include "app/lists.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <set>

#include "core/data_files.h"
#include "core/gzip.h"
#include "core/strings.h"
#include "metering/usage.h"
#include "screening/list_serialize.h"
#include "screening/lists.h"
#include "text/telegraph.h"

namespace ckyc::app {
namespace {

namespace fs = std::filesystem;

// Reads `name` beside `main`; a missing sibling is empty (OFAC publishes some files empty).
Result<std::string> Sibling(const fs::path& main, const std::string& name, std::vector<std::string>& files) {
  const fs::path p = main.parent_path() / name;
  std::error_code ec;
  if (!fs::exists(p, ec)) return std::string();
  files.push_back(p.string());
  return ReadFile(p.string());
}

// The Unihan telegraph-code table: $CKYC_UNIHAN_DIR, else Debian's unicode-data. Loaded once.
Result<const text::TelegraphCodeTable*> TelegraphTable() {
  static Result<text::TelegraphCodeTable> table = []() -> Result<text::TelegraphCodeTable> {
    std::string dir = "/usr/share/unicode";
    if (const char* env = std::getenv("CKYC_UNIHAN_DIR"); env != nullptr && *env != '\0') dir = env;
    for (const char* name : {"Unihan_OtherMappings.txt", "Unihan_OtherMappings.txt.bz2"}) {
      const std::string path = dir + "/" + name;
      std::error_code ec;
      if (!fs::exists(path, ec)) continue;
      CKYC_ASSIGN_OR_RETURN(std::string bytes, ReadFile(path));
      if (path.size() > 4 && path.substr(path.size() - 4) == ".bz2") {
        CKYC_ASSIGN_OR_RETURN(bytes, Bunzip2(bytes, path));
      }
      return text::TelegraphCodeTable::Parse(bytes, path);
    }
    return Status::NotFound("no Unihan_OtherMappings.txt in " + dir + " (install Debian's unicode-data)");
  }();
  if (!table.ok()) return table.status();
  return &table.value();
}

// OFAC publishes some Chinese names romanised only, with their Chinese Commercial Codes in the
// remarks: decode those into Hanzi aliases, which is how customers write the names.
void AddHanziFromTelegraphCodes(std::vector<screening::ListEntry>& entries, std::vector<std::string>& errors) {
  bool any = false;
  for (const auto& e : entries) {
    for (const auto& id : e.identifiers) any = any || id.first == "Chinese Commercial Code";
  }
  if (!any) return;
  auto table = TelegraphTable();
  if (!table.ok()) {
    errors.push_back("Chinese Commercial Codes not decoded: " + table.status().message());
    return;
  }
  for (auto& e : entries) {
    for (const auto& [type, value] : e.identifiers) {
      if (type != "Chinese Commercial Code") continue;
      auto hanzi = (*table)->Decode(value);
      if (!hanzi.ok()) {
        errors.push_back(e.list + " " + e.entry_id + ": " + hanzi.status().message());
        continue;
      }
      if (std::find(e.aliases.begin(), e.aliases.end(), *hanzi) == e.aliases.end()) e.aliases.push_back(*hanzi);
    }
  }
}

Result<std::string> DetectListFormat(const fs::path& path, std::string_view head) {
  const std::string name = AsciiLower(path.filename().string());
  if (name == "sdn.csv") return std::string("sdn");
  if (name == "cons_prim.csv") return std::string("cons");
  if (name.size() > 4 && name.substr(name.size() - 4) == ".xml") return std::string("un");
  head = TrimAscii(head);
  const std::string_view first = head.substr(0, head.find('\n'));
  if (!head.empty() && head.front() == '{') return std::string("ftm");
  if (first.find('\t') != std::string_view::npos && first.find("Name") != std::string_view::npos) {
    return std::string("dpl");
  }
  if (first.find("entity_number") != std::string_view::npos || first.find("source") != std::string_view::npos) {
    return std::string("csl");
  }
  if (head.rfind("<?xml", 0) == 0 || head.rfind("<CONSOLIDATED_LIST", 0) == 0) return std::string("un");
  return Status::InvalidArgument(path.string() +
                                 ": cannot tell the list format; pass --format sdn|cons|csl|dpl|un|ftm");
}

}  // namespace

Result<ListImportSummary> ImportListPath(const std::string& path, const std::optional<std::string>& format_in,
                                         const ReferenceData& data, store::Store& store) {
  fs::path main = path;
  std::error_code ec;
  if (fs::is_directory(main, ec)) {
    if (fs::exists(main / "sdn.csv")) {
      main /= "sdn.csv";
    } else if (fs::exists(main / "cons_prim.csv")) {
      main /= "cons_prim.csv";
    } else {
      return Status::InvalidArgument(path + ": a folder must hold sdn.csv or cons_prim.csv");
    }
  }
  ListImportSummary out;
  out.files.push_back(main.string());
  CKYC_ASSIGN_OR_RETURN(std::string text, ReadFile(main.string()));
  std::string format;
  if (format_in) {
    format = AsciiLower(*format_in);
  } else {
    CKYC_ASSIGN_OR_RETURN(format, DetectListFormat(main, std::string_view(text).substr(0, 4096)));
  }
  Result<screening::ListLoad> load =
      Status::InvalidArgument("--format '" + format + "': want one of sdn, cons, csl, dpl, un, ftm");
  std::string list;
  if (format == "sdn" || format == "cons") {
    const bool sdn = format == "sdn";
    screening::OfacFiles f;
    f.main = text;
    f.main_name = main.string();
    CKYC_ASSIGN_OR_RETURN(std::string add, Sibling(main, sdn ? "add.csv" : "cons_add.csv", out.files));
    CKYC_ASSIGN_OR_RETURN(std::string alt, Sibling(main, sdn ? "alt.csv" : "cons_alt.csv", out.files));
    CKYC_ASSIGN_OR_RETURN(std::string comments,
                          Sibling(main, sdn ? "sdn_comments.csv" : "cons_comments.csv", out.files));
    f.add = add;
    f.alt = alt;
    f.comments = comments;
    f.add_name = (main.parent_path() / (sdn ? "add.csv" : "cons_add.csv")).string();
    f.alt_name = (main.parent_path() / (sdn ? "alt.csv" : "cons_alt.csv")).string();
    f.comments_name = (main.parent_path() / (sdn ? "sdn_comments.csv" : "cons_comments.csv")).string();
    list = sdn ? "SDN" : "NONSDN";
    load = screening::LoadOfac(f, list, data.countries);
  } else if (format == "csl") {
    list = "CSL";
    load = screening::LoadCsl(text, main.string(), data.countries);
  } else if (format == "dpl") {
    list = "DPL";
    load = screening::LoadDpl(text, main.string(), data.countries);
  } else if (format == "un") {
    list = "UN";
    load = screening::LoadUn(text, main.string(), data.countries);
  } else if (format == "ftm") {
    list = "FTM";
    load = screening::LoadFtm(text, main.string(), data.countries);
  }
  if (!load.ok()) return load.status();
  out.rows = load->rows;
  out.errors = load->errors;
  AddHanziFromTelegraphCodes(load->entries, out.errors);

  // Stored under "<list>/<entry id>": the CSL numbers entries per source list, so ids repeat across
  // its sources. A key that repeats within one list is a data error; the first entry is kept.
  std::vector<store::ListEntryDoc> docs;
  std::set<std::string> seen;
  for (const screening::ListEntry& e : load->entries) {
    const std::string key = e.list + "/" + e.entry_id;
    if (!seen.insert(key).second) {
      out.errors.push_back(main.string() + ":" + std::to_string(e.line) + ": field 'entry_id': '" + key +
                           "' repeats an earlier entry (kept the first)");
      continue;
    }
    docs.push_back({key, screening::ToJson(e)});
  }
  std::sort(docs.begin(), docs.end(), [](const auto& a, const auto& b) { return a.entry_id < b.entry_id; });
  std::string all;
  for (const auto& d : docs) {
    all += d.doc;
    all += '\n';
  }
  store::ListVersion v;
  v.list = list;
  v.format = format;
  v.source = path;
  v.published = load->published;
  v.content_hash = metering::ContentId(all);
  CKYC_ASSIGN_OR_RETURN(auto put, store.PutListVersion(v, docs));
  out.version = put.version;
  out.created = put.created;
  return out;
}

Result<ListDiff> DiffListVersions(store::Store& store, std::int64_t from_id, std::int64_t to_id) {
  CKYC_ASSIGN_OR_RETURN(auto versions, store.ListVersions());
  ListDiff d;
  bool have_from = false, have_to = false;
  for (const auto& v : versions) {
    if (v.id == from_id) {
      d.from = v;
      have_from = true;
    }
    if (v.id == to_id) {
      d.to = v;
      have_to = true;
    }
  }
  if (!have_from) return Status::NotFound("no list version " + std::to_string(from_id) + " (see ckyc lists status)");
  if (!have_to) return Status::NotFound("no list version " + std::to_string(to_id) + " (see ckyc lists status)");
  CKYC_ASSIGN_OR_RETURN(auto a, store.ListEntries(from_id));
  CKYC_ASSIGN_OR_RETURN(auto b, store.ListEntries(to_id));
  std::size_t i = 0, j = 0;  // both sorted by entry_id
  while (i < a.size() || j < b.size()) {
    if (j == b.size() || (i < a.size() && a[i].entry_id < b[j].entry_id)) {
      d.removed.push_back(a[i++].entry_id);
    } else if (i == a.size() || b[j].entry_id < a[i].entry_id) {
      d.added.push_back(b[j++].entry_id);
    } else {
      if (a[i].doc != b[j].doc) d.changed.push_back(a[i].entry_id);
      ++i;
      ++j;
    }
  }
  return d;
}

}  // namespace ckyc::app
