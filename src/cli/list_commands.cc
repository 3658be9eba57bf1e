// `ckyc lists ...`: import restricted-party lists as versions, show them, compare two versions.
#include <algorithm>
#include <nlohmann/json.hpp>

#include "app/lists.h"
#include "app/reference_data.h"
#include "cli/common.h"
#include "cli/table.h"

namespace ckyc::cli {

// The callbacks run after this function returns: they capture only caller-owned objects.
void AddListCommands(CLI::App& app, Options& o, int& rc, std::ostream& out, std::ostream& err) {
  auto* lists = app.add_subcommand("lists", "Restricted-party lists: import versions, status, differences");
  lists->require_subcommand(1);
  lists->footer(
      "Examples:\n"
      "  ckyc lists import sdn/                      # sdn.csv with add.csv, alt.csv, sdn_comments.csv\n"
      "  ckyc lists import consolidated.csv          # trade.gov CSL (with or without _id)\n"
      "  ckyc lists import UN_consolidated.xml --format un\n"
      "  ckyc lists status\n"
      "  ckyc lists diff 1 2 --json");

  auto* import_cmd = lists->add_subcommand("import", "Import a list file (or OFAC folder) as a new version");
  import_cmd->add_option("PATH", o.name, "File, or folder holding sdn.csv / cons_prim.csv")->required();
  import_cmd->add_option("--format", o.format, "sdn, cons, csl, dpl, un or ftm (default: detected)");
  import_cmd->add_option("--db", o.db, "Database path (default: $CKYC_DB, else ./ckyc.db)");
  import_cmd->add_flag("--json", o.json, "JSON summary");
  import_cmd->callback([&] {
    CKYC_CLI_TRY(data, app::LoadReferenceData());
    static const SystemClock clock;
    CKYC_CLI_TRY(st, store::OpenSqliteStore(store::DefaultDatabasePath(o.db), clock));
    CKYC_CLI_TRY(s,
                 app::ImportListPath(o.name, o.format.empty() ? std::nullopt : std::optional(o.format), **data, **st));
    if (o.json) {
      out << nlohmann::json{{"version", s->version.id},
                            {"list", s->version.list},
                            {"format", s->version.format},
                            {"published", s->version.published},
                            {"entries", s->version.entries},
                            {"rows", s->rows},
                            {"created", s->created},
                            {"errors", s->errors},
                            {"files", s->files}}
                 .dump(2)
          << "\n";
      return;
    }
    const std::size_t shown = std::min<std::size_t>(s->errors.size(), 20);
    for (std::size_t i = 0; i < shown; ++i) err << "ckyc: " << s->errors[i] << "\n";
    if (s->errors.size() > shown) err << "ckyc: ... and " << (s->errors.size() - shown) << " more skipped rows\n";
    out << s->version.list << " (" << s->version.format << "): " << s->version.entries << " entries from " << s->rows
        << " rows, " << s->errors.size() << " rows skipped; "
        << (s->created ? "stored as version " : "unchanged, already version ") << s->version.id << "\n";
  });

  auto* status = lists->add_subcommand("status", "The stored list versions");
  status->add_option("--db", o.db, "Database path");
  status->add_flag("--json", o.json, "JSON array");
  status->callback([&] {
    static const SystemClock clock;
    CKYC_CLI_TRY(st, store::OpenSqliteStore(store::DefaultDatabasePath(o.db), clock));
    CKYC_CLI_TRY(versions, (*st)->ListVersions());
    nlohmann::json arr = nlohmann::json::array();
    TextTable t({"Version", "List", "Format", "Entries", "Published", "Imported", "Source"});
    for (const auto& v : *versions) {
      arr.push_back({{"version", v.id},
                     {"list", v.list},
                     {"format", v.format},
                     {"entries", v.entries},
                     {"published", v.published},
                     {"imported_at", v.imported_at},
                     {"source", v.source},
                     {"content_hash", v.content_hash}});
      t.AddRow({std::to_string(v.id), v.list, v.format, std::to_string(v.entries),
                v.published.empty() ? "-" : v.published, v.imported_at, v.source});
    }
    if (o.json) {
      out << arr.dump(2) << "\n";
    } else {
      t.Print(out);
      out << "\n" << versions->size() << " list versions.\n";
    }
  });

  auto* show = lists->add_subcommand("show", "One entry of a list version, as stored");
  show->add_option("VERSION", o.version_from, "Version id (see lists status)")->required();
  show->add_option("ENTRY", o.name, "Entry key: <list>/<the list's own id>, e.g. SDN/16318")->required();
  show->add_option("--db", o.db, "Database path");
  show->callback([&] {
    static const SystemClock clock;
    CKYC_CLI_TRY(st, store::OpenSqliteStore(store::DefaultDatabasePath(o.db), clock));
    CKYC_CLI_TRY(entries, (*st)->ListEntries(o.version_from));
    auto it = std::lower_bound(entries->begin(), entries->end(), o.name,
                               [](const store::ListEntryDoc& d, const std::string& key) { return d.entry_id < key; });
    if (it == entries->end() || it->entry_id != o.name) {
      rc = Fail(err, Status::NotFound("no entry '" + o.name + "' in list version " + std::to_string(o.version_from)));
      return;
    }
    out << nlohmann::json::parse(it->doc).dump(2) << "\n";
  });

  auto* diff = lists->add_subcommand("diff", "Entries added, removed and changed between two versions");
  diff->add_option("OLD", o.version_from, "Version id")->required();
  diff->add_option("NEW", o.version_to, "Version id")->required();
  diff->add_option("--db", o.db, "Database path");
  diff->add_flag("--json", o.json, "JSON document");
  diff->callback([&] {
    static const SystemClock clock;
    CKYC_CLI_TRY(st, store::OpenSqliteStore(store::DefaultDatabasePath(o.db), clock));
    CKYC_CLI_TRY(d, app::DiffListVersions(**st, o.version_from, o.version_to));
    if (o.json) {
      out << nlohmann::json{{"from", d->from.id},
                            {"to", d->to.id},
                            {"added", d->added},
                            {"removed", d->removed},
                            {"changed", d->changed}}
                 .dump(2)
          << "\n";
      return;
    }
    out << "From version " << d->from.id << " (" << d->from.list << ", " << d->from.entries << " entries) to "
        << d->to.id << " (" << d->to.list << ", " << d->to.entries << " entries): " << d->added.size() << " added, "
        << d->removed.size() << " removed, " << d->changed.size() << " changed\n";
  });
}  // namespace ckyc::cli

}  // namespace ckyc::cli
